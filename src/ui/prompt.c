/* Prompts on the status line (questions, a line of text edited in place)
 * and lists to choose from. */
#include <config.h>

#include "ui/ui_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "zongjie/lineedit.h"
#include "zongjie/utf8.h"

/* Esc, Ctrl-G and Ctrl-C: no to a question, out of a prompt. */
static bool cancel_key(wint_t k)
{
	return k == 27 || k == CTRL('g') || k == CTRL('c');
}

/* A key for a prompt.  While the screen is too small to show the
 * question none is taken (an n would answer what cannot be read); a
 * resize is. */
static int prompt_key(ui *u, wint_t *k)
{
	for (;;) {
		int r = read_key(k);
		if (r == ERR || !too_small() || (r == KEY_CODE_YES && *k == KEY_RESIZE))
			return r;
		draw(u);
	}
}

/* Shows question on the status line and waits for y, n or Esc. */
int ask(ui *u, const char *question)
{
	say(u, "%s", question);
	for (;;) {
		draw(u);
		wint_t k;
		int r = prompt_key(u, &k);
		if (r == ERR || r == KEY_CODE_YES)
			continue; /* the question stays until it is answered */
		int answer = k == 'y' || k == 'Y' ? 'y' : k == 'n' || k == 'N' ? 'n' : cancel_key(k) ? 27 : 0;
		if (answer) {
			u->message[0] = '\0';
			return answer;
		}
	}
}

/* Asks a question answered by one of the keys in answers (or Esc). */
int ask_one_of(ui *u, const char *question, const char *answers)
{
	say(u, "%s", question);
	for (;;) {
		draw(u);
		wint_t k;
		int r = prompt_key(u, &k);
		if (r != OK)
			continue;
		if (cancel_key(k)) {
			u->message[0] = '\0';
			return 27;
		}
		if (k < 0x80 && strchr(answers, (int)(k | 0x20))) {
			u->message[0] = '\0';
			return (int)(k | 0x20);
		}
	}
}

/* What follows an ESC: the CSI or SS3 sequence read whole into seq (its
 * introducer left out), or false for a lone ESC, whatever came after it
 * given back as a key of its own. */
bool read_escape(char *seq, size_t cap)
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
void read_paste(zj_buf *b)
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

enum { LINE_EDITING, LINE_DONE, LINE_CANCELLED };

/* A function key in a prompt. */
static int prompt_code(zj_lineedit *le, wint_t k)
{
	switch (k) {
	case KEY_LEFT: zj_le_left(le); break;
	case KEY_RIGHT: zj_le_right(le); break;
	case KEY_HOME: zj_le_home(le); break;
	case KEY_END: zj_le_end(le); break;
	case KEY_BACKSPACE: zj_le_backspace(le); break;
	case KEY_DC: zj_le_delete(le); break;
	case KEY_ENTER: return LINE_DONE;
	default: break;
	}
	return LINE_EDITING;
}

/* A character typed in a prompt. */
static int prompt_char(zj_lineedit *le, wint_t k)
{
	if (k == 27)
		return prompt_escape(le) ? LINE_EDITING : LINE_CANCELLED;
	if (k == CTRL('g'))
		return LINE_CANCELLED;
	if (k == '\r' || k == '\n')
		return LINE_DONE;
	if (k == 127 || k == 8)
		zj_le_backspace(le);
	else if (k == CTRL('a'))
		zj_le_home(le);
	else if (k == CTRL('e'))
		zj_le_end(le);
	else if (k >= 0x20) {
		char enc[4];
		zj_le_insert(le, enc, zj_utf8_encode((int32_t)k, enc));
	}
	return LINE_EDITING;
}

/* Reads a line of text on the status line, starting from initial,
 * edited where the cursor is (Left, Right, Home, End, Backspace, Delete);
 * NULL on Esc. */
char *read_line_with(ui *u, const char *prompt, const char *initial, edit_hook hook, void *ctx)
{
	zj_lineedit le;
	zj_le_init(&le, initial);
	int state = LINE_EDITING;
	char *seen = zj_xstrdup(zj_le_text(&le));
	while (state == LINE_EDITING) {
		if (hook && strcmp(seen, zj_le_text(&le))) {
			free(seen);
			seen = zj_xstrdup(zj_le_text(&le));
			hook(u, seen, ctx);
		}
		say(u, "%s%s", prompt, zj_le_text(&le));
		u->prompting = true;
		u->prompt_col = utf8_width(prompt) + zj_le_column(&le);
		draw(u);
		wint_t k;
		int r = prompt_key(u, &k);
		if (r != ERR)
			state = r == KEY_CODE_YES ? prompt_code(&le, k) : prompt_char(&le, k);
	}
	u->prompting = false;
	u->message[0] = '\0';
	char *line = state == LINE_CANCELLED ? NULL : zj_xstrdup(zj_le_text(&le));
	zj_le_free(&le);
	free(seen);
	return line;
}

char *read_line(ui *u, const char *prompt)
{
	return read_line_with(u, prompt, NULL, NULL, NULL);
}

char *read_answer(ui *u, const char *prompt, const char *initial)
{
	char *line = read_line_with(u, prompt, initial, NULL, NULL);
	if (line && !*line) {
		free(line);
		return NULL;
	}
	return line;
}

/* Draws a list from row 1, its item sel reversed, scrolled so that sel
 * shows; returns the new first row shown. */
static long draw_list(const char *title, char **items, size_t n, long sel, long top, int rows)
{
	erase();
	put_utf8(0, 0, title, strlen(title), A_BOLD, 0, COLS);
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
	return top;
}

/* A function key in a list: moves the selection; true for Enter. */
static bool list_code(wint_t k, size_t n, int rows, long *sel)
{
	if (k == KEY_UP && *sel > 0)
		(*sel)--;
	else if (k == KEY_DOWN && *sel + 1 < (long)n)
		(*sel)++;
	else if (k == KEY_NPAGE)
		*sel = *sel + rows < (long)n ? *sel + rows : (long)n - 1;
	else if (k == KEY_PPAGE)
		*sel = *sel > rows ? *sel - rows : 0;
	else if (k == KEY_HOME)
		*sel = 0;
	else if (k == KEY_END)
		*sel = n ? (long)n - 1 : 0;
	return k == KEY_ENTER;
}

/* The item a character picks: one labelled "K  …" by K, else 1-9 by
 * place; -1 for none. */
static long picked_by(wint_t k, char **items, size_t n)
{
	for (size_t i = 0; i < n && k < 0x80; i++)
		if (items[i][0] == (char)k && !strncmp(items[i] + 1, "  ", 2))
			return (long)i;
	if (k >= '1' && k <= '9' && (size_t)(k - '1') < n)
		return k - '1';
	return -1;
}

/* A list to pick from, starting at item first; returns the index, -1 on
 * Esc, or -2 when one of keys (may be NULL) was pressed: *key gets it,
 * *selected the item selected then. */
long choose_keys(ui *u, const char *title, char **items, size_t n, long first, const char *keys,
		 int *key, long *selected)
{
	long sel = first, top = 0;
	(void)u;
	for (;;) {
		int rows = LINES - 2;
		top = draw_list(title, items, n, sel, top, rows);
		wint_t k;
		int r = prompt_key(u, &k);
		if (r == ERR)
			continue;
		if (r == KEY_CODE_YES) {
			if (list_code(k, n, rows, &sel))
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
		long pick = picked_by(k, items, n);
		if (pick >= 0)
			return pick;
	}
}

long choose_from(ui *u, const char *title, char **items, size_t n, long first)
{
	return choose_keys(u, title, items, n, first, NULL, NULL, NULL);
}

/* Frees the strings of an array that is not itself on the heap. */
void free_strings(char **items, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(items[i]);
}

void free_items(char **items, size_t n)
{
	free_strings(items, n);
	free(items);
}
