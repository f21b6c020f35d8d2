/* export: see include/zongjie/export.h. */
#include <config.h>

#include "zongjie/export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zongjie/noise.h"
#include "zongjie/utf8.h"
#include "zongjie/util.h"

/* Byte range of the number inside a heading's marker, relative to the
 * line start. */
static bool number_span(const char *line, size_t len, const zj_heading *h, size_t *from,
			size_t *to)
{
	size_t p = h->marker_start;
	int32_t c;
	switch (h->marker) {
	case ZJ_MARK_CN_PART: case ZJ_MARK_CN_CHAPTER:
		p += 3; /* 第 */
		break;
	case ZJ_MARK_CN_PAREN_FULL: case ZJ_MARK_CN_PAREN_HALF:
	case ZJ_MARK_NUM_PAREN_FULL: case ZJ_MARK_NUM_PAREN_HALF:
		p += zj_utf8_decode(line, len, p, &c);
		break;
	case ZJ_MARK_NUM_PAREN_SIGN: case ZJ_MARK_CIRCLED:
		*from = p;
		*to = p + zj_utf8_decode(line, len, p, &c);
		return true;
	default:
		break;
	}
	*from = p;
	/* the number runs while the characters are digits or numerals */
	static const char numerals[] = "〇零一二三四五六七八九十百两";
	while (p < len) {
		size_t n = zj_utf8_decode(line, len, p, &c);
		bool digit = zj_is_digit(c) ||
			     (n == 3 && memmem(numerals, sizeof numerals - 1, line + p, 3));
		if (!digit)
			break;
		p += n;
	}
	*to = p;
	return *to > *from;
}

static bool is_blank_line(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		int32_t c;
		size_t n = zj_utf8_decode(s, len, i, &c);
		if (!zj_is_space(c) && c != '\r')
			return false;
		i += n;
	}
	return true;
}

char *zj_export_text(const char *text, size_t len, const zj_outline *o,
		     const zj_export_options *opt, size_t *out_len)
{
	zj_buf out = {0};
	size_t next_section = 0, article = 0;
	int counters[6] = {0};
	size_t line = 0;
	for (size_t pos = 0; pos <= len; line++) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len;
		size_t body_end = end > pos && text[end - 1] == '\r' ? end - 1 : end;
		const char *s = text + pos;
		size_t n = body_end - pos;

		while (article + 1 < o->narticles && o->articles[article + 1].first_line <= line) {
			article++;
			memset(counters, 0, sizeof counters);
		}
		bool heading = next_section < o->nsections && o->sections[next_section].line == line;
		const zj_article *a = o->narticles ? &o->articles[article] : NULL;
		bool title = a && a->title_line == (long)line;

		if (opt->strip_noise && n && zj_is_noise_line(s, n)) {
			next_section += heading;
			if (!nl)
				break;
			pos = end + 1;
			continue;
		}
		if (heading) {
			const zj_section *sec = &o->sections[next_section++];
			zj_heading h;
			size_t from, to;
			char num[16];
			counters[sec->level]++;
			for (int d = sec->level + 1; d < 6; d++)
				counters[d] = 0;
			size_t k;
			if (zj_heading_parse(s, n, &h) && number_span(s, n, &h, &from, &to) &&
			    (k = zj_marker_number(sec->marker, counters[sec->level], num)) > 0) {
				zj_buf_append(&out, s, from);
				zj_buf_append(&out, num, k);
				zj_buf_append(&out, s + to, end - pos - to);
			} else
				zj_buf_append(&out, s, end - pos);
		} else if (opt->fullwidth_indent && !title && !is_blank_line(s, n)) {
			size_t i = zj_skip_space(s, n, 0);
			zj_buf_puts(&out, "\xE3\x80\x80\xE3\x80\x80");
			zj_buf_append(&out, s + i, end - pos - i);
		} else
			zj_buf_append(&out, s, end - pos);
		if (!nl)
			break;
		zj_buf_putc(&out, '\n');
		pos = end + 1;
	}
	if (!out.data)
		zj_buf_append(&out, "", 0);
	*out_len = out.len;
	return out.data;
}
