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
	ZJ_RULE_STALE_FIGURE,
	ZJ_RULE_MISWRITTEN,
	ZJ_RULE_USAGE,
	ZJ_RULE_TRADITIONAL_CHAR,
	ZJ_RULE_REPEATED_CHAR,
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
/* The same, translated, for people (a static string of the catalogue). */
const char *zj_severity_label(zj_severity sev);

typedef struct zj_finding {
	uint32_t start;      /* byte range in the checked text (files stay below 4 GiB) */
	uint32_t len;
	uint32_t extra;      /* what the message needs beyond the rule's id, read
	                        only through zj_finding_message/zj_finding_fix:
	                        for ZJ_RULE_DUPLICATE_PARAGRAPH the 1-based line of
	                        the paragraph repeated (the message is made when
	                        shown, so millions of repeats cost no arena); for
	                        every other rule the offset in the arena of the
	                        finding's own message (its fix, if any, follows
	                        it), or 0 when the message is the rule's or the
	                        gap kind's */
	uint8_t rule;        /* zj_rule */
	uint8_t severity;    /* zj_severity */
	int8_t kind;         /* zj_gap_kind for placeholder findings, else -1 */
	uint8_t has_fix : 1;
	uint8_t hidden : 1;  /* one of a group: shown through its lead, fixed on its own */
	uint8_t lead : 1;    /* stands for a group (see zj_finding_count) */
} zj_finding;

/* A warning that fires all through an article (half-width punctuation in
 * a text typed on a Latin keyboard, one censored character used 111 times)
 * is reported once for that article: a lead finding at the first place,
 * with the count, and the single findings hidden (still fixed by
 * zj_apply_fixes).  Half-width marks are grouped from 5 on, only where the
 * article uses them more than full-width ones (elsewhere each is shown);
 * a lone Latin letter from 3 uses of the same letter; any other warning
 * from 10 in the article, except duplicate-paragraph and spelling, whose
 * findings each say something of their own.  Errors are never grouped. */
typedef struct zj_finding_group {
	uint32_t start;      /* of the lead */
	uint32_t count;      /* findings it stands for */
	uint8_t rule;
} zj_finding_group;

typedef struct zj_findings {
	zj_finding *list[ZJ_RULE_COUNT];
	size_t count[ZJ_RULE_COUNT], cap[ZJ_RULE_COUNT];
	zj_buf arena;        /* NUL-separated strings; offset 0 is unused */
	zj_finding_group *groups; /* sorted by rule, then start */
	size_t ngroups, groups_cap;
} zj_findings;

void zj_findings_free(zj_findings *f);
/* Number of findings shown (a group counts once). */
size_t zj_findings_total(const zj_findings *f);
/* Number of findings shown with the given severity. */
size_t zj_findings_with_severity(const zj_findings *f, zj_severity sev);
/* How many findings x stands for: 1, or the size of its group. */
size_t zj_finding_count(const zj_findings *f, const zj_finding *x);
/* The translated message of a finding.  For a duplicate paragraph it is a
 * static buffer, overwritten by the next such call (copy it to keep it;
 * not for two threads at once); otherwise a string of the arena, valid
 * while f is, or of the message catalogue, valid for the program. */
const char *zj_finding_message(const zj_findings *f, const zj_finding *x);
/* The suggested replacement text of a finding (in f's arena, valid while
 * f is), or NULL. */
const char *zj_finding_fix(const zj_findings *f, const zj_finding *x);

/* Walks the findings shown, merged in text order (ties: rule order);
 * iter_init_all walks the hidden members of groups too. */
typedef struct zj_findings_iter {
	const zj_findings *f;
	size_t pos[ZJ_RULE_COUNT];
	bool all;
} zj_findings_iter;
void zj_findings_iter_init(zj_findings_iter *it, const zj_findings *f);
void zj_findings_iter_init_all(zj_findings_iter *it, const zj_findings *f);
const zj_finding *zj_findings_next(zj_findings_iter *it);

/* The findings shown, in the order of a list a person reads: errors
 * first, then warnings, then notes; within a severity rule by rule, each
 * rule's findings in text order.  Fills out[0 .. zj_findings_total(f)).
 * zj_findings_run returns how many follow out[i] of its severity and rule
 * (itself included), for a heading with the count. */
void zj_findings_by_rule(const zj_findings *f, const zj_finding **out);
size_t zj_findings_run(const zj_finding *const *list, size_t n, size_t i);

typedef struct zj_checker zj_checker;

typedef struct zj_check_options {
	bool enabled[ZJ_RULE_COUNT];
	const char *dict;        /* hunspell dictionary name or path prefix; NULL: en_US */
	const char *words_file;  /* personal word list, one word a line; NULL: none */
	const struct zj_skeleton *skeleton; /* suggested part lengths; NULL: none */
	const char *against;     /* last period's summary (UTF-8) for stale-figure; NULL: none */
	size_t against_len;
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

/* zj_check() with every rule but spelling, which is advice that needs a
 * dictionary: never a reason to refuse an export, nor worth its cost in
 * the editor's margin.  Fills out (zeroed first). */
void zj_check_without_spelling(const char *text, size_t len, const zj_outline *o,
			       zj_findings *out);

/* Applies the suggestions of the findings of the rules asked for
 * (rules[rule], or with rules NULL the rules whose info says fixable) to
 * text and returns the new text (caller frees) and the number applied. */
char *zj_apply_fixes(const char *text, size_t len, const zj_findings *f, const bool *rules,
		     size_t *new_len, size_t *applied);

#endif
