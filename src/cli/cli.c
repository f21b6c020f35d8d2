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

int cli_read_options(int argc, char **argv, const char *shortopts,
		     const struct option *longopts, const char *usage, cli_option_fn *take,
		     void *ctx)
{
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		if (c == 'h') {
			fputs(usage, stdout);
			return EXIT_OK;
		}
		int status = take(c, optarg, ctx);
		if (status == CLI_UNKNOWN)
			return cli_unknown_option(argv);
		if (status != CLI_GO_ON)
			return status;
	}
	return CLI_GO_ON;
}

static int take_format(int c, char *arg, void *json)
{
	if (c != 'f')
		return CLI_UNKNOWN;
	return cli_format(arg, json) ? CLI_GO_ON : EXIT_TROUBLE;
}

int cli_format_options(int argc, char **argv, const char *usage, int operands,
		       const char *operands_error, bool *json)
{
	static const struct option options[] = {
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int status = cli_read_options(argc, argv, "h", options, usage, take_format, json);
	if (status == CLI_GO_ON && argc - optind != operands)
		return cli_usage_error("%s", operands_error);
	return status;
}

int cli_unknown_option(char **argv)
{
	return cli_usage_error(_("unrecognized option '%s'"), argv[optind - 1]);
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
