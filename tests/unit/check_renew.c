/* Unit tests of renew (years, figures, prompts) and of the stale-figure
 * rule, on texts written for them. */
#include <config.h>

#include "testutil.h"
#include "zongjie/check.h"
#include "zongjie/placeholder.h"
#include "zongjie/renew.h"
#include "zongjie/utf8.h"

/* The draft of s; fails the test when renew refuses. */
static char *renew(const char *s, int year, zj_renew_stats *st)
{
	zj_renew_options opt = {.year = year};
	zj_error err = {0};
	size_t n;
	zj_renew_stats local;
	char *out = zj_renew(s, strlen(s), &opt, &n, st ? st : &local, &err);
	ck_assert_msg(out != NULL, "renew failed: %s", err.message);
	ck_assert_uint_eq(strlen(out), n);
	return out;
}

static void assert_has(const char *draft, const char *want)
{
	ck_assert_msg(strstr(draft, want) != NULL, "draft lacks «%s»:\n%s", want, draft);
}

static void assert_lacks(const char *draft, const char *unwanted)
{
	ck_assert_msg(strstr(draft, unwanted) == NULL, "draft has «%s»:\n%s", unwanted, draft);
}

static const char annual[] =
	"城东学校2024年度工作总结暨2025年工作计划\n"
	"\n"
	"2024年，学校围绕立德树人根本任务扎实工作。自2019年以来，学校坚持“十四五”规划确定的方向。\n"
	"一、2024年工作成效\n"
	"（一）教学质量稳步提升\n"
	"全年开设校本课程28门，学生参与率达96.5%，较2023年提高3个百分点。9月10日举办表彰会，"
	"1—6月完成校舍改造投资1,250万元。\n"
	"认真执行《中华人民共和国教育法（2021年修正）》和市教委〔2024〕7号文件，第2季度完成"
	"5G校园网建设，值班电话12345678，学校位于和平路18号，2024届毕业生全部升学，每年5月举办艺术节。\n"
	"对照《学校发展规划（2021—2025年）》，2024年上半年完成中期评估。\n"
	"二、存在的问题\n"
	"一是部分教师信息化能力偏弱，仍有4间教室设备老化；二是课后服务内容还不够丰富。\n"
	"三、2025年工作计划\n"
	"（一）提升课堂效率\n"
	"力争2025年完成智慧教室改造20间。\n"
	"（二）丰富课后服务\n"
	"开设课后服务项目30个。\n";

START_TEST(years_that_move_and_years_that_stay)
{
	zj_renew_stats st;
	char *d = renew(annual, 0, &st);
	assert_has(d, "城东学校2025年度工作总结暨2026年工作计划\n");
	assert_has(d, "\n2025年，学校围绕");
	assert_has(d, "一、2025年工作成效");
	assert_has(d, "三、2026年工作计划");
	assert_has(d, "力争2026年完成");
	assert_has(d, "2025年上半年完成中期评估");
	assert_lacks(d, "2024年度");
	assert_lacks(d, "2024年上半年");
	assert_lacks(d, "2024年，");
	/* other years, ranges, laws, document numbers, cohorts */
	assert_has(d, "自2019年以来");
	char *ranges = renew("城东学校2024年工作总结\n一、工作成效\n学校被评为2022—2024年度文明单位，"
			     "获评2022-2024年度先进集体，比2020年翻一番。\n", 0, NULL);
	assert_has(ranges, "被评为2022—2024年度文明单位");
	assert_has(ranges, "获评2022-2024年度先进集体");
	assert_has(ranges, "比2020年翻一番"); /* not the year before the period: a base kept */
	free(ranges);
	assert_has(d, "较2024年提高"); /* the year compared with moves along */
	assert_has(d, "“十四五”");
	assert_has(d, "（2021—2025年）");
	assert_has(d, "（2021年修正）");
	assert_has(d, "〔2024〕7号");
	assert_has(d, "2024届毕业生");
	ck_assert_int_eq(st.from.year, 2024);
	ck_assert_int_eq(st.to.year, 2025);
	ck_assert_uint_eq(st.years, 8); /* with 较2023年 */
	free(d);
}
END_TEST

START_TEST(figures_that_become_gaps_and_figures_that_stay)
{
	zj_renew_stats st;
	char *d = renew(annual, 0, &st);
	assert_has(d, "开设校本课程【上年：28】门");
	assert_has(d, "参与率达【上年：96.5%】");
	assert_has(d, "提高【上年：3】个百分点");
	assert_has(d, "【上年：9】月【上年：10】日举办");
	assert_has(d, "【上年：1—6】月完成");
	assert_has(d, "投资【上年：1,250】万元");
	/* not results: ordinals, codes, phone and street numbers, laws */
	assert_has(d, "第2季度");
	assert_has(d, "5G校园网");
	assert_has(d, "值班电话12345678");
	assert_has(d, "和平路18号");
	assert_has(d, "每年5月举办");
	assert_has(d, "〔2024〕7号文件");
	/* the headings, the problems and the plan keep their figures */
	assert_has(d, "仍有4间教室");
	assert_has(d, "智慧教室改造20间");
	assert_has(d, "项目30个");
	ck_assert_uint_eq(st.figures, 7);
	free(d);
}
END_TEST

START_TEST(prompts_for_the_plan_and_the_problems)
{
	zj_renew_stats st;
	char *d = renew(annual, 0, &st);
	assert_has(d, "一、2025年工作成效\n【上年计划：（一）提升课堂效率】\n"
		      "【上年计划：（二）丰富课后服务】\n（一）教学质量稳步提升\n");
	assert_has(d, "二、存在的问题\n【请逐条核对上年的问题");
	ck_assert_uint_eq(st.plan_items, 2);
	ck_assert_uint_eq(st.prompts, 1);
	/* every figure and prompt is one gap; the text had none */
	ck_assert_uint_eq(zj_gaps_count(annual, strlen(annual)), 0);
	ck_assert_uint_eq(zj_gaps_count(d, strlen(d)), st.figures + st.plan_items + st.prompts);
	free(d);
}
END_TEST

static const char half[] =
	"河西社区2024年上半年工作总结\n"
	"2024年上半年，社区完成了年初确定的各项任务，上半年共走访居民860户。\n"
	"一、上半年工作开展情况\n"
	"组织志愿服务42次，确保2024年全年目标完成。\n"
	"二、存在的问题\n"
	"活动场地不足。\n"
	"三、下半年工作思路\n"
	"2024年下半年重点推进加装电梯工作。\n";

START_TEST(half_years_move_one_half)
{
	char *d = renew(half, 0, NULL);
	assert_has(d, "河西社区2024年下半年工作总结\n");
	assert_has(d, "2024年下半年，社区完成");
	assert_has(d, "下半年共走访居民【上期：860】户");
	assert_has(d, "【请逐条核对上期的问题");
	assert_has(d, "一、下半年工作开展情况");
	assert_has(d, "确保2024年全年目标");
	/* the next half of a first-half summary is in the next year */
	assert_has(d, "三、明年上半年工作思路");
	assert_has(d, "2025年上半年重点推进");
	/* the second half's draft reads back with its achievements, so the
	 * next renewal finds their figures */
	char *filled = strdup(d);
	char *hint = strstr(filled, "【上期：42】");
	ck_assert_ptr_nonnull(hint);
	memcpy(hint, "45", 2);
	memmove(hint + 2, hint + strlen("【上期：42】"), strlen(hint + strlen("【上期：42】")) + 1);
	char *d3 = renew(filled, 0, NULL);
	assert_has(d3, "组织志愿服务【上期：45】次");
	free(d3);
	free(filled);
	char *d2 = renew(d, 0, NULL);
	assert_has(d2, "河西社区2025年上半年工作总结\n");
	assert_has(d2, "三、下半年工作思路");
	assert_has(d2, "2025年下半年重点推进");
	assert_has(d2, "确保2025年全年目标");
	free(d2);
	free(d);
}
END_TEST

/* Halves named by 去年, 今年, 明年 rather than a number */
START_TEST(halves_named_by_words)
{
	static const char first[] = "北塘村2025年上半年工作总结\n"
				    "今年上半年完成道路硬化，比去年下半年多修3公里。\n"
				    "二、今年下半年工作计划\n明年上半年前完成验收。\n";
	char *d = renew(first, 0, NULL);
	assert_has(d, "北塘村2025年下半年工作总结\n");
	assert_has(d, "今年下半年完成道路硬化");
	assert_has(d, "比去年下半年多修"); /* the same half a year before: as written */
	assert_has(d, "二、明年上半年工作计划");
	assert_has(d, "明年上半年前完成验收"); /* the draft's next half already */
	char *d2 = renew(d, 0, NULL);
	assert_has(d2, "北塘村2026年上半年工作总结\n");
	assert_has(d2, "今年上半年完成道路硬化");
	assert_has(d2, "二、下半年工作计划"); /* 明年 dropped: the same year now */
	free(d2);
	free(d);
}
END_TEST

START_TEST(a_year_given)
{
	char *d = renew(annual, 2027, NULL);
	assert_has(d, "城东学校2027年度工作总结暨2028年工作计划");
	free(d);
	/* a half-year summary given a year: the same half, year on year */
	d = renew(half, 2025, NULL);
	assert_has(d, "河西社区2025年上半年工作总结");
	assert_has(d, "2025年下半年重点推进");
	assert_has(d, "三、下半年工作思路");
	free(d);
	zj_renew_options opt = {.year = 2024};
	zj_error err = {0};
	size_t n;
	ck_assert_ptr_null(zj_renew(annual, strlen(annual), &opt, &n, NULL, &err));
	ck_assert_ptr_nonnull(strstr(err.message, "2024"));
}
END_TEST

START_TEST(untouched_text_is_copied_byte_for_byte)
{
	/* no year, no figure: nothing to do; CR bytes of mixed endings stay */
	static const char plain[] = "工作总结\r\n\r\n一年来，我们认真履职，第3次会议按期召开。\n"
				    "联系人：王老师，电话0571-88886666。";
	zj_renew_stats st;
	char *d = renew(plain, 0, &st);
	ck_assert_str_eq(d, plain);
	ck_assert_uint_eq(st.undated, 1);
	free(d);
	d = renew("", 0, NULL);
	ck_assert_str_eq(d, "");
	free(d);
}
END_TEST

START_TEST(a_text_in_english)
{
	static const char en[] = "Riverside Ltd Annual Report 2024 and Plan for 2025\n"
				 "In 2024, Riverside Ltd reached 98.5% of its target.\n";
	char *d = renew(en, 0, NULL);
	assert_has(d, "Annual Report 2025 and Plan for 2026\n");
	assert_has(d, "In 2025, Riverside Ltd reached [last year: 98.5%] of");
	free(d);
}
END_TEST

START_TEST(texts_that_end_inside_a_figure)
{
	/* found by the fuzzer: the scan must not read past the text (the
	 * copies have no NUL after them, for the sanitizers) */
	static const char *const texts[] = {".77", "77", "2024", "全年开展活动12,3", "2024年上",
					    "参与12.5", "【上年：3", "一、成效\n2月"};
	for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
		size_t len = strlen(texts[k]), n;
		char *copy = malloc(len ? len : 1);
		memcpy(copy, texts[k], len);
		zj_error err = {0};
		char *d = zj_renew(copy, len, NULL, &n, NULL, &err);
		ck_assert_ptr_nonnull(d);
		ck_assert_uint_eq(zj_utf8_valid_prefix(d, n), n);
		free(d);
		free(copy);
	}
}
END_TEST

/* ---- stale-figure ---- */

static size_t stale(const char *last, const char *now, const char *want_text)
{
	zj_check_options opt;
	zj_check_options_default(&opt);
	for (int r = 0; r < ZJ_RULE_COUNT; r++)
		opt.enabled[r] = r == ZJ_RULE_STALE_FIGURE;
	opt.against = last;
	opt.against_len = strlen(last);
	zj_checker *c = zj_checker_new(&opt, NULL);
	zj_findings f = {0};
	zj_check(c, now, strlen(now), NULL, &f);
	size_t n = zj_findings_total(&f);
	bool seen = !want_text;
	zj_findings_iter it;
	zj_findings_iter_init(&it, &f);
	for (const zj_finding *x; (x = zj_findings_next(&it));)
		seen |= want_text && x->len == strlen(want_text) &&
			!memcmp(now + x->start, want_text, x->len);
	ck_assert_msg(seen, "no finding on «%s»", want_text);
	zj_findings_free(&f);
	zj_checker_free(c);
	return n;
}

static const char last_year[] =
	"2024年工作总结\n一、工作成效\n全年开展活动326场次，满意率98.5%。"
	"深入推进垃圾分类，居民知晓率明显提升，分类习惯逐步养成。\n"
	"二、2025年工作计划\n新增就业岗位500个。\n";

START_TEST(stale_figures_and_sentences_flagged)
{
	const char *now = "2025年工作总结\n一、工作成效\n全年开展活动326场次，满意率99.1%。"
			  "深入推进垃圾分类，居民知晓率明显提升，分类习惯逐步养成。\n";
	ck_assert_uint_eq(stale(last_year, now, "326场次"), 2);
	stale(last_year, now, "深入推进垃圾分类，居民知晓率明显提升，分类习惯逐步养成。");
}
END_TEST

START_TEST(updated_figures_stay_silent)
{
	/* new values; the same value in another kind of part; a short
	 * sentence; without --against nothing at all */
	const char *now = "2025年工作总结\n一、工作成效\n全年开展活动341场次，满意率99.1%。"
			  "垃圾分类覆盖全部小区，新增就业岗位500个。\n"
			  "二、2026年工作计划\n力争开展活动326场次。\n";
	ck_assert_uint_eq(stale(last_year, now, NULL), 0);
	zj_check_options opt;
	zj_check_options_default(&opt);
	zj_checker *c = zj_checker_new(&opt, NULL);
	zj_findings f = {0};
	zj_check(c, last_year, strlen(last_year), NULL, &f);
	ck_assert_uint_eq(f.count[ZJ_RULE_STALE_FIGURE], 0);
	zj_findings_free(&f);
	zj_checker_free(c);
}
END_TEST

static Suite *renew_suite(void)
{
	Suite *s = suite_create("renew");
	TCase *tc = tcase_create("renew");
	tcase_add_test(tc, years_that_move_and_years_that_stay);
	tcase_add_test(tc, figures_that_become_gaps_and_figures_that_stay);
	tcase_add_test(tc, prompts_for_the_plan_and_the_problems);
	tcase_add_test(tc, half_years_move_one_half);
	tcase_add_test(tc, halves_named_by_words);
	tcase_add_test(tc, a_year_given);
	tcase_add_test(tc, untouched_text_is_copied_byte_for_byte);
	tcase_add_test(tc, a_text_in_english);
	tcase_add_test(tc, texts_that_end_inside_a_figure);
	tcase_add_test(tc, stale_figures_and_sentences_flagged);
	tcase_add_test(tc, updated_figures_stay_silent);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(renew_suite());
}
