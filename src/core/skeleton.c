/* skeleton: reading a skeleton from YAML and checking it (the format is
 * in include/zongjie/skeleton.h); rendering is in skeleton_render.c, the
 * library of skeletons in skeleton_library.c. */
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
#include "skeleton_internal.h"
#include "zongjie/fileio.h"
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

const zj_variable *zj_skeleton_var(const zj_skeleton *sk, const char *name, size_t n)
{
	for (size_t i = 0; i < sk->nvars; i++)
		if (strlen(sk->vars[i].name) == n && !memcmp(sk->vars[i].name, name, n))
			return &sk->vars[i];
	return NULL;
}

const zj_variable *zj_skeleton_ref(const zj_skeleton *sk, const char **name, size_t *n)
{
	while (*n && **name == ' ')
		++*name, --*n;
	while (*n && (*name)[*n - 1] == ' ')
		--*n;
	return zj_skeleton_var(sk, *name, *n);
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
		if (!zj_skeleton_ref(sk, &name, &n)) {
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
		if (zj_skeleton_var(sk, k->value, strlen(k->value)))
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
		const zj_variable *src = zj_skeleton_var(sk, var->from, strlen(var->from));
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

zj_skeleton *zj_skeleton_parse(const char *yaml, size_t len, zj_error *err)
{
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
		sk = zj_skeleton_parse(buf, n, err);
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
