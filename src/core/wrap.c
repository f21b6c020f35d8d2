/* wrap: see include/zongjie/wrap.h. */
#include <config.h>

#include "zongjie/wrap.h"

#include <stdbool.h>

#include "zongjie/utf8.h"

static bool is_closing(int32_t c)
{
	switch (c) {
	case 0xFF0C: case 0x3002: case 0x3001: case 0xFF1B: case 0xFF1A: /* ，。、；： */
	case 0xFF1F: case 0xFF01: case 0xFF09: case 0x300D: case 0x300F: /* ？！）」』 */
	case 0x201D: case 0x2019: case 0x300B: case 0x3011: case 0x3009: /* ”’》】〉 */
	case 0xFF0E: case 0x2026: case 0x3015: case 0x3017: case 0xFF3D: /* ．…〕〗］ */
	case 0xFF5D: case 0x30FC: case 0x00B7: case 0x30FB:              /* ｝ー·・ */
	case ',': case '.': case ';': case ':': case '?': case '!': case ')': case ']':
	case '}': case '%':
		return true;
	}
	return false;
}

static bool is_opening(int32_t c)
{
	switch (c) {
	case 0xFF08: case 0x300C: case 0x300E: case 0x201C: case 0x2018: /* （「『“‘ */
	case 0x300A: case 0x3010: case 0x3008: case 0x3014: case 0x3016: /* 《【〈〔〖 */
	case 0xFF3B: case 0xFF5B: case '(': case '[': case '{':
		return true;
	}
	return false;
}

/* May a row end between a cluster starting with `a` and one starting
 * with `b`? */
static bool can_break(int32_t a, int32_t b)
{
	if (is_closing(b) || is_opening(a))
		return false;
	if (a == ' ' || a == '\t' || a == 0x3000)
		return true;
	if (b == ' ' || b == '\t')
		return false; /* spaces hang at the end of the row */
	return zj_is_cjk(a) || zj_is_cjk(b) || is_opening(b);
}

size_t zj_wrap_row_end(const char *s, size_t len, size_t start, int width)
{
	if (width < 2)
		width = 2;
	size_t i = start, last_break = start;
	int col = 0;
	int32_t prev = 0;
	while (i < len) {
		size_t e = zj_grapheme_next(s, len, i);
		int32_t cp;
		zj_utf8_decode(s, len, i, &cp);
		int w = cp == '\t' ? 4 - col % 4 : zj_cluster_width(s, i, e);
		if (i > start && can_break(prev, cp))
			last_break = i;
		if (col + w > width && i > start) {
			/* Spaces may overhang the edge instead of starting a row. */
			if (cp == ' ') {
				while (i < len && s[i] == ' ')
					i++;
				return i;
			}
			return last_break > start ? last_break : i;
		}
		col += w;
		prev = cp;
		i = e;
	}
	return len;
}
