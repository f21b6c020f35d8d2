/* outline: see include/zongjie/outline.h for the rules. */
#include <config.h>

#include "zongjie/outline.h"

#include "i18n.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "zongjie/utf8.h"
#include "zongjie/util.h"

const char *zj_part_name(zj_part_kind kind)
{
	static const char *const names[] = {"opening", "achievements", "problems",
					    "plan",    "other",        "closing"};
	return names[kind];
}

/* ---- heading markers -------------------------------------------------- */

/* A digit of a heading number: 两 counts as 2 there (两千…). */
static int cn_digit(int32_t c)
{
	return c == 0x4E24 /* 两 */ ? 2 : zj_cn_digit(c);
}

#define CN_TEN 0x5341     /* 十 */
#define CN_HUNDRED 0x767E /* 百 */

/* Parses a Chinese numeral (一 … 九百九十九) at s[i]; returns its byte
 * length and value, or 0. */
static size_t cn_number(const char *s, size_t len, size_t i, int *value)
{
	int total = 0, cur = -1, count = 0;
	size_t p = i;
	while (p < len && count < 6) {
		int32_t c;
		size_t n = zj_utf8_decode(s, len, p, &c);
		int d = cn_digit(c);
		if (d >= 0)
			cur = d;
		else if (c == CN_TEN) {
			total += (cur < 0 ? 1 : cur) * 10;
			cur = -1;
		} else if (c == CN_HUNDRED) {
			total += (cur < 0 ? 1 : cur) * 100;
			cur = -1;
		} else
			break;
		p += n;
		count++;
	}
	if (count == 0)
		return 0;
	total += cur < 0 ? 0 : cur;
	if (total <= 0)
		return 0;
	*value = total;
	return p - i;
}

/* ASCII or full-width digits, 1 or 2 of them. */
static size_t arabic_number(const char *s, size_t len, size_t i, int *value)
{
	int v = 0, count = 0;
	size_t p = i;
	while (p < len && count < 3) {
		int32_t c;
		size_t n = zj_utf8_decode(s, len, p, &c);
		int d = zj_digit_value(c);
		if (d < 0)
			break;
		v = v * 10 + d;
		p += n;
		count++;
	}
	if (count == 0 || count > 2 || v == 0)
		return 0;
	*value = v;
	return p - i;
}

/* Recognises the marker at s[i]; fills level, marker, number and returns
 * the byte length of the marker, or 0. */
static size_t parse_marker(const char *s, size_t len, size_t i, zj_heading *h)
{
	size_t n, k;
	int v;
	int32_t c = zj_utf8_at(s, len, i, &n);

	if (c == 0x7B2C) { /* 第 */
		k = cn_number(s, len, i + n, &v);
		if (k) {
			size_t p = i + n + k;
			if (len - p >= 6 && !memcmp(s + p, "部分", 6)) {
				h->level = 1, h->marker = ZJ_MARK_CN_PART, h->number = v;
				return p + 6 - i;
			}
			if (len - p >= 3 && !memcmp(s + p, "章", 3)) {
				h->level = 1, h->marker = ZJ_MARK_CN_CHAPTER, h->number = v;
				return p + 3 - i;
			}
		}
		return 0;
	}
	if ((k = cn_number(s, len, i, &v))) {
		size_t m;
		int32_t sep = zj_utf8_at(s, len, i + k, &m);
		if (sep == 0x3001) { /* 、 */
			h->level = 1, h->marker = ZJ_MARK_CN_COMMA, h->number = v;
			return k + m;
		}
		if (sep == 0xFF0E || sep == '.') {
			h->level = 1, h->marker = ZJ_MARK_CN_DOT, h->number = v;
			return k + m;
		}
		return 0;
	}
	if (c == 0xFF08 || c == '(') {
		size_t m;
		int32_t close;
		if ((k = cn_number(s, len, i + n, &v))) {
			close = zj_utf8_at(s, len, i + n + k, &m);
			if (close == 0xFF09 || close == ')') {
				h->level = 2, h->number = v;
				h->marker = c == '(' ? ZJ_MARK_CN_PAREN_HALF : ZJ_MARK_CN_PAREN_FULL;
				return n + k + m;
			}
		} else if ((k = arabic_number(s, len, i + n, &v))) {
			close = zj_utf8_at(s, len, i + n + k, &m);
			if (close == 0xFF09 || close == ')') {
				h->level = 4, h->number = v;
				h->marker = c == '(' ? ZJ_MARK_NUM_PAREN_HALF : ZJ_MARK_NUM_PAREN_FULL;
				return n + k + m;
			}
		}
		return 0;
	}
	if ((k = arabic_number(s, len, i, &v))) {
		size_t m;
		int32_t sep = zj_utf8_at(s, len, i + k, &m);
		zj_marker mk = sep == 0x3001 ? ZJ_MARK_NUM_COMMA
			     : sep == '.'    ? ZJ_MARK_NUM_DOT
			     : sep == 0xFF0E ? ZJ_MARK_NUM_FULLDOT : ZJ_MARK_NONE;
		if (mk == ZJ_MARK_NONE)
			return 0;
		/* 1.5万元 and 3.2% are numbers, not markers. */
		if (mk != ZJ_MARK_NUM_COMMA && zj_is_digit(zj_utf8_at(s, len, i + k + m, NULL)))
			return 0;
		h->level = 3, h->marker = mk, h->number = v;
		return k + m;
	}
	if (c >= 0x2474 && c <= 0x2487) { /* ⑴ … ⒇ */
		h->level = 4, h->marker = ZJ_MARK_NUM_PAREN_SIGN, h->number = c - 0x2474 + 1;
		return n;
	}
	if (c >= 0x2460 && c <= 0x2473) { /* ① … ⑳ */
		h->level = 5, h->marker = ZJ_MARK_CIRCLED, h->number = c - 0x2460 + 1;
		return n;
	}
	return 0;
}

static bool is_sentence_end(int32_t c)
{
	return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == 0xFF1A ||
	       c == '!' || c == '?' || c == ';' || c == ':';
}

/* The marker and enumeration tests shared by headings and numbered
 * paragraphs; returns the title start, or 0. */
static size_t marker_and_title(const char *s, size_t len, zj_heading *h)
{
	memset(h, 0, sizeof *h);
	size_t i = zj_skip_space(s, len, 0);
	h->marker_start = i;
	size_t mlen = parse_marker(s, len, i, h);
	if (!mlen)
		return 0;
	size_t t = zj_skip_space(s, len, i + mlen);
	if (t >= len)
		return 0;
	zj_heading tmp;
	int v;
	size_t k = cn_number(s, len, t, &v);
	if (k && zj_utf8_at(s, len, t + k, NULL) == 0x7B49 /* 等 */)
		return 0;
	int32_t first = zj_utf8_at(s, len, t, NULL);
	if (first == 0x7B49 || (parse_marker(s, len, t, &tmp) && tmp.level == h->level) ||
	    first == 0x3001 || first == 0xFF0C || first == ',' || first == 0x3002)
		return 0;
	return t;
}

bool zj_line_marker(const char *s, size_t len, zj_heading *h)
{
	size_t t = marker_and_title(s, len, h);
	if (!t) {
		memset(h, 0, sizeof *h);
		return false;
	}
	h->title_start = t;
	return true;
}

bool zj_heading_parse(const char *s, size_t len, zj_heading *h)
{
	size_t t = marker_and_title(s, len, h);
	if (!t)
		goto no;
	h->title_start = t;
	size_t count = 0, p = t;
	while (p < len) {
		int32_t c;
		p += zj_utf8_decode(s, len, p, &c);
		count++;
		if (is_sentence_end(c)) {
			if (count > ZJ_HEADING_MAX_TITLE)
				goto no;
			h->title_end = p;
			return true;
		}
		if (count > ZJ_HEADING_MAX_LINE)
			goto no;
	}
	/* No sentence end: the whole line is the title; trim trailing blanks. */
	size_t end = len;
	while (end > t) {
		size_t b = zj_utf8_cp_start(s, end - 1);
		int32_t c;
		zj_utf8_decode(s, len, b, &c);
		if (!zj_is_space(c))
			break;
		end = b;
	}
	h->title_end = end;
	return true;
no:
	memset(h, 0, sizeof *h);
	return false;
}

/* ---- part keywords ---------------------------------------------------- */

typedef struct keyword {
	const char *word;
	zj_part_kind kind;
} keyword;

static const keyword part_keywords[] = {
	/* a second-half summary reports on 下半年 before it plans */
	{"下半年工作开展", ZJ_PART_ACHIEVEMENTS}, {"下半年工作完成", ZJ_PART_ACHIEVEMENTS},
	{"下半年工作情况", ZJ_PART_ACHIEVEMENTS}, {"下半年工作总结", ZJ_PART_ACHIEVEMENTS},
	{"问题", ZJ_PART_PROBLEMS}, {"不足", ZJ_PART_PROBLEMS}, {"差距", ZJ_PART_PROBLEMS},
	{"困难", ZJ_PART_PROBLEMS}, {"短板", ZJ_PART_PROBLEMS}, {"薄弱", ZJ_PART_PROBLEMS},
	{"教训", ZJ_PART_PROBLEMS}, {"缺点", ZJ_PART_PROBLEMS}, {"挑战", ZJ_PART_PROBLEMS},
	{"计划", ZJ_PART_PLAN}, {"打算", ZJ_PART_PLAN}, {"思路", ZJ_PART_PLAN},
	{"安排", ZJ_PART_PLAN}, {"下一步", ZJ_PART_PLAN}, {"下步", ZJ_PART_PLAN},
	{"明年", ZJ_PART_PLAN}, {"下半年", ZJ_PART_PLAN}, {"来年", ZJ_PART_PLAN},
	{"展望", ZJ_PART_PLAN}, {"设想", ZJ_PART_PLAN}, {"努力方向", ZJ_PART_PLAN},
	{"今后", ZJ_PART_PLAN}, {"目标任务", ZJ_PART_PLAN}, {"工作要点", ZJ_PART_PLAN},
	{"重点任务", ZJ_PART_PLAN},
	{"成效", ZJ_PART_ACHIEVEMENTS}, {"成绩", ZJ_PART_ACHIEVEMENTS},
	{"成果", ZJ_PART_ACHIEVEMENTS}, {"做法", ZJ_PART_ACHIEVEMENTS},
	{"总结", ZJ_PART_ACHIEVEMENTS}, {"回顾", ZJ_PART_ACHIEVEMENTS},
	{"完成情况", ZJ_PART_ACHIEVEMENTS}, {"开展情况", ZJ_PART_ACHIEVEMENTS},
	{"主要工作", ZJ_PART_ACHIEVEMENTS}, {"工作情况", ZJ_PART_ACHIEVEMENTS},
	{"取得", ZJ_PART_ACHIEVEMENTS}, {"亮点", ZJ_PART_ACHIEVEMENTS},
	{"经验", ZJ_PART_ACHIEVEMENTS}, {"进展", ZJ_PART_ACHIEVEMENTS},
	{"荣誉", ZJ_PART_ACHIEVEMENTS}, {"表彰", ZJ_PART_ACHIEVEMENTS},
	{"业绩", ZJ_PART_ACHIEVEMENTS}, {"收获", ZJ_PART_ACHIEVEMENTS},
	{"建议", ZJ_PART_OTHER}, {"附件", ZJ_PART_OTHER}, {"附表", ZJ_PART_OTHER},
	{"说明", ZJ_PART_OTHER},
	/* English reports; matched without regard to case */
	{"problem", ZJ_PART_PROBLEMS}, {"shortcoming", ZJ_PART_PROBLEMS},
	{"weakness", ZJ_PART_PROBLEMS}, {"challenge", ZJ_PART_PROBLEMS},
	{"plan", ZJ_PART_PLAN}, {"next year", ZJ_PART_PLAN}, {"outlook", ZJ_PART_PLAN},
	{"priorities", ZJ_PART_PLAN},
	{"achievement", ZJ_PART_ACHIEVEMENTS}, {"result", ZJ_PART_ACHIEVEMENTS},
	{"review", ZJ_PART_ACHIEVEMENTS}, {"progress", ZJ_PART_ACHIEVEMENTS},
	{"appendix", ZJ_PART_OTHER},
};

/* First 4-digit year (1950–2099) followed by 年 or 学年 in s, or 0. */
static int find_year(const char *s, size_t len)
{
	for (size_t i = 0; i + 4 < len; i++) {
		if (!zj_is_ascii_digit(s[i]))
			continue;
		if (i > 0 && zj_is_ascii_digit(s[i - 1]))
			continue;
		size_t k = i;
		int v = 0;
		while (k < len && k - i < 5 && zj_is_ascii_digit(s[k]))
			v = v * 10 + (s[k++] - '0');
		if (k - i != 4 || v < 1950 || v > 2099)
			continue;
		if ((len - k >= 3 && !memcmp(s + k, "年", 3)) ||
		    (len - k >= 6 && !memcmp(s + k, "学年", 6)))
			return v;
	}
	return 0;
}

zj_part_kind zj_part_from_heading(const char *s, size_t len, int year)
{
	for (size_t i = 0; i < len; i++) {
		if (((unsigned char)s[i] & 0xC0) == 0x80)
			continue;
		for (size_t k = 0; k < sizeof part_keywords / sizeof part_keywords[0]; k++) {
			const char *w = part_keywords[k].word;
			size_t n = strlen(w);
			if (len - i < n)
				continue;
			if ((unsigned char)w[0] < 0x80 ? !strncasecmp(s + i, w, n)
						       : (w[1] == s[i + 1] && !memcmp(s + i, w, n)))
				return part_keywords[k].kind;
		}
	}
	int y = find_year(s, len);
	if (y && year)
		return y > year ? ZJ_PART_PLAN : ZJ_PART_ACHIEVEMENTS;
	return ZJ_PART_OPENING;
}

/* ---- line classes ----------------------------------------------------- */

enum line_class {
	LINE_BLANK,
	LINE_NEUTRAL,   /* no Han character: separators, site markers */
	LINE_PARA,
	LINE_TITLE,     /* short, no sentence end */
	LINE_TITLE_KW,  /* … that names a summary, plan or report */
	LINE_TITLE_PIAN,/* … that carries a 篇 marker */
	LINE_HEADING,
};

static const char *const title_words[] = {"总结", "计划", "报告", "安排", "汇报",
					  "述职", "要点", "小结", "范文", "Report", "Review",
					  "Summary"};

static bool has_pian_marker(const char *s, size_t len)
{
	for (const char *hit = s; (hit = memmem(hit, len - (size_t)(hit - s), "篇", 3)); hit += 3) {
		size_t i = (size_t)(hit - s);
		size_t j = zj_skip_space(s, len, i + 3);
		int v;
		int32_t c = zj_utf8_at(s, len, j, NULL);
		if (cn_number(s, len, j, &v) || zj_is_digit(c))
			return true;
		/* 第三篇 */
		size_t b = i;
		while (b > 0) {
			size_t p = zj_utf8_cp_start(s, b - 1);
			int32_t d = zj_utf8_at(s, len, p, NULL);
			if (cn_digit(d) < 0 && d != CN_TEN && !zj_is_digit(d))
				break;
			b = p;
		}
		if (b < i && b >= 3 && !memcmp(s + b - 3, "第", 3))
			return true;
	}
	return false;
}

static enum line_class classify_line(const char *s, size_t len, zj_heading *h)
{
	size_t i = zj_skip_space(s, len, 0);
	if (i >= len)
		return LINE_BLANK;
	if (zj_heading_parse(s, len, h))
		return LINE_HEADING;
	/* Counted on bytes: code points are the non-continuation bytes, and
	 * CJK ideographs are the 3-byte characters led by E3..E9 (close
	 * enough to tell text from separators). */
	size_t count = 0;
	bool han = false, latin = false;
	for (size_t p = i; p < len; p++) {
		unsigned char b = (unsigned char)s[p];
		count += (b & 0xC0) != 0x80;
		han |= b >= 0xE3 && b <= 0xE9;
		latin |= (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
		if (count > ZJ_HEADING_MAX_LINE && han)
			return LINE_PARA;
	}
	if (!han && !latin)
		return LINE_NEUTRAL;
	/* an English title may run to a hundred characters */
	size_t max_title = han ? ZJ_HEADING_MAX_LINE : 100;
	int32_t last = 0;
	for (size_t end = len; end > i;) {
		size_t p = zj_utf8_cp_start(s, end - 1);
		zj_utf8_decode(s, len, p, &last);
		if (!zj_is_space(last))
			break;
		end = p;
	}
	if (count > max_title || is_sentence_end(last) || last == 0xFF0C || last == ',' ||
	    last == 0x3001 || (!han && last == '.'))
		return LINE_PARA;
	if (has_pian_marker(s, len))
		return LINE_TITLE_PIAN;
	for (size_t k = 0; k < sizeof title_words / sizeof title_words[0]; k++)
		if (memmem(s, len, title_words[k], strlen(title_words[k])))
			return LINE_TITLE_KW;
	return LINE_TITLE;
}

/* A paragraph that sums the article up. */
static bool is_closing_paragraph(const char *s, size_t len)
{
	static const char *const starts[] = {"以上", "总之", "总而言之", "综上", "总的来说",
					     "总的来看", "总体来看", "展望", "最后", "In summary",
					     "In conclusion", "To sum up", "Overall,"};
	size_t i = zj_skip_space(s, len, 0);
	for (size_t k = 0; k < sizeof starts / sizeof starts[0]; k++) {
		size_t n = strlen(starts[k]);
		if (len - i >= n && !strncasecmp(s + i, starts[k], n))
			return true;
	}
	const char *r = memmem(s, len, "回顾", 6);
	return r && memmem(r, len - (size_t)(r - s), "展望", 6);
}

/* ---- building --------------------------------------------------------- */

typedef struct line_info {
	size_t start, end; /* end excludes CR LF */
	unsigned char cls;
	long heading;      /* index into sections, -1 */
} line_info;

typedef struct builder {
	const char *text;
	size_t len;
	line_info *lines;
	size_t nlines;     /* lines read so far */
	size_t base;       /* global number of lines[0]: only the current
			      article's lines are kept */
	zj_outline *o;
	size_t part_cap, article_cap;
} builder;

#define LINE(b, i) (&(b)->lines[(i) - (b)->base])

static size_t count_chars(const char *s, size_t start, size_t end)
{
	/* Non-blank code points: count lead bytes, and decode only the
	 * characters whose lead byte can begin a blank (C2 E2 E3 EF). */
	size_t n = 0;
	for (size_t i = start; i < end; i++) {
		unsigned char b = (unsigned char)s[i];
		if (b < 0x80) {
			n += b > ' ' && b != 0x7F;
		} else if (b >= 0xC0) {
			if (b == 0xC2 || b == 0xE2 || b == 0xE3 || b == 0xEF) {
				int32_t c;
				zj_utf8_decode(s, end, i, &c);
				n += !zj_is_space(c);
			} else
				n++;
		}
	}
	return n;
}

static size_t line_end_offset(const builder *b, size_t line)
{
	/* end of the part: start of the following line, or the text end */
	return line + 1 < b->nlines ? LINE(b, line + 1)->start : b->len;
}

static zj_part *add_part(builder *b, zj_part_kind kind, long heading, size_t first, size_t last)
{
	zj_outline *o = b->o;
	zj_grow((void **)&o->parts, &b->part_cap, o->nparts + 1, sizeof *o->parts);
	zj_part *p = &o->parts[o->nparts++];
	memset(p, 0, sizeof *p);
	p->kind = kind;
	p->heading = heading;
	p->first_line = first;
	p->start = LINE(b, first)->start;
	p->end = line_end_offset(b, last);
	p->last_line = first;
	for (size_t i = last + 1; i-- > first;)
		if (LINE(b, i)->cls != LINE_BLANK) {
			p->last_line = i;
			break;
		}
	/* Sections inside, the part's own heading excluded. */
	p->first_section = 0;
	p->nsections = 0;
	bool found = false;
	for (size_t i = first; i <= last; i++) {
		long h = LINE(b, i)->heading;
		if (h < 0 || h == heading)
			continue;
		if (!found) {
			p->first_section = (size_t)h;
			found = true;
		}
		p->nsections++;
	}
	size_t body = p->start;
	if (heading >= 0)
		body = o->sections[heading].title_end;
	p->chars = count_chars(b->text, body, p->end);
	return p;
}

/* The article's title: the last title line naming a summary before the
 * first text, else the first title line; its year, else the first text's. */
static void article_title(builder *b, zj_article *a, size_t first, size_t last)
{
	long any_title = -1;
	size_t content = last + 1;
	for (size_t i = first; i <= last; i++) {
		unsigned char c = LINE(b, i)->cls;
		if (c == LINE_PARA || c == LINE_HEADING) {
			content = i;
			break;
		}
		if (c == LINE_TITLE_KW || c == LINE_TITLE_PIAN)
			a->title_line = (long)i;
		else if (c == LINE_TITLE && any_title < 0)
			any_title = (long)i;
	}
	if (a->title_line < 0)
		a->title_line = any_title;
	if (a->title_line >= 0) {
		const line_info *t = LINE(b, a->title_line);
		a->title_start = zj_skip_space(b->text, t->end, t->start);
		a->title_end = t->end;
		a->year = find_year(b->text + t->start, t->end - t->start);
	}
	a->content_line = content <= last ? (long)content : -1;
	if (!a->year && content <= last) {
		const line_info *t = LINE(b, content);
		a->year = find_year(b->text + t->start, t->end - t->start);
	}
}

/* In the last part, lines i..part_last under heading s: the line of a
 * summing-up final paragraph to split off as the closing, or -1. */
static long closing_line(builder *b, size_t i, size_t part_last, const zj_section *s)
{
	long closing = -1;
	size_t k = part_last + 1;
		while (k-- > i && (LINE(b, k)->cls == LINE_BLANK || LINE(b, k)->cls == LINE_NEUTRAL))
			;
		if (k > i && LINE(b, k)->cls == LINE_PARA &&
		    is_closing_paragraph(b->text + LINE(b, k)->start,
					 LINE(b, k)->end - LINE(b, k)->start)) {
			bool other_body = s->title_end < LINE(b, i)->end;
			for (size_t m = i + 1; m < k; m++)
				other_body |= LINE(b, m)->cls != LINE_BLANK;
			if (other_body)
				closing = (long)k;
		}
	return closing;
}

/* Headings without a keyword (ZJ_PART_OPENING until now) follow the part
 * before them. */
static void follow_previous_kind(zj_outline *o, const zj_article *a)
{
	zj_part_kind prev = ZJ_PART_ACHIEVEMENTS;
	for (size_t k = a->first_part; k < o->nparts; k++) {
		zj_part *p = &o->parts[k];
		if (p->heading < 0)
			continue;
		if (p->kind == ZJ_PART_OPENING)
			p->kind = prev;
		prev = p->kind;
	}
}

static void build_article(builder *b, size_t first, size_t last)
{
	zj_outline *o = b->o;
	zj_grow((void **)&o->articles, &b->article_cap, o->narticles + 1, sizeof *o->articles);
	zj_article *a = &o->articles[o->narticles++];
	memset(a, 0, sizeof *a);
	a->first_line = first;
	a->last_line = last;
	a->start = LINE(b, first)->start;
	a->end = line_end_offset(b, last);
	a->first_part = o->nparts;
	a->title_line = -1;

	article_title(b, a, first, last);

	int top = 0;
	for (size_t i = first; i <= last; i++) {
		long h = LINE(b, i)->heading;
		if (h >= 0 && (top == 0 || o->sections[h].level < top))
			top = o->sections[h].level;
	}
	if (top == 0) {
		add_part(b, ZJ_PART_OPENING, -1, first, last);
		a->nparts = o->nparts - a->first_part;
		return;
	}
	/* Part boundaries: the top-level headings. */
	size_t open_end = first;
	while (open_end <= last && !(LINE(b, open_end)->heading >= 0 &&
				     o->sections[LINE(b, open_end)->heading].level == top))
		open_end++;
	bool opening_has_text = false;
	for (size_t i = first; i < open_end; i++)
		opening_has_text |= LINE(b, i)->cls != LINE_BLANK;
	if (opening_has_text)
		add_part(b, ZJ_PART_OPENING, -1, first, open_end - 1);

	size_t i = open_end;
	while (i <= last) {
		size_t j = i + 1;
		while (j <= last && !(LINE(b, j)->heading >= 0 &&
				      o->sections[LINE(b, j)->heading].level == top))
			j++;
		long h = LINE(b, i)->heading;
		const zj_section *s = &o->sections[h];
		zj_part_kind kind = zj_part_from_heading(b->text + s->title_start,
							 s->title_end - s->title_start, a->year);
		size_t part_last = j - 1;
		long closing = j > last ? closing_line(b, i, part_last, s) : -1;
		/* ZJ_PART_OPENING stands for "no keyword" until follow_previous_kind. */
		add_part(b, kind, h, i, closing >= 0 ? (size_t)closing - 1 : part_last);
		if (closing >= 0)
			add_part(b, ZJ_PART_CLOSING, -1, (size_t)closing, part_last);
		i = j;
	}
	a->nparts = o->nparts - a->first_part;
	follow_previous_kind(o, a);
}

/* Number of the first heading at or after byte pos, 0 if none within the
 * next thousand lines (a title that far from any heading starts nothing). */
static int next_heading_number(const char *text, size_t len, size_t pos)
{
	for (int lines = 0; pos < len && lines < 1000; lines++) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len;
		size_t e = end > pos && text[end - 1] == '\r' ? end - 1 : end;
		zj_heading h;
		if (zj_heading_parse(text + pos, e - pos, &h))
			return h.number;
		pos = end + 1;
	}
	return 0;
}

bool zj_outline_plain_line(const char *line, size_t len)
{
	zj_heading h;
	return classify_line(line, len, &h) == LINE_PARA;
}

static void shift(size_t *v, size_t at, long delta)
{
	if (*v > at)
		*v = (size_t)((long)*v + delta);
}

bool zj_outline_shift(zj_outline *o, size_t line, size_t at, long delta, long chars)
{
	for (size_t ai = 0; ai < o->narticles; ai++) {
		zj_article *a = &o->articles[ai];
		if (line < a->first_line || line > a->last_line)
			continue;
		/* lines whose words decide something stay out of the fast path */
		if ((long)line == a->content_line || (long)line == a->title_line)
			return false;
		for (size_t pi = 0; pi < a->nparts; pi++) {
			const zj_part *p = &o->parts[a->first_part + pi];
			if (pi + 1 == a->nparts && line >= p->last_line)
				return false; /* the last paragraph may be a closing */
		}
	}
	for (size_t ai = 0; ai < o->narticles; ai++) {
		zj_article *a = &o->articles[ai];
		shift(&a->start, at, delta);
		shift(&a->end, at, delta);
		shift(&a->title_start, at, delta);
		shift(&a->title_end, at, delta);
	}
	for (size_t pi = 0; pi < o->nparts; pi++) {
		zj_part *p = &o->parts[pi];
		if (line >= p->first_line && (line <= p->last_line || pi + 1 == o->nparts ||
					      line < o->parts[pi + 1].first_line))
			p->chars = (size_t)((long)p->chars + chars);
		shift(&p->start, at, delta);
		shift(&p->end, at, delta);
	}
	for (size_t si = 0; si < o->nsections; si++) {
		zj_section *h = &o->sections[si];
		shift(&h->start, at, delta);
		shift(&h->title_start, at, delta);
		shift(&h->title_end, at, delta);
	}
	return true;
}

zj_outline *zj_outline_build(const char *text, size_t len)
{
	builder b = {.text = text, .len = len};
	zj_outline *o = zj_xcalloc(1, sizeof *o);
	b.o = o;
	size_t line_cap = 0, section_cap = 0;
	size_t start = 0;          /* first line of the current article */
	bool has_heading = false, has_text = false, prev_blank = true;

	for (size_t pos = 0;;) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len;
		size_t i = b.nlines;
		zj_grow((void **)&b.lines, &line_cap, i - b.base + 1, sizeof *b.lines);
		line_info *li = &b.lines[i - b.base];
		li->start = pos;
		li->end = end > pos && text[end - 1] == '\r' ? end - 1 : end;
		li->heading = -1;
		zj_heading h;
		li->cls = (unsigned char)classify_line(text + pos, li->end - pos, &h);
		if (li->cls == LINE_HEADING) {
			zj_grow((void **)&o->sections, &section_cap, o->nsections + 1,
				sizeof *o->sections);
			o->sections[o->nsections] = (zj_section){
				.level = (uint8_t)h.level, .marker = (uint8_t)h.marker,
				.number = (uint16_t)h.number, .line = (uint32_t)i, .start = pos,
				.title_start = pos + h.marker_start, .title_end = pos + h.title_end};
			li->heading = (long)o->nsections++;
		}
		b.nlines++;

		unsigned char c = li->cls;
		bool split = false;
		if (c == LINE_TITLE_PIAN)
			split = has_text;
		else if (c == LINE_TITLE_KW)
			split = has_heading && prev_blank && nl && next_heading_number(text, len, end + 1) == 1;
		if (split && i > start) {
			build_article(&b, start, i - 1);
			/* keep only the new article's first line */
			b.lines[0] = b.lines[i - b.base];
			b.base = i;
			start = i;
			has_heading = has_text = false;
		}
		if (c == LINE_HEADING)
			has_heading = has_text = true;
		else if (c == LINE_PARA)
			has_text = true;
		prev_blank = c == LINE_BLANK;
		if (!nl)
			break;
		pos = end + 1;
	}
	o->lines = b.nlines;
	build_article(&b, start, b.nlines - 1);
	free(b.lines);
	return o;
}

void zj_outline_free(zj_outline *o)
{
	if (!o)
		return;
	free(o->articles);
	free(o->parts);
	free(o->sections);
	free(o);
}

const char *zj_part_label(zj_part_kind kind)
{
	switch (kind) {
	case ZJ_PART_OPENING: return _("opening");
	case ZJ_PART_ACHIEVEMENTS: return _("achievements");
	case ZJ_PART_PROBLEMS: return _("problems");
	case ZJ_PART_PLAN: return _("plan");
	case ZJ_PART_OTHER: return _("other");
	case ZJ_PART_CLOSING: break;
	}
	return _("closing");
}
