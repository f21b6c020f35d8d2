/* Unit tests of the screen geometry (view.h): soft-wrapped rows, pane
 * layout and scrolling, and the editor's Up/Down over the same rows. */
#include <config.h>

#include "testutil.h"
#include "zongjie/editor.h"
#include "zongjie/utf8.h"
#include "zongjie/view.h"

static const char summary[] =
	"青禾街道2025年工作总结\n"
	"今年以来，街道在区委的领导下扎实推进各项工作。\n"
	"一、工作成效\n"
	"开展活动xx场次，xx街道参与xx人次。\n"
	"二、存在问题\n"
	"xx街道人手不足。\n"
	"三、工作计划\n"
	"争取20xx年完成。\n";

static zj_text *text_of(const char *s)
{
	return zj_text_new(s, strlen(s));
}

/* The rows of the text at width, joined with '|' (a line break shows as
 * '/' at the start of the row that follows it). */
static char *rows_of(zj_text *t, int width)
{
	size_t len = zj_text_len(t);
	zj_buf b = {0};
	for (size_t r = 0; r <= len; r = zj_view_next_row(t, r, width)) {
		size_t e = zj_view_row_end(t, r, width);
		if (r)
			zj_buf_puts(&b, r > 0 && zj_text_byte(t, r - 1) == '\n' ? "/" : "|");
		char *s = zj_text_dup(t, r, e);
		zj_buf_puts(&b, s);
		free(s);
	}
	zj_buf_putc(&b, '\0');
	return b.data;
}

static void assert_rows(const char *s, int width, const char *want)
{
	zj_text *t = text_of(s);
	char *got = rows_of(t, width);
	ck_assert_str_eq(got, want);
	free(got);
	zj_text_free(t);
}

/* 避头尾: a closing mark never starts a row (the character before comes
 * down with it), an opening one never ends a row. */
START_TEST(cjk_rows_with_kinsoku)
{
	const char *s = "我们开展了活动，取得成效。下一步（重点）推进。";
	assert_rows(s, 6, "我们开|展了活|动，取|得成|效。下|一步|（重|点）推|进。");
	assert_rows(s, 8, "我们开展|了活动，|取得成|效。下一|步（重|点）推|进。");
	assert_rows(s, 80, s);
	/* no row starts with a closing mark or ends with an opening one, and
	 * every row fits, at every width */
	zj_text *t = text_of(s);
	for (int w = 4; w <= 30; w++)
		for (size_t r = 0; r < zj_text_len(t); r = zj_view_next_row(t, r, w)) {
			size_t e = zj_view_row_end(t, r, w);
			char *row = zj_text_dup(t, r, e);
			ck_assert_int_le(zj_str_width(row, e - r), w);
			ck_assert(strncmp(row, "，", 3) && strncmp(row, "。", 3) && strncmp(row, "）", 3));
			ck_assert(e - r < 3 || strcmp(row + (e - r) - 3, "（"));
			free(row);
		}
	zj_text_free(t);
}
END_TEST

/* Several lines, and the empty last line of a text ending in a line
 * break, which is a row of its own. */
START_TEST(lines_and_empty_last_line)
{
	assert_rows("甲乙丙丁\n戊己\n", 4, "甲乙|丙丁/戊己/");
	zj_text *t = text_of("甲乙\n");
	ck_assert_uint_eq(zj_view_next_row(t, 0, 10), 7);
	ck_assert_uint_eq(zj_view_row_end(t, 7, 10), 7);
	ck_assert_uint_eq(zj_view_next_row(t, 7, 10), 8); /* past the end */
	ck_assert_uint_eq(zj_view_row_of(t, 7, 10), 7);
	ck_assert_uint_eq(zj_view_prev_row(t, 7, 10), 0);
	ck_assert_uint_eq(zj_view_prev_row(t, 0, 10), 0);
	zj_text_free(t);
	t = text_of("");
	ck_assert_uint_eq(zj_view_row_of(t, 0, 10), 0);
	ck_assert_uint_eq(zj_view_next_row(t, 0, 10), 1);
	zj_text_free(t);
}
END_TEST

/* Every row: the next row's previous is itself, and each byte of it has
 * it as its row. */
START_TEST(prev_next_round_trip)
{
	zj_text *t = text_of(summary);
	size_t len = zj_text_len(t);
	for (int w = 4; w <= 24; w += 5) {
		size_t rows = 0;
		for (size_t r = 0; r <= len; rows++) {
			size_t next = zj_view_next_row(t, r, w);
			if (next <= len)
				ck_assert_uint_eq(zj_view_prev_row(t, next, w), r);
			size_t e = zj_view_row_end(t, r, w);
			for (size_t p = r; p < e; p++)
				if ((zj_text_byte(t, p) & 0xC0) != 0x80)
					ck_assert_uint_eq(zj_view_row_of(t, p, w), r);
			r = next;
		}
		/* at least a row per line, more the narrower */
		ck_assert_uint_ge(rows, zj_text_lines(t));
	}
	zj_text_free(t);
}
END_TEST

/* A line longer than ZJ_VIEW_ANCHOR bytes: rows also end at each anchor
 * (on a character boundary), so the row of a place is found from the
 * anchor before it. */
START_TEST(line_longer_than_anchor)
{
	size_t n = 30000; /* 90,000 bytes of 中 */
	zj_buf b = {0};
	for (size_t i = 0; i < n; i++)
		zj_buf_puts(&b, "中");
	zj_text *t = zj_text_new(b.data, b.len);
	zj_buf_free(&b);
	size_t anchor = ZJ_VIEW_ANCHOR / 3 * 3; /* 65535: back to a boundary */
	size_t before = anchor / 30 * 30;       /* rows of ten 中 (30 bytes) */
	ck_assert_uint_eq(zj_view_row_of(t, anchor - 1, 20), before);
	ck_assert_uint_eq(zj_view_row_end(t, before, 20), anchor); /* a short row */
	ck_assert_uint_eq(zj_view_next_row(t, before, 20), anchor);
	ck_assert_uint_eq(zj_view_row_of(t, anchor, 20), anchor);
	ck_assert_uint_eq(zj_view_row_of(t, anchor + 31, 20), anchor + 30);
	ck_assert_uint_eq(zj_view_prev_row(t, anchor, 20), before);
	ck_assert_uint_eq(zj_view_prev_row(t, anchor + 30, 20), anchor);
	/* the last row ends the line */
	size_t last = zj_view_row_of(t, zj_text_len(t), 20);
	ck_assert_uint_eq(zj_view_row_end(t, last, 20), zj_text_len(t));
	ck_assert_uint_eq(zj_view_next_row(t, last, 20), zj_text_len(t) + 1);
	zj_text_free(t);
}
END_TEST

/* The panes of a layout: one after the other, filling the height, the
 * focused one taking what the others leave. */
static void assert_tiled(const zj_view *v, size_t focus)
{
	int y = 0;
	for (size_t i = 0; i < v->npanes; i++) {
		ck_assert_int_eq(v->panes[i].y, y);
		ck_assert_int_ge(v->panes[i].rows, 1);
		if (v->panes[i].part != focus)
			ck_assert_int_le(v->panes[i].rows, 3);
		y += v->panes[i].rows;
	}
	ck_assert_int_eq(y, v->height);
}

START_TEST(layout_of_parts)
{
	zj_text *t = text_of(summary);
	zj_outline *o = zj_outline_build(summary, strlen(summary));
	ck_assert_uint_eq(o->nparts, 4); /* opening, achievements, problems, plan */
	zj_view v = {.width = 40, .height = 23};
	ck_assert_uint_eq(zj_view_layout(&v, o, t, (size_t)-1, 1), (size_t)-1);
	ck_assert_uint_eq(v.npanes, 4);
	assert_tiled(&v, 1);
	ck_assert_int_eq(v.panes[1].rows, 23 - 3 * 3);
	for (size_t i = 0; i < 4; i++) {
		ck_assert_uint_eq(v.panes[i].start, o->parts[i].start);
		ck_assert_uint_eq(v.panes[i].top, o->parts[i].start);
	}
	/* a small screen: fewer rows for the others, still tiled */
	v.height = 11;
	zj_view_layout(&v, o, t, (size_t)-1, 3);
	ck_assert_uint_eq(v.npanes, 4);
	assert_tiled(&v, 3);
	ck_assert_int_eq(v.panes[0].rows, 1);
	ck_assert_int_eq(v.panes[3].rows, 8);
	/* smaller still: a window of panes around the focused one */
	v.height = 8;
	zj_view_layout(&v, o, t, (size_t)-1, 2);
	ck_assert_uint_eq(v.npanes, 1);
	ck_assert_uint_eq(v.panes[0].part, 2);
	assert_tiled(&v, 2);
	zj_outline_free(o);
	zj_text_free(t);
}
END_TEST

START_TEST(layout_of_articles)
{
	zj_buf b = {0};
	zj_buf_printf(&b, "%s\n%s", summary, summary);
	zj_text *t = zj_text_new(b.data, b.len);
	zj_outline *o = zj_outline_build(b.data, b.len);
	zj_buf_free(&b);
	ck_assert_uint_eq(o->narticles, 2);
	zj_view v = {.width = 40, .height = 30};
	/* all: every part of both */
	zj_view_layout(&v, o, t, (size_t)-1, 0);
	ck_assert_uint_eq(v.npanes, o->nparts);
	/* the second chosen: its parts only */
	size_t first = o->articles[1].first_part;
	ck_assert_uint_eq(zj_view_layout(&v, o, t, 1, first + 1), 1);
	ck_assert_uint_eq(v.npanes, o->articles[1].nparts);
	ck_assert_uint_eq(v.panes[0].part, first);
	assert_tiled(&v, first + 1);
	/* the cursor left the article chosen: the one holding it is shown */
	ck_assert_uint_eq(zj_view_layout(&v, o, t, 1, 2), 0);
	ck_assert_uint_eq(v.panes[0].part, 0);
	ck_assert_uint_eq(v.npanes, o->articles[0].nparts);
	zj_outline_free(o);
	zj_text_free(t);
}
END_TEST

/* Rows from the pane's top down to the cursor's row. */
static int rows_to(const zj_text *t, size_t top, size_t cursor, int width)
{
	int k = 0;
	for (size_t r = top; r < zj_view_row_of(t, cursor, width); r = zj_view_next_row(t, r, width))
		k++;
	return k;
}

/* Scrolling keeps the cursor's row among the pane's rows (its frame
 * aside), remembers the top, and starts it on a row. */
START_TEST(scrolling_keeps_cursor_visible)
{
	zj_buf b = {0};
	zj_buf_puts(&b, "一、工作成效\n");
	for (int i = 0; i < 40; i++)
		zj_buf_printf(&b, "第%d项工作扎实推进，群众满意度明显提升，成效显著。\n", i + 1);
	zj_text *t = zj_text_new(b.data, b.len);
	zj_outline *o = zj_outline_build(b.data, b.len);
	zj_view v = {.width = 20, .height = 12};
	size_t len = zj_text_len(t);
	for (size_t cursor = 0; cursor <= len; cursor += 97) {
		while (cursor < len && (zj_text_byte(t, cursor) & 0xC0) == 0x80)
			cursor--;
		zj_view_layout(&v, o, t, (size_t)-1, 0);
		zj_view_scroll(&v, t, 0, cursor);
		const zj_view_pane *p = &v.panes[0];
		ck_assert_uint_le(p->top, cursor);
		ck_assert_int_lt(rows_to(t, p->top, cursor, v.width), p->rows - 1);
		ck_assert_uint_eq(zj_view_row_of(t, p->top, v.width), p->top);
		ck_assert_uint_eq(v.top[0], p->top);
	}
	/* the end: the cursor's row is the last one shown */
	zj_view_layout(&v, o, t, (size_t)-1, 0);
	zj_view_scroll(&v, t, 0, len);
	ck_assert_int_eq(rows_to(t, v.panes[0].top, len, v.width), v.panes[0].rows - 2);
	/* back to the start: the top follows up */
	zj_view_layout(&v, o, t, (size_t)-1, 0);
	zj_view_scroll(&v, t, 0, 0);
	ck_assert_uint_eq(v.panes[0].top, 0);
	zj_view_forget(&v);
	ck_assert_uint_eq(v.top[0], 0);
	zj_buf_free(&b);
	zj_outline_free(o);
	zj_text_free(t);
}
END_TEST

/* Up and Down move over the rows the view draws, keeping the column. */
START_TEST(vertical_over_wrapped_rows)
{
	const char *s = "甲乙丙丁戊己庚辛壬癸子丑\n寅卯\n";
	zj_doc *d = zj_doc_new(s, strlen(s));
	zj_editor *ed = zj_editor_new(d);
	const zj_text *t = d->text;
	int w = 8; /* rows of four characters */
	zj_ed_right(ed, false);
	zj_ed_right(ed, false); /* 丙, column 4 */
	zj_ed_vertical(ed, 1, w, false);
	ck_assert_uint_eq(ed->cursor, strlen("甲乙丙丁戊己"));
	ck_assert_uint_eq(zj_view_row_of(t, ed->cursor, w), zj_view_next_row(t, 0, w));
	zj_ed_vertical(ed, 1, w, false);
	ck_assert_uint_eq(ed->cursor, strlen("甲乙丙丁戊己庚辛壬癸"));
	zj_ed_vertical(ed, 1, w, false); /* the next line, shorter: its end */
	ck_assert_uint_eq(ed->cursor, strlen("甲乙丙丁戊己庚辛壬癸子丑\n寅卯"));
	zj_ed_vertical(ed, 1, w, false); /* the empty last line */
	ck_assert_uint_eq(ed->cursor, strlen(s));
	zj_ed_vertical(ed, 1, w, false); /* nothing below */
	ck_assert_uint_eq(ed->cursor, strlen(s));
	zj_ed_vertical(ed, -2, w, false); /* the goal column kept */
	ck_assert_uint_eq(ed->cursor, strlen("甲乙丙丁戊己庚辛壬癸"));
	zj_ed_vertical(ed, -5, w, false); /* nothing above the first row */
	ck_assert_uint_eq(ed->cursor, strlen("甲乙"));
	/* a row's end belongs to the next row: 丁 starts the second row of
	 * three, and Down from it goes to the start of the third */
	zj_ed_doc_start(ed);
	for (int i = 0; i < 3; i++)
		zj_ed_right(ed, false);
	ck_assert_uint_eq(zj_view_row_of(t, ed->cursor, 6), strlen("甲乙丙"));
	zj_ed_vertical(ed, 1, 6, false);
	ck_assert_uint_eq(ed->cursor, strlen("甲乙丙丁戊己"));
	/* so a goal column past a wrapped row's width stops before its end */
	zj_ed_goto_line(ed, 2);
	zj_ed_end(ed, false); /* 寅卯, column 4 */
	zj_ed_vertical(ed, -1, 4, false);
	ck_assert_uint_eq(ed->cursor, strlen("甲乙丙丁戊己庚辛壬癸子丑"));
	zj_ed_vertical(ed, -1, 4, false);
	ck_assert_uint_eq(ed->cursor, strlen("甲乙丙丁戊己庚辛壬"));
	zj_editor_free(ed);
	zj_doc_free(d);
}
END_TEST

static Suite *view_suite(void)
{
	Suite *s = suite_create("view");
	TCase *tc = tcase_create("view");
	tcase_add_test(tc, cjk_rows_with_kinsoku);
	tcase_add_test(tc, lines_and_empty_last_line);
	tcase_add_test(tc, prev_next_round_trip);
	tcase_add_test(tc, line_longer_than_anchor);
	tcase_add_test(tc, layout_of_parts);
	tcase_add_test(tc, layout_of_articles);
	tcase_add_test(tc, scrolling_keeps_cursor_visible);
	tcase_add_test(tc, vertical_over_wrapped_rows);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(view_suite());
}
