/*
 * outline: how zongjie reads the structure of a summary.
 *
 * Headings.  A heading is a line that starts (after blanks) with a
 * numbering marker and carries a short title:
 *   level 1  一、 … 九十九、  一．  第一部分  第一章
 *   level 2  （一）  (一)
 *   level 3  1、  1.  1．  (not 1.5, not 2023.)
 *   level 4  （1）  (1)  ⑴ … ⒇
 *   level 5  ① … ⑳
 * The title is the text after the marker up to the first sentence end
 * (。！？；：).  The line is a heading when that title is at most
 * ZJ_HEADING_MAX_TITLE code points, or, when the line has no sentence end
 * at all, when the whole line is at most ZJ_HEADING_MAX_LINE code points.
 * Real summaries often run the first paragraph on after the title
 * ("（一）强化引领。一是……"); such a line is a heading whose body starts
 * after the title.  A numbered line whose first sentence is longer is a
 * numbered paragraph, not a heading, and so is one whose first sentence
 * tells a dated event (1、3月，我们… / 2、今年5月，…).  In-line
 * enumerations (一是、首先) have no marker and are never headings; 一、二等奖
 * is not one either.
 *
 * Headings without number.  A short line made only of the words of a part
 * heading (明年工作打算, 今后努力方向, 存在的不足, 下一步工作重点,
 * 2024年工作计划, 工作回顾; a colon may end it) is a heading once the
 * article has some text; as the first line it is the title.  It ranks with
 * the numbered headings that divide the article into parts, or above them
 * when every numbered heading comes after one such line.
 *
 * List items.  Two or more numbered one-line headings right after a
 * paragraph ending with a colon (…重点做好以下工作：1、… 2、…) are the
 * items of a list: they make no parts.
 *
 * Page chunks.  A document viewer cuts a text into pages and numbers them:
 * a run of long lines 1、 2、 3、 … (the first at least 100 characters and
 * cut in the middle of a word).  There the line structure is not the
 * document's own: the page numbers are dropped and each chunk is read as
 * fragments, cut after each sentence end and at each run of two or more
 * blanks, so that the headings and titles in the middle of the lines are
 * found.  Sections, parts and articles then start in the middle of a line
 * (their byte offsets say where); their line numbers are the text's.
 *
 * Articles.  Model-text files often hold several summaries.  A new article
 * starts at a title line (short, no sentence end, naming a 总结/计划/报告…)
 * that carries a 篇 marker (篇一, 篇2, 【篇三】, 第四篇), or that follows a
 * blank line (or a sentence end in a page chunk) after an article that
 * already has headings, when the next heading restarts its numbering at 1.
 * Title lines before the first article's text belong to it; the last one
 * is its title.  Site debris before the text (breadcrumb 当前位置：首页 >,
 * upload details 上传时间/浏览/文档页数, a site's blurb 小编为大家整理…
 * 仅供参考) is neither title nor text: it starts no article of its own.
 *
 * Parts.  In each article the headings of the highest level used divide it
 * into parts.  Text before the first one is the opening; a final paragraph
 * that sums up (以上/总之/综上/回顾…展望…) is the closing.  A paragraph
 * that opens the problems without a heading (its first clause, up to a
 * colon, names a 不足/差距/短板/问题 that the writer 存在/看到/认识到, and
 * a colon, 一是 or 主要 follows) starts a problems part with no heading
 * (heading -1), after an achievements part, or after the opening of an
 * article without headings (never as its first paragraph).
 *
 * Kinds by meaning.  A heading's kind comes from its words, read in this
 * order: a label before a colon (展望2024：… → plan); else the last clause
 * (after the last ，；), which says what the part is about (精心谋划，出台
 * 年度实施计划 → achievements; 总结经验，谋划明年 → plan); else the whole
 * heading.  In each, the earliest keyword decides (成效/成绩/做法/回顾… →
 * achievements; 问题/不足/差距/困难… → problems; 计划/打算/思路/安排/
 * 下一步/明年… → plan; 建议/附件 → other), except that a problem word
 * after a verb that deals with it (化解/解决/破解/清理/直面/补齐…问题) is
 * work done, and so is a plan after a verb that made it (出台/制定/落实…
 * 计划).  A heading naming the year after the article's year is a plan.
 * Only a heading whose words name no kind takes it from its position: the
 * kind of the part before it (an achievement at first).  A file without
 * headings is one opening part (and a problems part if it has a problems
 * paragraph).
 */
#ifndef ZONGJIE_OUTLINE_H
#define ZONGJIE_OUTLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "zongjie/text.h"

#define ZJ_HEADING_MAX_TITLE 40
#define ZJ_HEADING_MAX_LINE 60

typedef enum zj_marker {
	ZJ_MARK_NONE,
	ZJ_MARK_CN_COMMA,        /* 一、 */
	ZJ_MARK_CN_DOT,          /* 一． 一. */
	ZJ_MARK_CN_PART,         /* 第一部分 */
	ZJ_MARK_CN_CHAPTER,      /* 第一章 */
	ZJ_MARK_CN_PAREN_FULL,   /* （一） */
	ZJ_MARK_CN_PAREN_HALF,   /* (一) */
	ZJ_MARK_NUM_COMMA,       /* 1、 */
	ZJ_MARK_NUM_DOT,         /* 1. */
	ZJ_MARK_NUM_FULLDOT,     /* 1． */
	ZJ_MARK_NUM_PAREN_FULL,  /* （1） */
	ZJ_MARK_NUM_PAREN_HALF,  /* (1) */
	ZJ_MARK_NUM_PAREN_SIGN,  /* ⑴ */
	ZJ_MARK_CIRCLED,         /* ① */
} zj_marker;

typedef struct zj_heading {
	int level;          /* 1..5; 0 when the line is not a heading */
	zj_marker marker;
	int number;         /* value of the marker: 一 → 1, ⑵ → 2 */
	size_t marker_start;/* byte offsets within the line */
	size_t title_start; /* first byte after the marker */
	size_t title_end;   /* end of the title sentence (after its 。 if any) */
	size_t end;         /* of the heading on its line: title_end, and the close
			       of a wrapper (**一、…**, 【一、…】) after it */
} zj_heading;

/* Examines one line (no line break in it) and fills h.  Returns true when
 * it is a heading. */
bool zj_heading_parse(const char *line, size_t len, zj_heading *h);

/* Like zj_heading_parse, but accepts a numbered paragraph too (a marker
 * followed by a long first sentence): the numbering of a list goes on
 * whether its items are titles or paragraphs.  title_end is not set. */
bool zj_line_marker(const char *line, size_t len, zj_heading *h);

/* The writer to zj_heading_parse's reader: writes number in the numbering
 * style of marker ("三", "3", "⑶"…) into out (at least 16 bytes) and
 * returns its length; 0 if the style cannot express the number (circled
 * numbers above 20).  The export renumbers headings with it. */
size_t zj_marker_number(zj_marker marker, int number, char *out);

typedef enum zj_part_kind {
	ZJ_PART_OPENING,
	ZJ_PART_ACHIEVEMENTS,
	ZJ_PART_PROBLEMS,
	ZJ_PART_PLAN,
	ZJ_PART_OTHER,
	ZJ_PART_CLOSING,
} zj_part_kind;

#define ZJ_PART_KINDS 6

/* "opening", "achievements", … */
const char *zj_part_name(zj_part_kind kind);
/* A part's name as the user reads it (translated). */
const char *zj_part_label(zj_part_kind kind);
/* The part a heading's words point to; ZJ_PART_OPENING when they point
 * nowhere.  year is the article's year (0 if unknown). */
zj_part_kind zj_part_from_heading(const char *title, size_t len, int year);

/* Sections and parts are kept small: a large file has hundreds of
 * thousands of them. */
typedef struct zj_section {
	uint8_t level;
	uint8_t marker;      /* zj_marker; ZJ_MARK_NONE for a heading without number */
	uint16_t number;     /* 0 for a heading without number */
	uint32_t line;       /* 0-based line of the heading */
	size_t start;        /* byte offset of that line */
	size_t title_start;  /* byte range of the title, marker included */
	size_t title_end;
} zj_section;

typedef struct zj_part {
	zj_part_kind kind;
	int32_t heading;       /* index of its heading in sections, -1 if none */
	uint32_t first_section;/* sections inside the part, heading excluded */
	uint32_t nsections;
	uint32_t first_line;   /* 0-based, inclusive */
	uint32_t last_line;    /* last non-blank line (first_line if all blank) */
	size_t start, end;     /* byte range, up to the next part */
	size_t chars;          /* non-blank code points of the body */
} zj_part;

typedef struct zj_article {
	long title_line;       /* 0-based line of the title, -1 if none */
	size_t title_start, title_end;
	int year;              /* year named in the title or opening, 0 if none */
	long content_line;     /* first text line (heading or paragraph), -1 none */
	size_t first_line, last_line;
	size_t start, end;
	size_t first_part, nparts;
} zj_article;

typedef struct zj_outline {
	zj_article *articles;
	size_t narticles;
	zj_part *parts;
	size_t nparts;
	zj_section *sections;
	size_t nsections;
	size_t lines;          /* line count of the text */
} zj_outline;

/* Builds the outline of text[0..len).  Lines end at LF; a CR before the LF
 * is not part of the line.  Never fails. */
zj_outline *zj_outline_build(const char *text, size_t len);

/* Whether a line is a plain paragraph: no heading, title or blank line.
 * An edit inside a line that stays plain changes no structure. */
bool zj_outline_plain_line(const char *line, size_t len);

/* Keeps the outline in step with an edit inside one plain line (0-based
 * `line`): offsets after byte `at` move by delta, the part's character
 * count by chars.  Returns false (outline untouched) when the line is one
 * whose words the outline reads (title, first line, last paragraph): the
 * caller rebuilds then. */
bool zj_outline_shift(zj_outline *o, size_t line, size_t at, long delta, long chars);

/* Which parts an update replaced: [first, first + old_count) of the
 * outline before became [first, first + new_count). */
typedef struct zj_outline_splice {
	size_t first, old_count, new_count;
} zj_outline_splice;

/* Brings the outline up to date with text t after the change c (any
 * edits since the outline was built or last updated): rescans from the
 * article before the change (and back over articles with no heading,
 * whose titles look past them for one) until an article break the outline
 * already had, splices the result in and moves the rest, so the cost is the
 * articles around the change, not the document.  Gives the same outline
 * as a full build.  False (outline untouched) when it cannot tell: the
 * caller builds anew. */
bool zj_outline_update(zj_outline *o, const zj_text *t, const zj_change *c,
		       zj_outline_splice *sp);
void zj_outline_free(zj_outline *o);

#endif
