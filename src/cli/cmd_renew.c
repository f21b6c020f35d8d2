/* `zongjie renew`: the draft of next period's summary from last period's
 * (the rules are in include/zongjie/renew.h). */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "i18n.h"
#include "zongjie/fileio.h"
#include "zongjie/renew.h"

static void period_text(char *out, size_t n, zj_period p)
{
	if (p.half == ZJ_HALF_FIRST)
		snprintf(out, n, _("first half of %d"), p.year);
	else if (p.half == ZJ_HALF_SECOND)
		snprintf(out, n, _("second half of %d"), p.year);
	else
		snprintf(out, n, "%d", p.year);
}

/* What was done, on stderr, so the draft on stdout stays clean. */
static void report(const char *path, const char *output, const zj_renew_stats *st)
{
	if (st->undated == st->articles)
		cli_file_message(path, "%s",
				 _("no year found in the title or opening; years are left as they are"));
	else if (st->undated)
		cli_file_message(path,
				 _("%zu of %zu articles name no year; their years are left as they are"),
				 st->undated, st->articles);
	if (!output)
		return;
	char from[64], to[64];
	period_text(from, sizeof from, st->from);
	period_text(to, sizeof to, st->to);
	fprintf(stderr, "zongjie: %s: ", output);
	if (st->from.year)
		fprintf(stderr, _("%s → %s; "), from, to);
	fprintf(stderr, _("%zu years moved, %zu figures to update, %zu plan items to report on\n"),
		st->years, st->figures, st->plan_items);
}

static bool parse_year(const char *s, int *year)
{
	char *end;
	long y = strtol(s, &end, 10);
	if (*s < '0' || *s > '9' || *end || y < 1900 || y > 2099)
		return false;
	*year = (int)y;
	return true;
}

static int write_draft(const char *output, bool force, const char *bytes, size_t n)
{
	zj_error err = {0};
	struct stat st;
	if (!output) {
		if (fwrite(bytes, 1, n, stdout) != n || fflush(stdout) != 0) {
			cli_error(_("cannot write to standard output"));
			return EXIT_TROUBLE;
		}
		return EXIT_OK;
	}
	if (!force && lstat(output, &st) == 0) {
		cli_error(_("%s exists; use --force to overwrite it"), output);
		return EXIT_TROUBLE;
	}
	if (!zj_save_atomic(output, bytes, n, &err)) {
		cli_file_error(output, &err);
		return EXIT_TROUBLE;
	}
	return EXIT_OK;
}

/* What `renew` was asked for. */
typedef struct renew_args {
	const char *output;
	bool force;
	zj_renew_options opt;
} renew_args;

static int take_renew_option(int c, char *arg, void *ctx)
{
	renew_args *a = ctx;
	switch (c) {
	case OPT_OUTPUT: a->output = arg; break;
	case OPT_FORCE: a->force = true; break;
	case OPT_YEAR:
		if (!parse_year(arg, &a->opt.year))
			return cli_usage_error(_("--year takes a year such as 2025, not '%s'"), arg);
		break;
	}
	return CLI_GO_ON;
}

int cmd_renew(int argc, char **argv)
{
	renew_args a = {0};
	int status = cli_read_options(
		argc, argv, "output year force",
		_("Usage: zongjie renew LAST.txt [-o FILE] [--year YYYY] [--force]\n"
		  "Writes the draft of the next period's summary from last period's:\n"
		  "years moved, figures turned into gaps that keep last year's value,\n"
		  "last year's plan listed to report on.\n"),
		take_renew_option, &a);
	if (status != CLI_GO_ON)
		return status;
	if (argc - optind != 1)
		return cli_usage_error(_("renew takes one FILE, last period's summary"));
	const char *path = argv[optind];
	/* last year's summary is what check --against needs: never its draft's target */
	if (a.output && (!strcmp(a.output, path) || zj_same_file(a.output, path)))
		return cli_usage_error(_("the draft would overwrite last period's summary %s"), path);
	zj_error err = {0};
	char *text, *draft, *bytes = NULL;
	size_t len, draft_len, n;
	zj_format fmt;
	if (!zj_load_file(path, &text, &len, &fmt, &err)) {
		cli_file_error(path, &err);
		return EXIT_TROUBLE;
	}
	zj_renew_stats st;
	status = EXIT_TROUBLE;
	if (!(draft = zj_renew(text, len, &a.opt, &draft_len, &st, &err)))
		cli_file_error(path, &err);
	else if (!zj_encode(draft, draft_len, &fmt, &bytes, &n, &err))
		cli_file_error(path, &err);
	else if ((status = write_draft(a.output, a.force, bytes, n)) == EXIT_OK)
		report(path, a.output, &st);
	free(bytes);
	free(draft);
	free(text);
	return status;
}
