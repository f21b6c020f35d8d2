/* `zongjie check`: findings, as text or JSON, and --fix. */
#include <config.h>

#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "zongjie/check.h"
#include "zongjie/doc.h"
#include "zongjie/export.h"
#include "zongjie/skeleton.h"
#include "zongjie/utf8.h"

/* ---- positions -------------------------------------------------------- */

/* Moves forward through the text counting lines (LF) and code points. */
typedef struct cursor {
	const char *s;
	size_t pos;
	long line, col;
} cursor;

/* Counts in s[0, n) eight bytes at a time (findings can be a million,
 * the text scanned once for all of them). */
static size_t count_newlines(const unsigned char *s, size_t n)
{
	size_t k = 0, i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		uint64_t v = w ^ 0x0A0A0A0A0A0A0A0AULL; /* a zero byte where '\n' was */
		uint64_t t = ((v & 0x7F7F7F7F7F7F7F7FULL) + 0x7F7F7F7F7F7F7F7FULL) | v;
		k += (size_t)__builtin_popcountll(~t & 0x8080808080808080ULL);
	}
	for (; i < n; i++)
		k += s[i] == '\n';
	return k;
}

/* Code points: the bytes that are not UTF-8 continuation bytes (10xxxxxx). */
static size_t count_points(const unsigned char *s, size_t n)
{
	size_t k = 0, i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		k += 8 - (size_t)__builtin_popcountll(w & ~(w << 1) & 0x8080808080808080ULL);
	}
	for (; i < n; i++)
		k += (s[i] & 0xC0) != 0x80;
	return k;
}

static void advance(cursor *c, size_t to)
{
	const unsigned char *s = (const unsigned char *)c->s;
	size_t from = c->pos;
	if (to <= from)
		return;
	size_t lines = count_newlines(s + from, to - from);
	if (lines) {
		const unsigned char *nl = memrchr(s + from, '\n', to - from);
		c->line += (long)lines;
		c->col = 1;
		from = (size_t)(nl - s) + 1;
	}
	c->col += (long)count_points(s + from, to - from);
	c->pos = to;
}

/* ---- output ----------------------------------------------------------- */

/* Findings can number in the millions: they are written through one
 * buffer with hand-rolled formatting instead of a printf per field. */
typedef struct emitter {
	FILE *f;
	size_t n;
	char buf[1 << 16];
} emitter;

static void emit_flush(emitter *e)
{
	fwrite(e->buf, 1, e->n, e->f);
	e->n = 0;
}

static void emit(emitter *e, const char *s, size_t n)
{
	if (e->n + n > sizeof e->buf) {
		emit_flush(e);
		if (n > sizeof e->buf) {
			fwrite(s, 1, n, e->f);
			return;
		}
	}
	memcpy(e->buf + e->n, s, n);
	e->n += n;
}

static void emit_str(emitter *e, const char *s)
{
	emit(e, s, strlen(s));
}

/* Emits before, then the number v (every number follows a separator). */
static void emit_long(emitter *e, const char *before, long v)
{
	emit_str(e, before);
	char tmp[24];
	size_t k = sizeof tmp;
	unsigned long u = v < 0 ? (unsigned long)-v : (unsigned long)v;
	do
		tmp[--k] = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		tmp[--k] = '-';
	emit(e, tmp + k, sizeof tmp - k);
}

static void emit_json_string(emitter *e, const char *s, size_t n)
{
	static zj_buf scratch; /* kept: one allocation for all the strings */
	scratch.len = 0;
	cli_json_string(&scratch, s, n);
	emit(e, scratch.data, scratch.len);
}

static const char *severity_color(zj_severity sev)
{
	return sev == ZJ_SEV_ERROR ? "\033[1;31m" : sev == ZJ_SEV_WARNING ? "\033[1;33m" : "\033[1;36m";
}

/* What every finding of one listing shares: translated strings looked up
 * once, not once per finding. */
typedef struct listing {
	emitter *e;
	const out_style *st;
	const char *path, *text;
	const zj_findings *f;
	const char *labels[3];
	const char *gap_messages[ZJ_GAP_KINDS];
	/* the JSON fields from "rule" to "text" by rule, severity and gap
	 * kind, and a gap's message field, made once: findings are many */
	char *head[ZJ_RULE_COUNT][3][ZJ_GAP_KINDS + 1];
	char *gap_message_json[ZJ_GAP_KINDS];
	bool first;
} listing;

/* The JSON fields of x from "rule" up to its "text" (caller frees). */
static char *json_head(const listing *l, const zj_finding *x)
{
	zj_buf b = {0};
	zj_buf_puts(&b, ", \"rule\": \"");
	zj_buf_puts(&b, zj_rule_get((zj_rule)x->rule)->id);
	zj_buf_puts(&b, "\", \"severity\": \"");
	zj_buf_puts(&b, zj_severity_name((zj_severity)x->severity));
	zj_buf_puts(&b, "\", ");
	if (x->kind >= 0) {
		zj_buf_puts(&b, "\"kind\": \"");
		zj_buf_puts(&b, zj_gap_kind_name((zj_gap_kind)x->kind));
		zj_buf_puts(&b, "\", ");
	}
	if (x->lead) {
		/* a group: its size; the position is its first place */
		char count[48];
		snprintf(count, sizeof count, "\"count\": %zu, ", zj_finding_count(l->f, x));
		zj_buf_puts(&b, count);
	}
	zj_buf_puts(&b, "\"text\": ");
	return b.data;
}

static void emit_json_finding(listing *l, const zj_finding *x, const cursor *c, const cursor *end,
			      const char *msg)
{
	emitter *e = l->e;
	emit_long(e, l->first ? "{\"line\": " : ",\n   {\"line\": ", c->line);
	emit_long(e, ", \"col\": ", c->col);
	emit_long(e, ", \"end_line\": ", end->line);
	emit_long(e, ", \"end_col\": ", end->col);
	bool gap = x->rule == ZJ_RULE_PLACEHOLDER && !x->extra && x->kind >= 0 &&
		   x->kind < ZJ_GAP_KINDS;
	if (x->lead || x->severity > 2 || x->kind >= ZJ_GAP_KINDS) {
		char *head = json_head(l, x); /* a group's count is its own */
		emit_str(e, head);
		free(head);
	} else {
		char **head = &l->head[x->rule][x->severity][x->kind + 1];
		if (!*head)
			*head = json_head(l, x);
		emit_str(e, *head);
	}
	emit_json_string(e, l->text + x->start, x->len);
	if (gap) {
		char **m = &l->gap_message_json[x->kind];
		if (!*m) {
			zj_buf b = {0};
			zj_buf_puts(&b, ", \"message\": ");
			cli_json_string(&b, msg, strlen(msg));
			*m = b.data;
		}
		emit_str(e, *m);
	} else {
		emit_str(e, ", \"message\": ");
		emit_json_string(e, msg, strlen(msg));
	}
	const char *fix = zj_finding_fix(l->f, x);
	if (fix) {
		emit_str(e, ", \"suggestion\": ");
		emit_json_string(e, fix, strlen(fix));
	}
	emit_str(e, "}");
}

static void emit_text_finding(listing *l, const zj_finding *x, const cursor *c, const char *msg)
{
	emitter *e = l->e;
	bool color = l->st->color;
	if (color)
		emit_str(e, "\033[1m");
	emit_str(e, l->path);
	emit_long(e, ":", c->line);
	emit_long(e, ":", c->col);
	emit_str(e, ":");
	if (color) {
		emit_str(e, "\033[0m ");
		emit_str(e, severity_color((zj_severity)x->severity));
	} else
		emit_str(e, " ");
	emit_str(e, l->labels[x->severity]);
	emit_str(e, ":");
	if (color)
		emit_str(e, "\033[0m");
	emit_str(e, " ");
	emit_str(e, msg);
	emit_str(e, " [");
	emit_str(e, zj_rule_get((zj_rule)x->rule)->id);
	emit_str(e, "]\n");
}

/* Emits the findings whose severity `want` accepts, in text order. */
static void emit_findings(listing *l, bool (*want)(const zj_finding *))
{
	zj_findings_iter it;
	zj_findings_iter_init(&it, l->f);
	cursor c = {l->text, 0, 1, 1};
	const zj_finding *x;
	while ((x = zj_findings_next(&it))) {
		if (!want(x))
			continue;
		advance(&c, x->start);
		cursor end = c;
		advance(&end, x->start + x->len);
		const char *msg = x->rule == ZJ_RULE_PLACEHOLDER && !x->extra
					  ? l->gap_messages[x->kind] : zj_finding_message(l->f, x);
		if (l->st->json)
			emit_json_finding(l, x, &c, &end, msg);
		else
			emit_text_finding(l, x, &c, msg);
		l->first = false;
	}
}

static bool is_error(const zj_finding *x)
{
	return x->severity == ZJ_SEV_ERROR;
}

static bool is_not_error(const zj_finding *x)
{
	return x->severity != ZJ_SEV_ERROR;
}

static bool is_any(const zj_finding *x)
{
	(void)x;
	return true;
}

/* After a file's errors: how many block export, by rule (unfilled gap: 5,
 * an impossible date: 1), so a long list of errors ends with its sum. */
static void emit_blocking(listing *l)
{
	size_t errors = zj_findings_with_severity(l->f, ZJ_SEV_ERROR);
	if (!errors)
		return;
	char rules[768] = "";
	size_t used = 0;
	for (int r = 0; r < ZJ_RULE_COUNT && used + 1 < sizeof rules; r++) {
		size_t k = 0;
		for (size_t i = 0; i < l->f->count[r]; i++)
			k += l->f->list[r][i].severity == ZJ_SEV_ERROR && !l->f->list[r][i].hidden;
		if (k) {
			/* TRANSLATORS: a rule's summary and how many errors it found */
			int w = snprintf(rules + used, sizeof rules - used, _("%s%s: %zu"),
					 used ? _(", ") : "", _(zj_rule_get((zj_rule)r)->summary), k);
			used = w < 0 || used + (size_t)w >= sizeof rules ? sizeof rules - 1
									 : used + (size_t)w;
		}
	}
	/* the FILE: prefix stays as scripts read it, whatever the language */
	char line[1024];
	int at = snprintf(line, sizeof line, "%s: ", l->path);
	at = at < 0 || (size_t)at >= sizeof line ? 0 : at;
	snprintf(line + at, sizeof line - (size_t)at,
		 ngettext("%zu error blocks export (%s)\n", "%zu errors block export (%s)\n", errors),
		 errors, rules);
	emit_str(l->e, line);
}

/* JSON lists the findings in text order; text lists a file's errors (what
 * blocks export) first, so warnings cannot bury them. */
void cli_print_findings(FILE *out, const out_style *st, const char *path, const char *text,
			const zj_findings *f)
{
	static emitter e;
	e.f = out;
	e.n = 0;
	listing l = {.e = &e, .st = st, .path = path, .text = text, .f = f, .first = true};
	for (int i = 0; i < 3; i++)
		l.labels[i] = zj_severity_label((zj_severity)i);
	for (int k = 0; k < ZJ_GAP_KINDS; k++) {
		zj_finding probe = {.rule = ZJ_RULE_PLACEHOLDER, .kind = (int8_t)k};
		l.gap_messages[k] = zj_finding_message(f, &probe);
	}
	if (st->json)
		emit_findings(&l, is_any);
	else {
		emit_findings(&l, is_error);
		if (st->blocking)
			emit_blocking(&l);
		emit_findings(&l, is_not_error);
	}
	emit_flush(&e);
	for (int k = 0; k < ZJ_GAP_KINDS; k++)
		free(l.gap_message_json[k]);
	for (int r = 0; r < ZJ_RULE_COUNT; r++)
		for (int v = 0; v < 3; v++)
			for (int k = 0; k <= ZJ_GAP_KINDS; k++)
				free(l.head[r][v][k]);
}

/* ---- options ---------------------------------------------------------- */

static bool select_rules(const char *list, bool value, bool rules[ZJ_RULE_COUNT])
{
	if (!list[strspn(list, ", ")]) {
		cli_usage_error(_("a list of rules is empty"));
		return false;
	}
	char *copy = zj_xstrdup(list), *save = NULL;
	bool ok = true;
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		zj_rule r;
		if (!zj_rule_find(tok, &r)) {
			cli_usage_error(_("unknown rule '%s'"), tok);
			ok = false;
			break;
		}
		rules[r] = value;
	}
	free(copy);
	return ok;
}

static char *personal_words(void)
{
	char *path = zj_xdg_path(ZJ_XDG_CONFIG, "words");
	if (path && access(path, R_OK) == 0)
		return path;
	free(path);
	return NULL;
}

/* ---- files ------------------------------------------------------------ */

typedef struct path_list {
	char **items;
	size_t count, cap;
} path_list;

static void push_path(path_list *l, char *p)
{
	zj_grow((void **)&l->items, &l->cap, l->count + 1, sizeof *l->items);
	l->items[l->count++] = p;
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool has_txt_suffix(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && !strcasecmp(name + n - 4, ".txt");
}

/* Every .txt file below dir, sorted; symlinked folders are not followed
 * (they could loop). */
static void collect_dir(const char *dir, path_list *out)
{
	DIR *d = opendir(dir);
	if (!d) {
		push_path(out, zj_xstrdup(dir)); /* reported when read */
		return;
	}
	path_list here = {0};
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char *p = zj_xasprintf("%s/%s", dir, e->d_name);
		struct stat st;
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
			path_list sub = {0};
			collect_dir(p, &sub);
			for (size_t i = 0; i < sub.count; i++)
				push_path(&here, sub.items[i]);
			free(sub.items);
			free(p);
		} else if (has_txt_suffix(e->d_name))
			push_path(&here, p);
		else
			free(p);
	}
	closedir(d);
	if (here.count)
		qsort(here.items, here.count, sizeof *here.items, str_cmp);
	for (size_t i = 0; i < here.count; i++)
		push_path(out, here.items[i]);
	free(here.items);
}

static void expand_args(int argc, char **argv, path_list *out)
{
	for (int i = 0; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
			collect_dir(argv[i], out);
		else
			push_path(out, zj_xstrdup(argv[i]));
	}
}

/* Applies the suggestions of the rules asked for (NULL: the fixable
 * rules) until none is left, since one fix can make the next certain (a
 * full-width bracket makes the mark beside it Chinese), then saves the
 * file back atomically in its own format.  On success text and f are the
 * fixed text's; a read-only file is left alone, as the editor asks first. */
static bool fix_file(zj_checker *checker, const char *path, char **text, size_t *len,
		     const zj_format *fmt, zj_findings *f, const bool *rules, zj_error *err,
		     size_t *applied)
{
	char *fixed = NULL;
	size_t fixed_len = *len;
	*applied = 0;
	for (int round = 0; round < 4; round++) {
		size_t n, next_len;
		char *next = zj_apply_fixes(fixed ? fixed : *text, fixed_len, f, rules, &next_len, &n);
		if (!n) {
			free(next);
			break;
		}
		free(fixed);
		fixed = next;
		fixed_len = next_len;
		*applied += n;
		zj_findings_free(f);
		zj_check(checker, fixed, fixed_len, NULL, f);
	}
	if (!fixed)
		return true;
	struct stat st;
	bool ok = stat(path, &st) == 0 && !(st.st_mode & 0222)
			  ? zj_fail(err, _("read-only: no fix applied"))
			  : zj_save_file(path, fixed, fixed_len, fmt, err);
	if (!ok) {
		free(fixed);
		zj_findings_free(f);
		zj_check(checker, *text, *len, NULL, f);
		return false;
	}
	free(*text);
	*text = fixed;
	*len = fixed_len;
	return true;
}

/* What `check` was asked for. */
typedef struct check_args {
	zj_check_options opt;
	out_style st;
	bool fix;
	/* --fix=RULES: those rules' suggestions; --fix: the fixable rules' */
	bool fix_chosen[ZJ_RULE_COUNT];
	bool fix_named;
	const char *skeleton_id;
	const char *against; /* last period's summary, for stale-figure */
	bool only_given;   /* the first --only switches every other rule off */
	const char *color; /* auto, always or never */
} check_args;

static int take_check_option(int c, char *arg, void *ctx)
{
	check_args *a = ctx;
	switch (c) {
	case OPT_FORMAT: return cli_format(arg, &a->st.json) ? CLI_GO_ON : EXIT_TROUBLE;
	case OPT_ONLY:
		if (!a->only_given)
			for (int r = 0; r < ZJ_RULE_COUNT; r++)
				a->opt.enabled[r] = false;
		a->only_given = true;
		return select_rules(arg, true, a->opt.enabled) ? CLI_GO_ON : EXIT_TROUBLE;
	case OPT_IGNORE: return select_rules(arg, false, a->opt.enabled) ? CLI_GO_ON : EXIT_TROUBLE;
	case OPT_FIX:
		a->fix = true;
		if (arg) {
			a->fix_named = true;
			if (!select_rules(arg, true, a->fix_chosen))
				return EXIT_TROUBLE;
		}
		break;
	case OPT_COLOR:
		if (strcmp(arg, "auto") && strcmp(arg, "always") && strcmp(arg, "never"))
			return cli_usage_error(_("--color takes auto, always or never"));
		a->color = arg;
		break;
	case OPT_DICT: a->opt.dict = arg; break;
	case OPT_SKELETON: a->skeleton_id = arg; break;
	case OPT_AGAINST: a->against = arg; break;
	}
	return CLI_GO_ON;
}

/* Reads check's options into *a; returns CLI_GO_ON, else the exit status
 * to return. */
static int check_options(int argc, char **argv, check_args *a)
{
	*a = (check_args){.color = "auto"};
	zj_check_options_default(&a->opt);
	int status = cli_read_options(
		argc, argv, "format only ignore fix color colour dict skeleton against",
		_("Usage: zongjie check [--format=text|json] [--only RULES] [--ignore RULES]\n"
		  "                     [--fix[=RULES]] [--color=auto|always|never] [--dict NAME]\n"
		  "                     [--skeleton ID] [--against LAST.txt] FILE|DIR...\n"),
		take_check_option, a);
	if (status != CLI_GO_ON)
		return status;
	if (optind >= argc)
		return cli_usage_error(_("check needs at least one FILE or DIR"));
	a->st.blocking = true;
	a->st.color = !a->st.json && (!strcmp(a->color, "always") ||
				      (!strcmp(a->color, "auto") && isatty(STDOUT_FILENO) &&
				       !getenv("NO_COLOR")));
	return CLI_GO_ON;
}

/* What the files checked so far add up to. */
typedef struct check_totals {
	size_t checked, errors, warnings, infos;
	bool trouble; /* a file could not be read or fixed */
} check_totals;

/* Checks (and with --fix, fixes) one file and prints its findings. */
static void check_file(zj_checker *checker, const check_args *a, const char *path,
		       check_totals *t)
{
	zj_error err = {0};
	char *text;
	size_t len;
	zj_format fmt;
	/* The checker reads the text once: no editing buffer is built. */
	if (!zj_load_file(path, &text, &len, &fmt, &err)) {
		fflush(stdout);
		cli_file_error(path, &err);
		t->trouble = true;
		return;
	}
	zj_findings f = {0};
	zj_check(checker, text, len, NULL, &f);
	if (a->fix) {
		size_t applied = 0;
		if (!fix_file(checker, path, &text, &len, &fmt, &f,
			      a->fix_named ? a->fix_chosen : NULL, &err, &applied)) {
			cli_file_error(path, &err);
			t->trouble = true;
		} else if (applied)
			cli_file_message(path, ngettext("%zu fix applied", "%zu fixes applied",
							applied),
					 applied);
	}
	if (a->st.json) {
		fputs(t->checked ? ",\n  {\"path\": " : "\n  {\"path\": ", stdout);
		cli_print_json_string(stdout, path, strlen(path));
		fputs(", \"findings\": [", stdout);
		cli_print_findings(stdout, &a->st, path, text, &f);
		fputs("]}", stdout);
	} else
		cli_print_findings(stdout, &a->st, path, text, &f);
	t->checked++;
	t->errors += zj_findings_with_severity(&f, ZJ_SEV_ERROR);
	t->warnings += zj_findings_with_severity(&f, ZJ_SEV_WARNING);
	t->infos += zj_findings_with_severity(&f, ZJ_SEV_INFO);
	zj_findings_free(&f);
	free(text);
}

static void print_summary(const out_style *st, const check_totals *t)
{
	if (st->json) {
		printf("],\n \"summary\": {\"files\": %zu, \"errors\": %zu, \"warnings\": %zu, "
		       "\"infos\": %zu}}\n",
		       t->checked, t->errors, t->warnings, t->infos);
		return;
	}
	if (!(t->errors + t->warnings + t->infos))
		return;
	printf(ngettext("%zu file: ", "%zu files: ", t->checked), t->checked);
	printf(ngettext("%zu error", "%zu errors", t->errors), t->errors);
	/* TRANSLATORS: separates the counts of the check summary line */
	const char *sep = _(", ");
	printf("%s", sep);
	printf(ngettext("%zu warning", "%zu warnings", t->warnings), t->warnings);
	if (t->infos) {
		printf("%s", sep);
		printf(ngettext("%zu note", "%zu notes", t->infos), t->infos);
	}
	printf("\n");
}

/* Reads --against's file into the options; false (said) when it cannot. */
static bool load_against(check_args *a, char **last)
{
	zj_error err = {0};
	zj_format fmt;
	if (!zj_load_file(a->against, last, &a->opt.against_len, &fmt, &err)) {
		cli_file_error(a->against, &err);
		return false;
	}
	a->opt.against = *last;
	return true;
}

int cmd_check(int argc, char **argv)
{
	check_args a;
	int status = check_options(argc, argv, &a);
	if (status != CLI_GO_ON)
		return status;
	zj_library lib = {0};
	if (a.skeleton_id) {
		cli_load_library(&lib, false);
		const zj_skeleton_entry *e = zj_library_find(&lib, a.skeleton_id);
		if (!e) {
			zj_library_free(&lib);
			return cli_usage_error(_("no skeleton '%s' (zongjie skeletons lists them)"),
					       a.skeleton_id);
		}
		a.opt.skeleton = e->sk;
	}
	char *last = NULL;
	if (a.against && !load_against(&a, &last)) {
		zj_library_free(&lib);
		return EXIT_TROUBLE;
	}
	char *words = personal_words();
	a.opt.words_file = words;
	char *notice = NULL;
	/* the checker may switch spelling off, and says so */
	zj_checker *checker = zj_checker_new(&a.opt, &notice);
	if (notice) {
		cli_error(_("notice: %s"), notice);
		free(notice);
	}
	path_list files = {0};
	expand_args(argc - optind, argv + optind, &files);

	static char outbuf[1 << 16];
	setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
	check_totals t = {0};
	if (a.st.json)
		fputs("{\"files\": [", stdout);
	for (size_t i = 0; i < files.count; i++)
		check_file(checker, &a, files.items[i], &t);
	print_summary(&a.st, &t);
	for (size_t i = 0; i < files.count; i++)
		free(files.items[i]);
	free(files.items);
	zj_checker_free(checker);
	zj_library_free(&lib);
	free(words);
	free(last);
	if (fflush(stdout) != 0)
		return EXIT_TROUBLE;
	return t.trouble ? EXIT_TROUBLE : t.errors ? EXIT_FINDINGS : EXIT_OK;
}
