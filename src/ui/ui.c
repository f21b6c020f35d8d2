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
/* below this size the checker runs whenever the writer pauses */
#define AUTO_CHECK_BYTES ((size_t)4 << 20)
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
	size_t article;     /* shown article, or (size_t)-1 for all */
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
	zj_findings found;  /* the last check's findings, for suggestions (F2) */
	bool provisional;   /* first screen of a large file: outline of its start */
	zj_session *s;      /* the document, its file and its journal */
	/* where each screen row's text starts, for the mouse */
	size_t row_start[512];
	bool row_text[512];
	bool export_docx;   /* the format last chosen for an export without extension */
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
	if (u->article != (size_t)-1 && u->article < o->narticles) {
		first = o->articles[u->article].first_part;
		last = first + o->articles[u->article].nparts;
	}
	size_t cur = zj_ed_current_part(u->ed);
	if (cur < first || cur >= last) {
		/* the cursor left the article shown: show the one it is in */
		for (size_t a = 0; a < o->narticles; a++)
			if (cur >= o->articles[a].first_part &&
			    cur < o->articles[a].first_part + o->articles[a].nparts) {
				first = o->articles[a].first_part;
				last = first + o->articles[a].nparts;
				if (u->article != (size_t)-1)
					u->article = a;
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
		size_t remembered = p->part < 256 ? u->top[p->part] : 0;
		p->top = remembered >= p->start && remembered < p->end ? remembered : p->start;
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
		snprintf(info, sizeof info, _(" %s · %zu chars · %zu gaps "), zj_part_label(part->kind),
			 part->chars, zj_ed_part_gaps(u->ed, p->part));
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
		if (r >= p->end || r > zj_text_len(t))
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

static void draw_status(ui *u)
{
	long line, col;
	zj_ed_position(u->ed, &line, &col);
	const char *name = u->ed->doc->path ? u->ed->doc->path : _("[new]");
	char left[512], right[256];
	snprintf(left, sizeof left, " %s%s  %ld:%ld  ", name,
		 zj_text_modified(u->ed->doc->text) ? " [+]" : "", line, col);
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
	}
	else if (COLS - utf8_width(right) > x)
		put_utf8(LINES - 1, COLS - utf8_width(right), right, strlen(right), A_NORMAL,
			 PAIR_STATUS, COLS);
	attroff(COLOR_PAIR(PAIR_STATUS));
}

static void draw(ui *u)
{
	erase();
	memset(u->row_text, 0, sizeof u->row_text);
	if (COLS < MIN_COLS || LINES < MIN_LINES) {
		const char *msg = _("enlarge the terminal");
		put_utf8(0, 0, msg, strlen(msg), A_BOLD, 0, COLS);
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
	if (cy >= 0) {
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
		if (r == ERR)
			continue;
		u->message[0] = '\0';
		if (k == 'y' || k == 'Y')
			return 'y';
		if (k == 'n' || k == 'N')
			return 'n';
		if (k == 27 || k == CTRL('g') || k == CTRL('c'))
			return 27;
	}
}

/* Reads a line of text on the status line; NULL on Esc. */
static char *read_line(ui *u, const char *prompt)
{
	zj_buf b = {0};
	for (;;) {
		snprintf(u->message, sizeof u->message, "%s%s", prompt, b.data ? b.data : "");
		draw(u);
		wint_t k;
		int r = read_key(&k);
		if (r == ERR)
			continue;
		if (r == KEY_CODE_YES) {
			if (k == KEY_BACKSPACE && b.len) {
				b.len = zj_utf8_cp_start(b.data, b.len - 1);
				b.data[b.len] = '\0';
			} else if (k == KEY_ENTER)
				break;
			continue;
		}
		if (k == 27 || k == CTRL('g')) {
			zj_buf_free(&b);
			u->message[0] = '\0';
			return NULL;
		}
		if (k == '\r' || k == '\n')
			break;
		if (k == 127 || k == 8) {
			if (b.len) {
				b.len = zj_utf8_cp_start(b.data, b.len - 1);
				b.data[b.len] = '\0';
			}
			continue;
		}
		if (k >= 0x20) {
			char enc[4];
			zj_buf_append(&b, enc, zj_utf8_encode((int32_t)k, enc));
		}
	}
	u->message[0] = '\0';
	if (!b.data)
		zj_buf_append(&b, "", 0);
	return b.data;
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

static bool save(ui *u)
{
	char *name = NULL;
	if (!u->s->doc->path) {
		name = read_line(u, _("Save as: "));
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

static void help(ui *u)
{
	static const char *const lines[] = {
		N_("zongjie keys"),
		"",
		N_("Arrows, Home, End, PgUp, PgDn   move; Ctrl-Left/Right by word"),
		N_("Shift with a motion key         select"),
		N_("Backspace, Delete               delete a character"),
		N_("Tab or F6, Shift-Tab            next, previous pane"),
		N_("F5 or Ctrl-N, Shift-F5 or Ctrl-P  next, previous gap (selected)"),
		N_("typing over a selected gap      replaces the whole gap"),
		N_("F7                              fill every identical gap with the same text"),
		N_("Ctrl-F, F4                      find (again with Ctrl-F), find and replace all"),
		N_("F3                              check: findings by rule, errors first; Enter jumps"),
		N_("F2                              apply the suggestion shown on the status line"),
		N_("F8                              insert a phrase of the current part"),
		N_("F9                              insert a missing standard part"),
		N_("F10                             export as written (refused while errors remain); .docx: Word"),
		N_("Ctrl-R                          renew: next year's draft from this summary"),
		N_("Ctrl-C, Ctrl-X, Ctrl-V          copy, cut, paste"),
		N_("Mouse                           click to place the cursor, wheel to scroll"),
		N_("Ctrl-Z, Ctrl-Y                  undo, redo"),
		N_("Ctrl-S                          save"),
		N_("Ctrl-Q                          quit (asks when there are changes)"),
		N_("F1                              this help"),
		"",
		N_("Press any key to go back."),
	};
	erase();
	for (size_t i = 0; i < sizeof lines / sizeof lines[0] && (int)i < LINES; i++) {
		const char *s = lines[i][0] ? _(lines[i]) : "";
		put_utf8((int)i, 1, s, strlen(s), i == 0 ? A_BOLD : A_NORMAL, 0, COLS);
	}
	refresh();
	wint_t k;
	while (read_key(&k) == ERR)
		;
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
	size_t n = zj_ed_fill_same(u->ed, value, strlen(value));
	snprintf(u->message, sizeof u->message, ngettext("%zu gap filled", "%zu gaps filled", n), n);
	free(value);
}

/* A list to pick from; returns the index or -1 on Esc. */
static long choose(ui *u, const char *title, char **items, size_t n)
{
	long sel = 0, top = 0;
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
			else if (k == KEY_ENTER)
				return n ? sel : -1;
			continue;
		}
		if (k == '\r' || k == '\n')
			return n ? sel : -1;
		if (k == 27 || k == CTRL('g') || k == 'q')
			return -1;
		if (k >= '1' && k <= '9' && (size_t)(k - '1') < n)
			return k - '1';
	}
	(void)u;
}

static void free_items(char **items, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(items[i]);
	free(items);
}

/* Runs the checker over the document (no spelling: it needs no network
 * of words to be useful in the margin). */
static void run_check(ui *u, zj_findings *f, bool errors_only)
{
	zj_check_options opt;
	zj_check_options_default(&opt);
	opt.enabled[ZJ_RULE_SPELLING] = false;
	zj_checker *c = zj_checker_new(&opt, NULL);
	size_t len;
	const char *s = zj_doc_text(u->ed->doc, &len);
	memset(f, 0, sizeof *f);
	zj_check(c, s, len, zj_doc_outline(u->ed->doc), f);
	zj_checker_free(c);
	(void)errors_only;
}

static void refresh_marks(ui *u)
{
	zj_findings f;
	run_check(u, &f, false);
	size_t n = zj_findings_total(&f);
	u->mark_at = zj_xrealloc(u->mark_at, (n + 1) * sizeof *u->mark_at);
	u->mark_sev = zj_xrealloc(u->mark_sev, n + 1);
	zj_findings_iter it;
	zj_findings_iter_init(&it, &f);
	const zj_finding *x;
	u->nmarks = 0;
	while ((x = zj_findings_next(&it))) {
		u->mark_at[u->nmarks] = x->start;
		u->mark_sev[u->nmarks++] = x->severity;
	}
	zj_findings_free(&u->found);
	u->found = f;
	u->marks_stale = false;
}

/* Lists findings (all, or errors only) grouped by rule, errors first,
 * each group under a heading with its count (the grouping is the core's),
 * and jumps to the one chosen; a heading jumps to its first finding. */
static bool findings_panel(ui *u, bool errors_only, const char *title)
{
	zj_findings f;
	run_check(u, &f, errors_only);
	size_t total = zj_findings_total(&f);
	const zj_finding **order = zj_xcalloc(total + 1, sizeof *order);
	zj_findings_by_rule(&f, order);
	if (errors_only)
		while (total && order[total - 1]->severity != ZJ_SEV_ERROR)
			total--;
	char **items = zj_xcalloc(2 * total + 1, sizeof *items);
	size_t *at = zj_xcalloc(2 * total + 1, sizeof *at);
	size_t *len = zj_xcalloc(2 * total + 1, sizeof *len);
	size_t n = 0;
	for (size_t i = 0; i < total; i++) {
		const zj_finding *x = order[i];
		if (i == 0 || x->rule != order[i - 1]->rule || x->severity != order[i - 1]->severity) {
			const zj_rule_info *r = zj_rule_get((zj_rule)x->rule);
			items[n] = zj_xasprintf("%s  %s (%zu)  [%s]",
						x->severity == ZJ_SEV_ERROR ? _("error")
						: x->severity == ZJ_SEV_WARNING ? _("warning") : _("info"),
						_(r->summary), zj_findings_run(order, total, i), r->id);
			at[n] = x->start;
			len[n++] = x->len;
		}
		long line, col;
		zj_doc_position(u->ed->doc, x->start, &line, &col);
		items[n] = zj_xasprintf("    %ld:%ld  %s", line, col, zj_finding_message(&f, x));
		at[n] = x->start;
		len[n++] = x->len;
	}
	free(order);
	zj_findings_free(&f);
	if (total == 0) {
		snprintf(u->message, sizeof u->message, "%s", _("no findings"));
		free(items);
		free(at);
		free(len);
		return false;
	}
	char head[256];
	snprintf(head, sizeof head, "%s (%zu)", title, total);
	long pick = choose(u, head, items, n);
	if (pick >= 0) {
		zj_ed_set_cursor(u->ed, at[pick]);
		u->ed->anchor = at[pick];
		u->ed->cursor = at[pick] + len[pick];
	}
	free_items(items, n);
	free(at);
	free(len);
	return true;
}

static void find(ui *u, bool again)
{
	if (!again || !u->last_find) {
		char *q = read_line(u, _("Find: "));
		if (!q)
			return;
		if (*q) {
			free(u->last_find);
			u->last_find = q;
		} else
			free(q);
	}
	if (!u->last_find)
		return;
	if (!zj_ed_find(u->ed, u->last_find, strlen(u->last_find)))
		snprintf(u->message, sizeof u->message, _("not found: %s"), u->last_find);
}

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
	if (with) {
		size_t n = zj_ed_replace_all(u->ed, what, strlen(what), with, strlen(with));
		snprintf(u->message, sizeof u->message,
			 ngettext("%zu replaced", "%zu replaced", n), n);
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

static void export(ui *u)
{
	size_t misnumbered = 0;
	size_t errors = zj_session_export_errors(u->s, &misnumbered);
	if (errors) {
		char title[256];
		snprintf(title, sizeof title, ngettext("Export refused: %zu error remains",
						       "Export refused: %zu errors remain", errors),
			 errors);
		findings_panel(u, true, title);
		snprintf(u->message, sizeof u->message, "%s", title);
		return;
	}
	char *name = read_line(u, _("Export to: "));
	bool docx;
	if (!name || !*name || !export_format(u, name, &docx)) {
		free(name);
		return;
	}
	/* the export is the author's text unless renumbering is chosen */
	unsigned choice = misnumbered && ask(u, _("Some headings are misnumbered. Renumber them in "
						  "the export? (y/n)")) == 'y'
				  ? ZJ_EXPORT_RENUMBER
				  : 0;
	zj_error err = {0};
	if (docx)
		choice |= ZJ_EXPORT_AS_DOCX;
	zj_export_result r = zj_session_export(u->s, name, choice, &err);
	if (r == ZJ_EXPORT_EXISTS && ask(u, _("That file exists. Replace it? (y/n)")) == 'y')
		r = zj_session_export(u->s, name, choice | ZJ_ALLOW_REPLACE, &err);
	if (r == ZJ_EXPORTED)
		snprintf(u->message, sizeof u->message,
			 docx ? _("exported to %s (Word document)") : _("exported to %s"), name);
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
	if (a == 'y' && save(u))
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
		if (a == 27 || (a == 'y' && !save(u)))
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
	u->article = (size_t)-1;
	u->nmarks = 0;
	u->marks_stale = true;
	memset(u->top, 0, sizeof u->top);
	snprintf(u->message, sizeof u->message,
		 _("draft: %zu figures and %zu plan items to update; F5 goes to the next, ^S saves"),
		 st.figures, st.plan_items);
}

/* ESC alone clears the selection.  A CSI sequence the terminal's
 * description does not name (Ctrl-arrows under TERM=screen) is read whole
 * here so it never lands in the text; the common ones are honoured. */
static void escape(ui *u)
{
	zj_editor *ed = u->ed;
	wint_t k;
	/* the rest of a sequence may come a moment after the ESC */
	timeout(50);
	int r = get_wch(&k);
	if (r == ERR || r == KEY_CODE_YES || (k != '[' && k != 'O')) {
		/* a lone ESC: what came after it is a key of its own */
		if (r == KEY_CODE_YES)
			ungetch((int)k);
		else if (r != ERR)
			unget_wch((wchar_t)k);
		timeout(-1);
		zj_ed_clear_selection(ed);
		return;
	}
	char seq[32];
	size_t n = 0;
	timeout(50);
	while ((r = get_wch(&k)) != ERR && r != KEY_CODE_YES && n + 1 < sizeof seq) {
		seq[n++] = (char)k;
		if (k >= 0x40 && k <= 0x7E)
			break;
	}
	seq[n] = '\0';
	timeout(-1);
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
		case KEY_F(3): refresh_marks(u); findings_panel(u, false, _("Findings")); break;
		case KEY_F(4): replace(u); break;
		case KEY_F(8): phrase(u); break;
		case KEY_F(9): missing_part(u); break;
		case KEY_F(10): export(u); break;
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
	case CTRL('s'): zj_ed_commit(ed); save(u); return;
	case CTRL('f'): zj_ed_commit(ed); find(u, false); return;
	case CTRL('r'): zj_ed_commit(ed); renew(u); return;
	case CTRL('q'): zj_ed_commit(ed); quit(u); return;
	case CTRL('z'): zj_ed_undo(ed); return;
	case CTRL('y'): zj_ed_redo(ed); return;
	case CTRL('c'): zj_ed_copy(ed); return;
	case CTRL('x'): zj_ed_cut(ed); return;
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

/* Asks which article to edit when the file holds several. */
static size_t choose_article(ui *u)
{
	const zj_outline *o = zj_doc_outline(u->ed->doc);
	if (o->narticles < 2)
		return (size_t)-1;
	const char *s = zj_doc_text(u->ed->doc, NULL);
	for (;;) {
		erase();
		const char *q = _("This file holds several articles. Which one? (1-9, a for all)");
		put_utf8(0, 0, q, strlen(q), A_BOLD, 0, COLS);
		for (size_t a = 0; a < o->narticles && (int)a + 2 < LINES && a < 9; a++) {
			char head[32];
			snprintf(head, sizeof head, "%zu  ", a + 1);
			put_utf8((int)a + 2, 2, head, strlen(head), A_NORMAL, 0, COLS);
			const zj_article *ar = &o->articles[a];
			if (ar->title_line >= 0)
				put_utf8((int)a + 2, 5, s + ar->title_start, ar->title_end - ar->title_start,
					 A_NORMAL, 0, COLS);
		}
		refresh();
		wint_t k;
		if (read_key(&k) == ERR)
			continue;
		if (k == 'a' || k == 'A')
			return (size_t)-1;
		if (k >= '1' && k <= '9' && (size_t)(k - '1') < o->narticles)
			return (size_t)(k - '1');
	}
}

static zj_doc *new_from_skeleton(void)
{
	zj_library lib;
	zj_library_load_standard(&lib);
	const zj_skeleton_entry *e = zj_library_find(&lib, "annual");
	if (!e) {
		zj_library_free(&lib);
		return zj_doc_new("", 0);
	}
	const zj_skeleton *sk = e->sk;
	ui tmp = {0};
	zj_doc *blank = zj_doc_new("", 0);
	tmp.ed = zj_editor_new(blank);
	zj_binding *b = zj_xcalloc(sk->nvars + 1, sizeof *b);
	char **values = zj_xcalloc(sk->nvars + 1, sizeof *values);
	size_t nb = 0;
	for (size_t i = 0; i < sk->nvars; i++) {
		if (sk->vars[i].from)
			continue;
		char prompt[256];
		snprintf(prompt, sizeof prompt, _("%s (Enter to leave a gap): "), sk->vars[i].label);
		char *v = read_line(&tmp, prompt);
		if (v && *v) {
			values[nb] = v;
			b[nb] = (zj_binding){sk->vars[i].name, v};
			nb++;
		} else
			free(v);
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
	ui tmp = {.ed = zj_editor_new(s->doc), .s = s, .article = (size_t)-1};
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
	ui u = {.ed = zj_editor_new(doc), .s = session, .article = (size_t)-1, .marks_stale = true};
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
	u.article = choose_article(&u);
	if (u.article != (size_t)-1) {
		const zj_outline *o = zj_doc_outline(doc);
		zj_ed_set_cursor(u.ed, o->articles[u.article].start);
	}
	while (!u.quit) {
		draw(&u);
		wint_t k;
		/* the margin marks are refreshed when the writer pauses (by F3 in
		 * a large file, where a full check takes a moment) */
		bool idle_check = u.marks_stale && zj_text_len(u.ed->doc->text) < AUTO_CHECK_BYTES;
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
		key(&u, r, k);
		/* take what is already waiting (an input method's burst) before
		 * drawing again */
		timeout(0);
		while (!u.quit && (r = get_wch(&k)) != ERR)
			key(&u, r, k);
		timeout(-1);
		if (u.ed->doc != doc || doc->edits != before)
			u.marks_stale = true;
		zj_session_tick(u.s, false);
	}
	endwin();
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
