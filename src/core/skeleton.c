/* skeleton: see include/zongjie/skeleton.h for the format. */
#include <config.h>

#include "zongjie/skeleton.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "i18n.h"
#include "zongjie/export.h"
#include "zongjie/utf8.h"

/* ---- a small YAML tree ------------------------------------------------ */

typedef enum ytype { Y_SCALAR, Y_MAP, Y_SEQ } ytype;

typedef struct ynode {
	ytype type;
	char *value;          /* scalars */
	long line, col;       /* 1-based */
	struct ynode *items;  /* maps: key, value, key, value… */
	size_t n, cap;
} ynode;

static void ynode_free(ynode *y)
{
	for (size_t i = 0; i < y->n; i++)
		ynode_free(&y->items[i]);
	free(y->items);
	free(y->value);
}

typedef struct yparser {
	yaml_parser_t parser;
	zj_error *err;
	int depth;
} yparser;

static bool event_fail(yparser *p, const yaml_mark_t *m, const char *msg)
{
	return zj_fail_at(p->err, (long)m->line + 1, (long)m->column + 1, "%s", msg);
}

/* Parses the node that starts with ev (already read) into out. */
static bool parse_node(yparser *p, yaml_event_t *ev, ynode *out)
{
	memset(out, 0, sizeof *out);
	out->line = (long)ev->start_mark.line + 1;
	out->col = (long)ev->start_mark.column + 1;
	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		return event_fail(p, &ev->start_mark, _("aliases are not allowed in skeletons"));
	case YAML_SCALAR_EVENT:
		if (ev->data.scalar.anchor)
			return event_fail(p, &ev->start_mark, _("anchors are not allowed in skeletons"));
		out->type = Y_SCALAR;
		out->value = zj_xstrndup((const char *)ev->data.scalar.value, ev->data.scalar.length);
		return true;
	case YAML_MAPPING_START_EVENT:
	case YAML_SEQUENCE_START_EVENT: {
		bool map = ev->type == YAML_MAPPING_START_EVENT;
		if ((map ? ev->data.mapping_start.anchor : ev->data.sequence_start.anchor))
			return event_fail(p, &ev->start_mark, _("anchors are not allowed in skeletons"));
		if (++p->depth > ZJ_SKELETON_MAX_DEPTH)
			return event_fail(p, &ev->start_mark, _("nesting deeper than 32 levels"));
		out->type = map ? Y_MAP : Y_SEQ;
		for (;;) {
			yaml_event_t child;
			if (!yaml_parser_parse(&p->parser, &child))
				return zj_fail_at(p->err, (long)p->parser.problem_mark.line + 1,
						  (long)p->parser.problem_mark.column + 1, "%s",
						  p->parser.problem ? p->parser.problem : "YAML error");
			if (child.type == YAML_MAPPING_END_EVENT || child.type == YAML_SEQUENCE_END_EVENT) {
				yaml_event_delete(&child);
				break;
			}
			zj_grow((void **)&out->items, &out->cap, out->n + 1, sizeof *out->items);
			bool ok = parse_node(p, &child, &out->items[out->n]);
			yaml_event_delete(&child);
			out->n++; /* counted even on failure, so it is freed */
			if (!ok)
				return false;
		}
		p->depth--;
		return true;
	}
	default:
		return event_fail(p, &ev->start_mark, _("unexpected YAML content"));
	}
}

static bool parse_yaml(const char *yaml, size_t len, ynode *root, zj_error *err)
{
	yparser p = {.err = err};
	memset(root, 0, sizeof *root);
	if (!yaml_parser_initialize(&p.parser))
		return zj_fail(err, _("out of memory"));
	yaml_parser_set_input_string(&p.parser, (const unsigned char *)yaml, len);
	bool ok = true, have_root = false;
	for (bool done = false; ok && !done;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&p.parser, &ev)) {
			ok = zj_fail_at(err, (long)p.parser.problem_mark.line + 1,
					(long)p.parser.problem_mark.column + 1, "%s",
					p.parser.problem ? p.parser.problem : "YAML error");
			break;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_STREAM_START_EVENT:
		case YAML_DOCUMENT_END_EVENT:
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (have_root)
				ok = event_fail(&p, &ev.start_mark, _("a skeleton file holds one document"));
			break;
		default:
			if (have_root)
				ok = event_fail(&p, &ev.start_mark, _("a skeleton file holds one document"));
			else {
				ok = parse_node(&p, &ev, root);
				have_root = true;
			}
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p.parser);
	if (ok && !have_root)
		ok = zj_fail_at(err, 1, 1, _("the skeleton is empty"));
	if (!ok)
		ynode_free(root);
	return ok;
}

/* ---- validation ------------------------------------------------------- */

typedef struct field {
	const char *key;
	bool required;
} field;

static bool fail_node(zj_error *err, const ynode *y, const char *fmt, const char *arg)
{
	return zj_fail_at(err, y->line, y->col, fmt, arg);
}

/* Checks a mapping's keys: known, not repeated, required present. */
static bool check_keys(const ynode *map, const field *fields, size_t nfields, const char *what,
		       zj_error *err)
{
	if (map->type != Y_MAP)
		return fail_node(err, map, _("%s must be a mapping"), what);
	for (size_t i = 0; i < map->n; i += 2) {
		const ynode *k = &map->items[i];
		if (k->type != Y_SCALAR)
			return fail_node(err, k, _("keys of %s must be plain words"), what);
		bool known = false;
		for (size_t f = 0; f < nfields; f++)
			known |= !strcmp(k->value, fields[f].key);
		if (!known)
			return zj_fail_at(err, k->line, k->col, _("unknown key '%s' in %s"), k->value, what);
		for (size_t j = 0; j < i; j += 2)
			if (!strcmp(map->items[j].value, k->value))
				return zj_fail_at(err, k->line, k->col, _("duplicate key '%s'"), k->value);
	}
	for (size_t f = 0; f < nfields; f++) {
		if (!fields[f].required)
			continue;
		bool found = false;
		for (size_t i = 0; i < map->n; i += 2)
			found |= !strcmp(map->items[i].value, fields[f].key);
		if (!found)
			return zj_fail_at(err, map->line, map->col, _("missing key '%s' in %s"),
					  fields[f].key, what);
	}
	return true;
}

static const ynode *get(const ynode *map, const char *key)
{
	for (size_t i = 0; i + 1 < map->n; i += 2)
		if (!strcmp(map->items[i].value, key))
			return &map->items[i + 1];
	return NULL;
}

/* A string field: a scalar, copied; NULL when absent. */
static bool get_text(const ynode *map, const char *key, char **out, zj_error *err)
{
	const ynode *v = get(map, key);
	*out = NULL;
	if (!v)
		return true;
	if (v->type != Y_SCALAR)
		return zj_fail_at(err, v->line, v->col, _("'%s' must be text"), key);
	*out = zj_xstrdup(v->value);
	return true;
}

static bool parse_long(const char *s, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (!*s || *end || errno)
		return false;
	*out = v;
	return true;
}

typedef struct loader {
	zj_skeleton *sk;
	zj_error *err;
} loader;

static const zj_variable *find_var(const zj_skeleton *sk, const char *name, size_t n)
{
	for (size_t i = 0; i < sk->nvars; i++)
		if (strlen(sk->vars[i].name) == n && !memcmp(sk->vars[i].name, name, n))
			return &sk->vars[i];
	return NULL;
}

/* Every {{name}} in text must be a declared variable. */
static bool check_refs(const zj_skeleton *sk, const char *text, const ynode *at, zj_error *err)
{
	for (const char *p = text; (p = strstr(p, "{{"));) {
		const char *close = strstr(p + 2, "}}");
		if (!close)
			return zj_fail_at(err, at->line, at->col, "%s", _("'{{' without a closing '}}'"));
		const char *name = p + 2;
		size_t n = (size_t)(close - name);
		while (n && *name == ' ')
			name++, n--;
		while (n && name[n - 1] == ' ')
			n--;
		if (!find_var(sk, name, n)) {
			char buf[64];
			snprintf(buf, sizeof buf, "%.*s", (int)(n > 40 ? 40 : n), name);
			return zj_fail_at(err, at->line, at->col,
					  _("'{{%s}}' names no variable of this skeleton"), buf);
		}
		p = close + 2;
	}
	return true;
}

static bool text_field(loader *l, const ynode *map, const char *key, char **out)
{
	if (!get_text(map, key, out, l->err))
		return false;
	return !*out || check_refs(l->sk, *out, get(map, key), l->err);
}

static bool load_sections(loader *l, const ynode *seq, zj_sk_section **out, size_t *n);

static bool load_section(loader *l, const ynode *y, zj_sk_section *s)
{
	static const field fields[] = {{"heading", true}, {"body", false}, {"sections", false}};
	memset(s, 0, sizeof *s);
	if (!check_keys(y, fields, 3, _("a section"), l->err))
		return false;
	if (!text_field(l, y, "heading", &s->heading) || !text_field(l, y, "body", &s->body))
		return false;
	const ynode *sub = get(y, "sections");
	return !sub || load_sections(l, sub, &s->sections, &s->nsections);
}

static bool load_sections(loader *l, const ynode *seq, zj_sk_section **out, size_t *n)
{
	if (seq->type != Y_SEQ)
		return fail_node(l->err, seq, _("%s must be a list"), "'sections'");
	*out = zj_xcalloc(seq->n ? seq->n : 1, sizeof **out);
	for (size_t i = 0; i < seq->n; i++) {
		*n = i + 1;
		if (!load_section(l, &seq->items[i], &(*out)[i]))
			return false;
	}
	*n = seq->n;
	return true;
}

static bool part_kind(const char *s, zj_part_kind *kind)
{
	static const zj_part_kind kinds[] = {ZJ_PART_ACHIEVEMENTS, ZJ_PART_PROBLEMS, ZJ_PART_PLAN,
					     ZJ_PART_CLOSING, ZJ_PART_OTHER};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (!strcmp(s, zj_part_name(kinds[i]))) {
			*kind = kinds[i];
			return true;
		}
	return false;
}

static bool load_part(loader *l, const ynode *y, zj_sk_part *p)
{
	static const field fields[] = {{"kind", true},    {"heading", false}, {"hint", false},
				       {"length", false}, {"phrases", false}, {"body", false},
				       {"sections", false}};
	memset(p, 0, sizeof *p);
	if (!check_keys(y, fields, 7, _("a part"), l->err))
		return false;
	const ynode *kind = get(y, "kind");
	if (kind->type != Y_SCALAR || !part_kind(kind->value, &p->kind))
		return zj_fail_at(l->err, kind->line, kind->col,
				  _("kind must be achievements, problems, plan, closing or other"));
	if (!text_field(l, y, "heading", &p->heading) || !text_field(l, y, "hint", &p->hint) ||
	    !text_field(l, y, "body", &p->body))
		return false;
	if (!p->heading && p->kind != ZJ_PART_CLOSING)
		return zj_fail_at(l->err, y->line, y->col, _("missing key '%s' in %s"), "heading",
				  _("a part"));
	const ynode *len = get(y, "length");
	if (len) {
		if (len->type != Y_SEQ || len->n != 2 || len->items[0].type != Y_SCALAR ||
		    len->items[1].type != Y_SCALAR ||
		    !parse_long(len->items[0].value, &p->min_len) ||
		    !parse_long(len->items[1].value, &p->max_len) || p->min_len < 0 ||
		    p->max_len < p->min_len)
			return zj_fail_at(l->err, len->line, len->col,
					  _("length must be [MIN, MAX] characters, MIN <= MAX"));
	}
	const ynode *ph = get(y, "phrases");
	if (ph) {
		if (ph->type != Y_SEQ)
			return fail_node(l->err, ph, _("%s must be a list"), "'phrases'");
		p->phrases = zj_xcalloc(ph->n ? ph->n : 1, sizeof *p->phrases);
		for (size_t i = 0; i < ph->n; i++) {
			if (ph->items[i].type != Y_SCALAR)
				return fail_node(l->err, &ph->items[i], _("%s must be text"), _("a phrase"));
			p->phrases[p->nphrases++] = zj_xstrdup(ph->items[i].value);
			if (!check_refs(l->sk, ph->items[i].value, &ph->items[i], l->err))
				return false;
		}
	}
	const ynode *sub = get(y, "sections");
	return !sub || load_sections(l, sub, &p->sections, &p->nsections);
}

static bool load_variables(loader *l, const ynode *y)
{
	static const field fields[] = {{"label", true}, {"type", false}, {"default", false},
				       {"from", false}, {"add", false}};
	if (y->type != Y_MAP)
		return fail_node(l->err, y, _("%s must be a mapping"), "'variables'");
	zj_skeleton *sk = l->sk;
	sk->vars = zj_xcalloc(y->n / 2 + 1, sizeof *sk->vars);
	for (size_t i = 0; i < y->n; i += 2) {
		const ynode *k = &y->items[i], *v = &y->items[i + 1];
		if (k->type != Y_SCALAR)
			return fail_node(l->err, k, _("keys of %s must be plain words"), "'variables'");
		for (const char *c = k->value; *c; c++)
			if (!(islower((unsigned char)*c) || isdigit((unsigned char)*c) || *c == '_'))
				return zj_fail_at(l->err, k->line, k->col,
						  _("variable name '%s' may use a-z, 0-9 and _ only"),
						  k->value);
		if (find_var(sk, k->value, strlen(k->value)))
			return zj_fail_at(l->err, k->line, k->col, _("duplicate key '%s'"), k->value);
		char what[96];
		snprintf(what, sizeof what, _("variable '%s'"), k->value);
		if (!check_keys(v, fields, 5, what, l->err))
			return false;
		zj_variable *var = &sk->vars[sk->nvars++];
		var->name = zj_xstrdup(k->value);
		char *type = NULL, *add = NULL;
		if (!get_text(v, "label", &var->label, l->err) ||
		    !get_text(v, "default", &var->def, l->err) ||
		    !get_text(v, "from", &var->from, l->err) || !get_text(v, "type", &type, l->err) ||
		    !get_text(v, "add", &add, l->err)) {
			free(type);
			free(add);
			return false;
		}
		bool ok = true;
		if (!type || !strcmp(type, "text"))
			var->type = ZJ_VAR_TEXT;
		else if (!strcmp(type, "year"))
			var->type = ZJ_VAR_YEAR;
		else if (!strcmp(type, "number"))
			var->type = ZJ_VAR_NUMBER;
		else {
			const ynode *t = get(v, "type");
			ok = zj_fail_at(l->err, t->line, t->col, _("type must be text, year or number"));
		}
		if (ok && add && !parse_long(add, &var->add)) {
			const ynode *a = get(v, "add");
			ok = zj_fail_at(l->err, a->line, a->col, _("'add' must be a whole number"));
		}
		free(type);
		free(add);
		if (!ok)
			return false;
	}
	/* derived variables name a plain one declared here */
	for (size_t i = 0; i < sk->nvars; i++) {
		zj_variable *var = &sk->vars[i];
		if (!var->from)
			continue;
		const zj_variable *src = find_var(sk, var->from, strlen(var->from));
		const ynode *at = get(&y->items[2 * i + 1], "from");
		if (!src || src->from)
			return zj_fail_at(l->err, at->line, at->col,
					  _("'from: %s' must name a variable that is not derived itself"),
					  var->from);
		if (var->type == ZJ_VAR_TEXT && var->add)
			return zj_fail_at(l->err, at->line, at->col,
					  _("a text variable cannot be derived with 'add'"));
	}
	return true;
}

static bool load_root(loader *l, const ynode *root)
{
	static const field fields[] = {
		{"id", true},          {"name", true},  {"description", true}, {"lang", true},
		{"version", true},     {"variables", false}, {"title", true},  {"opening", false},
		{"parts", true},
	};
	zj_skeleton *sk = l->sk;
	if (!check_keys(root, fields, 9, _("the skeleton"), l->err))
		return false;
	char *version = NULL;
	if (!get_text(root, "id", &sk->id, l->err) || !get_text(root, "name", &sk->name, l->err) ||
	    !get_text(root, "description", &sk->description, l->err) ||
	    !get_text(root, "lang", &sk->lang, l->err) || !get_text(root, "version", &version, l->err))
		return false;
	bool ok = parse_long(version, &sk->version) && sk->version > 0;
	free(version);
	if (!ok) {
		const ynode *v = get(root, "version");
		return zj_fail_at(l->err, v->line, v->col, _("version must be a positive whole number"));
	}
	const ynode *id = get(root, "id");
	for (const char *c = sk->id; *c; c++)
		if (!(islower((unsigned char)*c) || isdigit((unsigned char)*c) || *c == '-'))
			return zj_fail_at(l->err, id->line, id->col,
					  _("id '%s' may use a-z, 0-9 and - only"), sk->id);
	if (!*sk->id)
		return zj_fail_at(l->err, id->line, id->col, _("id must not be empty"));
	if (strcmp(sk->lang, "zh_CN") && strcmp(sk->lang, "en")) {
		const ynode *v = get(root, "lang");
		return zj_fail_at(l->err, v->line, v->col, _("lang must be zh_CN or en"));
	}
	const ynode *vars = get(root, "variables");
	if (vars && !load_variables(l, vars))
		return false;
	if (!text_field(l, root, "title", &sk->title) || !text_field(l, root, "opening", &sk->opening))
		return false;
	const ynode *parts = get(root, "parts");
	if (parts->type != Y_SEQ || parts->n == 0)
		return fail_node(l->err, parts, _("%s must be a non-empty list"), "'parts'");
	sk->parts = zj_xcalloc(parts->n, sizeof *sk->parts);
	for (size_t i = 0; i < parts->n; i++) {
		sk->nparts = i + 1;
		if (!load_part(l, &parts->items[i], &sk->parts[i]))
			return false;
	}
	return true;
}

zj_skeleton *zj_skeleton_parse(const char *yaml, size_t len, const char *name, zj_error *err)
{
	(void)name;
	if (len > ZJ_SKELETON_MAX_BYTES) {
		zj_fail(err, _("skeleton larger than 1 MiB"));
		return NULL;
	}
	ynode root;
	if (!parse_yaml(yaml, len, &root, err))
		return NULL;
	zj_skeleton *sk = zj_xcalloc(1, sizeof *sk);
	loader l = {sk, err};
	bool ok = load_root(&l, &root);
	ynode_free(&root);
	if (!ok) {
		zj_skeleton_free(sk);
		return NULL;
	}
	return sk;
}

zj_skeleton *zj_skeleton_load(const char *path, zj_error *err)
{
	/* without blocking: a FIFO named *.yaml must not hang the program */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) < 0) {
		zj_fail(err, "%s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		zj_fail(err, _("not a regular file (skipped)"));
		return NULL;
	}
	FILE *f = fdopen(fd, "rb");
	if (!f) {
		zj_fail(err, "%s", strerror(errno));
		close(fd);
		return NULL;
	}
	/* read at most one byte past the limit: enough to refuse */
	char *buf = zj_xmalloc(ZJ_SKELETON_MAX_BYTES + 2);
	size_t n = fread(buf, 1, ZJ_SKELETON_MAX_BYTES + 1, f);
	bool bad = ferror(f);
	fclose(f);
	if (bad) {
		free(buf);
		zj_fail(err, "%s", strerror(EIO));
		return NULL;
	}
	zj_skeleton *sk = NULL;
	if (zj_utf8_valid_prefix(buf, n) != n && n <= ZJ_SKELETON_MAX_BYTES)
		zj_fail(err, _("not valid UTF-8"));
	else
		sk = zj_skeleton_parse(buf, n, path, err);
	free(buf);
	if (sk)
		sk->path = zj_xstrdup(path);
	return sk;
}

static void free_sections(zj_sk_section *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(s[i].heading);
		free(s[i].body);
		free_sections(s[i].sections, s[i].nsections);
	}
	free(s);
}

void zj_skeleton_free(zj_skeleton *sk)
{
	if (!sk)
		return;
	for (size_t i = 0; i < sk->nvars; i++) {
		free(sk->vars[i].name);
		free(sk->vars[i].label);
		free(sk->vars[i].def);
		free(sk->vars[i].from);
	}
	free(sk->vars);
	for (size_t i = 0; i < sk->nparts; i++) {
		zj_sk_part *p = &sk->parts[i];
		free(p->heading);
		free(p->hint);
		free(p->body);
		for (size_t k = 0; k < p->nphrases; k++)
			free(p->phrases[k]);
		free(p->phrases);
		free_sections(p->sections, p->nsections);
	}
	free(sk->parts);
	free(sk->id);
	free(sk->name);
	free(sk->description);
	free(sk->lang);
	free(sk->path);
	free(sk->title);
	free(sk->opening);
	free(sk);
}

/* ---- rendering -------------------------------------------------------- */

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
		while (n && *name == ' ')
			name++, n--;
		while (n && name[n - 1] == ' ')
			n--;
		put_value(b, v, find_var(v->sk, name, n));
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

char *zj_skeleton_render(const zj_skeleton *sk, const zj_binding *bindings, size_t nbindings,
			 size_t *len, zj_error *err)
{
	values v = {sk, zj_xcalloc(sk->nvars + 1, sizeof(char *))};
	bool ok = true;
	for (size_t i = 0; i < nbindings && ok; i++) {
		const zj_variable *var = find_var(sk, bindings[i].name, strlen(bindings[i].name));
		if (!var)
			ok = zj_fail(err, _("the skeleton %s has no variable '%s'"), sk->id,
				     bindings[i].name);
		else if (var->type == ZJ_VAR_YEAR &&
			 (strlen(bindings[i].value) != 4 || !all_digits(bindings[i].value)))
			ok = zj_fail(err, _("%s must be a year such as 2025, not '%s'"), var->name,
				     bindings[i].value);
		else if (var->type == ZJ_VAR_NUMBER && !all_digits(bindings[i].value))
			ok = zj_fail(err, _("%s must be a number, not '%s'"), var->name,
				     bindings[i].value);
		else {
			size_t k = (size_t)(var - sk->vars);
			free(v.value[k]);
			v.value[k] = zj_xstrdup(bindings[i].value);
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
		const zj_variable *src = find_var(sk, var->from, strlen(var->from));
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

/* ---- the library ------------------------------------------------------ */

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool yaml_name(const char *n)
{
	size_t l = strlen(n);
	return n[0] != '.' && ((l > 5 && !strcmp(n + l - 5, ".yaml")) || (l > 4 && !strcmp(n + l - 4, ".yml")));
}

static void add_error(zj_library *lib, const char *path, const zj_error *err)
{
	lib->errors = zj_xrealloc(lib->errors, (lib->nerrors + 1) * sizeof *lib->errors);
	lib->error_paths = zj_xrealloc(lib->error_paths, (lib->nerrors + 1) * sizeof(char *));
	lib->errors[lib->nerrors] = *err;
	lib->error_paths[lib->nerrors++] = zj_xstrdup(path);
}

void zj_library_load(zj_library *lib, const char *const *folders, size_t nfolders,
		     size_t nbuiltin)
{
	memset(lib, 0, sizeof *lib);
	for (size_t f = 0; f < nfolders; f++) {
		DIR *d = opendir(folders[f]);
		if (!d)
			continue;
		char **names = NULL;
		size_t n = 0, cap = 0;
		struct dirent *e;
		while ((e = readdir(d)))
			if (yaml_name(e->d_name)) {
				zj_grow((void **)&names, &cap, n + 1, sizeof *names);
				names[n++] = zj_xstrdup(e->d_name);
			}
		closedir(d);
		qsort(names, n, sizeof *names, name_cmp);
		size_t flen = strlen(folders[f]);
		for (size_t i = 0; i < n; i++) {
			char *path = zj_xasprintf("%s/%s", folders[f], names[i]);
			zj_error err = {0};
			zj_skeleton *sk = zj_skeleton_load(path, &err);
			if (!sk) {
				add_error(lib, path, &err);
			} else {
				size_t k = 0;
				while (k < lib->count && strcmp(lib->items[k].sk->id, sk->id))
					k++;
				bool same_folder = k < lib->count &&
						   !strncmp(lib->items[k].sk->path, folders[f], flen) &&
						   lib->items[k].sk->path[flen] == '/';
				if (same_folder) {
					zj_fail_at(&err, 1, 1, _("duplicate skeleton id '%s' (also in %s)"),
						   sk->id, lib->items[k].sk->path);
					add_error(lib, path, &err);
					zj_skeleton_free(sk);
				} else if (k < lib->count) {
					/* a later folder overrides */
					zj_skeleton_free(lib->items[k].sk);
					lib->items[k] = (zj_skeleton_entry){sk, f < nbuiltin};
				} else {
					lib->items = zj_xrealloc(lib->items,
								 (lib->count + 1) * sizeof *lib->items);
					lib->items[lib->count++] = (zj_skeleton_entry){sk, f < nbuiltin};
				}
			}
			free(path);
			free(names[i]);
		}
		free(names);
	}
}

const zj_skeleton_entry *zj_library_find(const zj_library *lib, const char *id)
{
	for (size_t i = 0; i < lib->count; i++)
		if (!strcmp(lib->items[i].sk->id, id))
			return &lib->items[i];
	return NULL;
}

void zj_library_free(zj_library *lib)
{
	for (size_t i = 0; i < lib->count; i++)
		zj_skeleton_free(lib->items[i].sk);
	free(lib->items);
	for (size_t i = 0; i < lib->nerrors; i++)
		free(lib->error_paths[i]);
	free(lib->errors);
	free(lib->error_paths);
	memset(lib, 0, sizeof *lib);
}

void zj_skeleton_check_lengths(const zj_skeleton *sk, const zj_outline *o, zj_length_fn fn,
			       void *ctx)
{
	for (size_t i = 0; i < o->nparts; i++) {
		const zj_part *p = &o->parts[i];
		for (size_t k = 0; k < sk->nparts; k++) {
			const zj_sk_part *sp = &sk->parts[k];
			if (sp->kind != p->kind || sp->max_len == 0)
				continue;
			if ((long)p->chars < sp->min_len || (long)p->chars > sp->max_len)
				fn(p, sp->min_len, sp->max_len, ctx);
			break;
		}
	}
}

/* Built-in skeletons are installed under pkgdatadir; a binary run from the
 * build tree, before `make install`, finds them in the source tree. */
static const char *builtin_folder(void)
{
	struct stat st;
	if (stat(PKGDATADIR "/skeletons", &st) == 0 && S_ISDIR(st.st_mode))
		return PKGDATADIR "/skeletons";
	return SRCDIR "/skeletons";
}

void zj_library_load_standard(zj_library *lib)
{
	const char *folders[64];
	size_t n = 0;
	folders[n++] = builtin_folder();
	char *user = NULL;
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg && *xdg == '/')
		user = zj_xasprintf("%s/zongjie/skeletons", xdg);
	else if (getenv("HOME"))
		user = zj_xasprintf("%s/.local/share/zongjie/skeletons", getenv("HOME"));
	if (user)
		folders[n++] = user;
	char *extra = getenv("ZONGJIE_SKELETONS") ? zj_xstrdup(getenv("ZONGJIE_SKELETONS")) : NULL;
	char *save = NULL;
	for (char *tok = extra ? strtok_r(extra, ":", &save) : NULL; tok && n < 64;
	     tok = strtok_r(NULL, ":", &save))
		if (*tok)
			folders[n++] = tok;
	zj_library_load(lib, folders, n, 1);
	free(user);
	free(extra);
}
