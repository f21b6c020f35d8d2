/* `zongjie skeletons` and `zongjie new`: the skeleton library. */
#include <config.h>

#include <getopt.h>
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
	zj_buf b = {0};
	zj_buf_putc(&b, '"');
	zj_buf_json_escape(&b, s, strlen(s));
	zj_buf_putc(&b, '"');
	fwrite(b.data, 1, b.len, stdout);
	zj_buf_free(&b);
}

int cmd_skeletons(int argc, char **argv)
{
	static const struct option options[] = {
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	bool json = false;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (!cli_format(optarg, &json))
				return EXIT_TROUBLE;
			break;
		case 'h':
			printf(_("Usage: zongjie skeletons [--format=text|json]\n"));
			return EXIT_OK;
		default:
			return cli_usage_error(_("unrecognized option '%s'"), argv[optind - 1]);
		}
	}
	if (optind != argc)
		return cli_usage_error(_("skeletons takes no arguments"));
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
	int status = lib.nerrors ? EXIT_TROUBLE : EXIT_OK;
	zj_library_free(&lib);
	return fflush(stdout) == 0 ? status : EXIT_TROUBLE;
}

int cmd_new(int argc, char **argv)
{
	static const struct option options[] = {
		{"output", required_argument, NULL, 'o'},
		{"set", required_argument, NULL, 's'},
		{"force", no_argument, NULL, 'F'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *output = NULL;
	bool force = false;
	zj_binding *bindings = zj_xcalloc((size_t)argc + 1, sizeof *bindings);
	size_t nbindings = 0;
	int c, status = EXIT_OK;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:s:h", options, NULL)) != -1) {
		switch (c) {
		case 'o':
			output = optarg;
			break;
		case 's': {
			char *eq = strchr(optarg, '=');
			if (!eq || eq == optarg) {
				free(bindings);
				return cli_usage_error(_("--set takes KEY=VALUE, not '%s'"), optarg);
			}
			*eq = '\0';
			bindings[nbindings++] = (zj_binding){optarg, eq + 1};
			break;
		}
		case 'F':
			force = true;
			break;
		case 'h':
			printf(_("Usage: zongjie new [SKELETON] [-o FILE] [--force] [--set KEY=VALUE]...\n"));
			free(bindings);
			return EXIT_OK;
		default:
			free(bindings);
			if (optopt == 'o' || optopt == 's')
				return cli_usage_error(_("option -%c needs an argument"), optopt);
			return cli_usage_error(_("unrecognized option '%s'"), argv[optind - 1]);
		}
	}
	if (argc - optind > 1) {
		free(bindings);
		return cli_usage_error(_("new takes at most one SKELETON"));
	}
	const char *id = optind < argc ? argv[optind] : DEFAULT_SKELETON;
	zj_library lib;
	cli_load_library(&lib, false);
	const zj_skeleton_entry *e = zj_library_find(&lib, id);
	zj_error err = {0};
	char *text = NULL;
	size_t len = 0;
	if (!e) {
		/* a broken file with that id is worth naming */
		for (size_t i = 0; i < lib.nerrors; i++)
			cli_file_error(lib.error_paths[i], &lib.errors[i]);
		cli_error(_("no skeleton '%s' (zongjie skeletons lists them)"), id);
		status = EXIT_TROUBLE;
	} else if (!(text = zj_skeleton_render(e->sk, bindings, nbindings, &len, &err))) {
		cli_error("%s", err.message);
		status = EXIT_TROUBLE;
	} else if (output) {
		struct stat st;
		zj_format fmt = {ZJ_ENC_UTF8, false, ZJ_EOL_LF};
		if (!force && lstat(output, &st) == 0) {
			cli_error(_("%s exists; use --force to overwrite it"), output);
			status = EXIT_TROUBLE;
		} else if (!zj_save_file(output, text, len, &fmt, &err)) {
			cli_file_error(output, &err);
			status = EXIT_TROUBLE;
		}
	} else if (fwrite(text, 1, len, stdout) != len || fflush(stdout) != 0) {
		cli_error(_("cannot write to standard output"));
		status = EXIT_TROUBLE;
	}
	free(text);
	free(bindings);
	zj_library_free(&lib);
	return status;
}
