/* main: the zongjie command line (see DESIGN.md, "Command line"). */
#include <config.h>

#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "i18n.h"
#include "ui/ui.h"

static void print_help(void)
{
	printf(_("Usage: zongjie [FILE]\n"
		 "       zongjie COMMAND [OPTION]... [ARGUMENT]...\n"
		 "Write and check Chinese work summaries (工作总结).\n"
		 "With a FILE, or none, zongjie opens the editor (F1 there lists the keys);\n"
		 "without a FILE it starts from the default skeleton.\n"
		 "\n"
		 "Commands:\n"
		 "  check [--format=text|json] [--only RULES] [--ignore RULES] [--fix] FILE|DIR...\n"
		 "                   list gaps and defects (every .txt below a DIR)\n"
		 "  export FILE [-o OUT] [--force] [--encoding=utf-8|gb18030] [--eol=lf|crlf]\n"
		 "         [--indent=keep|fullwidth] [--strip-noise] [--format=txt|docx]\n"
		 "                   write the text, or a Word document (OUT.docx), for submission;\n"
		 "                   refused while errors remain\n"
		 "  new [SKELETON] [-o FILE] [--force] [--set KEY=VALUE]...\n"
		 "                   start a summary from a skeleton (default: annual)\n"
		 "  outline [--format=text|json] FILE\n"
		 "                   show the articles, parts and headings zongjie finds\n"
		 "  skeletons [--format=text|json]\n"
		 "                   list the skeletons (built-in and your own)\n"
		 "\n"
		 "Options:\n"
		 "  -h, --help       display this help and exit\n"
		 "  -V, --version    output version information and exit\n"
		 "\n"
		 "Exit status: 0 if all is well, 1 if findings of severity error remain,\n"
		 "2 if zongjie cannot run (bad usage, unreadable file).\n"));
}

/* The commands; anything else is the editor's FILE. */
static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
} commands[] = {
	{"outline", cmd_outline},
	{"check", cmd_check},
	{"export", cmd_export},
	{"skeletons", cmd_skeletons},
	{"new", cmd_new},
};

static void print_version(void)
{
	printf("zongjie %s\n", PACKAGE_VERSION);
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	/* a file-size limit makes writes fail with EFBIG instead of a kill */
	signal(SIGXFSZ, SIG_IGN);
	const char *localedir = getenv("ZONGJIE_LOCALEDIR");
	bindtextdomain(PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);

	for (size_t i = 0; argc >= 2 && i < sizeof commands / sizeof *commands; i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].run(argc - 1, argv + 1);

	static const struct option options[] = {
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+hV", options, NULL)) != -1) {
		switch (c) {
		case 'h':
			print_help();
			return EXIT_OK;
		case 'V':
			print_version();
			return EXIT_OK;
		default:
			if (optopt)
				return cli_usage_error(_("invalid option -- '%c'"), optopt);
			return cli_usage_error(_("unrecognized option '%s'"), argv[optind - 1]);
		}
	}
	if (argc - optind > 1)
		return cli_usage_error(_("the editor opens one FILE"));
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		cli_error(_("the editor needs a terminal; see 'zongjie --help' for the commands"));
		return EXIT_TROUBLE;
	}
	return ui_run(optind < argc ? argv[optind] : NULL);
}
