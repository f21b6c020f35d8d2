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
	long lines[4];
	ck_assert_uint_eq(zj_ed_fill_same(ed, "丰和", strlen("丰和"), lines, 4), 2);
	ck_assert_int_eq(lines[0], 3);
	ck_assert_int_eq(lines[1], 5);
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
	/* backwards: the one before, then round to the last */
	ck_assert(zj_ed_find(ed, "街道", strlen("街道")));
	size_t second = ed->anchor;
	ck_assert(zj_ed_find_prev(ed, "街道", strlen("街道")));
	ck_assert_uint_eq(ed->anchor, first);
	ck_assert(zj_ed_find_prev(ed, "街道", strlen("街道")));
	ck_assert_uint_gt(ed->anchor, second);
	ck_assert(!zj_ed_find_prev(ed, "没有的词", strlen("没有的词")));
	/* go to a line */
	ck_assert(zj_ed_goto_line(ed, 3));
	ck_assert_uint_eq(ed->cursor, (size_t)(strstr(s, "开展") - s));
	ck_assert(zj_ed_goto_line(ed, 99)); /* past the end: the last line */
	ck_assert_uint_eq(ed->cursor, zj_text_line_start(ed->doc->text, zj_text_lines(ed->doc->text) - 1));
	ck_assert(!zj_ed_goto_line(ed, 0));
	zj_ed_set_cursor(ed, 0);
	ck_assert_uint_eq(zj_ed_replace_all(ed, "街道", strlen("街道"), "镇", strlen("镇")), 3);
	ck_assert(!strstr(zj_doc_text(ed->doc, NULL), "街道"));
	ck_assert(zj_ed_undo(ed));
	assert_text(ed, sample);
	done(ed);
}
END_TEST

/* Number gaps are the same only with the same words around them. */
START_TEST(fill_same_numbers_need_the_same_words)
{
	static const char text[] = "总结\n一、工作成效\n完成xx，达到xx，完成xx，\n完成xx，达成xx。\n";
	zj_editor *ed = editor(text);
	ck_assert(zj_ed_next_gap(ed)); /* 完成xx， */
	size_t gap = ed->anchor;
	long lines[4];
	ck_assert_uint_eq(zj_ed_fill_same(ed, "12", 2, lines, 4), 3);
	ck_assert_int_eq(lines[0], 3);
	ck_assert_int_eq(lines[2], 4);
	assert_text(ed, "总结\n一、工作成效\n完成12，达到xx，完成12，\n完成12，达成xx。\n");
	/* one undo step, and the cursor goes back to the gap chosen */
	ck_assert(zj_ed_undo(ed));
	assert_text(ed, text);
	ck_assert_uint_eq(ed->cursor, gap);
	done(ed);
}
END_TEST

/* Replace-all keeps the cursor where the writer had it. */
START_TEST(replace_all_keeps_the_cursor)
{
	zj_editor *ed = editor("街道甲，街道乙，街道丙。");
	size_t at = strlen("街道甲，街道"); /* before 乙 */
	zj_ed_set_cursor(ed, at);
	ck_assert_uint_eq(zj_ed_replace_all(ed, "街道", strlen("街道"), "镇", strlen("镇")), 3);
	ck_assert_uint_eq(ed->cursor, strlen("镇甲，镇"));
	ck_assert(zj_ed_undo(ed));
	ck_assert_uint_eq(ed->cursor, at);
	/* a cursor inside a hit goes to the start of its replacement */
	zj_ed_set_cursor(ed, strlen("街"));
	zj_ed_replace_all(ed, "街道", strlen("街道"), "镇", strlen("镇"));
	ck_assert_uint_eq(ed->cursor, 0);
	done(ed);
}
END_TEST

/* A paste is one insertion and one undo step, its line breaks LF. */
START_TEST(pasted_block_is_one_step)
{
	zj_editor *ed = editor("甲。");
	zj_ed_end(ed, false);
	zj_ed_insert(ed, "乙", strlen("乙"));
	ck_assert(zj_ed_insert_block(ed, "第一行\r\n第二\x01行\r第三行\xff", strlen("第一行\r\n第二\x01行\r第三行\xff")));
	assert_text(ed, "甲。乙第一行\n第二行\n第三行");
	ck_assert(zj_ed_undo(ed));
	assert_text(ed, "甲。乙");
	done(ed);
}
END_TEST

/* An article chosen: motion, gap jumps and counts, find, replace and
 * panes stay in it. */
START_TEST(article_scope)
{
	zj_buf b = {0};
	zj_buf_printf(&b, "%s\n%s", sample, sample);
	zj_editor *ed = editor(b.data);
	zj_buf_free(&b);
	const zj_outline *o = zj_doc_outline(ed->doc);
	ck_assert_uint_eq(o->narticles, 2);
	ck_assert_uint_eq(zj_ed_total_gaps(ed), 10);
	zj_ed_choose_article(ed, 1);
	size_t s, e;
	zj_ed_scope(ed, &s, &e);
	ck_assert_uint_eq(s, o->articles[1].start);
	ck_assert_uint_ge(ed->cursor, s);
	ck_assert_uint_eq(zj_ed_total_gaps(ed), 5);
	zj_ed_doc_start(ed);
	ck_assert_uint_eq(ed->cursor, s);
	zj_ed_vertical(ed, -3, 80, false);
	ck_assert_uint_eq(ed->cursor, s);
	/* five gaps, then round to the first of this article */
	size_t first_gap = 0;
	for (int i = 0; i < 6; i++) {
		ck_assert(zj_ed_next_gap(ed));
		ck_assert_uint_ge(ed->anchor, s);
		if (i == 0)
			first_gap = ed->anchor;
	}
	ck_assert_uint_eq(ed->anchor, first_gap);
	ck_assert(zj_ed_prev_gap(ed));
	ck_assert_uint_ge(ed->anchor, s);
	zj_ed_clear_selection(ed);
	ck_assert(zj_ed_find(ed, "青禾", strlen("青禾")));
	ck_assert_uint_eq(ed->anchor, s);
	ck_assert_uint_eq(zj_ed_replace_all(ed, "街道", strlen("街道"), "镇", strlen("镇")), 3);
	const char *t = zj_doc_text(ed->doc, NULL);
	ck_assert(strstr(t, "青禾街道2025年") == t); /* the first article untouched */
	for (int i = 0; i < 8; i++) {
		zj_ed_focus_part(ed, 1);
		ck_assert_uint_ge(ed->cursor, zj_doc_outline(ed->doc)->articles[1].start);
	}
	zj_ed_choose_article(ed, (size_t)-1);
	ck_assert_uint_eq(zj_ed_total_gaps(ed), 10);
	done(ed);
}
END_TEST

START_TEST(fix_punctuation)
{
	static const char text[] = "总结\n一、工作成效\n开展活动,参与群众;效果好。Excel, Word\n";
	zj_editor *ed = editor(text);
	zj_ed_end(ed, false); /* end of the first line */
	ck_assert_uint_eq(zj_ed_fix_punctuation(ed), 2);
	assert_text(ed, "总结\n一、工作成效\n开展活动，参与群众；效果好。Excel, Word\n");
	ck_assert_uint_eq(ed->cursor, strlen("总结"));
	ck_assert(zj_ed_undo(ed));
	assert_text(ed, text);
	ck_assert_uint_eq(ed->cursor, strlen("总结"));
	done(ed);
}
END_TEST

/* Many half-width marks are grouped as one finding: F12 fixes all of
 * them (it fixed none) */
START_TEST(fix_punctuation_grouped)
{
	static const char text[] = "总结\n2025年,我们做了很多工作,成效明显,群众满意,干部认可,上级肯定.\n";
	zj_editor *ed = editor(text);
	ck_assert_uint_eq(zj_ed_fix_punctuation(ed), 6);
	assert_text(ed, "总结\n2025年，我们做了很多工作，成效明显，群众满意，干部认可，上级肯定。\n");
	ck_assert(zj_ed_undo(ed));
	assert_text(ed, text);
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
	/* two articles: line breaks and undo make the outline update around
	 * the change, and the counts follow it */
	zj_buf b = {0};
	zj_buf_printf(&b, "%s\n%s", sample, sample);
	zj_editor *ed = editor(b.data);
	zj_buf_free(&b);
	srand(11);
	static const char *typed[] = {"x", "xx", "字", "1", "次", "__", "二、xx问题\n", "\n\n"};
	for (int step = 0; step < 400; step++) {
		size_t len = zj_text_len(ed->doc->text);
		zj_ed_set_cursor(ed, (size_t)rand() % (len + 1));
		int what = rand() % 7;
		if (what == 0)
			zj_ed_backspace(ed);
		else if (what == 1)
			zj_ed_delete(ed);
		else if (what == 2)
			zj_ed_newline(ed);
		else if (what == 3)
			zj_ed_undo(ed);
		else {
			const char *t = typed[rand() % 8];
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
	tcase_add_test(tc, fill_same_numbers_need_the_same_words);
	tcase_add_test(tc, replace_all_keeps_the_cursor);
	tcase_add_test(tc, pasted_block_is_one_step);
	tcase_add_test(tc, article_scope);
	tcase_add_test(tc, fix_punctuation);
	tcase_add_test(tc, fix_punctuation_grouped);
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
