/*
 * proofread: miswritten words and official-document usage in Chinese text.
 *
 * Two tables of phrases, each entry a wrong form and its right form:
 * miswritten words and idioms (再接再励 → 再接再厉) and usage (其它 → 其他,
 * 截止目前 → 截至目前), read from data files (one entry a line, see
 * data/miswritten.txt).  A line `+PHRASE` names a right phrase: a match
 * that overlaps it is not reported (自己经常 holds 己经).  The user's file
 * adds miswritten entries and silences any entry with `-WRONG`.
 *
 * All the wrong forms and right phrases are found in one pass over the
 * bytes (an Aho–Corasick automaton, built once); overlapping matches are
 * resolved leftmost-longest, so 人材辈出 wins over 人材.
 *
 * Besides the tables: ranges written with a hyphen or a half-width tilde
 * between the numbers of a date or a duration (1-5月 → 1—5月).
 */
#ifndef ZONGJIE_PROOFREAD_H
#define ZONGJIE_PROOFREAD_H

#include <stdbool.h>
#include <stddef.h>

#include "zongjie/util.h"

typedef enum zj_proof_table {
	ZJ_PROOF_MISWRITTEN,
	ZJ_PROOF_USAGE,
	ZJ_PROOF_TABLES
} zj_proof_table;

typedef struct zj_proofreader zj_proofreader;

zj_proofreader *zj_proofreader_new(void);
void zj_proofreader_free(zj_proofreader *p);

/* Adds the entries of a table file's text to table.  Each entry is
 * `WRONG RIGHT [info|warning]`; `+PHRASE` adds a right phrase; `-WRONG`
 * silences an entry added before or after.  A malformed line fails with
 * its line number in err (name names the file) and leaves the entries
 * before it in place. */
bool zj_proofreader_add_text(zj_proofreader *p, zj_proof_table table, const char *text,
			     size_t len, zj_error *err);
/* Reads path and adds it as above. */
bool zj_proofreader_add_file(zj_proofreader *p, zj_proof_table table, const char *path,
			     zj_error *err);

/* Number of entries (silenced ones excluded) of a table. */
size_t zj_proofreader_count(const zj_proofreader *p, zj_proof_table table);

/* The process-wide proofreader: the built-in tables (installed under
 * pkgdatadir, or from the source tree when run from the build tree) and
 * $XDG_CONFIG_HOME/zongjie/miswritten.txt, loaded on first use.  When a
 * file cannot be read or has a bad line, *notice (if not NULL) gets a
 * one-line explanation (the caller frees it) and the rest is used. */
const zj_proofreader *zj_proofreader_standard(char **notice);

/* Path of a built-in data file (caller frees): under pkgdatadir when
 * installed there, else in the source tree's data/. */
char *zj_proof_data_path(const char *name);

/* Path of the user's file (caller frees), or NULL without HOME. */
char *zj_proofreader_user_file(void);

typedef struct zj_proof_match {
	size_t start, end;       /* byte range of the wrong form */
	zj_proof_table table;
	bool warning;            /* severity of the entry: warning, else info */
	const char *right;       /* the right form, NUL-terminated */
} zj_proof_match;

/* Calls fn for each match of the tables asked for (want[table]), in text
 * order, never overlapping, none inside a right phrase. */
typedef void (*zj_proof_fn)(const zj_proof_match *m, void *ctx);
void zj_proofread(const zj_proofreader *p, const bool want[ZJ_PROOF_TABLES], const char *s,
		  size_t len, zj_proof_fn fn, void *ctx);

/* Calls fn for each range written 1-5月 or 3~5天: a hyphen, en dash or
 * half-width tilde between two numbers, the first smaller, followed by a
 * unit of time.  The match is the mark; right is the dash to write. */
void zj_proof_ranges(const char *s, size_t len, zj_proof_fn fn, void *ctx);

#endif
