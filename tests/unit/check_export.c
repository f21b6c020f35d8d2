/* Unit tests of export: renumbering, indentation, noise removal. */
#include <config.h>

#include "testutil.h"
#include "zongjie/export.h"

static char *export(const char *text, bool indent, bool strip)
{
	zj_outline *o = zj_outline_build(text, strlen(text));
	zj_export_options opt = {indent, strip};
	size_t n;
	char *out = zj_export_text(text, strlen(text), o, &opt, &n);
	ck_assert_uint_eq(strlen(out), n);
	zj_outline_free(o);
	return out;
}

START_TEST(renumbers_by_level)
{
	char *out = export("标题\n"
			   "一、成绩\n"
			   "（二）学习\n"
			   "（三）工作\n"
			   "1.甲\n"
			   "3.乙\n"
			   "三、问题\n"
			   "(五)资金\n"
			   "⑵其他\n"
			   "十二、计划\n", false, false);
	ck_assert_str_eq(out, "标题\n"
			      "一、成绩\n"
			      "（一）学习\n"
			      "（二）工作\n"
			      "1.甲\n"
			      "2.乙\n"
			      "二、问题\n"
			      "(一)资金\n"
			      "⑴其他\n"
			      "三、计划\n");
	free(out);
}
END_TEST

START_TEST(keeps_everything_else)
{
	const char *text = "标题\r\n\r\n一、成绩\r\n正文  保持 原样。\r\n二、问题\r\n没有结尾换行";
	char *out = export(text, false, false);
	ck_assert_str_eq(out, text);
	free(out);
	out = export("", false, false);
	ck_assert_str_eq(out, "");
	free(out);
}
END_TEST

START_TEST(large_numbers_and_parts)
{
	char *out = export("第二部分 回顾\n第四部分 打算\n", false, false);
	ck_assert_str_eq(out, "第一部分 回顾\n第二部分 打算\n");
	free(out);
	char buf[4096] = "总结\n";
	for (int i = 1; i <= 25; i++)
		strcat(buf, "一、甲\n");
	out = export(buf, false, false);
	ck_assert(strstr(out, "\n十一、甲\n"));
	ck_assert(strstr(out, "\n二十五、甲\n"));
	ck_assert(strstr(out, "\n二十、甲\n"));
	free(out);
	char n[16];
	ck_assert_uint_eq(zj_marker_number(ZJ_MARK_CIRCLED, 21, n), 0);
	ck_assert_uint_eq(zj_marker_number(ZJ_MARK_CN_COMMA, 10, n), 3);
	ck_assert(!memcmp(n, "十", 3));
}
END_TEST

START_TEST(indent_and_noise)
{
	char *out = export("2025年工作总结\n第1页 / 共3页\n  全年工作。\n一、成绩\n成绩很好。\n\n", true, true);
	ck_assert_str_eq(out, "2025年工作总结\n\xE3\x80\x80\xE3\x80\x80全年工作。\n一、成绩\n"
			      "\xE3\x80\x80\xE3\x80\x80成绩很好。\n\n");
	free(out);
}
END_TEST

static Suite *export_suite(void)
{
	Suite *s = suite_create("export");
	TCase *tc = tcase_create("export");
	tcase_add_test(tc, renumbers_by_level);
	tcase_add_test(tc, keeps_everything_else);
	tcase_add_test(tc, large_numbers_and_parts);
	tcase_add_test(tc, indent_and_noise);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(export_suite());
}
