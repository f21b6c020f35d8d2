/* Drawing: the panes (frame and text, the gaps coloured, the findings in
 * the margin) and the status line, from the geometry view.h computes. */
#include <config.h>

#include "ui/ui_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "zongjie/placeholder.h"
#include "zongjie/suggest.h"
#include "zongjie/utf8.h"

int text_width(void)
{
	return COLS - 1; /* column 0 is the margin */
}

bool too_small(void)
{
	return COLS < MIN_COLS || LINES < MIN_LINES;
}

void say(ui *u, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(u->message, sizeof u->message, fmt, ap);
	va_end(ap);
}

void put_utf8(int y, int x, const char *s, size_t n, attr_t attr, short pair, int maxx)
{
	/* draws s cluster by cluster, never past maxx, never half a glyph */
	for (size_t i = 0; i < n && x < maxx;) {
		size_t e = zj_grapheme_next(s, n, i);
		int w = zj_cluster_width(s, i, e);
		if (x + w > maxx)
			break;
		wchar_t wc[8];
		size_t k = 0;
		for (size_t j = i; j < e && k < 7;) {
			int32_t c;
			j += zj_utf8_decode(s, e, j, &c);
			wc[k++] = c < 0x20 ? (wchar_t)'?' : (wchar_t)c;
		}
		wc[k] = 0;
		cchar_t cc;
		setcchar(&cc, wc, attr, pair, NULL);
		mvadd_wch(y, x, &cc);
		x += w;
		i = e;
	}
}

int utf8_width(const char *s)
{
	return (int)zj_str_width(s, strlen(s));
}

static void draw_frame(ui *u, const zj_view_pane *p, bool focus)
{
	const zj_outline *o = zj_doc_outline(u->ed->doc);
	const zj_part *part = &o->parts[p->part];
	char info[512];
	if (u->provisional)
		snprintf(info, sizeof info, " %s ", zj_part_label(part->kind));
	else
	{
		size_t gaps = zj_ed_part_gaps(u->ed, p->part);
		char chars[64], gap_text[64];
		snprintf(chars, sizeof chars, ngettext("%zu char", "%zu chars", part->chars), part->chars);
		snprintf(gap_text, sizeof gap_text, ngettext("%zu gap", "%zu gaps", gaps), gaps);
		snprintf(info, sizeof info, " %s · %s · %s ", zj_part_label(part->kind), chars, gap_text);
	}
	short pair = focus ? PAIR_FOCUS : PAIR_FRAME;
	attr_t attr = focus ? A_BOLD : A_NORMAL;
	move(p->y, 0);
	attron(COLOR_PAIR(pair) | attr);
	for (int x = 0; x < COLS; x++)
		addch(' ');
	int x = 0;
	put_utf8(p->y, x, "─", 3, attr, pair, COLS);
	x += 1;
	put_utf8(p->y, x, info, strlen(info), attr, pair, COLS);
	x += utf8_width(info);
	if (part->heading >= 0 && x < COLS - 4) {
		const zj_section *h = &o->sections[part->heading];
		char *title = zj_text_dup(u->ed->doc->text, h->title_start, h->title_end);
		put_utf8(p->y, x, "· ", 4, attr, pair, COLS);
		put_utf8(p->y, x + 2, title, h->title_end - h->title_start, attr, pair, COLS);
		free(title);
	}
	attroff(COLOR_PAIR(pair) | attr);
}

static short gap_pair(zj_gap_kind kind)
{
	return kind == ZJ_GAP_NUMBER ? PAIR_NUM : kind == ZJ_GAP_PROMPT ? PAIR_PROMPT : PAIR_GAP;
}

typedef struct span {
	size_t start, end;
	zj_gap_kind kind;
} span;

/* The visible part of a line (not all of a huge one), and its gaps. */
typedef struct segment {
	char *text;
	size_t line, start, end; /* its line, and its bytes [start, end) */
	span *gaps;
	size_t ngaps, cap;
} segment;

/* Notes a gap of the segment, at its place in the text. */
static bool add_gap(const zj_gap *g, void *ctx)
{
	segment *seg = ctx;
	zj_grow((void **)&seg->gaps, &seg->cap, seg->ngaps + 1, sizeof *seg->gaps);
	seg->gaps[seg->ngaps++] = (span){g->start + seg->start, g->end + seg->start, g->kind};
	return true;
}

/* Loads into seg the line l from row r on, up to the row's end e at least. */
static void load_segment(const zj_text *t, segment *seg, size_t l, size_t r, size_t e)
{
	free(seg->text);
	size_t le = zj_text_line_end(t, l), most = zj_view_row_window(text_width()) * 32;
	size_t end = le - r > most ? r + most : le;
	while (end > r && end < le && ((unsigned char)zj_text_byte(t, end) & 0xC0) == 0x80)
		end--;
	if (end < e)
		end = e;
	seg->text = zj_text_dup(t, r, end);
	seg->line = l;
	seg->start = r;
	seg->end = end;
	seg->ngaps = 0;
	zj_gaps_scan(seg->text, end - r, add_gap, seg);
}

/* The most severe finding starting in [start, end), or -1. */
static int margin_mark(const ui *u, size_t start, size_t end)
{
	size_t lo = 0, hi = u->nmarks;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (u->mark_at[mid] < start)
			lo = mid + 1;
		else
			hi = mid;
	}
	int best = -1;
	for (size_t i = lo; i < u->nmarks && u->mark_at[i] < end; i++)
		if (u->mark_sev[i] > best)
			best = u->mark_sev[i];
	return best;
}

static void draw_margin(const ui *u, int y, size_t r, size_t e)
{
	int sev = margin_mark(u, r, e);
	if (sev >= 0)
		mvaddch(y, 0, (sev == ZJ_SEV_ERROR ? '!' : sev == ZJ_SEV_WARNING ? '*' : '.') |
				      A_BOLD | COLOR_PAIR(sev == ZJ_SEV_ERROR ? PAIR_NUM : PAIR_GAP));
}

/* The look of byte i: the colour of a gap over it, reversed when selected. */
static attr_t look_at(const segment *seg, size_t i, size_t sel_s, size_t sel_e, short *pair)
{
	attr_t attr = A_NORMAL;
	*pair = 0;
	for (size_t k = 0; k < seg->ngaps; k++)
		if (i >= seg->gaps[k].start && i < seg->gaps[k].end) {
			*pair = gap_pair(seg->gaps[k].kind);
			attr |= seg->gaps[k].kind == ZJ_GAP_NUMBER ? A_BOLD : A_NORMAL;
		}
	if (i >= sel_s && i < sel_e)
		attr |= A_REVERSE;
	return attr;
}

/* Draws the row [r, e) at screen row y; returns the column after it and
 * sets *cx when the cursor is on one of its characters. */
static int draw_row(const ui *u, const segment *seg, int y, size_t r, size_t e, int *cx)
{
	size_t sel_s, sel_e, ls = seg->start, n = strlen(seg->text);
	zj_ed_selection(u->ed, &sel_s, &sel_e);
	const char *line = seg->text;
	int x = 1;
	for (size_t i = r; i < e && x < COLS;) {
		size_t ce = i + (zj_grapheme_next(line, n, i - ls) - (i - ls));
		if (line[i - ls] == '\r' || line[i - ls] == '\n')
			break;
		int w = line[i - ls] == '\t' ? 4 - (x - 1) % 4 : zj_cluster_width(line, i - ls, ce - ls);
		if (x + w > COLS)
			break;
		short pair;
		attr_t attr = look_at(seg, i, sel_s, sel_e, &pair);
		if (i == u->ed->cursor)
			*cx = x;
		if (line[i - ls] == '\t')
			for (int k = 0; k < w; k++)
				mvaddch(y, x + k, ' ' | attr | COLOR_PAIR(pair));
		else
			put_utf8(y, x, line + (i - ls), ce - i, attr, pair, COLS);
		x += w;
		i = ce;
	}
	return x;
}

/* Draws the rows of one pane; returns true and sets the cursor place when the
 * cursor is in it. */
static bool draw_text(ui *u, const zj_view_pane *p, int *cy, int *cx)
{
	zj_text *t = u->ed->doc->text;
	size_t cursor = u->ed->cursor, len = zj_text_len(t), r = p->top;
	bool found = false;
	segment seg = {.line = (size_t)-1};
	for (int row = 1; row < p->rows; row++) {
		int y = p->y + row;
		move(y, 0);
		clrtoeol();
		/* the empty last line of a text ending in a line break is a row */
		if (r > len || (r >= p->end && !(r == len && p->end == len)))
			continue;
		size_t l = zj_text_line_of(t, r), e = zj_view_row_end(t, r, text_width());
		if (l != seg.line || e > seg.end)
			load_segment(t, &seg, l, r, e);
		if (e > p->end)
			e = p->end;
		if (y < UI_MAX_ROWS) {
			u->row_start[y] = r;
			u->row_text[y] = true;
		}
		draw_margin(u, y, r, e);
		int x0 = -1, x = draw_row(u, &seg, y, r, e, &x0);
		if (!found && x0 >= 0) {
			*cy = y;
			*cx = x0;
			found = true;
		}
		if (!found && cursor >= r && cursor <= e &&
		    (cursor < e || e >= zj_text_line_end(t, l) || e == p->end) &&
		    cursor < p->end + (p->end == len)) {
			*cy = y;
			*cx = x < COLS ? x : COLS - 1;
			found = true;
		}
		r = zj_view_next_row(t, r, text_width());
	}
	free(seg.text);
	free(seg.gaps);
	return found;
}

/* The article the cursor is in, for the status line: its title (when the
 * file holds several) and its length in characters. */
static void article_status(ui *u, char *out, size_t size)
{
	const zj_outline *o = zj_doc_outline(u->ed->doc);
	size_t chars = zj_ed_article_chars(u->ed);
	char count[64];
	snprintf(count, sizeof count, ngettext("%zu char", "%zu chars", chars), chars);
	const zj_article *a = o->narticles ? &o->articles[zj_ed_article_of(u->ed, u->ed->cursor)] : NULL;
	if (o->narticles < 2 || !a || a->title_line < 0) {
		snprintf(out, size, "%s  ", count);
		return;
	}
	/* the title's first ten characters */
	size_t n = a->title_end - a->title_start, cut = 0;
	char *title = zj_text_dup(u->ed->doc->text, a->title_start, a->title_start + (n < 64 ? n : 64));
	for (int k = 0; k < 10 && title[cut]; k++)
		cut = zj_grapheme_next(title, strlen(title), cut);
	snprintf(out, size, "《%.*s%s》 %s  ", (int)cut, title, title[cut] ? "…" : "", count);
	free(title);
}

/* The status line while a prompt is edited: the prompt has the line, its
 * cursor where the writer types; the place in the text (an incremental
 * search moves it) at the end. */
static void draw_prompt(ui *u, long line, long col)
{
	char at[64];
	snprintf(at, sizeof at, " %ld:%ld ", line, col);
	int w = utf8_width(at);
	put_utf8(LINES - 1, 0, u->message, strlen(u->message), A_BOLD, PAIR_STATUS,
		 COLS - w > u->prompt_col + 1 ? COLS - w : COLS);
	if (COLS - w > utf8_width(u->message))
		put_utf8(LINES - 1, COLS - w, at, strlen(at), A_NORMAL, PAIR_STATUS, COLS);
}

/* The status line's right side: the key hints, fewer when there is less
 * room than from column x, at least the gap count. */
static void draw_hints(ui *u, int x)
{
	char right[256];
	size_t gaps = u->provisional ? 0 : zj_ed_total_gaps(u->ed);
	if (u->provisional)
		snprintf(right, sizeof right, "%s", _("reading the outline…  F1 help  ^Q quit "));
	else
		snprintf(right, sizeof right, _("gaps left: %zu  F1 help  F5 next gap  ^S save  ^Q quit "),
			 gaps);
	if (COLS - utf8_width(right) <= x && !u->provisional)
		snprintf(right, sizeof right, _("gaps left: %zu  F1 help "), gaps);
	if (COLS - utf8_width(right) <= x && !u->provisional)
		snprintf(right, sizeof right, _("gaps left: %zu "), gaps);
	if (COLS - utf8_width(right) > x)
		put_utf8(LINES - 1, COLS - utf8_width(right), right, strlen(right), A_NORMAL,
			 PAIR_STATUS, COLS);
}

static void draw_status(ui *u)
{
	long line, col;
	zj_ed_position(u->ed, &line, &col);
	const char *name = u->ed->doc->path ? u->ed->doc->path : _("[new]");
	const char *warning = u->s ? zj_session_warning(u->s) : NULL; /* NULL in the form */
	char left[768], where[320] = "";
	/* a message or a warning takes the room of the article's title and length */
	if (!u->provisional && !u->message[0] && !warning)
		article_status(u, where, sizeof where);
	snprintf(left, sizeof left, " %s%s  %ld:%ld  %s", name,
		 u->s && zj_session_unsaved(u->s) ? " [+]" : "", line, col, where);
	move(LINES - 1, 0);
	attron(COLOR_PAIR(PAIR_STATUS));
	for (int x = 0; x < COLS; x++)
		addch(' ');
	if (u->prompting)
		draw_prompt(u, line, col);
	else {
		put_utf8(LINES - 1, 0, left, strlen(left), A_NORMAL, PAIR_STATUS, COLS);
		int x = utf8_width(left);
		const zj_finding *sugg = u->marks_stale ? NULL : zj_suggestion_at(u->ed, &u->found);
		char offer[600];
		if (u->message[0])
			put_utf8(LINES - 1, x, u->message, strlen(u->message), A_BOLD, PAIR_STATUS, COLS);
		else if (warning) /* stays until the journal is written again */
			put_utf8(LINES - 1, x, warning, strlen(warning), A_BOLD, PAIR_STATUS, COLS);
		else if (sugg) {
			snprintf(offer, sizeof offer, _("%s  (F2 applies)"),
				 zj_finding_message(&u->found, sugg));
			put_utf8(LINES - 1, x, offer, strlen(offer), A_BOLD, PAIR_STATUS, COLS);
		} else
			draw_hints(u, x);
	}
	attroff(COLOR_PAIR(PAIR_STATUS));
}

/* The screen of a terminal too small to edit in. */
static void draw_too_small(ui *u)
{
	const char *msg = _("enlarge the terminal");
	put_utf8(0, 0, msg, strlen(msg), A_BOLD, 0, COLS);
	char size[128];
	snprintf(size, sizeof size, _("to at least %d×%d (now %d×%d)"), MIN_COLS, MIN_LINES, COLS,
		 LINES);
	if (LINES > 1)
		put_utf8(1, 0, size, strlen(size), A_NORMAL, 0, COLS);
	/* a question asked meanwhile (Ctrl-Q) still shows */
	if (u->message[0] && LINES > 2)
		put_utf8(2, 0, u->message, strlen(u->message), A_NORMAL, 0, COLS);
	curs_set(0);
	refresh();
}

/* Lays the panes out for this screen; the scope follows the cursor when
 * it left the article chosen. */
static void lay_out(ui *u)
{
	zj_text *t = u->ed->doc->text;
	const zj_outline *o = zj_doc_outline(u->ed->doc);
	size_t cur = zj_ed_current_part(u->ed);
	u->view.width = text_width();
	u->view.height = LINES - 1;
	size_t shown = zj_view_layout(&u->view, o, t, u->ed->article, cur);
	if (shown != u->ed->article)
		zj_ed_choose_article(u->ed, shown);
	zj_view_scroll(&u->view, t, zj_ed_current_part(u->ed), u->ed->cursor);
}

void draw(ui *u)
{
	erase();
	memset(u->row_text, 0, sizeof u->row_text);
	if (too_small()) {
		draw_too_small(u);
		return;
	}
	lay_out(u);
	size_t cur = zj_ed_current_part(u->ed);
	int cy = -1, cx = -1;
	for (size_t i = 0; i < u->view.npanes; i++) {
		const zj_view_pane *p = &u->view.panes[i];
		draw_frame(u, p, p->part == cur);
		int y, x;
		if (draw_text(u, p, &y, &x) && p->part == cur) {
			cy = y;
			cx = x;
		}
	}
	draw_status(u);
	if (u->prompting) {
		curs_set(1);
		move(LINES - 1, u->prompt_col < COLS ? u->prompt_col : COLS - 1);
	} else if (cy >= 0) {
		curs_set(1);
		move(cy, cx);
	} else
		curs_set(0);
	refresh();
}
