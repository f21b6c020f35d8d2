/* Screen geometry without a terminal (see view.h). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "zongjie/view.h"
#include "zongjie/wrap.h"

size_t zj_view_row_window(int width)
{
	/* a few bytes per column, the margin's column included */
	return (size_t)(width + 1) * 16 + 64;
}

static bool continuation(const zj_text *t, size_t p)
{
	return ((unsigned char)zj_text_byte(t, p) & 0xC0) == 0x80;
}

static size_t anchor_at_or_before(const zj_text *t, size_t ls, size_t p)
{
	size_t a = ls + (p - ls) / ZJ_VIEW_ANCHOR * ZJ_VIEW_ANCHOR;
	size_t len = zj_text_len(t);
	if (a >= len)
		return a > ls ? len : ls;
	while (a > ls && continuation(t, a))
		a--;
	return a;
}

size_t zj_view_row_end(const zj_text *t, size_t row_start, int width)
{
	size_t line = zj_text_line_of(t, row_start);
	size_t ls = zj_text_line_start(t, line);
	size_t le = zj_text_line_end(t, line);
	if (le - ls > ZJ_VIEW_ANCHOR) {
		/* the first anchor after row_start: rows are far shorter */
		size_t next_anchor = anchor_at_or_before(t, ls, row_start + ZJ_VIEW_ANCHOR);
		if (next_anchor > row_start && next_anchor < le)
			le = next_anchor;
	}
	size_t window = zj_view_row_window(width);
	size_t stop = le - row_start > window ? row_start + window : le;
	while (stop > row_start && stop < le && continuation(t, stop))
		stop--;
	char *s = zj_text_dup(t, row_start, stop);
	size_t e = row_start + zj_wrap_row_end(s, stop - row_start, 0, width);
	free(s);
	return e;
}

size_t zj_view_next_row(const zj_text *t, size_t row_start, int width)
{
	size_t e = zj_view_row_end(t, row_start, width);
	size_t line = zj_text_line_of(t, row_start);
	if (e >= zj_text_line_end(t, line))
		return line + 1 < zj_text_lines(t) ? zj_text_line_start(t, line + 1) : zj_text_len(t) + 1;
	return e;
}

size_t zj_view_row_of(const zj_text *t, size_t p, int width)
{
	size_t line = zj_text_line_of(t, p);
	size_t r = anchor_at_or_before(t, zj_text_line_start(t, line), p);
	for (;;) {
		size_t e = zj_view_row_end(t, r, width);
		if (p < e || e >= zj_text_line_end(t, line))
			return r;
		r = e;
	}
}

size_t zj_view_prev_row(const zj_text *t, size_t row_start, int width)
{
	size_t line = zj_text_line_of(t, row_start);
	size_t ls = zj_text_line_start(t, line);
	if (row_start == ls)
		return line ? zj_view_row_of(t, zj_text_line_end(t, line - 1), width) : 0;
	size_t r = anchor_at_or_before(t, ls, row_start - 1);
	for (;;) {
		size_t e = zj_view_row_end(t, r, width);
		if (e >= row_start)
			return r;
		r = e;
	}
}

/* The parts [*first, *last) to show: the scoped article's, or the article
 * holding the cursor when it left the scope, or all; then a window of at
 * most max_panes around the cursor's part.  Returns the article shown. */
static size_t parts_shown(const zj_outline *o, size_t article, size_t cur, size_t max_panes,
			  size_t *first, size_t *last)
{
	*first = 0;
	*last = o->nparts;
	if (article != (size_t)-1 && article < o->narticles) {
		*first = o->articles[article].first_part;
		*last = *first + o->articles[article].nparts;
	}
	if (cur < *first || cur >= *last)
		for (size_t a = 0; a < o->narticles; a++)
			if (cur >= o->articles[a].first_part &&
			    cur < o->articles[a].first_part + o->articles[a].nparts) {
				*first = o->articles[a].first_part;
				*last = *first + o->articles[a].nparts;
				if (article != (size_t)-1)
					article = a;
			}
	if (*last - *first > max_panes) {
		size_t from = cur > max_panes / 2 ? cur - max_panes / 2 : 0;
		if (from < *first)
			from = *first;
		if (from + max_panes > *last)
			from = *last - max_panes;
		*first = from;
		*last = from + max_panes;
	}
	return article;
}

size_t zj_view_layout(zj_view *v, const zj_outline *o, const zj_text *t, size_t article,
		      size_t cursor_part)
{
	size_t max_panes = v->height > 8 ? (size_t)v->height - 6 : 1, first, last;
	if (max_panes > ZJ_VIEW_MAX_PANES)
		max_panes = ZJ_VIEW_MAX_PANES;
	size_t shown = parts_shown(o, article, cursor_part, max_panes, &first, &last);
	v->npanes = 0;
	for (size_t i = first; i < last && v->npanes < ZJ_VIEW_MAX_PANES; i++)
		v->panes[v->npanes++] = (zj_view_pane){.part = i, .start = o->parts[i].start,
						       .end = o->parts[i].end};
	/* rows: the focused pane takes what the others leave */
	int avail = v->height, n = (int)v->npanes;
	int small = n > 1 ? (avail - 6) / (n - 1) : 0;
	small = small > 3 ? 3 : small < 1 ? 1 : small;
	int y = 0;
	for (size_t i = 0; i < v->npanes; i++) {
		zj_view_pane *p = &v->panes[i];
		int rows = p->part == cursor_part ? avail - small * (n - 1) : small;
		if (rows < 1)
			rows = 1;
		if (y + rows > avail)
			rows = avail - y;
		p->y = y;
		p->rows = rows;
		y += rows;
		/* an edit elsewhere may have moved the bytes under a remembered
		 * offset: a pane starts on a whole row of the current text */
		size_t remembered = p->part < ZJ_VIEW_MAX_PANES ? v->top[p->part] : 0;
		p->top = remembered > p->start && remembered < p->end
				 ? zj_view_row_of(t, remembered, v->width)
				 : p->start;
	}
	return shown;
}

void zj_view_scroll(zj_view *v, const zj_text *t, size_t cursor_part, size_t cursor)
{
	for (size_t i = 0; i < v->npanes; i++) {
		zj_view_pane *p = &v->panes[i];
		if (p->part != cursor_part || p->rows < 2)
			continue;
		size_t crow = zj_view_row_of(t, cursor, v->width);
		if (crow < p->top)
			p->top = crow;
		int visible = p->rows - 1, k = 0;
		size_t r = p->top;
		while (r < crow && k < visible) {
			r = zj_view_next_row(t, r, v->width);
			k++;
		}
		if (k >= visible) {
			/* put the cursor row last */
			size_t top = crow;
			for (int j = 1; j < visible && top > p->start; j++)
				top = zj_view_prev_row(t, top, v->width);
			p->top = top;
		}
		if (p->part < ZJ_VIEW_MAX_PANES)
			v->top[p->part] = p->top;
	}
}

void zj_view_forget(zj_view *v)
{
	memset(v->top, 0, sizeof v->top);
}
