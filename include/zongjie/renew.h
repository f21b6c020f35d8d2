/*
 * renew: the draft of the next period's summary, made from last period's.
 *
 * Most summaries are written from the writer's own summary of the year
 * before.  zj_renew() does the mechanical half of that work and leaves
 * the rest as gaps, so `check` lists exactly what is still to update.
 *
 * Period.  Each article's reported period is the first year named in its
 * title or opening (`2024年`, `2024年度`, `Annual Report 2024`), with
 * its half when one follows (`2024年上半年`); a year after 自 or 从
 * (`自2018年以来`) is a starting point, not the period.  The planned
 * period is the one after it: 2024 → 2025, 2024年上半年 → 2024年下半年,
 * 2024年下半年 → 2025年上半年.  The draft reports on the next period
 * (or, with a year given, the same kind of period in that year: for a
 * half-year summary the same half, compared year on year), and plans
 * the one after that.
 *
 * Years.  A year mention is four digits 1900–2099 followed by 年 (and
 * its half, 年上半年), or standing alone between blanks or Latin
 * punctuation (`In 2024,`).  A mention of the reported period moves to
 * the new reported period, one of the planned period to the new planned
 * period, wherever it stands (title, headings, body); in a half-year
 * summary the bare words 上半年 / 下半年 move with them.  Everything
 * else stays:
 *   - other years: `自2018年以来`, `较2022年`;
 *   - ranges: `（2022—2025年）`, `2023-2024学年`;
 *   - years inside 《》 or 〔〕 and a regulation's year: `《…条例》`,
 *     `〔2024〕3号`, `（2024年修订）`, `2024年版`;
 *   - cohorts and ordinals: `2024届`, `2023级`;
 *   - `“十四五”`, 今年, 明年 and other words.
 *
 * Figures.  In the opening and the achievements parts, a figure that
 * reports a result becomes a gap that keeps last period's value as a
 * hint, `【上年：326】场次`, `【上年：98.5%】`, `【上年：3】月`
 * (`【上期：…】` in a half-year summary, `[last year: 98.5%]` in a text
 * without Chinese); the gap detector reads each as one gap whose kind
 * comes from the words after it.  A figure is a number in Arabic digits
 * (with a decimal part, thousands commas, or a range `3-5`) followed by a
 * measure word or unit (人次 场次 万元 个 项 …), a percent or per-mille
 * sign, or 月 / 日 (a date).  Not figures, and so kept: headings and
 * title lines (in the opening, a line without a comma or a stop);
 * customs (每年5月, 每月1日); numbers after 第, or before 号 届 次会议;
 * numbers glued to Latin letters or to an x-gap (5G G20 720xx); numbers
 * inside 《》 〔〕 【】; numbers followed by no unit (phone numbers,
 * codes, list markers 1、); numbers in Chinese numerals; the figures of
 * the problems, plan and closing parts.
 *
 * Outline.  At the start of the achievements part a prompt lists the
 * headings of last period's plan part, one line each
 * (`【上年计划：（一）…】`, `【上期计划：…】` for a half year), so the
 * writer reports on each promise; the problems part keeps its text under
 * a prompt to review it; the plan part keeps its headings and text (its
 * years move).
 *
 * Everything else is copied unchanged.  The text is the decoded UTF-8 of
 * fileio; encoding it back with the file's format keeps the encoding, the
 * BOM and the line endings (inserted lines take the file's ending).
 */
#ifndef ZONGJIE_RENEW_H
#define ZONGJIE_RENEW_H

#include <stdbool.h>
#include <stddef.h>

#include "zongjie/util.h"

/* A reported or planned period: a year, or a half of it. */
typedef enum zj_half { ZJ_HALF_NONE, ZJ_HALF_FIRST, ZJ_HALF_SECOND } zj_half;

typedef struct zj_period {
	int year;      /* 0 when none was found */
	zj_half half;
} zj_period;

typedef struct zj_renew_options {
	int year;      /* year of the new reported period; 0: the next period */
} zj_renew_options;

typedef struct zj_renew_stats {
	size_t articles;
	size_t undated;     /* articles without a period: their years stay */
	size_t years;       /* year and half-year mentions moved */
	size_t figures;     /* figures turned into hinted gaps */
	size_t plan_items;  /* lines of last period's plan listed */
	size_t prompts;     /* review prompts added to problems parts */
	zj_period from, to; /* reported periods of the first dated article */
} zj_renew_stats;

/* The draft of the next period's summary from text[0..len) (UTF-8).
 * Returns it (caller frees, *out_len set), or NULL when the year asked
 * for is not after a period the text reports on.  stats may be NULL. */
char *zj_renew(const char *text, size_t len, const zj_renew_options *opt, size_t *out_len,
	       zj_renew_stats *stats, zj_error *err);

/* The period an article reports on, read from s[0..len) (its title and
 * opening). */
zj_period zj_period_find(const char *s, size_t len);
/* The period after p. */
zj_period zj_period_next(zj_period p);

/* A figure: the value s[start, end) (its % sign included) and the
 * measure word or unit after it, s[end, unit_end) (empty for a
 * percentage). */
typedef struct zj_figure {
	size_t start, end, unit_end;
} zj_figure;

/* Calls found() for every figure starting in s[from, to), in order, by
 * the rules above (the text around the range is read for context;
 * brackets are counted from `from`, which should start a line or a
 * sentence).  Stops early and returns false when found() returns false. */
bool zj_figures_scan(const char *s, size_t len, size_t from, size_t to,
		     bool (*found)(const zj_figure *fig, void *ctx), void *ctx);

#endif
