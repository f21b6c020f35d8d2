/* Shared by the command-line front end's files (not a core module). */
#ifndef ZONGJIE_CLI_H
#define ZONGJIE_CLI_H

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

int cmd_outline(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_export(int argc, char **argv);

#endif
