/* check: see include/zongjie/check.h. */
#include <config.h>

#include "zongjie/check.h"

#include <hunspell/hunspell.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "zongjie/skeleton.h"
#include "zongjie/utf8.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const zj_rule_info rules[ZJ_RULE_COUNT] = {
	[ZJ_RULE_PLACEHOLDER] = {"placeholder", ZJ_SEV_ERROR, false, N_("unfilled gap")},
	[ZJ_RULE_MISSING_PART] = {"missing-part", ZJ_SEV_WARNING, false,
				  N_("no achievements, problems or plan part")},
	[ZJ_RULE_EMPTY_PART] = {"empty-part", ZJ_SEV_ERROR, false, N_("a part with a heading and no text")},
	[ZJ_RULE_PERCENT_RANGE] = {"percent-range", ZJ_SEV_ERROR, false,
				   N_("a rate above 100% where it cannot be")},
	[ZJ_RULE_PART_EXCEEDS_TOTAL] = {"part-exceeds-total", ZJ_SEV_ERROR, false,
					N_("parts that add up to more than their total")},
	[ZJ_RULE_RATE_MISMATCH] = {"rate-mismatch", ZJ_SEV_WARNING, false,
				   N_("a rate that contradicts its own figures")},
	[ZJ_RULE_DATE_INVALID] = {"date-invalid", ZJ_SEV_ERROR, false,
				  N_("an impossible date or a wrong weekday")},
	[ZJ_RULE_HEADING_SEQUENCE] = {"heading-sequence", ZJ_SEV_WARNING, false,
				      N_("heading numbers that skip, repeat or mix styles")},
	[ZJ_RULE_NUMERAL_MIX] = {"numeral-mix", ZJ_SEV_WARNING, false,
				 N_("Latin digits in a Chinese-numeral year, full-width digits")},
	[ZJ_RULE_SITE_NOISE] = {"site-noise", ZJ_SEV_WARNING, false,
				N_("model-site debris left in the text")},
	[ZJ_RULE_YEAR_MISMATCH] = {"year-mismatch", ZJ_SEV_WARNING, false,
				   N_("a year or half-year that contradicts the title")},
	[ZJ_RULE_STRAY_LATIN] = {"stray-latin", ZJ_SEV_WARNING, false,
				 N_("a lone Latin capital inside Chinese text")},
	[ZJ_RULE_HALFWIDTH_PUNCT] = {"halfwidth-punct", ZJ_SEV_WARNING, true,
				     N_("half-width punctuation in Chinese text")},
	[ZJ_RULE_BRACKET_BALANCE] = {"bracket-balance", ZJ_SEV_WARNING, false,
				     N_("unbalanced quotes or brackets")},
	[ZJ_RULE_DUPLICATE_PARAGRAPH] = {"duplicate-paragraph", ZJ_SEV_WARNING, false,
					 N_("the same paragraph twice")},
	[ZJ_RULE_SPELLING] = {"spelling", ZJ_SEV_WARNING, false, N_("a misspelt Latin-script word")},
	[ZJ_RULE_LENGTH] = {"length", ZJ_SEV_INFO, false,
			    N_("a part shorter or longer than its skeleton suggests")},
};

const zj_rule_info *zj_rule_get(zj_rule rule)
{
	return &rules[rule];
}

bool zj_rule_find(const char *id, zj_rule *rule)
{
	for (int i = 0; i < ZJ_RULE_COUNT; i++)
		if (!strcmp(rules[i].id, id)) {
			*rule = (zj_rule)i;
			return true;
		}
	return false;
}

const char *zj_severity_name(zj_severity sev)
{
	return sev == ZJ_SEV_ERROR ? "error" : sev == ZJ_SEV_WARNING ? "warning" : "info";
}

/* ---- findings --------------------------------------------------------- */

void zj_findings_free(zj_findings *f)
{
	for (int i = 0; i < ZJ_RULE_COUNT; i++)
		free(f->list[i]);
	zj_buf_free(&f->arena);
	memset(f, 0, sizeof *f);
}

size_t zj_findings_total(const zj_findings *f)
{
	size_t n = 0;
	for (int i = 0; i < ZJ_RULE_COUNT; i++)
		n += f->count[i];
	return n;
}

size_t zj_findings_with_severity(const zj_findings *f, zj_severity sev)
{
	size_t n = 0;
	for (int i = 0; i < ZJ_RULE_COUNT; i++)
		for (size_t k = 0; k < f->count[i]; k++)
			n += f->list[i][k].severity == sev;
	return n;
}

static uint32_t arena_add(zj_findings *f, const char *s)
{
	if (f->arena.len == 0)
		zj_buf_putc(&f->arena, '\0'); /* offset 0 means "none" */
	uint32_t at = (uint32_t)f->arena.len;
	zj_buf_append(&f->arena, s, strlen(s) + 1);
	return at;
}

static zj_finding *add(zj_findings *f, zj_rule rule, size_t start, size_t end)
{
	zj_grow((void **)&f->list[rule], &f->cap[rule], f->count[rule] + 1, sizeof(zj_finding));
	zj_finding *x = &f->list[rule][f->count[rule]++];
	*x = (zj_finding){.start = (uint32_t)start, .len = (uint32_t)(end - start),
			  .rule = (uint8_t)rule,
			  .severity = (uint8_t)rules[rule].severity, .kind = -1};
	return x;
}

static void add_msg(zj_findings *f, zj_rule rule, size_t start, size_t end, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
static void add_msg(zj_findings *f, zj_rule rule, size_t start, size_t end, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	uint32_t at = arena_add(f, msg);
	add(f, rule, start, end)->extra = at;
}

static const char *gap_message(zj_gap_kind kind)
{
	switch (kind) {
	case ZJ_GAP_NUMBER: return _("unfilled number");
	case ZJ_GAP_YEAR: return _("unfilled year");
	case ZJ_GAP_DATE: return _("unfilled date");
	case ZJ_GAP_NAME: return _("unfilled name");
	case ZJ_GAP_ORDINAL: return _("unfilled ordinal");
	case ZJ_GAP_BLANK: return _("unfilled blank");
	case ZJ_GAP_PROMPT: return _("unanswered prompt");
	case ZJ_GAP_OTHER: break;
	}
	return _("to-do mark left in the text");
}

const char *zj_finding_message(const zj_findings *f, const zj_finding *x)
{
	if (x->rule == ZJ_RULE_DUPLICATE_PARAGRAPH) {
		static char buf[128];
		snprintf(buf, sizeof buf, _("this paragraph repeats line %ld"), (long)x->extra);
		return buf;
	}
	if (x->extra)
		return f->arena.data + x->extra;
	if (x->rule == ZJ_RULE_PLACEHOLDER)
		return gap_message((zj_gap_kind)x->kind);
	return _(rules[x->rule].summary);
}

const char *zj_finding_fix(const zj_findings *f, const zj_finding *x)
{
	if (!x->has_fix)
		return NULL;
	const char *msg = f->arena.data + x->extra;
	return msg + strlen(msg) + 1;
}

void zj_findings_iter_init(zj_findings_iter *it, const zj_findings *f)
{
	memset(it, 0, sizeof *it);
	it->f = f;
}

const zj_finding *zj_findings_next(zj_findings_iter *it)
{
	const zj_finding *best = NULL;
	int best_rule = -1;
	for (int r = 0; r < ZJ_RULE_COUNT; r++) {
		if (it->pos[r] >= it->f->count[r])
			continue;
		const zj_finding *x = &it->f->list[r][it->pos[r]];
		if (!best || x->start < best->start) {
			best = x;
			best_rule = r;
		}
	}
	if (best)
		it->pos[best_rule]++;
	return best;
}

/* ---- text helpers ----------------------------------------------------- */

static bool starts_with(const char *s, size_t len, size_t i, const char *w)
{
	size_t n = strlen(w);
	return len - i >= n && !memcmp(s + i, w, n);
}

static bool is_ascii_digit(int32_t c)
{
	return c >= '0' && c <= '9';
}

static bool is_letter(int32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Line iteration: calls fn for each line [start, end) (CR excluded). */
typedef void (*line_fn)(const char *s, size_t len, size_t start, size_t end, void *ctx);
static void each_line(const char *s, size_t len, line_fn fn, void *ctx)
{
	for (size_t pos = 0; pos <= len;) {
		const char *nl = memchr(s + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - s) : len;
		size_t e = end > pos && s[end - 1] == '\r' ? end - 1 : end;
		fn(s, len, pos, e, ctx);
		if (!nl)
			break;
		pos = end + 1;
	}
}

/* Parses an ASCII decimal number at s[i]: returns its end (i if none). */
static size_t parse_number(const char *s, size_t len, size_t i, double *value)
{
	size_t p = i;
	double v = 0;
	while (p < len && is_ascii_digit(s[p]))
		v = v * 10 + (s[p++] - '0');
	if (p == i)
		return i;
	if (p + 1 < len && s[p] == '.' && is_ascii_digit(s[p + 1])) {
		double scale = 0.1;
		p++;
		while (p < len && is_ascii_digit(s[p])) {
			v += (s[p++] - '0') * scale;
			scale /= 10;
		}
	}
	*value = v;
	return p;
}

/* Start of the number that ends at byte e (digits and one dot). */
static size_t number_start(const char *s, size_t e)
{
	size_t p = e;
	while (p > 0 && (is_ascii_digit(s[p - 1]) || (s[p - 1] == '.' && p >= 2 && is_ascii_digit(s[p - 2]))))
		p--;
	return p;
}

/* Sentence bounds around i: after the previous 。；！？ or line start, up to
 * the next one or line end. */
static bool is_sentence_stop(int32_t c)
{
	return c == 0x3002 || c == 0xFF1B || c == 0xFF01 || c == 0xFF1F || c == '\n';
}

/* Sentences are searched at most this far, so a huge text without a full
 * stop costs linear time, not quadratic. */
#define SENTENCE_REACH 600

static size_t sentence_start(const char *s, size_t len, size_t i)
{
	size_t limit = i > SENTENCE_REACH ? i - SENTENCE_REACH : 0;
	while (i > limit) {
		size_t p;
		int32_t c = zj_utf8_before(s, len, i, &p);
		if (is_sentence_stop(c))
			break;
		i = p;
	}
	return i;
}

static size_t sentence_end(const char *s, size_t len, size_t i)
{
	size_t limit = len - i > SENTENCE_REACH ? i + SENTENCE_REACH : len;
	while (i < limit) {
		size_t n;
		int32_t c = zj_utf8_at(s, len, i, &n);
		if (is_sentence_stop(c))
			break;
		i += n;
	}
	return i;
}

/* ---- placeholder ------------------------------------------------------ */

static bool on_gap(const zj_gap *gap, void *ctx)
{
	zj_finding *x = add(ctx, ZJ_RULE_PLACEHOLDER, gap->start, gap->end);
	x->kind = (int8_t)gap->kind;
	return true;
}

/* ---- parts ------------------------------------------------------------ */

static size_t line_end_at(const char *s, size_t len, size_t i)
{
	const char *nl = memchr(s + i, '\n', len - i);
	size_t e = nl ? (size_t)(nl - s) : len;
	return e > i && s[e - 1] == '\r' ? e - 1 : e;
}

static void check_parts(const char *s, size_t len, const zj_outline *o, zj_findings *f,
			const bool *on)
{
	for (size_t ai = 0; ai < o->narticles; ai++) {
		const zj_article *a = &o->articles[ai];
		bool have[ZJ_PART_KINDS] = {0};
		for (size_t pi = 0; pi < a->nparts; pi++) {
			const zj_part *p = &o->parts[a->first_part + pi];
			have[p->kind] = true;
			if (on[ZJ_RULE_EMPTY_PART] && p->heading >= 0 && p->chars == 0) {
				const zj_section *h = &o->sections[p->heading];
				add_msg(f, ZJ_RULE_EMPTY_PART, h->title_start, h->title_end,
					_("the part \"%.*s\" has no text"),
					(int)(h->title_end - h->title_start), s + h->title_start);
			}
		}
		if (!on[ZJ_RULE_MISSING_PART])
			continue;
		size_t at = a->title_line >= 0 ? a->title_start : a->start;
		size_t end = a->title_line >= 0 ? a->title_end : line_end_at(s, len, a->start);
		static const struct { zj_part_kind kind; const char *msg; } wanted[] = {
			{ZJ_PART_ACHIEVEMENTS, N_("no achievements part (工作成效) in this article")},
			{ZJ_PART_PROBLEMS, N_("no problems part (存在的问题) in this article")},
			{ZJ_PART_PLAN, N_("no plan part (下一步工作计划) in this article")},
		};
		for (size_t k = 0; k < COUNT(wanted); k++)
			if (!have[wanted[k].kind])
				add_msg(f, ZJ_RULE_MISSING_PART, at, end, "%s", _(wanted[k].msg));
	}
}

/* ---- figures ---------------------------------------------------------- */

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
		size_t start = number_start(s, i);
		if (start == i)
			continue;
		percent p = {start, i + sign, 0};
		parse_number(s, len, start, &p.value);
		fn(s, len, &p, ctx);
		i += sign - 1;
	}
}

static void percent_range(const char *s, size_t len, const percent *p, void *ctx)
{
	if (p->value <= 100)
		return;
	size_t from = p->start >= 36 ? p->start - 36 : 0;
	from = sentence_start(s, len, p->start) > from ? sentence_start(s, len, p->start) : from;
	while (from < p->start && ((unsigned char)s[from] & 0xC0) == 0x80)
		from++;
	size_t wlen = 0;
	size_t w = last_word(s, from, p->start, bounded_rates, COUNT(bounded_rates), &wlen);
	if (w == (size_t)-1)
		return;
	if (last_word(s, w, p->start, growth_words, COUNT(growth_words), NULL) != (size_t)-1)
		return;
	add_msg(ctx, ZJ_RULE_PERCENT_RANGE, p->start, p->end,
		_("%.*s cannot exceed 100%% (%.*s)"), (int)wlen, s + w,
		(int)(p->end - p->start), s + p->start);
}

/* A quantity: a number with an optional 万/亿/千 and the unit after it. */
typedef struct quantity {
	size_t start, end;
	double value;
	int32_t unit;
} quantity;

static size_t parse_quantity(const char *s, size_t len, size_t i, quantity *q)
{
	double v;
	size_t e = parse_number(s, len, i, &v);
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
	return q->end;
}

/* Next quantity in s[i, to); returns false if none. */
static bool next_quantity(const char *s, size_t len, size_t i, size_t to, quantity *q)
{
	for (size_t p = i; p < to; p++) {
		if (!is_ascii_digit(s[p]) || (p > 0 && (is_ascii_digit(s[p - 1]) || s[p - 1] == '.')))
			continue;
		if (parse_quantity(s, len, p, q) > p && q->end <= to)
			return true;
	}
	return false;
}

static void part_exceeds_total(const char *s, size_t len, zj_findings *f)
{
	static const char *const totals[] = {"共", "总计", "累计", "合计", "总数", "总共"};
	const char *p = s;
	while ((p = memmem(p, len - (size_t)(p - s), "其中", 6))) {
		size_t at = (size_t)(p - s);
		p += 6;
		size_t from = sentence_start(s, len, at);
		/* the total: the quantity right after a total word before 其中 */
		size_t w = last_word(s, from, at, totals, COUNT(totals), NULL);
		if (w == (size_t)-1)
			continue;
		quantity total;
		if (!next_quantity(s, len, w, at, &total))
			continue;
		size_t end = sentence_end(s, len, at);
		double sum = 0;
		size_t parts = 0;
		quantity q;
		for (size_t i = at + 6; next_quantity(s, len, i, end, &q); i = q.end) {
			if (q.unit != total.unit)
				continue;
			parts++;
			sum += q.value;
			if (q.value > total.value) {
				add_msg(f, ZJ_RULE_PART_EXCEEDS_TOTAL, q.start, q.end,
					_("this part (%.*s) is larger than the total (%.*s)"),
					(int)(q.end - q.start), s + q.start,
					(int)(total.end - total.start), s + total.start);
				parts = 0;
				break;
			}
		}
		if (parts >= 2 && sum > total.value + 1e-9)
			add_msg(f, ZJ_RULE_PART_EXCEEDS_TOTAL, at, end,
				_("the parts add up to %g, more than the total (%.*s)"), sum,
				(int)(total.end - total.start), s + total.start);
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
	size_t from = sentence_start(s, len, verb);
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
	add_msg(ctx, ZJ_RULE_RATE_MISMATCH, p->start, p->end,
		_("%.*s does not match the figures: %.*s of %.*s is %.1f%%"),
		(int)(p->end - p->start), s + p->start, (int)(done.end - done.start), s + done.start,
		(int)(base.end - base.start), s + base.start, real);
}

/* ---- dates ------------------------------------------------------------ */

static bool is_leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in(long year, int month)
{
	static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (month == 2 && year > 0)
		return is_leap(year) ? 29 : 28;
	return days[month - 1];
}

/* 0 = Sunday. */
static int weekday(long y, int m, int d)
{
	static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
	if (m < 3)
		y -= 1;
	return (int)((y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7);
}

static int weekday_char(int32_t c)
{
	static const int32_t names[] = {0x65E5 /*日*/, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D};
	for (int i = 0; i < 7; i++)
		if (c == names[i])
			return i;
	if (c == 0x5929) /* 天 */
		return 0;
	return -1;
}

static void check_dates(const char *s, size_t len, zj_findings *f)
{
	for (const char *hit = s; (hit = memmem(hit, len - (size_t)(hit - s), "月", 3)); hit += 3) {
		size_t i = (size_t)(hit - s);
		size_t ms = number_start(s, i);
		if (ms == i || i - ms > 2 || (ms > 0 && s[ms - 1] == '.'))
			continue;
		/* 个月 and 1.5月 are durations; a number right before is not a month */
		int month = atoi(s + ms);
		long year = 0;
		if (ms >= 3 && !memcmp(s + ms - 3, "年", 3)) {
			size_t ys = number_start(s, ms - 3);
			if (ms - 3 - ys == 4)
				year = atol(s + ys);
		}
		size_t after = i + 3;
		if (starts_with(s, len, after, "份") || starts_with(s, len, after, "底") ||
		    starts_with(s, len, after, "初") || starts_with(s, len, after, "中旬") ||
		    !is_ascii_digit(zj_utf8_at(s, len, after, NULL))) {
			if (month < 1 || month > 12)
				add_msg(f, ZJ_RULE_DATE_INVALID, ms, after,
					_("there is no month %d"), month);
			continue;
		}
		if (month < 1 || month > 12) {
			add_msg(f, ZJ_RULE_DATE_INVALID, ms, after, _("there is no month %d"), month);
			continue;
		}
		double dv;
		size_t de = parse_number(s, len, after, &dv);
		if (de - after > 2 || !(starts_with(s, len, de, "日") || starts_with(s, len, de, "号")))
			continue;
		int day = (int)dv;
		size_t date_end = de + 3;
		size_t date_start = year ? number_start(s, ms - 3) : ms;
		if (day < 1 || day > days_in(year, month)) {
			add_msg(f, ZJ_RULE_DATE_INVALID, date_start, date_end,
				_("%.*s is not a date: month %d has %d days"),
				(int)(date_end - date_start), s + date_start, month,
				days_in(year, month));
			continue;
		}
		/* （星期三） (周三) 星期三 */
		size_t w = date_end;
		size_t n;
		int32_t c = zj_utf8_at(s, len, w, &n);
		if (c == 0xFF08 || c == '(')
			w += n;
		size_t name_len = starts_with(s, len, w, "星期") ? 6
				: starts_with(s, len, w, "礼拜") ? 6
				: starts_with(s, len, w, "周") ? 3 : 0;
		if (!year || !name_len)
			continue;
		int wd = weekday_char(zj_utf8_at(s, len, w + name_len, &n));
		if (wd < 0)
			continue;
		int real = weekday(year, month, day);
		if (wd != real) {
			static const char *const names[] = {"日", "一", "二", "三", "四", "五", "六"};
			add_msg(f, ZJ_RULE_DATE_INVALID, date_start, w + name_len + n,
				_("%.*s was a 星期%s"), (int)(date_end - date_start), s + date_start,
				names[real]);
		}
	}
}

/* ---- headings --------------------------------------------------------- */

static const char *level_example(int level)
{
	static const char *const ex[] = {"", "一、", "（一）", "1.", "（1）", "①"};
	return ex[level];
}

typedef struct sequence {
	int last[6];
	int style[6];
	zj_findings *f;
} sequence;

/* One numbered line (heading or numbered paragraph) at s[start..end). */
static void sequence_line(sequence *q, const char *s, size_t start, size_t end)
{
	zj_heading h;
	if (!zj_line_marker(s + start, end - start, &h))
		return;
	int L = h.level;
	size_t at = start + h.marker_start;
	size_t mend = start + h.title_start;
	while (mend > at && (s[mend - 1] == ' ' || s[mend - 1] == '\t'))
		mend--;
	zj_findings *f = q->f;
	if (q->style[L] && q->style[L] != (int)h.marker)
		add_msg(f, ZJ_RULE_HEADING_SEQUENCE, at, mend,
			_("numbering style differs from the other level-%d headings"), L);
	if (!q->style[L])
		q->style[L] = (int)h.marker;
	if (h.number != q->last[L] + 1) {
		if (h.number == q->last[L])
			add_msg(f, ZJ_RULE_HEADING_SEQUENCE, at, mend, _("heading number %d repeats"),
				h.number);
		else if (q->last[L] == 0)
			add_msg(f, ZJ_RULE_HEADING_SEQUENCE, at, mend,
				_("numbering at this level (%s) starts at %d, not 1"), level_example(L),
				h.number);
		else
			add_msg(f, ZJ_RULE_HEADING_SEQUENCE, at, mend, _("heading number %d follows %d"),
				h.number, q->last[L]);
	}
	q->last[L] = h.number;
	for (int d = L + 1; d < 6; d++)
		q->last[d] = 0;
}

static void check_headings(const char *s, const zj_outline *o, zj_findings *f)
{
	for (size_t ai = 0; ai < o->narticles; ai++) {
		const zj_article *a = &o->articles[ai];
		sequence q = {.f = f};
		for (size_t pos = a->start; pos < a->end;) {
			const char *nl = memchr(s + pos, '\n', a->end - pos);
			size_t end = nl ? (size_t)(nl - s) : a->end;
			size_t e = end > pos && s[end - 1] == '\r' ? end - 1 : end;
			sequence_line(&q, s, pos, e);
			pos = end + 1;
		}
	}
}

/* ---- numerals --------------------------------------------------------- */

static bool is_cn_digit(int32_t c)
{
	static const int32_t d[] = {0x3007, 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
				    0x516D, 0x4E03, 0x516B, 0x4E5D};
	for (size_t i = 0; i < COUNT(d); i++)
		if (c == d[i])
			return true;
	return false;
}

/* A run of four numerals before 年 that mixes Chinese numerals with Latin
 * 0/O/o: 二00五年.  Called at a Latin 0, O or o. */
static size_t mixed_year(const char *s, size_t len, size_t at, zj_findings *f)
{
	size_t start = at;
	for (int back = 0; back < 3; back++) {
		size_t p;
		int32_t c = zj_utf8_before(s, len, start, &p);
		if (!(is_cn_digit(c) || is_ascii_digit(c) || c == 'O' || c == 'o'))
			break;
		start = p;
	}
	for (size_t i = start; i <= at;) {
		size_t e = i;
		int cn = 0, latin = 0, count = 0;
		int32_t d;
		size_t m;
		while (count < 5 && (d = zj_utf8_at(s, len, e, &m)) &&
		       (is_cn_digit(d) || is_ascii_digit(d) || d == 'O' || d == 'o')) {
			cn += is_cn_digit(d);
			latin += !is_cn_digit(d);
			e += m;
			count++;
		}
		int32_t before = zj_utf8_before(s, len, i, NULL);
		if (count == 4 && cn && latin && starts_with(s, len, e, "年") &&
		    !is_ascii_digit(before) && !is_cn_digit(before) && !is_letter(before)) {
			add_msg(f, ZJ_RULE_NUMERAL_MIX, i, e,
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
			add_msg(f, ZJ_RULE_NUMERAL_MIX, i, e, _("full-width digits %.*s (write %s)"),
				(int)(e - i), s + i, fix);
			i = e;
		} else if ((b == '0' || b == 'O' || b == 'o') &&
			   memmem(s + i, len - i < 13 ? len - i : 13, "年", 3))
			i = mixed_year(s, len, i, f);
		else
			i++;
	}
}

/* ---- site noise ------------------------------------------------------- */

static const char *const noise_markers[] = {
	"##paidbegin##", "##paidend##", "点击下载", "立即下载", "免费下载", "下载文档",
	"下载本文", "文档下载", "下载全文", "上传人:", "上传人：", "当前位置:", "当前位置：",
	"点击查看", "查看更多", "展开全文", "阅读全文", "本文来源", "来源于网络", "版权归原作者",
	"素材库", "范文网", "文库", "svip", "SVIP", "VIP会员", "www.", "http://", "https://",
	"关注公众号", "扫码", "举报", "收藏本文", "精选", "猜你喜欢", "相关推荐",
};

static bool has_page_marker(const char *s, size_t len)
{
	/* 第1页 / 共14页 */
	const char *p = memmem(s, len, "第", 3);
	while (p) {
		size_t i = (size_t)(p - s) + 3;
		double v;
		size_t e = parse_number(s, len, i, &v);
		if (e > i && starts_with(s, len, e, "页")) {
			const char *q = memmem(s + e, len - e, "共", 3);
			if (q) {
				size_t j = (size_t)(q - s) + 3;
				size_t k = parse_number(s, len, j, &v);
				if (k > j && starts_with(s, len, k, "页"))
					return true;
			}
		}
		p = memmem(s + i, len - i, "第", 3);
	}
	return false;
}

/* Lines are many and noise is rare: a marker is only looked for where
 * the line holds its first character, found through a bitmap of the
 * first characters of all markers. */
static uint64_t noise_first[0x10000 / 64]; /* first characters of the markers */
static pthread_once_t noise_once = PTHREAD_ONCE_INIT;

static void noise_init(void)
{
	for (size_t k = 0; k < COUNT(noise_markers); k++) {
		int32_t c;
		zj_utf8_decode(noise_markers[k], strlen(noise_markers[k]), 0, &c);
		noise_first[c / 64] |= (uint64_t)1 << (c % 64);
	}
}

static bool has_noise_marker(const char *s, size_t len)
{
	pthread_once(&noise_once, noise_init);
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < len;) {
		unsigned char b = u[i];
		int32_t c;
		size_t n;
		if (b < 0x80) {
			c = b;
			n = 1;
		} else if (b >= 0xE0 && b < 0xF0 && i + 2 < len) {
			c = (b & 0x0F) << 12 | (u[i + 1] & 0x3F) << 6 | (u[i + 2] & 0x3F);
			n = 3;
		} else {
			i += b >= 0xF0 ? 4 : b >= 0xC0 ? 2 : 1;
			continue;
		}
		if (noise_first[c / 64] >> (c % 64) & 1)
			for (size_t k = 0; k < COUNT(noise_markers); k++) {
				const char *w = noise_markers[k];
				if (w[0] != s[i] || (n > 1 && w[1] != s[i + 1]))
					continue;
				size_t m = strlen(w);
				if (len - i >= m && !memcmp(s + i, w, m))
					return true;
			}
		i += n;
	}
	return false;
}

bool zj_is_noise_line(const char *s, size_t len)
{
	if (has_noise_marker(s, len))
		return true;
	/* a short line naming a model-text site: 天天范文 */
	if (memmem(s, len, "范文", 6) && zj_utf8_count(s, len) <= 8)
		return true;
	return has_page_marker(s, len);
}

static void noise_line(const char *s, size_t len, size_t start, size_t end, void *ctx)
{
	(void)len;
	if (end == start || !zj_is_noise_line(s + start, end - start))
		return;
	size_t shown = end - start > 60 ? zj_utf8_cp_start(s + start, 60) : end - start;
	add_msg(ctx, ZJ_RULE_SITE_NOISE, start, end, _("model-site debris: %.*s%s"), (int)shown,
		s + start, shown < end - start ? "…" : "");
}

/* ---- years ------------------------------------------------------------ */

/* Years named as "YYYY年" followed by a word of list, in [from, to). */
static void each_year_phrase(const char *s, size_t from, size_t to, const char *const *words,
			     size_t count, void (*fn)(size_t, size_t, int, void *), void *ctx)
{
	for (size_t i = from; i + 7 <= to; i++) {
		if (!is_ascii_digit(s[i]) || (i > from && is_ascii_digit(s[i - 1])))
			continue;
		double v;
		size_t e = parse_number(s, to, i, &v);
		if (e - i != 4 || memcmp(s + e, "年", 3))
			continue;
		size_t w = e + 3;
		if (starts_with(s, to, w, "度"))
			w += 3;
		for (size_t k = 0; k < count; k++)
			if (starts_with(s, to, w, words[k])) {
				fn(i, w + strlen(words[k]), (int)v, ctx);
				break;
			}
	}
}

typedef struct year_ctx {
	const char *s;
	zj_findings *f;
	int want;
	bool plan;
} year_ctx;

static void year_phrase(size_t start, size_t end, int year, void *ctx)
{
	year_ctx *y = ctx;
	if (year == y->want)
		return;
	if (y->plan)
		add_msg(y->f, ZJ_RULE_YEAR_MISMATCH, start, end,
			_("%.*s: the plan of a %d summary is for %d"), (int)(end - start),
			y->s + start, y->want - 1, y->want);
	else
		add_msg(y->f, ZJ_RULE_YEAR_MISMATCH, start, end,
			_("%.*s: this is a %d summary"), (int)(end - start), y->s + start, y->want);
}

static void check_years(const char *s, size_t len, const zj_outline *o, zj_findings *f)
{
	static const char *const plan_words[] = {"工作计划", "工作安排", "工作打算", "工作思路",
						 "工作要点", "计划", "打算"};
	static const char *const summary_words[] = {"工作总结", "总结", "工作成效", "工作回顾",
						    "述职"};
	for (size_t ai = 0; ai < o->narticles; ai++) {
		const zj_article *a = &o->articles[ai];
		if (!a->year)
			continue;
		/* the title itself sets the year: skip it */
		size_t from = a->title_line >= 0 ? a->title_end : a->start;
		year_ctx plan = {s, f, a->year + 1, true};
		year_ctx summary = {s, f, a->year, false};
		each_year_phrase(s, from, a->end, plan_words, COUNT(plan_words), year_phrase, &plan);
		each_year_phrase(s, from, a->end, summary_words, COUNT(summary_words), year_phrase,
				 &summary);
		/* a first-half summary plans the second half */
		if (a->title_line < 0 || !memmem(s + a->title_start, a->title_end - a->title_start,
						 "上半年", 9))
			continue;
		for (size_t pi = 0; pi < a->nparts; pi++) {
			const zj_part *p = &o->parts[a->first_part + pi];
			if (p->heading < 0)
				continue;
			const zj_section *h = &o->sections[p->heading];
			const char *wrong = p->kind == ZJ_PART_PLAN ? "上半年"
					  : p->kind == ZJ_PART_ACHIEVEMENTS ? "下半年" : NULL;
			const char *hit = wrong ? memmem(s + h->title_start, h->title_end - h->title_start,
							 wrong, 9) : NULL;
			if (hit)
				add_msg(f, ZJ_RULE_YEAR_MISMATCH, (size_t)(hit - s), (size_t)(hit - s) + 9,
					p->kind == ZJ_PART_PLAN
						? _("the plan of a first-half summary is for 下半年")
						: _("a first-half summary reviews 上半年"));
		}
	}
	(void)len;
}

/* ---- Latin in Chinese text -------------------------------------------- */

static bool stray_latin_allowed(int32_t after)
{
	/* A级 B超 C区 A股 T恤 K歌 A类 B座 … */
	static const int32_t ok[] = {0x7EA7, 0x8D85, 0x533A, 0x80A1, 0x6064, 0x6B4C, 0x7C7B,
				     0x5EA7, 0x680B, 0x578B, 0x6863, 0x7EC4, 0x5149, 0x5B57,
				     0x53F7, 0x89D2, 0x9762, 0x8F6E, 0x7AEF, 0x70B9, 0x503C,
				     0x5361, 0x8BC1, 0x7167, 0x5C97, 0x9986, 0x5385, 0x5355,
				     0x5C42, 0x7EBF, 0x8F74, 0x5355, 0x7248, 0x8BA1, 0x65B9};
	for (size_t i = 0; i < COUNT(ok); i++)
		if (after == ok[i])
			return true;
	return false;
}

static void check_stray_latin(const char *s, size_t len, zj_findings *f)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 'A' || c > 'Z' || c == 'X')
			continue;
		int32_t before = zj_utf8_before(s, len, i, NULL);
		int32_t after = zj_utf8_at(s, len, i + 1, NULL);
		if (is_letter(before) || is_letter(after) || is_ascii_digit(before) ||
		    is_ascii_digit(after) || before == '-' || after == '-')
			continue;
		if (!zj_is_han(before) && !zj_is_han(after))
			continue;
		if (stray_latin_allowed(after))
			continue;
		add_msg(f, ZJ_RULE_STRAY_LATIN, i, i + 1,
			_("lone Latin letter %c inside Chinese text (a censored character?)"), c);
	}
}

/* ---- punctuation ------------------------------------------------------ */

static bool is_cjk_text(int32_t c)
{
	return zj_is_han(c) || (zj_is_cjk(c) && c != 0x3000);
}

static void add_fix(zj_findings *f, size_t start, size_t end, const char *fix, const char *what)
{
	char buf[128];
	snprintf(buf, sizeof buf, _("half-width %s in Chinese text (write %s)"), what, fix);
	uint32_t msg = arena_add(f, buf);
	arena_add(f, fix); /* right after the message: zj_finding_fix() finds it */
	zj_finding *x = add(f, ZJ_RULE_HALFWIDTH_PUNCT, start, end);
	x->extra = msg;
	x->has_fix = 1;
}

static void punct_line(const char *s, size_t len, size_t start, size_t end, void *ctx)
{
	zj_findings *f = ctx;
	(void)len;
	for (size_t i = start; i < end; i++) {
		char c = s[i];
		const char *fix = NULL;
		switch (c) {
		case ',': fix = "，"; break;
		case ';': fix = "；"; break;
		case ':': fix = "："; break;
		case '?': fix = "？"; break;
		case '!': fix = "！"; break;
		case '.': break;
		case '(': {
			/* a pair around Chinese text, outside a Latin context */
			/* a pair within one clause: the search is bounded */
			size_t reach = end - i < 200 ? end - i : 200;
			const char *close = memchr(s + i, ')', reach);
			if (!close)
				continue;
			size_t j = (size_t)(close - s);
			int32_t before = zj_utf8_before(s, end, i, NULL);
			int32_t after = zj_utf8_at(s, end, j + 1, NULL);
			int32_t first = zj_utf8_at(s, end, i + 1, NULL);
			bool inner_cjk = false;
			for (size_t k = i + 1; k < j && !inner_cjk;) {
				size_t n;
				inner_cjk = zj_is_han(zj_utf8_at(s, end, k, &n));
				k += n;
			}
			if (!inner_cjk || !(is_cjk_text(before) || is_cjk_text(after)) ||
			    is_letter(before) || (i == start && zj_is_han(first) &&
						  j - i <= 7 /* (一) heading markers */))
				continue;
			add_fix(f, i, i + 1, "（", "(");
			add_fix(f, j, j + 1, "）", ")");
			i = j;
			continue;
		}
		default:
			continue;
		}
		int32_t before = zj_utf8_before(s, end, i, NULL);
		int32_t after = i + 1 < end ? zj_utf8_at(s, end, i + 1, NULL) : 0;
		if (!is_cjk_text(before))
			continue;
		if (c == '.') {
			/* 较好的.成绩: a dot inside a Chinese sentence */
			if (zj_is_han(after))
				add_msg(f, ZJ_RULE_HALFWIDTH_PUNCT, i, i + 1,
					_("a half-width dot inside a Chinese sentence"));
			continue;
		}
		if (is_letter(after) && after != 'x' && after != 'X')
			continue;
		add_fix(f, i, i + 1, fix, (char[]){c, '\0'});
	}
}

/* Web pages often break a paragraph in the middle of a sentence: a line
 * that does not end a sentence continues on the next non-blank line. */
static bool ends_sentence(const char *s, size_t start, size_t end)
{
	while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t'))
		end--;
	if (end == start)
		return true;
	size_t p = zj_utf8_cp_start(s, end - 1);
	int32_t c = zj_utf8_at(s, end, p, NULL);
	static const int32_t stops[] = {0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0xFF1A, 0x2026,
					'.', '!', '?', ';', ':'};
	for (size_t i = 0; i < COUNT(stops); i++)
		if (c == stops[i])
			return true;
	return false;
}

static void bracket_span(const char *s, size_t start, size_t end, zj_findings *f);

typedef struct para_span {
	size_t start, end;
	bool open;
	zj_findings *f;
} para_span;

static void bracket_line(const char *s, size_t len, size_t start, size_t end, void *ctx)
{
	para_span *p = ctx;
	(void)len;
	bool blank = end == start;
	if (p->open && !blank) {
		zj_heading h;
		if (zj_heading_parse(s + start, end - start, &h)) {
			bracket_span(s, p->start, p->end, p->f);
			p->open = false;
		}
	}
	if (blank) {
		if (p->open)
			bracket_span(s, p->start, p->end, p->f);
		p->open = false;
		return;
	}
	if (!p->open) {
		p->open = true;
		p->start = start;
	}
	p->end = end;
	if (ends_sentence(s, start, end)) {
		bracket_span(s, p->start, p->end, p->f);
		p->open = false;
	}
}

static void bracket_span(const char *s, size_t start, size_t end, zj_findings *f)
{
	static const int32_t opens[] = {0x201C, 0x300A, 0xFF08, 0x3010, '('};
	static const int32_t closes[] = {0x201D, 0x300B, 0xFF09, 0x3011, ')'};
	size_t stack_pos[64];
	int stack_kind[64];
	int depth = 0;
	for (size_t i = start; i < end;) {
		unsigned char b = (unsigned char)s[i];
		/* only ( ) and the E2/E3/EF-led brackets matter */
		if (b < 0x80 ? (b != '(' && b != ')') : (b != 0xE2 && b != 0xE3 && b != 0xEF)) {
			i += b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
			continue;
		}
		size_t n;
		int32_t c = zj_utf8_at(s, end, i, &n);
		for (int k = 0; k < 5; k++) {
			if (c == opens[k] && depth < 64) {
				stack_pos[depth] = i;
				stack_kind[depth++] = k == 4 ? 2 : k;
			} else if (c == closes[k]) {
				int kind = k == 4 ? 2 : k;
				if (depth && stack_kind[depth - 1] == kind)
					depth--;
				else
					add_msg(f, ZJ_RULE_BRACKET_BALANCE, i, i + n,
						_("%.*s closes nothing"), (int)n, s + i);
			}
		}
		i += n;
	}
	for (int d = 0; d < depth; d++) {
		size_t n;
		zj_utf8_at(s, end, stack_pos[d], &n);
		add_msg(f, ZJ_RULE_BRACKET_BALANCE, stack_pos[d], stack_pos[d] + n,
			_("%.*s is never closed in this paragraph"), (int)n, s + stack_pos[d]);
	}
}

/* ---- duplicate paragraphs --------------------------------------------- */

/* Paragraphs of twelve characters or more, hashed eight bytes a step.
 * Kept compact: a 100 MB file has a million and a half of them. */
typedef struct para {
	uint64_t hash;
	uint64_t start;
	uint32_t len;
	uint32_t line;
} para;

typedef struct dup_ctx {
	para *items;
	size_t count, cap;
	uint32_t line;
} dup_ctx;

static void collect_para(const char *s, size_t len, size_t start, size_t end, void *ctx)
{
	(void)len;
	dup_ctx *d = ctx;
	d->line++;
	while (start < end && (s[start] == ' ' || s[start] == '\t'))
		start++;
	while (start + 3 <= end && !memcmp(s + start, "\xE3\x80\x80", 3))
		start += 3;
	if ((end - start < 48 && zj_utf8_count(s + start, end - start) < 12) ||
	    end - start > UINT32_MAX)
		return;
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ (end - start);
	size_t i = start;
	for (; i + 8 <= end; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
		h ^= h >> 32;
	}
	for (; i < end; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001B3ULL;
	zj_grow((void **)&d->items, &d->cap, d->count + 1, sizeof *d->items);
	d->items[d->count++] = (para){h, start, (uint32_t)(end - start), d->line};
}

static void check_duplicates(const char *s, size_t len, zj_findings *f)
{
	dup_ctx d = {0};
	each_line(s, len, collect_para, &d);
	if (d.count >= UINT32_MAX / 2) {
		free(d.items);
		return;
	}
	/* open addressing on the hash, first occurrences only: O(n) */
	size_t cap = 16;
	while (cap < 2 * d.count)
		cap *= 2;
	uint32_t *table = zj_xmalloc(cap * sizeof *table);
	memset(table, 0xFF, cap * sizeof *table);
	for (size_t i = 0; i < d.count; i++) {
		const para *b = &d.items[i];
		size_t slot = (size_t)b->hash & (cap - 1);
		for (;; slot = (slot + 1) & (cap - 1)) {
			if (table[slot] == UINT32_MAX) {
				table[slot] = (uint32_t)i;
				break;
			}
			const para *a = &d.items[table[slot]];
			if (a->hash == b->hash && a->len == b->len &&
			    !memcmp(s + a->start, s + b->start, a->len)) {
				/* the message is made when shown: it names a's line */
				zj_finding *x = add(f, ZJ_RULE_DUPLICATE_PARAGRAPH, b->start,
						    b->start + b->len);
				x->extra = a->line;
				break;
			}
		}
	}
	free(table);
	free(d.items);
}

/* ---- spelling --------------------------------------------------------- */

struct zj_checker {
	zj_check_options opt;
	Hunhandle *speller;
};

static void check_spelling(zj_checker *c, const char *s, size_t len, zj_findings *f)
{
	for (size_t i = 0; i < len;) {
		if (!is_letter((unsigned char)s[i])) {
			i++;
			continue;
		}
		size_t e = i;
		bool upper = true, has_lower_x_only = true;
		while (e < len && (is_letter((unsigned char)s[e]) || s[e] == '\'')) {
			upper &= !(s[e] >= 'a' && s[e] <= 'z');
			has_lower_x_only &= s[e] == 'x' || s[e] == 'X';
			e++;
		}
		int32_t before = zj_utf8_before(s, len, i, NULL);
		int32_t after = zj_utf8_at(s, len, e, NULL);
		size_t n = e - i;
		/* acronyms, codes (G20, x86), gaps (xx) and single letters are not words */
		bool in_chinese = zj_is_cjk(before) || zj_is_cjk(after);
		if (n < 2 || (upper && n <= 6) || has_lower_x_only || is_ascii_digit(before) ||
		    is_ascii_digit(after) || before == '_' || after == '_' || before == '#' ||
		    after == '#' || n > 60 || (in_chinese && n <= 4) ||
		    memmem(s + i, n, "xx", 2) || memmem(s + i, n, "XX", 2)) {
			i = e;
			continue;
		}
		char word[64];
		memcpy(word, s + i, n);
		word[n] = '\0';
		if (!Hunspell_spell(c->speller, word)) {
			char **sugg = NULL;
			int ns = Hunspell_suggest(c->speller, &sugg, word);
			if (ns > 0)
				add_msg(f, ZJ_RULE_SPELLING, i, e, _("possible misspelling: %s (%s?)"),
					word, sugg[0]);
			else
				add_msg(f, ZJ_RULE_SPELLING, i, e, _("possible misspelling: %s"), word);
			Hunspell_free_list(c->speller, &sugg, ns);
		}
		i = e;
	}
}

void zj_check_options_default(zj_check_options *opt)
{
	memset(opt, 0, sizeof *opt);
	for (int i = 0; i < ZJ_RULE_COUNT; i++)
		opt->enabled[i] = true;
}

static char *find_dictionary(const char *name)
{
	if (strchr(name, '/')) {
		char *aff = zj_xasprintf("%s.aff", name);
		if (access(aff, R_OK) == 0) {
			free(aff);
			return zj_xstrdup(name);
		}
		free(aff);
		return NULL;
	}
	static const char *const dirs[] = {"/usr/share/hunspell", "/usr/share/myspell",
					   "/usr/share/myspell/dicts"};
	for (size_t i = 0; i < COUNT(dirs); i++) {
		char *aff = zj_xasprintf("%s/%s.aff", dirs[i], name);
		bool ok = access(aff, R_OK) == 0;
		free(aff);
		if (ok)
			return zj_xasprintf("%s/%s", dirs[i], name);
	}
	return NULL;
}

zj_checker *zj_checker_new(const zj_check_options *opt, char **notice)
{
	zj_checker *c = zj_xcalloc(1, sizeof *c);
	c->opt = *opt;
	if (notice)
		*notice = NULL;
	if (!c->opt.enabled[ZJ_RULE_SPELLING])
		return c;
	const char *name = opt->dict ? opt->dict : "en_US";
	char *base = find_dictionary(name);
	if (!base) {
		c->opt.enabled[ZJ_RULE_SPELLING] = false;
		if (notice)
			*notice = zj_xasprintf(_("spelling dictionary %s not found; spelling is not "
						 "checked (install hunspell-en-us or use --dict)"),
					       name);
		return c;
	}
	char *aff = zj_xasprintf("%s.aff", base), *dic = zj_xasprintf("%s.dic", base);
	c->speller = Hunspell_create(aff, dic);
	free(aff);
	free(dic);
	free(base);
	if (opt->words_file) {
		FILE *w = fopen(opt->words_file, "r");
		char line[256];
		while (w && fgets(line, sizeof line, w)) {
			line[strcspn(line, "\r\n")] = '\0';
			if (*line && *line != '#')
				Hunspell_add(c->speller, line);
		}
		if (w)
			fclose(w);
	}
	return c;
}

void zj_checker_free(zj_checker *c)
{
	if (!c)
		return;
	if (c->speller)
		Hunspell_destroy(c->speller);
	free(c);
}

/* ---- driver ----------------------------------------------------------- */

static int finding_cmp(const void *a, const void *b)
{
	const zj_finding *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->len < y->len ? -1 : x->len > y->len;
}

/* Rules that make more than one pass report out of order; the merged
 * reading wants each list in text order. */
static void sort_lists(zj_findings *f)
{
	for (int r = 0; r < ZJ_RULE_COUNT; r++) {
		bool sorted = true;
		for (size_t i = 1; i < f->count[r] && sorted; i++)
			sorted = f->list[r][i - 1].start <= f->list[r][i].start;
		if (!sorted)
			qsort(f->list[r], f->count[r], sizeof(zj_finding), finding_cmp);
	}
}

/* The rules fall into two groups of about equal cost: those that read the
 * outline (built here when the caller has none) and the duplicate search;
 * and the scans of lines and bytes, gaps among them.  On a large text the second group runs
 * on a thread of its own, into findings of its own, merged afterwards. */
typedef struct rule_job {
	zj_checker *c;
	const char *s;
	size_t len;
	zj_findings f;
} rule_job;

typedef struct length_ctx {
	const char *s;
	const zj_outline *o;
	zj_findings *f;
} length_ctx;

static void length_finding(const zj_part *p, long min_len, long max_len, void *ctx)
{
	length_ctx *l = ctx;
	size_t at = p->start, end = line_end_at(l->s, p->end, p->start);
	if (p->heading >= 0) {
		at = l->o->sections[p->heading].title_start;
		end = l->o->sections[p->heading].title_end;
	}
	add_msg(l->f, ZJ_RULE_LENGTH, at, end,
		_("%s: %zu characters; the skeleton suggests %ld to %ld"),
		_(zj_part_name(p->kind)), p->chars, min_len, max_len);
}

static void run_outline_group(zj_checker *c, const char *s, size_t len, const zj_outline *o,
			      zj_findings *f)
{
	const bool *on = c->opt.enabled;
	zj_outline *own = NULL;
	if (!o && (on[ZJ_RULE_MISSING_PART] || on[ZJ_RULE_EMPTY_PART] ||
		   on[ZJ_RULE_HEADING_SEQUENCE] || on[ZJ_RULE_YEAR_MISMATCH] ||
		   (on[ZJ_RULE_LENGTH] && c->opt.skeleton)))
		o = own = zj_outline_build(s, len);
	if (o && (on[ZJ_RULE_MISSING_PART] || on[ZJ_RULE_EMPTY_PART]))
		check_parts(s, len, o, f, on);
	if (o && on[ZJ_RULE_HEADING_SEQUENCE])
		check_headings(s, o, f);
	if (o && on[ZJ_RULE_YEAR_MISMATCH])
		check_years(s, len, o, f);
	if (o && on[ZJ_RULE_LENGTH] && c->opt.skeleton) {
		length_ctx lc = {s, o, f};
		zj_skeleton_check_lengths(c->opt.skeleton, o, length_finding, &lc);
	}
	/* the outline goes before the duplicate search needs its memory */
	zj_outline_free(own);
	if (on[ZJ_RULE_DUPLICATE_PARAGRAPH])
		check_duplicates(s, len, f);
}

static void run_text_group(zj_checker *c, const char *s, size_t len, zj_findings *f)
{
	const bool *on = c->opt.enabled;
	if (on[ZJ_RULE_PLACEHOLDER])
		zj_gaps_scan(s, len, on_gap, f);
	if (on[ZJ_RULE_PERCENT_RANGE])
		each_percent(s, len, percent_range, f);
	if (on[ZJ_RULE_PART_EXCEEDS_TOTAL])
		part_exceeds_total(s, len, f);
	if (on[ZJ_RULE_RATE_MISMATCH])
		each_percent(s, len, rate_mismatch, f);
	if (on[ZJ_RULE_DATE_INVALID])
		check_dates(s, len, f);
	if (on[ZJ_RULE_NUMERAL_MIX])
		check_numerals(s, len, f);
	if (on[ZJ_RULE_SITE_NOISE])
		each_line(s, len, noise_line, f);
	if (on[ZJ_RULE_STRAY_LATIN])
		check_stray_latin(s, len, f);
	if (on[ZJ_RULE_HALFWIDTH_PUNCT])
		each_line(s, len, punct_line, f);
	if (on[ZJ_RULE_BRACKET_BALANCE]) {
		para_span p = {.f = f};
		each_line(s, len, bracket_line, &p);
		if (p.open)
			bracket_span(s, p.start, p.end, f);
	}
	if (on[ZJ_RULE_SPELLING] && c->speller)
		check_spelling(c, s, len, f);
}

static void *text_group_thread(void *arg)
{
	rule_job *job = arg;
	run_text_group(job->c, job->s, job->len, &job->f);
	return NULL;
}

/* Moves the lists of `from` (rules disjoint from those of `to`) into `to`,
 * rebasing their message offsets onto to's arena. */
static void merge_findings(zj_findings *to, zj_findings *from)
{
	uint32_t base = 0;
	if (from->arena.len) {
		if (to->arena.len == 0)
			zj_buf_putc(&to->arena, '\0');
		base = (uint32_t)to->arena.len;
		zj_buf_append(&to->arena, from->arena.data, from->arena.len);
	}
	for (int r = 0; r < ZJ_RULE_COUNT; r++) {
		if (!from->count[r])
			continue;
		for (size_t k = 0; k < from->count[r]; k++) {
			zj_finding *x = &from->list[r][k];
			if (x->extra && x->rule != ZJ_RULE_DUPLICATE_PARAGRAPH)
				x->extra += base;
		}
		free(to->list[r]);
		to->list[r] = from->list[r];
		to->count[r] = from->count[r];
		to->cap[r] = from->cap[r];
		from->list[r] = NULL;
		from->count[r] = from->cap[r] = 0;
	}
	zj_findings_free(from);
}

#define THREAD_THRESHOLD ((size_t)4 << 20)

void zj_check(zj_checker *c, const char *s, size_t len, const zj_outline *o, zj_findings *f)
{
	pthread_t thread;
	rule_job job = {.c = c, .s = s, .len = len};
	bool threaded = len >= THREAD_THRESHOLD &&
			pthread_create(&thread, NULL, text_group_thread, &job) == 0;
	if (!threaded)
		run_text_group(c, s, len, f);
	run_outline_group(c, s, len, o, f);
	if (threaded) {
		pthread_join(thread, NULL);
		merge_findings(f, &job.f);
	}
	sort_lists(f);
}

char *zj_apply_fixes(const char *text, size_t len, const zj_findings *f, size_t *new_len,
		     size_t *applied)
{
	zj_buf out = {0};
	size_t pos = 0, n = 0;
	zj_findings_iter it;
	zj_findings_iter_init(&it, f);
	const zj_finding *x;
	while ((x = zj_findings_next(&it))) {
		const char *fix = zj_finding_fix(f, x);
		if (!fix || x->start < pos)
			continue;
		zj_buf_append(&out, text + pos, x->start - pos);
		zj_buf_puts(&out, fix);
		pos = x->start + x->len;
		n++;
	}
	zj_buf_append(&out, text + pos, len - pos);
	*new_len = out.len;
	*applied = n;
	return out.data;
}
