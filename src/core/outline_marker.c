/* outline_marker: see outline_marker.h. */
#include <config.h>

#include "outline_marker.h"

#include <string.h>

#include "outline_words.h"
#include "zongjie/utf8.h"

/* A digit of a heading number: 两 counts as 2 there (两千…). */
int outline_cn_digit(int32_t c)
{
	return c == 0x4E24 /* 两 */ ? 2 : zj_cn_digit(c);
}

#define CN_HUNDRED 0x767E /* 百 */

/* Parses a Chinese numeral (一 … 九百九十九) at s[i]; returns its byte
 * length and value, or 0. */
size_t outline_cn_number(const char *s, size_t len, size_t i, int *value)
{
	int total = 0, cur = -1, count = 0;
	size_t p = i;
	while (p < len && count < 6) {
		int32_t c;
		size_t n = zj_utf8_decode(s, len, p, &c);
		int d = outline_cn_digit(c);
		if (d >= 0)
			cur = d;
		else if (c == OUTLINE_CN_TEN) {
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
size_t outline_parse_marker(const char *s, size_t len, size_t i, zj_heading *h)
{
	size_t n, k;
	int v;
	int32_t c = zj_utf8_at(s, len, i, &n);

	if (c == 0x7B2C) { /* 第 */
		k = outline_cn_number(s, len, i + n, &v);
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
	if ((k = outline_cn_number(s, len, i, &v))) {
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
		if ((k = outline_cn_number(s, len, i + n, &v))) {
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

bool outline_sentence_end(int32_t c)
{
	return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == 0xFF1A ||
	       c == '!' || c == '?' || c == ';' || c == ':';
}

/* Markup that text copied from a web page keeps around a numbered
 * heading: **一、…** (Markdown bold), ## 一、… (a Markdown heading),
 * 【一、…】.  Returns the bytes that open it at i, with *close what ends
 * it ("" when nothing does), or 0 when there is none. */
static size_t heading_wrapper(const char *s, size_t len, size_t i, const char **close)
{
	if (len - i >= 2 && s[i] == '*' && s[i + 1] == '*') {
		*close = "**";
		return 2;
	}
	if (len - i >= 3 && !memcmp(s + i, "【", 3)) {
		*close = "】";
		return 3;
	}
	size_t n = 0;
	while (i + n < len && s[i + n] == '#' && n < 6)
		n++;
	if (n && i + n < len && s[i + n] == ' ') {
		*close = "";
		return n + 1;
	}
	return 0;
}

/* Where the marker of a line starts: after its blanks and any heading
 * wrapper that a marker follows. */
static size_t marker_start(const char *s, size_t len)
{
	size_t i = zj_skip_space(s, len, 0);
	const char *close;
	size_t w = heading_wrapper(s, len, i, &close);
	zj_heading probe;
	if (w) {
		size_t m = zj_skip_space(s, len, i + w);
		if (outline_parse_marker(s, len, m, &probe))
			return m;
	}
	return i;
}

/* What closes the wrapper of a heading whose marker is at marker ("" for
 * none, or when there is no wrapper). */
static const char *wrapper_close(const char *s, size_t len, size_t marker)
{
	size_t i = zj_skip_space(s, len, 0);
	const char *close;
	return marker > i && heading_wrapper(s, len, i, &close) ? close : "";
}

/* The marker and enumeration tests shared by headings and numbered
 * paragraphs; returns the title start, or 0. */
static size_t marker_and_title(const char *s, size_t len, zj_heading *h)
{
	memset(h, 0, sizeof *h);
	size_t i = marker_start(s, len);
	h->marker_start = i;
	size_t mlen = outline_parse_marker(s, len, i, h);
	if (!mlen)
		return 0;
	size_t t = zj_skip_space(s, len, i + mlen);
	if (t >= len)
		return 0;
	zj_heading tmp;
	int v;
	size_t k = outline_cn_number(s, len, t, &v);
	if (k && zj_utf8_at(s, len, t + k, NULL) == 0x7B49 /* 等 */)
		return 0;
	int32_t first = zj_utf8_at(s, len, t, NULL);
	if (first == 0x7B49 || (outline_parse_marker(s, len, t, &tmp) && tmp.level == h->level) ||
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

/* end moved back over the blanks before it, not before from. */
static size_t blanks_before(const char *s, size_t len, size_t from, size_t end)
{
	while (end > from) {
		size_t b;
		if (!zj_is_space(zj_utf8_before(s, len, end, &b)))
			break;
		end = b;
	}
	return end;
}

bool zj_heading_parse(const char *s, size_t len, zj_heading *h)
{
	size_t t = marker_and_title(s, len, h);
	if (!t || outline_narrative_item(s + t, len - t))
		goto no;
	h->title_start = t;
	const char *close = wrapper_close(s, len, h->marker_start);
	size_t count = 0, p = t;
	while (p < len) {
		int32_t c;
		p += zj_utf8_decode(s, len, p, &c);
		count++;
		if (outline_sentence_end(c)) {
			if (count > ZJ_HEADING_MAX_TITLE)
				goto no;
			h->title_end = h->end = p;
			if (*close && len - p >= strlen(close) && !memcmp(s + p, close, strlen(close)))
				h->end += strlen(close);
			return true;
		}
		if (count > ZJ_HEADING_MAX_LINE)
			goto no;
	}
	/* No sentence end: the whole line is the title, less its wrapper's
	 * close and trailing blanks. */
	size_t end = h->end = blanks_before(s, len, t, len);
	size_t n = strlen(close);
	if (n && end - t > n && !memcmp(s + end - n, close, n))
		end = blanks_before(s, len, t, end - n);
	h->title_end = end;
	return true;
no:
	memset(h, 0, sizeof *h);
	return false;
}

