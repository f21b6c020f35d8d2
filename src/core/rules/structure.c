/* Rules on the outline: missing-part, empty-part, heading-sequence, length. */
#include <config.h>

#include "rules/rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zongjie/skeleton.h"
#include "i18n.h"
#include "zongjie/utf8.h"

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
			if (on[ZJ_RULE_EMPTY_PART] && p->heading >= 0 && p->chars == 0) {
				const zj_section *h = &o->sections[p->heading];
				zj_rule_add_msg(f, ZJ_RULE_EMPTY_PART, h->title_start, h->title_end,
					_("the part \"%.*s\" has no text"),
					(int)(h->title_end - h->title_start), s + h->title_start);
			}
		}
		if (!on[ZJ_RULE_MISSING_PART])
			continue;
		size_t at = a->title_line >= 0 ? a->title_start : a->start;
		size_t end = a->title_line >= 0 ? a->title_end : zj_line_end_at(s, len, a->start);
		static const struct { zj_part_kind kind; const char *msg; } wanted[] = {
			{ZJ_PART_ACHIEVEMENTS, N_("no achievements part (工作成效) in this article")},
			{ZJ_PART_PROBLEMS, N_("no problems part (存在的问题) in this article")},
			{ZJ_PART_PLAN, N_("no plan part (下一步工作计划) in this article")},
		};
		for (size_t k = 0; k < COUNT(wanted); k++)
			if (!have[wanted[k].kind])
				zj_rule_add_msg(f, ZJ_RULE_MISSING_PART, at, end, "%s", _(wanted[k].msg));
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
