/* The key map: a table from keys to what they do (adding a key is adding
 * a row), the escape sequences a terminal sends, the mouse, and F1 help. */
#include <config.h>

#include "ui/ui_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "zongjie/utf8.h"

/* ---- what keys do, where the editor needs an argument -------------------- */

static void left(ui *u, long extend) { zj_ed_left(u->ed, extend); }
static void right(ui *u, long extend) { zj_ed_right(u->ed, extend); }
static void word_left(ui *u, long extend) { zj_ed_word_left(u->ed, extend); }
static void word_right(ui *u, long extend) { zj_ed_word_right(u->ed, extend); }
static void home(ui *u, long extend) { zj_ed_home(u->ed, extend); }
static void end(ui *u, long extend) { zj_ed_end(u->ed, extend); }
static void doc_start(ui *u) { zj_ed_doc_start(u->ed); }
static void doc_end(ui *u) { zj_ed_doc_end(u->ed); }
static void up(ui *u, long extend) { zj_ed_vertical(u->ed, -1, text_width(), extend); }
static void down(ui *u, long extend) { zj_ed_vertical(u->ed, 1, text_width(), extend); }
/* a page: the screen less the frames and the status line */
static void page(ui *u, long dir) { zj_ed_vertical(u->ed, dir * (LINES - 4), text_width(), false); }
static void backspace(ui *u) { zj_ed_backspace(u->ed); }
static void delete(ui *u) { zj_ed_delete(u->ed); }
static void newline(ui *u) { zj_ed_newline(u->ed); }
static void focus(ui *u, long delta) { zj_ed_focus_part(u->ed, delta); }
static void undo(ui *u) { zj_ed_undo(u->ed); }
static void redo(ui *u) { zj_ed_redo(u->ed); }
static void paste(ui *u) { zj_ed_paste(u->ed); }
static void save_key(ui *u, long as) { save(u, as); }
static void export_key(ui *u, long with_options) { export(u, with_options); }
static void quit_key(ui *u) { quit(u); }

static void gap(ui *u, long dir)
{
	if (!(dir > 0 ? zj_ed_next_gap(u->ed) : zj_ed_prev_gap(u->ed)))
		say(u, "%s", _("no gap left"));
}

static void punctuation(ui *u)
{
	size_t n = zj_ed_fix_punctuation(u->ed);
	say(u, ngettext("%zu half-width mark made full-width", "%zu half-width marks made full-width", n),
	    n);
}

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

static void copy(ui *u)
{
	if (zj_ed_copy(u->ed))
		osc52_copy(u->ed);
}

static void cut(ui *u)
{
	if (zj_ed_cut(u->ed))
		osc52_copy(u->ed);
}

/* A click focuses the pane and places the cursor; the wheel scrolls. */
static void click(ui *u, const MEVENT *m)
{
	if (!u->row_text[m->y]) {
		/* a frame: focus that pane */
		for (size_t i = 0; i < u->view.npanes; i++)
			if (u->view.panes[i].y == m->y) {
				const zj_part *p = &zj_doc_outline(u->ed->doc)->parts[u->view.panes[i].part];
				zj_ed_set_cursor(u->ed, p->start);
			}
		return;
	}
	/* walk the row to the clicked column */
	zj_text *t = u->ed->doc->text;
	size_t r = u->row_start[m->y], e = zj_view_row_end(t, r, text_width());
	char *s = zj_text_dup(t, r, e);
	int x = 1;
	size_t i = 0;
	while (i < e - r && s[i] != '\n') {
		size_t ce = zj_grapheme_next(s, e - r, i);
		int w = zj_cluster_width(s, i, ce);
		if (x + w > m->x + (w > 1 ? 1 : 0))
			break;
		x += w;
		i = ce;
	}
	free(s);
	zj_ed_set_cursor(u->ed, r + i);
}

static void mouse(ui *u)
{
	MEVENT m;
	if (getmouse(&m) != OK)
		return;
	if (m.bstate & BUTTON4_PRESSED)
		zj_ed_vertical(u->ed, -3, text_width(), false);
	else if (m.bstate & BUTTON5_PRESSED)
		zj_ed_vertical(u->ed, 3, text_width(), false);
	else if ((m.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED)) && m.y >= 0 &&
		 m.y < UI_MAX_ROWS)
		click(u, &m);
}

/* ---- the table ------------------------------------------------------------ */

/* What F1 says, a row a topic, in this order.  A topic's keys are the
 * bindings that name it; a topic with keys of its own describes behaviour
 * (or the motion table) rather than bindings. */
enum topic {
	T_NONE, /* not in F1: Enter, Esc */
	T_MOVE,
	T_SELECT,
	T_DELETE,
	T_GO_TO_LINE,
	T_PANES,
	T_GAPS,
	T_TYPE_OVER_GAP,
	T_FILL_SAME,
	T_FIND,
	T_FIND_AGAIN,
	T_REPLACE,
	T_ARTICLES,
	T_SUGGESTION,
	T_FINDINGS,
	T_PHRASE,
	T_MISSING_PART,
	T_EXPORT,
	T_EXPORT_OPTIONS,
	T_RENEW,
	T_PUNCTUATION,
	T_CLIPBOARD,
	T_PASTE,
	T_MOUSE,
	T_UNDO,
	T_SAVE,
	T_QUIT,
	T_HELP,
	TOPIC_COUNT
};

static const struct topic_text {
	const char *keys; /* NULL: the bindings' own names */
	const char *what;
} topics[TOPIC_COUNT] = {
	[T_MOVE] = {N_("Arrows, Home, End, PgUp, PgDn"),
		    N_("move; with Ctrl: Left/Right by word, Home/End to the ends")},
	[T_SELECT] = {N_("Shift with a motion key"), N_("select")},
	[T_DELETE] = {NULL, N_("delete a character")},
	[T_GO_TO_LINE] = {NULL, N_("go to a line")},
	[T_PANES] = {NULL, N_("next, previous pane")},
	[T_GAPS] = {NULL, N_("next, previous gap (selected)")},
	[T_TYPE_OVER_GAP] = {N_("typing over a selected gap"), N_("replaces the whole gap")},
	[T_FILL_SAME] = {NULL, N_("fill every identical gap (same words around it) with the same text")},
	[T_FIND] = {NULL, N_("find as you type; Enter on the last search finds it again")},
	[T_FIND_AGAIN] = {NULL, N_("find the next, the previous match")},
	[T_REPLACE] = {NULL, N_("replace, asking at each match: y, n, a (all), q")},
	[T_ARTICLES] = {NULL, N_("choose an article (several in one file)")},
	[T_SUGGESTION] = {NULL, N_("apply the suggestion shown on the status line")},
	[T_FINDINGS] = {NULL, N_("check: findings by rule, errors first, with their text; Enter jumps")},
	[T_PHRASE] = {NULL, N_("insert a phrase of the current part")},
	[T_MISSING_PART] = {NULL, N_("insert a missing standard part")},
	[T_EXPORT] = {NULL, N_("export; errors are listed first, then asked about; .docx: Word")},
	[T_EXPORT_OPTIONS] = {NULL, N_("export with options: encoding, line endings, indent, noise")},
	[T_RENEW] = {NULL, N_("renew: next year's draft from this summary")},
	[T_PUNCTUATION] = {NULL, N_("half-width punctuation in Chinese text made full-width")},
	[T_CLIPBOARD] = {NULL, N_("copy (also to the terminal's clipboard), cut, paste")},
	[T_PASTE] = {N_("a paste from the terminal"), N_("one insertion, one undo step")},
	[T_MOUSE] = {NULL, N_("click to place the cursor, wheel to scroll")},
	[T_UNDO] = {NULL, N_("undo, redo (there is no suspend key)")},
	[T_SAVE] = {NULL, N_("save, save as")},
	[T_QUIT] = {NULL, N_("quit (asks when there are changes)")},
	[T_HELP] = {NULL, N_("this help")},
};

enum key_kind {
	BIND_CHAR, /* a character (Ctrl-S is 0x13) */
	BIND_CODE, /* a curses KEY_ code (function and cursor keys) */
	BIND_NAME, /* an extended key by its terminfo name (Ctrl-Home: kHOM5) */
};

/* One key: what it runs, run(u) or run_with(u, arg); commit closes the
 * undo group first (a function key always does); topic, where F1 names it. */
typedef struct key_binding {
	enum key_kind kind;
	wint_t key;
	const char *name;
	void (*run)(ui *u);
	void (*run_with)(ui *u, long arg);
	long arg;
	bool commit;
	enum topic topic;
} key_binding;

#define CHAR_KEY(k, f, commit, t) {BIND_CHAR, (k), NULL, (f), NULL, 0, (commit), (t)}
#define CHAR_ARG(k, f, a, commit, t) {BIND_CHAR, (k), NULL, NULL, (f), (a), (commit), (t)}
#define CODE_KEY(k, f, t) {BIND_CODE, (k), NULL, (f), NULL, 0, true, (t)}
#define CODE_ARG(k, f, a, t) {BIND_CODE, (k), NULL, NULL, (f), (a), true, (t)}
#define NAME_KEY(n, f, t) {BIND_NAME, 0, (n), (f), NULL, 0, true, (t)}

static void escape(ui *u);
static void help(ui *u);

/* Motion keys: the key moves, its shifted form selects as it moves (F1:
 * T_MOVE and T_SELECT). */
static const struct motion {
	wint_t key, shifted;              /* curses codes, or */
	const char *name, *shifted_name; /* extended key names */
	void (*go)(ui *u, long extend);
} motions[] = {
	{KEY_LEFT, KEY_SLEFT, NULL, NULL, left},
	{KEY_RIGHT, KEY_SRIGHT, NULL, NULL, right},
	{KEY_UP, KEY_SR, NULL, NULL, up},
	{KEY_DOWN, KEY_SF, NULL, NULL, down},
	{KEY_HOME, KEY_SHOME, NULL, NULL, home},
	{KEY_END, KEY_SEND, NULL, NULL, end},
	{0, 0, "kLFT5", "kLFT6", word_left}, /* Ctrl-Left, Ctrl-Shift-Left */
	{0, 0, "kRIT5", "kRIT6", word_right},
};

static const key_binding bindings[] = {
	CODE_ARG(KEY_PPAGE, page, -1, T_MOVE),
	CODE_ARG(KEY_NPAGE, page, 1, T_MOVE),
	NAME_KEY("kHOM5", doc_start, T_MOVE),
	NAME_KEY("kEND5", doc_end, T_MOVE),
	CODE_KEY(KEY_BACKSPACE, backspace, T_DELETE),
	CODE_KEY(KEY_DC, delete, T_DELETE),
	CODE_KEY(KEY_ENTER, newline, T_NONE),
	CHAR_ARG('\t', focus, 1, true, T_PANES),
	CODE_ARG(KEY_F(6), focus, 1, T_PANES),
	CODE_ARG(KEY_BTAB, focus, -1, T_PANES),
	CODE_KEY(KEY_F(1), help, T_HELP),
	CODE_KEY(KEY_F(2), apply_suggestion, T_SUGGESTION),
	CODE_KEY(KEY_F(3), show_findings, T_FINDINGS),
	CODE_KEY(KEY_F(4), replace, T_REPLACE),
	CODE_ARG(KEY_F(5), gap, 1, T_GAPS),
	CHAR_ARG(CTRL('n'), gap, 1, false, T_GAPS),
	CODE_ARG(KEY_F(17), gap, -1, T_GAPS), /* Shift-F5 */
	CHAR_ARG(CTRL('p'), gap, -1, false, T_GAPS),
	CODE_KEY(KEY_F(7), fill_same, T_FILL_SAME),
	CODE_KEY(KEY_F(8), phrase, T_PHRASE),
	CODE_KEY(KEY_F(9), missing_part, T_MISSING_PART),
	CODE_ARG(KEY_F(10), export_key, false, T_EXPORT),
	CODE_KEY(KEY_F(12), punctuation, T_PUNCTUATION),
	CODE_KEY(KEY_MOUSE, mouse, T_MOUSE),
	CHAR_ARG(CTRL('s'), save_key, false, true, T_SAVE),
	CHAR_ARG(CTRL('o'), save_key, true, true, T_SAVE),
	CHAR_KEY(CTRL('f'), find, true, T_FIND),
	CHAR_ARG(CTRL('k'), find_again, false, true, T_FIND_AGAIN),
	CHAR_ARG(CTRL('b'), find_again, true, true, T_FIND_AGAIN),
	CHAR_KEY(CTRL('g'), go_to_line, true, T_GO_TO_LINE),
	CHAR_KEY(CTRL('t'), articles, true, T_ARTICLES),
	CHAR_ARG(CTRL('e'), export_key, true, true, T_EXPORT_OPTIONS),
	CHAR_KEY(CTRL('r'), renew, true, T_RENEW),
	CHAR_KEY(CTRL('q'), quit_key, true, T_QUIT),
	CHAR_KEY(CTRL('z'), undo, false, T_UNDO),
	CHAR_KEY(CTRL('y'), redo, false, T_UNDO),
	CHAR_KEY(CTRL('c'), copy, false, T_CLIPBOARD),
	CHAR_KEY(CTRL('x'), cut, false, T_CLIPBOARD),
	CHAR_KEY(CTRL('v'), paste, false, T_CLIPBOARD),
	CHAR_KEY('\r', newline, false, T_NONE),
	CHAR_KEY('\n', newline, false, T_NONE),
	CHAR_KEY(127, backspace, false, T_DELETE),
	CHAR_KEY(8, backspace, false, T_DELETE),
	CHAR_KEY(27, escape, false, T_NONE),
};
enum { BINDING_COUNT = sizeof bindings / sizeof bindings[0] };

/* ---- F1 ------------------------------------------------------------------ */

/* The name of b's key as F1 shows it: F5, Shift-F5, Ctrl-N, Ctrl-Home. */
static void key_label(const key_binding *b, char *out, size_t n)
{
	wint_t k = b->key;
	if (b->kind == BIND_NAME) /* kHOM5: Home with Ctrl (the 5) */
		snprintf(out, n, "Ctrl-%s", !strncmp(b->name, "kHOM", 4) ? "Home" : "End");
	else if (b->kind == BIND_CHAR && (k == 127 || k == 8))
		snprintf(out, n, "Backspace");
	else if (b->kind == BIND_CHAR && k == '\t')
		snprintf(out, n, "Tab");
	else if (b->kind == BIND_CHAR)
		snprintf(out, n, "Ctrl-%c", (int)k + '@');
	else if (k >= (wint_t)KEY_F(13) && k <= (wint_t)KEY_F(24))
		snprintf(out, n, "Shift-F%d", (int)k - KEY_F(12));
	else if (k >= (wint_t)KEY_F(1) && k <= (wint_t)KEY_F(12))
		snprintf(out, n, "F%d", (int)k - KEY_F(0));
	else if (k == KEY_BTAB)
		snprintf(out, n, "Shift-Tab");
	else if (k == KEY_BACKSPACE)
		snprintf(out, n, "Backspace");
	else if (k == KEY_DC)
		snprintf(out, n, "Delete");
	else
		snprintf(out, n, "%s", _("Mouse"));
}

static bool same_action(const key_binding *a, const key_binding *b)
{
	return a->topic == b->topic && a->run == b->run && a->run_with == b->run_with &&
	       a->arg == b->arg;
}

/* The keys of topic t as F1 shows them: keys doing the same joined by
 * '/', different actions by a comma, in the table's order
 * ("F5/Ctrl-N, Shift-F5/Ctrl-P"). */
static void topic_keys(enum topic t, zj_buf *out)
{
	if (topics[t].keys) {
		zj_buf_puts(out, _(topics[t].keys));
		return;
	}
	for (size_t i = 0; i < BINDING_COUNT; i++) {
		const key_binding *b = &bindings[i];
		bool shown = false;
		for (size_t j = 0; j < i && !shown; j++)
			shown = same_action(&bindings[j], b);
		if (b->topic != t || shown)
			continue;
		if (out->len)
			zj_buf_puts(out, _(", "));
		char first[32];
		key_label(b, first, sizeof first);
		zj_buf_puts(out, first);
		for (size_t j = i + 1; j < BINDING_COUNT; j++) {
			char other[32];
			key_label(&bindings[j], other, sizeof other);
			if (same_action(&bindings[j], b) && strcmp(other, first)) {
				zj_buf_putc(out, '/');
				zj_buf_puts(out, other);
			}
		}
	}
}

/* Draws the help from row top on (rows are topics after T_NONE), the keys
 * in a column kw wide; returns how many rows there are room for. */
static int draw_help(long top, int kw, const zj_buf keys[TOPIC_COUNT])
{
	erase();
	const char *head = _("zongjie keys");
	put_utf8(0, 1, head, strlen(head), A_BOLD, 0, COLS);
	int rows = LINES - 3 > 1 ? LINES - 3 : 1;
	for (long t = top + 1; t < TOPIC_COUNT && t - 1 - top < rows; t++) {
		const char *d = _(topics[t].what);
		int y = (int)(t - 1 - top) + 2;
		put_utf8(y, 1, keys[t].data, keys[t].len, A_NORMAL, 0, 1 + kw);
		put_utf8(y, 3 + kw, d, strlen(d), A_NORMAL, 0, COLS);
	}
	const char *hint = TOPIC_COUNT - 1 > rows ? _("Up/Down scroll, any other key goes back")
						  : _("Press any key to go back.");
	put_utf8(LINES - 1, 1, hint, strlen(hint), A_NORMAL, PAIR_STATUS, COLS);
	refresh();
	return rows;
}

/* F1: keys and what they do, two columns aligned by display width in
 * any language; scrolls when the window is small. */
static void help(ui *u)
{
	(void)u;
	long n = TOPIC_COUNT - 1;
	zj_buf keys[TOPIC_COUNT] = {{0}};
	int kw = 0;
	for (int t = 1; t < TOPIC_COUNT; t++) {
		topic_keys((enum topic)t, &keys[t]);
		zj_buf_putc(&keys[t], '\0'); /* for utf8_width */
		keys[t].len--;
		if (utf8_width(keys[t].data) > kw)
			kw = utf8_width(keys[t].data);
	}
	if (kw > COLS / 2)
		kw = COLS / 2;
	long top = 0;
	for (;;) {
		int rows = draw_help(top, kw, keys);
		wint_t k;
		int r = get_wch(&k);
		if (r == ERR || (r == KEY_CODE_YES && k == KEY_RESIZE))
			continue;
		long last = n > rows ? n - rows : 0;
		long step = k == KEY_DOWN || k == KEY_UP ? 1 : rows;
		if (r == KEY_CODE_YES && (k == KEY_DOWN || k == KEY_NPAGE))
			top = top + step < last ? top + step : last;
		else if (r == KEY_CODE_YES && (k == KEY_UP || k == KEY_PPAGE))
			top = top - step > 0 ? top - step : 0;
		else
			break;
	}
	for (int t = 0; t < TOPIC_COUNT; t++)
		zj_buf_free(&keys[t]);
}

/* Runs the motion of a function key (r is KEY_CODE_YES) named name;
 * false when it is none. */
static bool motion(ui *u, wint_t k, const char *name)
{
	for (size_t i = 0; i < sizeof motions / sizeof motions[0]; i++) {
		const struct motion *m = &motions[i];
		bool plain = m->name ? name && !strcmp(name, m->name) : k == m->key;
		bool shifted = m->name ? name && !strcmp(name, m->shifted_name) : k == m->shifted;
		if (plain || shifted) {
			m->go(u, shifted);
			return true;
		}
	}
	return false;
}

/* The binding of a key read (r from get_wch), or NULL. */
static const key_binding *binding_of(int r, wint_t k, const char *name)
{
	for (size_t i = 0; i < BINDING_COUNT; i++) {
		const key_binding *b = &bindings[i];
		if (b->kind == (r == KEY_CODE_YES ? BIND_CODE : BIND_CHAR) && b->key == k)
			return b;
		if (b->kind == BIND_NAME && name && !strcmp(name, b->name))
			return b;
	}
	return NULL;
}

static void run(ui *u, const key_binding *b)
{
	if (b->run)
		b->run(u);
	else
		b->run_with(u, b->arg);
}

/* ESC alone clears the selection.  A CSI sequence the terminal's
 * description does not name (Ctrl-arrows, Shift-F5 under TERM=screen) is read whole
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
	switch (n ? seq[n - 1] : 0) {
	case 'C': ctrl ? word_right(u, shift) : right(u, shift); break;
	case 'D': ctrl ? word_left(u, shift) : left(u, shift); break;
	case 'A': up(u, shift); break;
	case 'B': down(u, shift); break;
	case 'H': ctrl ? doc_start(u) : home(u, shift); break;
	case 'F': ctrl ? doc_end(u) : end(u, shift); break;
	case '~': /* Shift-F5 is 15;2~ where terminfo has no kf17 */
		if (!strcmp(seq, "15;2~"))
			gap(u, -1);
		break;
	default: break; /* unknown: ignored, not typed */
	}
}

static void key(ui *u, int r, wint_t k)
{
	u->message[0] = '\0';
	if (too_small()) {
		/* nothing reaches the text while it cannot be seen */
		if (r != KEY_CODE_YES && k == CTRL('q')) {
			zj_ed_commit(u->ed);
			quit(u);
		}
		return;
	}
	const char *name = r == KEY_CODE_YES ? keyname((int)k) : NULL;
	if (r == KEY_CODE_YES)
		zj_ed_commit(u->ed);
	if (r == KEY_CODE_YES && motion(u, k, name))
		return;
	const key_binding *b = binding_of(r, k, name);
	if (b) {
		if (b->commit && r != KEY_CODE_YES)
			zj_ed_commit(u->ed);
		run(u, b);
	} else if (r != KEY_CODE_YES && k >= 0x20) {
		char buf[4];
		size_t n = zj_utf8_encode((int32_t)k, buf);
		type_text(u, buf, n);
	}
}

/* Handles the key read and what is already waiting behind it.  Printable
 * characters that arrive together (an input method committing a word, a
 * paste without brackets) are typed as one piece, so a question about them
 * covers all of it and the keys behind it are not taken as its answer. */
void take_keys(ui *u, int r, wint_t k)
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
