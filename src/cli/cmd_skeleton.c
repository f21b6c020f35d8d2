/* `zongjie skeletons` and `zongjie new`: the skeleton library. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "zongjie/fileio.h"
#include "zongjie/skeleton.h"
#include "zongjie/utf8.h"

#define DEFAULT_SKELETON "annual"

void cli_load_library(zj_library *lib, bool report)
{
	zj_library_load_standard(lib);
	if (report)
		for (size_t i = 0; i < lib->nerrors; i++)
			cli_file_error(lib->error_paths[i], &lib->errors[i]);
}

static void json_text(const char *s)
{
	cli_print_json_string(stdout, s, strlen(s));
}

int cmd_skeletons(int argc, char **argv)
{
	bool json = false;
	int status = cli_format_options(argc, argv,
					_("Usage: zongjie skeletons [--format=text|json]\n"), 0,
					_("skeletons takes no arguments"), &json);
	if (status != CLI_GO_ON)
		return status;
	zj_library lib;
	cli_load_library(&lib, true);
	if (json)
		fputs("{\"skeletons\": [", stdout);
	size_t idw = 0;
	for (size_t i = 0; i < lib.count; i++)
		if (strlen(lib.items[i].sk->id) > idw)
			idw = strlen(lib.items[i].sk->id);
	for (size_t i = 0; i < lib.count; i++) {
		const zj_skeleton *sk = lib.items[i].sk;
		const char *origin = lib.items[i].builtin ? "built-in" : sk->path;
		if (json) {
			fputs(i ? ",\n  {\"id\": " : "\n  {\"id\": ", stdout);
			json_text(sk->id);
			fputs(", \"name\": ", stdout);
			json_text(sk->name);
			fputs(", \"description\": ", stdout);
			json_text(sk->description);
			fputs(", \"lang\": ", stdout);
			json_text(sk->lang);
			fputs(", \"origin\": ", stdout);
			json_text(origin);
			fputs("}", stdout);
		} else {
			printf("%-*s  %s  %s  (%s)\n", (int)idw, sk->id, sk->name, sk->description,
			       lib.items[i].builtin ? _("built-in") : sk->path);
		}
	}
	if (json)
		fputs("]}\n", stdout);
	status = lib.nerrors ? EXIT_TROUBLE : EXIT_OK;
	zj_library_free(&lib);
	return fflush(stdout) == 0 ? status : EXIT_TROUBLE;
}

/* What `new` was asked for. */
typedef struct new_args {
	const char *id, *output;
	bool force;
	zj_binding *bindings; /* point into argv */
	size_t nbindings;
} new_args;

static int take_new_option(int c, char *arg, void *ctx)
{
	new_args *a = ctx;
	switch (c) {
	case OPT_OUTPUT: a->output = arg; break;
	case OPT_SET: {
		char *eq = strchr(arg, '=');
		if (!eq || eq == arg)
			return cli_usage_error(_("--set takes KEY=VALUE, not '%s'"), arg);
		*eq = '\0';
		a->bindings[a->nbindings++] = (zj_binding){arg, eq + 1};
		break;
	}
	case OPT_FORCE: a->force = true; break;
	}
	return CLI_GO_ON;
}

/* Reads new's options into *a (the caller frees a->bindings); returns
 * CLI_GO_ON, else the exit status to return. */
static int new_options(int argc, char **argv, new_args *a)
{
	*a = (new_args){.bindings = zj_xcalloc((size_t)argc + 1, sizeof *a->bindings)};
	int status = cli_read_options(
		argc, argv, "output set force",
		_("Usage: zongjie new [SKELETON] [-o FILE] [--force] [--set KEY=VALUE]...\n"),
		take_new_option, a);
	if (status != CLI_GO_ON)
		return status;
	if (argc - optind > 1)
		return cli_usage_error(_("new takes at most one SKELETON"));
	a->id = optind < argc ? argv[optind] : DEFAULT_SKELETON;
	return CLI_GO_ON;
}

int cmd_new(int argc, char **argv)
{
	new_args a;
	int status = new_options(argc, argv, &a);
	if (status != CLI_GO_ON) {
		free(a.bindings);
		return status;
	}
	zj_library lib;
	cli_load_library(&lib, false);
	const zj_skeleton_entry *e = zj_library_find(&lib, a.id);
	zj_error err = {0};
	char *text = NULL;
	size_t len = 0;
	struct stat st;
	if (!e) {
		/* a broken file with that id is worth naming */
		for (size_t i = 0; i < lib.nerrors; i++)
			cli_file_error(lib.error_paths[i], &lib.errors[i]);
		cli_error(_("no skeleton '%s' (zongjie skeletons lists them)"), a.id);
		status = EXIT_TROUBLE;
	} else if (!(text = zj_skeleton_render(e->sk, a.bindings, a.nbindings, &len, &err))) {
		cli_error("%s", err.message);
		status = EXIT_TROUBLE;
	} else if (a.output && !a.force && lstat(a.output, &st) == 0) {
		cli_error(_("%s exists; use --force to overwrite it"), a.output);
		status = EXIT_TROUBLE;
	} else {
		zj_format fmt = {ZJ_ENC_UTF8, false, ZJ_EOL_LF};
		status = cli_write_output(a.output, text, len, &fmt,
					  _("cannot write to standard output"));
	}
	free(text);
	free(a.bindings);
	zj_library_free(&lib);
	return status;
}
