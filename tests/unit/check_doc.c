/* Unit tests of doc: outline kept in step with edits, saving. */
#include <config.h>

#include <errno.h>

#include <signal.h>
#include <stdint.h>

#include "testutil.h"
#include "zongjie/doc.h"

static const char gb_free_text[] =
	"北岭镇2025年工作总结\r\n"
	"一、工作成效\r\n"
	"全年新建道路xx公里。\r\n"
	"二、2026年工作计划\r\n"
	"继续推进道路建设。\r\n";

START_TEST(outline_follows_edits)
{
	zj_doc *d = zj_doc_new(gb_free_text, strlen(gb_free_text));
	const zj_outline *o = zj_doc_outline(d);
	ck_assert_uint_eq(o->nparts, 3);
	/* Insert a problems part before the plan. */
	size_t len;
	const char *s = zj_doc_text(d, &len);
	size_t at = (size_t)(strstr(s, "二、") - s);
	const char *ins = "二、资金缺口问题\r\n资金缺口较大。\r\n";
	ck_assert(zj_doc_insert(d, at, ins, strlen(ins)));
	o = zj_doc_outline(d);
	ck_assert_uint_eq(o->nparts, 4);
	ck_assert_int_eq(o->parts[2].kind, ZJ_PART_PROBLEMS);
	ck_assert_int_eq(o->parts[3].kind, ZJ_PART_PLAN);
	ck_assert(zj_doc_undo(d, NULL));
	o = zj_doc_outline(d);
	ck_assert_uint_eq(o->nparts, 3);
	ck_assert(zj_doc_redo(d, NULL));
	ck_assert_uint_eq(zj_doc_outline(d)->nparts, 4);
	/* Deleting a heading's marker turns it into a paragraph (a line of
	 * part words alone, 存在问题, would stay a heading). */
	s = zj_doc_text(d, &len);
	at = (size_t)(strstr(s, "二、资金") - s);
	ck_assert(zj_doc_delete(d, at, at + strlen("二、")));
	ck_assert_uint_eq(zj_doc_outline(d)->nparts, 3);
	zj_doc_free(d);
}
END_TEST

START_TEST(untouched_and_edited_saves)
{
	char *dir = make_tmpdir();
	char path[512];
	snprintf(path, sizeof path, "%s/a.txt", dir);
	write_bytes(path, gb_free_text, strlen(gb_free_text));
	zj_error err = {0};
	zj_doc *d = zj_doc_open(path, false, &err);
	ck_assert_ptr_nonnull(d);
	ck_assert_int_eq(d->format.eol, ZJ_EOL_CRLF);
	ck_assert(zj_doc_save(d, NULL, &err));
	size_t n;
	char *back = read_bytes(path, &n);
	ck_assert_str_eq(back, gb_free_text);
	free(back);

	/* Fill the gap: only those bytes change; CRLF stays. */
	size_t len;
	const char *s = zj_doc_text(d, &len);
	size_t at = (size_t)(strstr(s, "xx") - s);
	ck_assert(zj_doc_replace(d, at, at + 2, "12", 2));
	ck_assert(zj_text_modified(d->text));
	ck_assert(zj_doc_save(d, NULL, &err));
	ck_assert(!zj_text_modified(d->text));
	back = read_bytes(path, &n);
	ck_assert_uint_eq(n, strlen(gb_free_text));
	for (size_t i = 0; i < n; i++)
		if (back[i] != gb_free_text[i])
			ck_assert_msg(i == (size_t)(strstr(gb_free_text, "xx") - gb_free_text) ||
					      i == (size_t)(strstr(gb_free_text, "xx") - gb_free_text) + 1,
				      "byte %zu changed", i);
	free(back);
	zj_doc_free(d);
	rm_tree(dir);
}
END_TEST

START_TEST(missing_file)
{
	zj_error err = {0};
	ck_assert_ptr_null(zj_doc_open("/nonexistent/zongjie.txt", false, &err));
	ck_assert_str_eq(err.message, strerror(ENOENT));
	char *dir = make_tmpdir();
	char path[512];
	snprintf(path, sizeof path, "%s/new.txt", dir);
	zj_doc *d = zj_doc_open(path, true, &err);
	ck_assert_ptr_nonnull(d);
	ck_assert_uint_eq(zj_text_len(d->text), 0);
	ck_assert(zj_doc_insert(d, 0, "新文件\n", strlen("新文件\n")));
	ck_assert(zj_doc_save(d, NULL, &err));
	size_t n;
	char *back = read_bytes(path, &n);
	ck_assert_str_eq(back, "新文件\n");
	free(back);
	zj_doc_free(d);
	rm_tree(dir);
}
END_TEST

START_TEST(positions_count_code_points)
{
	zj_doc *d = zj_doc_new("第一行\n二、xx人\n", strlen("第一行\n二、xx人\n"));
	long line, col;
	const char *s = zj_doc_text(d, NULL);
	zj_doc_position(d, (size_t)(strstr(s, "xx") - s), &line, &col);
	ck_assert_int_eq(line, 2);
	ck_assert_int_eq(col, 3);
	zj_doc_position(d, 0, &line, &col);
	ck_assert_int_eq(line, 1);
	ck_assert_int_eq(col, 1);
	zj_doc_free(d);
}
END_TEST

/* Compares the outline kept in step by edits with one built afresh. */
static void assert_same_outline(zj_doc *d)
{
	const zj_outline *kept = zj_doc_outline(d);
	size_t len;
	const char *s = zj_doc_text(d, &len);
	zj_outline *fresh = zj_outline_build(s, len);
	ck_assert_uint_eq(kept->nparts, fresh->nparts);
	ck_assert_uint_eq(kept->nsections, fresh->nsections);
	ck_assert_uint_eq(kept->narticles, fresh->narticles);
	ck_assert_uint_eq(kept->lines, fresh->lines);
	for (size_t i = 0; i < fresh->nparts; i++) {
		const zj_part *k = &kept->parts[i], *f = &fresh->parts[i];
		ck_assert_int_eq(k->kind, f->kind);
		ck_assert_int_eq(k->heading, f->heading);
		ck_assert_uint_eq(k->nsections, f->nsections);
		if (f->nsections)
			ck_assert_uint_eq(k->first_section, f->first_section);
		ck_assert_uint_eq(k->first_line, f->first_line);
		ck_assert_uint_eq(k->last_line, f->last_line);
		ck_assert_uint_eq(k->start, f->start);
		ck_assert_uint_eq(k->end, f->end);
		ck_assert_uint_eq(k->chars, f->chars);
	}
	for (size_t i = 0; i < fresh->nsections; i++) {
		const zj_section *k = &kept->sections[i], *f = &fresh->sections[i];
		ck_assert_uint_eq(k->level, f->level);
		ck_assert_uint_eq(k->number, f->number);
		ck_assert_uint_eq(k->line, f->line);
		ck_assert_uint_eq(k->start, f->start);
		ck_assert_uint_eq(k->title_start, f->title_start);
		ck_assert_uint_eq(k->title_end, f->title_end);
	}
	for (size_t i = 0; i < fresh->narticles; i++) {
		const zj_article *k = &kept->articles[i], *f = &fresh->articles[i];
		ck_assert_uint_eq(k->start, f->start);
		ck_assert_uint_eq(k->end, f->end);
		ck_assert_int_eq(k->title_line, f->title_line);
		if (f->title_line >= 0) {
			ck_assert_uint_eq(k->title_start, f->title_start);
			ck_assert_uint_eq(k->title_end, f->title_end);
		}
		ck_assert_int_eq(k->year, f->year);
		ck_assert_int_eq(k->content_line, f->content_line);
		ck_assert_uint_eq(k->first_line, f->first_line);
		ck_assert_uint_eq(k->last_line, f->last_line);
		ck_assert_uint_eq(k->first_part, f->first_part);
		ck_assert_uint_eq(k->nparts, f->nparts);
	}
	zj_outline_free(fresh);
}

START_TEST(typing_keeps_the_outline_exact)
{
	const char *text = "青禾街道2025年工作总结\n"
			   "全年工作稳步推进，现总结如下。\n"
			   "一、工作成效\n"
			   "（一）学习。全年学习xx次，效果良好。\n"
			   "开展活动xx场次，参与群众xx人次，满意率较高。\n"
			   "二、存在问题\n"
			   "人手不足，经费紧张，场地偏小。\n"
			   "三、工作计划\n"
			   "继续努力，争取更好成绩。\n"
			   "总之，新的一年我们将再接再厉。\n";
	zj_doc *d = zj_doc_new(text, strlen(text));
	srand(7);
	const char *pieces[] = {"字", "a", " ", "12", "。", "x"};
	for (int step = 0; step < 400; step++) {
		zj_doc_outline(d); /* make sure there is an outline to keep */
		size_t len = zj_text_len(d->text);
		size_t at = (size_t)rand() % len;
		while (at > 0 && ((unsigned char)zj_text_byte(d->text, at) & 0xC0) == 0x80)
			at--;
		if (zj_text_byte(d->text, at) == '\n')
			continue;
		if (rand() % 3) {
			const char *p = pieces[rand() % 6];
			ck_assert(zj_doc_insert(d, at, p, strlen(p)));
		} else {
			size_t end = zj_text_next_cluster(d->text, at);
			if (end > at && zj_text_byte(d->text, at) != '\n')
				ck_assert(zj_doc_delete(d, at, end));
		}
		assert_same_outline(d);
	}
	zj_doc_free(d);
}
END_TEST

/* Any edit, line breaks, headings, titles, undo and redo included, in a
 * file of several articles: the outline updated around the change is the
 * outline built afresh. */
START_TEST(updates_keep_the_outline_exact)
{
	static const char article[] = "%s街道2025年工作总结\n"
				      "\n"
				      "全年工作稳步推进，现总结如下。\n"
				      "一、工作成效\n"
				      "（一）学习。全年学习xx次。\n"
				      "开展活动xx场次，满意率较高。\n"
				      "二、存在问题\n"
				      "人手不足。\n"
				      "三、工作计划\n"
				      "继续努力。\n"
				      "总之，我们将再接再厉。\n"
				      "\n";
	static const char *const units[] = {"青禾", "东湖", "南山", "北苑", "丰和", "临江"};
	zj_buf b = {0};
	for (size_t i = 0; i < 6; i++)
		zj_buf_printf(&b, article, units[i]);
	zj_doc *d = zj_doc_new(b.data, b.len);
	zj_buf_free(&b);
	/* seed 2 once found a title with no heading after it whose article
	 * break turned on a heading renumbered in the next article */
	srand((unsigned)(_i == 0 ? 13 : _i == 1 ? 2 : 29));
	const char *pieces[] = {"字", "\n", "\n\n", "二、", "四、工作思路\n", "城东街道2026年工作计划\n",
				"总之，", "（二）", "。", "x", "第一篇\n"};
	size_t npieces = sizeof pieces / sizeof pieces[0];
	int updates = 0;
	for (int step = 0; step < 600; step++) {
		zj_doc_outline(d);
		size_t len = zj_text_len(d->text);
		size_t at = len ? (size_t)rand() % len : 0;
		while (at > 0 && ((unsigned char)zj_text_byte(d->text, at) & 0xC0) == 0x80)
			at--;
		int what = rand() % 10;
		if (what < 5) {
			const char *p = pieces[rand() % npieces];
			ck_assert(zj_doc_insert(d, at, p, strlen(p)));
		} else if (what < 8) {
			size_t end = at;
			for (int k = rand() % 30; k >= 0 && end < len; k--)
				end = zj_text_next_cluster(d->text, end);
			ck_assert(zj_doc_delete(d, at, end));
		} else if (what == 8)
			zj_doc_undo(d, NULL);
		else
			zj_doc_redo(d, NULL);
		zj_text_group_end(d->text);
		/* now and then two edits before the outline is asked for */
		if (rand() % 4) {
			bool pending = d->pending.any;
			assert_same_outline(d);
			updates += pending && d->splice_build == d->outline_builds;
		}
	}
	/* the updates did the work, not whole rebuilds */
	ck_assert_int_gt(updates, 250);
	zj_doc_free(d);
}
END_TEST

START_TEST(calloc_overflow_aborts)
{
	/* count × size wraps to 0: refused, never a NULL the caller trusts */
	void *p = zj_xcalloc(SIZE_MAX / 2 + 1, 2);
	free(p);
}
END_TEST

START_TEST(calloc_near_miss)
{
	char *p = zj_xcalloc(1000, 3);
	ck_assert_int_eq(p[2999], 0);
	free(p);
}
END_TEST

static Suite *doc_suite(void)
{
	Suite *s = suite_create("doc");
	TCase *tc = tcase_create("doc");
	tcase_add_test(tc, outline_follows_edits);
	tcase_add_test(tc, untouched_and_edited_saves);
	tcase_add_test(tc, missing_file);
	tcase_add_test(tc, positions_count_code_points);
	tcase_add_test(tc, typing_keeps_the_outline_exact);
	tcase_add_loop_test(tc, updates_keep_the_outline_exact, 0, 3);
	tcase_add_test_raise_signal(tc, calloc_overflow_aborts, SIGABRT);
	tcase_add_test(tc, calloc_near_miss);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(doc_suite());
}
