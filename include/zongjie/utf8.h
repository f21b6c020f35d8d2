/*
 * utf8: decoding, validation, display width and grapheme clusters over
 * UTF-8 byte strings.  Width and cluster rules come from utf8proc, so CJK
 * and full-width forms take two columns, combining marks none, and an emoji
 * ZWJ sequence or a flag is one cluster two columns wide.
 */
#ifndef ZONGJIE_UTF8_H
#define ZONGJIE_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes the code point at s[i] (i < len) and returns its byte length
 * (1 for an invalid byte, whose value is then returned as U+FFFD).
 * Inline: it is the innermost step of every scan. */
static inline size_t zj_utf8_decode(const char *str, size_t len, size_t i, int32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str + i;
	size_t left = len - i;
	unsigned char c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF && left >= 2 && (s[1] & 0xC0) == 0x80) {
		*cp = ((c & 0x1F) << 6) | (s[1] & 0x3F);
		return 2;
	}
	if (c >= 0xE0 && c <= 0xEF && left >= 3 && (s[1] & 0xC0) == 0x80 &&
	    (s[2] & 0xC0) == 0x80) {
		int32_t v = ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
		if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) {
			*cp = v;
			return 3;
		}
	} else if (c >= 0xF0 && c <= 0xF4 && left >= 4 && (s[1] & 0xC0) == 0x80 &&
		   (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80) {
		int32_t v = ((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) |
			    (s[3] & 0x3F);
		if (v >= 0x10000 && v <= 0x10FFFF) {
			*cp = v;
			return 4;
		}
	}
	*cp = 0xFFFD;
	return 1;
}

/* The code point at byte i, 0 at or past the end; its byte length goes to
 * *n (n may be NULL).  Inline, like zj_utf8_decode. */
static inline int32_t zj_utf8_at(const char *s, size_t len, size_t i, size_t *n)
{
	if (i >= len) {
		if (n)
			*n = 0;
		return 0;
	}
	int32_t c;
	size_t k = zj_utf8_decode(s, len, i, &c);
	if (n)
		*n = k;
	return c;
}

/* The code point that ends at byte i, 0 at the start; its first byte goes
 * to *at (at may be NULL). */
static inline int32_t zj_utf8_before(const char *s, size_t len, size_t i, size_t *at)
{
	if (i == 0) {
		if (at)
			*at = 0;
		return 0;
	}
	size_t p = i - 1;
	while (p > 0 && ((unsigned char)s[p] & 0xC0) == 0x80)
		p--;
	if (at)
		*at = p;
	return zj_utf8_at(s, len, p, NULL);
}

/* Encodes cp into out (at least 4 bytes) and returns the byte count. */
size_t zj_utf8_encode(int32_t cp, char *out);

/* Returns the length of the longest valid UTF-8 prefix of s: len when the
 * whole string is valid.  Overlong forms, surrogates and values above
 * U+10FFFF are invalid. */
size_t zj_utf8_valid_prefix(const char *s, size_t len);

/* Start of the code point that contains byte i (steps back over
 * continuation bytes). */
size_t zj_utf8_cp_start(const char *s, size_t i);

/* Number of code points in s[0..len). */
size_t zj_utf8_count(const char *s, size_t len);

/* Byte offset of the end of the grapheme cluster that starts at i. */
size_t zj_grapheme_next(const char *s, size_t len, size_t i);

/* Byte offset of the start of the grapheme cluster that ends at i (i > 0).
 * Looks back only as far as a code point that always starts a cluster, so
 * the cost does not grow with the length of the line. */
size_t zj_grapheme_prev(const char *s, size_t len, size_t i);

/* Display columns of the cluster s[start..end): 0, 1 or 2.  Tabs and
 * control characters are the caller's business (they return 1). */
int zj_cluster_width(const char *s, size_t start, size_t end);

/* Display columns of a whole string, cluster by cluster (tabs count 1). */
size_t zj_str_width(const char *s, size_t len);

/* Character classes used by the outline, wrap and checker rules. */
bool zj_is_han(int32_t cp);         /* CJK ideographs, 〇 */
bool zj_is_cjk(int32_t cp);         /* Han, kana, Hangul, CJK and full-width punctuation */
bool zj_is_space(int32_t cp);       /* ASCII blanks, U+3000, NBSP and other Zs */
/* The first byte at or after i that does not start a zj_is_space code
 * point (len at most). */
size_t zj_skip_space(const char *s, size_t len, size_t i);

static inline bool zj_is_ascii_digit(int32_t cp)
{
	return cp >= '0' && cp <= '9';
}
/* ASCII or full-width digit (０–９). */
static inline bool zj_is_digit(int32_t cp)
{
	return zj_is_ascii_digit(cp) || (cp >= 0xFF10 && cp <= 0xFF19);
}
static inline bool zj_is_ascii_letter(int32_t cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}
/* The value of an ASCII or full-width digit, -1 for anything else. */
static inline int zj_digit_value(int32_t cp)
{
	return zj_is_ascii_digit(cp) ? cp - '0' : zj_is_digit(cp) ? cp - 0xFF10 : -1;
}
/* The value of a Chinese digit (〇 零 一 二 … 九), -1 for anything else;
 * 两 and the units 十 百 千 are the caller's business. */
int zj_cn_digit(int32_t cp);

#endif
