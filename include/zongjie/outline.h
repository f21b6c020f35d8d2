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
 * numbered paragraph, not a heading.  In-line enumerations (一是、首先)
 * have no marker and are never headings; 一、二等奖 is not one either.
 *
 * Articles.  Model-text files often hold several summaries.  A new article
 * starts at a title line (short, no sentence end, naming a 总结/计划/报告…)
 * that carries a 篇 marker (篇一, 篇2, 【篇三】, 第四篇), or that follows a
 * blank line after an article that already has headings, when the next
 * heading restarts its numbering at 1.  Title lines before the first
 * article's text belong to it; the last one is its title.
 *
 * Parts.  In each article the headings of the highest level used divide it
 * into parts.  Text before the first one is the opening; a final paragraph
 * that sums up (以上/总之/综上/回顾…展望…) is the closing.  Each part is
 * classified by the earliest keyword in its heading (成效/成绩/做法/
 * 回顾… → achievements; 问题/不足/差距/困难… → problems; 计划/打算/思路/
 * 安排/下一步/明年… → plan; 建议/附件 → other; a heading naming the year
 * after the article's year → plan).  A heading without a keyword takes its
 * part from its position: before any problems or plan part it is an
 * achievement, between problems and plan a problem, after the plan part
 * a plan.  A file without headings is one opening part.
 */
#ifndef ZONGJIE_OUTLINE_H
#define ZONGJIE_OUTLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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
	uint8_t marker;      /* zj_marker */
	uint16_t number;
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
void zj_outline_free(zj_outline *o);

#endif
