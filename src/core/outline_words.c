/* outline_words: see outline_words.h and include/zongjie/outline.h. */
#include <config.h>

#include "outline_words.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "zongjie/outline.h"
#include "zongjie/utf8.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static bool at_word(const char *s, size_t len, size_t i, const char *w, size_t *n)
{
	size_t k = strlen(w);
	if (len - i < k || memcmp(s + i, w, k))
		return false;
	*n = k;
	return true;
}

/* ---- part kinds ------------------------------------------------------- */

typedef struct keyword {
	const char *word;
	zj_part_kind kind;
} keyword;

static const keyword part_keywords[] = {
	/* a second-half summary reports on 下半年 before it plans */
	{"下半年工作开展", ZJ_PART_ACHIEVEMENTS}, {"下半年工作完成", ZJ_PART_ACHIEVEMENTS},
	{"下半年工作情况", ZJ_PART_ACHIEVEMENTS}, {"下半年工作总结", ZJ_PART_ACHIEVEMENTS},
	{"问题", ZJ_PART_PROBLEMS}, {"不足", ZJ_PART_PROBLEMS}, {"差距", ZJ_PART_PROBLEMS},
	{"困难", ZJ_PART_PROBLEMS}, {"短板", ZJ_PART_PROBLEMS}, {"薄弱", ZJ_PART_PROBLEMS},
	{"教训", ZJ_PART_PROBLEMS}, {"缺点", ZJ_PART_PROBLEMS}, {"挑战", ZJ_PART_PROBLEMS},
	{"计划", ZJ_PART_PLAN}, {"打算", ZJ_PART_PLAN}, {"思路", ZJ_PART_PLAN},
	{"安排", ZJ_PART_PLAN}, {"下一步", ZJ_PART_PLAN}, {"下步", ZJ_PART_PLAN},
	{"明年", ZJ_PART_PLAN}, {"下半年", ZJ_PART_PLAN}, {"来年", ZJ_PART_PLAN},
	{"下学期", ZJ_PART_PLAN}, {"新学年", ZJ_PART_PLAN},
	{"展望", ZJ_PART_PLAN}, {"设想", ZJ_PART_PLAN}, {"努力方向", ZJ_PART_PLAN},
	{"今后", ZJ_PART_PLAN}, {"目标任务", ZJ_PART_PLAN}, {"工作要点", ZJ_PART_PLAN},
	{"重点任务", ZJ_PART_PLAN}, {"工作重点", ZJ_PART_PLAN},
	{"成效", ZJ_PART_ACHIEVEMENTS}, {"成绩", ZJ_PART_ACHIEVEMENTS},
	{"成果", ZJ_PART_ACHIEVEMENTS}, {"做法", ZJ_PART_ACHIEVEMENTS},
	{"总结", ZJ_PART_ACHIEVEMENTS}, {"回顾", ZJ_PART_ACHIEVEMENTS},
	{"完成情况", ZJ_PART_ACHIEVEMENTS}, {"开展情况", ZJ_PART_ACHIEVEMENTS},
	{"主要工作", ZJ_PART_ACHIEVEMENTS}, {"工作情况", ZJ_PART_ACHIEVEMENTS},
	{"履职情况", ZJ_PART_ACHIEVEMENTS},
	{"取得", ZJ_PART_ACHIEVEMENTS}, {"亮点", ZJ_PART_ACHIEVEMENTS},
	{"经验", ZJ_PART_ACHIEVEMENTS}, {"进展", ZJ_PART_ACHIEVEMENTS},
	{"荣誉", ZJ_PART_ACHIEVEMENTS}, {"表彰", ZJ_PART_ACHIEVEMENTS},
	{"业绩", ZJ_PART_ACHIEVEMENTS}, {"收获", ZJ_PART_ACHIEVEMENTS},
	{"建议", ZJ_PART_OTHER}, {"附件", ZJ_PART_OTHER}, {"附表", ZJ_PART_OTHER},
	{"说明", ZJ_PART_OTHER},
	/* English reports; matched without regard to case */
	{"problem", ZJ_PART_PROBLEMS}, {"shortcoming", ZJ_PART_PROBLEMS},
	{"weakness", ZJ_PART_PROBLEMS}, {"challenge", ZJ_PART_PROBLEMS},
	{"plan", ZJ_PART_PLAN}, {"next year", ZJ_PART_PLAN}, {"outlook", ZJ_PART_PLAN},
	{"priorities", ZJ_PART_PLAN},
	{"achievement", ZJ_PART_ACHIEVEMENTS}, {"result", ZJ_PART_ACHIEVEMENTS},
	{"review", ZJ_PART_ACHIEVEMENTS}, {"progress", ZJ_PART_ACHIEVEMENTS},
	{"appendix", ZJ_PART_OTHER},
};

/* Keywords that name a time to come: plan, unless another keyword says
 * more (下半年工作成效 in a second-half summary reports on it). */
static bool is_period(const char *w)
{
	static const char *const periods[] = {"明年", "下半年", "来年", "下学期", "新学年"};
	for (size_t k = 0; k < COUNT(periods); k++)
		if (!strcmp(w, periods[k]))
			return true;
	return false;
}

/* Verbs that turn a problem into work done (化解…问题) and a plan into
 * work done (出台…计划) when they come before it in the same clause. */
static const char *const solving_verbs[] = {
	"化解", "解决", "破解", "攻克", "清理", "整治", "根治", "消除", "补齐", "补上",
	"弥补", "克服", "缓解", "打通", "破除", "直面", "针对", "聚焦", "填补", "应对"};
static const char *const done_plan_verbs[] = {"出台", "制定", "编制", "印发", "完成",
					      "落实", "实施", "执行", "超额"};

static bool verb_before(const char *s, size_t from, size_t at, const char *const *verbs,
			size_t count)
{
	for (size_t k = 0; k < count; k++) {
		size_t n = strlen(verbs[k]);
		if (at - from >= n && memmem(s + from, at - from, verbs[k], n))
			return true;
	}
	return false;
}

/* After 困难: the people or households it describes (困难群众, 困难家庭). */
static bool needy_people(const char *s, size_t len)
{
	static const char *const who[] = {"群众", "家庭", "户", "职工", "学生", "党员", "老人",
					  "群体", "人员", "儿童", "残疾人", "企业", "对象"};
	for (size_t k = 0; k < COUNT(who); k++) {
		size_t n;
		if (at_word(s, len, 0, who[k], &n))
			return true;
	}
	return false;
}

/* The kind named by the earliest keyword of s[from, to) other than a
 * period, with the verb before it taken into account; else plan when a
 * period is named, else ZJ_PART_OPENING. */
static zj_part_kind kind_of_span(const char *s, size_t from, size_t to)
{
	bool period = false;
	for (size_t i = from; i < to; i++) {
		if (((unsigned char)s[i] & 0xC0) == 0x80)
			continue;
		for (size_t k = 0; k < COUNT(part_keywords); k++) {
			const char *w = part_keywords[k].word;
			/* the first bytes first: most positions match no keyword */
			if ((unsigned char)w[0] < 0x80 ? (s[i] | 0x20) != w[0]
						       : (w[0] != s[i] || i + 1 >= to || w[1] != s[i + 1]))
				continue;
			size_t n = strlen(w);
			if (to - i < n)
				continue;
			if (!((unsigned char)w[0] < 0x80 ? !strncasecmp(s + i, w, n)
							 : !memcmp(s + i, w, n)))
				continue;
			if (is_period(w)) {
				period = true;
				i += n - 1;
				break;
			}
			zj_part_kind kind = part_keywords[k].kind;
			if (!strcmp(w, "困难") && needy_people(s + i + n, to - i - n))
				continue; /* 困难群众 are people helped, not a problem */
			if (kind == ZJ_PART_PROBLEMS &&
			    verb_before(s, from, i, solving_verbs, COUNT(solving_verbs)))
				return ZJ_PART_ACHIEVEMENTS;
			if (kind == ZJ_PART_PLAN && !strcmp(w, "计划") &&
			    verb_before(s, from, i, done_plan_verbs, COUNT(done_plan_verbs)))
				return ZJ_PART_ACHIEVEMENTS;
			return kind;
		}
	}
	return period ? ZJ_PART_PLAN : ZJ_PART_OPENING;
}

static bool is_clause_end(int32_t c)
{
	return c == 0xFF0C || c == ',' || c == 0xFF1B || c == ';' || c == 0x3002 ||
	       c == 0xFF01 || c == '!';
}

zj_part_kind zj_part_from_heading(const char *s, size_t len, int year)
{
	/* A label before a colon decides: 展望2024：攻坚核心技术. */
	size_t colon = len;
	for (size_t i = 0; i < len;) {
		size_t n;
		int32_t c = zj_utf8_at(s, len, i, &n);
		if (c == 0xFF1A || c == ':') {
			colon = i;
			break;
		}
		i += n;
	}
	zj_part_kind kind = colon < len ? kind_of_span(s, 0, colon) : ZJ_PART_OPENING;
	if (kind != ZJ_PART_OPENING)
		return kind;
	size_t rest = colon < len ? colon + 1 : 0;
	/* Then the last clause, which says what the part is about: 迎难而上，
	 * 化解历史遗留问题; 总结经验，谋划明年. */
	size_t end = len, last = rest;
	while (end > rest) {
		size_t p = zj_utf8_cp_start(s, end - 1);
		if (!is_clause_end(zj_utf8_at(s, len, p, NULL)))
			break;
		end = p;
	}
	for (size_t i = rest; i < end;) {
		size_t n;
		int32_t c = zj_utf8_at(s, len, i, &n);
		i += n;
		if (is_clause_end(c))
			last = i;
	}
	if (last > rest && (kind = kind_of_span(s, last, end)) != ZJ_PART_OPENING)
		return kind;
	/* else the earliest keyword of the clauses before it */
	if (last > rest && (kind = kind_of_span(s, rest, last)) != ZJ_PART_OPENING)
		return kind;
	if (last == rest && (kind = kind_of_span(s, rest, end)) != ZJ_PART_OPENING)
		return kind;
	int y = outline_find_year(s, len);
	if (y && year)
		return y > year ? ZJ_PART_PLAN : ZJ_PART_ACHIEVEMENTS;
	return ZJ_PART_OPENING;
}

int outline_find_year(const char *s, size_t len)
{
	for (size_t i = 0; i + 4 < len; i++) {
		if (!(s[i] >= '0' && s[i] <= '9'))
			continue;
		if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
			continue;
		size_t k = i;
		int v = 0;
		while (k < len && k - i < 5 && s[k] >= '0' && s[k] <= '9')
			v = v * 10 + (s[k++] - '0');
		if (k - i != 4 || v < 1950 || v > 2099)
			continue;
		if ((len - k >= 3 && !memcmp(s + k, "年", 3)) ||
		    (len - k >= 6 && !memcmp(s + k, "学年", 6)))
			return v;
	}
	return 0;
}

/* ---- bare headings ---------------------------------------------------- */

/* Every word a bare part heading is made of; longest first where one
 * begins another. */
static const char *const bare_words[] = {
	"一年以来", "一年来", "新的一年", "下一步", "下半年", "下学期", "新学年", "上半年",
	"本学期", "本学年", "本年度", "不足之处", "努力方向", "明年", "来年", "今后", "下步",
	"全年", "今年", "年度", "个人", "以及", "的", "和", "及", "与", "暨", "、", "中",
	"工作", "主要", "存在", "问题", "不足", "差距", "困难", "短板", "薄弱", "打算",
	"计划", "安排", "思路", "重点", "设想", "目标", "措施", "方向", "努力", "回顾",
	"成绩", "成效", "做法", "情况", "完成", "开展", "经验", "体会", "教训", "建议",
	"意见", "取得", "收获", "亮点", "任务", "举措", "方面", "几点", "展望", "今后的",
	"总结"};

bool outline_bare_heading(const char *s, size_t len)
{
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	/* a trailing colon is allowed: 存在的主要问题： */
	if (len >= 3 && !memcmp(s + len - 3, "：", 3))
		len -= 3;
	else if (len && s[len - 1] == ':')
		len--;
	size_t i = 0;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	size_t from = i;
	if (len - from > 16 * 3 || len == from)
		return false;
	while (i < len) {
		size_t n = 0, d = i;
		while (d < len && d - i < 4 && s[d] >= '0' && s[d] <= '9')
			d++;
		if (d - i == 4 && at_word(s, len, d, "年", &n)) {
			i = d + n;
			continue;
		}
		size_t k;
		for (k = 0; k < COUNT(bare_words); k++)
			if (at_word(s, len, i, bare_words[k], &n))
				break;
		if (k == COUNT(bare_words))
			return false;
		i += n;
	}
	return zj_part_from_heading(s + from, len - from, 0) != ZJ_PART_OPENING;
}

bool outline_title_names(const char *s, size_t len, zj_part_kind kind)
{
	static const char *const plan[] = {"计划", "打算", "安排", "思路", "要点"};
	static const char *const review[] = {"总结", "回顾"};
	const char *const *w = kind == ZJ_PART_PLAN ? plan : review;
	size_t count = kind == ZJ_PART_PLAN ? COUNT(plan) : COUNT(review);
	for (size_t k = 0; k < count; k++)
		if (memmem(s, len, w[k], strlen(w[k])))
			return true;
	return false;
}

/* ---- debris ----------------------------------------------------------- */

static const char *const debris_markers[] = {
	"当前位置", "您现在的位置", "您的位置", "首页 >", "首页>", "首页 |", "首页 ›",
	"上传时间", "上传日期", "上传者", "上传人", "发布时间", "更新时间", "发布日期",
	"浏览次数", "阅读次数", "浏览：", "阅读：", "文档页数", "下载券", "格式：doc",
	"来源：网", "来源：本站", "来源：互联网", "百度文库", "道客巴巴", "豆丁网", "原创力文档",
	"文库 >", "本站", "小编", "为大家整理",
	"为您整理", "精心整理", "供大家参考", "仅供参考", "欢迎阅读", "欢迎大家借鉴",
	"如有侵权", "本文档由", "www.", "http://", "https://", "上一篇", "下一篇",
	"关注公众号", "关注微信公众号", "更多精彩内容"};

/* The markers' first characters: a marker is only looked for where the
 * line holds one of them. */
static uint64_t debris_first[0x10000 / 64];
static pthread_once_t debris_once = PTHREAD_ONCE_INIT;

static void debris_init(void)
{
	for (size_t k = 0; k < COUNT(debris_markers); k++) {
		int32_t c;
		zj_utf8_decode(debris_markers[k], strlen(debris_markers[k]), 0, &c);
		debris_first[c / 64] |= (uint64_t)1 << (c % 64);
	}
}

bool outline_debris_line(const char *s, size_t len)
{
	/* a line of at most 100 characters (a line of 100 bytes has no more) */
	if (len > 300 || (len > 100 && zj_utf8_count(s, len) > 100))
		return false;
	pthread_once(&debris_once, debris_init);
	for (size_t i = 0, n; i < len; i += n) {
		int32_t c;
		n = zj_utf8_decode(s, len, i, &c);
		if (c >= 0x10000 || !(debris_first[c / 64] >> (c % 64) & 1))
			continue;
		for (size_t k = 0; k < COUNT(debris_markers); k++) {
			const char *w = debris_markers[k];
			if (w[0] != s[i] || (n > 1 && w[n - 1] != s[i + n - 1]))
				continue; /* another first character */
			size_t m = strlen(w);
			if (len - i >= m && !memcmp(s + i, w, m))
				return true;
		}
	}
	return false;
}

/* ---- paragraphs ------------------------------------------------------- */

bool outline_plan_lead(const char *s, size_t len, int year)
{
	static const char *const leads[] = {"下一步", "下步", "明年", "新的一年", "新一年", "今后",
					    "来年", "下一年", "在新的一年", "在今后",
					    "在下一步", "展望明年", "展望新的一年"};
	size_t i = zj_skip_space(s, len, 0);
	for (size_t k = 0; k < COUNT(leads); k++) {
		size_t n = strlen(leads[k]);
		if (len - i < n || memcmp(s + i, leads[k], n))
			continue;
		return true;
	}
	char next[16];
	snprintf(next, sizeof next, "%04d年", year + 1);
	size_t n = strlen(next);
	if (!year || len - i < n || memcmp(s + i, next, n))
		return false;
	int32_t c = zj_utf8_at(s, len, i + n, NULL);
	return (c == 0xFF0C || c == ',') && memmem(s + i, len - i < 60 ? len - i : 60, "将", 3);
}

bool outline_problems_lead(const char *s, size_t len)
{
	static const char *const nouns[] = {"不足", "差距", "短板", "问题", "薄弱", "欠缺",
					    "缺点", "困难"};
	static const char *const cues[] = {"存在", "看到", "认识到", "发现", "表现在",
					   "仍有", "还有", "但", "然而", "不过"};
	/* The lead: up to the first colon or sentence end, 90 characters at most. */
	size_t lead = 0, count = 0;
	bool colon = false;
	while (lead < len && count < 90) {
		size_t n;
		int32_t c = zj_utf8_at(s, len, lead, &n);
		lead += n;
		count++;
		if (c == 0xFF1A || c == ':') {
			colon = true;
			break;
		}
		if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?')
			break;
	}
	for (size_t k = 0; k < COUNT(nouns); k++) {
		const char *hit = memmem(s, lead, nouns[k], strlen(nouns[k]));
		if (!hit)
			continue;
		size_t at = (size_t)(hit - s);
		/* a cue may follow the noun closely: 差距，主要表现在 */
		size_t cue_end = at + strlen(nouns[k]) + 9 < len ? at + strlen(nouns[k]) + 9 : len;
		if (verb_before(s, 0, at, solving_verbs, COUNT(solving_verbs)) ||
		    !verb_before(s, 0, cue_end, cues, COUNT(cues)))
			continue;
		if (colon || memmem(s, len, "一是", 6) || memmem(s, lead, "主要", 6) ||
		    memmem(s, len, "比如", 6) || memmem(s, len, "例如", 6) ||
		    memmem(s, len, "表现为", 9))
			return true;
	}
	/* a heading run into its paragraph: 不足之处：一是… 存在问题：… */
	for (size_t k = 0; colon && count <= 8 && k < COUNT(nouns); k++) {
		const char *hit = memmem(s, lead, nouns[k], strlen(nouns[k]));
		if (!hit || verb_before(s, 0, (size_t)(hit - s), solving_verbs, COUNT(solving_verbs)))
			continue;
		size_t after = (size_t)(hit - s) + strlen(nouns[k]);
		if (!needy_people(s + after, len - after))
			return true;
	}
	return false;
}

bool outline_closing_paragraph(const char *s, size_t len)
{
	static const char *const starts[] = {"以上", "总之", "总而言之", "综上", "总的来说",
					     "总的来看", "总体来看", "展望", "最后", "In summary",
					     "In conclusion", "To sum up", "Overall,"};
	size_t i = 0;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (len - i >= 6 && !memcmp(s + i, "\xE3\x80\x80\xE3\x80\x80", 6))
		i += 6;
	for (size_t k = 0; k < COUNT(starts); k++) {
		size_t n = strlen(starts[k]);
		if (len - i >= n && !strncasecmp(s + i, starts[k], n))
			return true;
	}
	const char *r = memmem(s, len, "回顾", 6);
	return r && memmem(r, len - (size_t)(r - s), "展望", 6);
}

bool outline_narrative_item(const char *s, size_t len)
{
	/* 今年3月， 2023年5月， 3月， 6月至8月， 10月中旬， */
	size_t i = 0, n;
	if (at_word(s, len, i, "今年", &n) || at_word(s, len, i, "去年", &n))
		i += n;
	size_t d = i;
	while (d < len && s[d] >= '0' && s[d] <= '9')
		d++;
	if (d - i == 4 && at_word(s, len, d, "年", &n))
		i = d = d + n;
	while (d < len && s[d] >= '0' && s[d] <= '9')
		d++;
	if (d == i || d - i > 2 || !at_word(s, len, d, "月", &n))
		return false;
	/* the date runs on to a comma within a few characters */
	for (size_t p = d + n, k = 0; p < len && k < 8; k++) {
		int32_t c = zj_utf8_at(s, len, p, &n);
		if (c == 0xFF0C || c == ',')
			return true;
		if (c == 0x3002)
			return false;
		p += n;
	}
	return false;
}
