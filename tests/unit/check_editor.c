/* Unit tests of the editing core, driven without a terminal. */
#include <config.h>

#include "testutil.h"
#include "zongjie/editor.h"

static const char sample[] =
	"青禾街道2025年工作总结\n"
	"一、工作成效\n"
	"开展活动xx场次，xx街道参与xx人次。\n"
	"二、存在问题\n"
	"xx街道人手不足。\n"
	"三、工作计划\n"
	"争取20xx年完成。\n";

static zj_editor *editor(const char *text)
{
	return zj_editor_new(zj_doc_new(text, strlen(text)));
}

static void done(zj_editor *ed)
{
	zj_doc_free(ed->doc);
	zj_editor_free(ed);
}

static void assert_text(zj_editor *ed, const char *want)
{
	ck_assert_str_eq(zj_doc_text(ed->doc, NULL), want);
}

/* Gaps in [start, end) of the document, counted afresh: the oracle for
 * the editor's cached counts. */
static size_t gaps_in(zj_editor *ed, size_t start, size_t end)
{
	size_t len;
	const char *s = zj_doc_text(ed->doc, &len);
	if (end > len)
		end = len;
	return start < end ? zj_gaps_count(s + start, end - start) : 0;
}

START_TEST(motion_by_cluster_and_word)
{
	zj_editor *ed = editor("ae\xCC\x81中 Excel表格\n第二行");
	zj_ed_right(ed, false);
	zj_ed_right(ed, false);
	ck_assert_uint_eq(ed->cursor, 4); /* over e + combining acute */
	zj_ed_right(ed, false);
	ck_assert_uint_eq(ed->cursor, 7);
	zj_ed_left(ed, false);
	ck_assert_uint_eq(ed->cursor, 4);
	zj_ed_doc_start(ed);
	zj_ed_word_right(ed, false); /* "ae\u0301" */
	ck_assert_uint_eq(ed->cursor, 4);
	zj_ed_word_right(ed, false); /* 中 and the space */
	ck_assert_uint_eq(ed->cursor, 8);
	zj_ed_word_right(ed, false); /* Excel */
	ck_assert_uint_eq(ed->cursor, 13);
	zj_ed_word_left(ed, false);
	ck_assert_uint_eq(ed->cursor, 8);
	zj_ed_end(ed, false);
	ck_assert_uint_eq(ed->cursor, strlen("ae\xCC\x81中 Excel表格"));
	zj_ed_right(ed, false);
	zj_ed_end(ed, false);
	ck_assert_uint_eq(ed->cursor, strlen("ae\xCC\x81中 Excel表格\n第二行"));
	zj_ed_home(ed, false);
	long line, col;
	zj_ed_position(ed, &line, &col);
	ck_assert_int_eq(line, 2);
	ck_assert_int_eq(col, 1);
	done(ed);
}
END_TEST

START_TEST(vertical_motion_over_wrapped_rows)
{
	/* 10 Han characters wrap into rows of 3 at width 6 (kinsoku aside) */
	zj_editor *ed = editor("一二三四五六七八九十\n短");
	zj_ed_right(ed, false); /* after 一: column 2 */
	zj_ed_vertical(ed, 1, 6, false);
	ck_assert_uint_eq(ed->cursor, 3 * 4); /* after 四 */
	zj_ed_vertical(ed, 2, 6, false);
	ck_assert_uint_eq(ed->cursor, 3 * 10); /* last row holds only 十: end of it */
	zj_ed_vertical(ed, 1, 6, false);
	ck_assert_uint_eq(ed->cursor, 3 * 10 + 1 + 3); /* 短 is one column pair: end */
	zj_ed_vertical(ed, -4, 6, false);
	ck_assert_uint_eq(ed->cursor, 3); /* back to the goal column in row 1 */
	done(ed);
}
END_TEST

START_TEST(editing_and_undo)
{
	zj_editor *ed = editor("开展活动场次");
	zj_ed_set_cursor(ed, strlen("开展活动"));
	ck_assert(zj_ed_insert(ed, "1", 1));
	ck_assert(zj_ed_insert(ed, "2", 1));
	zj_ed_commit(ed);
	assert_text(ed, "开展活动12场次");
	ck_assert(zj_ed_backspace(ed));
	assert_text(ed, "开展活动1场次");
	ck_assert(zj_ed_delete(ed));
	assert_text(ed, "开展活动1次");
	ck_assert(zj_ed_newline(ed));
	assert_text(ed, "开展活动1\n次");
	while (zj_ed_undo(ed))
		;
	assert_text(ed, "开展活动场次");
	ck_assert(!zj_text_modified(ed->doc->text));
	ck_assert(zj_ed_redo(ed));
	assert_text(ed, "开展活动12场次");
	/* typing replaces a selection */
	zj_ed_doc_start(ed);
	zj_ed_right(ed, true);
	zj_ed_right(ed, true);
	ck_assert(zj_ed_has_selection(ed));
	ck_assert(zj_ed_insert(ed, "举办", strlen("举办")));
	assert_text(ed, "举办活动12场次");
	done(ed);
}
END_TEST

START_TEST(clipboard)
{
	zj_editor *ed = editor("甲乙丙");
	zj_ed_right(ed, true);
	ck_assert(zj_ed_copy(ed));
	zj_ed_doc_end(ed);
	ck_assert(zj_ed_paste(ed));
	assert_text(ed, "甲乙丙甲");
	zj_ed_doc_start(ed);
	zj_ed_right(ed, true);
	zj_ed_right(ed, true);
	ck_assert(zj_ed_cut(ed));
	assert_text(ed, "丙甲");
	ck_assert(zj_ed_paste(ed));
	ck_assert(zj_ed_paste(ed));
	assert_text(ed, "甲乙甲乙丙甲");
	ck_assert(!zj_ed_copy(ed)); /* nothing selected */
	done(ed);
}
END_TEST

START_TEST(gap_jumps_and_typing_over)
{
	zj_editor *ed = editor(sample);
	ck_assert(zj_ed_next_gap(ed));
	ck_assert(ed->gap_selected);
	ck_assert_int_eq(ed->gap_kind, ZJ_GAP_NUMBER);
	ck_assert(!zj_ed_input_needs_confirm(ed, "12", 2));
	ck_assert(zj_ed_input_needs_confirm(ed, "很多", strlen("很多")));
	ck_assert(zj_ed_insert(ed, "12", 2));
	ck_assert(zj_ed_next_gap(ed));
	ck_assert_int_eq(ed->gap_kind, ZJ_GAP_NAME);
	ck_assert(!zj_ed_input_needs_confirm(ed, "丰和", strlen("丰和")));
	ck_assert(zj_ed_next_gap(ed));
	ck_assert(zj_ed_insert(ed, "300", 3));
	const char *s = zj_doc_text(ed->doc, NULL);
	ck_assert(strstr(s, "开展活动12场次，xx街道参与300人次。"));
	/* backwards, and round the end */
	ck_assert(zj_ed_prev_gap(ed));
	ck_assert_uint_eq(ed->anchor, (size_t)(strstr(s, "xx街道参与") - s));
	zj_ed_doc_start(ed);
	ck_assert(zj_ed_prev_gap(ed));
	ck_assert_int_eq(ed->gap_kind, ZJ_GAP_YEAR);
	ck_assert(zj_ed_next_gap(ed)); /* from the last gap round to the first */
	ck_assert_uint_eq(ed->anchor, (size_t)(strstr(s, "xx街道参与") - s));
	ck_assert_uint_eq(gaps_in(ed, 0, (size_t)-1), 3);
	done(ed);
}
END_TEST

START_TEST(fill_same_gaps)
{
	zj_editor *ed = editor(sample);
	ck_assert(zj_ed_next_gap(ed)); /* xx场次: NUMBER */
	ck_assert(zj_ed_next_gap(ed)); /* xx街道 */
	ck_assert_uint_eq(zj_ed_total_gaps(ed), 5);
	ck_assert_uint_eq(zj_ed_fill_same(ed, "丰和", strlen("丰和")), 2);
	ck_assert_uint_eq(zj_ed_total_gaps(ed), 3);
	const char *s = zj_doc_text(ed->doc, NULL);
	ck_assert(strstr(s, "开展活动xx场次，丰和街道参与xx人次。"));
	ck_assert(strstr(s, "\n丰和街道人手不足。"));
	/* the other xx gaps are left alone, and one undo brings both back */
	ck_assert_uint_eq(gaps_in(ed, 0, (size_t)-1), 3);
	ck_assert(zj_ed_undo(ed));
	assert_text(ed, sample);
	done(ed);
}
END_TEST

START_TEST(panes_follow_the_outline)
{
	zj_editor *ed = editor(sample);
	ck_assert_uint_eq(zj_ed_current_part(ed), 0); /* opening */
	zj_ed_focus_part(ed, 1);
	ck_assert_uint_eq(zj_ed_current_part(ed), 1);
	const char *s = zj_doc_text(ed->doc, NULL);
	ck_assert_uint_eq(ed->cursor, (size_t)(strstr(s, "开展活动") - s));
	zj_ed_focus_part(ed, 1);
	zj_ed_focus_part(ed, 1);
	ck_assert_uint_eq(zj_ed_current_part(ed), 3);
	zj_ed_focus_part(ed, 1); /* round to the opening */
	ck_assert_uint_eq(zj_ed_current_part(ed), 0);
	zj_ed_focus_part(ed, -1);
	ck_assert_uint_eq(zj_ed_current_part(ed), 3);
	done(ed);
}
END_TEST

START_TEST(find_and_replace)
{
	zj_editor *ed = editor(sample);
	ck_assert(zj_ed_find(ed, "街道", strlen("街道")));
	const char *s = zj_doc_text(ed->doc, NULL);
	ck_assert_uint_eq(ed->anchor, (size_t)(strstr(s, "街道") - s));
	size_t first = ed->anchor;
	ck_assert(zj_ed_find(ed, "街道", strlen("街道")));
	ck_assert_uint_gt(ed->anchor, first);
	ck_assert(zj_ed_find(ed, "街道", strlen("街道")));
	ck_assert(zj_ed_find(ed, "街道", strlen("街道"))); /* round to the first */
	ck_assert_uint_eq(ed->anchor, first);
	ck_assert(!zj_ed_find(ed, "没有的词", strlen("没有的词")));
	ck_assert_uint_eq(zj_ed_replace_all(ed, "街道", strlen("街道"), "镇", strlen("镇")), 3);
	ck_assert(!strstr(zj_doc_text(ed->doc, NULL), "街道"));
	ck_assert(zj_ed_undo(ed));
	assert_text(ed, sample);
	done(ed);
}
END_TEST

START_TEST(missing_parts)
{
	zj_editor *ed = editor("总结\n一、工作成效\n很好。\n二、工作计划\n再干。\n");
	zj_part_kind kinds[4];
	size_t n = zj_ed_missing_parts(ed, kinds);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(kinds[0], ZJ_PART_PROBLEMS);
	ck_assert_int_eq(kinds[1], ZJ_PART_CLOSING);
	int number;
	size_t at = zj_ed_part_position(ed, ZJ_PART_PROBLEMS, &number);
	const char *s = zj_doc_text(ed->doc, NULL);
	ck_assert_uint_eq(at, (size_t)(strstr(s, "二、工作计划") - s));
	ck_assert_int_eq(number, 2);
	at = zj_ed_part_position(ed, ZJ_PART_CLOSING, &number);
	ck_assert_uint_eq(at, strlen(s));
	done(ed);
}
END_TEST

START_TEST(gap_counts_follow_typing)
{
	zj_editor *ed = editor(sample);
	srand(11);
	static const char *typed[] = {"x", "xx", "字", "1", "次", "__"};
	for (int step = 0; step < 300; step++) {
		size_t len = zj_text_len(ed->doc->text);
		zj_ed_set_cursor(ed, (size_t)rand() % (len + 1));
		int what = rand() % 4;
		if (what == 0)
			zj_ed_backspace(ed);
		else if (what == 1)
			zj_ed_delete(ed);
		else {
			const char *t = typed[rand() % 6];
			zj_ed_insert(ed, t, strlen(t));
		}
		ck_assert_uint_eq(zj_ed_total_gaps(ed), gaps_in(ed, 0, (size_t)-1));
		const zj_outline *o = zj_doc_outline(ed->doc);
		for (size_t i = 0; i < o->nparts; i++)
			ck_assert_uint_eq(zj_ed_part_gaps(ed, i),
					  gaps_in(ed, o->parts[i].start, o->parts[i].end));
	}
	done(ed);
}
END_TEST

static Suite *editor_suite(void)
{
	Suite *s = suite_create("editor");
	TCase *tc = tcase_create("editor");
	tcase_add_test(tc, motion_by_cluster_and_word);
	tcase_add_test(tc, vertical_motion_over_wrapped_rows);
	tcase_add_test(tc, editing_and_undo);
	tcase_add_test(tc, clipboard);
	tcase_add_test(tc, gap_jumps_and_typing_over);
	tcase_add_test(tc, fill_same_gaps);
	tcase_add_test(tc, panes_follow_the_outline);
	tcase_add_test(tc, find_and_replace);
	tcase_add_test(tc, missing_parts);
	tcase_add_test(tc, gap_counts_follow_typing);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(editor_suite());
}
