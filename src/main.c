/* main: the entry; the commands by name from a table, else the editor
 * (README, "Command line"). */
#include <config.h>

#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
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
		 "  check [--format=text|json] [--only RULES] [--ignore RULES] [--fix[=RULES]]\n"
		 "         FILE|DIR...\n"
		 "                   list gaps and defects (every .txt below a DIR)\n"
		 "  export FILE [-o OUT] [--force] [--encoding=utf-8|gb18030] [--eol=lf|crlf]\n"
		 "         [--indent=keep|fullwidth] [--strip-noise] [--renumber] [--format=txt|docx]\n"
		 "                   write the text for submission as written, or a Word document\n"
		 "                   (OUT.docx); refused while errors remain\n"
		 "  new [SKELETON] [-o FILE] [--force] [--set KEY=VALUE]...\n"
		 "                   start a summary from a skeleton (default: annual)\n"
		 "  renew LAST.txt [-o FILE] [--year YYYY] [--force]\n"
		 "                   draft the next period's summary from last period's\n"
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
	{"renew", cmd_renew},
};

static void print_version(void)
{
	printf("zongjie %s\n", PACKAGE_VERSION);
}

/* Whether dir holds our catalogue for the messages locale (zh_CN.UTF-8,
 * then zh_CN, then zh). */
static bool has_catalogue(const char *dir)
{
	const char *loc = setlocale(LC_MESSAGES, NULL);
	if (!loc || !strcmp(loc, "C") || !strcmp(loc, "POSIX"))
		return false;
	char lang[64];
	snprintf(lang, sizeof lang, "%s", loc);
	for (int cut = 0; cut < 3; cut++) {
		char *end = strpbrk(lang, cut == 0 ? "@" : cut == 1 ? "." : "_");
		if (cut > 0 && end)
			*end = '\0';
		char path[4096];
		snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/%s.mo", dir, lang, PACKAGE);
		if (access(path, R_OK) == 0)
			return true;
	}
	return false;
}

/* Where the catalogues are: $ZONGJIE_LOCALEDIR, else LOCALEDIR once
 * installed, else the build tree (locale/ beside src/, where make puts
 * them) or a locale/ beside the binary, so zongjie run from the build tree
 * speaks the user's language before `make install`. */
static const char *find_localedir(char *buf, size_t size)
{
	const char *env = getenv("ZONGJIE_LOCALEDIR");
	if (env && *env)
		return env;
	if (has_catalogue(LOCALEDIR))
		return LOCALEDIR;
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return LOCALEDIR;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return LOCALEDIR;
	*slash = '\0';
	static const char *const beside[] = {"/../locale", "/locale"};
	for (size_t i = 0; i < sizeof beside / sizeof *beside; i++) {
		snprintf(buf, size, "%s%s", exe, beside[i]);
		if (has_catalogue(buf))
			return buf;
	}
	return LOCALEDIR;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	/* a file-size limit makes writes fail with EFBIG instead of a kill */
	signal(SIGXFSZ, SIG_IGN);
	static char localedir[4096 + 16];
	bindtextdomain(PACKAGE, find_localedir(localedir, sizeof localedir));
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
			return cli_option_error(argv, c);
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
