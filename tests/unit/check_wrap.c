/* Unit tests of soft wrap: CJK breaks, whole Latin words, kinsoku. */
#include <config.h>

#include "testutil.h"
#include "zongjie/utf8.h"
#include "zongjie/wrap.h"

/* Fills breaks[] with the start offsets of the rows after the first and
 * returns how many rows follow the first (the full count even when it
 * exceeds max). */
static size_t wrap_line(const char *s, size_t len, int width, size_t *breaks, size_t max)
{
	size_t rows = 0, pos = 0;
	for (;;) {
		size_t end = zj_wrap_row_end(s, len, pos, width);
		if (end >= len)
			break;
		if (rows < max)
			breaks[rows] = end;
		rows++;
		pos = end;
	}
	return rows;
}

/* Wraps s at width and returns the rows joined with '|'. */
static char *rows(const char *s, int width)
{
	size_t len = strlen(s), breaks[256];
	size_t n = wrap_line(s, len, width, breaks, 256);
	ck_assert_uint_le(n, 256);
	char *out = malloc(len + n + 1), *o = out;
	size_t prev = 0;
	for (size_t i = 0; i <= n; i++) {
		size_t end = i < n ? breaks[i] : len;
		/* every row fits, unless it is a single cluster */
		size_t w = zj_str_width(s + prev, end - prev);
		size_t first = zj_grapheme_next(s, len, prev);
		if (w > (size_t)width) {
			/* only trailing spaces may hang over the edge */
			size_t k = end;
			while (k > prev && s[k - 1] == ' ')
				k--;
			ck_assert_msg(zj_str_width(s + prev, k - prev) <= (size_t)width ||
					      first == end,
				      "row too wide in '%s' at %d", s, width);
		}
		memcpy(o, s + prev, end - prev);
		o += end - prev;
		if (i < n)
			*o++ = '|';
		prev = end;
	}
	*o = '\0';
	return out;
}

static void assert_rows(const char *s, int width, const char *want)
{
	char *got = rows(s, width);
	ck_assert_str_eq(got, want);
	free(got);
}

START_TEST(cjk_breaks_anywhere)
{
	assert_rows("一二三四五六七八", 6, "一二三|四五六|七八");
	/* an odd width never splits a wide character */
	assert_rows("一二三四五六七八", 7, "一二三|四五六|七八");
	assert_rows("短", 10, "短");
	assert_rows("", 10, "");
}
END_TEST

START_TEST(latin_words_stay_whole)
{
	assert_rows("使用Excel表格", 8, "使用|Excel表|格");
	assert_rows("完成12345人次", 8, "完成|12345人|次");
	assert_rows("hello world again", 11, "hello world |again");
	assert_rows("hello world again", 8, "hello |world |again");
	/* a word longer than the row is cut */
	assert_rows("abcdefghij", 4, "abcd|efgh|ij");
}
END_TEST

START_TEST(kinsoku)
{
	/* 。 would start the second row: 三 is carried down with it */
	assert_rows("一二三。四五", 6, "一二|三。四|五");
	assert_rows("一二，三四", 4, "一|二，|三四");
	/* a run of closing marks travels together */
	assert_rows("他说“好。”然后", 8, "他说|“好。”然|后");
	/* opening marks never end a row */
	assert_rows("一二（三）", 6, "一二|（三）");
	assert_rows("目标《规划》", 6, "目标|《规|划》");
}
END_TEST

START_TEST(no_line_starts_with_closing_punct)
{
	const char *s = "全年开展活动十二场次，参与三百人次。完成率百分之九十，同比增长。";
	for (int width = 4; width < 40; width++) {
		size_t breaks[64];
		size_t n = wrap_line(s, strlen(s), width, breaks, 64);
		for (size_t i = 0; i < n; i++)
			ck_assert_msg(strncmp(s + breaks[i], "，", 3) && strncmp(s + breaks[i], "。", 3),
				      "width %d row %zu starts with punctuation", width, i + 1);
	}
}
END_TEST

START_TEST(mixed_widths_and_tabs)
{
	/* combining marks take no column; emoji sequences stay whole */
	assert_rows("e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81", 2,
		    "e\xCC\x81" "e\xCC\x81|e\xCC\x81" "e\xCC\x81");
	assert_rows("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9" "中", 2,
		    "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9|中");
	size_t end = zj_wrap_row_end("\tab", 3, 0, 5);
	ck_assert_uint_eq(end, 1); /* the tab takes 4 columns; "ab" stays whole */
	ck_assert_uint_eq(zj_wrap_row_end("\tab", 3, 0, 6), 3);
}
END_TEST

static Suite *wrap_suite(void)
{
	Suite *s = suite_create("wrap");
	TCase *tc = tcase_create("wrap");
	tcase_add_test(tc, cjk_breaks_anywhere);
	tcase_add_test(tc, latin_words_stay_whole);
	tcase_add_test(tc, kinsoku);
	tcase_add_test(tc, no_line_starts_with_closing_punct);
	tcase_add_test(tc, mixed_widths_and_tabs);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(wrap_suite());
}
