/*
 * view: screen geometry without a terminal — the soft-wrapped rows of the
 * text at a width, and the panes of the outline's parts with their
 * scrolling for a screen of a given size.
 *
 * Rows: a line is cut into rows by zj_wrap_row_end() (wrap.h: 避头尾, wide
 * characters whole).  In a line longer than ZJ_VIEW_ANCHOR bytes a row also
 * ends at every ZJ_VIEW_ANCHOR bytes from the line start (moved back to a
 * character boundary), so finding the row of a place costs at most that
 * many bytes, not the whole line.  These rows are the only ones: drawing
 * and the editor's vertical motion (zj_ed_vertical) both use them.
 *
 * Panes: one per outline part of the article shown (all of the text when
 * no article is chosen), a window of them around the cursor's part when
 * there are more parts than rows; the focused pane takes the rows the
 * others leave.  Each part remembers the row it was scrolled to.
 */
#ifndef ZONGJIE_VIEW_H
#define ZONGJIE_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "zongjie/outline.h"
#include "zongjie/text.h"

#define ZJ_VIEW_ANCHOR ((size_t)1 << 16)
#define ZJ_VIEW_MAX_PANES 256

/* Bytes looked at for one row of width columns: a row of a 50 MB line is
 * found without copying the line. */
size_t zj_view_row_window(int width);
/* The end of the row that starts at row_start: the start of the next row
 * of the same line, or the line's end (before its line break). */
size_t zj_view_row_end(const zj_text *t, size_t row_start, int width);
/* The start of the row after the one at row_start: the next line's start
 * when the row ends its line, zj_text_len(t) + 1 after the last row. */
size_t zj_view_next_row(const zj_text *t, size_t row_start, int width);
/* The start of the row holding byte p; a row's end belongs to the next
 * row of its line. */
size_t zj_view_row_of(const zj_text *t, size_t p, int width);
/* The start of the row before the one at row_start (0 for the first). */
size_t zj_view_prev_row(const zj_text *t, size_t row_start, int width);

typedef struct zj_view_pane {
	size_t part;       /* index into the outline's parts */
	size_t start, end; /* the part's byte range */
	int y, rows;       /* first screen row (its frame) and rows, frame included */
	size_t top;        /* first byte shown: the start of a row */
} zj_view_pane;

typedef struct zj_view {
	int width;  /* columns of text */
	int height; /* screen rows for the panes */
	zj_view_pane panes[ZJ_VIEW_MAX_PANES];
	size_t npanes;
	size_t top[ZJ_VIEW_MAX_PANES]; /* remembered top per part (the first ones) */
} zj_view;

/* Lays the panes out on v's width and height for outline o over t, the
 * article editing is scoped to ((size_t)-1: all) and the part holding the
 * cursor.  Returns the article shown: the scope, or, when the cursor has
 * left it, the article holding the cursor (the caller rescopes to it). */
size_t zj_view_layout(zj_view *v, const zj_outline *o, const zj_text *t, size_t article,
		      size_t cursor_part);
/* Scrolls the pane of cursor_part so that the row of cursor shows (the
 * last row when it was below), and remembers its top. */
void zj_view_scroll(zj_view *v, const zj_text *t, size_t cursor_part, size_t cursor);
/* Forgets every remembered top (another document). */
void zj_view_forget(zj_view *v);

#endif
