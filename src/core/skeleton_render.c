/* skeleton_render: a skeleton as the text of a new summary, or of one
 * part to insert (include/zongjie/skeleton.h). */
#include <config.h>

#include "zongjie/skeleton.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "skeleton_internal.h"
#include "zongjie/outline.h"
#include "zongjie/utf8.h"

typedef struct values {
	const zj_skeleton *sk;
	char **value;  /* per variable, NULL when unset */
} values;

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s) && *s != '.')
			return false;
	return true;
}

static void put_value(zj_buf *b, const values *v, const zj_variable *var)
{
	size_t i = (size_t)(var - v->sk->vars);
	if (v->value[i]) {
		zj_buf_puts(b, v->value[i]);
		return;
	}
	switch (var->type) {
	case ZJ_VAR_YEAR: zj_buf_puts(b, "20xx"); break;
	case ZJ_VAR_NUMBER: zj_buf_puts(b, "xx"); break;
	case ZJ_VAR_TEXT:
		if (!strcmp(v->sk->lang, "en"))
			zj_buf_printf(b, "[fill in: %s]", var->label);
		else
			zj_buf_printf(b, "【请填写%s】", var->label);
		break;
	}
}

static void put_text(zj_buf *b, const values *v, const char *text)
{
	for (const char *p = text; *p;) {
		if (b->len > ZJ_SKELETON_MAX_RENDER)
			return; /* refused by the caller: no need to go on */
		const char *open = strstr(p, "{{");
		if (!open) {
			zj_buf_puts(b, p);
			return;
		}
		zj_buf_append(b, p, (size_t)(open - p));
		const char *close = strstr(open, "}}");
		const char *name = open + 2;
		size_t n = (size_t)(close - name);
		put_value(b, v, zj_skeleton_ref(v->sk, &name, &n));
		p = close + 2;
	}
}

/* Appends a body: its lines, trailing blank lines dropped. */
static void put_body(zj_buf *b, const values *v, const char *body)
{
	if (!body)
		return;
	size_t start = b->len;
	put_text(b, v, body);
	while (b->len > start && (b->data[b->len - 1] == '\n' || b->data[b->len - 1] == ' '))
		b->data[--b->len] = '\0';
	if (b->len > start)
		zj_buf_putc(b, '\n');
}

static void put_marker(zj_buf *b, int level, int number, bool english)
{
	char num[16];
	if (english) {
		/* English reports number sections 1. 1.1 … kept simple: 1. (a) (i) */
		if (level == 1)
			zj_buf_printf(b, "%d. ", number);
		else if (level == 2)
			zj_buf_printf(b, "(%c) ", 'a' + (number - 1) % 26);
		return;
	}
	static const zj_marker markers[] = {ZJ_MARK_NONE, ZJ_MARK_CN_COMMA, ZJ_MARK_CN_PAREN_FULL,
					    ZJ_MARK_NUM_DOT, ZJ_MARK_NUM_PAREN_FULL, ZJ_MARK_CIRCLED};
	if (level > 5)
		return;
	zj_marker m = markers[level];
	size_t n = zj_marker_number(m, number, num);
	switch (m) {
	case ZJ_MARK_CN_COMMA: zj_buf_append(b, num, n); zj_buf_puts(b, "、"); break;
	case ZJ_MARK_CN_PAREN_FULL:
	case ZJ_MARK_NUM_PAREN_FULL:
		zj_buf_puts(b, "（"); zj_buf_append(b, num, n); zj_buf_puts(b, "）"); break;
	case ZJ_MARK_NUM_DOT: zj_buf_append(b, num, n); zj_buf_puts(b, "."); break;
	default: zj_buf_append(b, num, n); break;
	}
}

static void put_sections(zj_buf *b, const values *v, const zj_sk_section *s, size_t n,
			 int level, bool english)
{
	for (size_t i = 0; i < n; i++) {
		put_marker(b, level, (int)i + 1, english);
		put_text(b, v, s[i].heading);
		zj_buf_putc(b, '\n');
		put_body(b, v, s[i].body);
		put_sections(b, v, s[i].sections, s[i].nsections, level + 1, english);
	}
}

static void put_part(zj_buf *b, const values *v, const zj_sk_part *p, int number, bool english)
{
	if (p->kind != ZJ_PART_CLOSING) {
		put_marker(b, 1, number, english);
		put_text(b, v, p->heading);
		zj_buf_putc(b, '\n');
	}
	put_body(b, v, p->body);
	put_sections(b, v, p->sections, p->nsections, 2, english);
}

char *zj_skeleton_render_part(const zj_skeleton *sk, size_t part, int number, size_t *len)
{
	values v = {sk, zj_xcalloc(sk->nvars + 1, sizeof(char *))};
	for (size_t i = 0; i < sk->nvars; i++)
		if (sk->vars[i].def && !sk->vars[i].from)
			v.value[i] = zj_xstrdup(sk->vars[i].def);
	zj_buf b = {0};
	put_part(&b, &v, &sk->parts[part], number, !strcmp(sk->lang, "en"));
	for (size_t i = 0; i < sk->nvars; i++)
		free(v.value[i]);
	free(v.value);
	*len = b.len;
	return b.data ? b.data : zj_xstrdup("");
}

char *zj_skeleton_value(const zj_variable *var, const char *value, zj_error *err)
{
	/* full-width digits are digits; a year may say 年 after it */
	zj_buf b = {0};
	size_t len = strlen(value);
	for (size_t i = 0; i < len;) {
		int32_t c;
		size_t n = zj_utf8_decode(value, len, i, &c);
		if (c >= 0xFF10 && c <= 0xFF19)
			zj_buf_putc(&b, (char)('0' + (c - 0xFF10)));
		else if (c == 0xFF0E)
			zj_buf_putc(&b, '.');
		else
			zj_buf_append(&b, value + i, n);
		i += n;
	}
	char *v = b.data ? b.data : zj_xstrdup("");
	size_t vl = strlen(v), nian = strlen("年");
	if (var->type == ZJ_VAR_YEAR && vl > nian && !strcmp(v + vl - nian, "年"))
		v[vl - nian] = '\0';
	/* a year of this era: 0000 would render 0000年 and a next year of 1 */
	bool good = var->type == ZJ_VAR_YEAR   ? strlen(v) == 4 && all_digits(v) && !strchr(v, '.') &&
						 atoi(v) >= 1900 && atoi(v) <= 2099
		    : var->type == ZJ_VAR_NUMBER ? all_digits(v)
						 : true;
	if (good && var->type == ZJ_VAR_TEXT) {
		free(v);
		return zj_xstrdup(value); /* text is taken as typed */
	}
	if (good)
		return v;
	if (var->type == ZJ_VAR_YEAR)
		zj_fail(err, _("%s must be a year such as 2025, not '%s'"), var->name, value);
	else
		zj_fail(err, _("%s must be a number, not '%s'"), var->name, value);
	free(v);
	return NULL;
}

char *zj_skeleton_render(const zj_skeleton *sk, const zj_binding *bindings, size_t nbindings,
			 size_t *len, zj_error *err)
{
	values v = {sk, zj_xcalloc(sk->nvars + 1, sizeof(char *))};
	bool ok = true;
	for (size_t i = 0; i < nbindings && ok; i++) {
		char *normal;
		const zj_variable *var = zj_skeleton_var(sk, bindings[i].name, strlen(bindings[i].name));
		if (!var)
			ok = zj_fail(err, _("the skeleton %s has no variable '%s'"), sk->id,
				     bindings[i].name);
		else if (!(normal = zj_skeleton_value(var, bindings[i].value, err)))
			ok = false;
		else {
			size_t k = (size_t)(var - sk->vars);
			free(v.value[k]);
			v.value[k] = normal;
		}
	}
	/* defaults, then derived values */
	for (size_t i = 0; i < sk->nvars; i++)
		if (!v.value[i] && sk->vars[i].def && !sk->vars[i].from)
			v.value[i] = zj_xstrdup(sk->vars[i].def);
	for (size_t i = 0; i < sk->nvars; i++) {
		const zj_variable *var = &sk->vars[i];
		if (v.value[i] || !var->from)
			continue;
		const zj_variable *src = zj_skeleton_var(sk, var->from, strlen(var->from));
		const char *sv = v.value[src - sk->vars];
		if (!sv)
			continue;
		long long base, sum;
		errno = 0;
		if (var->type == ZJ_VAR_TEXT)
			v.value[i] = zj_xstrdup(sv);
		else if ((base = strtoll(sv, NULL, 10), errno) ||
			 __builtin_add_overflow(base, (long long)var->add, &sum))
			ok = ok && zj_fail(err, _("%s: %s + %ld is out of range"), var->name, sv,
					   var->add);
		else
			v.value[i] = zj_xasprintf("%lld", sum);
	}
	char *out = NULL;
	if (ok) {
		bool english = !strcmp(sk->lang, "en");
		zj_buf b = {0};
		put_text(&b, &v, sk->title);
		zj_buf_puts(&b, "\n\n");
		if (sk->opening) {
			put_body(&b, &v, sk->opening);
			zj_buf_putc(&b, '\n');
		}
		int number = 0;
		for (size_t i = 0; i < sk->nparts; i++) {
			const zj_sk_part *p = &sk->parts[i];
			put_part(&b, &v, p, p->kind != ZJ_PART_CLOSING ? ++number : 0, english);
			if (i + 1 < sk->nparts)
				zj_buf_putc(&b, '\n');
		}
		if (b.len > ZJ_SKELETON_MAX_RENDER) {
			zj_buf_free(&b);
			ok = zj_fail(err, _("the skeleton %s renders to more than %zu bytes"), sk->id,
				     ZJ_SKELETON_MAX_RENDER);
		} else {
			*len = b.len;
			out = b.data ? b.data : zj_xstrdup("");
		}
	}
	for (size_t i = 0; i < sk->nvars; i++)
		free(v.value[i]);
	free(v.value);
	return out;
}
