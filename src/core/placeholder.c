/* placeholder: see include/zongjie/placeholder.h for the rules. */
#include <config.h>

#include "zongjie/placeholder.h"

#include <string.h>
#include <strings.h>

#include "zongjie/utf8.h"

const char *zj_gap_kind_name(zj_gap_kind kind)
{
	static const char *const names[] = {"NUMBER", "YEAR",  "DATE",   "NAME",
					    "ORDINAL", "BLANK", "PROMPT", "OTHER"};
	return names[kind];
}

/* ---- character classes ------------------------------------------------ */

enum filler { NOT_FILLER, FILL_X, FILL_BLANK, FILL_SYMBOL };

static enum filler filler_class(int32_t c)
{
	switch (c) {
	case 'x': case 'X': case 0xFF58: case 0xFF38: case 0x00D7:
		return FILL_X;
	case '_': case 0xFF3F:
		return FILL_BLANK;
	case 0x25CB: case 0x25A1:
		return FILL_SYMBOL;
	}
	return NOT_FILLER;
}

static bool is_dot(int32_t c)
{
	return c == '.' || c == 0xFF0E;
}

static bool is_connector(int32_t c)
{
	return c == '-' || c == '~' || c == 0xFF5E || c == 0x2014 || c == 0x2013 || c == 0xFF0D;
}


static bool is_token_core(int32_t c)
{
	return zj_is_digit(c) || filler_class(c) != NOT_FILLER;
}

/* Code point before byte i (0 at the start) and its start offset. */
static bool starts_with(const char *s, size_t len, size_t i, const char *word)
{
	size_t n = strlen(word);
	return len - i >= n && !memcmp(s + i, word, n);
}

static bool starts_with_any(const char *s, size_t len, size_t i, const char *const *words,
			    size_t count)
{
	for (size_t k = 0; k < count; k++)
		if (starts_with(s, len, i, words[k]))
			return true;
	return false;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *const name_suffixes[] = {
	"市", "省", "区", "县", "镇", "乡", "村", "街道", "街", "路", "社区", "小区", "局", "委",
	"厅", "办", "学校", "中学", "小学", "大学", "学院", "幼儿园", "医院", "公司", "集团",
	"企业", "单位", "银行", "同志", "书记", "主任", "老师", "校长", "部门", "大队", "中队",
	"支部", "协会", "中心", "基地", "园区", "广场", "州", "站", "片区", "职中", "一中",
	"二中", "日报", "分赛区", "赛区",
};

static const char *const counters[] = {
	"人", "次", "个", "名", "户", "位", "元", "万", "亿", "千", "百", "件", "项", "场", "所",
	"家", "处", "条", "起", "篇", "期", "批", "套", "台", "辆", "座", "间", "平方", "亩",
	"公里", "公斤", "公顷", "米", "吨", "天", "小时", "分钟", "年", "周", "倍", "余", "多",
	"份", "本", "张", "册", "部", "支", "队", "组", "类", "种", "笔", "例", "宗", "单", "票",
	"床", "栋", "幢", "层", "级", "分", "岁", "斤", "千克", "角", "节", "轮", "门", "首",
	"幅", "块", "棵", "株", "头", "只", "课时", "学时", "趟", "点", "班", "双", "对",
	"道", "盏", "步", "大", "户次", "人次", "场次", "%", "％", "‰", "㎡", "㎞", "立方",
};

static const char *const units_latin[] = {"km", "kg", "kWh", "kW", "cm", "mm", "m", "t",
					  "GB", "MB", "TB", "ha", "h"};

static const char *const ordinal_after[] = {"届", "次会议", "次全会", "次代表大会",
					    "次党代会", "次团代会", "次少代会"};

size_t zj_counter_len(const char *s, size_t len, size_t i)
{
	size_t best = 0;
	for (size_t k = 0; k < COUNT(counters); k++) {
		size_t n = strlen(counters[k]);
		if (n > best && starts_with(s, len, i, counters[k]))
			best = n;
	}
	return best;
}

bool zj_ordinal_after(const char *s, size_t len, size_t i)
{
	return starts_with_any(s, len, i, ordinal_after, COUNT(ordinal_after));
}

/* ---- kinds ------------------------------------------------------------ */

typedef struct token {
	size_t start, end;
	size_t fill_x, fill_blank, fill_symbol;
	bool digits, dots;
} token;

static bool year_shaped(const char *s, const token *t, const char *after_text, size_t after_len)
{
	/* 20xx 19xx 20_ 20__ 20x5, and ranges that start so */
	size_t n = t->end - t->start;
	const char *p = s + t->start;
	if (n >= 3 && (!memcmp(p, "20", 2) || !memcmp(p, "19", 2))) {
		int32_t c;
		zj_utf8_decode(p, n, 2, &c);
		if (filler_class(c) != NOT_FILLER)
			return true;
		if (zj_utf8_count(p, n) == 4)
			return true;
	}
	/* four fillers before 年: xxxx年 */
	if (zj_utf8_count(p, n) == 4 && !t->digits && !t->dots && after_len >= 3 &&
	    !memcmp(after_text, "年", 3))
		return true;
	return false;
}

/* Whether s[i..] starts with a word of list: most words are one
 * character, so compare the decoded code point before any memcmp. */
static bool starts_with_word(const char *s, size_t len, size_t i, const char *const *words,
			     size_t count)
{
	if (i >= len)
		return false;
	unsigned char b = (unsigned char)s[i];
	for (size_t k = 0; k < count; k++) {
		const char *w = words[k];
		if ((unsigned char)w[0] != b)
			continue;
		size_t n = strlen(w);
		if (len - i >= n && !memcmp(s + i, w, n))
			return true;
	}
	return false;
}

static zj_gap_kind token_kind(const char *s, size_t len, const token *t)
{
	size_t at;
	int32_t before = zj_utf8_before(s, len, t->start, &at);
	if (before == 0x7B2C /* 第 */ || starts_with_any(s, len, t->end, ordinal_after, COUNT(ordinal_after)))
		return ZJ_GAP_ORDINAL;
	if (year_shaped(s, t, s + t->end, len - t->end))
		return ZJ_GAP_YEAR;
	if (starts_with(s, len, t->end, "月") || starts_with(s, len, t->end, "日") ||
	    (before == 0x6708 /* 月 */ && starts_with(s, len, t->end, "号")))
		return ZJ_GAP_DATE;
	if (starts_with_word(s, len, t->end, counters, COUNT(counters)))
		return ZJ_GAP_NUMBER;
	if (starts_with_word(s, len, t->end, name_suffixes, COUNT(name_suffixes)))
		return ZJ_GAP_NAME;
	if (t->digits || t->dots)
		return ZJ_GAP_NUMBER;
	if (t->fill_symbol && !t->fill_x)
		return ZJ_GAP_NAME;
	if (t->fill_blank && !t->fill_x)
		return ZJ_GAP_BLANK;
	int32_t after = zj_utf8_at(s, len, t->end, NULL);
	return zj_is_han(after) ? ZJ_GAP_NAME : ZJ_GAP_NUMBER;
}

/* ---- matchers --------------------------------------------------------- */

/* Grows a token around the filler at byte i.  Returns its end even when
 * the token is not a gap, so the scan skips it whole. */
/* Widens t over glued digits (720xx) and ranges, backwards and forwards. */
static void token_extent(const char *s, size_t len, token *t)
{
	/* backwards */
	for (;;) {
		size_t p;
		int32_t c = zj_utf8_before(s, len, t->start, &p);
		if (c && zj_is_digit(c)) {
			t->start = p;
			continue;
		}
		if (c && (is_dot(c) || is_connector(c))) {
			size_t q;
			int32_t d = zj_utf8_before(s, len, p, &q);
			if (d && is_token_core(d)) {
				t->start = p;
				continue;
			}
		}
		break;
	}
	/* forward */
	size_t n;
	for (;;) {
		int32_t c = zj_utf8_at(s, len, t->end, &n);
		if (!c)
			break;
		if (is_token_core(c)) {
			t->end += n;
			continue;
		}
		if (is_dot(c) || is_connector(c)) {
			size_t m;
			int32_t d = zj_utf8_at(s, len, t->end + n, &m);
			if (d && is_token_core(d)) {
				t->end += n;
				continue;
			}
		}
		break;
	}
}

/* Counts the fillers, digits and dots t holds; returns where its last x
 * filler is. */
static size_t token_contents(const char *s, size_t len, token *t)
{
	size_t last_x = 0;
	for (size_t p = t->start; p < t->end;) {
		int32_t c;
		size_t k = zj_utf8_decode(s, len, p, &c);
		switch (filler_class(c)) {
		case FILL_X: t->fill_x++; last_x = p; break;
		case FILL_BLANK: t->fill_blank++; break;
		case FILL_SYMBOL: t->fill_symbol++; break;
		case NOT_FILLER:
			t->digits |= zj_is_digit(c);
			t->dots |= is_dot(c);
			break;
		}
		p += k;
	}
	return last_x;
}

/* Latin words and codes: Excel, xxl, 0xFF.  A lone capital before an
 * x-run is a code prefix (S xxxx road numbers); a known unit after it is
 * a measurement (xxkm). */
static bool in_latin_word(const char *s, size_t len, const token *t, int32_t before,
			  size_t before_at, int32_t after)
{
	if (zj_is_ascii_letter(before)) {
		int32_t b2 = zj_utf8_before(s, len, before_at, NULL);
		if (!(before >= 'A' && before <= 'Z' && !zj_is_ascii_letter(b2) && t->fill_x >= 2))
			return true;
	}
	if (zj_is_ascii_letter(after)) {
		bool unit = false;
		for (size_t k = 0; k < COUNT(units_latin) && !unit; k++) {
			size_t ul = strlen(units_latin[k]);
			unit = starts_with(s, len, t->end, units_latin[k]) &&
			       !zj_is_ascii_letter(zj_utf8_at(s, len, t->end + ul, NULL));
		}
		if (!unit)
			return true;
	}
	return false;
}

/* Whether the one x of t is the unknown of an equation: 2x+3=7, y=x²,
 * 3x＝9.  A template's “x+x”模式 (for “1+3”) has no coefficient: a gap. */
static bool in_equation(const token *t, int32_t before, int32_t after)
{
	bool equals = before == '=' || after == '=' || before == 0xFF1D || after == 0xFF1D;
	bool power = after == '^' || after == 0x00B2 || after == 0x00B3;
	bool plus = before == '+' || after == '+' || before == 0xFF0B || after == 0xFF0B;
	return equals || power || (plus && t->digits);
}

/* Do the fillers of t, in their context, make a gap? */
static bool fillers_make_gap(const char *s, size_t len, const token *t, size_t last_x,
			     int32_t before, int32_t after)
{
	if (t->fill_x == 1 && !t->fill_blank && !t->fill_symbol) {
		size_t xn;
		int32_t x = zj_utf8_at(s, len, last_x, &xn);
		int32_t after_x = zj_utf8_at(s, len, last_x + xn, NULL);
		int32_t before_x = zj_utf8_before(s, len, last_x, NULL);
		if (zj_is_digit(after_x))
			return false;                       /* x86, x64 */
		if (in_equation(t, before, after))
			return false;                       /* 2x+3=7, y=x² */
		if (x == 0x00D7 && zj_is_digit(before_x))
			return false;                       /* 3× */
		if (x == 'X' && (after == 0x5149 /* 光 */ || after == 0x5C04 /* 射 */ ||
				 after == 0x7EBF /* 线 */ || after == 0x578B /* 型 */ ||
				 after == 0x8F74 /* 轴 */ || after == 0x67D3 /* 染 */))
			return false;
		bool context = zj_is_cjk(before) || zj_is_cjk(after) || after == '%' ||
			       t->digits || t->dots;
		if (!context)
			return false;
	} else if (!t->fill_x && t->fill_blank && !t->fill_symbol) {
		bool year = t->end - t->start >= 3 &&
			    (!memcmp(s + t->start, "20", 2) || !memcmp(s + t->start, "19", 2));
		/* one underscore is a gap only between Chinese characters:
		 * 第_次 为_社区, not snake_case or a file name */
		bool between_han = zj_is_han(before) && zj_is_han(after);
		if (t->fill_blank < 2 && !year && !between_han)
			return false;
	} else if (!t->fill_x && !t->fill_blank && t->fill_symbol == 1) {
		if (!(zj_is_han(before) && zj_is_han(after)))
			return false;
	}
	return true;
}

static size_t match_token(const char *s, size_t len, size_t i, zj_gap *gap, bool *is_gap)
{
	token t = {.start = i, .end = i};
	*is_gap = false;
	token_extent(s, len, &t);
	size_t last_x = token_contents(s, len, &t);
	size_t before_at;
	int32_t before = zj_utf8_before(s, len, t.start, &before_at);
	int32_t after = zj_utf8_at(s, len, t.end, NULL);
	if (in_latin_word(s, len, &t, before, before_at, after) ||
	    !fillers_make_gap(s, len, &t, last_x, before, after))
		return t.end;
	gap->start = t.start;
	gap->end = t.end;
	gap->kind = token_kind(s, len, &t);
	*is_gap = true;
	return t.end;
}

/* The kind of a hint gap holding last period's value, value[0..n), that
 * ends before byte `after`: what follows decides, as for an x-run. */
static zj_gap_kind hint_kind(const char *s, size_t len, const char *value, size_t n,
			     size_t after)
{
	if (n && (value[n - 1] == '%' || (n >= 3 && (!memcmp(value + n - 3, "％", 3) ||
						     !memcmp(value + n - 3, "‰", 3)))))
		return ZJ_GAP_NUMBER;
	if (starts_with(s, len, after, "月") || starts_with(s, len, after, "日"))
		return ZJ_GAP_DATE;
	if (zj_counter_len(s, len, after))
		return ZJ_GAP_NUMBER;
	for (size_t k = 0; k < n; k++)
		if (!strchr("0123456789.,-", value[k]) && (unsigned char)value[k] < 0x80)
			return ZJ_GAP_PROMPT;
	return ZJ_GAP_NUMBER;
}

/* 【上年：326】 [last year: 326]: a figure of renew's draft, last
 * period's value kept as a hint.  One gap, its kind from what follows. */
static bool match_hint(const char *s, size_t len, size_t i, size_t open, char close,
		       zj_gap *gap)
{
	for (size_t p = open; p < len && p < open + 120 && s[p] != '\n'; p++) {
		bool end = close ? s[p] == close : starts_with(s, len, p, "】");
		if (!end)
			continue;
		if (p == open)
			return false;
		size_t after = p + (close ? 1 : 3);
		*gap = (zj_gap){i, after, hint_kind(s, len, s + open, p - open, after)};
		return true;
	}
	return false;
}

/* 【…】 asking for input. */
static bool match_prompt(const char *s, size_t len, size_t i, zj_gap *gap)
{
	if (starts_with(s, len, i + 3, "上年：") || starts_with(s, len, i + 3, "上期："))
		return match_hint(s, len, i, i + 3 + strlen("上年："), 0, gap);
	static const char *const starts[] = {"请", "填", "写", "在此", "此处", "输入", "插入", "上年计划：", "上期计划：",
					     "例", "如：", "列举", "简述", "描述", "概括", "说明"};
	static const char *const words[] = {"填写", "填入", "写明", "补充", "具体", "名称", "姓名",
					    "数字", "数据", "日期", "时间", "年份", "金额", "内容",
					    "事例", "xx", "XX", "单位", "人数", "次数", "主题", "业务",
					    "目标", "任务", "措施", "举措", "情况", "特色活动"};
	size_t open = i + 3, limit = i + 3 + 240;
	if (limit > len)
		limit = len;
	for (size_t p = open; p + 3 <= limit; p++) {
		if (s[p] == '\n')
			return false;
		if (memcmp(s + p, "】", 3))
			continue;
		if (p == open)
			return false;
		bool prompt = starts_with_any(s, p, open, starts, COUNT(starts));
		for (size_t k = 0; k < COUNT(words) && !prompt; k++)
			prompt = memmem(s + open, p - open, words[k], strlen(words[k])) != NULL;
		/* 【问题一】【重点工作二】: numbered stand-ins; not 【篇一】【第三】 */
		if (!prompt && p - open >= 6 && !starts_with(s, p, open, "篇") &&
		    !starts_with(s, p, open, "第")) {
			static const char *const numerals[] = {"一", "二", "三", "四", "五", "六", "七",
							       "八", "九", "十"};
			for (size_t k = 0; k < COUNT(numerals) && !prompt; k++)
				prompt = !memcmp(s + p - 3, numerals[k], 3);
		}
		if (!prompt)
			return false;
		gap->start = i;
		gap->end = p + 3;
		gap->kind = ZJ_GAP_PROMPT;
		return true;
	}
	return false;
}

/* [fill in: …], [insert …], [enter …]: prompts of English templates. */
static bool match_prompt_latin(const char *s, size_t len, size_t i, zj_gap *gap)
{
	static const char *const starts[] = {"fill in", "insert", "enter", "add "};
	size_t open = i + 1;
	if (starts_with(s, len, open, "last year: "))
		return match_hint(s, len, i, open + strlen("last year: "), ']', gap);
	bool prompt = false;
	for (size_t k = 0; k < COUNT(starts) && !prompt; k++)
		prompt = len - open >= strlen(starts[k]) &&
			 !strncasecmp(s + open, starts[k], strlen(starts[k]));
	if (!prompt)
		return false;
	for (size_t p = open; p < len && p < open + 200 && s[p] != '\n'; p++)
		if (s[p] == ']') {
			*gap = (zj_gap){i, p + 1, ZJ_GAP_PROMPT};
			return true;
		}
	return false;
}

/* （  ） and ( ) with only blanks inside. */
static bool match_empty_brackets(const char *s, size_t len, size_t i, bool full, zj_gap *gap)
{
	size_t p = i + (full ? 3 : 1);
	size_t blanks = 0;
	while (p < len) {
		int32_t c;
		size_t n = zj_utf8_decode(s, len, p, &c);
		if (c == ' ' || c == 0x3000 || c == 0xA0) {
			blanks++;
			p += n;
			continue;
		}
		if ((full && c == 0xFF09) || (!full && c == ')')) {
			if (!full && blanks == 0)
				return false;  /* f() in code */
			gap->start = i;
			gap->end = p + n;
			gap->kind = ZJ_GAP_BLANK;
			return true;
		}
		return false;
	}
	return false;
}

/* 待补充 待定 待填(写), not inside 期待 等待 接待 … */
static bool match_todo_cn(const char *s, size_t len, size_t i, zj_gap *gap)
{
	static const char *const words[] = {"待补充", "待填写", "待填", "待定"};
	for (size_t k = 0; k < COUNT(words); k++) {
		if (!starts_with(s, len, i, words[k]))
			continue;
		int32_t before = zj_utf8_before(s, len, i, NULL);
		/* 期待 等待 接待 对待 招待 款待 看待 善待 优待 虐待 有待 尚待 亟待 */
		static const int32_t verbs[] = {0x671F, 0x7B49, 0x63A5, 0x5BF9, 0x62DB, 0x6B3E,
						0x770B, 0x5584, 0x4F18, 0x8650, 0x6709, 0x5C1A,
						0x4E9F};
		for (size_t v = 0; v < COUNT(verbs); v++)
			if (before == verbs[v])
				return false;
		gap->start = i;
		gap->end = i + strlen(words[k]);
		gap->kind = ZJ_GAP_OTHER;
		return true;
	}
	return false;
}

static bool match_todo_latin(const char *s, size_t len, size_t i, zj_gap *gap)
{
	size_t n = starts_with(s, len, i, "TODO") ? 4 : starts_with(s, len, i, "TBD") ? 3 : 0;
	if (!n || zj_is_ascii_letter(zj_utf8_before(s, len, i, NULL)) || zj_is_ascii_letter(zj_utf8_at(s, len, i + n, NULL)))
		return false;
	gap->start = i;
	gap->end = i + n;
	gap->kind = ZJ_GAP_OTHER;
	return true;
}

/* ---- the scan --------------------------------------------------------- */

/* Bytes that can begin a gap: x X _ ( T, and the lead bytes of ×
 * (C3), ｘＸ＿（ (EF), ○□ (E2), 【 (E3), 待 (E5), 某 (E6). */
static const unsigned char trigger[256] = {
	['x'] = 1, ['X'] = 1, ['_'] = 1, ['('] = 1, ['T'] = 1, ['['] = 1,
	[0xC3] = 1, [0xE2] = 1, [0xE3] = 1, [0xE5] = 1, [0xE6] = 1, [0xEF] = 1,
};

/* Tries every matcher at byte i.  Returns the offset to continue from
 * (> i), and whether a gap was found. */
static size_t match_at(const char *s, size_t len, size_t i, zj_gap *gap, bool *found)
{
	*found = false;
	unsigned char b = (unsigned char)s[i];
	int32_t c = b;
	size_t n = 1;
	if (b >= 0x80)
		n = zj_utf8_decode(s, len, i, &c);
	if (filler_class(c) != NOT_FILLER)
		return match_token(s, len, i, gap, found);
	switch (c) {
	case 0x67D0: /* 某 */
		if (starts_with(s, len, i + 3, "某")) {
			size_t e = i + 6;
			while (starts_with(s, len, e, "某"))
				e += 3;
			*gap = (zj_gap){i, e, ZJ_GAP_NAME};
			*found = true;
			return e;
		}
		break;
	case 0x3010: /* 【 */
		if ((*found = match_prompt(s, len, i, gap)))
			return gap->end;
		break;
	case 0xFF08: case '(':
		if ((*found = match_empty_brackets(s, len, i, c == 0xFF08, gap)))
			return gap->end;
		break;
	case 0x5F85: /* 待 */
		if ((*found = match_todo_cn(s, len, i, gap)))
			return gap->end;
		break;
	case 'T':
		if ((*found = match_todo_latin(s, len, i, gap)))
			return gap->end;
		break;
	case '[':
		if ((*found = match_prompt_latin(s, len, i, gap)))
			return gap->end;
		break;
	}
	return i + n;
}

/* For a lead byte of a multi-byte character, whether the character can
 * begin a gap, judged from its first two bytes (the text is valid UTF-8). */
static bool wide_trigger(const unsigned char *u, size_t i, size_t len)
{
	if (i + 1 >= len)
		return false;
	unsigned char b = u[i], c = u[i + 1];
	switch (b) {
	case 0xC3: return c == 0x97;                /* × */
	case 0xE2: return c == 0x96 || c == 0x97;   /* □ ○ */
	case 0xE3: return c == 0x80;                /* 【 */
	case 0xE5: return c == 0xBE;                /* 待 */
	case 0xE6: return c == 0x9F;                /* 某 */
	case 0xEF: return c == 0xBC || c == 0xBD;   /* （ Ｘ ＿ ｘ */
	}
	return false;
}

bool zj_gaps_scan(const char *s, size_t len, bool (*found)(const zj_gap *gap, void *ctx),
		  void *ctx)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < len) {
		unsigned char b = u[i];
		if (b < 0x80) {
			if (!trigger[b]) {
				i++;
				continue;
			}
		} else if (!trigger[b] || !wide_trigger(u, i, len)) {
			/* skip the whole character */
			i += b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
			continue;
		}
		zj_gap gap;
		bool is_gap;
		i = match_at(s, len, i, &gap, &is_gap);
		if (is_gap && !found(&gap, ctx))
			return false;
	}
	return true;
}

/* zj_gap_next looks for the first gap at or after bound, zj_gap_prev for
 * the last one before it. */
typedef struct gap_search {
	size_t bound;
	bool before;
	zj_gap gap;
	bool any;
} gap_search;

static bool take_gap(const zj_gap *gap, void *ctx)
{
	gap_search *g = ctx;
	bool wanted = g->before ? gap->start < g->bound : gap->start >= g->bound;
	if (wanted) {
		g->gap = *gap;
		g->any = true;
	}
	/* forward, the first one wanted ends the scan; backward, the first
	 * one past the bound */
	return g->before ? wanted : !wanted;
}

/* Searches the line s[start..stop) with the bound g->bound relative to
 * start; the gap found is put back in the whole text's offsets. */
static bool search_line(const char *s, size_t start, size_t stop, gap_search *g, zj_gap *gap)
{
	zj_gaps_scan(s + start, stop - start, take_gap, g);
	if (g->any)
		*gap = (zj_gap){g->gap.start + start, g->gap.end + start, g->gap.kind};
	return g->any;
}

bool zj_gap_next(const char *s, size_t len, size_t from, zj_gap *gap)
{
	size_t line = from;
	while (line > 0 && s[line - 1] != '\n')
		line--;
	gap_search g = {.bound = from - line};
	return search_line(s, line, len, &g, gap);
}

bool zj_gap_prev(const char *s, size_t len, size_t before, zj_gap *gap)
{
	/* Line by line backwards, so a gap near the cursor is found without
	 * reading the whole document. */
	size_t limit = before, pos = before;
	for (;;) {
		size_t start = pos, stop = pos;
		while (start > 0 && s[start - 1] != '\n')
			start--;
		while (stop < len && s[stop] != '\n')
			stop++;
		gap_search g = {.bound = limit - start, .before = true};
		if (search_line(s, start, stop, &g, gap))
			return true;
		if (start == 0)
			return false;
		pos = limit = start - 1;
	}
}

static bool count_one(const zj_gap *gap, void *ctx)
{
	(void)gap;
	(*(size_t *)ctx)++;
	return true;
}

size_t zj_gaps_count(const char *s, size_t len)
{
	size_t n = 0;
	zj_gaps_scan(s, len, count_one, &n);
	return n;
}
