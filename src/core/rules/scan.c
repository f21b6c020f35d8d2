/* Text scanning helpers shared by the rules: lines, numbers, sentences. */
#include <config.h>

#include "rules/rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "zongjie/utf8.h"

typedef void (*zj_line_fn)(const char *s, size_t len, size_t start, size_t end, void *ctx);
void zj_each_line(const char *s, size_t len, zj_line_fn fn, void *ctx)
{
	for (size_t pos = 0; pos <= len;) {
		const char *nl = memchr(s + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - s) : len;
		size_t e = end > pos && s[end - 1] == '\r' ? end - 1 : end;
		fn(s, len, pos, e, ctx);
		if (!nl)
			break;
		pos = end + 1;
	}
}

/* Parses an ASCII decimal number at s[i]: returns its end (i if none). */
size_t zj_parse_number(const char *s, size_t len, size_t i, double *value)
{
	size_t p = i;
	double v = 0;
	while (p < len && zj_is_ascii_digit(s[p]))
		v = v * 10 + (s[p++] - '0');
	if (p == i)
		return i;
	if (p + 1 < len && s[p] == '.' && zj_is_ascii_digit(s[p + 1])) {
		double scale = 0.1;
		p++;
		while (p < len && zj_is_ascii_digit(s[p])) {
			v += (s[p++] - '0') * scale;
			scale /= 10;
		}
	}
	*value = v;
	return p;
}

/* Start of the number that ends at byte e (digits and one dot). */
size_t zj_number_start(const char *s, size_t e)
{
	size_t p = e;
	while (p > 0 && (zj_is_ascii_digit(s[p - 1]) || (s[p - 1] == '.' && p >= 2 && zj_is_ascii_digit(s[p - 2]))))
		p--;
	return p;
}

/* Sentence bounds around i: after the previous 。；！？ or line start, up to
 * the next one or line end. */
static bool is_sentence_stop(int32_t c)
{
	return c == 0x3002 || c == 0xFF1B || c == 0xFF01 || c == 0xFF1F || c == '\n';
}

/* Sentences are searched at most this far, so a huge text without a full
 * stop costs linear time, not quadratic. */
#define SENTENCE_REACH 600

size_t zj_sentence_start(const char *s, size_t len, size_t i)
{
	size_t limit = i > SENTENCE_REACH ? i - SENTENCE_REACH : 0;
	while (i > limit) {
		size_t p;
		int32_t c = zj_utf8_before(s, len, i, &p);
		if (is_sentence_stop(c))
			break;
		i = p;
	}
	return i;
}

size_t zj_sentence_end(const char *s, size_t len, size_t i)
{
	size_t limit = len - i > SENTENCE_REACH ? i + SENTENCE_REACH : len;
	while (i < limit) {
		size_t n;
		int32_t c = zj_utf8_at(s, len, i, &n);
		if (is_sentence_stop(c))
			break;
		i += n;
	}
	return i;
}

size_t zj_line_end_at(const char *s, size_t len, size_t i)
{
	const char *nl = memchr(s + i, '\n', len - i);
	size_t e = nl ? (size_t)(nl - s) : len;
	return e > i && s[e - 1] == '\r' ? e - 1 : e;
}
