/* Unit tests of export: the text as written, renumbering when asked,
 * indentation, noise removal. */
#include <config.h>

#include "testutil.h"
#include "zongjie/export.h"

static char *export_opt(const char *text, zj_export_options opt)
{
	zj_outline *o = zj_outline_build(text, strlen(text));
	size_t n;
	char *out = zj_export_text(text, strlen(text), o, &opt, &n);
	ck_assert_uint_eq(strlen(out), n);
	zj_outline_free(o);
	return out;
}

static char *export(const char *text, bool indent, bool strip)
{
	return export_opt(text, (zj_export_options){.fullwidth_indent = indent, .strip_noise = strip});
}

static char *renumber(const char *text)
{
	return export_opt(text, (zj_export_options){.renumber = true});
}

/* Headings with text under them, numbered wrongly at every level. */
static const char misnumbered[] = "标题\n"
				  "一、成绩\n"
				  "（二）学习\n"
				  "学了很多。\n"
				  "（三）工作\n"
				  "1.甲\n"
				  "甲的内容。\n"
				  "3.乙\n"
				  "乙的内容。\n"
				  "三、问题\n"
				  "(五)资金\n"
				  "资金紧张。\n"
				  "十二、计划\n"
				  "明年再干。\n";

START_TEST(renumbers_by_level_when_asked)
{
	char *out = renumber(misnumbered);
	ck_assert_str_eq(out, "标题\n"
			      "一、成绩\n"
			      "（一）学习\n"
			      "学了很多。\n"
			      "（二）工作\n"
			      "1.甲\n"
			      "甲的内容。\n"
			      "2.乙\n"
			      "乙的内容。\n"
			      "二、问题\n"
			      "(一)资金\n"
			      "资金紧张。\n"
			      "三、计划\n"
			      "明年再干。\n");
	free(out);
	/* without the option the text stays as written */
	out = export(misnumbered, false, false);
	ck_assert_str_eq(out, misnumbered);
	free(out);
	/* headings all run in with their text, as the checker counts them */
	out = renumber("总结\n一、成绩\n（一）甲。内容。\n（二）乙。内容。\n（四）丙。内容。\n"
		       "（五）丁。内容。\n");
	ck_assert_str_eq(out, "总结\n一、成绩\n（一）甲。内容。\n（二）乙。内容。\n（三）丙。内容。\n"
			      "（四）丁。内容。\n");
	free(out);
	/* headings in a web page's markup: the number changes, the markup stays */
	out = renumber("总结\n**一、成绩**\n内容。\n**二、问题**\n内容。\n## 四、计划\n内容。\n"
		       "【五、建议】\n内容。\n");
	ck_assert_str_eq(out, "总结\n**一、成绩**\n内容。\n**二、问题**\n内容。\n## 三、计划\n内容。\n"
			      "【四、建议】\n内容。\n");
	free(out);
}
END_TEST

START_TEST(never_renumbers_items_paragraphs_or_pages)
{
	/* one-line list items of a plan */
	const char *items = "总结\n一、成绩\n做了很多。\n二、计划\n1、深化宣传。\n3、加强巡查。\n";
	char *out = renumber(items);
	ck_assert_str_eq(out, items);
	free(out);
	/* a numbered narrative paragraph among headings */
	const char *narrative = "总结\n一、成绩\n1、4月，我们组织了培训，参加的人很多，效果也很好。\n"
				"3、宣传\n宣传的内容。\n";
	out = renumber(narrative);
	ck_assert_str_eq(out, narrative);
	free(out);
	/* numbers after a heading without number at their level */
	const char *bare = "总结\n2023年工作总结\n一、甲\n内容。\n2024年工作计划\n一、乙\n内容。\n"
			   "存在的不足\n三、丙\n内容。\n";
	out = renumber(bare);
	ck_assert_str_eq(out, bare);
	free(out);
	/* a heading whose text runs on along its line */
	const char *runon = "总结\n一、成绩\n（二）强化引领。一是学习。\n（三）服务\n服务群众。\n";
	out = renumber(runon);
	ck_assert_str_eq(out, runon);
	free(out);
	/* a viewer's page numbers, and the headings in its chunks */
	char pages[8192] = "";
	for (int page = 1; page <= 2; page++) {
		sprintf(pages + strlen(pages), "%d、", page);
		for (int i = 0; i < 30; i++)
			strcat(pages, "今年以来我们扎实推进各项工作");
		strcat(pages, page == 1 ? "。二、存在的问题　　人手不足" : "长效\n");
		strcat(pages, page == 1 ? "\n" : "");
	}
	strcat(pages, "3、机制。四、下步打算　　继续努力。\n");
	out = renumber(pages);
	ck_assert_str_eq(out, pages);
	free(out);
}
END_TEST

START_TEST(keeps_everything_else)
{
	const char *text = "标题\r\n\r\n一、成绩\r\n正文  保持 原样。\r\n二、问题\r\n没有结尾换行";
	char *out = export(text, false, false);
	ck_assert_str_eq(out, text);
	free(out);
	out = renumber(text);
	ck_assert_str_eq(out, text);
	free(out);
	out = export("", false, false);
	ck_assert_str_eq(out, "");
	free(out);
}
END_TEST

START_TEST(large_numbers_and_parts)
{
	char *out = renumber("第二部分 回顾\n回顾的内容。\n第四部分 打算\n打算的内容。\n");
	ck_assert_str_eq(out, "第一部分 回顾\n回顾的内容。\n第二部分 打算\n打算的内容。\n");
	free(out);
	char buf[4096] = "总结\n";
	for (int i = 1; i <= 25; i++)
		strcat(buf, "一、甲\n内容。\n");
	out = renumber(buf);
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
	tcase_add_test(tc, renumbers_by_level_when_asked);
	tcase_add_test(tc, never_renumbers_items_paragraphs_or_pages);
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
