/*
 * check: the rules a summary is checked against before it is handed in.
 *
 * Each rule has an id, a default severity and a translated message; the
 * placeholder rule reports the gaps of the placeholder module, the others
 * look for defects a reader would hold against the writer (a rate above
 * 100%, parts that add up to more than their total, an impossible date,
 * numbering that skips, site debris, half-width punctuation…).
 *
 * The default profile follows official-document practice (GB/T 9704): no
 * space is wanted between Chinese and digits or Latin, brackets and quotes
 * are full-width.  Nothing here asks for the spacing the popular Markdown
 * linters want.
 *
 * Findings are kept per rule, each list in text order, and read back merged
 * in text order; they are compact (no allocation per finding) so a 100 MB
 * file with millions of gaps checks in bounded memory.
 */
#ifndef ZONGJIE_CHECK_H
#define ZONGJIE_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "zongjie/outline.h"
#include "zongjie/placeholder.h"
#include "zongjie/util.h"

typedef enum zj_severity {
	ZJ_SEV_INFO,
	ZJ_SEV_WARNING,
	ZJ_SEV_ERROR,
} zj_severity;

typedef enum zj_rule {
	ZJ_RULE_PLACEHOLDER,
	ZJ_RULE_MISSING_PART,
	ZJ_RULE_EMPTY_PART,
	ZJ_RULE_PERCENT_RANGE,
	ZJ_RULE_PART_EXCEEDS_TOTAL,
	ZJ_RULE_RATE_MISMATCH,
	ZJ_RULE_DATE_INVALID,
	ZJ_RULE_HEADING_SEQUENCE,
	ZJ_RULE_NUMERAL_MIX,
	ZJ_RULE_SITE_NOISE,
	ZJ_RULE_YEAR_MISMATCH,
	ZJ_RULE_STRAY_LATIN,
	ZJ_RULE_HALFWIDTH_PUNCT,
	ZJ_RULE_BRACKET_BALANCE,
	ZJ_RULE_DUPLICATE_PARAGRAPH,
	ZJ_RULE_SPELLING,
	ZJ_RULE_LENGTH,
	ZJ_RULE_COUNT
} zj_rule;

typedef struct zj_rule_info {
	const char *id;          /* "placeholder", "missing-part", … */
	zj_severity severity;
	bool fixable;
	const char *summary;     /* untranslated; use gettext to show */
} zj_rule_info;

const zj_rule_info *zj_rule_get(zj_rule rule);
/* Looks a rule up by id; returns false if unknown. */
bool zj_rule_find(const char *id, zj_rule *rule);
const char *zj_severity_name(zj_severity sev);  /* "error", "warning", "info" */

typedef struct zj_finding {
	uint32_t start;      /* byte range in the checked text (files stay below 4 GiB) */
	uint32_t len;
	uint32_t extra;      /* offset of a dynamic message in the arena (its fix, if
	                        any, follows it there), or 0; for a duplicate
	                        paragraph, the line it repeats */
	uint8_t rule;        /* zj_rule */
	uint8_t severity;    /* zj_severity */
	int8_t kind;         /* zj_gap_kind for placeholder findings, else -1 */
	uint8_t has_fix;
} zj_finding;

typedef struct zj_findings {
	zj_finding *list[ZJ_RULE_COUNT];
	size_t count[ZJ_RULE_COUNT], cap[ZJ_RULE_COUNT];
	zj_buf arena;        /* NUL-separated strings; offset 0 is unused */
} zj_findings;

void zj_findings_free(zj_findings *f);
size_t zj_findings_total(const zj_findings *f);
/* Number of findings with the given severity. */
size_t zj_findings_with_severity(const zj_findings *f, zj_severity sev);
/* The translated message of a finding. */
const char *zj_finding_message(const zj_findings *f, const zj_finding *x);
/* The replacement text of a fixable finding, or NULL. */
const char *zj_finding_fix(const zj_findings *f, const zj_finding *x);

/* Walks the findings merged in text order (ties: rule order). */
typedef struct zj_findings_iter {
	const zj_findings *f;
	size_t pos[ZJ_RULE_COUNT];
} zj_findings_iter;
void zj_findings_iter_init(zj_findings_iter *it, const zj_findings *f);
const zj_finding *zj_findings_next(zj_findings_iter *it);

typedef struct zj_checker zj_checker;

typedef struct zj_check_options {
	bool enabled[ZJ_RULE_COUNT];
	const char *dict;        /* hunspell dictionary name or path prefix; NULL: en_US */
	const char *words_file;  /* personal word list, one word a line; NULL: none */
	const struct zj_skeleton *skeleton; /* suggested part lengths; NULL: none */
} zj_check_options;

/* All rules on, default dictionary. */
void zj_check_options_default(zj_check_options *opt);

/* Creates a checker.  When the spelling dictionary cannot be found the
 * spelling rule is switched off and *notice (if not NULL) gets a
 * one-line explanation to show; the caller frees it. */
zj_checker *zj_checker_new(const zj_check_options *opt, char **notice);
void zj_checker_free(zj_checker *c);

/* Checks text[0..len) whose outline is o; with o NULL the checker builds
 * the outline itself if an enabled rule needs it.  Appends to out (zero
 * it first).  A large text is checked on two threads. */
void zj_check(zj_checker *c, const char *text, size_t len, const zj_outline *o,
	      zj_findings *out);

/* Applies the fixes of the fixable findings to text and returns the new
 * text (caller frees) and the number of fixes applied. */
char *zj_apply_fixes(const char *text, size_t len, const zj_findings *f, size_t *new_len,
		     size_t *applied);

#endif
