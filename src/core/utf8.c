/* utf8: see include/zongjie/utf8.h. */
#include <config.h>

#include "zongjie/utf8.h"

#include <string.h>
#include <utf8proc.h>

size_t zj_utf8_encode(int32_t cp, char *out)
{
	return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}

/* Validation runs over whole files (up to gigabytes), so ASCII is skipped
 * eight bytes at a time and multi-byte sequences are checked by hand. */
size_t zj_utf8_valid_prefix(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < len) {
		if (i + 8 <= len) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (!(w & 0x8080808080808080ULL)) {
				i += 8;
				continue;
			}
		}
		unsigned char c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		/* most Chinese text: three-byte characters without special ranges */
		if (((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF)) {
			if (i + 3 > len || ((s[i + 1] ^ 0x80) | (s[i + 2] ^ 0x80)) & 0xC0)
				return i;
			i += 3;
			continue;
		}
		size_t n;
		unsigned char lo = 0x80, hi = 0xBF;
		if (c >= 0xC2 && c <= 0xDF)
			n = 2;
		else if (c >= 0xE0 && c <= 0xEF) {
			n = 3;
			if (c == 0xE0)
				lo = 0xA0; /* overlong */
			else if (c == 0xED)
				hi = 0x9F; /* surrogates */
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 4;
			if (c == 0xF0)
				lo = 0x90;
			else if (c == 0xF4)
				hi = 0x8F; /* above U+10FFFF */
		} else
			return i;
		if (i + n > len)
			return i;
		if (s[i + 1] < lo || s[i + 1] > hi)
			return i;
		for (size_t k = 2; k < n; k++)
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
		i += n;
	}
	return len;
}

size_t zj_utf8_cp_start(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

size_t zj_utf8_count(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

size_t zj_grapheme_next(const char *s, size_t len, size_t i)
{
	if (i >= len)
		return len;
	int32_t prev, cp;
	utf8proc_int32_t state = 0;
	i += zj_utf8_decode(s, len, i, &prev);
	while (i < len) {
		size_t n = zj_utf8_decode(s, len, i, &cp);
		if (utf8proc_grapheme_break_stateful(prev, cp, &state))
			break;
		prev = cp;
		i += n;
	}
	return i;
}

/* A code point that always begins a new cluster unless the one before it
 * is a ZWJ or a Prepend character: ASCII other than LF (CR LF is one
 * cluster), and Han ideographs. */
static bool starts_cluster(int32_t cp)
{
	return (cp < 0x80 && cp != '\n') || zj_is_han(cp);
}

size_t zj_grapheme_prev(const char *s, size_t len, size_t i)
{
	if (i == 0)
		return 0;
	/* Find a safe starting point at most a bounded distance back. */
	size_t start = zj_utf8_cp_start(s, i - 1);
	for (int steps = 0; start > 0 && steps < 256; steps++) {
		int32_t cp, before;
		zj_utf8_decode(s, len, start, &cp);
		size_t p = zj_utf8_cp_start(s, start - 1);
		zj_utf8_decode(s, len, p, &before);
		if (starts_cluster(cp) && before != 0x200D &&
		    utf8proc_get_property(before)->boundclass != UTF8PROC_BOUNDCLASS_PREPEND)
			break;
		start = p;
	}
	size_t last = start;
	while (start < i) {
		last = start;
		start = zj_grapheme_next(s, i, start);
	}
	return last;
}

int zj_cluster_width(const char *s, size_t start, size_t end)
{
	if (start >= end)
		return 0;
	int32_t first;
	size_t i = start + zj_utf8_decode(s, end, start, &first);
	if (first < 0x20 || first == 0x7F)
		return 1;
	int width = utf8proc_charwidth(first);
	/* A pair of regional indicators is a flag, drawn as one wide glyph. */
	if (first >= 0x1F1E6 && first <= 0x1F1FF)
		width = 2;
	while (i < end) {
		int32_t cp;
		i += zj_utf8_decode(s, end, i, &cp);
		/* VS16 asks for emoji presentation, which terminals draw wide. */
		if (cp == 0xFE0F && width == 1)
			width = 2;
		/* A cluster of marks alone takes the width of its first visible
		 * member, so it never becomes an unreachable zero-width cell. */
		if (width == 0)
			width = utf8proc_charwidth(cp);
	}
	if (width <= 0)
		width = 1;
	return width > 2 ? 2 : width;
}

size_t zj_str_width(const char *s, size_t len)
{
	size_t w = 0, i = 0;
	while (i < len) {
		size_t e = zj_grapheme_next(s, len, i);
		w += (size_t)zj_cluster_width(s, i, e);
		i = e;
	}
	return w;
}

bool zj_is_han(int32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
	       (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF) ||
	       c == 0x3007;
}

bool zj_is_cjk(int32_t c)
{
	return zj_is_han(c) || (c >= 0x3000 && c <= 0x30FF) ||  /* punctuation, kana */
	       (c >= 0x3100 && c <= 0x31FF) || (c >= 0xAC00 && c <= 0xD7AF) ||
	       (c >= 0xFF00 && c <= 0xFFEF) ||                  /* full-width forms */
	       (c >= 0xFE30 && c <= 0xFE4F) ||                  /* vertical forms */
	       c == 0x2014 || c == 0x2026 ||                    /* —— …… */
	       c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019;
}

bool zj_is_space(int32_t c)
{
	return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0 || c == 0x200B ||
	       c == 0xFEFF || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F;
}

int zj_cn_digit(int32_t cp)
{
	static const int32_t digits[] = {0x96F6 /* 零 */, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,
					 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D};
	if (cp == 0x3007) /* 〇 */
		return 0;
	for (int i = 0; i < 10; i++)
		if (cp == digits[i])
			return i;
	return -1;
}

size_t zj_skip_space(const char *s, size_t len, size_t i)
{
	while (i < len) {
		int32_t c;
		size_t n = zj_utf8_decode(s, len, i, &c);
		if (!zj_is_space(c))
			break;
		i += n;
	}
	return i;
}
