/*
 * placeholder: finds the gaps a template or model text leaves for the
 * writer to fill, and what each stands for.
 *
 * Forms (each match is one gap):
 *   x-runs      xx XX xxxx ｘｘ ＸＸ ××, with digits, dots and ranges glued
 *               to them: 20xx  xx.x%  x.xx  xxx.xx万元 (gap: xxx.xx)
 *               720xx元  xx3号  x-x月  20xx—20xx年
 *   blanks      ____ ＿＿ (two or more), 20_ 20__ (a year), and a single
 *               _ or ＿ between Chinese characters (第_次 为_社区)
 *   symbols     ○○ □□ (two or more, or one between Chinese characters)
 *   某某        某某单位 (a name; a single 某 is ordinary Chinese)
 *   empty       （  ） ( ) with only blanks inside
 *   prompts     【…】 asking for input: 【请填写…】 【单位名称】 【具体数字】
 *               【列举…】 【问题一】 (not 【篇一】, not site banners);
 *               in English templates [fill in: …] [insert …] [enter …]
 *   to-do       待补充 待定 待填 TBD TODO
 *   hints       【上年：326】 【上年：98.5%】 [last year: 326]: a figure of
 *               last period kept as a hint by `zongjie renew` (renew.h);
 *               its kind comes from what follows, as for an x-run
 *               (【上年：326】场次 NUMBER, 【上年：3】月 DATE, a % inside
 *               NUMBER); 【上期：…】 likewise (a half year);
 *               【上年计划：…】 【上期计划：…】 are PROMPTs
 *
 * A single x is a gap only next to Chinese text or a unit (x次 x月x日
 * 街道x村 2.x%); never inside a Latin word or code (Excel x86 0xFF),
 * between digits (3x4), or in X光 X射线.  x-runs glued to Latin letters
 * are words (xxl), except after a lone capital (S xxxx: a road number).
 * x月x日 is two DATE gaps, one per figure, so each is filled on its own.
 *
 * Kind, from the gap and the words around it:
 *   ORDINAL  after 第, or before 届 / 次会议 / 次全会 / 次代表大会
 *   YEAR     20xx 19xx 20_ 20__, a four-figure gap before 年
 *   DATE     before 月 or 日
 *   NAME     before 市 区 县 街道 社区 村 局 学校 公司 同志 …; 某某; ○○
 *   NUMBER   before a counter or unit (人 次 个 户 元 万 % …), or holding
 *            digits; an x-run before anything but Chinese text
 *   BLANK    underscores and empty brackets with nothing to go by
 *   PROMPT   【…】
 *   OTHER    to-do words
 * An x-run before other Chinese text stands for a name (xx教育 xx宏发).
 *
 * The scan is one pass over the bytes with a table of the bytes that can
 * start a gap; no regular expressions.
 */
#ifndef ZONGJIE_PLACEHOLDER_H
#define ZONGJIE_PLACEHOLDER_H

#include <stdbool.h>
#include <stddef.h>

typedef enum zj_gap_kind {
	ZJ_GAP_NUMBER,
	ZJ_GAP_YEAR,
	ZJ_GAP_DATE,
	ZJ_GAP_NAME,
	ZJ_GAP_ORDINAL,
	ZJ_GAP_BLANK,
	ZJ_GAP_PROMPT,
	ZJ_GAP_OTHER,
} zj_gap_kind;

#define ZJ_GAP_KINDS 8

typedef struct zj_gap {
	size_t start, end; /* byte range of the gap text */
	zj_gap_kind kind;
} zj_gap;

/* "NUMBER", "YEAR", … as in the JSON output. */
const char *zj_gap_kind_name(zj_gap_kind kind);

/* Calls found() for every gap in s[0..len), in order.  Stops early and
 * returns false when found() returns false. */
bool zj_gaps_scan(const char *s, size_t len, bool (*found)(const zj_gap *gap, void *ctx),
		  void *ctx);

/* The first gap starting at or after byte `from` (scanning starts at the
 * beginning of from's line, so context is seen).  Returns false if none. */
bool zj_gap_next(const char *s, size_t len, size_t from, zj_gap *gap);
/* The last gap starting before byte `before`.  Returns false if none. */
bool zj_gap_prev(const char *s, size_t len, size_t before, zj_gap *gap);

/* Length of the measure word or unit (人 次 场次 万 % …) starting at byte
 * i of s[0..len), the longest that fits, or 0: the words after which a
 * gap, or a figure, is a NUMBER. */
size_t zj_counter_len(const char *s, size_t len, size_t i);
/* Whether s[i..] starts with a word that makes the number before it an
 * ordinal (届 次会议 次全会 …). */
bool zj_ordinal_after(const char *s, size_t len, size_t i);

/* Number of gaps in s[0..len). */
size_t zj_gaps_count(const char *s, size_t len);

#endif
