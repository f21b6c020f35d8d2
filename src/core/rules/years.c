/* Rule year-mismatch: years that contradict the title. */
#include <config.h>

#include "rules/rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "zongjie/utf8.h"

static void each_year_phrase(const char *s, size_t from, size_t to, const char *const *words,
			     size_t count, void (*fn)(size_t, size_t, int, void *), void *ctx)
{
	for (size_t i = from; i + 7 <= to; i++) {
		if (!zj_is_ascii_digit(s[i]) || (i > from && zj_is_ascii_digit(s[i - 1])))
			continue;
		double v;
		size_t e = zj_parse_number(s, to, i, &v);
		if (e - i != 4 || memcmp(s + e, "年", 3))
			continue;
		size_t w = e + 3;
		if (zj_starts_with(s, to, w, "度"))
			w += 3;
		for (size_t k = 0; k < count; k++)
			if (zj_starts_with(s, to, w, words[k])) {
				fn(i, w + strlen(words[k]), (int)v, ctx);
				break;
			}
	}
}

typedef struct year_ctx {
	const char *s;
	zj_findings *f;
	int want;
	bool plan;
} year_ctx;

static void year_phrase(size_t start, size_t end, int year, void *ctx)
{
	year_ctx *y = ctx;
	if (year == y->want)
		return;
	if (y->plan)
		zj_rule_add_msg(y->f, ZJ_RULE_YEAR_MISMATCH, start, end,
			_("%.*s: the plan of a %d summary is for %d"), (int)(end - start),
			y->s + start, y->want - 1, y->want);
	else
		zj_rule_add_msg(y->f, ZJ_RULE_YEAR_MISMATCH, start, end,
			_("%.*s: this is a %d summary"), (int)(end - start), y->s + start, y->want);
}

/* Whether a title names a span of years (2021—2025年, 十四五 time): any
 * year in it other than the article's and the plan year after it. */
static bool title_spans_years(const char *t, size_t n, int year)
{
	for (size_t i = 0; i + 4 <= n; i++) {
		if (!zj_is_ascii_digit(t[i]) || (i > 0 && zj_is_ascii_digit(t[i - 1])))
			continue;
		double v;
		size_t e = zj_parse_number(t, n, i, &v);
		if (e - i == 4 && (int)v != year && (int)v != year + 1 && v >= 1900)
			return true;
		i = e;
	}
	return false;
}

/* A paragraph of the opening or of the achievements that starts by
 * naming the year it reports on (2024年，我局… 2024年全年) must name the
 * title's year: a 2025 summary whose opening reports 2024年 was copied
 * from last year's.  A paragraph of the plan that starts by naming a year
 * (2026年，我们将…) must name the plan's.  The title's year and the one
 * after are never wrong here, nor a span (2020年以来). */
static void check_report_year(const char *s, const zj_outline *o, const zj_article *a,
			      zj_findings *f)
{
	static const char *const reports[] = {"，", "是", "全年", "上半年", "我", ","};
	char digits[8];
	snprintf(digits, sizeof digits, "%04d", a->year % 10000);
	if (a->title_line < 0 || !memmem(s + a->title_start, a->title_end - a->title_start, digits, 4) ||
	    title_spans_years(s + a->title_start, a->title_end - a->title_start, a->year))
		return;
	for (size_t pi = 0; pi < a->nparts; pi++) {
		const zj_part *p = &o->parts[a->first_part + pi];
		bool plan = p->kind == ZJ_PART_PLAN;
		if (p->kind != ZJ_PART_OPENING && p->kind != ZJ_PART_ACHIEVEMENTS && !plan)
			continue;
		for (size_t i = p->start; i < p->end; i = zj_line_end_at(s, p->end, i) + 1) {
			size_t b = i;
			while (b < p->end && (s[b] == ' ' || s[b] == '\t'))
				b++;
			if (zj_starts_with(s, p->end, b, "\xe3\x80\x80")) /* U+3000 indent */
				b += 3;
			double v;
			size_t e = zj_parse_number(s, p->end, b, &v);
			if (e - b != 4 || !zj_starts_with(s, p->end, e, "年"))
				continue;
			size_t w = e + 3;
			if (zj_starts_with(s, p->end, w, "度"))
				w += 3;
			int year = (int)v;
			if (year == a->year || year == a->year + 1 || year < 1900)
				continue;
			for (size_t k = 0; k < COUNT(reports); k++) {
				if (!zj_starts_with(s, p->end, w, reports[k]))
					continue;
				if (plan)
					zj_rule_add_msg(f, ZJ_RULE_YEAR_MISMATCH, b, e + 3,
						_("%.*s: the plan of a %d summary is for %d"),
						(int)(e + 3 - b), s + b, a->year, a->year + 1);
				else
					zj_rule_add_msg(f, ZJ_RULE_YEAR_MISMATCH, b, e + 3,
						_("%.*s: this is a %d summary"), (int)(e + 3 - b), s + b,
						a->year);
				break;
			}
		}
	}
}

static void check_years(const char *s, const zj_outline *o, zj_findings *f)
{
	static const char *const plan_words[] = {"工作计划", "工作安排", "工作打算", "工作思路",
						 "工作要点", "计划", "打算"};
	static const char *const summary_words[] = {"工作总结", "总结", "工作成效", "工作回顾",
						    "述职"};
	for (size_t ai = 0; ai < o->narticles; ai++) {
		const zj_article *a = &o->articles[ai];
		if (!a->year)
			continue;
		check_report_year(s, o, a, f);
		/* the title itself sets the year: skip it */
		size_t from = a->title_line >= 0 ? a->title_end : a->start;
		year_ctx plan = {s, f, a->year + 1, true};
		year_ctx summary = {s, f, a->year, false};
		each_year_phrase(s, from, a->end, plan_words, COUNT(plan_words), year_phrase, &plan);
		each_year_phrase(s, from, a->end, summary_words, COUNT(summary_words), year_phrase,
				 &summary);
		/* a first-half summary plans the second half */
		if (a->title_line < 0 || !memmem(s + a->title_start, a->title_end - a->title_start,
						 "上半年", 9))
			continue;
		for (size_t pi = 0; pi < a->nparts; pi++) {
			const zj_part *p = &o->parts[a->first_part + pi];
			if (p->heading < 0)
				continue;
			const zj_section *h = &o->sections[p->heading];
			const char *wrong = p->kind == ZJ_PART_PLAN ? "上半年"
					  : p->kind == ZJ_PART_ACHIEVEMENTS ? "下半年" : NULL;
			const char *hit = wrong ? memmem(s + h->title_start, h->title_end - h->title_start,
							 wrong, 9) : NULL;
			if (hit)
				zj_rule_add_msg(f, ZJ_RULE_YEAR_MISMATCH, (size_t)(hit - s), (size_t)(hit - s) + 9,
					p->kind == ZJ_PART_PLAN
						? _("the plan of a first-half summary is for 下半年")
						: _("a first-half summary reviews 上半年"));
		}
	}
}

void zj_run_year_mismatch(const zj_rule_input *in)
{
	check_years(in->s, in->o, in->f);
}
