/* editor: see include/zongjie/editor.h. */
#include <config.h>

#include "zongjie/editor.h"

#include <stdlib.h>
#include <string.h>

#include "zongjie/utf8.h"
#include "zongjie/view.h"
#include "editor_priv.h"

zj_editor *zj_editor_new(zj_doc *doc)
{
	zj_editor *ed = zj_xcalloc(1, sizeof *ed);
	ed->doc = doc;
	ed->goal_col = -1;
	ed->article = (size_t)-1;
	return ed;
}

void zj_editor_free(zj_editor *ed)
{
	if (!ed)
		return;
	free(ed->part_gaps);
	free(ed->clipboard);
	free(ed);
}


bool zj_ed_has_selection(const zj_editor *ed)
{
	return ed->anchor != ed->cursor;
}

void zj_ed_selection(const zj_editor *ed, size_t *start, size_t *end)
{
	*start = ed->anchor < ed->cursor ? ed->anchor : ed->cursor;
	*end = ed->anchor < ed->cursor ? ed->cursor : ed->anchor;
}

void zj_ed_clear_selection(zj_editor *ed)
{
	ed->anchor = ed->cursor;
	ed->gap_selected = false;
}

void zj_ed_moved(zj_editor *ed, size_t to, bool extend, bool keep_goal)
{
	if (ed->article != (size_t)-1) {
		/* motion stays in the article chosen */
		size_t s, e;
		zj_ed_scope(ed, &s, &e);
		if (e > s && e < zj_text_len(T(ed)))
			e--; /* its last line break, not the next article's start */
		to = to < s ? s : to > e ? e : to;
	}
	ed->cursor = to;
	if (!extend)
		ed->anchor = to;
	ed->gap_selected = false;
	if (!keep_goal)
		ed->goal_col = -1;
	zj_text_group_end(T(ed));
}

void zj_ed_set_cursor(zj_editor *ed, size_t offset)
{
	size_t len = zj_text_len(T(ed));
	if (offset > len)
		offset = len;
	/* back to the start of the cluster that holds offset */
	size_t line = zj_text_line_start(T(ed), zj_text_line_of(T(ed), offset));
	size_t p = line;
	while (p < offset) {
		size_t n = zj_text_next_cluster(T(ed), p);
		if (n > offset)
			break;
		p = n;
	}
	zj_ed_moved(ed, p, false, false);
}

void zj_ed_select(zj_editor *ed, size_t anchor, size_t cursor)
{
	size_t len = zj_text_len(T(ed));
	ed->anchor = anchor < len ? anchor : len;
	ed->cursor = cursor < len ? cursor : len;
}

/* Left or right without extend over a selection only drops it, the
 * cursor at its start (to_start) or end; returns whether it did. */
static bool collapsed(zj_editor *ed, bool extend, bool to_start)
{
	if (extend || !zj_ed_has_selection(ed))
		return false;
	size_t s, e;
	zj_ed_selection(ed, &s, &e);
	zj_ed_moved(ed, to_start ? s : e, false, false);
	return true;
}

void zj_ed_left(zj_editor *ed, bool extend)
{
	if (collapsed(ed, extend, true))
		return;
	size_t p = zj_text_prev_cluster(T(ed), ed->cursor);
	/* CR LF in a mixed-ending file is one step */
	zj_ed_moved(ed, p, extend, false);
}

void zj_ed_right(zj_editor *ed, bool extend)
{
	if (collapsed(ed, extend, false))
		return;
	zj_ed_moved(ed, zj_text_next_cluster(T(ed), ed->cursor), extend, false);
}

/* Word classes: blanks and punctuation, Latin letters and digits, Han. */
static int cls_at(const zj_text *t, size_t p)
{
	char buf[4];
	size_t len = zj_text_len(t), n = len - p < 4 ? len - p : 4;
	zj_text_copy(t, p, p + n, buf);
	int32_t c;
	zj_utf8_decode(buf, n, 0, &c);
	if (zj_is_han(c))
		return 2;
	if (zj_is_ascii_digit(c) || zj_is_ascii_letter(c) || c == '_' ||
	    (c >= 0xFF10 && c <= 0xFF5A))
		return 1;
	return 0;
}

void zj_ed_word_right(zj_editor *ed, bool extend)
{
	const zj_text *t = T(ed);
	size_t len = zj_text_len(t), p = ed->cursor;
	if (p < len) {
		int c = cls_at(t, p);
		while (p < len && cls_at(t, p) == c && c != 0)
			p = zj_text_next_cluster(t, p);
		while (p < len && cls_at(t, p) == 0 && zj_text_byte(t, p) != '\n')
			p = zj_text_next_cluster(t, p);
		if (p == ed->cursor)
			p = zj_text_next_cluster(t, p);
	}
	zj_ed_moved(ed, p, extend, false);
}

void zj_ed_word_left(zj_editor *ed, bool extend)
{
	const zj_text *t = T(ed);
	size_t p = ed->cursor;
	while (p > 0) {
		size_t q = zj_text_prev_cluster(t, p);
		if (cls_at(t, q) != 0 || zj_text_byte(t, q) == '\n')
			break;
		p = q;
	}
	if (p > 0) {
		size_t q = zj_text_prev_cluster(t, p);
		int c = cls_at(t, q);
		if (c == 0)
			p = q;
		else
			while (p > 0) {
				q = zj_text_prev_cluster(t, p);
				if (cls_at(t, q) != c)
					break;
				p = q;
			}
	}
	zj_ed_moved(ed, p, extend, false);
}

void zj_ed_home(zj_editor *ed, bool extend)
{
	zj_ed_moved(ed, zj_text_line_start(T(ed), zj_text_line_of(T(ed), ed->cursor)), extend, false);
}

void zj_ed_end(zj_editor *ed, bool extend)
{
	size_t line = zj_text_line_of(T(ed), ed->cursor);
	size_t end = zj_text_line_end(T(ed), line);
	if (end > zj_text_line_start(T(ed), line) && zj_text_byte(T(ed), end - 1) == '\r')
		end--;
	zj_ed_moved(ed, end, extend, false);
}

void zj_ed_doc_start(zj_editor *ed)
{
	zj_ed_moved(ed, 0, false, false);
}

void zj_ed_doc_end(zj_editor *ed)
{
	zj_ed_moved(ed, zj_text_len(T(ed)), false, false);
}

/* Display column of offset p within its row starting at row_start. */
static long column_in_row(const zj_text *t, size_t row_start, size_t p)
{
	char *s = zj_text_dup(t, row_start, p);
	long w = (long)zj_str_width(s, p - row_start);
	free(s);
	return w;
}

/* The offset in row [start, end) nearest to display column col. */
static size_t offset_at_column(const zj_text *t, size_t start, size_t end, long col)
{
	size_t p = start;
	long w = 0;
	char buf[64];
	while (p < end && zj_text_byte(t, p) != '\n' && zj_text_byte(t, p) != '\r') {
		size_t q = zj_text_next_cluster(t, p);
		size_t n = q - p < sizeof buf ? q - p : sizeof buf;
		zj_text_copy(t, p, p + n, buf);
		long cw = zj_cluster_width(buf, 0, n);
		if (w + cw > col)
			break;
		w += cw;
		p = q;
	}
	return p;
}

void zj_ed_vertical(zj_editor *ed, long rows, int width, bool extend)
{
	const zj_text *t = T(ed);
	size_t len = zj_text_len(t);
	/* the rows drawn on the screen (view.h), so motion follows them */
	size_t r = zj_view_row_of(t, ed->cursor, width);
	if (ed->goal_col < 0)
		ed->goal_col = column_in_row(t, r, ed->cursor);
	for (; rows < 0 && r > 0; rows++)
		r = zj_view_prev_row(t, r, width);
	for (; rows > 0; rows--) {
		size_t next = zj_view_next_row(t, r, width);
		if (next > len)
			break;
		r = next;
	}
	size_t end = zj_view_row_end(t, r, width);
	size_t p = offset_at_column(t, r, end, ed->goal_col);
	/* a wrapped row's last offset belongs to the next row */
	if (end < zj_text_line_end(t, zj_text_line_of(t, r)) && p == end)
		p = zj_text_prev_cluster(t, p);
	zj_ed_moved(ed, p, extend, true);
}

/* ---- gap counts --------------------------------------------------------- */

static size_t line_gaps(const zj_text *t, size_t l)
{
	size_t ls = zj_text_line_start(t, l), le = zj_text_line_end(t, l);
	char *s = zj_text_dup(t, ls, le);
	size_t n = zj_gaps_count(s, le - ls);
	free(s);
	return n;
}

static size_t part_gaps_now(zj_editor *ed, const zj_part *p)
{
	char *s = zj_text_dup(T(ed), p->start, p->end);
	size_t n = zj_gaps_count(s, p->end - p->start);
	free(s);
	return n;
}

static void recount_gaps(zj_editor *ed)
{
	const zj_outline *o = zj_doc_outline(ed->doc);
	size_t len;
	const char *s = zj_doc_text(ed->doc, &len);
	ed->part_gaps = zj_xrealloc(ed->part_gaps, (o->nparts + 1) * sizeof *ed->part_gaps);
	for (size_t i = 0; i < o->nparts; i++)
		ed->part_gaps[i] = zj_gaps_count(s + o->parts[i].start,
						 o->parts[i].end - o->parts[i].start);
	ed->gaps_parts = o->nparts;
	ed->gaps_for = ed->doc->outline_builds;
}

/* After an update of the outline that replaced some parts: only those
 * are counted again. */
static void splice_gaps(zj_editor *ed, const zj_outline *o, const zj_outline_splice *sp)
{
	if (sp->new_count == sp->old_count) {
		/* the same parts: count them again in place */
		for (size_t i = sp->first; i < sp->first + sp->new_count; i++)
			ed->part_gaps[i] = part_gaps_now(ed, &o->parts[i]);
		ed->gaps_for = ed->doc->outline_builds;
		return;
	}
	size_t tail = ed->gaps_parts - sp->first - sp->old_count;
	size_t *g = zj_xcalloc(o->nparts + 1, sizeof *g);
	memcpy(g, ed->part_gaps, sp->first * sizeof *g);
	memcpy(g + sp->first + sp->new_count, ed->part_gaps + sp->first + sp->old_count,
	       tail * sizeof *g);
	for (size_t i = sp->first; i < sp->first + sp->new_count; i++)
		g[i] = part_gaps_now(ed, &o->parts[i]);
	free(ed->part_gaps);
	ed->part_gaps = g;
	ed->gaps_parts = o->nparts;
	ed->gaps_for = ed->doc->outline_builds;
}

static const zj_outline *counted(zj_editor *ed)
{
	unsigned long was = ed->gaps_for;
	const zj_outline *o = zj_doc_outline(ed->doc);
	const zj_doc *d = ed->doc;
	if (ed->gaps_for == d->outline_builds)
		return o;
	if (was && was + 1 == d->outline_builds && d->splice_build == d->outline_builds &&
	    d->splice.first + d->splice.old_count <= ed->gaps_parts &&
	    ed->gaps_parts - d->splice.old_count + d->splice.new_count == o->nparts)
		splice_gaps(ed, o, &d->splice);
	else
		recount_gaps(ed);
	return o;
}

size_t zj_ed_part_gaps(zj_editor *ed, size_t part)
{
	const zj_outline *o = counted(ed);
	return part < o->nparts ? ed->part_gaps[part] : 0;
}

size_t zj_ed_total_gaps(zj_editor *ed)
{
	const zj_outline *o = counted(ed);
	size_t first = 0, last = o->nparts, n = 0;
	if (ed->article != (size_t)-1 && ed->article < o->narticles) {
		first = o->articles[ed->article].first_part;
		last = first + o->articles[ed->article].nparts;
	}
	for (size_t i = first; i < last; i++)
		n += ed->part_gaps[i];
	return n;
}

/* An edit inside one line notes the line's gaps before and after, so the
 * counts follow without a rescan when the outline was kept. */
typedef struct edit_note {
	bool on;
	size_t line, before;
} edit_note;

static edit_note note_begin(zj_editor *ed, size_t start, size_t end)
{
	edit_note n = {0};
	const zj_text *t = T(ed);
	if (ed->gaps_for && ed->doc->outline && !ed->doc->pending.any &&
	    ed->gaps_for == ed->doc->outline_builds &&
	    zj_text_line_of(t, start) == zj_text_line_of(t, end)) {
		n.on = true;
		n.line = zj_text_line_of(t, start);
		n.before = line_gaps(t, n.line);
	}
	return n;
}

static void note_end(zj_editor *ed, const edit_note *n)
{
	const zj_outline *o = ed->doc->outline;
	if (o && ed->doc->pending.any)
		return; /* the outline's update counts the parts it rescans */
	if (!n->on || !o || ed->doc->outline_builds != ed->gaps_for) {
		ed->gaps_for = 0; /* recounted when next asked */
		return;
	}
	size_t after = line_gaps(T(ed), n->line);
	for (size_t i = 0; i < o->nparts; i++)
		if (n->line >= o->parts[i].first_line &&
		    (i + 1 == o->nparts || n->line < o->parts[i + 1].first_line)) {
			ed->part_gaps[i] = ed->part_gaps[i] + after - n->before;
			return;
		}
	ed->gaps_for = 0;
}

/* ---- editing ---------------------------------------------------------- */

/* Deletes the selection; the caller keeps the gap counts. */
static void delete_selection_raw(zj_editor *ed)
{
	size_t s, e;
	zj_ed_selection(ed, &s, &e);
	if (s != e)
		zj_doc_delete(ed->doc, s, e);
	ed->cursor = ed->anchor = s;
	ed->gap_selected = false;
}

static void delete_selection(zj_editor *ed)
{
	size_t s, e;
	zj_ed_selection(ed, &s, &e);
	edit_note note = note_begin(ed, s, e);
	delete_selection_raw(ed);
	note_end(ed, &note);
}

bool zj_ed_insert(zj_editor *ed, const char *s, size_t n)
{
	if (zj_utf8_valid_prefix(s, n) != n)
		return false;
	size_t ss, se;
	zj_ed_selection(ed, &ss, &se);
	edit_note note = note_begin(ed, ss, se);
	delete_selection_raw(ed);
	bool ok = zj_doc_insert(ed->doc, ed->cursor, s, n);
	if (ok)
		ed->cursor = ed->anchor = ed->cursor + n;
	ed->goal_col = -1;
	note_end(ed, &note);
	return ok;
}

bool zj_ed_newline(zj_editor *ed)
{
	zj_ed_commit(ed);
	bool ok = zj_ed_insert(ed, "\n", 1);
	zj_ed_commit(ed);
	return ok;
}

bool zj_ed_backspace(zj_editor *ed)
{
	if (zj_ed_has_selection(ed)) {
		delete_selection(ed);
		return true;
	}
	if (ed->cursor == 0)
		return false;
	size_t start = zj_text_prev_cluster(T(ed), ed->cursor);
	edit_note note = note_begin(ed, start, ed->cursor);
	bool ok = zj_doc_delete(ed->doc, start, ed->cursor);
	if (ok)
		ed->cursor = ed->anchor = start;
	ed->goal_col = -1;
	note_end(ed, &note);
	return ok;
}

bool zj_ed_delete(zj_editor *ed)
{
	if (zj_ed_has_selection(ed)) {
		delete_selection(ed);
		return true;
	}
	if (ed->cursor >= zj_text_len(T(ed)))
		return false;
	size_t end = zj_text_next_cluster(T(ed), ed->cursor);
	edit_note note = note_begin(ed, ed->cursor, end);
	bool ok = zj_doc_delete(ed->doc, ed->cursor, end);
	ed->goal_col = -1;
	note_end(ed, &note);
	return ok;
}

void zj_ed_commit(zj_editor *ed)
{
	zj_text_group_end(T(ed));
}

/* Undo may go back to a change in another article: the scope goes there
 * too. */
static void follow_cursor(zj_editor *ed)
{
	if (ed->article == (size_t)-1)
		return;
	size_t s, e;
	zj_ed_scope(ed, &s, &e);
	if (ed->cursor < s || ed->cursor >= e)
		ed->article = zj_ed_article_of(ed, ed->cursor);
}

/* After an undo or a redo the cursor stands where the change was, in the
 * article chosen that holds it. */
static bool land(zj_editor *ed, bool changed, size_t where)
{
	if (changed) {
		ed->cursor = ed->anchor = where;
		ed->gap_selected = false;
		ed->goal_col = -1;
		follow_cursor(ed);
	}
	return changed;
}

bool zj_ed_undo(zj_editor *ed)
{
	size_t where = 0;
	bool changed = zj_doc_undo(ed->doc, &where);
	return land(ed, changed, where);
}

bool zj_ed_redo(zj_editor *ed)
{
	size_t where = 0;
	bool changed = zj_doc_redo(ed->doc, &where);
	return land(ed, changed, where);
}

bool zj_ed_copy(zj_editor *ed)
{
	size_t s, e;
	zj_ed_selection(ed, &s, &e);
	if (s == e)
		return false;
	free(ed->clipboard);
	ed->clipboard = zj_text_dup(T(ed), s, e);
	ed->clip_len = e - s;
	return true;
}

bool zj_ed_cut(zj_editor *ed)
{
	if (!zj_ed_copy(ed))
		return false;
	zj_ed_commit(ed);
	delete_selection(ed);
	zj_ed_commit(ed);
	return true;
}

bool zj_ed_paste(zj_editor *ed)
{
	if (!ed->clipboard)
		return false;
	zj_ed_commit(ed);
	bool ok = zj_ed_insert(ed, ed->clipboard, ed->clip_len);
	zj_ed_commit(ed);
	return ok;
}

/* ---- panes ------------------------------------------------------------ */

/* The first of the outline's parts (or articles) ending after offset,
 * else the last (0 when there is none). */
static size_t first_ending_after(const zj_outline *o, bool articles, size_t offset)
{
	size_t n = articles ? o->narticles : o->nparts;
	size_t lo = 0, hi = n ? n - 1 : 0;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (offset < (articles ? o->articles[mid].end : o->parts[mid].end))
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

size_t zj_ed_current_part(zj_editor *ed)
{
	return first_ending_after(zj_doc_outline(ed->doc), false, ed->cursor);
}

void zj_ed_focus_part(zj_editor *ed, long delta)
{
	const zj_outline *o = zj_doc_outline(ed->doc);
	if (!o->nparts)
		return;
	/* round the parts of the article chosen, or of the document */
	long first = 0, n = (long)o->nparts;
	if (ed->article != (size_t)-1 && ed->article < o->narticles) {
		first = (long)o->articles[ed->article].first_part;
		n = (long)o->articles[ed->article].nparts;
	}
	if (n == 0)
		return;
	long cur = (long)zj_ed_current_part(ed) - first;
	long next = first + ((cur + delta % n + n) % n);
	const zj_part *p = &o->parts[next];
	size_t at = p->start;
	if (p->heading >= 0) {
		/* the first text after the heading: end of the heading line */
		at = o->sections[p->heading].title_end;
		size_t len = zj_text_len(T(ed));
		if (at < len && zj_text_byte(T(ed), at) == '\n' && at + 1 < p->end)
			at++;
	}
	zj_ed_moved(ed, at, false, false);
}

bool zj_ed_goto_line(zj_editor *ed, long line)
{
	const zj_text *t = T(ed);
	if (line < 1)
		return false;
	size_t s, e;
	zj_ed_scope(ed, &s, &e);
	/* past the end: the last line (of the article chosen), as nano and vim */
	size_t last = zj_text_line_of(t, e > s && e < zj_text_len(t) ? e - 1 : e) + 1;
	size_t at = zj_text_line_start(t, (size_t)line < last ? (size_t)line - 1 : last - 1);
	if (at < s)
		return false; /* before the article chosen */
	zj_ed_moved(ed, at, false, false);
	return true;
}

void zj_ed_position(zj_editor *ed, long *line, long *col)
{
	const zj_text *t = T(ed);
	size_t l = zj_text_line_of(t, ed->cursor);
	size_t ls = zj_text_line_start(t, l);
	char *s = zj_text_dup(t, ls, ed->cursor);
	*line = (long)l + 1;
	*col = (long)zj_utf8_count(s, ed->cursor - ls) + 1;
	free(s);
}

/* ---- missing parts ---------------------------------------------------- */

static const zj_article *cursor_article(zj_editor *ed, const zj_outline *o)
{
	return o->narticles ? &o->articles[first_ending_after(o, true, ed->cursor)] : NULL;
}

void zj_ed_article_range(zj_editor *ed, size_t *start, size_t *end)
{
	const zj_outline *o = zj_doc_outline(ed->doc);
	const zj_article *a = cursor_article(ed, o);
	*start = a ? a->start : 0;
	*end = a ? a->end : zj_text_len(T(ed));
}

size_t zj_ed_article_of(zj_editor *ed, size_t offset)
{
	return first_ending_after(zj_doc_outline(ed->doc), true, offset);
}

void zj_ed_scope(zj_editor *ed, size_t *start, size_t *end)
{
	*start = 0;
	*end = zj_text_len(T(ed));
	if (ed->article == (size_t)-1)
		return;
	const zj_outline *o = zj_doc_outline(ed->doc);
	if (ed->article >= o->narticles) /* articles went away under edits */
		ed->article = o->narticles > 1 ? zj_ed_article_of(ed, ed->cursor) : (size_t)-1;
	if (ed->article == (size_t)-1)
		return;
	*start = o->articles[ed->article].start;
	*end = o->articles[ed->article].end;
}

void zj_ed_choose_article(zj_editor *ed, size_t article)
{
	const zj_outline *o = zj_doc_outline(ed->doc);
	if (article != (size_t)-1 && article >= o->narticles)
		return;
	ed->article = article;
	if (article == (size_t)-1)
		return;
	size_t s, e;
	zj_ed_scope(ed, &s, &e);
	if (ed->cursor < s || ed->cursor >= e)
		zj_ed_moved(ed, s, false, false);
}

size_t zj_ed_article_chars(zj_editor *ed)
{
	const zj_outline *o = zj_doc_outline(ed->doc);
	if (!o->narticles)
		return 0;
	const zj_article *a = &o->articles[zj_ed_article_of(ed, ed->cursor)];
	size_t n = 0;
	for (size_t i = 0; i < a->nparts; i++)
		n += o->parts[a->first_part + i].chars;
	return n;
}

size_t zj_ed_missing_parts(zj_editor *ed, zj_part_kind kinds[4])
{
	const zj_outline *o = zj_doc_outline(ed->doc);
	const zj_article *a = cursor_article(ed, o);
	static const zj_part_kind standard[] = {ZJ_PART_ACHIEVEMENTS, ZJ_PART_PROBLEMS, ZJ_PART_PLAN,
						ZJ_PART_CLOSING};
	size_t n = 0;
	for (size_t k = 0; k < 4; k++) {
		bool have = false;
		for (size_t i = 0; a && i < a->nparts; i++)
			have |= o->parts[a->first_part + i].kind == standard[k];
		if (!have)
			kinds[n++] = standard[k];
	}
	return n;
}

static int standard_rank(zj_part_kind k)
{
	switch (k) {
	case ZJ_PART_OPENING: return 0;
	case ZJ_PART_ACHIEVEMENTS: return 1;
	case ZJ_PART_PROBLEMS: return 2;
	case ZJ_PART_PLAN: return 3;
	case ZJ_PART_OTHER: return 4;
	case ZJ_PART_CLOSING: break;
	}
	return 5;
}

size_t zj_ed_part_position(zj_editor *ed, zj_part_kind kind, int *number)
{
	const zj_outline *o = zj_doc_outline(ed->doc);
	const zj_article *a = cursor_article(ed, o);
	*number = 1;
	if (!a)
		return zj_text_len(T(ed));
	size_t at = a->end;
	for (size_t i = 0; i < a->nparts; i++) {
		const zj_part *p = &o->parts[a->first_part + i];
		if (standard_rank(p->kind) > standard_rank(kind) &&
		    (kind != ZJ_PART_PLAN || p->kind != ZJ_PART_OTHER)) {
			at = p->start;
			break;
		}
		if (p->heading >= 0)
			*number = o->sections[p->heading].number + 1;
	}
	return at;
}
