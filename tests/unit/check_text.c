/* Unit tests of text (gap buffer, line index, undo) and utf8 clusters. */
#include <config.h>

#include "testutil.h"
#include "zongjie/text.h"
#include "zongjie/utf8.h"

static char *contents(zj_text *t)
{
	return strdup(zj_text_contents(t));
}

static void assert_text(zj_text *t, const char *want)
{
	char *got = contents(t);
	ck_assert_str_eq(got, want);
	free(got);
	ck_assert_uint_eq(zj_text_len(t), strlen(want));
}

/* Checks the line index against a scan of the contents. */
static void assert_lines_consistent(zj_text *t)
{
	const char *s = zj_text_contents(t);
	size_t len = zj_text_len(t), line = 0;
	ck_assert_uint_eq(zj_text_line_start(t, 0), 0);
	for (size_t i = 0; i < len; i++)
		if (s[i] == '\n') {
			line++;
			ck_assert_uint_eq(zj_text_line_start(t, line), i + 1);
			ck_assert_uint_eq(zj_text_line_end(t, line - 1), i);
			ck_assert_uint_eq(zj_text_line_of(t, i), line - 1);
			ck_assert_uint_eq(zj_text_line_of(t, i + 1), line);
		}
	ck_assert_uint_eq(zj_text_lines(t), line + 1);
}

START_TEST(insert_delete_and_lines)
{
	zj_text *t = zj_text_new("一、成效\n正文\n", strlen("一、成效\n正文\n"));
	ck_assert_uint_eq(zj_text_lines(t), 3);
	ck_assert(zj_text_insert(t, 0, "标题\n", strlen("标题\n")));
	assert_text(t, "标题\n一、成效\n正文\n");
	assert_lines_consistent(t);
	size_t at = zj_text_line_start(t, 2);
	ck_assert(zj_text_insert(t, at, "第一段。\n第二段。", strlen("第一段。\n第二段。")));
	assert_lines_consistent(t);
	ck_assert(zj_text_delete(t, 0, strlen("标题\n")));
	assert_lines_consistent(t);
	assert_text(t, "一、成效\n第一段。\n第二段。正文\n");
	/* not on a code point boundary, out of range, invalid UTF-8 */
	ck_assert(!zj_text_insert(t, 1, "x", 1));
	ck_assert(!zj_text_delete(t, 0, 1));
	ck_assert(!zj_text_insert(t, 1000, "x", 1));
	ck_assert(!zj_text_insert(t, 0, "\xFF", 1));
	assert_text(t, "一、成效\n第一段。\n第二段。正文\n");
	zj_text_free(t);
}
END_TEST

/* Many random edits, each checked against a plain string model. */
START_TEST(random_edits_match_model)
{
	srand(42);
	char model[8192] = "";
	zj_text *t = zj_text_new("", 0);
	static const char *pieces[] = {"a", "中", "\n", "xx\n", "年度", "。\n\n"};
	for (int step = 0; step < 3000; step++) {
		size_t len = strlen(model);
		if (rand() % 3 || len == 0) {
			const char *p = pieces[rand() % 6];
			size_t at = (size_t)rand() % (len + 1);
			while (at > 0 && ((unsigned char)model[at] & 0xC0) == 0x80)
				at--;
			if (len + strlen(p) >= sizeof model - 1)
				continue;
			memmove(model + at + strlen(p), model + at, len - at + 1);
			memcpy(model + at, p, strlen(p));
			ck_assert(zj_text_insert(t, at, p, strlen(p)));
		} else {
			size_t a = (size_t)rand() % len, b = a + (size_t)rand() % 8;
			if (b > len)
				b = len;
			while (a > 0 && ((unsigned char)model[a] & 0xC0) == 0x80)
				a--;
			while (b < len && ((unsigned char)model[b] & 0xC0) == 0x80)
				b++;
			memmove(model + a, model + b, len - b + 1);
			ck_assert(zj_text_delete(t, a, b));
		}
		if (step % 100 == 0)
			assert_lines_consistent(t);
	}
	assert_text(t, model);
	assert_lines_consistent(t);
	/* undo everything: back to empty */
	while (zj_text_undo(t, NULL))
		;
	assert_text(t, "");
	while (zj_text_redo(t, NULL))
		;
	assert_text(t, model);
	assert_lines_consistent(t);
	zj_text_free(t);
}
END_TEST

START_TEST(undo_groups)
{
	zj_text *t = zj_text_new("开展活动xx场次", strlen("开展活动xx场次"));
	ck_assert(!zj_text_modified(t));
	size_t gap = strlen("开展活动");
	/* typing "12" over "xx" is one step */
	ck_assert(zj_text_delete(t, gap, gap + 2));
	ck_assert(zj_text_insert(t, gap, "1", 1));
	ck_assert(zj_text_insert(t, gap + 1, "2", 1));
	zj_text_group_end(t);
	ck_assert(zj_text_insert(t, 0, "全年", strlen("全年")));
	zj_text_group_end(t);
	assert_text(t, "全年开展活动12场次");
	ck_assert(zj_text_modified(t));
	size_t cursor = 99;
	ck_assert(zj_text_undo(t, &cursor));
	ck_assert_uint_eq(cursor, 0);
	assert_text(t, "开展活动12场次");
	ck_assert(zj_text_undo(t, &cursor));
	assert_text(t, "开展活动xx场次");
	ck_assert(!zj_text_modified(t));
	ck_assert(!zj_text_undo(t, &cursor));
	ck_assert(zj_text_redo(t, &cursor));
	assert_text(t, "开展活动12场次");
	zj_text_mark_saved(t);
	ck_assert(!zj_text_modified(t));
	ck_assert(zj_text_undo(t, NULL));
	ck_assert(zj_text_modified(t));
	/* a new edit after undo drops the redo history */
	ck_assert(zj_text_insert(t, 0, "A", 1));
	ck_assert(!zj_text_redo(t, NULL));
	zj_text_free(t);
}
END_TEST

START_TEST(large_text_edits_are_local)
{
	/* 20 MB, 1M lines: edits near each other must not rescan the text. */
	size_t lines = 1000000, unit = 20;
	char *big = malloc(lines * unit);
	for (size_t i = 0; i < lines; i++) {
		memset(big + i * unit, 'a', unit - 1);
		big[i * unit + unit - 1] = '\n';
	}
	zj_text *t = zj_text_adopt(big, lines * unit);
	ck_assert_uint_eq(zj_text_lines(t), lines + 1);
	size_t at = zj_text_line_start(t, 500000);
	for (int i = 0; i < 100000; i++) /* would take minutes if O(size) */
		ck_assert(zj_text_insert(t, at + (size_t)i, "b", 1));
	ck_assert_uint_eq(zj_text_line_of(t, at + 50000), 500000);
	ck_assert(zj_text_insert(t, at, "\n", 1));
	ck_assert_uint_eq(zj_text_lines(t), lines + 2);
	ck_assert_uint_eq(zj_text_line_start(t, 500001), at + 1);
	ck_assert_uint_eq(zj_text_line_start(t, lines + 1), lines * unit + 100001);
	zj_text_free(t);
}
END_TEST

START_TEST(cluster_motion)
{
	/* a, e + combining acute, family emoji (ZWJ sequence), 中, flag, d */
	const char *s = "ae\xCC\x81" "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7"
			"中\xF0\x9F\x87\xA8\xF0\x9F\x87\xB3" "d";
	zj_text *t = zj_text_new(s, strlen(s));
	size_t stops[16], n = 0, pos = 0;
	while (pos < zj_text_len(t)) {
		pos = zj_text_next_cluster(t, pos);
		stops[n++] = pos;
	}
	ck_assert_uint_eq(n, 6);
	ck_assert_uint_eq(stops[0], 1);
	ck_assert_uint_eq(stops[1], 4);   /* e + U+0301 */
	ck_assert_uint_eq(stops[2], 22);  /* 18-byte family */
	ck_assert_uint_eq(stops[3], 25);  /* 中 */
	ck_assert_uint_eq(stops[4], 33);  /* flag: two regional indicators */
	ck_assert_uint_eq(stops[5], 34);
	/* and back again over the same stops */
	for (size_t i = n; i-- > 1;)
		ck_assert_uint_eq(zj_text_prev_cluster(t, stops[i]), stops[i - 1]);
	ck_assert_uint_eq(zj_text_prev_cluster(t, stops[0]), 0);
	/* widths: a=1, é=1, family=2, 中=2, flag=2, d=1 */
	int widths[] = {1, 1, 2, 2, 2, 1};
	size_t start = 0;
	for (size_t i = 0; i < n; i++) {
		ck_assert_int_eq(zj_cluster_width(s, start, stops[i]), widths[i]);
		start = stops[i];
	}
	ck_assert_uint_eq(zj_str_width(s, strlen(s)), 9);
	/* deleting backwards removes whole clusters */
	size_t cur = zj_text_prev_cluster(t, 22);
	ck_assert_uint_eq(cur, 4);
	ck_assert(zj_text_delete(t, cur, 22));
	ck_assert(zj_text_delete(t, 1, zj_text_next_cluster(t, 1)));
	assert_text(t, "a中\xF0\x9F\x87\xA8\xF0\x9F\x87\xB3" "d");
	zj_text_free(t);
}
END_TEST

START_TEST(cluster_prev_in_long_line)
{
	/* A 1 MB line of Han characters: stepping back stays cheap and exact. */
	size_t n = 300000;
	char *s = malloc(n * 3);
	for (size_t i = 0; i < n; i++)
		memcpy(s + i * 3, "字", 3);
	zj_text *t = zj_text_adopt(s, n * 3);
	size_t pos = n * 3;
	for (int i = 0; i < 100000; i++) {
		size_t prev = zj_text_prev_cluster(t, pos);
		ck_assert_uint_eq(prev, pos - 3);
		pos = prev;
	}
	zj_text_free(t);
}
END_TEST

START_TEST(utf8_helpers)
{
	ck_assert_uint_eq(zj_utf8_valid_prefix("abc", 3), 3);
	ck_assert_uint_eq(zj_utf8_valid_prefix("ab\xE4\xB8", 4), 2);
	ck_assert_uint_eq(zj_utf8_valid_prefix("\xF4\x90\x80\x80", 4), 0); /* > U+10FFFF */
	ck_assert_uint_eq(zj_utf8_valid_prefix("\xE0\x80\xAF", 3), 0);     /* overlong */
	ck_assert_uint_eq(zj_utf8_count("中a文", strlen("中a文")), 3);
	ck_assert(zj_is_han(0x4E2D));
	ck_assert(!zj_is_han('A'));
	ck_assert(zj_is_cjk(0x3002));
	ck_assert(zj_is_space(0x3000));
	ck_assert_int_eq(zj_cluster_width("Ａ", 0, 3), 2); /* full-width A */
	char buf[4];
	ck_assert_uint_eq(zj_utf8_encode(0x4E2D, buf), 3);
	ck_assert(!memcmp(buf, "中", 3));
}
END_TEST

START_TEST(digits_and_blanks)
{
	ck_assert_int_eq(zj_digit_value('7'), 7);
	ck_assert_int_eq(zj_digit_value(0xFF13), 3); /* ３ */
	ck_assert_int_eq(zj_digit_value('a'), -1);
	ck_assert_int_eq(zj_digit_value(0x4E09), -1); /* 三 is not a digit here */
	ck_assert_int_eq(zj_cn_digit(0x4E09), 3);
	ck_assert_int_eq(zj_cn_digit(0x3007), 0);     /* 〇 */
	ck_assert_int_eq(zj_cn_digit(0x96F6), 0);     /* 零 */
	ck_assert_int_eq(zj_cn_digit(0x4E24), -1);    /* 两: the caller's business */
	ck_assert_int_eq(zj_cn_digit(0x5341), -1);    /* 十 is a unit */
	ck_assert_int_eq(zj_cn_digit('3'), -1);
	const char *s = " \t\u3000\u00A0正文 ";
	size_t len = strlen(s);
	ck_assert_uint_eq(zj_skip_space(s, len, 0), (size_t)(strstr(s, "正") - s));
	ck_assert_uint_eq(zj_skip_space(s, len, len - 1), len);
	ck_assert_uint_eq(zj_skip_space("正", 3, 0), 0);
}
END_TEST

static Suite *text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("text");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, insert_delete_and_lines);
	tcase_add_test(tc, random_edits_match_model);
	tcase_add_test(tc, undo_groups);
	tcase_add_test(tc, large_text_edits_are_local);
	tcase_add_test(tc, cluster_motion);
	tcase_add_test(tc, cluster_prev_in_long_line);
	tcase_add_test(tc, utf8_helpers);
	tcase_add_test(tc, digits_and_blanks);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(text_suite());
}
