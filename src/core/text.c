/* text: see include/zongjie/text.h for the data structures. */
#include <config.h>

#include "zongjie/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "zongjie/utf8.h"
#include "zongjie/util.h"

#define MIN_GAP 4096

typedef struct edit {
	bool insert;   /* true: bytes were inserted at pos; false: deleted */
	size_t pos;
	char *bytes;
	size_t len;
	size_t group;  /* id of the undo group */
	size_t restore;/* on the group's first edit: the cursor undo returns to, or SIZE_MAX */
} edit;

typedef struct edit_stack {
	edit *items;
	size_t count, cap;
} edit_stack;

struct zj_text {
	char *buf;
	size_t cap, gap_start, gap_end;

	size_t *lines;   /* line-start gap array, see text.h */
	size_t lcap, lgap_start, lgap_end;

	edit_stack undo, redo;
	size_t next_group;   /* id for the next new group */
	bool group_open;     /* the top undo group accepts more edits */
	size_t saved_group;  /* group id on top of the undo stack at the last save */

	zj_text_observer observer;
	void *observer_ctx;
	zj_change last_change; /* of the last undo or redo */
};

void zj_change_add(zj_change *c, size_t start, size_t end, size_t n)
{
	long dn = (long)n - (long)(end - start);
	if (!c->any) {
		*c = (zj_change){true, start, start + n, dn};
		return;
	}
	/* the union of both, which the later edit may have moved */
	size_t hi = c->hi > end ? c->hi : end;
	c->lo = c->lo < start ? c->lo : start;
	c->hi = (size_t)((long)hi + dn);
	c->delta += dn;
}

const zj_change *zj_text_last_change(const zj_text *t)
{
	return &t->last_change;
}

void zj_text_observe(zj_text *t, zj_text_observer fn, void *ctx)
{
	t->observer = fn;
	t->observer_ctx = ctx;
}

/* ---- gap buffer ------------------------------------------------------- */

size_t zj_text_len(const zj_text *t)
{
	return t->cap - (t->gap_end - t->gap_start);
}

static void move_gap(zj_text *t, size_t pos)
{
	if (pos < t->gap_start) {
		size_t n = t->gap_start - pos;
		memmove(t->buf + t->gap_end - n, t->buf + pos, n);
		t->gap_start -= n;
		t->gap_end -= n;
	} else if (pos > t->gap_start) {
		size_t n = pos - t->gap_start;
		memmove(t->buf + t->gap_start, t->buf + t->gap_end, n);
		t->gap_start += n;
		t->gap_end += n;
	}
}

static void ensure_gap(zj_text *t, size_t need)
{
	size_t gap = t->gap_end - t->gap_start;
	if (gap >= need + 1) /* +1 keeps room for the terminator of contents() */
		return;
	size_t len = zj_text_len(t);
	size_t newcap = t->cap * 2;
	if (newcap < len + need + MIN_GAP)
		newcap = len + need + MIN_GAP;
	size_t tail = t->cap - t->gap_end;
	t->buf = zj_xrealloc(t->buf, newcap);
	memmove(t->buf + newcap - tail, t->buf + t->gap_end, tail);
	t->gap_end = newcap - tail;
	t->cap = newcap;
}

char zj_text_byte(const zj_text *t, size_t off)
{
	return off < t->gap_start ? t->buf[off] : t->buf[off + (t->gap_end - t->gap_start)];
}

void zj_text_copy(const zj_text *t, size_t start, size_t end, char *out)
{
	if (start < t->gap_start) {
		size_t n = (end < t->gap_start ? end : t->gap_start) - start;
		memcpy(out, t->buf + start, n);
		out += n;
		start += n;
	}
	if (start < end)
		memcpy(out, t->buf + start + (t->gap_end - t->gap_start), end - start);
}

char *zj_text_dup(const zj_text *t, size_t start, size_t end)
{
	char *s = zj_xmalloc(end - start + 1);
	zj_text_copy(t, start, end, s);
	s[end - start] = '\0';
	return s;
}

const char *zj_text_contents(zj_text *t)
{
	move_gap(t, zj_text_len(t));
	ensure_gap(t, 0);
	t->buf[t->gap_start] = '\0';
	return t->buf;
}

/* ---- line index ------------------------------------------------------- */

size_t zj_text_lines(const zj_text *t)
{
	return t->lgap_start + (t->lcap - t->lgap_end);
}

size_t zj_text_line_start(const zj_text *t, size_t i)
{
	if (i < t->lgap_start)
		return t->lines[i];
	return zj_text_len(t) - t->lines[i - t->lgap_start + t->lgap_end];
}

size_t zj_text_line_end(const zj_text *t, size_t i)
{
	if (i + 1 < zj_text_lines(t))
		return zj_text_line_start(t, i + 1) - 1;
	return zj_text_len(t);
}

size_t zj_text_line_of(const zj_text *t, size_t off)
{
	size_t lo = 0, hi = zj_text_lines(t); /* answer in [lo, hi) */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (zj_text_line_start(t, mid) <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Moves the line gap so that exactly `at` entries precede it. */
static void move_line_gap(zj_text *t, size_t at)
{
	size_t len = zj_text_len(t);
	while (t->lgap_start > at) {
		t->lgap_start--;
		t->lgap_end--;
		t->lines[t->lgap_end] = len - t->lines[t->lgap_start];
	}
	while (t->lgap_start < at) {
		t->lines[t->lgap_start] = len - t->lines[t->lgap_end];
		t->lgap_start++;
		t->lgap_end++;
	}
}

static void ensure_line_gap(zj_text *t, size_t need)
{
	if (t->lgap_end - t->lgap_start >= need)
		return;
	size_t newcap = t->lcap * 2 + need + 64;
	size_t tail = t->lcap - t->lgap_end;
	t->lines = zj_xrealloc(t->lines, newcap * sizeof *t->lines);
	memmove(t->lines + newcap - tail, t->lines + t->lgap_end, tail * sizeof *t->lines);
	t->lgap_end = newcap - tail;
	t->lcap = newcap;
}

static void build_line_index(zj_text *t, const char *s, size_t len)
{
	size_t count = 1;
	for (const char *p = s; (p = memchr(p, '\n', len - (size_t)(p - s))); p++)
		count++;
	t->lcap = count + 64;
	t->lines = zj_xmalloc(t->lcap * sizeof *t->lines);
	t->lines[0] = 0;
	size_t i = 1;
	for (const char *p = s; (p = memchr(p, '\n', len - (size_t)(p - s))); p++)
		t->lines[i++] = (size_t)(p - s) + 1;
	t->lgap_start = count;
	t->lgap_end = t->lcap;
}

/* ---- construction ----------------------------------------------------- */

zj_text *zj_text_adopt(char *s, size_t len)
{
	zj_text *t = zj_xcalloc(1, sizeof *t);
	build_line_index(t, s, len);
	t->cap = len + MIN_GAP;
	t->buf = zj_xrealloc(s, t->cap);
	t->gap_start = len;
	t->gap_end = t->cap;
	t->next_group = 1;
	return t;
}

zj_text *zj_text_new(const char *s, size_t len)
{
	char *copy = zj_xmalloc(len + MIN_GAP);
	memcpy(copy, s, len);
	return zj_text_adopt(copy, len);
}

static void clear_stack(edit_stack *st)
{
	for (size_t i = 0; i < st->count; i++)
		free(st->items[i].bytes);
	st->count = 0;
}

void zj_text_free(zj_text *t)
{
	if (!t)
		return;
	clear_stack(&t->undo);
	clear_stack(&t->redo);
	free(t->undo.items);
	free(t->redo.items);
	free(t->lines);
	free(t->buf);
	free(t);
}

/* ---- raw edits (no undo) ---------------------------------------------- */

static void raw_insert(zj_text *t, size_t pos, const char *s, size_t n)
{
	size_t line = zj_text_line_of(t, pos);
	size_t newlines = 0;
	for (const char *p = s; (p = memchr(p, '\n', n - (size_t)(p - s))); p++)
		newlines++;
	move_line_gap(t, line + 1);
	ensure_line_gap(t, newlines);
	ensure_gap(t, n);
	move_gap(t, pos);
	memcpy(t->buf + pos, s, n);
	t->gap_start += n;
	/* Entries after the line gap are distances from the end: unchanged. */
	for (const char *p = s; (p = memchr(p, '\n', n - (size_t)(p - s))); p++)
		t->lines[t->lgap_start++] = pos + (size_t)(p - s) + 1;
	if (t->observer)
		t->observer(t->observer_ctx, true, pos, s, n);
}

static void raw_delete(zj_text *t, size_t start, size_t end)
{
	size_t first = zj_text_line_of(t, start);
	size_t last = zj_text_line_of(t, end);
	move_line_gap(t, first + 1);
	t->lgap_end += last - first; /* drop the starts inside (start, end] */
	move_gap(t, end);
	t->gap_start = start;
	if (t->observer)
		t->observer(t->observer_ctx, false, start, NULL, end - start);
}

/* ---- undo ------------------------------------------------------------- */

static void push_edit(edit_stack *st, edit e)
{
	zj_grow((void **)&st->items, &st->cap, st->count + 1, sizeof *st->items);
	st->items[st->count++] = e;
}

static size_t top_group(const zj_text *t)
{
	return t->undo.count ? t->undo.items[t->undo.count - 1].group : 0;
}

static void record(zj_text *t, bool insert, size_t pos, const char *s, size_t n)
{
	clear_stack(&t->redo);
	if (!t->group_open) {
		t->group_open = true;
		t->next_group++;
	}
	size_t group = t->next_group;
	/* Typing appends to the previous insertion: one record per run. */
	if (t->undo.count) {
		edit *last = &t->undo.items[t->undo.count - 1];
		if (last->group == group && last->insert && insert && last->pos + last->len == pos) {
			last->bytes = zj_xrealloc(last->bytes, last->len + n);
			memcpy(last->bytes + last->len, s, n);
			last->len += n;
			return;
		}
	}
	push_edit(&t->undo, (edit){insert, pos, zj_xstrndup(s, n), n, group, SIZE_MAX});
}

void zj_text_group_end(zj_text *t)
{
	t->group_open = false;
}

void zj_text_group_cursor(zj_text *t, size_t cursor)
{
	size_t group = top_group(t), i = t->undo.count;
	if (!group)
		return;
	while (i > 0 && t->undo.items[i - 1].group == group)
		i--;
	t->undo.items[i].restore = cursor;
}

static bool on_boundary(const zj_text *t, size_t off)
{
	return off == 0 || off >= zj_text_len(t) ||
	       ((unsigned char)zj_text_byte(t, off) & 0xC0) != 0x80;
}

bool zj_text_insert(zj_text *t, size_t off, const char *s, size_t n)
{
	if (off > zj_text_len(t) || !on_boundary(t, off) || zj_utf8_valid_prefix(s, n) != n)
		return false;
	if (n == 0)
		return true;
	record(t, true, off, s, n);
	raw_insert(t, off, s, n);
	return true;
}

bool zj_text_delete(zj_text *t, size_t start, size_t end)
{
	if (start > end || end > zj_text_len(t) || !on_boundary(t, start) || !on_boundary(t, end))
		return false;
	if (start == end)
		return true;
	char *bytes = zj_text_dup(t, start, end);
	record(t, false, start, bytes, end - start);
	free(bytes);
	raw_delete(t, start, end);
	return true;
}

/* Applies e forwards (redo) or backwards (undo) without recording. */
static size_t apply(zj_text *t, const edit *e, bool forwards)
{
	bool insert = e->insert == forwards;
	zj_change_add(&t->last_change, e->pos, insert ? e->pos : e->pos + e->len, insert ? e->len : 0);
	if (insert) {
		raw_insert(t, e->pos, e->bytes, e->len);
		return e->pos + e->len;
	}
	raw_delete(t, e->pos, e->pos + e->len);
	return e->pos;
}

/* Applies the newest group of edits of `from` (backwards for an undo,
 * forwards for a redo) and moves it onto `to`. */
static bool replay(zj_text *t, edit_stack *from, edit_stack *to, bool forward, size_t *cursor)
{
	if (!from->count)
		return false;
	t->group_open = false;
	t->last_change.any = false;
	size_t group = from->items[from->count - 1].group, where = 0;
	while (from->count && from->items[from->count - 1].group == group) {
		edit e = from->items[--from->count];
		where = apply(t, &e, forward);
		/* an undo goes back to where the cursor was before the group */
		if (!forward && e.restore != SIZE_MAX && e.restore <= zj_text_len(t))
			where = e.restore;
		push_edit(to, e);
	}
	if (cursor)
		*cursor = where;
	return true;
}

bool zj_text_undo(zj_text *t, size_t *cursor)
{
	return replay(t, &t->undo, &t->redo, false, cursor);
}

bool zj_text_redo(zj_text *t, size_t *cursor)
{
	return replay(t, &t->redo, &t->undo, true, cursor);
}

bool zj_text_modified(const zj_text *t)
{
	return top_group(t) != t->saved_group;
}

void zj_text_mark_saved(zj_text *t)
{
	t->group_open = false;
	t->saved_group = top_group(t);
}

/* ---- clusters --------------------------------------------------------- */

/* Cluster rules need a contiguous window; copy a bounded one around off. */
#define BEHIND 2048
#define AHEAD 256

size_t zj_text_next_cluster(const zj_text *t, size_t off)
{
	size_t len = zj_text_len(t);
	if (off >= len)
		return len;
	size_t end = off + AHEAD < len ? off + AHEAD : len;
	char win[AHEAD];
	zj_text_copy(t, off, end, win);
	size_t n = zj_grapheme_next(win, end - off, 0);
	/* A cluster longer than the window (absurd, but possible) stops at a
	 * code point boundary. */
	size_t r = off + n;
	while (r < len && !on_boundary(t, r))
		r++;
	return r;
}

size_t zj_text_prev_cluster(const zj_text *t, size_t off)
{
	if (off == 0)
		return 0;
	size_t start = off > BEHIND ? off - BEHIND : 0;
	while (start > 0 && !on_boundary(t, start))
		start--;
	char win[BEHIND + 4];
	zj_text_copy(t, start, off, win);
	return start + zj_grapheme_prev(win, off - start, off - start);
}

