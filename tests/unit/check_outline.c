/* Unit tests of outline: heading detection, parts, articles. */
#include <config.h>

#include "testutil.h"
#include "zongjie/outline.h"

typedef struct heading_case {
	const char *line;
	int level;   /* 0: not a heading */
	int number;
	const char *title; /* expected title text (marker included), or NULL */
} heading_case;

static const heading_case heading_cases[] = {
	{"一、主要工作成效", 1, 1, "一、主要工作成效"},
	{"十二、其他事项", 1, 12, "十二、其他事项"},
	{"二十一、附则", 1, 21, "二十一、附则"},
	{"  三、存在的问题  ", 1, 3, "三、存在的问题"},
	{"\xE3\x80\x80\xE3\x80\x80四、下一步工作打算", 1, 4, "四、下一步工作打算"},
	{"五．工作设想", 1, 5, "五．工作设想"},
	{"第一部分 工作回顾", 1, 1, "第一部分 工作回顾"},
	{"第三章　保障措施", 1, 3, "第三章　保障措施"},
	{"（一）强化理论学习", 2, 1, "（一）强化理论学习"},
	{"(二)抓好队伍建设", 2, 2, "(二)抓好队伍建设"},
	{"（十）其他", 2, 10, "（十）其他"},
	{"（三）夯实基层基础。全年组织集中培训六期，覆盖网格员二百余人。", 2, 3,
	 "（三）夯实基层基础。"},
	{"1、落实安全责任", 3, 1, "1、落实安全责任"},
	{"2.完善考核办法", 3, 2, "2.完善考核办法"},
	{"3．加强督查问效", 3, 3, "3．加强督查问效"},
	{"12、做好信息报送", 3, 12, "12、做好信息报送"},
	{"１、全角数字编号", 3, 1, "１、全角数字编号"},
	{"4、抓好防汛工作：汛前排查隐患点位二十处。", 3, 4, "4、抓好防汛工作："},
	{"（1）完善台账", 4, 1, "（1）完善台账"},
	{"(2)规范流程", 4, 2, "(2)规范流程"},
	{"⑶健全机制", 4, 3, "⑶健全机制"},
	{"①开展宣传", 5, 1, "①开展宣传"},
	{"（一）工作思路", 2, 1, "（一）工作思路"},
	/* not headings */
	{"", 0, 0, NULL},
	{"   ", 0, 0, NULL},
	{"一是强化政治引领，二是夯实基层基础。", 0, 0, NULL},
	{"首先，要提高认识；其次，要落实责任。", 0, 0, NULL},
	{"一、二等奖各评出三名。", 0, 0, NULL},
	{"1.5万元用于购置设备。", 0, 0, NULL},
	{"2023.10.5召开推进会。", 0, 0, NULL},
	{"2023、2024两年连续获评先进。", 0, 0, NULL},
	{"1、2、3号楼完成改造。", 0, 0, NULL},
	{"今年以来，我们围绕中心工作，扎实推进各项任务。", 0, 0, NULL},
	{"一、", 0, 0, NULL},
	{"（一）", 0, 0, NULL},
	{"一，加强学习", 0, 0, NULL},
	{"第一，要坚持问题导向。", 0, 0, NULL},
	{"一方面，积极争取上级支持；另一方面，主动对接企业。", 0, 0, NULL},
	{"（注：数据截至十一月底）", 0, 0, NULL},
	{"（2023年）", 0, 0, NULL},
	{"123、编号过大不是标题", 0, 0, NULL},
	/* a numbered paragraph whose first sentence is long */
	{"1、为了全面提升社区居民的健康素养和自我保健能力，街道联合辖区医院、学校、企业开展了形式多样的健康知识宣传和义诊服务活动。",
	 0, 0, NULL},
	/* a heading line without a sentence end but too long */
	{"二、围绕中心服务大局统筹推进经济发展社会治理民生保障生态建设和党的建设各项工作取得了明显成效并受到上级充分肯定和社会各界群众普遍好评",
	 0, 0, NULL},
};

START_TEST(heading_detection)
{
	for (size_t i = 0; i < sizeof heading_cases / sizeof heading_cases[0]; i++) {
		const heading_case *c = &heading_cases[i];
		zj_heading h;
		bool is = zj_heading_parse(c->line, strlen(c->line), &h);
		ck_assert_msg(is == (c->level > 0), "case %zu '%s': heading=%d", i, c->line, is);
		if (!is)
			continue;
		ck_assert_msg(h.level == c->level, "'%s': level %d", c->line, h.level);
		ck_assert_msg(h.number == c->number, "'%s': number %d", c->line, h.number);
		size_t n = h.title_end - h.marker_start;
		ck_assert_msg(n == strlen(c->title) && !memcmp(c->line + h.marker_start, c->title, n),
			      "'%s': title '%.*s'", c->line, (int)n, c->line + h.marker_start);
	}
}
END_TEST

/* "opening achievements problems plan closing" for article k. */
static char *parts_of(const zj_outline *o, size_t k)
{
	static char buf[512];
	buf[0] = '\0';
	const zj_article *a = &o->articles[k];
	for (size_t i = 0; i < a->nparts; i++) {
		if (i)
			strcat(buf, " ");
		strcat(buf, zj_part_name(o->parts[a->first_part + i].kind));
	}
	return buf;
}

static zj_outline *build(const char *s)
{
	return zj_outline_build(s, strlen(s));
}

static const char annual[] =
	"青禾街道2025年工作总结暨2026年工作计划\n"
	"\n"
	"2025年，青禾街道在区委区政府领导下，围绕年度目标扎实工作，现将有关情况报告如下。\n"
	"\n"
	"一、2025年工作成效\n"
	"（一）经济运行稳中有进。全年完成税收xx万元，同比增长x%。\n"
	"（二）民生保障更加有力。新增就业岗位xx个。\n"
	"二、存在的问题\n"
	"一是项目储备不足；二是服务群众的精细化程度不够。\n"
	"三、2026年工作计划\n"
	"（一）抓项目促发展。\n"
	"（二）抓治理保平安。\n"
	"\n"
	"总之，新的一年我们将锐意进取，努力完成各项任务。\n";

START_TEST(annual_outline)
{
	zj_outline *o = build(annual);
	ck_assert_uint_eq(o->narticles, 1);
	ck_assert_str_eq(parts_of(o, 0), "opening achievements problems plan closing");
	const zj_article *a = &o->articles[0];
	ck_assert_int_eq(a->title_line, 0);
	ck_assert_int_eq(a->year, 2025);
	const zj_part *ach = &o->parts[1];
	ck_assert_uint_eq(ach->first_line, 4);
	ck_assert_uint_eq(ach->last_line, 6);
	ck_assert_uint_eq(ach->nsections, 2);
	ck_assert_int_eq(o->sections[ach->first_section].level, 2);
	/* chars: body only, no whitespace, heading excluded */
	ck_assert_uint_eq(o->parts[2].chars, strlen("一是项目储备不足；二是服务群众的精细化程度不够。") / 3);
	const zj_part *closing = &o->parts[4];
	ck_assert_uint_eq(closing->first_line, 13);
	zj_outline_free(o);
}
END_TEST

START_TEST(half_year_outline)
{
	zj_outline *o = build("松林小学2025年上半年工作总结\n"
			      "上半年，学校以提升教学质量为中心开展工作。\n"
			      "一、上半年主要工作\n"
			      "1、课堂教学改革稳步推进。\n"
			      "2、校园安全常抓不懈。\n"
			      "二、存在不足\n"
			      "部分青年教师经验不足。\n"
			      "三、下半年工作思路\n"
			      "1、深化课题研究。\n"
			      "2、办好秋季运动会。\n");
	ck_assert_uint_eq(o->narticles, 1);
	ck_assert_str_eq(parts_of(o, 0), "opening achievements problems plan");
	zj_outline_free(o);
}
END_TEST

START_TEST(no_problems_and_positional_parts)
{
	/* Descriptive headings without keywords are achievements until a
	 * keyword says otherwise; an unmarked heading after the plan belongs
	 * to the plan. */
	zj_outline *o = build("个人年度工作小结\n"
			      "一、坚持学习，提升能力\n"
			      "认真参加各类培训。\n"
			      "二、立足岗位，服务群众\n"
			      "全年接待来访群众xx人次。\n"
			      "三、明年打算\n"
			      "继续加强业务学习。\n"
			      "四、保障措施\n"
			      "落实责任分工。\n");
	ck_assert_str_eq(parts_of(o, 0), "opening achievements achievements plan plan");
	zj_outline_free(o);
}
END_TEST

START_TEST(three_articles)
{
	zj_outline *o = build("单位年度总结范文汇编（三篇）\n"
			      "\n"
			      "年度总结 篇一\n"
			      "过去一年，我们做了大量工作。\n"
			      "一、主要成绩\n"
			      "完成各项指标。\n"
			      "二、存在问题\n"
			      "人手紧张。\n"
			      "\n"
			      "年度总结 篇二\n"
			      "一年来，单位各项工作有序推进。\n"
			      "一、工作回顾\n"
			      "成绩明显。\n"
			      "二、下一步计划\n"
			      "再接再厉。\n"
			      "\n"
			      "东湖社区2024年工作总结\n"
			      "\n"
			      "一、取得的成效\n"
			      "社区面貌焕然一新。\n"
			      "二、不足之处\n"
			      "活动场地偏小。\n"
			      "三、2025年工作安排\n"
			      "争取新建活动中心。\n");
	ck_assert_uint_eq(o->narticles, 3);
	ck_assert_str_eq(parts_of(o, 0), "opening achievements problems");
	ck_assert_str_eq(parts_of(o, 1), "opening achievements plan");
	ck_assert_str_eq(parts_of(o, 2), "opening achievements problems plan");
	ck_assert_int_eq(o->articles[0].title_line, 2);
	ck_assert_int_eq(o->articles[1].title_line, 9);
	ck_assert_int_eq(o->articles[2].title_line, 16);
	zj_outline_free(o);
}
END_TEST

START_TEST(no_headings)
{
	zj_outline *o = build("今年我认真完成了领导交办的各项任务。\n明年我将继续努力。\n");
	ck_assert_uint_eq(o->narticles, 1);
	ck_assert_str_eq(parts_of(o, 0), "opening plan"); /* a plan without heading */
	ck_assert_int_eq(o->parts[0].heading, -1);
	zj_outline_free(o);
	o = build("");
	ck_assert_uint_eq(o->narticles, 1);
	ck_assert_str_eq(parts_of(o, 0), "opening");
	ck_assert_uint_eq(o->parts[0].chars, 0);
	zj_outline_free(o);
}
END_TEST

START_TEST(part_style_and_year_headings)
{
	/* 第X部分 headings; a bare year heading decides by the title's year;
	 * subsection headings that only say 工作思路 do not start parts. */
	zj_outline *o = build("县水利局2024年工作总结\r\n"
			      "第一部分 2024年工作\r\n"
			      "（一）工作思路\r\n"
			      "以防汛为重点。\r\n"
			      "第二部分 2025年工作\r\n"
			      "加快水库除险加固。\r\n"
			      "第三部分 意见建议\r\n"
			      "建议增加专项资金。\r\n");
	ck_assert_str_eq(parts_of(o, 0), "opening achievements plan other");
	ck_assert_uint_eq(o->parts[1].nsections, 1);
	zj_outline_free(o);
}
END_TEST

START_TEST(headings_only_at_lower_level)
{
	/* An article whose highest headings are （一） uses them as parts. */
	zj_outline *o = build("科室2024年工作总结\n"
			      "（一）业务工作扎实开展。全年办理事项xx件。\n"
			      "（二）短板弱项仍然存在。\n"
			      "（三）2025年工作打算。\n");
	ck_assert_str_eq(parts_of(o, 0), "opening achievements problems plan");
	ck_assert_uint_eq(o->parts[1].chars, 10); /* 全年办理事项xx件。 */
	zj_outline_free(o);
}
END_TEST

/* Pages copied from the web keep markup around headings: **一、…**,
 * ## 一、…, 【一、…】.  The title is what is inside; list items under a
 * heading stay its items. */
START_TEST(headings_in_markup)
{
	zj_outline *o = build("销售部2024年工作总结\n"
			      "**一、销售业绩完成情况**\n"
			      "全年销售额1200万元。\n"
			      "1. 调整客户结构。\n"
			      "2. 开拓新市场。\n"
			      "【二、存在的问题】\n"
			      "回款慢。\n"
			      "## 三、2025年工作计划\n"
			      "加强回款。\n"
			      "【请填写单位名称】\n");
	ck_assert_str_eq(parts_of(o, 0), "opening achievements problems plan");
	const zj_section *h = &o->sections[o->parts[1].heading];
	const char *text = "销售部2024年工作总结\n**一、销售业绩完成情况**\n";
	ck_assert_int_eq((int)(h->title_end - h->title_start), (int)strlen("一、销售业绩完成情况"));
	ck_assert(!memcmp(text + h->title_start, "一、销售业绩完成情况", h->title_end - h->title_start));
	ck_assert_uint_eq(o->parts[1].nsections, 2); /* 1. 2. are inside it, not parts */
	zj_outline_free(o);
	/* a bold sentence or a bracketed gap is no heading */
	zj_heading hd;
	ck_assert(!zj_heading_parse("**全年销售额1200万元**", strlen("**全年销售额1200万元**"), &hd));
	ck_assert(!zj_heading_parse("【请填写】", strlen("【请填写】"), &hd));
	ck_assert(zj_heading_parse("【一、主要成效】", strlen("【一、主要成效】"), &hd));
	ck_assert_uint_eq(hd.marker_start, strlen("【"));
	ck_assert_uint_eq(hd.end, strlen("【一、主要成效】"));
}
END_TEST

/* Parts without headings, in the order a summary tells them: the
 * opening's paragraph, the achievements after it, the problems and the
 * plan by how they open, a closing.  Only where the text has no heading
 * for them: 下一步 ending a headed section stays in it. */
START_TEST(unheaded_parts)
{
	zj_outline *o = build("村委会2024年工作总结\n"
			      "一年来，在镇党委的领导下，村两委团结带领村民做了大量工作。\n"
			      "一是修通了村组道路3公里；二是新建了文化广场。\n"
			      "此外，我们还组织了农技培训6期。\n"
			      "但也还存在一些不足：一是集体经济薄弱；二是人才短缺。\n"
			      "2025年，我们将重点发展特色种植，壮大集体经济。\n"
			      "总之，我们将继续努力，把村里的事办好。\n");
	ck_assert_str_eq(parts_of(o, 0), "opening achievements problems plan closing");
	ck_assert_uint_eq(o->parts[1].first_line, 2);
	ck_assert_uint_eq(o->parts[3].first_line, 5);
	zj_outline_free(o);
	/* a site's line after the closing does not hide it */
	o = build("某局2024年工作总结\n一、主要成效\n办结事项120件。\n二、2025年工作计划\n"
		  "加强队伍建设。\n总之，我们将继续努力。\n更多精彩内容请关注微信公众号\n");
	ck_assert_str_eq(parts_of(o, 0), "opening achievements plan closing");
	zj_outline_free(o);
	/* before a plan heading, the same */
	o = build("教师个人总结\n转眼一年过去了。\n这一年我承担了两个班的教学。\n"
		  "回顾这一年，我也认识到自己存在一些不足：一是作业设计缺乏梯度。\n"
		  "明年工作打算\n1、钻研教材。\n2、多与家长沟通。\n");
	ck_assert_str_eq(parts_of(o, 0), "opening achievements problems plan");
	zj_outline_free(o);
	/* a headed summary: 下一步 at the end of a section is that section's */
	o = build("某局2024年工作总结\n一、主要成效\n办结事项120件。\n下一步，我们将继续提速。\n"
		  "二、存在问题\n人手不足。\n三、2025年工作计划\n加强队伍建设。\n");
	ck_assert_str_eq(parts_of(o, 0), "opening achievements problems plan");
	zj_outline_free(o);
}
END_TEST

START_TEST(keyword_classification)
{
	static const struct { const char *heading; zj_part_kind kind; } cases[] = {
		{"一、主要做法和成效", ZJ_PART_ACHIEVEMENTS},
		{"二、存在的困难和问题", ZJ_PART_PROBLEMS},
		{"三、下一步工作打算", ZJ_PART_PLAN},
		{"三、存在问题及下步打算", ZJ_PART_PROBLEMS},
		{"一、工作回顾", ZJ_PART_ACHIEVEMENTS},
		{"四、明年工作思路", ZJ_PART_PLAN},
		/* a time to come plans only when nothing else is said */
		{"一、下半年工作成效", ZJ_PART_ACHIEVEMENTS},
		{"二、下半年存在的不足", ZJ_PART_PROBLEMS},
		{"三、明年上半年工作计划", ZJ_PART_PLAN},
		{"三、下学期", ZJ_PART_PLAN},
		{"二、短板和差距", ZJ_PART_PROBLEMS},
		{"五、意见建议", ZJ_PART_OTHER},
		{"二、抓实基层基础", ZJ_PART_OPENING}, /* no keyword */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		ck_assert_msg(zj_part_from_heading(cases[i].heading, strlen(cases[i].heading), 2024) ==
				      cases[i].kind,
			      "%s", cases[i].heading);
	ck_assert_int_eq(zj_part_from_heading("二、2025年工作", strlen("二、2025年工作"), 2024),
			 ZJ_PART_PLAN);
	ck_assert_int_eq(zj_part_from_heading("一、2024年工作", strlen("一、2024年工作"), 2024),
			 ZJ_PART_ACHIEVEMENTS);
}
END_TEST

START_TEST(closing_needs_other_body)
{
	/* The only paragraph of the last part is its body, not a closing. */
	zj_outline *o = build("总结\n一、成绩\n做了很多工作。\n二、打算\n以上工作将逐项落实。\n");
	ck_assert_str_eq(parts_of(o, 0), "opening achievements plan");
	zj_outline_free(o);
	o = build("总结\n一、成绩\n做了很多工作。\n二、打算\n继续努力。\n回顾过去，展望未来，我们信心满满。\n");
	ck_assert_str_eq(parts_of(o, 0), "opening achievements plan closing");
	zj_outline_free(o);
}
END_TEST

START_TEST(classification_by_meaning)
{
	static const struct { const char *heading; zj_part_kind kind; } cases[] = {
		/* the last clause says what the part is about */
		{"二、迎难而上，化解历史遗留问题", ZJ_PART_ACHIEVEMENTS},
		{"一、精心谋划，出台年度实施计划", ZJ_PART_ACHIEVEMENTS},
		{"四、总结经验，谋划明年", ZJ_PART_PLAN},
		{"三、对标先进，化解护理人力不足问题", ZJ_PART_ACHIEVEMENTS},
		{"一、直面问题，清理历史欠税", ZJ_PART_ACHIEVEMENTS},
		/* near misses: the problem stays a problem */
		{"四、正视问题，查找工作短板", ZJ_PART_PROBLEMS},
		{"三、存在的困难和问题", ZJ_PART_PROBLEMS},
		{"五、下一步工作计划", ZJ_PART_PLAN},
		/* a label before a colon decides */
		{"三、展望2024：攻坚核心技术", ZJ_PART_PLAN},
		{"一、回顾2023：聚焦主业，成果丰硕", ZJ_PART_ACHIEVEMENTS},
		/* 困难群众 are the people helped: no kind of their own */
		{"1、做好困难群众救助", ZJ_PART_OPENING},
		{"二、克服困难，按期完工", ZJ_PART_ACHIEVEMENTS},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		ck_assert_msg(zj_part_from_heading(cases[i].heading, strlen(cases[i].heading), 2023) ==
				      cases[i].kind,
			      "%s", cases[i].heading);
	/* a heading without a keyword after a problems part does not become
	 * a problem when its words are a plan's */
	zj_outline *o = build("总结\n开头。\n一、成效\n很好。\n二、存在问题\n不足。\n"
			      "三、谋划明年，再上台阶\n继续努力。\n");
	ck_assert_str_eq(parts_of(o, 0), "opening achievements problems plan");
	zj_outline_free(o);
}
END_TEST

START_TEST(unheaded_problems_paragraph)
{
	zj_outline *o = build("某街道2023年工作总结\n今年以来，我们做了很多工作。\n"
			      "一、民生\n新增岗位42个。\n二、治理\n办结率98%。\n"
			      "回顾一年来的工作，成绩是主要的，但我们也清醒地看到还存在一些短板："
			      "一是设施不均衡；二是队伍不稳定。\n");
	ck_assert_str_eq(parts_of(o, 0), "opening achievements achievements problems");
	const zj_part *p = &o->parts[3];
	ck_assert_int_eq(p->heading, -1);
	ck_assert_uint_eq(p->first_line, 6);
	zj_outline_free(o);
	/* in a text without headings, and before a closing */
	o = build("护士年终总结\n这一年我护理患者1600余人次。\n"
		  "与群众的期盼相比仍有差距，主要表现在：沟通不够。\n总之，我将继续努力。\n");
	ck_assert_str_eq(parts_of(o, 0), "opening problems closing");
	zj_outline_free(o);
	/* no problems: a solved shortfall, a problem word in the first
	 * paragraph, a problem word deep in a long paragraph; the paragraph
	 * after the opening's reports the achievements */
	o = build("协会工作小结\n一年来我们组织活动85场。\n"
		  "我们开设课堂，弥补了双职工家庭看护力量的不足，全年服务学生3200人次。\n");
	ck_assert_str_eq(parts_of(o, 0), "opening achievements");
	zj_outline_free(o);
	/* a heading run into its paragraph */
	o = build("中心工作总结\n全年门诊5.6万人次。\n不足之处：一是医生不足；二是信息化不高。\n");
	ck_assert_str_eq(parts_of(o, 0), "opening problems");
	zj_outline_free(o);
	o = build("个人总结\n全年接待咨询1.8万次。\n反思这一年的工作，自身还有许多不足之处，比如沟通技巧不够。\n");
	ck_assert_str_eq(parts_of(o, 0), "opening problems");
	zj_outline_free(o);
	o = build("个人总结\n全年接待咨询1.8万次。\n针对客户反映的问题，比如等待时间长，我们增开了窗口。\n");
	ck_assert_str_eq(parts_of(o, 0), "opening achievements");
	zj_outline_free(o);
	o = build("中心工作总结\n全年门诊5.6万人次。\n困难群众：全年救助86户。\n");
	ck_assert_str_eq(parts_of(o, 0), "opening achievements");
	zj_outline_free(o);
	o = build("个人总结\n我也存在一些不足：一是学习不够。\n明年继续努力。\n");
	ck_assert_str_eq(parts_of(o, 0), "opening plan");
	zj_outline_free(o);
	o = build("个人总结\n开头。\n时间过得真快，转眼一年又要过去了。这一年我主要做了以下工作："
		  "一是维护老客户；二是参加培训。但我也认识到自身还存在一些不足：方法不多。\n");
	ck_assert_str_eq(parts_of(o, 0), "opening achievements");
	zj_outline_free(o);
}
END_TEST

START_TEST(headings_without_number)
{
	zj_outline *o = build("银行支行2023年工作总结\n今年存款稳步增长。\n一．主要指标\n存款28亿元。\n"
			      "存在的不足\n一是成本偏高。\n明年工作打算\n一是优化结构。\n");
	ck_assert_str_eq(parts_of(o, 0), "opening achievements problems plan");
	ck_assert_int_eq(o->sections[o->parts[2].heading].marker, ZJ_MARK_NONE);
	ck_assert_int_eq(o->sections[o->parts[2].heading].level, 1);
	zj_outline_free(o);
	/* numbered items under them stay inside their part */
	o = build("个人总结\n这一年我认真工作。\n工作回顾\n1、教学\n成绩很好。\n2、管理\n班级获奖。\n"
		  "今后努力方向\n1、加强学习。\n2、关心学生。\n");
	ck_assert_str_eq(parts_of(o, 0), "opening achievements plan");
	zj_outline_free(o);
	/* must stay silent: the same words as a document's first line are its
	 * title; a line naming an organisation is not a part heading */
	o = build("2024年工作计划\n明年我们将重点做好三件事。\n");
	ck_assert_uint_eq(o->nsections, 0);
	ck_assert_int_eq(o->articles[0].title_line, 0);
	zj_outline_free(o);
	o = build("总结\n开头。\n北苑街道工作情况\n很好。\n");
	ck_assert_uint_eq(o->nsections, 0);
	zj_outline_free(o);
	/* a year's plan inside a summary that announces it is a part; after a
	 * summary that does not, the plan of its own */
	o = build("某局2023年工作总结暨2024年工作计划\n开头。\n2023年工作总结\n一、甲\n内容。\n\n"
		  "2024年工作计划\n一、乙\n内容。\n");
	ck_assert_uint_eq(o->narticles, 1);
	ck_assert_str_eq(parts_of(o, 0), "opening achievements plan");
	zj_outline_free(o);
	o = build("甲社区2023年工作总结\n开头。\n一、甲\n内容。\n\n2024年工作计划\n一、乙\n内容。\n");
	ck_assert_uint_eq(o->narticles, 2);
	zj_outline_free(o);
	/* 篇 titles keep their colon */
	o = build("总结3篇\n\n总结 篇一：\n\n开头。\n一、甲\n内容。\n\n总结 篇二：\n\n开头。\n");
	ck_assert_uint_eq(o->narticles, 2);
	zj_outline_free(o);
}
END_TEST

START_TEST(numbered_lines_that_are_not_headings)
{
	/* a dated list of events */
	zj_outline *o = build("馆员个人总结\n现将工作总结如下：\n"
			      "1、3月，我组织了亲子阅读活动，参加家庭500户。\n"
			      "2、6月至8月，我参与暑期志愿服务项目。\n"
			      "3、10月，我完成了新书编目。\n");
	ck_assert_uint_eq(o->nsections, 0);
	ck_assert_str_eq(parts_of(o, 0), "opening achievements");
	zj_outline_free(o);
	/* one-line items of a list introduced by a colon */
	o = build("个人总结\n今年我做了不少工作。\n明年，我将重点做好以下工作：\n1、加强学习。\n"
		  "2、提高能力。\n");
	ck_assert_str_eq(parts_of(o, 0), "opening plan");
	zj_outline_free(o);
	/* near miss: a single titled item after a colon is a heading */
	o = build("总结\n现将工作总结如下：\n（一）强化质量管理\n检查12次。\n（二）优化服务\n回访率100%。\n");
	ck_assert_str_eq(parts_of(o, 0), "opening achievements achievements");
	zj_outline_free(o);
}
END_TEST

/* A viewer's page chunk: page number, filler, then the given tail. */
static void add_chunk(char *buf, int page, const char *head, const char *tail)
{
	sprintf(buf + strlen(buf), "%d、%s", page, head);
	for (int i = 0; i < 12; i++)
		strcat(buf, "全镇经济社会保持平稳健康发展，各项事业取得新进步。");
	strcat(buf, tail);
}

START_TEST(page_chunks)
{
	char text[8192] = "文档页数：3  上传日期：2024-02-11\n";
	add_chunk(text, 1, "青石镇2023年度工作总结　　", "一、主要做法和成效　　产业提质增效，新建农田1万亩。二、存在的困难　　财\n");
	add_chunk(text, 2, "力薄弱。", "镇级财力仍然薄弱。三、下步打算　　做强特色产业。2023年度镇长述职报告　　本人"
				   "主持政府全面工作。一、履职情况　　带头抓落实。二、不足之处　　学习不够。三、今后打算"
				   "　　加强\n");
	strcat(text, "3、学习。\n");
	zj_outline *o = build(text);
	ck_assert_uint_eq(o->narticles, 2);
	ck_assert_str_eq(parts_of(o, 0), "opening achievements problems plan");
	ck_assert_str_eq(parts_of(o, 1), "opening achievements problems plan");
	const zj_article *a = &o->articles[0];
	ck_assert_int_eq(a->title_line, 1);
	ck_assert(!strncmp(text + a->title_start, "青石镇2023年度工作总结", a->title_end - a->title_start));
	ck_assert_uint_eq(o->lines, 5); /* the empty line after the last LF counts */
	zj_outline_free(o);
	/* a single space between Chinese words is a lost line break, and a
	 * page break right after a heading's number keeps the heading */
	char spaced[8192] = "";
	add_chunk(spaced, 1, "县卫生健康局2023年工作总结 ", "（一）医疗服务提升。新增床位。（二）\n");
	add_chunk(spaced, 2, "公共卫生。", "（三）2024年工作打算。一是建设医共体。\n");
	o = build(spaced);
	ck_assert_str_eq(parts_of(o, 0), "opening achievements achievements plan");
	ck_assert(!strncmp(spaced + o->articles[0].title_start, "县卫生健康局2023年工作总结",
			   o->articles[0].title_end - o->articles[0].title_start));
	zj_outline_free(o);
	/* a chunk cut after a sentence end still holds its headings */
	char ends[8192] = "";
	add_chunk(ends, 1, "办公室工作总结　　", "一、主要工作　　起草文稿120篇。\n");
	add_chunk(ends, 2, "", "二、存在的问题　　人少事多。\n");
	o = build(ends);
	ck_assert_str_eq(parts_of(o, 0), "opening achievements problems");
	zj_outline_free(o);
	/* must stay silent: long numbered paragraphs that end their sentences
	 * are the author's own lines */
	char own[8192] = "";
	add_chunk(own, 1, "", "。\n");
	add_chunk(own, 2, "", "。\n");
	o = build(own);
	/* their numbers are the author's: headings at the start of each line */
	ck_assert_uint_eq(o->nsections, 2);
	ck_assert_uint_eq(o->sections[1].title_start, o->sections[1].start);
	ck_assert_int_eq(o->sections[1].number, 2);
	ck_assert_uint_eq(o->lines, 3);
	zj_outline_free(o);
}
END_TEST

START_TEST(site_debris_is_not_a_title)
{
	zj_outline *o = build("当前位置：首页 > 总结报告 > 学校工作总结\n发布时间：2023-12-28  来源：本站原创\n"
			      "学校工作总结频道为大家整理的小学年度工作总结，供大家参考阅读。\n\n"
			      "实验小学2023年度工作总结\n\n今年我校工作取得新进展。\n一、教学\n成绩好。\n");
	ck_assert_uint_eq(o->narticles, 1);
	ck_assert_int_eq(o->articles[0].title_line, 4);
	zj_outline_free(o);
	/* must stay silent: a sentence of the work that names a source */
	o = build("总结\n开头。\n一、资金\n资金来源：财政拨款和社会捐助共计300万元。\n");
	ck_assert_str_eq(parts_of(o, 0), "opening achievements");
	zj_outline_free(o);
}
END_TEST

static Suite *outline_suite(void)
{
	Suite *s = suite_create("outline");
	TCase *tc = tcase_create("outline");
	tcase_add_test(tc, heading_detection);
	tcase_add_test(tc, annual_outline);
	tcase_add_test(tc, half_year_outline);
	tcase_add_test(tc, no_problems_and_positional_parts);
	tcase_add_test(tc, three_articles);
	tcase_add_test(tc, no_headings);
	tcase_add_test(tc, part_style_and_year_headings);
	tcase_add_test(tc, headings_only_at_lower_level);
	tcase_add_test(tc, headings_in_markup);
	tcase_add_test(tc, unheaded_parts);
	tcase_add_test(tc, keyword_classification);
	tcase_add_test(tc, closing_needs_other_body);
	tcase_add_test(tc, classification_by_meaning);
	tcase_add_test(tc, unheaded_problems_paragraph);
	tcase_add_test(tc, headings_without_number);
	tcase_add_test(tc, numbered_lines_that_are_not_headings);
	tcase_add_test(tc, page_chunks);
	tcase_add_test(tc, site_debris_is_not_a_title);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(outline_suite());
}
