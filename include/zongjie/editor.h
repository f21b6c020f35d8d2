/*
 * editor: everything the editor does to a document, without a terminal.
 *
 * The state is a cursor and a selection anchor (byte offsets on cluster
 * boundaries), a goal column for vertical motion, and an internal
 * clipboard.  Every command is a function here, so the terminal front end
 * (src/ui/) only maps keys to calls and draws, and the tests drive the
 * editor without a screen.
 *
 * Gaps: zj_ed_next_gap() selects the next gap; typing while a gap is
 * selected replaces all of it.  zj_ed_fill_same() fills every gap with the
 * same text and the same word after it (all xx街道) in one undo step.
 *
 * Panes follow the outline: the cursor is in the part whose byte range
 * holds it; zj_ed_focus_part() moves to the next or previous one.
 */
#ifndef ZONGJIE_EDITOR_H
#define ZONGJIE_EDITOR_H

#include <stdbool.h>
#include <stddef.h>

#include "zongjie/doc.h"
#include "zongjie/placeholder.h"

typedef struct zj_editor {
	zj_doc *doc;           /* borrowed: see zj_editor_new() */
	size_t cursor;
	size_t anchor;         /* == cursor when nothing is selected */
	long goal_col;         /* display column kept by vertical motion, -1 none */
	bool gap_selected;     /* the selection is a gap from a gap jump */
	zj_gap_kind gap_kind;  /* its kind */
	char *clipboard;
	size_t clip_len;
	/* gaps per outline part, kept up to date by typing inside a line so
	 * that a keystroke costs the line, not the document */
	unsigned long gaps_for;   /* doc->outline_builds they belong to, 0 none */
	size_t *part_gaps;
	size_t gaps_parts;        /* how many parts part_gaps counts */
	/* the article editing is scoped to, (size_t)-1 for the whole file:
	 * motion, gap jumps and counts, find, replace and F7 stay in it */
	size_t article;
} zj_editor;

/* An editor over doc.  The editor does not own the document: doc must
 * outlive it, and zj_editor_free() leaves it alone (the caller frees it
 * with zj_doc_free() afterwards).  The clipboard is the editor's own. */
zj_editor *zj_editor_new(zj_doc *doc);
void zj_editor_free(zj_editor *ed);

bool zj_ed_has_selection(const zj_editor *ed);
/* The selected range, start <= end. */
void zj_ed_selection(const zj_editor *ed, size_t *start, size_t *end);
void zj_ed_clear_selection(zj_editor *ed);

/* Motion.  With extend, the selection grows instead of being dropped. */
void zj_ed_left(zj_editor *ed, bool extend);
void zj_ed_right(zj_editor *ed, bool extend);
void zj_ed_word_left(zj_editor *ed, bool extend);
void zj_ed_word_right(zj_editor *ed, bool extend);
void zj_ed_home(zj_editor *ed, bool extend);
void zj_ed_end(zj_editor *ed, bool extend);
void zj_ed_doc_start(zj_editor *ed);
void zj_ed_doc_end(zj_editor *ed);
/* Moves by rows of width columns (soft-wrapped), keeping the goal column;
 * negative rows move up. */
void zj_ed_vertical(zj_editor *ed, long rows, int width, bool extend);
/* Places the cursor at the cluster boundary nearest to byte offset. */
void zj_ed_set_cursor(zj_editor *ed, size_t offset);
/* Puts back a selection from anchor to cursor (offsets taken from the
 * editor earlier, or cursor and anchor equal for none), as it was: the
 * gap flag and the goal column are left alone.  Offsets past the end of
 * the text go to its end. */
void zj_ed_select(zj_editor *ed, size_t anchor, size_t cursor);

/* Editing.  Insert replaces the selection; all keep the text valid. */
bool zj_ed_insert(zj_editor *ed, const char *s, size_t n);
bool zj_ed_newline(zj_editor *ed);
bool zj_ed_backspace(zj_editor *ed);
bool zj_ed_delete(zj_editor *ed);
bool zj_ed_undo(zj_editor *ed);
bool zj_ed_redo(zj_editor *ed);
/* Closes the undo group: the UI calls it between commands that are not
 * plain typing. */
void zj_ed_commit(zj_editor *ed);

bool zj_ed_copy(zj_editor *ed);
bool zj_ed_cut(zj_editor *ed);
bool zj_ed_paste(zj_editor *ed);

/* Gaps. */
bool zj_ed_next_gap(zj_editor *ed);
bool zj_ed_prev_gap(zj_editor *ed);
/* True when s typed over the selected gap would put words where a number
 * is wanted (the UI asks before doing so). */
bool zj_ed_input_needs_confirm(const zj_editor *ed, const char *s, size_t n);
/* Fills every gap identical to the selected one with s: for a number,
 * date or year, the same gap with the same words (up to two Han characters,
 * letters or digits) before and after it; for other gaps, the same gap
 * followed by the same character.  Returns how many were filled (one undo
 * step, which puts the cursor back on the selected gap); lines[0..max_lines)
 * receive the first filled lines (1-based). */
size_t zj_ed_fill_same(zj_editor *ed, const char *s, size_t n, long *lines, size_t max_lines);
/* Inserts a block that arrived whole (a bracketed paste) as one undo step:
 * CR LF and CR become LF, other control characters and bytes that are not
 * UTF-8 are dropped. */
bool zj_ed_insert_block(zj_editor *ed, const char *s, size_t n);
/* Gaps in outline part i, and in the article chosen (or the document),
 * from the cache. */
size_t zj_ed_part_gaps(zj_editor *ed, size_t part);
size_t zj_ed_total_gaps(zj_editor *ed);

/* Panes: the index of the part holding the cursor in the outline, and a
 * jump to the next (delta 1) or previous (-1) part's first text. */
size_t zj_ed_current_part(zj_editor *ed);
void zj_ed_focus_part(zj_editor *ed, long delta);

/* Find: selects the next occurrence of needle after the cursor, going
 * round to the start; false when there is none. */
bool zj_ed_find(zj_editor *ed, const char *needle, size_t n);
/* Selects the last occurrence before the cursor, going round to the end;
 * false when there is none. */
bool zj_ed_find_prev(zj_editor *ed, const char *needle, size_t n);
/* Replaces every occurrence in one undo step; returns how many.  The
 * cursor stays where it was, moved by the replacements before it; undoing
 * brings it back to where it was. */
size_t zj_ed_replace_all(zj_editor *ed, const char *needle, size_t n, const char *with,
			 size_t m);

/* Scopes editing to one article of the outline ((size_t)-1: all); the
 * cursor moves into it when it is elsewhere. */
void zj_ed_choose_article(zj_editor *ed, size_t article);
/* The byte range editing is scoped to: the article chosen, or the text. */
void zj_ed_scope(zj_editor *ed, size_t *start, size_t *end);
/* The article holding byte offset (0 when there are none). */
size_t zj_ed_article_of(zj_editor *ed, size_t offset);
/* Non-blank characters of the article the cursor is in (字 of a summary). */
size_t zj_ed_article_chars(zj_editor *ed);
/* The byte range of the article the cursor is in (the whole text when
 * there is none). */
void zj_ed_article_range(zj_editor *ed, size_t *start, size_t *end);
/* Standard parts the cursor's article lacks: fills kinds[] (achievements,
 * problems, plan, closing) and returns how many. */
size_t zj_ed_missing_parts(zj_editor *ed, zj_part_kind kinds[4]);
/* Where a part of this kind belongs in the cursor's article: after the
 * parts that come before it in the standard order.  *number is the
 * top-level heading number it should carry. */
size_t zj_ed_part_position(zj_editor *ed, zj_part_kind kind, int *number);

/* Turns half-width punctuation in Chinese text into full-width (the
 * checker's fixes, as `check --fix` does) in the article chosen or the
 * text: one undo step, the cursor kept.  Returns how many. */
size_t zj_ed_fix_punctuation(zj_editor *ed);
/* Moves to the start of 1-based line, or of the last line when line is
 * past it; false for a line before the article chosen (or below 1). */
bool zj_ed_goto_line(zj_editor *ed, long line);
/* 1-based line and column (code points) of the cursor. */
void zj_ed_position(zj_editor *ed, long *line, long *col);

#endif
