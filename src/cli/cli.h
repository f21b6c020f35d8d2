/* Shared by the command-line front end's files (not a core module). */
#ifndef ZONGJIE_CLI_H
#define ZONGJIE_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "zongjie/util.h"

/* Exit statuses of the command line (DESIGN.md). */
enum { EXIT_OK = 0, EXIT_FINDINGS = 1, EXIT_TROUBLE = 2 };

/* Prints "zongjie: MESSAGE" to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "zongjie: FILE[:LINE:COL]: message" for err. */
void cli_file_error(const char *path, const zj_error *err);
/* Prints the "Try 'zongjie --help'" hint and returns EXIT_TROUBLE. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Reads a --format value into *json; for anything but text or json prints
 * the usage error and returns false. */
bool cli_format(const char *value, bool *json);

struct zj_findings;
typedef struct out_style {
	bool json;
	bool color;
} out_style;
/* Prints the findings of text (read from path) as `check` does. */
void cli_print_findings(FILE *out, const out_style *st, const char *path, const char *text,
			const struct zj_findings *f);

int cmd_outline(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_skeletons(int argc, char **argv);
int cmd_new(int argc, char **argv);

struct zj_library;
/* Loads the built-in, user and $ZONGJIE_SKELETONS skeletons; with report,
 * files that fail to load are named on stderr. */
void cli_load_library(struct zj_library *lib, bool report);

#endif
