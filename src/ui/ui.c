/* The terminal front end (see ui.h): layout, drawing and the key loop. */
#include <config.h>

#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <errno.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

#include "i18n.h"
#include "ui/ui.h"
#include "zongjie/check.h"
#include "zongjie/editor.h"
#include "zongjie/lineedit.h"
#include "zongjie/placeholder.h"
#include "zongjie/session.h"
#include "zongjie/renew.h"
#include "zongjie/skeleton.h"
#include "zongjie/suggest.h"
#include "zongjie/utf8.h"
#include "zongjie/wrap.h"

#define MIN_COLS 40
/* bytes looked at for one screen row */
#define ROW_WINDOW ((size_t)COLS * 16 + 64)
/* files above this size get a first screen before their whole outline */
#define PROVISIONAL_BYTES ((size_t)8 << 20)
#define PROVISIONAL_PREFIX ((size_t)256 << 10)
/* an article up to this size is checked whenever the writer pauses */
#define AUTO_CHECK_BYTES ((size_t)256 << 10)
#define MIN_LINES 12
#undef CTRL /* termios.h has one of its own */
#define CTRL(k) ((k) & 0x1F)

enum { PAIR_FRAME = 1, PAIR_FOCUS, PAIR_NUM, PAIR_GAP, PAIR_PROMPT, PAIR_STATUS };

typedef struct pane {
	size_t part;        /* index into the outline's parts */
	size_t start, end;  /* byte range shown */
	int y, rows;        /* screen rows, frame included */
	size_t top;         /* first byte shown (start of a row) */
} pane;

typedef struct ui {
	zj_editor *ed;
	pane panes[256];
	size_t npanes;
	size_t top[256];    /* remembered scroll offset per part (the first 256) */
	char message[1024]; /* status message, shown until the next key */
	bool quit;
	zj_library lib;     /* skeletons, for phrases and missing parts */
	const zj_skeleton *sk;
	char *last_find;
	/* checker findings for the margin: starts and severities, sorted */
	size_t *mark_at;
	unsigned char *mark_sev;
	size_t nmarks;
	bool marks_stale;
	size_t marks_start; /* start of the article they were found in */
	zj_findings found;  /* the last check's findings, for suggestions (F2) */
	bool provisional;   /* first screen of a large file: outline of its start */
	zj_session *s;      /* the document, its file and its journal */
	/* where each screen row's text starts, for the mouse */
	size_t row_start[512];
	bool row_text[512];
	/* a prompt is being edited on the status line: the cursor goes there */
	bool prompting;
	int prompt_col;
	bool export_docx; /* the format last chosen for an export without extension */
	/* the export options last chosen for this file (Ctrl-E), used by F10 */
	bool export_chosen;
	zj_export_options export_text;
	zj_format export_format;
} ui;

/* ---- the terminal ------------------------------------------------------ */

/* reads in a row that gave nothing though the terminal was readable */
static int empty_reads;

/* Whether the terminal went away: a read that ends (no byte, yet poll says
 * there is something, or a hang-up) rather than a wait that timed out. */
static bool terminal_gone(void)
{
	struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
	if (poll(&p, 1, 0) != 1) {
		empty_reads = 0;
		return false;
	}
	if (p.revents & (POLLHUP | POLLERR | POLLNVAL))
		return true;
	/* a key may land just after a timeout; the end of input stays */
	return ++empty_reads >= 3;
}

/* get_wch, where the end of the terminal's input is a hang-up: without a
 * SIGHUP (a terminal closed under setsid or nohup) the reads would return
 * nothing forever. */
static int read_key(wint_t *k)
{
	int r = get_wch(k);
	if (r != ERR)
		empty_reads = 0;
	else if (terminal_gone())
		raise(SIGHUP);
	return r;
}

/* ---- text helpers ----------------------------------------------------- */

static int text_width(void)
{
	return COLS - 1; /* column 0 is the margin */
}

/* The end of the row that starts at row_start, at the pane width. */
/* In a line longer than ANCHOR bytes a row also ends at every ANCHOR bytes
 * from the line start (moved back to a character boundary), so finding the
 * row of a place costs at most ANCHOR bytes, not the whole line. */
#define ANCHOR ((size_t)1 << 16)

static size_t anchor_at_or_before(zj_text *t, size_t ls, size_t p)
{
	size_t a = ls + (p - ls) / ANCHOR * ANCHOR;
	size_t len = zj_text_len(t);
	if (a >= len)
		return a > ls ? len : ls;
	while (a > ls && ((unsigned char)zj_text_byte(t, a) & 0xC0) == 0x80)
		a--;
	return a;
}

static size_t row_end(zj_text *t, size_t row_start)
{
	size_t line = zj_text_line_of(t, row_start);
	size_t ls = zj_text_line_start(t, line);
	size_t le = zj_text_line_end(t, line);
	if (le - row_start > ANCHOR) {
		size_t next_anchor = anchor_at_or_before(t, ls, row_start + ANCHOR);
		if (next_anchor > row_start && next_anchor < le)
			le = next_anchor;
	}
	/* a row holds a few bytes per column: a 50 MB line is not copied */
	size_t stop = le - row_start > ROW_WINDOW ? row_start + ROW_WINDOW : le;
	while (stop > row_start && stop < le && ((unsigned char)zj_text_byte(t, stop) & 0xC0) == 0x80)
		stop--;
	char *s = zj_text_dup(t, row_start, stop);
	size_t e = row_start + zj_wrap_row_end(s, stop - row_start, 0, text_width());
	free(s);
	return e;
}

/* Start of the row after the one starting at row_start (the next line
 * when the row ends its line). */
static size_t next_row(zj_text *t, size_t row_start)
{
	size_t e = row_end(t, row_start);
	size_t line = zj_text_line_of(t, row_start);
	if (e >= zj_text_line_end(t, line))
		return line + 1 < zj_text_lines(t) ? zj_text_line_start(t, line + 1) : zj_text_len(t) + 1;
	return e;
}

/* Start of the row that holds byte p. */
static size_t row_of(zj_text *t, size_t p)
{
	size_t line = zj_text_line_of(t, p);
	size_t r = anchor_at_or_before(t, zj_text_line_start(t, line), p);
	for (;;) {
		size_t e = row_end(t, r);
		if (p < e || e >= zj_text_line_end(t, line))
			return r;
		r = e;
	}
}

/* Start of the row before row_start. */
static size_t prev_row(zj_text *t, size_t row_start)
{
	size_t line = zj_text_line_of(t, row_start);
	size_t ls = zj_text_line_start(t, line);
	if (row_start == ls)
		return line ? row_of(t, zj_text_line_end(t, line - 1)) : 0;
	size_t r = anchor_at_or_before(t, ls, row_start - 1);
	for (;;) {
		size_t e = row_end(t, r);
		if (e >= row_start)
			return r;
		r = e;
	}
}

/* ---- layout ----------------------------------------------------------- */

static void layout(ui *u)
{
	const zj_outline *o = zj_doc_outline(u->ed->doc);
	size_t first = 0, last = o->nparts;
	size_t article = u->ed->article;
	if (article != (size_t)-1 && article < o->narticles) {
		first = o->articles[article].first_part;
		last = first + o->articles[article].nparts;
	}
	size_t cur = zj_ed_current_part(u->ed);
	if (cur < first || cur >= last) {
		/* the cursor left the article shown: show the one it is in */
		for (size_t a = 0; a < o->narticles; a++)
			if (cur >= o->articles[a].first_part &&
			    cur < o->articles[a].first_part + o->articles[a].nparts) {
				first = o->articles[a].first_part;
				last = first + o->articles[a].nparts;
				if (article != (size_t)-1)
					u->ed->article = a;
			}
	}
	/* more parts than rows: a window of panes around the focused one */
	size_t maxp = LINES - 1 > 8 ? (size_t)(LINES - 1) - 6 : 1;
	if (maxp > 256)
		maxp = 256;
	if (last - first > maxp) {
		size_t from = cur > maxp / 2 ? cur - maxp / 2 : 0;
		if (from < first)
			from = first;
		if (from + maxp > last)
			from = last - maxp;
		first = from;
		last = from + maxp;
	}
	u->npanes = 0;
	for (size_t i = first; i < last && u->npanes < 256; i++) {
		pane *p = &u->panes[u->npanes++];
		p->part = i;
		p->start = o->parts[i].start;
		p->end = o->parts[i].end;
	}
	/* rows: the focused pane takes what the others leave */
	int avail = LINES - 1, n = (int)u->npanes;
	int small = n > 1 ? (avail - 6) / (n - 1) : 0;
	if (small > 3)
		small = 3;
	if (small < 1)
		small = 1;
	int y = 0;
	for (size_t i = 0; i < u->npanes; i++) {
		pane *p = &u->panes[i];
		bool focus = p->part == cur;
		int rows = focus ? avail - small * (n - 1) : small;
		if (rows < 1)
			rows = 1;
		if (y + rows > avail)
			rows = avail - y;
		p->y = y;
		p->rows = rows;
		y += rows;
		/* an edit elsewhere may have moved the bytes under a remembered
		 * offset: a pane starts on a whole row of the current text */
		size_t remembered = p->part < 256 ? u->top[p->part] : 0;
		p->top = remembered > p->start && remembered < p->end
				 ? row_of(u->ed->doc->text, remembered)
				 : p->start;
	}
}

/* Keeps the cursor visible in its pane. */
static void scroll_focus(ui *u)
{
	zj_text *t = u->ed->doc->text;
	size_t cur = zj_ed_current_part(u->ed);
	for (size_t i = 0; i < u->npanes; i++) {
		pane *p = &u->panes[i];
		if (p->part != cur || p->rows < 2)
			continue;
		size_t crow = row_of(t, u->ed->cursor);
		if (crow < p->top)
			p->top = crow;
		int visible = p->rows - 1, k = 0;
		size_t r = p->top;
		while (r < crow && k < visible) {
			r = next_row(t, r);
			k++;
		}
		if (k >= visible) {
			/* put the cursor row last */
			size_t top = crow;
			for (int j = 1; j < visible && top > p->start; j++)
				top = prev_row(t, top);
			p->top = top;
		}
		if (p->part < 256)
			u->top[p->part] = p->top;
	}
}

/* ---- drawing ---------------------------------------------------------- */

static void put_utf8(int y, int x, const char *s, size_t n, attr_t attr, short pair, int maxx)
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

static int utf8_width(const char *s)
{
	return (int)zj_str_width(s, strlen(s));
}

static void draw_frame(ui *u, const pane *p, bool focus)
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

typedef struct spans {
	span items[256];
	size_t n;
	size_t base;
} spans;

static bool collect_span(const zj_gap *g, void *ctx)
{
	spans *s = ctx;
	if (s->n < 256)
		s->items[s->n++] = (span){g->start + s->base, g->end + s->base, g->kind};
	return true;
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

/* Draws the rows of one pane; returns true and sets the cursor place when the
 * cursor is in it. */
static bool draw_text(ui *u, const pane *p, int *cy, int *cx)
{
	zj_text *t = u->ed->doc->text;
	size_t sel_s, sel_e;
	zj_ed_selection(u->ed, &sel_s, &sel_e);
	bool found = false;
	size_t r = p->top;
	size_t cur_line = (size_t)-1;
	spans gaps = {.n = 0};
	char *line = NULL;
	size_t ls = 0, seg_end = 0;
	for (int row = 1; row < p->rows; row++) {
		int y = p->y + row;
		move(y, 0);
		clrtoeol();
		/* the empty last line of a text ending in a line break is a row */
		size_t len = zj_text_len(t);
		if (r > len || (r >= p->end && !(r == len && p->end == len)))
			continue;
		size_t l = zj_text_line_of(t, r);
		size_t e = row_end(t, r);
		if (l != cur_line || e > seg_end) {
			/* the visible part of the line, not all of a huge one */
			free(line);
			ls = r;
			size_t le = zj_text_line_end(t, l);
			seg_end = le - r > ROW_WINDOW * 32 ? r + ROW_WINDOW * 32 : le;
			while (seg_end > r && seg_end < le &&
			       ((unsigned char)zj_text_byte(t, seg_end) & 0xC0) == 0x80)
				seg_end--;
			if (seg_end < e)
				seg_end = e;
			line = zj_text_dup(t, ls, seg_end);
			cur_line = l;
			gaps.n = 0;
			gaps.base = ls;
			zj_gaps_scan(line, seg_end - ls, collect_span, &gaps);
		}
		if (e > p->end)
			e = p->end;
		if (y < 512) {
			u->row_start[y] = r;
			u->row_text[y] = true;
		}
		int sev = margin_mark(u, r, e);
		if (sev >= 0)
			mvaddch(y, 0, (sev == ZJ_SEV_ERROR ? '!' : sev == ZJ_SEV_WARNING ? '*' : '.') |
					      A_BOLD | COLOR_PAIR(sev == ZJ_SEV_ERROR ? PAIR_NUM : PAIR_GAP));
		int x = 1;
		for (size_t i = r; i < e && x < COLS;) {
			size_t ce = i + (zj_grapheme_next(line, strlen(line), i - ls) - (i - ls));
			if (line[i - ls] == '\r' || line[i - ls] == '\n')
				break;
			int w = line[i - ls] == '\t' ? 4 - (x - 1) % 4 : zj_cluster_width(line, i - ls, ce - ls);
			if (x + w > COLS)
				break;
			attr_t attr = A_NORMAL;
			short pair = 0;
			for (size_t k = 0; k < gaps.n; k++)
				if (i >= gaps.items[k].start && i < gaps.items[k].end) {
					pair = gap_pair(gaps.items[k].kind);
					attr |= gaps.items[k].kind == ZJ_GAP_NUMBER ? A_BOLD : A_NORMAL;
				}
			if (i >= sel_s && i < sel_e)
				attr |= A_REVERSE;
			if (i == u->ed->cursor) {
				*cy = y;
				*cx = x;
				found = true;
			}
			if (line[i - ls] == '\t')
				for (int k = 0; k < w; k++)
					mvaddch(y, x + k, ' ' | attr | COLOR_PAIR(pair));
			else
				put_utf8(y, x, line + (i - ls), ce - i, attr, pair, COLS);
			x += w;
			i = ce;
		}
		if (!found && u->ed->cursor >= r && u->ed->cursor <= e &&
		    (u->ed->cursor < e || e >= zj_text_line_end(t, l) || e == p->end) &&
		    u->ed->cursor < p->end + (p->end == zj_text_len(t))) {
			*cy = y;
			*cx = x < COLS ? x : COLS - 1;
			found = true;
		}
		r = next_row(t, r);
	}
	free(line);
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

static void draw_status(ui *u)
{
	long line, col;
	zj_ed_position(u->ed, &line, &col);
	const char *name = u->ed->doc->path ? u->ed->doc->path : _("[new]");
	char left[768], right[256], where[320] = "";
	/* a message or a warning takes the room of the article's title and length */
	if (!u->provisional && !u->message[0] && !(u->s && zj_session_warning(u->s)))
		article_status(u, where, sizeof where);
	snprintf(left, sizeof left, " %s%s  %ld:%ld  %s", name,
		 zj_text_modified(u->ed->doc->text) ? " [+]" : "", line, col, where);
	if (u->provisional)
		snprintf(right, sizeof right, "%s", _("reading the outline…  F1 help  ^Q quit "));
	else
		snprintf(right, sizeof right,
			 _("gaps left: %zu  F1 help  F5 next gap  ^S save  ^Q quit "),
			 zj_ed_total_gaps(u->ed));
	move(LINES - 1, 0);
	attron(COLOR_PAIR(PAIR_STATUS));
	for (int x = 0; x < COLS; x++)
		addch(' ');
	if (u->prompting) {
		/* the prompt has the line, its cursor where the writer types; the
		 * place in the text (an incremental search moves it) at the end */
		char at[64];
		snprintf(at, sizeof at, " %ld:%ld ", line, col);
		int w = utf8_width(at);
		put_utf8(LINES - 1, 0, u->message, strlen(u->message), A_BOLD, PAIR_STATUS,
			 COLS - w > u->prompt_col + 1 ? COLS - w : COLS);
		if (COLS - w > utf8_width(u->message))
			put_utf8(LINES - 1, COLS - w, at, strlen(at), A_NORMAL, PAIR_STATUS, COLS);
		attroff(COLOR_PAIR(PAIR_STATUS));
		return;
	}
	put_utf8(LINES - 1, 0, left, strlen(left), A_NORMAL, PAIR_STATUS, COLS);
	int x = utf8_width(left);
	const char *warning = u->s ? zj_session_warning(u->s) : NULL; /* NULL in the form */
	const zj_finding *sugg = u->marks_stale ? NULL : zj_suggestion_at(u->ed, &u->found);
	char offer[600];
	if (u->message[0])
		put_utf8(LINES - 1, x, u->message, strlen(u->message), A_BOLD, PAIR_STATUS, COLS);
	else if (warning) /* stays until the journal is written again */
		put_utf8(LINES - 1, x, warning, strlen(warning), A_BOLD, PAIR_STATUS, COLS);
	else if (sugg) {
		snprintf(offer, sizeof offer, _("%s  (F2 applies)"), zj_finding_message(&u->found, sugg));
		put_utf8(LINES - 1, x, offer, strlen(offer), A_BOLD, PAIR_STATUS, COLS);
	} else {
		/* less room: fewer key hints, at least the gap count */
		if (COLS - utf8_width(right) <= x && !u->provisional)
			snprintf(right, sizeof right, _("gaps left: %zu  F1 help "),
				 zj_ed_total_gaps(u->ed));
		if (COLS - utf8_width(right) <= x && !u->provisional)
			snprintf(right, sizeof right, _("gaps left: %zu "), zj_ed_total_gaps(u->ed));
		if (COLS - utf8_width(right) > x)
			put_utf8(LINES - 1, COLS - utf8_width(right), right, strlen(right), A_NORMAL,
				 PAIR_STATUS, COLS);
	}
	attroff(COLOR_PAIR(PAIR_STATUS));
}

static bool too_small(void)
{
	return COLS < MIN_COLS || LINES < MIN_LINES;
}

static void draw(ui *u)
{
	erase();
	memset(u->row_text, 0, sizeof u->row_text);
	if (too_small()) {
		const char *msg = _("enlarge the terminal");
		put_utf8(0, 0, msg, strlen(msg), A_BOLD, 0, COLS);
		char size[128];
		snprintf(size, sizeof size, _("to at least %d×%d (now %d×%d)"), MIN_COLS, MIN_LINES,
			 COLS, LINES);
		if (LINES > 1)
			put_utf8(1, 0, size, strlen(size), A_NORMAL, 0, COLS);
		/* a question asked meanwhile (Ctrl-Q) still shows */
		if (u->message[0] && LINES > 2)
			put_utf8(2, 0, u->message, strlen(u->message), A_NORMAL, 0, COLS);
		curs_set(0);
		refresh();
		return;
	}
	layout(u);
	scroll_focus(u);
	size_t cur = zj_ed_current_part(u->ed);
	int cy = -1, cx = -1;
	for (size_t i = 0; i < u->npanes; i++) {
		const pane *p = &u->panes[i];
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

/* ---- prompts ---------------------------------------------------------- */

/* Shows question on the status line and waits for y, n or Esc. */
static int ask(ui *u, const char *question)
{
	snprintf(u->message, sizeof u->message, "%s", question);
	for (;;) {
		draw(u);
		wint_t k;
		int r = read_key(&k);
		if (r == KEY_CODE_YES && k == KEY_RESIZE)
			continue;
		if (r == ERR || r == KEY_CODE_YES)
			continue; /* the question stays until it is answered */
		int answer = k == 'y' || k == 'Y'   ? 'y'
			     : k == 'n' || k == 'N' ? 'n'
			     : k == 27 || k == CTRL('g') || k == CTRL('c') ? 27 : 0;
		if (answer) {
			u->message[0] = '\0';
			return answer;
		}
	}
}

/* What follows an ESC: the CSI or SS3 sequence read whole into seq (its
 * introducer left out), or false for a lone ESC, whatever came after it
 * given back as a key of its own. */
static bool read_escape(char *seq, size_t cap)
{
	wint_t k;
	/* the rest of a sequence may come a moment after the ESC */
	timeout(50);
	int r = get_wch(&k);
	if (r == ERR || r == KEY_CODE_YES || (k != '[' && k != 'O')) {
		if (r == KEY_CODE_YES)
			ungetch((int)k);
		else if (r != ERR)
			unget_wch((wchar_t)k);
		timeout(-1);
		return false;
	}
	size_t n = 0;
	while ((r = get_wch(&k)) != ERR && r != KEY_CODE_YES && n + 1 < cap) {
		seq[n++] = (char)k;
		if (k >= 0x40 && k <= 0x7E)
			break;
	}
	seq[n] = '\0';
	timeout(-1);
	return true;
}

/* The text of a bracketed paste, after its ESC [ 200 ~, up to ESC [ 201 ~
 * (or a second of silence from a terminal that lost the end). */
static void read_paste(zj_buf *b)
{
	for (;;) {
		wint_t k;
		timeout(1000);
		int r = get_wch(&k);
		timeout(-1);
		if (r == ERR)
			break;
		if (r == KEY_CODE_YES) {
			if (k == KEY_ENTER)
				zj_buf_putc(b, '\n');
			continue;
		}
		if (k == 27) {
			char seq[32];
			if (read_escape(seq, sizeof seq) && !strcmp(seq, "201~"))
				break;
			continue;
		}
		char enc[4];
		zj_buf_append(b, enc, zj_utf8_encode((int32_t)k, enc));
	}
	if (!b->data)
		zj_buf_append(b, "", 0);
}

/* A prompt's key given as a CSI sequence; false when it ends the prompt
 * (a lone ESC). */
static bool prompt_escape(zj_lineedit *le)
{
	char seq[32];
	if (!read_escape(seq, sizeof seq))
		return false;
	if (!strcmp(seq, "200~")) {
		zj_buf b = {0};
		read_paste(&b);
		zj_le_insert(le, b.data, b.len);
		zj_buf_free(&b);
		return true;
	}
	char final = seq[0] ? seq[strlen(seq) - 1] : 0;
	if (final == 'D')
		zj_le_left(le);
	else if (final == 'C')
		zj_le_right(le);
	else if (final == 'H' || !strcmp(seq, "1~") || !strcmp(seq, "7~"))
		zj_le_home(le);
	else if (final == 'F' || !strcmp(seq, "4~") || !strcmp(seq, "8~"))
		zj_le_end(le);
	else if (!strcmp(seq, "3~"))
		zj_le_delete(le);
	return true;
}

/* Called after each change of a prompt's text (incremental search). */
typedef void (*edit_hook)(ui *u, const char *text, void *ctx);

/* Reads a line of text on the status line, starting from initial,
 * edited where the cursor is (Left, Right, Home, End, Backspace, Delete);
 * NULL on Esc. */
static char *read_line_with(ui *u, const char *prompt, const char *initial, edit_hook hook,
			    void *ctx)
{
	zj_lineedit le;
	zj_le_init(&le, initial);
	bool done = false, cancelled = false;
	char *seen = zj_xstrdup(zj_le_text(&le));
	while (!done && !cancelled) {
		if (hook && strcmp(seen, zj_le_text(&le))) {
			free(seen);
			seen = zj_xstrdup(zj_le_text(&le));
			hook(u, seen, ctx);
		}
		snprintf(u->message, sizeof u->message, "%s%s", prompt, zj_le_text(&le));
		u->prompting = true;
		u->prompt_col = utf8_width(prompt) + zj_le_column(&le);
		draw(u);
		wint_t k;
		int r = read_key(&k);
		if (r == ERR)
			continue;
		if (r == KEY_CODE_YES) {
			switch (k) {
			case KEY_LEFT: zj_le_left(&le); break;
			case KEY_RIGHT: zj_le_right(&le); break;
			case KEY_HOME: zj_le_home(&le); break;
			case KEY_END: zj_le_end(&le); break;
			case KEY_BACKSPACE: zj_le_backspace(&le); break;
			case KEY_DC: zj_le_delete(&le); break;
			case KEY_ENTER: done = true; break;
			default: break;
			}
			continue;
		}
		if (k == 27)
			cancelled = !prompt_escape(&le);
		else if (k == CTRL('g'))
			cancelled = true;
		else if (k == '\r' || k == '\n')
			done = true;
		else if (k == 127 || k == 8)
			zj_le_backspace(&le);
		else if (k == CTRL('a'))
			zj_le_home(&le);
		else if (k == CTRL('e'))
			zj_le_end(&le);
		else if (k >= 0x20) {
			char enc[4];
			zj_le_insert(&le, enc, zj_utf8_encode((int32_t)k, enc));
		}
	}
	u->prompting = false;
	u->message[0] = '\0';
	char *line = cancelled ? NULL : zj_xstrdup(zj_le_text(&le));
	zj_le_free(&le);
	free(seen);
	return line;
}

static char *read_line(ui *u, const char *prompt)
{
	return read_line_with(u, prompt, NULL, NULL, NULL);
}

/* ---- commands --------------------------------------------------------- */

/* The question a save needs answered, and the consent a y gives. */
static const char *save_question(zj_save_result r, unsigned *consent)
{
	switch (r) {
	case ZJ_SAVE_CHANGED_ON_DISK:
		*consent = ZJ_ALLOW_CHANGED;
		return _("The file changed on disk since it was opened. Overwrite it? (y/n)");
	case ZJ_SAVE_READ_ONLY:
		*consent = ZJ_ALLOW_READ_ONLY;
		return _("The file is read-only. Replace it anyway? (y/n)");
	case ZJ_SAVE_EXISTS:
		*consent = ZJ_ALLOW_REPLACE;
		return _("That file exists. Overwrite it? (y/n)");
	default:
		return NULL;
	}
}

/* Saves the document; a document without a file, or save as (Ctrl-O,
 * nano's Write Out), asks the name, offering the current one. */
static bool save(ui *u, bool as)
{
	char *name = NULL;
	if (as || !u->s->doc->path) {
		name = read_line_with(u, _("Save as: "), as ? u->s->doc->path : NULL, NULL, NULL);
		if (!name || !*name) {
			free(name);
			return false;
		}
	}
	zj_error err = {0};
	unsigned allow = 0, consent;
	zj_save_result r;
	const char *question;
	while ((question = save_question(r = zj_session_save(u->s, name, allow, &err), &consent))) {
		if (ask(u, question) != 'y') {
			free(name);
			return false;
		}
		allow |= consent;
	}
	if (r == ZJ_SAVE_FAILED)
		/* the document stays in the editor, the file as it was */
		snprintf(u->message, sizeof u->message, _("cannot save %s: %s"),
			 name ? name : u->s->doc->path, err.message);
	else
		snprintf(u->message, sizeof u->message, _("saved %s"), u->s->doc->path);
	free(name);
	return r == ZJ_SAVED;
}

/* F1: keys and what they do, two columns aligned by display width in
 * any language; scrolls when the window is small. */
static void help(ui *u)
{
	static const char *const keys[][2] = {
		{N_("Arrows, Home, End, PgUp, PgDn"), N_("move; Ctrl-Left/Right by word")},
		{N_("Shift with a motion key"), N_("select")},
		{N_("Backspace, Delete"), N_("delete a character")},
		{N_("Ctrl-G"), N_("go to a line")},
		{N_("Tab or F6, Shift-Tab"), N_("next, previous pane")},
		{N_("F5 or Ctrl-N, Shift-F5 or Ctrl-P"), N_("next, previous gap (selected)")},
		{N_("typing over a selected gap"), N_("replaces the whole gap")},
		{N_("F7"), N_("fill every identical gap (same words around it) with the same text")},
		{N_("Ctrl-F"), N_("find as you type; Enter on the last search finds it again")},
		{N_("Ctrl-K, Ctrl-B"), N_("find the next, the previous match")},
		{N_("F4"), N_("replace, asking at each match: y, n, a (all), q")},
		{N_("Ctrl-T"), N_("choose an article (several in one file)")},
		{N_("F2"), N_("apply the suggestion shown on the status line")},
		{N_("F3"), N_("check: findings by rule, errors first, with their text; Enter jumps")},
		{N_("F8"), N_("insert a phrase of the current part")},
		{N_("F9"), N_("insert a missing standard part")},
		{N_("F10"), N_("export as written (refused while errors remain); .docx: Word")},
		{N_("Ctrl-E"), N_("export with options: encoding, line endings, indent, noise")},
		{N_("Ctrl-R"), N_("renew: next year's draft from this summary")},
		{N_("F12"), N_("half-width punctuation in Chinese text made full-width")},
		{N_("Ctrl-C, Ctrl-X, Ctrl-V"), N_("copy (also to the terminal's clipboard), cut, paste")},
		{N_("a paste from the terminal"), N_("one insertion, one undo step")},
		{N_("Mouse"), N_("click to place the cursor, wheel to scroll")},
		{N_("Ctrl-Z, Ctrl-Y"), N_("undo, redo (there is no suspend key)")},
		{N_("Ctrl-S, Ctrl-O"), N_("save, save as")},
		{N_("Ctrl-Q"), N_("quit (asks when there are changes)")},
		{N_("F1"), N_("this help")},
	};
	size_t n = sizeof keys / sizeof keys[0];
	int kw = 0;
	for (size_t i = 0; i < n; i++)
		if (utf8_width(_(keys[i][0])) > kw)
			kw = utf8_width(_(keys[i][0]));
	if (kw > COLS / 2)
		kw = COLS / 2;
	long top = 0;
	for (;;) {
		erase();
		const char *head = _("zongjie keys");
		put_utf8(0, 1, head, strlen(head), A_BOLD, 0, COLS);
		int rows = LINES - 3 > 1 ? LINES - 3 : 1;
		for (long i = top; i < (long)n && i - top < rows; i++) {
			const char *k = _(keys[i][0]), *d = _(keys[i][1]);
			int y = (int)(i - top) + 2;
			put_utf8(y, 1, k, strlen(k), A_NORMAL, 0, 1 + kw);
			put_utf8(y, 3 + kw, d, strlen(d), A_NORMAL, 0, COLS);
		}
		const char *hint = (long)n > rows ? _("Up/Down scroll, any other key goes back")
						  : _("Press any key to go back.");
		put_utf8(LINES - 1, 1, hint, strlen(hint), A_NORMAL, PAIR_STATUS, COLS);
		refresh();
		wint_t k;
		int r = get_wch(&k);
		if (r == ERR || (r == KEY_CODE_YES && k == KEY_RESIZE))
			continue;
		long last = (long)n > rows ? (long)n - rows : 0;
		if (r == KEY_CODE_YES && (k == KEY_DOWN || k == KEY_NPAGE))
			top = top + (k == KEY_DOWN ? 1 : rows) < last ? top + (k == KEY_DOWN ? 1 : rows) : last;
		else if (r == KEY_CODE_YES && (k == KEY_UP || k == KEY_PPAGE))
			top = top - (k == KEY_UP ? 1 : rows) > 0 ? top - (k == KEY_UP ? 1 : rows) : 0;
		else
			break;
	}
	(void)u;
}

/* Types s at the cursor, asking first when words go into a number gap. */
static void type_text(ui *u, const char *s, size_t n)
{
	if (zj_ed_input_needs_confirm(u->ed, s, n) &&
	    ask(u, _("This gap wants a number. Type words anyway? (y/n)")) != 'y')
		return;
	zj_ed_insert(u->ed, s, n);
}

static void fill_same(ui *u)
{
	if (!u->ed->gap_selected) {
		snprintf(u->message, sizeof u->message, "%s", _("select a gap first (F5)"));
		return;
	}
	char *value = read_line(u, _("Fill every identical gap with: "));
	if (!value)
		return;
	long lines[3];
	size_t n = zj_ed_fill_same(u->ed, value, strlen(value), lines, 3);
	/* where it filled: the count and the first lines */
	char where[64] = "";
	for (size_t i = 0; i < n && i < 3; i++)
		snprintf(where + strlen(where), sizeof where - strlen(where), "%s%ld",
			 i ? ", " : "", lines[i]);
	if (n > 3)
		snprintf(where + strlen(where), sizeof where - strlen(where), "%s", ", …");
	if (n)
		snprintf(u->message, sizeof u->message,
			 ngettext("%zu gap filled (line %s); Ctrl-Z undoes it",
				  "%zu gaps filled (lines %s); Ctrl-Z undoes them", n),
			 n, where);
	else
		snprintf(u->message, sizeof u->message, "%s", _("no gap filled"));
	free(value);
}

/* A list to pick from, starting at item first; returns the index, -1 on
 * Esc, or -2 when one of keys (may be NULL) was pressed: *key gets it,
 * *selected the item selected then. */
static long choose_keys(ui *u, const char *title, char **items, size_t n, long first,
			const char *keys, int *key, long *selected)
{
	long sel = first, top = 0;
	for (;;) {
		erase();
		put_utf8(0, 0, title, strlen(title), A_BOLD, 0, COLS);
		int rows = LINES - 2;
		if (sel < top)
			top = sel;
		if (sel >= top + rows)
			top = sel - rows + 1;
		for (long i = top; i < (long)n && i - top < rows; i++)
			put_utf8((int)(i - top) + 1, 1, items[i], strlen(items[i]),
				 i == sel ? A_REVERSE : A_NORMAL, 0, COLS);
		const char *hint = _("Up/Down choose, Enter take, Esc back");
		put_utf8(LINES - 1, 0, hint, strlen(hint), A_NORMAL, PAIR_STATUS, COLS);
		refresh();
		wint_t k;
		int r = read_key(&k);
		if (r == ERR)
			continue;
		if (r == KEY_CODE_YES) {
			if (k == KEY_UP && sel > 0)
				sel--;
			else if (k == KEY_DOWN && sel + 1 < (long)n)
				sel++;
			else if (k == KEY_NPAGE)
				sel = sel + rows < (long)n ? sel + rows : (long)n - 1;
			else if (k == KEY_PPAGE)
				sel = sel > rows ? sel - rows : 0;
			else if (k == KEY_HOME)
				sel = 0;
			else if (k == KEY_END)
				sel = n ? (long)n - 1 : 0;
			else if (k == KEY_ENTER)
				return n ? sel : -1;
			continue;
		}
		if (k == '\r' || k == '\n')
			return n ? sel : -1;
		if (k == 27 || k == CTRL('g') || k == 'q')
			return -1;
		if (keys && k < 0x80 && k > 0 && strchr(keys, (int)k)) {
			*key = (int)k;
			*selected = sel;
			return -2;
		}
		/* an item labelled "K  …" is picked by K; else 1-9 pick by place */
		for (size_t i = 0; i < n && k < 0x80; i++)
			if (items[i][0] == (char)k && !strncmp(items[i] + 1, "  ", 2))
				return (long)i;
		if (k >= '1' && k <= '9' && (size_t)(k - '1') < n)
			return k - '1';
	}
	(void)u;
}

static long choose_from(ui *u, const char *title, char **items, size_t n, long first)
{
	return choose_keys(u, title, items, n, first, NULL, NULL, NULL);
}

static long choose(ui *u, const char *title, char **items, size_t n)
{
	return choose_from(u, title, items, n, 0);
}

static void free_items(char **items, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(items[i]);
	free(items);
}

/* Runs the checker over [start, end) of the text, an article or the
 * whole (no spelling: it needs no network of words to be useful in the
 * margin).  Findings are at offsets from start. */
static void run_check(ui *u, zj_findings *f, size_t start, size_t end)
{
	zj_check_options opt;
	zj_check_options_default(&opt);
	opt.enabled[ZJ_RULE_SPELLING] = false;
	zj_checker *c = zj_checker_new(&opt, NULL);
	memset(f, 0, sizeof *f);
	if (start == 0 && end == zj_text_len(u->ed->doc->text)) {
		size_t len;
		const char *s = zj_doc_text(u->ed->doc, &len);
		zj_check(c, s, len, zj_doc_outline(u->ed->doc), f);
	} else {
		char *s = zj_text_dup(u->ed->doc->text, start, end);
		zj_outline *o = zj_outline_build(s, end - start);
		zj_check(c, s, end - start, o, f);
		zj_outline_free(o);
		free(s);
	}
	zj_checker_free(c);
}

/* The margin marks of the article the cursor is in: checking it costs
 * the article, not the document, so it runs whenever the writer pauses. */
static void refresh_marks(ui *u)
{
	size_t start, end, len = zj_text_len(u->ed->doc->text);
	zj_ed_article_range(u->ed, &start, &end);
	if (len <= AUTO_CHECK_BYTES) { /* a small file is checked whole */
		start = 0;
		end = len;
	}
	u->nmarks = 0;
	u->marks_stale = false;
	u->marks_start = start;
	if (end - start > AUTO_CHECK_BYTES)
		return; /* a huge article: F3 checks it on demand */
	zj_findings f;
	run_check(u, &f, start, end);
	size_t n = zj_findings_total(&f);
	u->mark_at = zj_xrealloc(u->mark_at, (n + 1) * sizeof *u->mark_at);
	u->mark_sev = zj_xrealloc(u->mark_sev, n + 1);
	zj_findings_iter it;
	zj_findings_iter_init(&it, &f);
	const zj_finding *x;
	while ((x = zj_findings_next(&it))) {
		u->mark_at[u->nmarks] = start + x->start;
		u->mark_sev[u->nmarks++] = x->severity;
	}
	/* a whole small file keeps its findings for the suggestions (F2) */
	zj_findings_free(&u->found);
	if (start == 0 && end == zj_text_len(u->ed->doc->text))
		u->found = f;
	else {
		zj_findings_free(&f);
		memset(&u->found, 0, sizeof u->found);
	}
}

/* Lists findings (all, or errors only) grouped by rule, errors first,
 * each group under a heading with its count (the grouping is the core's),
 * and jumps to the one chosen; a heading jumps to its first finding. */
/* The F3 list: headings per rule and severity, then each finding with
 * its place and the text found, at least min_sev and of rule (-1: any). */
typedef struct finding_list {
	char **items;
	size_t *at, *len;
	int *rule;           /* the rule of each row, for the r filter */
	size_t n, total;
} finding_list;

static void list_findings(ui *u, const zj_findings *f, size_t base, int min_sev, int rule,
			  finding_list *l)
{
	size_t all = zj_findings_total(f), total = 0;
	const zj_finding **order = zj_xcalloc(all + 1, sizeof *order);
	zj_findings_by_rule(f, order);
	for (size_t i = 0; i < all; i++) /* keep the order, drop what the filter leaves out */
		if ((int)order[i]->severity >= min_sev && (rule < 0 || order[i]->rule == rule))
			order[total++] = order[i];
	l->items = zj_xcalloc(2 * total + 1, sizeof *l->items);
	l->at = zj_xcalloc(2 * total + 1, sizeof *l->at);
	l->len = zj_xcalloc(2 * total + 1, sizeof *l->len);
	l->rule = zj_xcalloc(2 * total + 1, sizeof *l->rule);
	l->n = 0;
	l->total = total;
	for (size_t i = 0; i < total; i++) {
		const zj_finding *x = order[i];
		if (i == 0 || x->rule != order[i - 1]->rule || x->severity != order[i - 1]->severity) {
			const zj_rule_info *r = zj_rule_get((zj_rule)x->rule);
			l->items[l->n] = zj_xasprintf("%s  %s (%zu)  [%s]",
						      x->severity == ZJ_SEV_ERROR ? _("error")
						      : x->severity == ZJ_SEV_WARNING ? _("warning") : _("info"),
						      _(r->summary), zj_findings_run(order, total, i), r->id);
			l->at[l->n] = base + x->start;
			l->rule[l->n] = x->rule;
			l->len[l->n++] = x->len;
		}
		long line, col;
		zj_doc_position(u->ed->doc, base + x->start, &line, &col);
		/* the text found (a gap's own text), up to a line's worth */
		size_t shown = x->len < 60 ? x->len : 60;
		char *found = zj_text_dup(u->ed->doc->text, base + x->start, base + x->start + shown);
		found[zj_utf8_valid_prefix(found, shown)] = '\0';
		for (char *c = found; *c; c++)
			if (*c == '\n' || *c == '\r')
				*c = ' ';
		l->items[l->n] = zj_xasprintf("    %ld:%ld  「%s」  %s", line, col, found,
					      zj_finding_message(f, x));
		free(found);
		l->at[l->n] = base + x->start;
		l->rule[l->n] = x->rule;
		l->len[l->n++] = x->len;
	}
	free(order);
}

static void free_list(finding_list *l)
{
	free_items(l->items, l->n);
	free(l->at);
	free(l->len);
	free(l->rule);
}

/* Lists findings (all, or errors only) of the article chosen or the file
 * and jumps to the one chosen; e, w, a filter by severity, r keeps the
 * rule of the row selected. */
static bool findings_panel(ui *u, bool errors_only, const char *title, size_t base, size_t end)
{
	zj_findings f;
	run_check(u, &f, base, end);
	int min_sev = errors_only ? ZJ_SEV_ERROR : ZJ_SEV_INFO, rule = -1;
	for (;;) {
		finding_list l;
		list_findings(u, &f, base, min_sev, rule, &l);
		if (l.total == 0 && min_sev == (errors_only ? ZJ_SEV_ERROR : ZJ_SEV_INFO) && rule < 0) {
			snprintf(u->message, sizeof u->message, "%s", _("no findings"));
			free_list(&l);
			zj_findings_free(&f);
			return false;
		}
		char head[256];
		snprintf(head, sizeof head, "%s (%zu)  %s", title, l.total,
			 _("e errors, w warnings, a all, r this rule"));
		int key = 0;
		long sel = 0, pick = choose_keys(u, head, l.items, l.n, 0, "ewar", &key, &sel);
		if (pick == -2) {
			min_sev = key == 'e' ? ZJ_SEV_ERROR : key == 'w' ? ZJ_SEV_WARNING : ZJ_SEV_INFO;
			rule = key == 'r' && sel >= 0 && (size_t)sel < l.n ? l.rule[sel] : key == 'a' ? -1 : rule;
			free_list(&l);
			continue;
		}
		if (pick >= 0) {
			zj_ed_set_cursor(u->ed, l.at[pick]);
			u->ed->anchor = l.at[pick];
			u->ed->cursor = l.at[pick] + l.len[pick];
		}
		free_list(&l);
		zj_findings_free(&f);
		return true;
	}
}

/* F3: the findings of the article chosen, or of all. */
static void findings(ui *u)
{
	size_t start, end;
	zj_ed_scope(u->ed, &start, &end);
	refresh_marks(u);
	findings_panel(u, false, _("Findings"), start, end);
}

/* Incremental search: each change of the prompt selects the first match
 * from where the search started. */
typedef struct search {
	size_t cursor, anchor; /* where it started */
} search;

static void search_as_typed(ui *u, const char *text, void *ctx)
{
	search *from = ctx;
	u->ed->cursor = from->cursor;
	u->ed->anchor = from->anchor;
	if (*text)
		zj_ed_find(u->ed, text, strlen(text));
}

/* Ctrl-F: find as the writer types; the prompt starts with the last
 * search, so Ctrl-F Enter finds it again. */
static void find(ui *u)
{
	search from = {u->ed->cursor, u->ed->anchor};
	char *q = read_line_with(u, _("Find: "), u->last_find, search_as_typed, &from);
	if (!q || !*q) {
		/* Esc: back where the search started */
		zj_ed_clear_selection(u->ed);
		zj_ed_set_cursor(u->ed, from.cursor);
		free(q);
		return;
	}
	free(u->last_find);
	u->last_find = q;
	u->ed->cursor = from.cursor;
	u->ed->anchor = from.anchor;
	if (!zj_ed_find(u->ed, q, strlen(q)))
		snprintf(u->message, sizeof u->message, _("not found: %s"), q);
}

/* Ctrl-K, Ctrl-R: the next or previous match of the last search. */
static void find_again(ui *u, bool backwards)
{
	if (!u->last_find) {
		snprintf(u->message, sizeof u->message, "%s", _("nothing searched yet (Ctrl-F)"));
		return;
	}
	size_t n = strlen(u->last_find);
	if (!(backwards ? zj_ed_find_prev(u->ed, u->last_find, n) : zj_ed_find(u->ed, u->last_find, n)))
		snprintf(u->message, sizeof u->message, _("not found: %s"), u->last_find);
}

/* Ctrl-G: go to a line. */
static void go_to_line(ui *u)
{
	char *q = read_line(u, _("Go to line: "));
	if (!q || !*q) {
		free(q);
		return;
	}
	char *end;
	long line = strtol(q, &end, 10);
	if (*end || !zj_ed_goto_line(u->ed, line))
		snprintf(u->message, sizeof u->message, _("no line %s here"), q);
	free(q);
}

/* Asks a question answered by one of the keys in answers (or Esc). */
static int ask_one_of(ui *u, const char *question, const char *answers)
{
	snprintf(u->message, sizeof u->message, "%s", question);
	for (;;) {
		draw(u);
		wint_t k;
		int r = get_wch(&k);
		if (r != OK)
			continue;
		if (k == 27 || k == CTRL('g') || k == CTRL('c')) {
			u->message[0] = '\0';
			return 27;
		}
		if (k < 0x80 && strchr(answers, (int)(k | 0x20))) {
			u->message[0] = '\0';
			return (int)(k | 0x20);
		}
	}
}

/* F4: replace, asking at each match (y, n, a for all the rest, q). */
static void replace(ui *u)
{
	char *what = read_line(u, _("Replace: "));
	if (!what || !*what) {
		free(what);
		return;
	}
	char prompt[512];
	snprintf(prompt, sizeof prompt, _("Replace %s with: "), what);
	char *with = read_line(u, prompt);
	size_t n = strlen(what), count = 0;
	if (with) {
		zj_editor *ed = u->ed;
		size_t origin = ed->cursor, last = ed->cursor;
		bool all = false, wrapped = false;
		while (zj_ed_find(ed, what, n)) {
			size_t hit = ed->anchor;
			if (hit < last)
				wrapped = true; /* went round: stop where it began */
			if (wrapped && hit >= origin)
				break;
			int a = all ? 'y' : ask_one_of(u, _("Replace this one? (y/n/a: all/q)"), "ynaq");
			if (a == 'q' || a == 27)
				break;
			if (a == 'a' && count == 0) {
				/* all of them from the start: one undo step, and the
				 * cursor stays where the writer had it */
				ed->cursor = ed->anchor = origin;
				count = zj_ed_replace_all(ed, what, n, with, strlen(with));
				break;
			}
			all |= a == 'a';
			last = ed->cursor;
			if (a == 'n')
				continue;
			zj_ed_insert(ed, with, strlen(with));
			zj_ed_commit(ed);
			count++;
			if (wrapped)
				origin = origin + strlen(with) - n;
			last = ed->cursor;
		}
		zj_ed_clear_selection(ed);
		snprintf(u->message, sizeof u->message, ngettext("%zu replaced", "%zu replaced", count),
			 count);
	}
	free(what);
	free(with);
}

static void phrase(ui *u)
{
	if (!u->sk)
		return;
	const zj_outline *o = zj_doc_outline(u->ed->doc);
	zj_part_kind kind = o->nparts ? o->parts[zj_ed_current_part(u->ed)].kind : ZJ_PART_OPENING;
	char **items = NULL;
	size_t n = 0;
	for (size_t i = 0; i < u->sk->nparts; i++) {
		const zj_sk_part *p = &u->sk->parts[i];
		if (p->kind != kind)
			continue;
		items = zj_xrealloc(items, (n + p->nphrases + 1) * sizeof *items);
		for (size_t k = 0; k < p->nphrases; k++)
			items[n++] = zj_xstrdup(p->phrases[k]);
	}
	if (!n) {
		snprintf(u->message, sizeof u->message, "%s", _("no phrases for this part"));
		free(items);
		return;
	}
	long pick = choose(u, _("Insert a phrase"), items, n);
	if (pick >= 0) {
		zj_ed_commit(u->ed);
		zj_ed_insert(u->ed, items[pick], strlen(items[pick]));
		zj_ed_commit(u->ed);
	}
	free_items(items, n);
}

static void missing_part(ui *u)
{
	if (!u->sk)
		return;
	zj_part_kind kinds[4];
	size_t n = zj_ed_missing_parts(u->ed, kinds);
	if (!n) {
		snprintf(u->message, sizeof u->message, "%s", _("every standard part is there"));
		return;
	}
	char **items = zj_xcalloc(n, sizeof *items);
	for (size_t i = 0; i < n; i++)
		items[i] = zj_xstrdup(zj_part_label(kinds[i]));
	long pick = choose(u, _("Insert a missing part"), items, n);
	free_items(items, n);
	if (pick < 0)
		return;
	for (size_t i = 0; i < u->sk->nparts; i++) {
		if (u->sk->parts[i].kind != kinds[pick])
			continue;
		int number;
		size_t at = zj_ed_part_position(u->ed, kinds[pick], &number);
		size_t len;
		char *text = zj_skeleton_render_part(u->sk, i, number, &len);
		zj_buf b = {0};
		/* on a line of its own, a blank line before it */
		if (at > 0 && zj_text_byte(u->ed->doc->text, at - 1) != '\n')
			zj_buf_putc(&b, '\n');
		if (at > 0)
			zj_buf_putc(&b, '\n');
		zj_buf_append(&b, text, len);
		zj_ed_commit(u->ed);
		zj_ed_set_cursor(u->ed, at);
		zj_ed_insert(u->ed, b.data, b.len);
		zj_ed_commit(u->ed);
		zj_ed_set_cursor(u->ed, at + (b.len - len));
		zj_buf_free(&b);
		free(text);
		return;
	}
}

/* The export's format: a .docx name is a Word document, another
 * extension text; without one, the user picks, Enter repeating the last
 * choice for this file.  Returns false on Esc. */
static bool export_format(ui *u, const char *name, bool *docx)
{
	const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
	const char *dot = strrchr(base, '.');
	if (dot && dot != base) {
		*docx = !strcasecmp(dot, ".docx");
		return true;
	}
	snprintf(u->message, sizeof u->message, "%s",
		 u->export_docx ? _("Export as (t)ext or (w)ord document? [Enter: Word document]")
				: _("Export as (t)ext or (w)ord document? [Enter: text]"));
	for (;;) {
		draw(u);
		wint_t k;
		int r = read_key(&k);
		if (r == ERR || (r == KEY_CODE_YES && k != KEY_ENTER))
			continue;
		if (k == 't' || k == 'T' || k == 'w' || k == 'W')
			u->export_docx = k == 'w' || k == 'W';
		else if (k == 27 || k == CTRL('g') || k == CTRL('c')) {
			u->message[0] = '\0';
			return false;
		} else if (k != '\r' && k != '\n' && k != KEY_ENTER)
			continue;
		u->message[0] = '\0';
		*docx = u->export_docx;
		return true;
	}
}

/* Frees the strings of an array that is not itself on the heap. */
static void free_strings(char **items, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(items[i]);
}

/* Ctrl-E's options, as the command line's: encoding and line endings
 * (text only), indent, noise; Enter on an option changes it, on the first
 * line exports.  False on Esc. */
static bool export_options(ui *u, zj_session_export_options *opt)
{
	for (long sel = 0;;) {
		char *items[5];
		size_t n = 0;
		items[n++] = zj_xstrdup(_("export now"));
		items[n++] = zj_xasprintf(_("paragraph indent: %s"), opt->text.fullwidth_indent
									     ? _("two full-width spaces")
									     : _("as written"));
		items[n++] = zj_xasprintf(_("model-site noise lines: %s"),
					  opt->text.strip_noise ? _("dropped") : _("kept"));
		if (!opt->docx) {
			items[n++] = zj_xasprintf(_("encoding: %s"),
						  zj_encoding_name(opt->format.encoding));
			items[n++] = zj_xasprintf(_("line endings: %s"), opt->format.eol == ZJ_EOL_CRLF ? "CRLF"
									 : opt->format.eol == ZJ_EOL_LF ? "LF"
													: _("mixed"));
		}
		sel = choose_from(u, _("Export options (Enter changes one; Esc cancels)"), items, n, sel);
		free_strings(items, n);
		if (sel <= 0)
			return sel == 0;
		if (sel == 1)
			opt->text.fullwidth_indent = !opt->text.fullwidth_indent;
		else if (sel == 2)
			opt->text.strip_noise = !opt->text.strip_noise;
		else if (sel == 3) {
			opt->format.encoding = opt->format.encoding == ZJ_ENC_GB18030 ? ZJ_ENC_UTF8
										     : ZJ_ENC_GB18030;
			opt->format.bom = false;
		} else
			opt->format.eol = opt->format.eol == ZJ_EOL_CRLF ? ZJ_EOL_LF : ZJ_EOL_CRLF;
	}
}

/* Before an export: with an article chosen, that article alone or all;
 * while errors remain in it, they are listed and the writer decides (the
 * command line's --force).  False when the export is called off. */
static bool export_scope(ui *u, zj_session_export_options *opt, unsigned *allow,
			 size_t *misnumbered)
{
	if (u->ed->article != (size_t)-1) {
		int a = ask(u, _("Export this article only? (y: this one, n: all articles)"));
		if (a == 27)
			return false;
		if (a == 'y')
			zj_ed_scope(u->ed, &opt->start, &opt->end);
	}
	size_t errors = zj_session_export_errors(u->s, opt->start, opt->end, misnumbered);
	if (!errors)
		return true;
	char title[256], question[320];
	snprintf(title, sizeof title, ngettext("Export refused: %zu error remains",
					       "Export refused: %zu errors remain", errors),
		 errors);
	findings_panel(u, true, title, opt->start, opt->end);
	snprintf(question, sizeof question, "%s. %s", title, _("Export anyway? (y/n)"));
	if (ask(u, question) != 'y') {
		snprintf(u->message, sizeof u->message, "%s", title);
		return false;
	}
	*allow |= ZJ_ALLOW_ERRORS;
	return true;
}

/* F10 exports with the options last chosen for this file; Ctrl-E
 * (with_options) shows them first. */
static void export(ui *u, bool with_options)
{
	zj_session_export_options opt;
	zj_session_export_defaults(u->s, &opt);
	if (u->export_chosen) {
		opt.text = u->export_text;
		opt.format = u->export_format;
	}
	unsigned allow = 0;
	size_t misnumbered = 0;
	if (!export_scope(u, &opt, &allow, &misnumbered))
		return;
	char *name = read_line(u, _("Export to: "));
	if (!name || !*name || !export_format(u, name, &opt.docx) ||
	    (with_options && !export_options(u, &opt))) {
		free(name);
		return;
	}
	u->export_chosen = true;
	u->export_text = opt.text;
	u->export_format = opt.format;
	/* the export is the author's text unless renumbering is chosen */
	opt.text.renumber = misnumbered && ask(u, _("Some headings are misnumbered. Renumber them "
						   "in the export? (y/n)")) == 'y';
	zj_error err = {0};
	zj_export_result r = zj_session_export(u->s, name, &opt, allow, &err);
	if (r == ZJ_EXPORT_EXISTS && ask(u, _("That file exists. Replace it? (y/n)")) == 'y')
		r = zj_session_export(u->s, name, &opt, allow | ZJ_ALLOW_REPLACE, &err);
	if (r == ZJ_EXPORTED)
		snprintf(u->message, sizeof u->message,
			 opt.docx ? _("exported to %s (Word document)") : _("exported to %s"), name);
	else if (r == ZJ_EXPORT_SAME_FILE)
		snprintf(u->message, sizeof u->message,
			 _("%s is the summary itself: export to another file"), name);
	else if (r == ZJ_EXPORT_FAILED)
		snprintf(u->message, sizeof u->message, "%s: %s", name, err.message);
	free(name);
}

/* A click focuses the pane and places the cursor; the wheel scrolls. */
static void mouse(ui *u)
{
	MEVENT m;
	if (getmouse(&m) != OK)
		return;
	if (m.bstate & (BUTTON4_PRESSED)) {
		zj_ed_vertical(u->ed, -3, text_width(), false);
		return;
	}
	if (m.bstate & (BUTTON5_PRESSED)) {
		zj_ed_vertical(u->ed, 3, text_width(), false);
		return;
	}
	if (!(m.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED)))
		return;
	if (m.y < 0 || m.y >= 512)
		return;
	if (!u->row_text[m.y]) {
		/* a frame: focus that pane */
		for (size_t i = 0; i < u->npanes; i++)
			if (u->panes[i].y == m.y) {
				const zj_part *p = &zj_doc_outline(u->ed->doc)->parts[u->panes[i].part];
				zj_ed_set_cursor(u->ed, p->start);
			}
		return;
	}
	/* walk the row to the clicked column */
	zj_text *t = u->ed->doc->text;
	size_t r = u->row_start[m.y], e = row_end(t, r);
	char *s = zj_text_dup(t, r, e);
	int x = 1;
	size_t i = 0;
	while (i < e - r && s[i] != '\n') {
		size_t ce = zj_grapheme_next(s, e - r, i);
		int w = zj_cluster_width(s, i, ce);
		if (x + w > m.x + (w > 1 ? 1 : 0))
			break;
		x += w;
		i = ce;
	}
	free(s);
	zj_ed_set_cursor(u->ed, r + i);
}

static void quit(ui *u)
{
	if (!zj_text_modified(u->ed->doc->text)) {
		u->quit = true;
		return;
	}
	int a = ask(u, _("Save changes? (y/n/Esc)"));
	if (a == 'y' && save(u, false))
		u->quit = true;
	else if (a == 'n')
		u->quit = true;
}

/* Ctrl-R: the draft of next period's summary from this one (renew.h)
 * takes the document's place, in a buffer with no file until saved. */
static void renew(ui *u)
{
	if (zj_text_modified(u->ed->doc->text)) {
		int a = ask(u, _("Save changes before renewing? (y/n/Esc)"));
		if (a == 27 || (a == 'y' && !save(u, false)))
			return;
	}
	zj_error err = {0};
	zj_renew_stats st;
	zj_doc *draft = zj_renew_doc(u->ed->doc, NULL, &st, &err);
	if (!draft) {
		snprintf(u->message, sizeof u->message, "%s", err.message);
		return;
	}
	/* the summary renewed stays as saved (or dropped on purpose) */
	zj_editor_free(u->ed);
	zj_session_free(u->s, true);
	u->s = zj_session_new(draft);
	u->ed = zj_editor_new(draft);
	u->nmarks = 0;
	u->marks_stale = true;
	memset(u->top, 0, sizeof u->top);
	snprintf(u->message, sizeof u->message,
		 _("draft: %zu figures and %zu plan items to update; F5 goes to the next, ^S saves"),
		 st.figures, st.plan_items);
}

/* ESC alone clears the selection.  A CSI sequence the terminal's
 * description does not name (Ctrl-arrows under TERM=screen) is read whole
 * here so it never lands in the text; the common ones are honoured, and a
 * bracketed paste is one insertion. */
static void escape(ui *u)
{
	zj_editor *ed = u->ed;
	char seq[32];
	if (!read_escape(seq, sizeof seq)) {
		zj_ed_clear_selection(ed);
		return;
	}
	if (!strcmp(seq, "200~")) {
		zj_buf b = {0};
		read_paste(&b);
		if (!zj_ed_input_needs_confirm(ed, b.data, b.len) ||
		    ask(u, _("This gap wants a number. Type words anyway? (y/n)")) == 'y')
			zj_ed_insert_block(ed, b.data, b.len);
		zj_buf_free(&b);
		return;
	}
	size_t n = strlen(seq);
	zj_ed_commit(ed);
	bool shift = strstr(seq, ";2") || strstr(seq, ";6");
	bool ctrl = strstr(seq, ";5") || strstr(seq, ";6");
	char final = n ? seq[n - 1] : 0;
	switch (final) {
	case 'C':
		ctrl ? zj_ed_word_right(ed, shift) : zj_ed_right(ed, shift);
		break;
	case 'D':
		ctrl ? zj_ed_word_left(ed, shift) : zj_ed_left(ed, shift);
		break;
	case 'A':
		zj_ed_vertical(ed, -1, text_width(), shift);
		break;
	case 'B':
		zj_ed_vertical(ed, 1, text_width(), shift);
		break;
	case 'H':
		ctrl ? zj_ed_doc_start(ed) : zj_ed_home(ed, shift);
		break;
	case 'F':
		ctrl ? zj_ed_doc_end(ed) : zj_ed_end(ed, shift);
		break;
	default:
		break; /* unknown: ignored, not typed */
	}
}

static bool choose_article(ui *u, bool at_start);

/* Copies the clipboard to the terminal's own (OSC 52), so what is copied
 * here can be pasted in another program; terminals that do not know the
 * sequence ignore it. */
static void osc52_copy(const zj_editor *ed)
{
	static const char digits[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *in = (const unsigned char *)ed->clipboard;
	size_t n = ed->clip_len;
	if (n > ((size_t)1 << 20))
		return; /* terminals refuse large ones */
	zj_buf b = {0};
	zj_buf_puts(&b, "\033]52;c;");
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)in[i] << 16 | (i + 1 < n ? (unsigned)in[i + 1] << 8 : 0) |
			     (i + 2 < n ? in[i + 2] : 0);
		zj_buf_putc(&b, digits[v >> 18 & 63]);
		zj_buf_putc(&b, digits[v >> 12 & 63]);
		zj_buf_putc(&b, i + 1 < n ? digits[v >> 6 & 63] : '=');
		zj_buf_putc(&b, i + 2 < n ? digits[v & 63] : '=');
	}
	zj_buf_puts(&b, "\a");
	fwrite(b.data, 1, b.len, stdout);
	fflush(stdout);
	zj_buf_free(&b);
}

/* F2: the suggestion shown on the status line goes into the text. */
static void apply_suggestion(ui *u)
{
	const zj_finding *x = u->marks_stale ? NULL : zj_suggestion_at(u->ed, &u->found);
	if (!x || !zj_suggestion_apply(u->ed, &u->found, x))
		snprintf(u->message, sizeof u->message, "%s", _("no suggestion at the cursor"));
}

static void key(ui *u, int r, wint_t k)
{
	zj_editor *ed = u->ed;
	u->message[0] = '\0';
	if (too_small()) {
		/* nothing reaches the text while it cannot be seen */
		if (r != KEY_CODE_YES && k == CTRL('q')) {
			zj_ed_commit(ed);
			quit(u);
		}
		return;
	}
	if (r == KEY_CODE_YES) {
		zj_ed_commit(ed);
		switch (k) {
		case KEY_LEFT: zj_ed_left(ed, false); break;
		case KEY_RIGHT: zj_ed_right(ed, false); break;
		case KEY_SLEFT: zj_ed_left(ed, true); break;
		case KEY_SRIGHT: zj_ed_right(ed, true); break;
		case KEY_UP: zj_ed_vertical(ed, -1, text_width(), false); break;
		case KEY_DOWN: zj_ed_vertical(ed, 1, text_width(), false); break;
		case KEY_SR: zj_ed_vertical(ed, -1, text_width(), true); break;
		case KEY_SF: zj_ed_vertical(ed, 1, text_width(), true); break;
		case KEY_HOME: zj_ed_home(ed, false); break;
		case KEY_END: zj_ed_end(ed, false); break;
		case KEY_SHOME: zj_ed_home(ed, true); break;
		case KEY_SEND: zj_ed_end(ed, true); break;
		case KEY_PPAGE: zj_ed_vertical(ed, -(LINES - 4), text_width(), false); break;
		case KEY_NPAGE: zj_ed_vertical(ed, LINES - 4, text_width(), false); break;
		case KEY_BACKSPACE: zj_ed_backspace(ed); break;
		case KEY_DC: zj_ed_delete(ed); break;
		case KEY_ENTER: zj_ed_newline(ed); break;
		case KEY_BTAB: zj_ed_focus_part(ed, -1); break;
		case KEY_F(1): help(u); break;
		case KEY_F(2): apply_suggestion(u); break;
		case KEY_F(5): if (!zj_ed_next_gap(ed)) snprintf(u->message, sizeof u->message, "%s", _("no gap left")); break;
		case KEY_F(17): if (!zj_ed_prev_gap(ed)) snprintf(u->message, sizeof u->message, "%s", _("no gap left")); break;
		case KEY_F(6): zj_ed_focus_part(ed, 1); break;
		case KEY_F(7): fill_same(u); break;
		case KEY_F(3): findings(u); break;
		case KEY_F(4): replace(u); break;
		case KEY_F(8): phrase(u); break;
		case KEY_F(9): missing_part(u); break;
		case KEY_F(10): export(u, false); break;
		case KEY_F(12): {
			size_t n = zj_ed_fix_punctuation(ed);
			snprintf(u->message, sizeof u->message,
				 ngettext("%zu half-width mark made full-width", "%zu half-width marks made full-width", n), n);
			break;
		}
		case KEY_MOUSE: mouse(u); break;
		case KEY_RESIZE: break;
		default:
			/* Ctrl-Left/Right arrive as extended key names */
			{
				const char *name = keyname((int)k);
				if (name && !strcmp(name, "kHOM5"))
					zj_ed_doc_start(ed);
				else if (name && !strcmp(name, "kEND5"))
					zj_ed_doc_end(ed);
				else if (name && !strcmp(name, "kLFT5"))
					zj_ed_word_left(ed, false);
				else if (name && !strcmp(name, "kRIT5"))
					zj_ed_word_right(ed, false);
				else if (name && !strcmp(name, "kLFT6"))
					zj_ed_word_left(ed, true);
				else if (name && !strcmp(name, "kRIT6"))
					zj_ed_word_right(ed, true);
			}
		}
		return;
	}
	switch (k) {
	case CTRL('s'): zj_ed_commit(ed); save(u, false); return;
	case CTRL('f'): zj_ed_commit(ed); find(u); return;
	case CTRL('k'): zj_ed_commit(ed); find_again(u, false); return;
	case CTRL('b'): zj_ed_commit(ed); find_again(u, true); return;
	case CTRL('g'): zj_ed_commit(ed); go_to_line(u); return;
	case CTRL('t'):
		zj_ed_commit(ed);
		if (zj_doc_outline(ed->doc)->narticles > 1)
			choose_article(u, false);
		else
			snprintf(u->message, sizeof u->message, "%s", _("this file holds one article"));
		return;
	case CTRL('e'): zj_ed_commit(ed); export(u, true); return;
	case CTRL('o'): zj_ed_commit(ed); save(u, true); return;
	case CTRL('r'): zj_ed_commit(ed); renew(u); return;
	case CTRL('q'): zj_ed_commit(ed); quit(u); return;
	case CTRL('z'): zj_ed_undo(ed); return;
	case CTRL('y'): zj_ed_redo(ed); return;
	case CTRL('c'): if (zj_ed_copy(ed)) osc52_copy(ed); return;
	case CTRL('x'): if (zj_ed_cut(ed)) osc52_copy(ed); return;
	case CTRL('v'): zj_ed_paste(ed); return;
	case CTRL('n'): if (!zj_ed_next_gap(ed)) snprintf(u->message, sizeof u->message, "%s", _("no gap left")); return;
	case CTRL('p'): if (!zj_ed_prev_gap(ed)) snprintf(u->message, sizeof u->message, "%s", _("no gap left")); return;
	case '\t': zj_ed_commit(ed); zj_ed_focus_part(ed, 1); return;
	case '\r': case '\n': zj_ed_newline(ed); return;
	case 127: case 8: zj_ed_backspace(ed); return;
	case 27: escape(u); return;
	}
	if (k >= 0x20) {
		char buf[4];
		size_t n = zj_utf8_encode((int32_t)k, buf);
		type_text(u, buf, n);
	}
}

/* Handles the key read and what is already waiting behind it.  Printable
 * characters that arrive together (an input method committing a word, a
 * paste without brackets) are typed as one piece, so a question about them
 * covers all of it and the keys behind it are not taken as its answer. */
static void take_keys(ui *u, int r, wint_t k)
{
	zj_buf typed = {0};
	for (;;) {
		if (r == OK && k >= 0x20 && k != 127 && !too_small()) {
			char enc[4];
			zj_buf_append(&typed, enc, zj_utf8_encode((int32_t)k, enc));
		} else {
			if (typed.len) {
				u->message[0] = '\0';
				type_text(u, typed.data, typed.len);
				typed.len = 0;
			}
			key(u, r, k);
		}
		if (u->quit)
			break;
		timeout(0);
		r = get_wch(&k);
		timeout(-1);
		if (r == ERR)
			break;
	}
	if (typed.len) {
		u->message[0] = '\0';
		type_text(u, typed.data, typed.len);
	}
	zj_buf_free(&typed);
}

/* ---- start ------------------------------------------------------------ */

/* The terminal as it was before curses, and the bytes that leave the
 * editor's screen modes, for a handler that may not call endwin(). */
static struct termios saved_tty;
static bool have_saved_tty;
static char leave_screen[256];
static size_t leave_screen_len;

static void add_leave(const char *cap)
{
	const char *s = tigetstr(cap);
	if (!s || s == (char *)-1)
		return;
	size_t n = strlen(s);
	if (leave_screen_len + n < sizeof leave_screen) {
		memcpy(leave_screen + leave_screen_len, s, n);
		leave_screen_len += n;
	}
}

/* A closed terminal (SIGHUP) or a polite kill (SIGTERM, SIGINT): the
 * journal is written out at once, and kept for the next start; the
 * terminal gets its echo back.  Only async-signal-safe calls. */
static void on_fatal_signal(int sig)
{
	zj_journal_flush_now();
	if (have_saved_tty) {
		(void)!write(STDOUT_FILENO, leave_screen, leave_screen_len);
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tty);
	}
	_exit(128 + sig);
}

static void catch_fatal_signals(void)
{
	struct sigaction sa = {.sa_handler = on_fatal_signal};
	/* one handler at a time: a SIGTERM during a SIGHUP's flush waits */
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGHUP);
	sigaddset(&sa.sa_mask, SIGTERM);
	sigaddset(&sa.sa_mask, SIGINT);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
}

static void start_curses(void)
{
	have_saved_tty = tcgetattr(STDIN_FILENO, &saved_tty) == 0;
	initscr();
	add_leave("sgr0");
	add_leave("rmkx");
	add_leave("cnorm");
	add_leave("rmcup");
	if (tigetstr("kmous") && tigetstr("kmous") != (char *)-1) {
		static const char mouse_off[] = "\033[?1000l";
		if (leave_screen_len + sizeof mouse_off < sizeof leave_screen) {
			memcpy(leave_screen + leave_screen_len, mouse_off, sizeof mouse_off - 1);
			leave_screen_len += sizeof mouse_off - 1;
		}
	}
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	/* bracketed paste: a paste arrives as one piece, not as typed keys */
	printf("\033[?2004h");
	fflush(stdout);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	if (has_colors()) {
		start_color();
		use_default_colors();
		init_pair(PAIR_FRAME, COLOR_BLACK, COLOR_WHITE);
		init_pair(PAIR_FOCUS, COLOR_WHITE, COLOR_BLUE);
		init_pair(PAIR_NUM, COLOR_WHITE, COLOR_RED);
		init_pair(PAIR_GAP, COLOR_BLACK, COLOR_YELLOW);
		init_pair(PAIR_PROMPT, COLOR_BLACK, COLOR_CYAN);
		init_pair(PAIR_STATUS, COLOR_BLACK, COLOR_WHITE);
	}
}

/* Asks which article to edit (all of them, or one), listing every one
 * with scrolling.  At the start Esc quits; later it goes back.  False
 * when nothing was chosen. */
static bool choose_article(ui *u, bool at_start)
{
	const zj_outline *o = zj_doc_outline(u->ed->doc);
	const char *s = zj_doc_text(u->ed->doc, NULL);
	char **items = zj_xcalloc(o->narticles + 1, sizeof *items);
	for (size_t a = 0; a < o->narticles; a++) {
		const zj_article *ar = &o->articles[a];
		size_t n = ar->title_line >= 0 ? ar->title_end - ar->title_start : 0;
		items[a] = zj_xasprintf("%zu  %.*s", a + 1, (int)(n < 300 ? n : 300),
					ar->title_line >= 0 ? s + ar->title_start : "");
	}
	items[o->narticles] = zj_xasprintf("a  %s", _("all articles"));
	char title[256];
	snprintf(title, sizeof title,
		 ngettext("This file holds %zu article. Which one? (Esc: %s)",
			  "This file holds %zu articles. Which one? (Esc: %s)", o->narticles),
		 o->narticles, at_start ? _("quit") : _("back"));
	size_t current = u->ed->article == (size_t)-1 ? (at_start ? 0 : o->narticles) : u->ed->article;
	long pick = choose_from(u, title, items, o->narticles + 1, (long)current);
	free_items(items, o->narticles + 1);
	if (pick < 0)
		return false;
	zj_ed_choose_article(u->ed, (size_t)pick == o->narticles ? (size_t)-1 : (size_t)pick);
	u->marks_stale = true;
	return true;
}

/* Asks for one variable of a skeleton until the value fits it (a year of
 * four figures: 2025, 2025年, ２０２５); NULL leaves a gap. */
static char *ask_value(ui *u, const zj_variable *var)
{
	char prompt[512];
	snprintf(prompt, sizeof prompt, _("%s (Enter to leave a gap): "), var->label);
	for (;;) {
		char *typed = read_line(u, prompt);
		if (!typed || !*typed) {
			free(typed);
			return NULL;
		}
		zj_error err = {0};
		char *value = zj_skeleton_value(var, typed, &err);
		free(typed);
		if (value)
			return value;
		/* refused: say why on the same line, and ask again */
		snprintf(prompt, sizeof prompt, _("%s. %s (Enter to leave a gap): "), err.message,
			 var->label);
	}
}

/* Started with no file: the writer chooses a skeleton (the annual one
 * first), then gives its variables; Esc starts from an empty page. */
static const zj_skeleton *pick_skeleton(ui *u, const zj_library *lib)
{
	if (!lib->count)
		return NULL;
	char **items = zj_xcalloc(lib->count, sizeof *items);
	long first = 0;
	for (size_t i = 0; i < lib->count; i++) {
		const zj_skeleton *sk = lib->items[i].sk;
		items[i] = zj_xasprintf("%-16s %s", sk->id, sk->name ? sk->name : "");
		if (!strcmp(sk->id, "annual"))
			first = (long)i;
	}
	long pick = choose_from(u, _("New summary: choose a skeleton (Esc: an empty page)"), items,
				lib->count, first);
	free_items(items, lib->count);
	return pick >= 0 ? lib->items[pick].sk : NULL;
}

static zj_doc *new_from_skeleton(void)
{
	zj_library lib;
	zj_library_load_standard(&lib);
	ui tmp = {0};
	zj_doc *blank = zj_doc_new("", 0);
	tmp.ed = zj_editor_new(blank);
	const zj_skeleton *sk = pick_skeleton(&tmp, &lib);
	if (!sk) {
		zj_editor_free(tmp.ed);
		zj_library_free(&lib);
		return blank;
	}
	zj_binding *b = zj_xcalloc(sk->nvars + 1, sizeof *b);
	char **values = zj_xcalloc(sk->nvars + 1, sizeof *values);
	size_t nb = 0;
	for (size_t i = 0; i < sk->nvars; i++) {
		if (sk->vars[i].from)
			continue;
		char *v = ask_value(&tmp, &sk->vars[i]);
		if (v) {
			values[nb] = v;
			b[nb] = (zj_binding){sk->vars[i].name, v};
			nb++;
		}
	}
	size_t len;
	zj_error err = {0};
	char *text = zj_skeleton_render(sk, b, nb, &len, &err);
	if (!text) /* a value that does not fit: leave every gap open */
		text = zj_skeleton_render(sk, NULL, 0, &len, &err);
	zj_doc *d = zj_doc_new(text ? text : "", text ? len : 0);
	free(text);
	for (size_t i = 0; i < nb; i++)
		free(values[i]);
	free(values);
	free(b);
	zj_editor_free(tmp.ed);
	zj_doc_free(blank);
	zj_library_free(&lib);
	return d;
}

/* Asks about a journal left by an editor that did not quit. */
static void offer_recovery(ui *u)
{
	zj_session *s = u->s;
	if (s->recovery == ZJ_RECOVERY_BUSY)
		snprintf(u->message, sizeof u->message, "%s",
			 _("this file is already open in another zongjie"));
	if (s->recovery != ZJ_RECOVERY_OFFERED)
		return;
	bool accept = ask(u, _("Recover unsaved changes? (y/n)")) == 'y';
	zj_error err = {0};
	if (!zj_session_recover(s, accept, &err))
		snprintf(u->message, sizeof u->message,
			 _("cannot recover: %s (the journal is kept aside)"), err.message);
	else if (accept)
		snprintf(u->message, sizeof u->message, "%s", _("unsaved changes recovered"));
}

/* Offers back a new summary that was never saved; NULL when there is
 * none, or it is declined (kept aside) or cannot be read. */
static zj_session *recover_unsaved(void)
{
	zj_session *s = zj_session_open_unsaved();
	if (!s)
		return NULL;
	ui tmp = {.ed = zj_editor_new(s->doc), .s = s};
	bool accept = ask(&tmp, _("Recover the new summary that was not saved? (y/n)")) == 'y';
	zj_error err = {0};
	bool recovered = zj_session_recover(s, accept, &err) && accept;
	zj_editor_free(tmp.ed);
	if (recovered)
		return s;
	zj_session_free(s, true);
	return NULL;
}

/* A summary without a file: the one left unsaved last time, or a new one
 * from the skeleton's form. */
static zj_session *new_session(bool *recovered)
{
	zj_session *s = recover_unsaved();
	*recovered = s != NULL;
	return s ? s : zj_session_new(new_from_skeleton());
}

int ui_run(const char *path)
{
	zj_session *session = NULL;
	zj_error err = {0};
	if (path && !(session = zj_session_open(path, &err))) {
		char *line = zj_error_describe(path, &err);
		fprintf(stderr, "zongjie: %s\n", line);
		free(line);
		return UI_CANNOT_RUN;
	}
	start_curses();
	catch_fatal_signals();
	bool recovered_new = false;
	session = session ? session : new_session(&recovered_new);
	zj_doc *doc = session->doc;
	ui u = {.ed = zj_editor_new(doc), .s = session, .marks_stale = true};
	offer_recovery(&u);
	if (recovered_new)
		snprintf(u.message, sizeof u.message, "%s", _("unsaved changes recovered"));
	zj_library_load_standard(&u.lib);
	const zj_skeleton_entry *e = zj_library_find(&u.lib, "annual");
	u.sk = e ? e->sk : NULL;
	/* A large file shows its first screen from the outline of its start,
	 * then reads the whole outline before taking keys. */
	size_t len = zj_text_len(doc->text);
	if (len > PROVISIONAL_BYTES && !doc->outline) {
		size_t cut = zj_text_line_start(doc->text, zj_text_line_of(doc->text, PROVISIONAL_PREFIX));
		char *head = zj_text_dup(doc->text, 0, cut);
		doc->outline = zj_outline_build(head, cut);
		doc->outline_builds++;
		free(head);
		u.provisional = true;
		draw(&u);
		zj_outline_free(doc->outline);
		doc->outline = NULL;
		u.provisional = false;
	}
	if (zj_doc_outline(doc)->narticles > 1 && !choose_article(&u, true))
		u.quit = true;
	while (!u.quit) {
		draw(&u);
		wint_t k;
		/* the margin marks are refreshed when the writer pauses (by F3 in
		 * a large file, where a full check takes a moment) */
		size_t art_start, art_end;
		zj_ed_article_range(u.ed, &art_start, &art_end);
		bool whole = zj_text_len(u.ed->doc->text) <= AUTO_CHECK_BYTES;
		bool idle_check = (u.marks_stale || (!whole && art_start != u.marks_start)) &&
				  art_end - art_start <= AUTO_CHECK_BYTES;
		/* the journal is written within a second of the last keystroke */
		int journal_wait = zj_session_wait_ms(u.s);
		timeout(journal_wait >= 0 ? journal_wait : idle_check ? 400 : -1);
		int r = read_key(&k);
		timeout(-1);
		if (r == ERR) {
			zj_session_tick(u.s, true);
			if (idle_check && journal_wait < 0)
				refresh_marks(&u);
			continue;
		}
		doc = u.ed->doc; /* Ctrl-R puts a draft in its place */
		unsigned long before = doc->edits;
		/* take what is already waiting before drawing again */
		take_keys(&u, r, k);
		if (u.ed->doc != doc || doc->edits != before)
			u.marks_stale = true;
		zj_session_tick(u.s, false);
	}
	endwin();
	printf("\033[?2004l");
	fflush(stdout);
	zj_editor_free(u.ed);
	/* a clean quit: saved, or changes dropped on purpose */
	zj_session_free(u.s, true);
	zj_library_free(&u.lib);
	free(u.last_find);
	free(u.mark_at);
	free(u.mark_sev);
	zj_findings_free(&u.found);
	return 0;
}
