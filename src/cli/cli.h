/* Shared by the command-line front end's files (not a core module). */
#ifndef ZONGJIE_CLI_H
#define ZONGJIE_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "zongjie/util.h"

/* Exit statuses of the command line (README, "Command line"). */
enum { EXIT_OK = 0, EXIT_FINDINGS = 1, EXIT_TROUBLE = 2 };

/* Prints "zongjie: MESSAGE" to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "zongjie: FILE: MESSAGE" to stderr; the prefix is never
 * translated, so scripts read it in any language. */
void cli_file_message(const char *path, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Prints "zongjie: FILE[:LINE:COL]: message" for err. */
void cli_file_error(const char *path, const zj_error *err);
/* Prints the "Try 'zongjie --help'" hint and returns EXIT_TROUBLE. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Reads a --format value into *json; for anything but text or json prints
 * the usage error and returns false. */
bool cli_format(const char *value, bool *json);

/* Every option of every command, named once, so that a name means the same
 * in each command that takes it.  Values under 256 are short options too. */
enum cli_option {
	OPT_HELP = 'h',
	OPT_OUTPUT = 'o',
	OPT_SET = 's',
	OPT_AGAINST = 256,
	OPT_COLOR,
	OPT_DICT,
	OPT_ENCODING,
	OPT_EOL,
	OPT_FIX,
	OPT_FORCE,
	OPT_FORMAT,
	OPT_IGNORE,
	OPT_INDENT,
	OPT_ONLY,
	OPT_RENUMBER,
	OPT_SKELETON,
	OPT_STRIP_NOISE,
	OPT_YEAR,
};

/* Takes option c (an enum cli_option) of a command with its argument
 * into ctx.  Returns CLI_GO_ON, or the exit status to return at once. */
typedef int cli_option_fn(int c, char *arg, void *ctx);
enum { CLI_GO_ON = -1 };
/* Reads a command's options (argv[0] is the command's name): the long
 * names listed in `accepted`, separated by spaces, and --help (-h), which
 * prints usage, the translated help text.  An option not accepted, or
 * missing its argument, is the one-line usage error.  Returns CLI_GO_ON
 * when the command goes on with its operands from argv[optind], else the
 * exit status to return. */
int cli_read_options(int argc, char **argv, const char *accepted, const char *usage,
		     cli_option_fn *take, void *ctx);
/* cli_read_options for a command whose only option is --format and that
 * takes `operands` operands (else the usage error operands_error, a
 * translated message).  Returns CLI_GO_ON or the exit status. */
int cli_format_options(int argc, char **argv, const char *usage, int operands,
		       const char *operands_error, bool *json);
/* The usage error for what getopt_long returned c (':' or '?') for:
 * an option missing its argument, one given an argument it does not take,
 * or an unknown one.  Returns EXIT_TROUBLE. */
int cli_option_error(char **argv, int c);

struct zj_doc;
/* Opens path read-only; on failure prints the error line and returns NULL. */
struct zj_doc *cli_open(const char *path);

struct zj_format;
/* Writes text to the file output (saved atomically, encoded as fmt says;
 * fmt NULL: text is already the bytes) or, output NULL, to standard output
 * as it is.  Prints what failed (stdout_error, translated, for standard
 * output); returns EXIT_OK or EXIT_TROUBLE. */
int cli_write_output(const char *output, const char *text, size_t len,
		     const struct zj_format *fmt, const char *stdout_error);

/* Appends s[0..n) to b as a JSON string, quotes included (escaping is
 * zj_buf_json_escape's). */
void cli_json_string(zj_buf *b, const char *s, size_t n);
/* Prints s[0..n) to out as a JSON string. */
void cli_print_json_string(FILE *out, const char *s, size_t n);

struct zj_findings;
typedef struct out_style {
	bool json;
	bool color;
	bool blocking;  /* text: after a file's errors, a line saying what blocks export */
} out_style;
/* Prints the findings of text (read from path) as `check` does. */
void cli_print_findings(FILE *out, const out_style *st, const char *path, const char *text,
			const struct zj_findings *f);

int cmd_outline(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_skeletons(int argc, char **argv);
int cmd_new(int argc, char **argv);
int cmd_renew(int argc, char **argv);

struct zj_library;
/* Loads the built-in, user and $ZONGJIE_SKELETONS skeletons; with report,
 * files that fail to load are named on stderr. */
void cli_load_library(struct zj_library *lib, bool report);

#endif
