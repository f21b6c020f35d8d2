/* Rules stray-latin, halfwidth-punct and bracket-balance. */
#include <config.h>

#include "rules/rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "zongjie/utf8.h"

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

static bool is_cjk_numeral(int32_t c)
{
	static const int32_t numerals[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D,
					   0x4E03, 0x516B, 0x4E5D, 0x5341, 0x4E24};
	for (size_t k = 0; k < sizeof numerals / sizeof numerals[0]; k++)
		if (c == numerals[k])
			return true;
	return false;
}

/* Whether the letter at i is one of a list of letters (A、B、C三个层次,
 * A和B两类): labels, not a censored character. */
static bool in_letter_list(const char *s, size_t len, size_t i)
{
	static const int32_t joins[] = {0x3001 /* 、 */, 0x548C /* 和 */, 0x4E0E /* 与 */,
					0x53CA /* 及 */, 0x6216 /* 或 */, 0xFF0C /* ， */};
	size_t n, at;
	int32_t after = zj_utf8_at(s, len, i + 1, &n);
	int32_t before = zj_utf8_before(s, len, i, &at);
	for (size_t k = 0; k < COUNT(joins); k++) {
		int32_t next = after == joins[k] ? zj_utf8_at(s, len, i + 1 + n, NULL) : 0;
		int32_t prev = before == joins[k] ? zj_utf8_before(s, len, at, NULL) : 0;
		if ((next >= 'A' && next <= 'Z') || (prev >= 'A' && prev <= 'Z'))
			return true;
	}
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
		if (zj_is_ascii_letter(before) || zj_is_ascii_letter(after) || zj_is_ascii_digit(before) ||
		    zj_is_ascii_digit(after) || before == '-' || after == '-' || before == '&' ||
		    after == '&')
			continue; /* R&D, B-2 */
		if (before && is_cjk_numeral(before))
			continue; /* 六T管理, 三A景区: a name of a method or a grade */
		if (!zj_is_han(before) && !zj_is_han(after))
			continue;
		if (stray_latin_allowed(after) || in_letter_list(s, len, i))
			continue;
		zj_rule_add_msg(f, ZJ_RULE_STRAY_LATIN, i, i + 1,
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
	uint32_t msg = zj_rule_arena_add(f, buf);
	zj_rule_arena_add(f, fix); /* right after the message: zj_finding_fix() finds it */
	zj_finding *x = zj_rule_add(f, ZJ_RULE_HALFWIDTH_PUNCT, start, end);
	x->extra = msg;
	x->has_fix = 1;
}

/* A half-width dot: a full stop typed half-width at the end of a Chinese
 * line (任务. 达到99.2%.), fixed to 。; a stray dot inside a sentence
 * (较好的.成绩), shown; not the dot of a heading marker (一.加强领导). */
static void dot(zj_findings *f, const char *s, size_t start, size_t end, size_t i,
		int32_t before, int32_t after)
{
	size_t rest = i + 1;
	while (rest < end && (s[rest] == ' ' || s[rest] == '\t'))
		rest++;
	zj_heading h;
	if (zj_line_marker(s + start, end - start, &h) && start + h.title_start == i + 1)
		return;
	bool chinese_line = is_cjk_text(before);
	for (size_t k = start; k < i && !chinese_line; k++)
		chinese_line = (unsigned char)s[k] >= 0xE3 && (unsigned char)s[k] <= 0xE9;
	if (rest == end && chinese_line && !zj_is_ascii_letter(before))
		add_fix(f, i, i + 1, "。", ".");
	else if (is_cjk_text(before) && zj_is_han(after))
		zj_rule_add_msg(f, ZJ_RULE_HALFWIDTH_PUNCT, i, i + 1,
			_("a half-width dot inside a Chinese sentence"));
}

/* The close of a pair opened at s[i] within one clause (200 bytes at most,
 * the search is bounded) into *j, with whether Han characters and Latin
 * letters stand between; false when there is none. */
static bool pair_close(const char *s, size_t end, size_t i, char close, size_t *j, bool *han,
		       bool *latin)
{
	size_t reach = end - i - 1 < 200 ? end - i - 1 : 200;
	const char *c = memchr(s + i + 1, close, reach);
	if (!c)
		return false;
	*j = (size_t)(c - s);
	*han = *latin = false;
	for (size_t k = i + 1; k < *j;) {
		size_t n;
		int32_t ch = zj_utf8_at(s, end, k, &n);
		*han |= zj_is_han(ch);
		*latin |= zj_is_ascii_letter(ch);
		k += n;
	}
	return true;
}

/* Half-width brackets around Chinese text, outside a Latin context and not
 * a heading's (一): made （ ）; what is inside is read on (即每周一次,全员参加). */
static void half_brackets(zj_findings *f, const char *s, size_t start, size_t end, size_t i)
{
	size_t j;
	bool han, latin;
	if (!pair_close(s, end, i, ')', &j, &han, &latin))
		return;
	int32_t before = zj_utf8_before(s, end, i, NULL);
	int32_t after = zj_utf8_at(s, end, j + 1, NULL);
	int32_t first = zj_utf8_at(s, end, i + 1, NULL);
	if (!han || !(is_cjk_text(before) || is_cjk_text(after)) || zj_is_ascii_letter(before) ||
	    (i == start && zj_is_han(first) && j - i <= 7 /* (一) heading markers */))
		return;
	add_fix(f, i, i + 1, "（", "(");
	add_fix(f, j, j + 1, "）", ")");
}

/* A pair of ASCII double quotes around Chinese words ("优秀"), within a
 * clause of the line from *i: made “ and ”; *i moves past the pair. */
static void ascii_quotes(zj_findings *f, const char *s, size_t start, size_t end, size_t *i)
{
	size_t j;
	bool han, latin;
	if (!pair_close(s, end, *i, '"', &j, &han, &latin))
		return;
	int32_t before = zj_utf8_before(s, end, *i, NULL);
	int32_t after = zj_utf8_at(s, end, j + 1, NULL);
	if (!han || latin || !(*i == start || is_cjk_text(before) || is_cjk_text(after)))
		return;
	add_fix(f, *i, *i + 1, "“", "\"");
	add_fix(f, j, j + 1, "”", "\"");
	*i = j;
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
		case '(':
			half_brackets(f, s, start, end, i);
			continue;
		case '"':
			ascii_quotes(f, s, start, end, &i);
			continue;
		default:
			continue;
		}
		int32_t before = zj_utf8_before(s, end, i, NULL);
		int32_t after = i + 1 < end ? zj_utf8_at(s, end, i + 1, NULL) : 0;
		if (c == '.') {
			dot(f, s, start, end, i, before, after);
			continue;
		}
		/* after a figure or a closing mark, Chinese text after it decides:
		 * 完成率100%,工作量 比例为1:2,增长 (but 1,000 and 9:30 stay) */
		bool figure_before = zj_is_ascii_digit(before) || before == '%' || before == ')' ||
				     before == '"' || before == 0x2030 /* ‰ */;
		if (!is_cjk_text(before) && !(figure_before && zj_is_han(after)))
			continue;
		if (zj_is_ascii_letter(after) && after != 'x' && after != 'X')
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
					zj_rule_add_msg(f, ZJ_RULE_BRACKET_BALANCE, i, i + n,
						_("%.*s closes nothing"), (int)n, s + i);
			}
		}
		i += n;
	}
	for (int d = 0; d < depth; d++) {
		size_t n;
		zj_utf8_at(s, end, stack_pos[d], &n);
		zj_rule_add_msg(f, ZJ_RULE_BRACKET_BALANCE, stack_pos[d], stack_pos[d] + n,
			_("%.*s is never closed in this paragraph"), (int)n, s + stack_pos[d]);
	}
}

void zj_run_stray_latin(const zj_rule_input *in)
{
	check_stray_latin(in->s, in->len, in->f);
}

void zj_run_halfwidth_punct(const zj_rule_input *in)
{
	zj_each_line(in->s, in->len, punct_line, in->f);
}

void zj_run_bracket_balance(const zj_rule_input *in)
{
	para_span p = {.f = in->f};
	zj_each_line(in->s, in->len, bracket_line, &p);
	if (p.open)
		bracket_span(in->s, p.start, p.end, in->f);
}
