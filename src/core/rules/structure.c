/* Rules on the outline: missing-part, empty-part, heading-sequence, length. */
#include <config.h>

#include "rules/rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zongjie/skeleton.h"
#include "i18n.h"
#include "zongjie/utf8.h"

/* A heading that is a whole sentence with its content (1、年内完成改造小区
 * 6个。) is an item of a list, not a part waiting for its text. */
static bool heading_has_content(const char *s, const zj_section *h)
{
	const char *t = s + h->title_start;
	size_t n = h->title_end - h->title_start;
	static const char *const stops[] = {"。", "！", "？", "；"};
	for (size_t k = 0; k < COUNT(stops); k++)
		if (n >= 3 && !memcmp(t + n - 3, stops[k], 3))
			return true;
	if (!memmem(t, n, "，", 3))
		return false;
	for (size_t i = 0; i < n; i++)
		if (zj_is_ascii_digit(t[i]) && i > 0 && (unsigned char)t[i - 1] >= 0x80)
			return true; /* a figure after Chinese text, not the marker 1、 */
	return false;
}

/* Whether an empty part's heading is worth an error: a top-level heading
 * (一、 （一）) unless it is a sentence with its content; a numbered item
 * (1、 ①) only when its words name a part (1、存在问题). */
static bool empty_heading_reported(const char *s, const zj_section *h, int year)
{
	if (heading_has_content(s, h))
		return false;
	if (h->level <= 2)
		return true;
	return zj_part_from_heading(s + h->title_start, h->title_end - h->title_start, year) !=
	       ZJ_PART_OPENING;
}

/* A whole summary has headings, and a title or top-level headings naming
 * at least two kinds of part; a fragment pasted to be checked lacks no
 * part, and prose without headings has no parts to tell apart. */
static bool whole_summary(const zj_outline *o, const zj_article *a)
{
	bool headed = false;
	for (size_t pi = 0; pi < a->nparts; pi++)
		headed |= o->parts[a->first_part + pi].heading >= 0;
	/* prose with no heading at all: no parts to tell apart */
	if (!headed)
		return false;
	if (a->title_line >= 0)
		return true;
	unsigned named = 0;
	for (size_t pi = 0; pi < a->nparts; pi++) {
		const zj_part *p = &o->parts[a->first_part + pi];
		if (p->heading >= 0 && (p->kind == ZJ_PART_ACHIEVEMENTS ||
					p->kind == ZJ_PART_PROBLEMS || p->kind == ZJ_PART_PLAN))
			named |= 1u << p->kind;
	}
	return __builtin_popcount(named) >= 2;
}

/* A problems or plan heading may name both (四、存在问题和下步打算): the
 * outline gives it the first; the other is not missing.  An achievements
 * heading lends nothing (化解历史遗留问题 reports what was done). */
static void heading_names_more(const char *s, const zj_section *h, bool *have)
{
	static const struct { const char *word; zj_part_kind kind; } also[] = {
		{"打算", ZJ_PART_PLAN}, {"计划", ZJ_PART_PLAN}, {"下一步", ZJ_PART_PLAN},
		{"下步", ZJ_PART_PLAN}, {"努力方向", ZJ_PART_PLAN}, {"思路", ZJ_PART_PLAN},
		{"问题", ZJ_PART_PROBLEMS}, {"不足", ZJ_PART_PROBLEMS}, {"差距", ZJ_PART_PROBLEMS},
	};
	const char *t = s + h->title_start;
	size_t n = h->title_end - h->title_start;
	for (size_t k = 0; k < COUNT(also); k++)
		if (memmem(t, n, also[k].word, strlen(also[k].word)))
			have[also[k].kind] = true;
}

/* Both part rules walk the parts; on says which of them report. */
static void check_parts(const char *s, size_t len, const zj_outline *o, zj_findings *f,
			const bool *on)
{
	for (size_t ai = 0; ai < o->narticles; ai++) {
		const zj_article *a = &o->articles[ai];
		bool have[ZJ_PART_KINDS] = {0};
		for (size_t pi = 0; pi < a->nparts; pi++) {
			const zj_part *p = &o->parts[a->first_part + pi];
			have[p->kind] = true;
			if (p->heading >= 0 && (p->kind == ZJ_PART_PROBLEMS || p->kind == ZJ_PART_PLAN))
				heading_names_more(s, &o->sections[p->heading], have);
			if (on[ZJ_RULE_EMPTY_PART] && p->heading >= 0 && p->chars == 0 &&
			    empty_heading_reported(s, &o->sections[p->heading], a->year)) {
				const zj_section *h = &o->sections[p->heading];
				zj_rule_add_msg(f, ZJ_RULE_EMPTY_PART, h->title_start, h->title_end,
					_("the part \"%.*s\" has no text"),
					(int)(h->title_end - h->title_start), s + h->title_start);
			}
		}
		if (!on[ZJ_RULE_MISSING_PART] || !whole_summary(o, a))
			continue;
		size_t at = a->title_line >= 0 ? a->title_start : a->start;
		size_t end = a->title_line >= 0 ? a->title_end : zj_line_end_at(s, len, a->start);
		static const zj_part_kind wanted[] = {ZJ_PART_ACHIEVEMENTS, ZJ_PART_PROBLEMS,
						      ZJ_PART_PLAN};
		char missing[256] = "";
		for (size_t k = 0; k < COUNT(wanted); k++)
			if (!have[wanted[k]]) {
				size_t used = strlen(missing);
				/* TRANSLATORS: separates the names of the missing parts */
				snprintf(missing + used, sizeof missing - used, "%s%s", used ? _(", ") : "",
					 zj_part_label(wanted[k]));
			}
		/* one finding per article, naming every part it lacks */
		if (*missing)
			zj_rule_add_msg(f, ZJ_RULE_MISSING_PART, at, end,
				_("this summary has no part for: %s"), missing);
	}
}

static const char *level_example(int level)
{
	static const char *const ex[] = {"", "一、", "（一）", "1.", "（1）", "①"};
	return ex[level];
}

typedef struct sequence {
	int last[6];
	int style[6];
	zj_findings *f;
} sequence;

/* One numbered line (heading or numbered paragraph) at s[start..end). */
static void sequence_line(sequence *q, const char *s, size_t start, size_t end)
{
	zj_heading h;
	if (!zj_line_marker(s + start, end - start, &h))
		return;
	int L = h.level;
	size_t at = start + h.marker_start;
	size_t mend = start + h.title_start;
	while (mend > at && (s[mend - 1] == ' ' || s[mend - 1] == '\t'))
		mend--;
	zj_findings *f = q->f;
	if (q->style[L] && q->style[L] != (int)h.marker)
		zj_rule_add_msg(f, ZJ_RULE_HEADING_SEQUENCE, at, mend,
			_("numbering style differs from the other level-%d headings"), L);
	if (!q->style[L])
		q->style[L] = (int)h.marker;
	if (h.number != q->last[L] + 1) {
		if (h.number == q->last[L])
			zj_rule_add_msg(f, ZJ_RULE_HEADING_SEQUENCE, at, mend, _("heading number %d repeats"),
				h.number);
		else if (q->last[L] == 0)
			zj_rule_add_msg(f, ZJ_RULE_HEADING_SEQUENCE, at, mend,
				_("numbering at this level (%s) starts at %d, not 1"), level_example(L),
				h.number);
		else
			zj_rule_add_msg(f, ZJ_RULE_HEADING_SEQUENCE, at, mend, _("heading number %d follows %d"),
				h.number, q->last[L]);
	}
	q->last[L] = h.number;
	for (int d = L + 1; d < 6; d++)
		q->last[d] = 0;
}

static void check_headings(const char *s, const zj_outline *o, zj_findings *f)
{
	for (size_t ai = 0; ai < o->narticles; ai++) {
		const zj_article *a = &o->articles[ai];
		sequence q = {.f = f};
		for (size_t pos = a->start; pos < a->end;) {
			const char *nl = memchr(s + pos, '\n', a->end - pos);
			size_t end = nl ? (size_t)(nl - s) : a->end;
			size_t e = end > pos && s[end - 1] == '\r' ? end - 1 : end;
			sequence_line(&q, s, pos, e);
			pos = end + 1;
		}
	}
}

typedef struct length_ctx {
	const char *s;
	const zj_outline *o;
	zj_findings *f;
} length_ctx;

static void length_finding(const zj_part *p, long min_len, long max_len, void *ctx)
{
	length_ctx *l = ctx;
	size_t at = p->start, end = zj_line_end_at(l->s, p->end, p->start);
	if (p->heading >= 0) {
		at = l->o->sections[p->heading].title_start;
		end = l->o->sections[p->heading].title_end;
	}
	zj_rule_add_msg(l->f, ZJ_RULE_LENGTH, at, end,
		_("%s: %zu characters; the skeleton suggests %ld to %ld"),
		_(zj_part_name(p->kind)), p->chars, min_len, max_len);
}

void zj_run_missing_part(const zj_rule_input *in)
{
	bool on[ZJ_RULE_COUNT] = {[ZJ_RULE_MISSING_PART] = true};
	check_parts(in->s, in->len, in->o, in->f, on);
}

void zj_run_empty_part(const zj_rule_input *in)
{
	bool on[ZJ_RULE_COUNT] = {[ZJ_RULE_EMPTY_PART] = true};
	check_parts(in->s, in->len, in->o, in->f, on);
}

void zj_run_heading_sequence(const zj_rule_input *in)
{
	check_headings(in->s, in->o, in->f);
}

void zj_run_length(const zj_rule_input *in)
{
	if (!in->checker->opt.skeleton)
		return;
	length_ctx lc = {in->s, in->o, in->f};
	zj_skeleton_check_lengths(in->checker->opt.skeleton, in->o, length_finding, &lc);
}
