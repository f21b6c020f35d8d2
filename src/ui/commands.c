/* The editing commands that ask something first: typing into a number
 * gap, F7 fill, find and replace, go to line, phrases, missing parts, the
 * article chosen. */
#include <config.h>

#include "ui/ui_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* Types s at the cursor, asking first when words go into a number gap. */
void type_text(ui *u, const char *s, size_t n)
{
	if (zj_ed_input_needs_confirm(u->ed, s, n) &&
	    ask(u, _("This gap wants a number. Type words anyway? (y/n)")) != 'y')
		return;
	zj_ed_insert(u->ed, s, n);
}

void fill_same(ui *u)
{
	if (!u->ed->gap_selected) {
		say(u, "%s", _("select a gap first (F5)"));
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
		say(u,
		    ngettext("%zu gap filled (line %s); Ctrl-Z undoes it",
			     "%zu gaps filled (lines %s); Ctrl-Z undoes them", n),
		    n, where);
	else
		say(u, "%s", _("no gap filled"));
	free(value);
}

/* Incremental search: each change of the prompt selects the first match
 * from where the search started. */
typedef struct search {
	size_t cursor, anchor; /* where it started */
} search;

static void search_as_typed(ui *u, const char *text, void *ctx)
{
	search *from = ctx;
	zj_ed_select(u->ed, from->anchor, from->cursor);
	if (*text)
		zj_ed_find(u->ed, text, strlen(text));
}

/* Ctrl-F: find as the writer types; the prompt starts with the last
 * search, so Ctrl-F Enter finds it again. */
void find(ui *u)
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
	zj_ed_select(u->ed, from.anchor, from.cursor);
	if (!zj_ed_find(u->ed, q, strlen(q)))
		say(u, _("not found: %s"), q);
}

/* Ctrl-K, Ctrl-B: the next or previous match of the last search. */
void find_again(ui *u, long backwards)
{
	if (!u->last_find) {
		say(u, "%s", _("nothing searched yet (Ctrl-F)"));
		return;
	}
	size_t n = strlen(u->last_find);
	if (!(backwards ? zj_ed_find_prev(u->ed, u->last_find, n) : zj_ed_find(u->ed, u->last_find, n)))
		say(u, _("not found: %s"), u->last_find);
}

/* Ctrl-G: go to a line. */
void go_to_line(ui *u)
{
	char *q = read_answer(u, _("Go to line: "), NULL);
	if (!q)
		return;
	/* full-width digits as typed with a Chinese input method */
	char digits[32];
	size_t n = 0;
	for (const char *p = q; *p && n + 1 < sizeof digits;)
		if (!strncmp(p, "\xef\xbc", 2) && (unsigned char)p[2] >= 0x90 &&
		    (unsigned char)p[2] <= 0x99) {
			digits[n++] = (char)('0' + (unsigned char)p[2] - 0x90);
			p += 3;
		} else
			digits[n++] = *p++;
	digits[n] = '\0';
	char *end;
	long line = strtol(digits, &end, 10);
	if (!n || *end || !zj_ed_goto_line(u->ed, line))
		say(u, _("no line %s here"), q);
	free(q);
}

/* Replaces what with with at each match from the cursor on, asking at
 * each (y, n, a for all the rest, q); returns how many. */
static size_t replace_asking(ui *u, const char *what, const char *with)
{
	zj_editor *ed = u->ed;
	size_t n = strlen(what), count = 0;
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
			zj_ed_select(ed, origin, origin);
			return zj_ed_replace_all(ed, what, n, with, strlen(with));
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
	return count;
}

/* F4: replace, asking at each match. */
void replace(ui *u)
{
	char *what = read_answer(u, _("Replace: "), NULL);
	if (!what)
		return;
	char prompt[512];
	snprintf(prompt, sizeof prompt, _("Replace %s with: "), what);
	char *with = read_line(u, prompt);
	if (with) {
		size_t count = replace_asking(u, what, with);
		zj_ed_clear_selection(u->ed);
		say(u, ngettext("%zu replaced", "%zu replaced", count), count);
	}
	free(what);
	free(with);
}

/* F8: a phrase of the skeleton for the current part. */
void phrase(ui *u)
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
		say(u, "%s", _("no phrases for this part"));
		free(items);
		return;
	}
	long pick = choose_from(u, _("Insert a phrase"), items, n, 0);
	if (pick >= 0) {
		zj_ed_commit(u->ed);
		zj_ed_insert(u->ed, items[pick], strlen(items[pick]));
		zj_ed_commit(u->ed);
	}
	free_items(items, n);
}

/* Inserts part i of the skeleton where a part of its kind belongs, on a
 * line of its own after a blank line, the cursor on its text. */
static void insert_part(ui *u, size_t i)
{
	int number;
	size_t at = zj_ed_part_position(u->ed, u->sk->parts[i].kind, &number);
	size_t len;
	char *text = zj_skeleton_render_part(u->sk, i, number, &len);
	zj_buf b = {0};
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
}

/* F9: a standard part the article lacks. */
void missing_part(ui *u)
{
	if (!u->sk)
		return;
	zj_part_kind kinds[4];
	size_t n = zj_ed_missing_parts(u->ed, kinds);
	if (!n) {
		say(u, "%s", _("every standard part is there"));
		return;
	}
	char **items = zj_xcalloc(n, sizeof *items);
	for (size_t i = 0; i < n; i++)
		items[i] = zj_xstrdup(zj_part_label(kinds[i]));
	long pick = choose_from(u, _("Insert a missing part"), items, n, 0);
	free_items(items, n);
	if (pick < 0)
		return;
	for (size_t i = 0; i < u->sk->nparts; i++)
		if (u->sk->parts[i].kind == kinds[pick]) {
			insert_part(u, i);
			return;
		}
}

/* Asks which article to edit (all of them, or one), listing every one
 * with scrolling.  At the start Esc quits; later it goes back.  False
 * when nothing was chosen. */
bool choose_article(ui *u, bool at_start)
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

/* Ctrl-T: choose an article, when the file holds several. */
void articles(ui *u)
{
	if (zj_doc_outline(u->ed->doc)->narticles > 1)
		choose_article(u, false);
	else
		say(u, "%s", _("this file holds one article"));
}
