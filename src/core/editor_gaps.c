/* editor_gaps: gap jumps, F7's fill, pasted blocks, find and replace
 * (see include/zongjie/editor.h). */
#include <config.h>

#include "zongjie/editor.h"

#include <stdlib.h>
#include <string.h>

#include "editor_priv.h"
#include "zongjie/check.h"
#include "zongjie/utf8.h"

/* ---- gaps ------------------------------------------------------------- */

static void select_gap(zj_editor *ed, const zj_gap *g)
{
	ed->anchor = g->start;
	ed->cursor = g->end;
	ed->gap_selected = true;
	ed->gap_kind = g->kind;
	ed->goal_col = -1;
	zj_text_group_end(T(ed));
}

/* The lines [*first, *end) of the article editing is scoped to. */
static void scope_lines(zj_editor *ed, size_t *first, size_t *end)
{
	size_t s, e;
	zj_ed_scope(ed, &s, &e);
	const zj_text *t = T(ed);
	*first = zj_text_line_of(t, s);
	/* an article ends at the start of the next one's first line */
	*end = e < zj_text_len(t) && e > s ? zj_text_line_of(t, e - 1) + 1 : zj_text_lines(t);
}

/* Gap search works line by line on copies, so the gap buffer stays where
 * the typing is. */
bool zj_ed_next_gap(zj_editor *ed)
{
	const zj_text *t = T(ed);
	size_t from = ed->gap_selected || zj_ed_has_selection(ed) ? (ed->cursor > ed->anchor ? ed->cursor : ed->anchor)
								   : ed->cursor;
	size_t top, lines;
	scope_lines(ed, &top, &lines);
	for (size_t pass = 0; pass < 2; pass++) {
		size_t first = pass ? top : zj_text_line_of(t, from);
		size_t last = pass ? zj_text_line_of(t, from) + 1 : lines;
		for (size_t l = first; l < last && l < lines; l++) {
			size_t ls = zj_text_line_start(t, l), le = zj_text_line_end(t, l);
			char *s = zj_text_dup(t, ls, le);
			zj_gap g;
			size_t at = pass == 0 && l == first ? from - ls : 0;
			bool found = zj_gap_next(s, le - ls, at, &g);
			free(s);
			if (found) {
				g.start += ls;
				g.end += ls;
				select_gap(ed, &g);
				return true;
			}
		}
	}
	return false;
}

/* The last gap of line l that starts before byte limit of the line. */
static bool last_gap_in_line(const zj_text *t, size_t l, size_t limit, zj_gap *g)
{
	size_t ls = zj_text_line_start(t, l), le = zj_text_line_end(t, l);
	char *s = zj_text_dup(t, ls, le);
	bool found = zj_gap_prev(s, le - ls, limit, g);
	free(s);
	if (found) {
		g->start += ls;
		g->end += ls;
	}
	return found;
}

bool zj_ed_prev_gap(zj_editor *ed)
{
	const zj_text *t = T(ed);
	size_t before = ed->anchor < ed->cursor ? ed->anchor : ed->cursor;
	size_t top, lines;
	scope_lines(ed, &top, &lines);
	size_t l0 = zj_text_line_of(t, before);
	zj_gap g;
	for (size_t l = l0;; l--) {
		size_t ls = zj_text_line_start(t, l);
		size_t limit = l == l0 ? before - ls : zj_text_line_end(t, l) - ls + 1;
		if (last_gap_in_line(t, l, limit, &g)) {
			select_gap(ed, &g);
			return true;
		}
		if (l <= top)
			break;
	}
	/* round from the end of the article, or of the document */
	for (size_t l = lines - 1;; l--) {
		size_t ls = zj_text_line_start(t, l);
		if (last_gap_in_line(t, l, zj_text_line_end(t, l) - ls + 1, &g) &&
		    (l != l0 || g.start >= before)) {
			select_gap(ed, &g);
			return true;
		}
		if (l == l0)
			break;
	}
	return false;
}

bool zj_ed_input_needs_confirm(const zj_editor *ed, const char *s, size_t n)
{
	if (!ed->gap_selected || ed->gap_kind != ZJ_GAP_NUMBER)
		return false;
	for (size_t i = 0; i < n;) {
		int32_t c;
		i += zj_utf8_decode(s, n, i, &c);
		bool numeric = zj_is_digit(c) || c == '.' || c == ',' || c == '%' ||
			       c == 0x4E07 || c == 0x4EBF;
		if (!numeric)
			return true;
	}
	return false;
}

static bool word_char(int32_t c)
{
	return zj_is_han(c) || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
	       (c >= 0xFF10 && c <= 0xFF5A);
}

/* The words around a gap: up to two word characters (Han, letters,
 * digits) before [start, end) and after it, stopping at punctuation. */
static void gap_context(const char *s, size_t len, size_t start, size_t end, size_t *from,
			size_t *to)
{
	size_t b = start;
	for (int k = 0; k < 2 && b > 0; k++) {
		size_t p;
		if (!word_char(zj_utf8_before(s, len, b, &p)))
			break;
		b = p;
	}
	size_t a = end;
	for (int k = 0; k < 2 && a < len; k++) {
		int32_t c;
		size_t n = zj_utf8_decode(s, len, a, &c);
		if (!word_char(c))
			break;
		a += n;
	}
	*from = b;
	*to = a;
}

/* Whether gap g is the same as the selected one at [gs, ge).  A number,
 * date or year stands for itself only with the same words around it (完成xx，
 * and 达到xx， are two numbers); a name is the same wherever it is followed
 * by the same character (xx街道 names one street). */
static bool same_gap(const char *s, size_t len, size_t gs, size_t ge, zj_gap_kind kind,
		     const zj_gap *g)
{
	size_t n = ge - gs;
	if (g->end - g->start != n || memcmp(s + g->start, s + gs, n))
		return false;
	if (kind == ZJ_GAP_NUMBER || kind == ZJ_GAP_DATE || kind == ZJ_GAP_YEAR) {
		size_t f1, t1, f2, t2;
		gap_context(s, len, gs, ge, &f1, &t1);
		gap_context(s, len, g->start, g->end, &f2, &t2);
		return gs - f1 == g->start - f2 && t1 - ge == t2 - g->end &&
		       !memcmp(s + f1, s + f2, gs - f1) && !memcmp(s + ge, s + g->end, t1 - ge);
	}
	int32_t c;
	size_t an = ge < len ? zj_utf8_decode(s, len, ge, &c) : 0;
	return g->end + an <= len && !memcmp(s + g->end, s + ge, an);
}

size_t zj_ed_fill_same(zj_editor *ed, const char *s, size_t n, long *lines, size_t max_lines)
{
	if (!ed->gap_selected || zj_utf8_valid_prefix(s, n) != n)
		return 0;
	size_t gs, ge;
	zj_ed_selection(ed, &gs, &ge);
	size_t len;
	const char *whole = zj_doc_text(ed->doc, &len);
	/* collect matches first, then replace from the end so offsets hold */
	size_t *hits = NULL, nhits = 0, cap = 0;
	zj_gap g;
	size_t from, to;
	zj_ed_scope(ed, &from, &to);
	for (size_t pos = from; zj_gap_next(whole, to, pos, &g); pos = g.end)
		if (same_gap(whole, len, gs, ge, ed->gap_kind, &g)) {
			zj_grow((void **)&hits, &cap, nhits + 1, sizeof *hits);
			hits[nhits++] = g.start;
		}
	for (size_t i = 0; i < nhits && i < max_lines; i++)
		lines[i] = (long)zj_text_line_of(T(ed), hits[i]) + 1;
	size_t len_gap = ge - gs, cursor = gs;
	zj_ed_commit(ed);
	ed->gaps_for = 0; /* many lines changed: recount */
	for (size_t i = nhits; i-- > 0;) {
		zj_doc_replace(ed->doc, hits[i], hits[i] + len_gap, s, n);
		if (hits[i] < gs)
			cursor = cursor + n - len_gap;
	}
	zj_text_group_cursor(T(ed), gs);
	zj_ed_commit(ed);
	if (nhits)
		ed->cursor = ed->anchor = cursor + n;
	ed->gap_selected = false;
	free(hits);
	return nhits;
}

bool zj_ed_insert_block(zj_editor *ed, const char *s, size_t n)
{
	/* line breaks become LF, other controls but Tab and bytes that are
	 * not UTF-8 are dropped: a paste never puts garbage in the text */
	zj_buf b = {0};
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\r') {
			zj_buf_putc(&b, '\n');
			i += i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
		} else if (c < 0x20 && c != '\n' && c != '\t') {
			i++;
		} else {
			int32_t cp;
			size_t k = zj_utf8_decode(s, n, i, &cp);
			if (cp != 0xFFFD || k > 1)
				zj_buf_append(&b, s + i, k);
			i += k;
		}
	}
	zj_ed_commit(ed);
	bool ok = zj_ed_insert(ed, b.data ? b.data : "", b.len);
	zj_ed_commit(ed);
	zj_buf_free(&b);
	return ok;
}

/* ---- find and replace ------------------------------------------------- */

/* Selects the n bytes found at offset at. */
static void select_match(zj_editor *ed, size_t at, size_t n)
{
	ed->anchor = at;
	ed->cursor = at + n;
	ed->gap_selected = false;
	ed->goal_col = -1;
	zj_text_group_end(T(ed));
}

/* The text and the scope [*lo, *hi) a search looks in, and where it
 * starts: after the selection going forward, before it going back (the
 * scope's other end when the selection is outside it). */
static const char *search_start(zj_editor *ed, bool forward, size_t *lo, size_t *hi,
				size_t *from)
{
	zj_ed_scope(ed, lo, hi);
	size_t s = ed->cursor < ed->anchor ? ed->cursor : ed->anchor;
	size_t e = ed->cursor > ed->anchor ? ed->cursor : ed->anchor;
	*from = forward ? e : s;
	if (*from < *lo || *from > *hi)
		*from = forward ? *lo : *hi;
	return zj_doc_text(ed->doc, NULL);
}

bool zj_ed_find(zj_editor *ed, const char *needle, size_t n)
{
	if (!n)
		return false;
	size_t lo, len, from;
	const char *s = search_start(ed, true, &lo, &len, &from);
	const char *hit = memmem(s + from, len - from, needle, n);
	if (!hit)
		hit = memmem(s + lo, len - lo, needle, n);
	if (!hit)
		return false;
	select_match(ed, (size_t)(hit - s), n);
	return true;
}

bool zj_ed_find_prev(zj_editor *ed, const char *needle, size_t n)
{
	if (!n)
		return false;
	size_t lo, hi, before;
	const char *s = search_start(ed, false, &lo, &hi, &before);
	/* the last match starting before the selection, else the last of all */
	const char *best = NULL, *last = NULL;
	for (const char *p = s + lo; (p = memmem(p, hi - (size_t)(p - s), needle, n)); p++) {
		if ((size_t)(p - s) < before)
			best = p;
		last = p;
	}
	if (!best)
		best = last;
	if (!best)
		return false;
	select_match(ed, (size_t)(best - s), n);
	return true;
}

/* Where the cursor goes when every hit of needle (n bytes) becomes m bytes:
 * it moves by what changed before it, and to the start of a hit it was in. */
static size_t cursor_after_replace(size_t cursor, const size_t *hits, size_t count, size_t n,
				   size_t m)
{
	size_t moved = cursor;
	for (size_t i = 0; i < count && hits[i] < cursor; i++) {
		if (hits[i] + n > cursor)
			return moved - (cursor - hits[i]);
		moved = moved + m - n;
	}
	return moved;
}

size_t zj_ed_replace_all(zj_editor *ed, const char *needle, size_t n, const char *with, size_t m)
{
	if (!n || zj_utf8_valid_prefix(with, m) != m)
		return 0;
	size_t lo, len;
	const char *s = zj_doc_text(ed->doc, NULL);
	zj_ed_scope(ed, &lo, &len);
	size_t *hits = NULL, count = 0, cap = 0;
	for (const char *p = s + lo; (p = memmem(p, len - (size_t)(p - s), needle, n)); p += n) {
		zj_grow((void **)&hits, &cap, count + 1, sizeof *hits);
		hits[count++] = (size_t)(p - s);
	}
	size_t before = ed->cursor;
	size_t after = cursor_after_replace(before, hits, count, n, m);
	zj_ed_commit(ed);
	ed->gaps_for = 0; /* many lines changed: recount */
	for (size_t i = count; i-- > 0;)
		zj_doc_replace(ed->doc, hits[i], hits[i] + n, with, m);
	if (count)
		zj_text_group_cursor(T(ed), before);
	zj_ed_commit(ed);
	free(hits);
	if (count)
		zj_ed_set_cursor(ed, after);
	return count;
}


/* ---- fixing half-width punctuation ------------------------------------ */

size_t zj_ed_fix_punctuation(zj_editor *ed)
{
	size_t lo, hi;
	zj_ed_scope(ed, &lo, &hi);
	zj_check_options opt;
	zj_check_options_default(&opt);
	for (int r = 0; r < ZJ_RULE_COUNT; r++)
		opt.enabled[r] = r == ZJ_RULE_HALFWIDTH_PUNCT;
	zj_checker *c = zj_checker_new(&opt, NULL);
	char *text = zj_text_dup(T(ed), lo, hi);
	zj_findings f;
	memset(&f, 0, sizeof f);
	zj_check(c, text, hi - lo, NULL, &f);
	/* the fixes, in order, then applied from the end so offsets hold */
	size_t n = 0, cap = 0, *at = NULL, *len = NULL, cap2 = 0;
	const char **with = NULL;
	size_t cap3 = 0;
	zj_findings_iter it;
	zj_findings_iter_init_all(&it, &f); /* every mark of a group */
	const zj_finding *x;
	while ((x = zj_findings_next(&it))) {
		const char *fix = zj_finding_fix(&f, x);
		if (!fix || (n && lo + x->start < at[n - 1] + len[n - 1]))
			continue;
		zj_grow((void **)&at, &cap, n + 1, sizeof *at);
		zj_grow((void **)&len, &cap2, n + 1, sizeof *len);
		zj_grow((void **)&with, &cap3, n + 1, sizeof *with);
		at[n] = lo + x->start;
		len[n] = x->len;
		with[n++] = fix;
	}
	size_t before = ed->cursor, after = ed->cursor;
	for (size_t i = 0; i < n && at[i] < before; i++)
		after = at[i] + len[i] <= before ? after + strlen(with[i]) - len[i] : after;
	zj_ed_commit(ed);
	ed->gaps_for = 0;
	for (size_t i = n; i-- > 0;)
		zj_doc_replace(ed->doc, at[i], at[i] + len[i], with[i], strlen(with[i]));
	if (n)
		zj_text_group_cursor(T(ed), before);
	zj_ed_commit(ed);
	if (n)
		zj_ed_set_cursor(ed, after);
	zj_findings_free(&f);
	zj_checker_free(c);
	free(text);
	free(at);
	free(len);
	free(with);
	return n;
}
