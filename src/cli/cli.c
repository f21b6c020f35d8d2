/* Helpers shared by the commands: errors, usage, options, --format,
 * opening the input, writing the output, JSON strings. */
#include <config.h>

#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "zongjie/doc.h"
#include "zongjie/fileio.h"

void cli_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("zongjie: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

void cli_file_message(const char *path, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "zongjie: %s: ", path);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

void cli_file_error(const char *path, const zj_error *err)
{
	char *line = zj_error_describe(path, err);
	fprintf(stderr, "zongjie: %s\n", line);
	free(line);
}

int cli_usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("zongjie: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	/* One line, so scripts and editors can show it whole. */
	fprintf(stderr, _(" (try 'zongjie --help')\n"));
	return EXIT_TROUBLE;
}

bool cli_format(const char *value, bool *json)
{
	if (!strcmp(value, "json") || !strcmp(value, "text")) {
		*json = !strcmp(value, "json");
		return true;
	}
	cli_usage_error(_("unknown format '%s' (use text or json)"), value);
	return false;
}

/* The long options of all commands (enum cli_option), by name. */
static const struct option every_option[] = {
	{"against", required_argument, NULL, OPT_AGAINST},
	{"color", required_argument, NULL, OPT_COLOR},
	{"colour", required_argument, NULL, OPT_COLOR},
	{"dict", required_argument, NULL, OPT_DICT},
	{"encoding", required_argument, NULL, OPT_ENCODING},
	{"eol", required_argument, NULL, OPT_EOL},
	{"fix", optional_argument, NULL, OPT_FIX},
	{"force", no_argument, NULL, OPT_FORCE},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"help", no_argument, NULL, OPT_HELP},
	{"ignore", required_argument, NULL, OPT_IGNORE},
	{"indent", required_argument, NULL, OPT_INDENT},
	{"only", required_argument, NULL, OPT_ONLY},
	{"output", required_argument, NULL, OPT_OUTPUT},
	{"renumber", no_argument, NULL, OPT_RENUMBER},
	{"set", required_argument, NULL, OPT_SET},
	{"skeleton", required_argument, NULL, OPT_SKELETON},
	{"strip-noise", no_argument, NULL, OPT_STRIP_NOISE},
	{"year", required_argument, NULL, OPT_YEAR},
};
enum { OPTION_COUNT = sizeof every_option / sizeof every_option[0] };

/* Whether name is one of the space-separated words of list. */
static bool listed(const char *list, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = list; (p = strstr(p, name)); p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return true;
	return false;
}

/* getopt_long's tables for the options accepted (and --help): longopts
 * ends with a zero row; shortopts starts with ':' so that a missing
 * argument is told from an unknown option. */
static void accepted_options(const char *accepted, struct option *longopts, char *shortopts)
{
	size_t n = 0;
	*shortopts++ = ':';
	for (size_t i = 0; i < OPTION_COUNT; i++) {
		const struct option *o = &every_option[i];
		if (o->val != OPT_HELP && !listed(accepted, o->name))
			continue;
		longopts[n++] = *o;
		if (o->val < 256) {
			*shortopts++ = (char)o->val;
			if (o->has_arg == required_argument)
				*shortopts++ = ':';
		}
	}
	longopts[n] = (struct option){0};
	*shortopts = '\0';
}

int cli_read_options(int argc, char **argv, const char *accepted, const char *usage,
		     cli_option_fn *take, void *ctx)
{
	struct option longopts[OPTION_COUNT + 1];
	char shortopts[1 + 2 * OPTION_COUNT + 1];
	accepted_options(accepted, longopts, shortopts);
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		if (c == ':' || c == '?')
			return cli_option_error(argv, c);
		if (c == OPT_HELP) {
			fputs(usage, stdout);
			return EXIT_OK;
		}
		int status = take(c, optarg, ctx);
		if (status != CLI_GO_ON)
			return status;
	}
	return CLI_GO_ON;
}

static int take_format(int c, char *arg, void *json)
{
	(void)c; /* --format is the only option */
	return cli_format(arg, json) ? CLI_GO_ON : EXIT_TROUBLE;
}

int cli_format_options(int argc, char **argv, const char *usage, int operands,
		       const char *operands_error, bool *json)
{
	int status = cli_read_options(argc, argv, "format", usage, take_format, json);
	if (status == CLI_GO_ON && argc - optind != operands)
		return cli_usage_error("%s", operands_error);
	return status;
}

/* Whether getopt_long's error is about the long option arg (else about
 * the short option optopt, perhaps in a cluster after a long one). */
static bool long_option_error(const char *arg)
{
	if (strncmp(arg, "--", 2))
		return false;
	if (optopt == 0 || optopt >= 256)
		return true;
	size_t n = strcspn(arg + 2, "=");
	for (size_t i = 0; i < OPTION_COUNT; i++)
		if (every_option[i].val == optopt && !strncmp(every_option[i].name, arg + 2, n))
			return true;
	return false;
}

int cli_option_error(char **argv, int c)
{
	const char *arg = argv[optind - 1];
	bool named = long_option_error(arg);
	if (c == ':' && named)
		return cli_usage_error(_("option '%s' needs an argument"), arg);
	if (c == ':')
		return cli_usage_error(_("option '-%c' needs an argument"), optopt);
	if (named && optopt)
		return cli_usage_error(_("option '%.*s' takes no argument"), (int)strcspn(arg, "="), arg);
	if (named)
		return cli_usage_error(_("unrecognized option '%s'"), arg);
	return cli_usage_error(_("invalid option -- '%c'"), optopt);
}

zj_doc *cli_open(const char *path)
{
	zj_error err = {0};
	zj_doc *d = zj_doc_open(path, false, &err);
	if (!d)
		cli_file_error(path, &err);
	return d;
}

int cli_write_output(const char *output, const char *text, size_t len, const zj_format *fmt,
		     const char *stdout_error)
{
	zj_error err = {0};
	if (output) {
		bool saved = fmt ? zj_save_file(output, text, len, fmt, &err)
				 : zj_save_atomic(output, text, len, &err);
		if (saved)
			return EXIT_OK;
		cli_file_error(output, &err);
		return EXIT_TROUBLE;
	}
	if (fwrite(text, 1, len, stdout) == len && fflush(stdout) == 0)
		return EXIT_OK;
	cli_error("%s", stdout_error);
	return EXIT_TROUBLE;
}

void cli_json_string(zj_buf *b, const char *s, size_t n)
{
	zj_buf_putc(b, '"');
	zj_buf_json_escape(b, s, n);
	zj_buf_putc(b, '"');
}

void cli_print_json_string(FILE *out, const char *s, size_t n)
{
	zj_buf b = {0};
	cli_json_string(&b, s, n);
	fwrite(b.data, 1, b.len, out);
	zj_buf_free(&b);
}
