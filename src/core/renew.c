/* renew: see include/zongjie/renew.h for the rules. */
#include <config.h>

#include "zongjie/renew.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "zongjie/noise.h"
#include "zongjie/outline.h"
#include "zongjie/placeholder.h"
#include "zongjie/utf8.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static bool starts_with(const char *s, size_t len, size_t i, const char *word)
{
	size_t n = strlen(word);
	return i <= len && len - i >= n && !memcmp(s + i, word, n);
}

static bool is_digit(int32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

static bool is_ascii_digit(int32_t c)
{
	return c >= '0' && c <= '9';
}

static bool is_letter(int32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xFF21 && c <= 0xFF3A) ||
	       (c >= 0xFF41 && c <= 0xFF5A);
}

/* x-gap fillers: a number glued to one belongs to the gap (720xx). */
static bool is_filler(int32_t c)
{
	return c == 'x' || c == 'X' || c == '_' || c == 0xFF58 || c == 0xFF38 || c == 0xD7 ||
	       c == 0xFF3F;
}

static bool is_connector(int32_t c)
{
	return c == '-' || c == '~' || c == 0xFF5E || c == 0x2014 || c == 0x2013 || c == 0xFF0D ||
	       c == 0x81F3 /* 至 */ || c == 0x5230 /* 到 */;
}

/* End of the run of digits starting at i. */
static size_t digits_end(const char *s, size_t len, size_t i)
{
	size_t n;
	while (is_digit(zj_utf8_at(s, len, i, &n)))
		i += n;
	return i;
}

/* ---- years ------------------------------------------------------------ */

/* A year mention at i: four digits 1900–2099 not glued to other digits. */
typedef struct year_mention {
	int year;
	size_t end;       /* after the digits */
	size_t half_at;   /* the 上 or 下 of 年上半年, or 0 */
	zj_half half;
	bool range;       /* one end of 2022—2025 */
	bool fixed;       /* a regulation's year or a cohort: stays */
} year_mention;

/* Whether the text at i continues a range: a connector, then a digit. */
static bool range_follows(const char *s, size_t len, size_t i)
{
	size_t n;
	int32_t c = zj_utf8_at(s, len, i, &n);
	return is_connector(c) && is_digit(zj_utf8_at(s, len, i + n, NULL));
}

static bool range_precedes(const char *s, size_t len, size_t i)
{
	size_t at;
	int32_t c = zj_utf8_before(s, len, i, &at);
	return is_connector(c) && is_digit(zj_utf8_before(s, len, at, NULL));
}

static bool read_year(const char *s, size_t len, size_t i, year_mention *m)
{
	if (len - i < 4)
		return false;
	for (size_t k = 0; k < 4; k++)
		if (!is_ascii_digit(s[i + k]))
			return false;
	int y = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
	size_t at;
	int32_t before = zj_utf8_before(s, len, i, &at);
	int32_t after = zj_utf8_at(s, len, i + 4, NULL);
	if (y < 1900 || y > 2099 || is_digit(before) || is_digit(after) || is_letter(before) ||
	    is_letter(after) || is_filler(after) || before == '.')
		return false;
	*m = (year_mention){.year = y, .end = i + 4};
	m->range = range_follows(s, len, i + 4) || range_precedes(s, len, i);
	size_t e = i + 4;
	if (starts_with(s, len, e, "年")) {
		static const char *const fixed[] = {"年修订", "年修正", "年修改", "年版", "年印发"};
		for (size_t k = 0; k < COUNT(fixed); k++)
			m->fixed |= starts_with(s, len, e, fixed[k]);
		size_t h = e + 3;
		if (starts_with(s, len, h, "度"))
			h += 3;
		if (starts_with(s, len, h, "上半年") || starts_with(s, len, h, "下半年")) {
			m->half_at = h;
			m->half = s[h + 2] == '\x8a' ? ZJ_HALF_FIRST : ZJ_HALF_SECOND; /* 上 U+4E0A */
		}
		return true;
	}
	if (starts_with(s, len, e, "届") || starts_with(s, len, e, "级"))
		return false;
	/* the first end of a range of years: 2023—2025年度 */
	size_t n;
	year_mention last;
	if (is_connector(zj_utf8_at(s, len, e, &n)) && read_year(s, len, e + n, &last) &&
	    starts_with(s, len, last.end, "年")) {
		m->range = true;
		return true;
	}
	/* a year standing alone in Latin text: In 2024, / Report 2024 */
	bool open_before = before == 0 || before == ' ' || before == '\t' || before == '\n' ||
			   before == '(' || before == '"' || before == '\'';
	bool open_after = after == 0 || after == ' ' || after == ',' || after == ')' ||
			  after == '\n' || after == ':' || after == ';' || after == '"' ||
			  after == '\'' || after == '\r' || (after == '.' &&
			  !is_digit(zj_utf8_at(s, len, i + 5, NULL)));
	return open_before && open_after;
}

static zj_half half_word(const char *s, size_t len, size_t i)
{
	if (starts_with(s, len, i, "上半年"))
		return ZJ_HALF_FIRST;
	if (starts_with(s, len, i, "下半年"))
		return ZJ_HALF_SECOND;
	return ZJ_HALF_NONE;
}

zj_period zj_period_next(zj_period p)
{
	if (p.half == ZJ_HALF_FIRST)
		return (zj_period){p.year, ZJ_HALF_SECOND};
	if (p.half == ZJ_HALF_SECOND)
		return (zj_period){p.year + 1, ZJ_HALF_FIRST};
	return (zj_period){p.year + 1, ZJ_HALF_NONE};
}

static bool period_after(zj_period a, zj_period b)
{
	return a.year > b.year || (a.year == b.year && a.half > b.half);
}

zj_period zj_period_find(const char *s, size_t len)
{
	int book = 0;
	for (size_t i = 0; i < len;) {
		size_t n;
		int32_t c = zj_utf8_at(s, len, i, &n);
		book += c == 0x300A ? 1 : c == 0x300B && book > 0 ? -1 : 0; /* 《 》 */
		year_mention m;
		if (is_ascii_digit(c) && !book && read_year(s, len, i, &m)) {
			int32_t before = zj_utf8_before(s, len, i, NULL);
			if (!m.range && !m.fixed && before != 0x81EA /* 自 */ && before != 0x4ECE /* 从 */)
				return (zj_period){m.year, m.half};
			i = m.end;
			continue;
		}
		i += n;
	}
	return (zj_period){0, ZJ_HALF_NONE};
}

/* ---- figures ---------------------------------------------------------- */

/* Length of the value (digits, thousands commas, a decimal part) at i. */
static size_t value_end(const char *s, size_t len, size_t i)
{
	size_t e = digits_end(s, len, i);
	while (e < len && s[e] == ',' && e + 4 <= len && digits_end(s, len, e + 1) == e + 4)
		e += 4;
	size_t n;
	int32_t c = zj_utf8_at(s, len, e, &n);
	if ((c == '.' || c == 0xFF0E) && is_digit(zj_utf8_at(s, len, e + n, NULL)))
		e = digits_end(s, len, e + n);
	return e;
}

/* Measure words after a figure, 万元 and 人次 taken whole. */
static size_t units_end(const char *s, size_t len, size_t i)
{
	size_t n;
	for (int k = 0; k < 3 && (n = zj_counter_len(s, len, i)) > 0; k++)
		i += n;
	return i;
}

static bool figure_at(const char *s, size_t len, size_t i, zj_figure *f)
{
	size_t at;
	int32_t before = zj_utf8_before(s, len, i, &at);
	if (is_letter(before) || is_filler(before) || before == '.' || before == 0xFF0E ||
	    before == 0x7B2C /* 第 */ || before == '#')
		return false;
	year_mention m;
	if (read_year(s, len, i, &m))
		return false;
	size_t e = value_end(s, len, i);
	if (range_follows(s, len, e)) {
		size_t n;
		zj_utf8_at(s, len, e, &n);
		e = value_end(s, len, e + n);
	}
	size_t n;
	int32_t after = zj_utf8_at(s, len, e, &n);
	if (is_letter(after) || is_filler(after) || is_digit(after))
		return false;
	*f = (zj_figure){i, e, e};
	if (after == '%' || after == 0xFF05 || after == 0x2030) {
		f->end = f->unit_end = e + n;
		return true;
	}
	if (after == 0x6708 /* 月 */ || after == 0x65E5 /* 日 */ ||
	    (after == 0x53F7 /* 号 */ && before == 0x6708)) {
		/* 每年5月, 每月1日: a custom, not a date of the period */
		if (before == 0x6BCF /* 每 */ || (before == 0x5E74 /* 年 */ &&
		    zj_utf8_before(s, len, at, NULL) == 0x6BCF) || (before == 0x6708 &&
		    zj_utf8_before(s, len, at, NULL) == 0x6BCF))
			return false;
		f->unit_end = e + n;
		return true;
	}
	if (after == 0x53F7 || zj_ordinal_after(s, len, e))
		return false;
	f->unit_end = units_end(s, len, e);
	return f->unit_end > e;
}

bool zj_figures_scan(const char *s, size_t len, size_t from, size_t to,
		     bool (*found)(const zj_figure *fig, void *ctx), void *ctx)
{
	int depth = 0; /* inside 《》 〔〕 【】 */
	if (to > len)
		to = len;
	for (size_t i = from; i < to;) {
		size_t n;
		int32_t c = zj_utf8_at(s, len, i, &n);
		if (c == '\n')
			depth = 0;
		else if (c == 0x300A || c == 0x3014 || c == 0x3010)
			depth++;
		else if ((c == 0x300B || c == 0x3015 || c == 0x3011) && depth > 0)
			depth--;
		zj_figure f;
		if (is_digit(c) && !depth && !is_digit(zj_utf8_before(s, len, i, NULL)) &&
		    figure_at(s, len, i, &f)) {
			if (!found(&f, ctx))
				return false;
			i = f.unit_end;
			continue;
		}
		i += n;
	}
	return true;
}

/* ---- the draft -------------------------------------------------------- */

typedef struct insertion {
	size_t at;      /* start of the line it goes before */
	char *text;
} insertion;

typedef struct renewer {
	const char *s;
	size_t len;
	const zj_outline *o;
	zj_buf out;
	zj_renew_stats st;
	/* the article being copied */
	bool dated, latin;
	zj_period p, q, p2, q2;  /* reported, planned; their new values */
	insertion ins[64];
	size_t nins;
	size_t part, section;    /* walking pointers into the outline */
	zj_figure *figs;         /* figures of the current line */
	size_t nfigs, figs_cap;
} renewer;

static bool same_period(zj_period a, zj_period b)
{
	return a.year == b.year && a.half == b.half;
}

/* Where a year mention (year, half) goes; false when it stays. */
static bool map_mention(const renewer *r, int year, zj_half half, zj_period *to)
{
	if (!r->dated)
		return false;
	zj_period at = {year, half};
	if (half != ZJ_HALF_NONE) {
		if (same_period(at, r->p) || same_period(at, r->q)) {
			*to = same_period(at, r->p) ? r->p2 : r->q2;
			return true;
		}
		if (r->p.half != ZJ_HALF_NONE)
			return false; /* another half of a half-year summary */
	}
	if (year != r->p.year && year != r->q.year)
		return false;
	*to = (zj_period){year == r->p.year ? r->p2.year : r->q2.year, half};
	return true;
}

static const char *half_char(zj_half h)
{
	return h == ZJ_HALF_FIRST ? "上" : "下";
}

/* 较2024年 / 比2024年 in a 2025 summary: the year compared with is the one
 * before the period, and moves with it. */
static bool compared_with_last(const renewer *r, size_t i, const year_mention *m, zj_period *to)
{
	int32_t c = zj_utf8_before(r->s, r->len, i, NULL);
	if (!r->dated || r->p.half || m->half || m->year != r->p.year - 1 ||
	    (c != 0x8F83 /* 较 */ && c != 0x6BD4 /* 比 */))
		return false;
	*to = (zj_period){r->p2.year - 1, ZJ_HALF_NONE};
	return true;
}

/* Copies or moves the year mention at i; returns where to go on. */
static size_t put_year(renewer *r, size_t i, const year_mention *m, bool in_book)
{
	zj_period to;
	if (m->range || m->fixed || in_book ||
	    (!map_mention(r, m->year, m->half, &to) && !compared_with_last(r, i, m, &to))) {
		zj_buf_append(&r->out, r->s + i, m->end - i);
		return m->end;
	}
	zj_buf_printf(&r->out, "%04d", to.year);
	if (m->half_at) {
		zj_buf_append(&r->out, r->s + m->end, m->half_at - m->end);
		zj_buf_puts(&r->out, half_char(to.half));
	}
	if (to.year != m->year || to.half != m->half)
		r->st.years++;
	return m->half_at ? m->half_at + 3 : m->end;
}

static bool collect_figure(const zj_figure *f, void *ctx)
{
	renewer *r = ctx;
	zj_grow((void **)&r->figs, &r->figs_cap, r->nfigs + 1, sizeof *r->figs);
	r->figs[r->nfigs++] = *f;
	return true;
}

/* A half year named without its number (下半年, 今年上半年, 明年上半年)
 * in a half-year summary, at i: moved with the period when it is the
 * summary's or the next, 明年 written where the half it comes to is in the
 * year after the draft's.  Returns the bytes taken, 0 when there is none. */
static size_t put_half(renewer *r, size_t i, size_t to)
{
	static const char *const years[] = {"去年", "今年", "明年"}; /* year -1, 0, +1 */
	int named = -1;
	for (int k = 0; k < 3; k++)
		if (starts_with(r->s, to, i, years[k]) && half_word(r->s, to, i + 6))
			named = k;
	size_t at = named >= 0 ? i + 6 : i;
	zj_half h = half_word(r->s, to, at);
	if (!h)
		return 0;
	zj_period was = named >= 0 ? (zj_period){r->p.year + named - 1, h}
				   : h == r->p.half ? r->p : r->q;
	if (!same_period(was, r->p) && !same_period(was, r->q)) {
		zj_buf_append(&r->out, r->s + i, at + 3 - i); /* another half: as written */
		return at + 3 - i;
	}
	zj_period target = same_period(was, r->p) ? r->p2 : r->q2;
	if (target.year > r->p2.year)
		zj_buf_puts(&r->out, "明年");
	else if (named == 1)
		zj_buf_puts(&r->out, "今年");
	zj_buf_puts(&r->out, half_char(target.half));
	r->st.years++;
	return at + 3 - i;
}

/* Copies s[from, to) of one line, moving years and turning the figures
 * collected for it into hinted gaps. */
static void copy_span(renewer *r, size_t from, size_t to)
{
	size_t fig = 0;
	int book = 0;
	for (size_t i = from; i < to;) {
		if (fig < r->nfigs && r->figs[fig].start == i) {
			const zj_figure *f = &r->figs[fig++];
			zj_buf_puts(&r->out, r->latin ? "[last year: " : r->p.half ? "【上期：" : "【上年：");
			zj_buf_append(&r->out, r->s + f->start, f->end - f->start);
			zj_buf_puts(&r->out, r->latin ? "]" : "】");
			r->st.figures++;
			i = f->end;
			continue;
		}
		size_t n;
		int32_t c = zj_utf8_at(r->s, to, i, &n);
		book += c == 0x300A || c == 0x3014 ? 1 : (c == 0x300B || c == 0x3015) && book ? -1 : 0;
		year_mention m;
		if (is_ascii_digit(c) && !is_digit(zj_utf8_before(r->s, r->len, i, NULL)) &&
		    read_year(r->s, r->len, i, &m)) {
			i = put_year(r, i, &m, book > 0);
			continue;
		}
		size_t half = r->dated && r->p.half && !book ? put_half(r, i, to) : 0;
		if (half) {
			i += half;
			continue;
		}
		if (is_digit(c)) /* a number that is neither: copied whole */
			n = digits_end(r->s, to, i) - i;
		zj_buf_append(&r->out, r->s + i, n);
		i += n;
	}
}

/* Whether a line of the opening reads as a sentence rather than a title
 * (a collection's name, a site banner): titles keep their figures. */
static bool sentence_line(const char *s, size_t len)
{
	static const char *const marks[] = {"，", "。", "；", "：", "！", "？", "、", ", ", ". "};
	for (size_t k = 0; k < COUNT(marks); k++)
		if (memmem(s, len, marks[k], strlen(marks[k])))
			return true;
	return false;
}

/* Copies the line [ls, le) and its line break. */
static void copy_line(renewer *r, const zj_article *a, size_t ls, size_t le)
{
	const zj_outline *o = r->o;
	while (r->part + 1 < o->nparts && o->parts[r->part].end <= ls)
		r->part++;
	size_t fs = ls; /* figures start here */
	while (r->section < o->nsections && o->sections[r->section].start < ls)
		r->section++;
	if (r->section < o->nsections && o->sections[r->section].start == ls)
		fs = o->sections[r->section].title_end;
	if (a->title_line >= 0 && a->title_start >= ls && a->title_start < le)
		fs = le;
	zj_part_kind kind = o->nparts ? o->parts[r->part].kind : ZJ_PART_OPENING;
	if ((kind != ZJ_PART_OPENING && kind != ZJ_PART_ACHIEVEMENTS) ||
	    zj_is_noise_line(r->s + ls, le - ls) ||
	    (kind == ZJ_PART_OPENING && !sentence_line(r->s + ls, le - ls)))
		fs = le;
	r->nfigs = 0;
	if (fs < le)
		zj_figures_scan(r->s, r->len, fs, le, collect_figure, r);
	copy_span(r, ls, le);
	if (le < r->len)
		zj_buf_putc(&r->out, '\n');
}

/* The title of a section, its marker kept, its final stop dropped. */
static void put_title(zj_buf *b, const char *s, const zj_section *sec)
{
	size_t e = sec->title_end;
	for (;;) {
		size_t at;
		int32_t c = zj_utf8_before(s, e, e, &at);
		if (e <= sec->title_start || !(c == 0x3002 || c == 0xFF1A || c == 0xFF1B ||
					       c == ':' || c == '.' || zj_is_space(c)))
			break;
		e = at;
	}
	zj_buf_append(b, s + sec->title_start, e - sec->title_start);
}

static void add_insertion(renewer *r, size_t at, char *text)
{
	if (r->nins == COUNT(r->ins)) {
		free(text);
		return;
	}
	size_t k = r->nins++;
	while (k > 0 && r->ins[k - 1].at > at) {
		r->ins[k] = r->ins[k - 1];
		k--;
	}
	r->ins[k] = (insertion){at, text};
}

/* The line after a part's heading, or the part's start. */
static size_t after_heading(const renewer *r, const zj_part *p)
{
	if (p->heading < 0)
		return p->start;
	const char *nl = memchr(r->s + p->start, '\n', r->len - p->start);
	return nl ? (size_t)(nl - r->s) + 1 : r->len;
}

/* The list of last period's plan, before the achievements. */
static void plan_prompt(renewer *r, const zj_article *a)
{
	const zj_outline *o = r->o;
	const zj_part *ach = NULL, *plan = NULL;
	size_t nplan = 0;
	for (size_t k = a->first_part; k < a->first_part + a->nparts; k++) {
		const zj_part *p = &o->parts[k];
		if (p->kind == ZJ_PART_ACHIEVEMENTS && !ach)
			ach = p;
		if (p->kind == ZJ_PART_PLAN && !nplan++)
			plan = p;
	}
	if (!ach || !plan)
		return;
	zj_buf b = {0};
	const char *open = r->latin ? "[fill in: last year's plan: "
			 : r->dated && r->p.half ? "【上期计划：" : "【上年计划：";
	const char *close = r->latin ? "]\n" : "】\n";
	if (nplan > 1) {
		for (size_t k = (size_t)(plan - o->parts); k < a->first_part + a->nparts; k++) {
			if (o->parts[k].kind != ZJ_PART_PLAN || o->parts[k].heading < 0)
				continue;
			zj_buf_puts(&b, open);
			put_title(&b, r->s, &o->sections[o->parts[k].heading]);
			zj_buf_puts(&b, close);
			r->st.plan_items++;
		}
	} else {
		unsigned top = 99;
		for (size_t k = 0; k < plan->nsections; k++)
			if (o->sections[plan->first_section + k].level < top)
				top = o->sections[plan->first_section + k].level;
		for (size_t k = 0; k < plan->nsections; k++) {
			const zj_section *sec = &o->sections[plan->first_section + k];
			if (sec->level != top)
				continue;
			zj_buf_puts(&b, open);
			put_title(&b, r->s, sec);
			zj_buf_puts(&b, close);
			r->st.plan_items++;
		}
	}
	if (!b.len) {
		zj_buf_free(&b);
		return;
	}
	/* under the first achievements heading, even when there are several
	 * parts of achievements: above it the list would join the opening,
	 * or be read as the title of an article */
	add_insertion(r, after_heading(r, ach), b.data);
}

static void review_prompt(renewer *r, const zj_article *a)
{
	for (size_t k = a->first_part; k < a->first_part + a->nparts; k++) {
		const zj_part *p = &r->o->parts[k];
		if (p->kind != ZJ_PART_PROBLEMS)
			continue;
		add_insertion(r, after_heading(r, p),
			      zj_xstrdup(r->latin
				? "[fill in: review each problem: drop those solved, say where the others stand now]\n"
				: r->dated && r->p.half
				? "【请逐条核对上期的问题：已解决的写明成效后删去，仍存在的写明新情况】\n"
				: "【请逐条核对上年的问题：已解决的写明成效后删去，仍存在的写明新情况】\n"));
		r->st.prompts++;
		return;
	}
}

static bool has_han(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		size_t n;
		if (zj_is_han(zj_utf8_at(s, len, i, &n)))
			return true;
		i += n;
	}
	return false;
}

/* Sets the periods of article a; false when the year asked for is not
 * after the period it reports on. */
static bool article_periods(renewer *r, const zj_article *a, const zj_renew_options *opt,
			    zj_error *err)
{
	size_t open_end = a->end;
	if (a->nparts && r->o->parts[a->first_part].kind == ZJ_PART_OPENING)
		open_end = r->o->parts[a->first_part].end;
	r->p = zj_period_find(r->s + a->start, open_end - a->start);
	r->dated = r->p.year != 0;
	r->st.articles++;
	if (!r->dated) {
		r->st.undated++;
		return true;
	}
	r->q = zj_period_next(r->p);
	r->p2 = opt && opt->year ? (zj_period){opt->year, r->p.half} : r->q;
	if (!period_after(r->p2, r->p))
		return zj_fail(err, _("the year %d is not after the period the summary reports on (%d)"),
			       opt->year, r->p.year);
	r->q2 = zj_period_next(r->p2);
	if (!r->st.from.year) {
		r->st.from = r->p;
		r->st.to = r->p2;
	}
	return true;
}

char *zj_renew(const char *text, size_t len, const zj_renew_options *opt, size_t *out_len,
	       zj_renew_stats *stats, zj_error *err)
{
	zj_outline *o = zj_outline_build(text, len);
	renewer r = {.s = text, .len = len, .o = o};
	bool ok = true;
	size_t copied = 0;
	for (size_t ai = 0; ai < o->narticles && ok; ai++) {
		const zj_article *a = &o->articles[ai];
		if (!(ok = article_periods(&r, a, opt, err)))
			break;
		if (a->start > copied)
			zj_buf_append(&r.out, text + copied, a->start - copied);
		copied = a->end;
		r.latin = !has_han(text + a->start, a->end - a->start);
		r.nins = 0;
		plan_prompt(&r, a);
		review_prompt(&r, a);
		size_t next = 0;
		for (size_t ls = a->start; ls < a->end;) {
			for (; next < r.nins && r.ins[next].at <= ls; next++)
				zj_buf_puts(&r.out, r.ins[next].text);
			const char *nl = memchr(text + ls, '\n', len - ls);
			size_t le = nl ? (size_t)(nl - text) : len;
			copy_line(&r, a, ls, le);
			ls = le + 1;
		}
		for (; next < r.nins; next++) {
			if (r.out.len && r.out.data[r.out.len - 1] != '\n')
				zj_buf_putc(&r.out, '\n');
			zj_buf_puts(&r.out, r.ins[next].text);
		}
		for (size_t k = 0; k < r.nins; k++)
			free(r.ins[k].text);
	}
	if (ok && copied < len)
		zj_buf_append(&r.out, text + copied, len - copied);
	zj_outline_free(o);
	free(r.figs);
	if (!ok) {
		zj_buf_free(&r.out);
		return NULL;
	}
	zj_buf_append(&r.out, "", 0);
	*out_len = r.out.len;
	if (stats)
		*stats = r.st;
	return r.out.data;
}
