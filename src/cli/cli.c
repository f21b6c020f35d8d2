/* Helpers shared by the commands: errors, usage, --format. */
#include <config.h>

#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

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
