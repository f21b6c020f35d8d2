/* Helpers shared by the commands: errors, usage, options, --format,
 * opening the input, writing the output, JSON strings. */
#include <config.h>

#include "cli.h"

#include <getopt.h>
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

int cli_format_options(int argc, char **argv, const char *usage, bool *json)
{
	static const struct option options[] = {
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (!cli_format(optarg, json))
				return EXIT_TROUBLE;
			break;
		case 'h':
			fputs(usage, stdout);
			return EXIT_OK;
		default:
			return cli_unknown_option(argv);
		}
	}
	return -1;
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

int cli_write_output(const char *output, const char *text, size_t len, const zj_format *fmt)
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
	cli_error(_("cannot write to standard output"));
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
