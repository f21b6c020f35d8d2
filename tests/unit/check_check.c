/* Unit tests of the checker: each rule on texts it must flag and on
 * near-misses it must leave alone. */
#include <config.h>

#include "testutil.h"
#include "zongjie/check.h"
#include "zongjie/noise.h"
#include "zongjie/outline.h"

typedef struct rule_case {
	const char *rule;
	const char *text;
	size_t count;       /* findings of that rule */
	const char *first;  /* exact text of the first finding, or NULL */
} rule_case;

static const rule_case cases[] = {
	/* placeholder */
	{"placeholder", "开展活动xx余次。", 1, "xx"},
	{"placeholder", "开展活动12余次。", 0, NULL},
	/* percent-range */
	{"percent-range", "群众满意率达到105%。", 1, "105%"},
	{"percent-range", "任务完成率为100.5％，", 1, "100.5％"},
	{"percent-range", "同比增长125%。", 0, NULL},
	{"percent-range", "完成率较上年提高了120%。", 0, NULL},
	{"percent-range", "满意率达到98%。", 0, NULL},
	{"percent-range", "营业收入是去年的130%。", 0, NULL},
	/* part-exceeds-total */
	{"part-exceeds-total", "共培训120人，其中党员80人、群众60人。", 1,
	 "其中党员80人、群众60人"},
	{"part-exceeds-total", "累计走访50户，其中低保户60户。", 1, "60户"},
	{"part-exceeds-total", "共培训120人，其中党员80人、群众40人。", 0, NULL},
	{"part-exceeds-total", "共发放1.2万元，其中慰问金8000元、补助4000元。", 0, NULL},
	{"part-exceeds-total", "共培训120人，其中开展讲座200场。", 0, NULL},
	/* parts counted two ways overlap: by sex and by age, by party and by sex */
	{"part-exceeds-total", "全院职工共420人，其中女职工310人，35岁以下职工190人。", 0, NULL},
	{"part-exceeds-total", "共有会员90人，其中党员60人、女性50人。", 0, NULL},
	{"part-exceeds-total", "共有职工420人，其中男职工230人、女职工250人。", 1, NULL},
	/* rate-mismatch */
	{"rate-mismatch", "受理120件，办结108件，办结率95%。", 1, "95%"},
	{"rate-mismatch", "受理120件，办结108件，办结率90%。", 0, NULL},
	{"rate-mismatch", "受理300件，办结299件，办结率达99.7%。", 0, NULL},
	{"rate-mismatch", "完成率95%。", 0, NULL},
	/* date-invalid */
	{"date-invalid", "2月30日召开会议。", 1, "2月30日"},
	{"date-invalid", "2023年13月完成。", 1, "13月"},
	{"date-invalid", "2023年2月29日", 1, "2023年2月29日"},
	{"date-invalid", "2024年2月29日", 0, NULL},
	{"date-invalid", "2023年1月5日（星期三）召开", 1, "2023年1月5日（星期三"},
	{"date-invalid", "2023年1月5日（星期四）召开", 0, NULL},
	{"date-invalid", "历时13个月完成。", 0, NULL},
	{"date-invalid", "12月31日前完成。", 0, NULL},
	/* numeral-mix */
	{"numeral-mix", "二00五年参加工作。", 1, "二00五"},
	{"numeral-mix", "二〇〇五年参加工作。", 0, NULL},
	{"numeral-mix", "完成１２３件。", 1, "１２３"},
	{"numeral-mix", "完成123件。", 0, NULL},
	/* site-noise */
	{"site-noise", "第1页 / 共14页", 1, "第1页 / 共14页"},
	{"site-noise", "##paidbegin##", 1, "##paidbegin##"},
	{"site-noise", "上传人：张三", 1, "上传人：张三"},
	{"site-noise", "本文来源于www.example-fanwen.com，转载请注明出处。", 1, NULL},
	{"site-noise", "我们组织了三次文物保护宣传，来源于群众的线索有12条。", 0, NULL},
	{"site-noise", "当前位置: 首页 > 总结", 1, NULL},
	{"site-noise", "点击下载完整版文档", 1, NULL},
	{"site-noise", "第一页的内容讲的是全年的工作。", 0, NULL},
	{"site-noise", "全年共组织文艺演出十二场。", 0, NULL},
	/* stray-latin */
	{"stray-latin", "加强D建工作，D工委统筹推进。", 2, "D"},
	{"stray-latin", "创建AAA级景区和4A级景区，G20期间，B超室，A股。", 0, NULL},
	{"stray-latin", "Use the A key.", 0, NULL},
	{"stray-latin", "推行六T管理，加大R&D投入，创建三A景区。", 0, NULL},
	{"stray-latin", "学生分为A、B、C三个层次，按A和B两档评分。", 0, NULL},
	{"stray-latin", "分为A、B两组，加强D建工作。", 1, "D"},
	/* halfwidth-punct */
	{"halfwidth-punct", "我们认真学习,扎实工作;成效明显!", 3, ","},
	{"halfwidth-punct", "取得了较好的.成绩", 1, "."},
	{"halfwidth-punct", "召开会议(扩大)研究部署", 2, "("},
	{"halfwidth-punct", "Excel, Word and PowerPoint; 3.5万元，2023年工作", 0, NULL},
	{"halfwidth-punct", "(一)加强领导", 0, NULL},
	{"halfwidth-punct", "一.加强领导", 0, NULL},
	{"halfwidth-punct", "满意度达到99.2%.", 1, "."},
	{"halfwidth-punct", "Use version 1.2.", 0, NULL},
	{"halfwidth-punct", "完成5个项目，涉及3个社区。", 0, NULL},
	/* bracket-balance */
	{"bracket-balance", "开展“文明家庭评选活动。", 1, "“"},
	{"bracket-balance", "学习《条例》和《办法》。", 0, NULL},
	{"bracket-balance", "印发了《实施方案》》。", 1, "》"},
	{"bracket-balance", "开展“书香\n社区”读书活动。", 0, NULL},
	/* duplicate-paragraph */
	{"duplicate-paragraph", "全年完成各项任务指标并受到表彰。\n其他内容。\n全年完成各项任务指标并受到表彰。\n",
	 1, "全年完成各项任务指标并受到表彰。"},
	{"duplicate-paragraph", "一、成绩\n二、问题\n一、成绩\n", 0, NULL},
	/* a single underscore between Chinese characters is a gap */
	{"placeholder", "召开第_次代表大会。", 1, "_"},
	{"placeholder", "为＿社区捐赠图书。", 1, "＿"},
	{"placeholder", "文件名为report_2023.docx，已上传。", 0, NULL},
	{"placeholder", "变量名total_count写错了。", 0, NULL},
	/* site-noise: more debris, and ordinary words in a sentence */
	{"site-noise", "上一篇：学校德育工作总结 下一篇：学校教学工作计划", 1, NULL},
	{"site-noise", "免责声明：本站部分文章来自网络。", 1, NULL},
	{"site-noise", "如有侵权请联系删除", 1, NULL},
	{"site-noise", "更多精彩内容请关注本站", 1, NULL},
	{"site-noise", "下载此文档", 1, NULL},
	{"site-noise", "展开阅读全文", 1, NULL},
	{"site-noise", "手机扫码分享", 1, NULL},
	{"site-noise", "分享到：微信 微博", 1, NULL},
	{"site-noise", "开通投诉举报热线，全年受理投诉举报420件。", 0, NULL},
	{"site-noise", "编印宣传手册，供居民免费下载电子版并转发分享", 0, NULL},
	{"site-noise", "数据来源更加准确", 0, NULL},
	{"site-noise", "经验分享", 0, NULL},
	{"site-noise", "数据来源：区统计局", 0, NULL},
	{"site-noise", "来源：网络", 1, NULL},
	{"site-noise", "相关推荐：个人工作总结 | 年终工作总结 | 述职报告", 1, NULL},
	{"site-noise", "首页 > 范文大全 > 工作总结", 1, NULL},
	{"site-noise", "推行“一网通办”，群众办事由跑多次变为跑一次 | 即办即结。", 0, NULL},
	{"site-noise", "三、投诉举报办理情况", 0, NULL},
	/* part-exceeds-total by unit */
	{"part-exceeds-total",
	 "共组织巡查36次，出动人员860人次，其中白天300人次、夜间420人次、节假日200人次。", 1,
	 NULL},
	{"part-exceeds-total",
	 "共组织巡查36次，出动人员860人次，其中白天300人次、夜间420人次、节假日140人次。", 0,
	 NULL},
	{"part-exceeds-total", "共组织巡查36次，出动人员860人次，其中白天20次、夜间16次。", 0, NULL},
	{"part-exceeds-total", "共受理44起（其中书面16起、来电28起），另办理信箱件1起。", 0, NULL},
	{"part-exceeds-total", "参训人员480人次，其中干部120人次、职工400人次。", 1, NULL},
	{"part-exceeds-total", "参训人员480人次，其中干部120人次、职工360人次。", 0, NULL},
	{"part-exceeds-total", "参训人员480人次，先后到12个乡镇，其中干部120人次、职工400人次。", 0, NULL},
	/* year-mismatch in the opening and body */
	{"year-mismatch", "北岭镇2025年工作总结\n2024年，我局圆满完成任务。\n一、工作成效\n2024年全年完成投资3亿元。\n",
	 2, "2024年"},
	{"year-mismatch", "北岭镇2025年工作总结\n2025年，我局圆满完成任务。\n一、工作成效\n2020年以来，累计投资20亿元。\n"
	 "与2024年相比，投资增长12%。\n2026年，我们将继续努力。\n", 0, NULL},
	{"year-mismatch", "2024年，我局圆满完成任务。\n", 0, NULL},
	/* a plan paragraph naming a stale year; the plan's own year and a span stay silent */
	{"year-mismatch", "北岭镇2024年工作总结\n一、成效\n完成任务。\n二、2025年工作计划\n2023年，我们将扩大投资。\n",
	 1, "2023年"},
	{"year-mismatch", "北岭镇2024年工作总结\n一、成效\n完成任务。\n二、2025年工作计划\n2025年，我们将扩大投资。\n"
			  "2021年以来的经验要坚持。\n", 0, NULL},
	{"year-mismatch", "某区2021—2025年工作总结\n2023年，我区完成投资50亿元。\n一、主要成效\n2024年，新建学校3所。\n", 0, NULL},
	{"year-mismatch", "某区2025年工作总结暨2026年工作计划\n2024年，我区完成投资50亿元。\n", 1, "2024年"},
	/* spelling */
	{"spelling", "We recieve the anual report.", 2, "recieve"},
	{"spelling", "We receive the annual report via Excel and PPT.", 0, NULL},
};

static size_t run(const char *rule_id, const char *text, zj_findings *f)
{
	zj_check_options opt;
	zj_check_options_default(&opt);
	for (int r = 0; r < ZJ_RULE_COUNT; r++)
		opt.enabled[r] = false;
	zj_rule rule;
	ck_assert_msg(zj_rule_find(rule_id, &rule), "%s", rule_id);
	opt.enabled[rule] = true;
	char *notice = NULL;
	zj_checker *c = zj_checker_new(&opt, &notice);
	free(notice);
	zj_outline *o = zj_outline_build(text, strlen(text));
	memset(f, 0, sizeof *f);
	zj_check(c, text, strlen(text), o, f);
	zj_outline_free(o);
	zj_checker_free(c);
	return f->count[rule];
}

START_TEST(rules_on_both_sides)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const rule_case *k = &cases[i];
		zj_findings f;
		size_t n = run(k->rule, k->text, &f);
		zj_rule rule;
		zj_rule_find(k->rule, &rule);
		if (n != k->count)
			for (size_t j = 0; j < n; j++)
				fprintf(stderr, "  %s: '%.*s' %s\n", k->rule, (int)f.list[rule][j].len,
					k->text + f.list[rule][j].start,
					zj_finding_message(&f, &f.list[rule][j]));
		ck_assert_msg(n == k->count, "%s on '%s': %zu findings, expected %zu", k->rule,
			      k->text, n, k->count);
		if (k->first) {
			const zj_finding *x = &f.list[rule][0];
			ck_assert_msg(x->len == strlen(k->first) &&
					      !memcmp(k->text + x->start, k->first, x->len),
				      "%s on '%s': first finding '%.*s', expected '%s'", k->rule, k->text,
				      (int)x->len, k->text + x->start, k->first);
		}
		zj_findings_free(&f);
	}
}
END_TEST

START_TEST(parts_rules)
{
	zj_findings f;
	const char *no_plan = "北岭镇2025年工作总结\n一、工作成效\n完成任务。\n二、存在问题\n\n";
	/* no plan part; the problems part is empty */
	ck_assert_uint_eq(run("missing-part", no_plan, &f), 1);
	ck_assert(strstr(zj_finding_message(&f, &f.list[ZJ_RULE_MISSING_PART][0]), "plan"));
	zj_findings_free(&f);
	ck_assert_uint_eq(run("empty-part", no_plan, &f), 1);
	zj_findings_free(&f);
	const char *full = "总结\n一、成绩\n好。\n二、问题\n有。\n三、计划\n干。\n";
	ck_assert_uint_eq(run("missing-part", full, &f), 0);
	zj_findings_free(&f);
	ck_assert_uint_eq(run("empty-part", full, &f), 0);
	zj_findings_free(&f);
}
END_TEST

START_TEST(parts_rules_only_where_they_belong)
{
	zj_findings f;
	/* a fragment with no title lacks no part */
	ck_assert_uint_eq(run("missing-part", "一、工作成效\n完成任务。\n", &f), 0);
	zj_findings_free(&f);
	ck_assert_uint_eq(run("missing-part", "1、新建口袋公园3个。\n2、改造小区6个。\n", &f), 0);
	zj_findings_free(&f);
	/* top-level headings naming two parts make a summary; one finding */
	ck_assert_uint_eq(run("missing-part", "一、工作成效\n好。\n二、存在问题\n有。\n", &f), 1);
	zj_findings_free(&f);
	ck_assert_uint_eq(run("missing-part", "总结\n一、成绩\n好。\n", &f), 1);
	ck_assert(strstr(zj_finding_message(&f, &f.list[ZJ_RULE_MISSING_PART][0]), "problems, plan"));
	zj_findings_free(&f);
	/* a heading naming problems and plan stands for both */
	ck_assert_uint_eq(run("missing-part", "总结\n一、成绩\n好。\n二、存在问题和下步打算\n有。\n", &f), 0);
	zj_findings_free(&f);
	/* an achievements heading lends nothing: 化解历史遗留问题 is work done */
	ck_assert_uint_eq(run("missing-part", "总结\n一、化解历史遗留问题\n好。\n二、明年工作计划\n干。\n", &f), 1);
	zj_findings_free(&f);
	/* a numbered item that is a whole sentence is not an empty part */
	ck_assert_uint_eq(run("empty-part",
			      "1、持续推进老旧小区改造，年内完成改造小区6个。\n2、新建口袋公园3个。\n", &f), 0);
	zj_findings_free(&f);
	ck_assert_uint_eq(run("empty-part", "总结\n一、完成改造小区6个。\n二、新建公园，共3个\n", &f), 0);
	zj_findings_free(&f);
	ck_assert_uint_eq(run("empty-part", "1、工作成效\n做了。\n2、存在问题\n", &f), 1);
	zj_findings_free(&f);
	ck_assert_uint_eq(run("empty-part", "1、新建公园3个。\n2、加强队伍建设\n", &f), 0);
	zj_findings_free(&f);
}
END_TEST

/* Shown findings of a rule, and the count of the first. */
static size_t shown(const zj_findings *f, zj_rule rule, size_t *first_count)
{
	zj_findings_iter it;
	zj_findings_iter_init(&it, f);
	const zj_finding *x;
	size_t n = 0;
	while ((x = zj_findings_next(&it)))
		if (x->rule == rule && n++ == 0)
			*first_count = zj_finding_count(f, x);
	return n;
}

START_TEST(grouping)
{
	zj_findings f;
	size_t count = 0;
	/* typed on a Latin keyboard: one finding with the count */
	const char *half = "我们认真学习,扎实工作;成效明显!\n一是抓学习,二是抓落实;三是抓作风.\n";
	run("halfwidth-punct", half, &f);
	ck_assert_uint_eq(shown(&f, ZJ_RULE_HALFWIDTH_PUNCT, &count), 1);
	ck_assert_uint_eq(count, 6);
	ck_assert(strstr(zj_finding_message(&f, &f.list[ZJ_RULE_HALFWIDTH_PUNCT][0]), "(6 marks)"));
	ck_assert_uint_eq(zj_findings_total(&f), 1);
	size_t n, applied;
	char *fixed = zj_apply_fixes(half, strlen(half), &f, NULL, &n, &applied);
	ck_assert_uint_eq(applied, 6);
	ck_assert_str_eq(fixed, "我们认真学习，扎实工作；成效明显！\n一是抓学习，二是抓落实；三是抓作风。\n");
	free(fixed);
	zj_findings_free(&f);
	/* a slip in a full-width text: each mark on its own */
	const char *slip = "我们认真学习，扎实工作；成效明显！一是抓学习，二是抓落实；三是抓考核，"
			   "四是抓作风,五是抓队伍,六是抓廉政,七是抓宣传,八是抓服务,九是抓创新。";
	run("halfwidth-punct", slip, &f);
	ck_assert_uint_eq(shown(&f, ZJ_RULE_HALFWIDTH_PUNCT, &count), 5);
	ck_assert_uint_eq(count, 1);
	zj_findings_free(&f);
	/* a censored character used again and again */
	run("stray-latin", "加强D建工作，D工委统筹，各D支部落实，Q县参与。", &f);
	ck_assert_uint_eq(shown(&f, ZJ_RULE_STRAY_LATIN, &count), 2);
	ck_assert_uint_eq(count, 3);
	ck_assert(strstr(zj_finding_message(&f, &f.list[ZJ_RULE_STRAY_LATIN][0]), "3 times"));
	zj_findings_free(&f);
	run("stray-latin", "加强D建工作，D工委统筹推进。", &f);
	ck_assert_uint_eq(shown(&f, ZJ_RULE_STRAY_LATIN, &count), 2);
	zj_findings_free(&f);
	/* figures typed in full-width digits all through: one finding */
	const char *wide = "完成１项，２项，３项，４项，５项，６项，７项，８项，９项，１０项。";
	run("numeral-mix", wide, &f);
	ck_assert_uint_eq(shown(&f, ZJ_RULE_NUMERAL_MIX, &count), 1);
	ck_assert_uint_eq(count, 10);
	zj_findings_free(&f);
	run("numeral-mix", "完成１项，２项，３项。", &f);
	ck_assert_uint_eq(shown(&f, ZJ_RULE_NUMERAL_MIX, &count), 3);
	zj_findings_free(&f);
	/* gaps are errors: never grouped */
	run("placeholder", "xx人，xx人，xx人，xx人，xx人，xx人，xx人，xx人，xx人，xx人，xx人。", &f);
	ck_assert_uint_eq(shown(&f, ZJ_RULE_PLACEHOLDER, &count), 11);
	zj_findings_free(&f);
}
END_TEST

START_TEST(listed_by_rule_errors_first)
{
	zj_check_options opt;
	zj_check_options_default(&opt);
	opt.enabled[ZJ_RULE_SPELLING] = false;
	zj_checker *c = zj_checker_new(&opt, NULL);
	/* a warning (D建) before two errors (xx, 105%) in text order */
	const char *text = "加强D建。开展活动xx次，满意率105%，完成xx项。";
	zj_findings f = {0};
	zj_check(c, text, strlen(text), NULL, &f);
	size_t n = zj_findings_total(&f);
	ck_assert_uint_eq(n, 4);
	const zj_finding *order[4];
	zj_findings_by_rule(&f, order);
	ck_assert_uint_eq(order[0]->rule, ZJ_RULE_PLACEHOLDER);
	ck_assert_uint_eq(zj_findings_run(order, n, 0), 2);
	ck_assert_uint_lt(order[0]->start, order[1]->start);
	ck_assert_uint_eq(order[2]->rule, ZJ_RULE_PERCENT_RANGE);
	ck_assert_uint_eq(order[3]->rule, ZJ_RULE_STRAY_LATIN);
	ck_assert_uint_eq(zj_findings_run(order, n, 3), 1);
	zj_findings_free(&f);
	zj_checker_free(c);
}
END_TEST

START_TEST(heading_sequence_rule)
{
	zj_findings f;
	ck_assert_uint_eq(run("heading-sequence", "总结\n一、成绩\n好。\n三、计划\n干。\n", &f), 1);
	zj_findings_free(&f);
	/* （二） with no （一） */
	ck_assert_uint_eq(run("heading-sequence", "总结\n一、成绩\n（二）学习\n好。\n", &f), 1);
	zj_findings_free(&f);
	/* mixed styles at one level */
	ck_assert_uint_eq(run("heading-sequence", "一、甲\n(一)乙\n（二）丙\n", &f), 1);
	zj_findings_free(&f);
	ck_assert_uint_eq(run("heading-sequence", "一、甲\n1、乙\n2.丙\n", &f), 1);
	zj_findings_free(&f);
	/* repeated number */
	ck_assert_uint_eq(run("heading-sequence", "一、甲\n二、乙\n二、丙\n", &f), 1);
	zj_findings_free(&f);
	/* numbered paragraphs count in the sequence; sub-numbering restarts */
	ck_assert_uint_eq(run("heading-sequence",
			      "一、甲\n1、为了全面提升社区居民的健康素养和自我保健能力，街道联合辖区医院开展了形式多样的健康知识宣传活动。\n"
			      "2、乙\n二、丙\n1、丁\n", &f), 0);
	zj_findings_free(&f);
	/* each article numbers on its own */
	ck_assert_uint_eq(run("heading-sequence",
			      "甲单位工作总结 篇一\n开头。\n一、成绩\n二、问题\n\n乙单位工作总结 篇二\n开头。\n一、成绩\n",
			      &f), 0);
	zj_findings_free(&f);
}
END_TEST

START_TEST(year_rule)
{
	zj_findings f;
	ck_assert_uint_eq(run("year-mismatch", "青禾街道2023年工作总结\n一、工作成效\n好。\n二、2022年工作计划\n干。\n", &f), 1);
	zj_findings_free(&f);
	ck_assert_uint_eq(run("year-mismatch", "青禾街道2023年工作总结\n一、2023年工作成效\n好。\n二、2024年工作计划\n干。\n", &f), 0);
	zj_findings_free(&f);
	ck_assert_uint_eq(run("year-mismatch", "松林小学2024年上半年工作总结\n一、上半年工作\n好。\n二、上半年工作思路\n干。\n", &f), 1);
	zj_findings_free(&f);
	ck_assert_uint_eq(run("year-mismatch", "松林小学2024年上半年工作总结\n一、上半年工作\n好。\n二、下半年工作思路\n干。\n", &f), 0);
	zj_findings_free(&f);
}
END_TEST

START_TEST(fixes)
{
	const char *text = "我们认真学习,扎实工作;召开会议(扩大)研究。";
	zj_findings f;
	run("halfwidth-punct", text, &f);
	size_t n, applied;
	char *fixed = zj_apply_fixes(text, strlen(text), &f, NULL, &n, &applied);
	ck_assert_str_eq(fixed, "我们认真学习，扎实工作；召开会议（扩大）研究。");
	ck_assert_uint_eq(applied, 4);
	free(fixed);
	zj_findings_free(&f);
}
END_TEST

START_TEST(merged_order_and_counts)
{
	zj_check_options opt;
	zj_check_options_default(&opt);
	opt.enabled[ZJ_RULE_SPELLING] = false;
	zj_checker *c = zj_checker_new(&opt, NULL);
	const char *text = "总结\n一、成绩\n满意率105%，完成xx项,D建。\n";
	zj_outline *o = zj_outline_build(text, strlen(text));
	zj_findings f = {0};
	zj_check(c, text, strlen(text), o, &f);
	zj_findings_iter it;
	zj_findings_iter_init(&it, &f);
	size_t last = 0, n = 0;
	const zj_finding *x;
	while ((x = zj_findings_next(&it))) {
		ck_assert_uint_ge(x->start, last);
		last = x->start;
		n++;
	}
	ck_assert_uint_eq(n, zj_findings_total(&f));
	ck_assert_uint_eq(zj_findings_with_severity(&f, ZJ_SEV_ERROR), 2); /* 105% and xx */
	zj_findings_free(&f);
	zj_outline_free(o);
	zj_checker_free(c);
}
END_TEST

START_TEST(missing_dictionary_is_a_notice)
{
	zj_check_options opt;
	zj_check_options_default(&opt);
	opt.dict = "xx_NOWHERE";
	char *notice = NULL;
	zj_checker *c = zj_checker_new(&opt, &notice);
	ck_assert_ptr_nonnull(notice);
	ck_assert(strstr(notice, "xx_NOWHERE"));
	free(notice);
	zj_findings f = {0};
	zj_check(c, "We recieve.", 11, NULL, &f);
	ck_assert_uint_eq(f.count[ZJ_RULE_SPELLING], 0);
	zj_findings_free(&f);
	zj_checker_free(c);
}
END_TEST

START_TEST(noise_lines)
{
	ck_assert(zj_is_noise_line("天天范文", strlen("天天范文")));
	ck_assert(zj_is_noise_line("第2页 / 共3页", strlen("第2页 / 共3页")));
	ck_assert(!zj_is_noise_line("学习范文写作的方法，提高公文写作水平，这是我们年初定下的目标。",
				    strlen("学习范文写作的方法，提高公文写作水平，这是我们年初定下的目标。")));
	/* a site's headline over a collection of model texts */
	static const char *const headlines[] = {"学校少先队工作总结(精选5篇)", "年度工作安排汇编（5篇）",
						"社区工作总结（通用10篇）\r", "个人述职报告范文（精选三篇） "};
	for (size_t i = 0; i < sizeof headlines / sizeof headlines[0]; i++)
		ck_assert_msg(zj_is_noise_line(headlines[i], strlen(headlines[i])), "%s", headlines[i]);
	/* brackets that count a summary's own work */
	static const char *const work[] = {"全年发表论文（2篇）", "撰写调研报告（3篇）",
					   "编印优秀案例汇编（第2辑）", "精选典型经验（5篇）。",
					   "完成信息报送（12篇）"};
	for (size_t i = 0; i < sizeof work / sizeof work[0]; i++)
		ck_assert_msg(!zj_is_noise_line(work[i], strlen(work[i])), "%s", work[i]);
}
END_TEST

static Suite *check_suite(void)
{
	Suite *s = suite_create("check");
	TCase *tc = tcase_create("check");
	tcase_add_test(tc, rules_on_both_sides);
	tcase_add_test(tc, parts_rules);
	tcase_add_test(tc, parts_rules_only_where_they_belong);
	tcase_add_test(tc, grouping);
	tcase_add_test(tc, listed_by_rule_errors_first);
	tcase_add_test(tc, heading_sequence_rule);
	tcase_add_test(tc, year_rule);
	tcase_add_test(tc, fixes);
	tcase_add_test(tc, merged_order_and_counts);
	tcase_add_test(tc, missing_dictionary_is_a_notice);
	tcase_add_test(tc, noise_lines);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(check_suite());
}
