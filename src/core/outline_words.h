/* outline_words: what the words of a line tell the outline (internal to
 * the outline module; the rules are described in zongjie/outline.h). */
#ifndef ZONGJIE_OUTLINE_WORDS_H
#define ZONGJIE_OUTLINE_WORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "zongjie/outline.h"

/* First 4-digit year (1950–2099) followed by 年 or 学年 in s, or 0. */
int outline_find_year(const char *s, size_t len);

/* A line made only of the words of a part heading, with no number:
 * 明年工作打算, 存在的不足, 下一步工作重点, 2024年工作计划. */
bool outline_bare_heading(const char *s, size_t len);

/* Whether a title names a part of this kind: 计划/打算/安排 for a plan,
 * 总结/回顾 for achievements. */
bool outline_title_names(const char *s, size_t len, zj_part_kind kind);

/* A line of model-site debris: breadcrumb, upload details, site blurb. */
bool outline_debris_line(const char *s, size_t len);

/* A paragraph that opens the problems of a summary without a heading:
 * …但也清醒地看到还存在一些不足：一是…  …仍有差距，主要表现在：… */
bool outline_problems_lead(const char *s, size_t len);

/* A paragraph that opens the plan without a heading: 下一步，… 明年，…
 * 新的一年里，… 今后，… or the next year (year + 1) and what will be done,
 * 2025年，我们将…  year 0: the article names none. */
bool outline_plan_lead(const char *s, size_t len, int year);

/* A paragraph that sums the article up (以上/总之/综上/回顾…展望…). */
bool outline_closing_paragraph(const char *s, size_t len);

/* A numbered line whose first sentence tells an event (3月，… / 今年5月，…):
 * a narrative paragraph, not a heading.  s is the text after the marker. */
bool outline_narrative_item(const char *s, size_t len);

#endif
