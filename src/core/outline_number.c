/* outline_number: the heading-number writer, the inverse of the reader in
 * outline.c (zj_heading_parse); declared in include/zongjie/outline.h.
 * Apart from outline.c only to keep that file under the size limit. */
#include <config.h>

#include "zongjie/outline.h"

#include <stdio.h>
#include <string.h>

#include "zongjie/utf8.h"

static size_t chinese_number(int n, char *out)
{
	static const char *const digits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
	size_t k = 0;
	if (n <= 0 || n > 99)
		return (size_t)snprintf(out, 16, "%d", n);
	int tens = n / 10, ones = n % 10;
	if (tens > 1) {
		memcpy(out + k, digits[tens], 3);
		k += 3;
	}
	if (tens) {
		memcpy(out + k, "十", 3);
		k += 3;
	}
	if (ones) {
		memcpy(out + k, digits[ones], 3);
		k += 3;
	}
	return k;
}

size_t zj_marker_number(zj_marker marker, int n, char *out)
{
	switch (marker) {
	case ZJ_MARK_CN_COMMA: case ZJ_MARK_CN_DOT: case ZJ_MARK_CN_PART:
	case ZJ_MARK_CN_CHAPTER: case ZJ_MARK_CN_PAREN_FULL: case ZJ_MARK_CN_PAREN_HALF:
		return chinese_number(n, out);
	case ZJ_MARK_NUM_PAREN_SIGN:
		if (n < 1 || n > 20)
			return 0;
		return zj_utf8_encode(0x2474 + n - 1, out);
	case ZJ_MARK_CIRCLED:
		if (n < 1 || n > 20)
			return 0;
		return zj_utf8_encode(0x2460 + n - 1, out);
	case ZJ_MARK_NONE:
		return 0;
	default:
		return (size_t)snprintf(out, 16, "%d", n);
	}
}
