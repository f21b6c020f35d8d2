/* `zongjie check`: findings, as text or JSON, and --fix. */
#include <config.h>

#include <dirent.h>
#include <getopt.h>
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

static void advance(cursor *c, size_t to)
{
	const char *s = c->s;
	for (size_t i = c->pos; i < to; i++) {
		unsigned char b = (unsigned char)s[i];
		if (b == '\n') {
			c->line++;
			c->col = 1;
		} else if ((b & 0xC0) != 0x80)
			c->col++;
	}
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

static void emit_long(emitter *e, long v)
{
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
	emit(e, "\"", 1);
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		emit(e, s + run, i - run);
		run = i + 1;
		char esc[8];
		switch (c) {
		case '"': emit(e, "\\\"", 2); break;
		case '\\': emit(e, "\\\\", 2); break;
		case '\n': emit(e, "\\n", 2); break;
		case '\r': emit(e, "\\r", 2); break;
		case '\t': emit(e, "\\t", 2); break;
		default:
			snprintf(esc, sizeof esc, "\\u%04x", c);
			emit(e, esc, 6);
		}
	}
	emit(e, s + run, n - run);
	emit(e, "\"", 1);
}

static const char *severity_label(zj_severity sev)
{
	switch (sev) {
	case ZJ_SEV_ERROR: return _("error");
	case ZJ_SEV_WARNING: return _("warning");
	case ZJ_SEV_INFO: break;
	}
	return _("info");
}

static const char *severity_color(zj_severity sev)
{
	return sev == ZJ_SEV_ERROR ? "\033[1;31m" : sev == ZJ_SEV_WARNING ? "\033[1;33m" : "\033[1;36m";
}

void cli_print_findings(FILE *out, const out_style *st, const char *path, const char *text,
			const zj_findings *f)
{
	static emitter e;
	e.f = out;
	e.n = 0;
	/* translated strings looked up once, not once per finding */
	const char *labels[3];
	for (int i = 0; i < 3; i++)
		labels[i] = severity_label((zj_severity)i);
	const char *gap_messages[ZJ_GAP_KINDS];
	for (int k = 0; k < ZJ_GAP_KINDS; k++) {
		zj_finding probe = {.rule = ZJ_RULE_PLACEHOLDER, .kind = (int8_t)k};
		gap_messages[k] = zj_finding_message(f, &probe);
	}
	zj_findings_iter it;
	zj_findings_iter_init(&it, f);
	cursor c = {text, 0, 1, 1};
	const zj_finding *x;
	bool first = true;
	while ((x = zj_findings_next(&it))) {
		advance(&c, x->start);
		cursor end = c;
		advance(&end, x->start + x->len);
		const char *msg = x->rule == ZJ_RULE_PLACEHOLDER && !x->extra
					  ? gap_messages[x->kind] : zj_finding_message(f, x);
		const zj_rule_info *r = zj_rule_get((zj_rule)x->rule);
		if (st->json) {
			emit_str(&e, first ? "{\"line\": " : ",\n   {\"line\": ");
			emit_long(&e, c.line);
			emit_str(&e, ", \"col\": ");
			emit_long(&e, c.col);
			emit_str(&e, ", \"end_line\": ");
			emit_long(&e, end.line);
			emit_str(&e, ", \"end_col\": ");
			emit_long(&e, end.col);
			emit_str(&e, ", \"rule\": \"");
			emit_str(&e, r->id);
			emit_str(&e, "\", \"severity\": \"");
			emit_str(&e, zj_severity_name((zj_severity)x->severity));
			emit_str(&e, "\", ");
			if (x->kind >= 0) {
				emit_str(&e, "\"kind\": \"");
				emit_str(&e, zj_gap_kind_name((zj_gap_kind)x->kind));
				emit_str(&e, "\", ");
			}
			emit_str(&e, "\"text\": ");
			emit_json_string(&e, text + x->start, x->len);
			emit_str(&e, ", \"message\": ");
			emit_json_string(&e, msg, strlen(msg));
			emit_str(&e, "}");
		} else {
			if (st->color)
				emit_str(&e, "\033[1m");
			emit_str(&e, path);
			emit_str(&e, ":");
			emit_long(&e, c.line);
			emit_str(&e, ":");
			emit_long(&e, c.col);
			emit_str(&e, ":");
			if (st->color) {
				emit_str(&e, "\033[0m ");
				emit_str(&e, severity_color((zj_severity)x->severity));
			} else
				emit_str(&e, " ");
			emit_str(&e, labels[x->severity]);
			emit_str(&e, ":");
			if (st->color)
				emit_str(&e, "\033[0m");
			emit_str(&e, " ");
			emit_str(&e, msg);
			emit_str(&e, " [");
			emit_str(&e, r->id);
			emit_str(&e, "]\n");
		}
		first = false;
	}
	emit_flush(&e);
}

static void json_string(FILE *out, const char *s, size_t n)
{
	static emitter e;
	e.f = out;
	e.n = 0;
	emit_json_string(&e, s, n);
	emit_flush(&e);
}

/* ---- options ---------------------------------------------------------- */

static bool select_rules(const char *list, bool value, zj_check_options *opt)
{
	char *copy = zj_xstrdup(list), *save = NULL;
	bool ok = true;
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		zj_rule r;
		if (!zj_rule_find(tok, &r)) {
			cli_usage_error(_("unknown rule '%s'"), tok);
			ok = false;
			break;
		}
		opt->enabled[r] = value;
	}
	free(copy);
	return ok;
}

static char *personal_words(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	char *path;
	if (xdg && *xdg == '/')
		path = zj_xasprintf("%s/zongjie/words", xdg);
	else if (getenv("HOME"))
		path = zj_xasprintf("%s/.config/zongjie/words", getenv("HOME"));
	else
		return NULL;
	if (access(path, R_OK) == 0)
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

/* Applies the fixable findings and saves the file back in its own
 * format; the text is replaced by the fixed one. */
static bool fix_file(const char *path, char **text, size_t *len, const zj_format *fmt,
		     const zj_findings *f, zj_error *err, size_t *applied)
{
	size_t new_len;
	char *fixed = zj_apply_fixes(*text, *len, f, &new_len, applied);
	if (!*applied) {
		free(fixed);
		return true;
	}
	if (!zj_save_file(path, fixed, new_len, fmt, err)) {
		free(fixed);
		return false;
	}
	free(*text);
	*text = fixed;
	*len = new_len;
	return true;
}

int cmd_check(int argc, char **argv)
{
	enum { OPT_ONLY = 256, OPT_IGNORE, OPT_FIX, OPT_COLOR, OPT_DICT, OPT_SKELETON };
	static const struct option options[] = {
		{"format", required_argument, NULL, 'f'},
		{"only", required_argument, NULL, OPT_ONLY},
		{"ignore", required_argument, NULL, OPT_IGNORE},
		{"fix", no_argument, NULL, OPT_FIX},
		{"color", required_argument, NULL, OPT_COLOR},
		{"colour", required_argument, NULL, OPT_COLOR},
		{"dict", required_argument, NULL, OPT_DICT},
		{"skeleton", required_argument, NULL, OPT_SKELETON},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *skeleton_id = NULL;
	zj_check_options opt;
	zj_check_options_default(&opt);
	out_style st = {0};
	bool fix = false, only_given = false;
	const char *color = "auto";
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (!cli_format(optarg, &st.json))
				return EXIT_TROUBLE;
			break;
		case OPT_ONLY:
			if (!only_given)
				for (int r = 0; r < ZJ_RULE_COUNT; r++)
					opt.enabled[r] = false;
			only_given = true;
			if (!select_rules(optarg, true, &opt))
				return EXIT_TROUBLE;
			break;
		case OPT_IGNORE:
			if (!select_rules(optarg, false, &opt))
				return EXIT_TROUBLE;
			break;
		case OPT_FIX:
			fix = true;
			break;
		case OPT_COLOR:
			if (strcmp(optarg, "auto") && strcmp(optarg, "always") && strcmp(optarg, "never"))
				return cli_usage_error(_("--color takes auto, always or never"));
			color = optarg;
			break;
		case OPT_DICT:
			opt.dict = optarg;
			break;
		case OPT_SKELETON:
			skeleton_id = optarg;
			break;
		case 'h':
			printf(_("Usage: zongjie check [--format=text|json] [--only RULES] [--ignore RULES]\n"
				 "                     [--fix] [--color=auto|always|never] [--dict NAME]\n"
				 "                     [--skeleton ID] FILE|DIR...\n"));
			return EXIT_OK;
		default:
			return cli_usage_error(_("unrecognized option '%s'"), argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return cli_usage_error(_("check needs at least one FILE or DIR"));
	st.color = !st.json && (!strcmp(color, "always") ||
				(!strcmp(color, "auto") && isatty(STDOUT_FILENO) && !getenv("NO_COLOR")));
	zj_library lib = {0};
	if (skeleton_id) {
		cli_load_library(&lib, false);
		const zj_skeleton_entry *e = zj_library_find(&lib, skeleton_id);
		if (!e) {
			zj_library_free(&lib);
			return cli_usage_error(_("no skeleton '%s' (zongjie skeletons lists them)"),
					       skeleton_id);
		}
		opt.skeleton = e->sk;
	}
	char *words = personal_words();
	opt.words_file = words;
	char *notice = NULL;
	zj_checker *checker = zj_checker_new(&opt, &notice);
	if (notice) {
		fprintf(stderr, _("zongjie: notice: %s\n"), notice);
		free(notice);
	}
	/* the checker may have switched spelling off */
	path_list files = {0};
	expand_args(argc - optind, argv + optind, &files);

	static char outbuf[1 << 16];
	setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
	size_t checked = 0, errors = 0, warnings = 0, infos = 0;
	bool trouble = false;
	if (st.json)
		fputs("{\"files\": [", stdout);
	for (size_t i = 0; i < files.count; i++) {
		const char *path = files.items[i];
		zj_error err = {0};
		char *text;
		size_t len;
		zj_format fmt;
		/* The checker reads the text once: no editing buffer is built. */
		if (!zj_load_file(path, &text, &len, &fmt, &err)) {
			fflush(stdout);
			cli_file_error(path, &err);
			trouble = true;
			continue;
		}
		zj_findings f = {0};
		zj_check(checker, text, len, NULL, &f);
		if (fix) {
			size_t applied = 0;
			if (!fix_file(path, &text, &len, &fmt, &f, &err, &applied)) {
				cli_file_error(path, &err);
				trouble = true;
			} else if (applied) {
				fprintf(stderr, ngettext("zongjie: %s: %zu fix applied\n",
							 "zongjie: %s: %zu fixes applied\n", applied),
					path, applied);
				zj_findings_free(&f);
				zj_check(checker, text, len, NULL, &f);
			}
		}
		if (st.json) {
			fputs(checked ? ",\n  {\"path\": " : "\n  {\"path\": ", stdout);
			json_string(stdout, path, strlen(path));
			fputs(", \"findings\": [", stdout);
			cli_print_findings(stdout, &st, path, text, &f);
			fputs("]}", stdout);
		} else
			cli_print_findings(stdout, &st, path, text, &f);
		checked++;
		errors += zj_findings_with_severity(&f, ZJ_SEV_ERROR);
		warnings += zj_findings_with_severity(&f, ZJ_SEV_WARNING);
		infos += zj_findings_with_severity(&f, ZJ_SEV_INFO);
		zj_findings_free(&f);
		free(text);
	}
	if (st.json)
		printf("],\n \"summary\": {\"files\": %zu, \"errors\": %zu, \"warnings\": %zu}}\n",
		       checked, errors, warnings);
	else if (errors + warnings + infos) {
		printf(ngettext("%zu file: ", "%zu files: ", checked), checked);
		printf(ngettext("%zu error", "%zu errors", errors), errors);
		/* TRANSLATORS: separates the counts of the check summary line */
		const char *sep = _(", ");
		printf("%s", sep);
		printf(ngettext("%zu warning", "%zu warnings", warnings), warnings);
		if (infos) {
			printf("%s", sep);
			printf(ngettext("%zu note", "%zu notes", infos), infos);
		}
		printf("\n");
	}
	for (size_t i = 0; i < files.count; i++)
		free(files.items[i]);
	free(files.items);
	zj_checker_free(checker);
	zj_library_free(&lib);
	free(words);
	if (fflush(stdout) != 0)
		return EXIT_TROUBLE;
	return trouble ? EXIT_TROUBLE : errors ? EXIT_FINDINGS : EXIT_OK;
}
