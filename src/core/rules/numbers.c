/* Rules on figures: percent-range, part-exceeds-total, rate-mismatch, numeral-mix. */
#include <config.h>

#include "rules/rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <math.h>
#include "i18n.h"
#include "zongjie/utf8.h"

static const char *const bounded_rates[] = {
	"完成率", "覆盖率", "满意率", "达标率", "参与率", "合格率", "通过率", "知晓率", "入园率",
	"巩固率", "及格率", "优秀率", "出勤率", "到位率", "办结率", "结案率", "化解率", "管控率",
	"上线率", "签约率", "就业率", "录取率", "升学率", "接种率", "回复率", "办理率", "执行率",
	"整改率", "缴费率", "参保率", "入学率", "普及率", "利用率", "使用率", "准确率", "正确率",
	"成功率", "治愈率", "好评率", "受益率", "占比", "比例", "比重", "覆盖面",
};

static const char *const growth_words[] = {"增长", "增幅", "增加", "同比", "环比", "上升",
					   "提高了", "提升了", "下降", "降低", "减少"};

/* Finds the last occurrence of any word of list in s[from, to). */
static size_t last_word(const char *s, size_t from, size_t to, const char *const *list,
			size_t count, size_t *word_len)
{
	size_t best = (size_t)-1;
	for (size_t k = 0; k < count; k++) {
		size_t n = strlen(list[k]);
		for (size_t p = from; p + n <= to; p++)
			if (!memcmp(s + p, list[k], n) && (best == (size_t)-1 || p > best)) {
				best = p;
				if (word_len)
					*word_len = n;
			}
	}
	return best;
}

typedef struct percent {
	size_t start, end; /* the number and its % sign */
	double value;
} percent;

/* Calls fn for every "N%" / "N％" in the text. */
static void each_percent(const char *s, size_t len,
			 void (*fn)(const char *, size_t, const percent *, void *), void *ctx)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < len; i++) {
		size_t sign;
		if (u[i] == '%')
			sign = 1;
		else if (u[i] == 0xEF && i + 2 < len && u[i + 1] == 0xBC && u[i + 2] == 0x85)
			sign = 3;
		else
			continue;
		size_t start = zj_number_start(s, i);
		if (start == i)
			continue;
		percent p = {start, i + sign, 0};
		zj_parse_number(s, len, start, &p.value);
		fn(s, len, &p, ctx);
		i += sign - 1;
	}
}

static void percent_range(const char *s, size_t len, const percent *p, void *ctx)
{
	if (p->value <= 100)
		return;
	size_t from = p->start >= 36 ? p->start - 36 : 0;
	from = zj_sentence_start(s, len, p->start) > from ? zj_sentence_start(s, len, p->start) : from;
	while (from < p->start && ((unsigned char)s[from] & 0xC0) == 0x80)
		from++;
	size_t wlen = 0;
	size_t w = last_word(s, from, p->start, bounded_rates, COUNT(bounded_rates), &wlen);
	if (w == (size_t)-1)
		return;
	if (last_word(s, w, p->start, growth_words, COUNT(growth_words), NULL) != (size_t)-1)
		return;
	zj_rule_add_msg(ctx, ZJ_RULE_PERCENT_RANGE, p->start, p->end,
		_("%.*s cannot exceed 100%% (%.*s)"), (int)wlen, s + w,
		(int)(p->end - p->start), s + p->start);
}

/* A quantity: a number with an optional 万/亿/千 and the unit after it;
 * 人次 户次 场次 are units of their own, not 人 户 场. */
typedef struct quantity {
	size_t start, end;
	double value;
	int64_t unit;
} quantity;

static size_t parse_quantity(const char *s, size_t len, size_t i, quantity *q)
{
	double v;
	size_t e = zj_parse_number(s, len, i, &v);
	if (e == i)
		return i;
	size_t n;
	int32_t c = zj_utf8_at(s, len, e, &n);
	if (c == 0x4E07) { v *= 1e4; e += n; }       /* 万 */
	else if (c == 0x4EBF) { v *= 1e8; e += n; }  /* 亿 */
	else if (c == 0x5343) { v *= 1e3; e += n; }  /* 千 */
	c = zj_utf8_at(s, len, e, &n);
	if (c == 0x4F59 || c == 0x591A) /* 余 多 */
		c = zj_utf8_at(s, len, e += n, &n);
	if (!zj_is_han(c))
		return i;
	q->start = i;
	q->end = e + n;
	q->value = v;
	q->unit = c;
	size_t m;
	if (c != 0x6B21 && zj_utf8_at(s, len, q->end, &m) == 0x6B21) { /* X次 */
		q->unit = (int64_t)c << 21 | 0x6B21;
		q->end += m;
	}
	return q->end;
}

/* Next quantity in s[i, to); returns false if none. */
static bool next_quantity(const char *s, size_t len, size_t i, size_t to, quantity *q)
{
	for (size_t p = i; p < to; p++) {
		if (!zj_is_ascii_digit(s[p]) || (p > 0 && (zj_is_ascii_digit(s[p - 1]) || s[p - 1] == '.')))
			continue;
		if (parse_quantity(s, len, p, q) > p && q->end <= to)
			return true;
	}
	return false;
}

/* The totals of a sentence: the quantities between its total word and
 * 其中, one per unit (the last one of each). */
#define MAX_TOTALS 8
typedef struct totals {
	quantity q[MAX_TOTALS];
	double sum[MAX_TOTALS];
	size_t parts[MAX_TOTALS];
	size_t n;
} totals;

static void collect_totals(const char *s, size_t len, size_t from, size_t to, totals *t)
{
	quantity q;
	t->n = 0;
	for (size_t i = from; next_quantity(s, len, i, to, &q); i = q.end) {
		size_t k = 0;
		while (k < t->n && t->q[k].unit != q.unit)
			k++;
		if (k == t->n && t->n == MAX_TOTALS)
			continue;
		t->q[k] = q;
		t->sum[k] = 0;
		t->parts[k] = 0;
		t->n += k == t->n;
	}
}

/* With no total word, the total is the figure that ends the clause right
 * before 其中 (参训人员480人次，其中…): the one the parts break down. */
static void clause_total(const char *s, size_t len, size_t from, size_t at, totals *t)
{
	t->n = 0;
	size_t e = at;
	if (e >= from + 3 && !memcmp(s + e - 3, "，", 3))
		e -= 3;
	else if (e > from && s[e - 1] == ',')
		e--;
	else
		return;
	size_t c = e;
	while (c > from) {
		size_t p;
		int32_t ch = zj_utf8_before(s, len, c, &p);
		if (ch == 0xFF0C || ch == ',' || ch == 0x3001)
			break;
		c = p;
	}
	quantity q, last = {0};
	bool any = false;
	for (size_t i = c; next_quantity(s, len, i, e, &q); i = q.end) {
		last = q;
		any = true;
	}
	if (!any || last.end != e)
		return;
	t->q[0] = last;
	t->sum[0] = 0;
	t->parts[0] = 0;
	t->n = 1;
}

/* The way of counting a part's label names (其中女职工310人 counts by sex,
 * 35岁以下职工190人 by age), as a bit; 0 when it names none.  Parts counted
 * two ways overlap: their sum says nothing about the total. */
static unsigned counting_way(const char *s, size_t from, size_t to)
{
	static const struct { const char *word; unsigned way; } words[] = {
		{"男", 1}, {"女", 1}, {"党员", 2}, {"团员", 2}, {"群众", 2},
		{"岁", 4}, {"青年", 4}, {"老年", 4}, {"学历", 8}, {"本科", 8}, {"大专", 8},
		{"专科", 8}, {"研究生", 8}, {"硕士", 8}, {"博士", 8}, {"职称", 16},
		{"高级", 16}, {"中级", 16}, {"初级", 16}, {"民族", 32}, {"残疾", 64},
	};
	unsigned ways = 0;
	for (size_t k = 0; k < COUNT(words); k++)
		if (memmem(s + from, to - from, words[k].word, strlen(words[k].word)))
			ways |= words[k].way;
	return ways;
}

/* Where the label of the part at `at` starts: after the mark that ends
 * the part before it (、，；), not before from. */
static size_t label_start(const char *s, size_t len, size_t from, size_t at)
{
	while (at > from) {
		size_t p;
		int32_t c = zj_utf8_before(s, len, at, &p);
		if (c == 0x3001 || c == 0xFF0C || c == 0xFF1B || c == ',' || c == ';')
			break;
		at = p;
	}
	return at;
}

/* Parts after 其中 are matched to the total of their own unit:
 * 出动860人次，其中白天300人次、夜间420人次 compares 人次 with 人次, not
 * with the 36次 of the same sentence. */
static void part_exceeds_total(const char *s, size_t len, zj_findings *f)
{
	static const char *const words[] = {"共", "总计", "累计", "合计", "总数", "总共"};
	const char *p = s;
	while ((p = memmem(p, len - (size_t)(p - s), "其中", 6))) {
		size_t at = (size_t)(p - s);
		p += 6;
		size_t from = zj_sentence_start(s, len, at);
		size_t w = last_word(s, from, at, words, COUNT(words), NULL);
		totals t;
		if (w != (size_t)-1)
			collect_totals(s, len, w, at, &t);
		else
			clause_total(s, len, from, at, &t);
		if (!t.n)
			continue;
		size_t end = zj_sentence_end(s, len, at);
		/* (其中…) in brackets: the parts end with the bracket */
		int32_t before = zj_utf8_before(s, len, at, NULL);
		if (before == '(' || before == 0xFF08) {
			const char *close = memmem(s + at, end - at, before == '(' ? ")" : "）",
						   before == '(' ? 1 : 3);
			end = close ? (size_t)(close - s) : end;
		}
		bool reported = false;
		quantity q;
		unsigned ways = 0;
		for (size_t i = at + 6; !reported && next_quantity(s, len, i, end, &q); i = q.end) {
			size_t k = 0;
			while (k < t.n && t.q[k].unit != q.unit)
				k++;
			if (k == t.n)
				continue;
			ways |= counting_way(s, label_start(s, len, at + 6, q.start), q.start);
			t.parts[k]++;
			t.sum[k] += q.value;
			if (q.value > t.q[k].value) {
				zj_rule_add_msg(f, ZJ_RULE_PART_EXCEEDS_TOTAL, q.start, q.end,
					_("this part (%.*s) is larger than the total (%.*s)"),
					(int)(q.end - q.start), s + q.start,
					(int)(t.q[k].end - t.q[k].start), s + t.q[k].start);
				reported = true;
			}
		}
		bool overlapping = __builtin_popcount(ways) >= 2;
		for (size_t k = 0; k < t.n && !reported && !overlapping; k++)
			if (t.parts[k] >= 2 && t.sum[k] > t.q[k].value + 1e-9) {
				zj_rule_add_msg(f, ZJ_RULE_PART_EXCEEDS_TOTAL, at, end,
					_("the parts add up to %g, more than the total (%.*s)"), t.sum[k],
					(int)(t.q[k].end - t.q[k].start), s + t.q[k].start);
				reported = true;
			}
	}
}

static void rate_mismatch(const char *s, size_t len, const percent *p, void *ctx)
{
	/* XY率(达|为|达到)?N% with a quantity after XY earlier in the sentence
	 * and a quantity of the same unit before that one. */
	size_t k = p->start;
	static const char *const links[] = {"达到", "为", "达", "是"};
	for (size_t i = 0; i < COUNT(links); i++) {
		size_t n = strlen(links[i]);
		if (k >= n && !memcmp(s + k - n, links[i], n)) {
			k -= n;
			break;
		}
	}
	if (k < 9 || memcmp(s + k - 3, "率", 3))
		return;
	size_t verb = k - 9; /* two Han characters before 率 */
	if (!zj_is_han(zj_utf8_at(s, len, verb, NULL)) || ((unsigned char)s[verb] & 0xC0) == 0x80)
		return;
	size_t from = zj_sentence_start(s, len, verb);
	/* the figure of the verb: "办结108件" */
	const char *v = NULL;
	for (const char *q = s + from; (q = memmem(q, verb - (size_t)(q - s), s + verb, 6)); q += 6)
		v = q;
	if (!v)
		return;
	quantity done, base;
	size_t after_verb = (size_t)(v - s) + 6;
	if (parse_quantity(s, len, after_verb, &done) == after_verb)
		return;
	/* the base: the last quantity of the same unit before the verb */
	bool found = false;
	quantity q;
	for (size_t i = from; next_quantity(s, len, i, (size_t)(v - s), &q); i = q.end)
		if (q.unit == done.unit) {
			base = q;
			found = true;
		}
	if (!found || base.value <= 0 || done.value > base.value)
		return;
	double real = done.value / base.value * 100;
	if (fabs(real - p->value) <= 1.0)
		return;
	zj_rule_add_msg(ctx, ZJ_RULE_RATE_MISMATCH, p->start, p->end,
		_("%.*s does not match the figures: %.*s of %.*s is %.1f%%"),
		(int)(p->end - p->start), s + p->start, (int)(done.end - done.start), s + done.start,
		(int)(base.end - base.start), s + base.start, real);
}

static bool is_cn_digit(int32_t c)
{
	return zj_cn_digit(c) >= 0;
}

/* A run of four numerals before 年 that mixes Chinese numerals with Latin
 * 0/O/o: 二00五年.  Called at a Latin 0, O or o. */
static size_t mixed_year(const char *s, size_t len, size_t at, zj_findings *f)
{
	size_t start = at;
	for (int back = 0; back < 3; back++) {
		size_t p;
		int32_t c = zj_utf8_before(s, len, start, &p);
		if (!(is_cn_digit(c) || zj_is_ascii_digit(c) || c == 'O' || c == 'o'))
			break;
		start = p;
	}
	for (size_t i = start; i <= at;) {
		size_t e = i;
		int cn = 0, latin = 0, count = 0;
		int32_t d;
		size_t m;
		while (count < 5 && (d = zj_utf8_at(s, len, e, &m)) &&
		       (is_cn_digit(d) || zj_is_ascii_digit(d) || d == 'O' || d == 'o')) {
			cn += is_cn_digit(d);
			latin += !is_cn_digit(d);
			e += m;
			count++;
		}
		int32_t before = zj_utf8_before(s, len, i, NULL);
		if (count == 4 && cn && latin && zj_starts_with(s, len, e, "年") &&
		    !zj_is_ascii_digit(before) && !is_cn_digit(before) && !zj_is_ascii_letter(before)) {
			zj_rule_add_msg(f, ZJ_RULE_NUMERAL_MIX, i, e,
				_("Latin digits in a Chinese-numeral year %.*s (write 〇 for zero)"),
				(int)(e - i), s + i);
			return e;
		}
		size_t n;
		zj_utf8_at(s, len, i, &n);
		i += n;
	}
	return at + 1;
}

static void check_numerals(const char *s, size_t len, zj_findings *f)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < len;) {
		unsigned char b = u[i];
		if (b == 0xEF && i + 2 < len && u[i + 1] == 0xBC && u[i + 2] >= 0x90 && u[i + 2] <= 0x99) {
			/* full-width digits (U+FF10..FF19) */
			size_t e = i;
			char fix[64];
			size_t k = 0;
			while (e + 2 < len && u[e] == 0xEF && u[e + 1] == 0xBC && u[e + 2] >= 0x90 &&
			       u[e + 2] <= 0x99) {
				if (k < sizeof fix - 1)
					fix[k++] = (char)('0' + u[e + 2] - 0x90);
				e += 3;
			}
			fix[k] = '\0';
			zj_rule_add_msg(f, ZJ_RULE_NUMERAL_MIX, i, e, _("full-width digits %.*s (write %s)"),
				(int)(e - i), s + i, fix);
			i = e;
		} else if ((b == '0' || b == 'O' || b == 'o') &&
			   memmem(s + i, len - i < 13 ? len - i : 13, "年", 3))
			i = mixed_year(s, len, i, f);
		else
			i++;
	}
}

void zj_run_percent_range(const zj_rule_input *in)
{
	each_percent(in->s, in->len, percent_range, in->f);
}

void zj_run_part_exceeds_total(const zj_rule_input *in)
{
	part_exceeds_total(in->s, in->len, in->f);
}

void zj_run_rate_mismatch(const zj_rule_input *in)
{
	each_percent(in->s, in->len, rate_mismatch, in->f);
}

void zj_run_numeral_mix(const zj_rule_input *in)
{
	check_numerals(in->s, in->len, in->f);
}
