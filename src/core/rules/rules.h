/*
 * rules: the checker's rules, one file per family, listed in table.c.
 *
 * Internal to the core library.  A rule is a run function that reads the
 * text (and the outline, for rules of the outline group) and appends its
 * findings through zj_rule_add / zj_rule_add_msg.  Adding a rule means a
 * value in zj_rule (check.h), a run function in one of these files, and a
 * row in zj_rule_table.
 */
#ifndef ZONGJIE_RULES_H
#define ZONGJIE_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "zongjie/check.h"
#include "zongjie/utf8.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

struct Hunhandle;
struct zj_proofreader;
struct zj_hanzi_table;

struct zj_checker {
	zj_check_options opt;
	struct Hunhandle *speller; /* NULL when spelling is off */
	const struct zj_proofreader *proof;   /* the process-wide tables, or NULL */
	const struct zj_hanzi_table *hanzi;   /* the traditional characters, or NULL */
};

/* What a rule reads and where it writes. */
typedef struct zj_rule_input {
	const zj_checker *checker;
	const char *s;
	size_t len;
	const zj_outline *o;  /* the outline, for the outline group; else NULL */
	zj_findings *f;
} zj_rule_input;

/* When a rule runs: the text group on a thread of its own for large texts;
 * the outline group with the outline; the last group after the outline is
 * freed (for rules that need its memory). */
typedef enum zj_rule_group {
	ZJ_GROUP_TEXT,
	ZJ_GROUP_OUTLINE,
	ZJ_GROUP_LAST,
} zj_rule_group;

typedef struct zj_rule_def {
	zj_rule_info info;
	zj_rule_group group;
	void (*run)(const zj_rule_input *in);
} zj_rule_def;

extern const zj_rule_def zj_rule_table[ZJ_RULE_COUNT];

/* ---- the findings store (check.c) ---- */
/* Appends a finding with the rule's default severity and no message of its
 * own; returns it so the caller can set kind, extra or has_fix. */
zj_finding *zj_rule_add(zj_findings *f, zj_rule rule, size_t start, size_t end);
/* Appends a finding with a formatted message (at most 511 bytes). */
void zj_rule_add_msg(zj_findings *f, zj_rule rule, size_t start, size_t end, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Copies s into the findings' string arena; returns its offset (never 0). */
uint32_t zj_rule_arena_add(zj_findings *f, const char *s);

/* ---- grouping (group.c) ---- */
typedef struct zj_article_spans {
	struct { size_t start, end; } *span;
	size_t n;
} zj_article_spans;
/* Sorts each rule's list in text order (a group's lead first). */
void zj_sort_findings(zj_findings *f);
/* Groups the findings of rules that fire all through an article (see
 * zj_finding_group in check.h); f is sorted. */
void zj_group_findings(zj_findings *f, const char *s, const zj_article_spans *spans);

/* ---- text scanning (scan.c) ---- */
static inline bool zj_starts_with(const char *s, size_t len, size_t i, const char *w)
{
	size_t n = __builtin_strlen(w);
	return len - i >= n && !__builtin_memcmp(s + i, w, n);
}
/* Calls fn for each line [start, end) of s, CR excluded. */
typedef void (*zj_line_fn)(const char *s, size_t len, size_t start, size_t end, void *ctx);
void zj_each_line(const char *s, size_t len, zj_line_fn fn, void *ctx);
/* Parses an ASCII decimal number at s[i]: returns its end (i if none). */
size_t zj_parse_number(const char *s, size_t len, size_t i, double *value);
/* Start of the number that ends at byte e (digits and one dot). */
size_t zj_number_start(const char *s, size_t e);
/* Sentence bounds around i (after 。；！？ or a line break), searched at
 * most a few hundred bytes away so a text without stops stays linear. */
size_t zj_sentence_start(const char *s, size_t len, size_t i);
size_t zj_sentence_end(const char *s, size_t len, size_t i);
/* End of the line holding i, CR excluded. */
size_t zj_line_end_at(const char *s, size_t len, size_t i);

/* ---- the rules' run functions ---- */
void zj_run_placeholder(const zj_rule_input *in);
void zj_run_missing_part(const zj_rule_input *in);
void zj_run_empty_part(const zj_rule_input *in);
void zj_run_heading_sequence(const zj_rule_input *in);
void zj_run_length(const zj_rule_input *in);
void zj_run_percent_range(const zj_rule_input *in);
void zj_run_part_exceeds_total(const zj_rule_input *in);
void zj_run_rate_mismatch(const zj_rule_input *in);
void zj_run_numeral_mix(const zj_rule_input *in);
void zj_run_date_invalid(const zj_rule_input *in);
void zj_run_site_noise(const zj_rule_input *in);
void zj_run_year_mismatch(const zj_rule_input *in);
void zj_run_stray_latin(const zj_rule_input *in);
void zj_run_halfwidth_punct(const zj_rule_input *in);
void zj_run_bracket_balance(const zj_rule_input *in);
void zj_run_duplicate_paragraph(const zj_rule_input *in);
void zj_run_spelling(const zj_rule_input *in);
void zj_run_miswritten(const zj_rule_input *in);
void zj_run_usage(const zj_rule_input *in);
void zj_run_traditional_char(const zj_rule_input *in);
void zj_run_repeated_char(const zj_rule_input *in);
void zj_run_stale_figure(const zj_rule_input *in);

/* Spelling needs a dictionary: opened with the checker (spelling.c).
 * Returns false, with a notice to show, when none is found. */
bool zj_spelling_open(zj_checker *c, char **notice);
void zj_spelling_close(zj_checker *c);

#endif
