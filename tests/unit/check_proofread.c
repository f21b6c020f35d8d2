/* Unit tests of proofreading: the phrase tables and their automaton, date
 * ranges, traditional characters and repeated characters, each on texts
 * that must be flagged and on near-misses that must stay silent. */
#include <config.h>

#include "testutil.h"
#include "zongjie/hanzi.h"
#include "zongjie/proofread.h"
#include "zongjie/suggest.h"

typedef struct found {
	char text[8][64];
	char right[8][64];
	int warning[8];
	size_t n;
	const char *s;
} found;

static void on_match(const zj_proof_match *m, void *ctx)
{
	found *f = ctx;
	ck_assert_uint_lt(f->n, 8);
	snprintf(f->text[f->n], 64, "%.*s", (int)(m->end - m->start), f->s + m->start);
	snprintf(f->right[f->n], 64, "%s", m->right);
	f->warning[f->n++] = m->warning;
}

static void on_char(size_t start, size_t end, const char *right, void *ctx)
{
	zj_proof_match m = {start, end, ZJ_PROOF_MISWRITTEN, true, right};
	on_match(&m, ctx);
}

static const bool both[ZJ_PROOF_TABLES] = {true, true};

static zj_proofreader *table(const char *miswritten, const char *usage)
{
	zj_proofreader *p = zj_proofreader_new();
	zj_error err = {0};
	ck_assert(zj_proofreader_add_text(p, ZJ_PROOF_MISWRITTEN, miswritten, strlen(miswritten),
					  &err));
	ck_assert(zj_proofreader_add_text(p, ZJ_PROOF_USAGE, usage, strlen(usage), &err));
	return p;
}

static found scan(const zj_proofreader *p, const bool *want, const char *s)
{
	found f = {.s = s};
	zj_proofread(p, want, s, strlen(s), on_match, &f);
	return f;
}

START_TEST(tables_match_phrases)
{
	zj_proofreader *p = table("# comment\n再接再励 再接再厉\n己经 已经\n+自己经\n\n人材辈出 人才辈出\n",
				  "人材 人才 info\n其它　其他 info\r\n截止目前 截至目前\n");
	ck_assert_uint_eq(zj_proofreader_count(p, ZJ_PROOF_MISWRITTEN), 3);
	ck_assert_uint_eq(zj_proofreader_count(p, ZJ_PROOF_USAGE), 3);
	found f = scan(p, both, "我们再接再励，截止目前己经完成，其它另议。");
	ck_assert_uint_eq(f.n, 4);
	ck_assert_str_eq(f.text[0], "再接再励");
	ck_assert_str_eq(f.right[0], "再接再厉");
	ck_assert_int_eq(f.warning[0], 1);
	ck_assert_str_eq(f.text[1], "截止目前");
	ck_assert_str_eq(f.text[2], "己经");
	ck_assert_str_eq(f.text[3], "其它");
	ck_assert_int_eq(f.warning[3], 0);
	/* a right phrase covers the match; the longest match wins */
	f = scan(p, both, "他自己经常加班，人材辈出。");
	ck_assert_uint_eq(f.n, 1);
	ck_assert_str_eq(f.text[0], "人材辈出");
	/* a table not asked for is not reported, and does not hide the other */
	const bool usage_only[ZJ_PROOF_TABLES] = {false, true};
	f = scan(p, usage_only, "人材辈出，再接再励。");
	ck_assert_uint_eq(f.n, 1);
	ck_assert_str_eq(f.text[0], "人材");
	f = scan(p, both, "截止日期是月底，其他事项另议。");
	ck_assert_uint_eq(f.n, 0);
	zj_proofreader_free(p);
}
END_TEST

START_TEST(tables_silence_and_replace)
{
	zj_proofreader *p = table("再接再励 再接再厉\n以经 已经\n", "其它 其他 info\n");
	zj_error err = {0};
	const char *user = "-其它\n以经 已经是\n测式 测试\n";
	ck_assert(zj_proofreader_add_text(p, ZJ_PROOF_MISWRITTEN, user, strlen(user), &err));
	ck_assert_uint_eq(zj_proofreader_count(p, ZJ_PROOF_USAGE), 0);
	found f = scan(p, both, "其它测式以经");
	ck_assert_uint_eq(f.n, 2);
	ck_assert_str_eq(f.text[0], "测式");
	ck_assert_str_eq(f.right[1], "已经是");
	/* a silence of a form not known yet, then the form: the later line wins */
	const char *later = "-错字\n错字 正字\n+错字\n";
	ck_assert(zj_proofreader_add_text(p, ZJ_PROOF_MISWRITTEN, later, strlen(later), &err));
	f = scan(p, both, "一个错字");
	ck_assert_uint_eq(f.n, 0); /* the right phrase of the same form covers it */
	zj_proofreader_free(p);
}
END_TEST

START_TEST(tables_are_bounded)
{
	/* a huge user file fills the tables and stops with a message, fast */
	size_t n = 40000;
	char *text = malloc(n * 16), *w = text;
	for (size_t i = 0; i < n; i++)
		w += sprintf(w, "x%07zu y\n", i);
	zj_proofreader *p = zj_proofreader_new();
	zj_error err = {0};
	ck_assert(!zj_proofreader_add_text(p, ZJ_PROOF_MISWRITTEN, text, (size_t)(w - text), &err));
	ck_assert_int_gt(err.line, 10000);
	found f = scan(p, both, "x0000001 x0000002");
	ck_assert_uint_eq(f.n, 2);
	zj_proofreader_free(p);
	free(text);
}
END_TEST

START_TEST(tables_reject_bad_lines)
{
	static const struct {
		const char *text;
		long line;
	} bad[] = {
		{"再接再励\n", 1},
		{"好 好\n", 1},
		{"# ok\n其它 其他 note\n", 2},
		{"一 二 三 四\n", 1},
		{"+\n", 1},
		{"甲 乙\n\xff\xfe 乙\n", 0},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		zj_proofreader *p = zj_proofreader_new();
		zj_error err = {0};
		ck_assert(!zj_proofreader_add_text(p, ZJ_PROOF_MISWRITTEN, bad[i].text,
						   strlen(bad[i].text), &err));
		ck_assert_int_eq(err.line, bad[i].line);
		ck_assert(err.message[0]);
		zj_proofreader_free(p);
	}
}
END_TEST

START_TEST(standard_tables_load)
{
	char *notice = NULL;
	const zj_proofreader *p = zj_proofreader_standard(&notice);
	ck_assert_ptr_null(notice);
	ck_assert_uint_ge(zj_proofreader_count(p, ZJ_PROOF_MISWRITTEN), 500);
	ck_assert_uint_ge(zj_proofreader_count(p, ZJ_PROOF_USAGE), 100);
	ck_assert_ptr_eq(zj_proofreader_standard(NULL), p);
}
END_TEST

static found ranges(const char *s)
{
	found f = {.s = s};
	zj_proof_ranges(s, strlen(s), on_match, &f);
	return f;
}

START_TEST(date_ranges)
{
	found f = ranges("1-5月完成投资；培训3~5天；2023–2024学年；第1-3季度。");
	ck_assert_uint_eq(f.n, 4);
	ck_assert_str_eq(f.text[0], "-");
	ck_assert_str_eq(f.right[0], "—");
	ck_assert_str_eq(f.right[1], "～");
	ck_assert_str_eq(f.text[2], "–");
	/* dates, codes, figures without a unit, decreasing pairs */
	f = ranges("2024-05-01召开；编号A1-3号；电话0571-8888；3-2号楼；10-20人；1—5月；3～5天。");
	ck_assert_uint_eq(f.n, 0);
}
END_TEST

static found repeats(const char *s)
{
	found f = {.s = s};
	zj_hanzi_check(NULL, s, strlen(s), NULL, on_char, &f);
	return f;
}

START_TEST(repeated_characters)
{
	found f = repeats("我们们要做好工作的的重点，进行进行检查。");
	ck_assert_uint_eq(f.n, 3);
	ck_assert_str_eq(f.text[0], "们们");
	ck_assert_str_eq(f.right[0], "们");
	ck_assert_str_eq(f.text[1], "的的");
	ck_assert_str_eq(f.text[2], "进行进行");
	ck_assert_str_eq(f.right[2], "进行");
	f = repeats("们们们");
	ck_assert_uint_eq(f.n, 1);
	static const char *const silent[] = {
		"人人参与，常常加班，天天坚守，看看方案，谢谢大家。",
		"好好研究研究，再讨论讨论，认认真真，扎扎实实。",
		"的的确确，目的的实现，有的的确很好，为了了解情况，不了了之。",
		"一步一步，一个一个，不是不是，哈哈哈哈。",
		"雪白雪白的墙，学习学习经验，天天天天。",
		"复制复制槽，重新索引索引，伊洛伊洛市，社区社区工作者。",
		"1111，abab，xx xx。",
	};
	for (size_t i = 0; i < sizeof silent / sizeof silent[0]; i++) {
		f = repeats(silent[i]);
		ck_assert_msg(f.n == 0, "%s: %s", silent[i], f.n ? f.text[0] : "");
	}
}
END_TEST

static found traditional(const char *s)
{
	found f = {.s = s};
	zj_hanzi_check(zj_hanzi_standard(NULL), s, strlen(s), on_char, NULL, &f);
	return f;
}

START_TEST(traditional_characters)
{
	char *notice = NULL;
	ck_assert_ptr_nonnull(zj_hanzi_standard(&notice));
	ck_assert_ptr_null(notice);
	found f = traditional("这项工作對我们来说很重要，要认真發展。");
	ck_assert_uint_eq(f.n, 2);
	ck_assert_str_eq(f.text[0], "對");
	ck_assert_str_eq(f.right[0], "对");
	ck_assert_str_eq(f.right[1], "发");
	/* wholly traditional; simplified with 乾坤, 著名, 藉此 */
	ck_assert_uint_eq(traditional("這份報告對我們很重要，請認真閱讀。").n, 0);
	ck_assert_uint_eq(traditional("这是乾坤朗朗的著名景点，我们藉此感谢大家。").n, 0);
}
END_TEST

START_TEST(suggestion_under_the_cursor)
{
	const char *text = "我们再接再励，其它工作。";
	zj_editor *ed = zj_editor_new(zj_doc_new(text, strlen(text)));
	zj_check_options opt;
	zj_check_options_default(&opt);
	zj_checker *c = zj_checker_new(&opt, NULL);
	zj_findings f = {0};
	size_t len;
	const char *s = zj_doc_text(ed->doc, &len);
	zj_check(c, s, len, NULL, &f);
	zj_ed_set_cursor(ed, 0);
	ck_assert_ptr_null(zj_suggestion_at(ed, &f));
	zj_ed_set_cursor(ed, strlen("我们再接再励")); /* the end counts */
	const zj_finding *x = zj_suggestion_at(ed, &f);
	ck_assert_ptr_nonnull(x);
	ck_assert_str_eq(zj_finding_fix(&f, x), "再接再厉");
	ck_assert(zj_suggestion_apply(ed, &f, x));
	s = zj_doc_text(ed->doc, &len);
	const char *fixed = "我们再接再厉，其它工作。";
	ck_assert(len == strlen(fixed) && !memcmp(s, fixed, len));
	ck_assert_uint_eq(ed->cursor, strlen("我们再接再厉"));
	ck_assert(zj_ed_undo(ed));
	s = zj_doc_text(ed->doc, &len);
	ck_assert(len == strlen(text) && !memcmp(s, text, len));
	zj_findings_free(&f);
	zj_checker_free(c);
	zj_doc *d = ed->doc;
	zj_editor_free(ed);
	zj_doc_free(d);
}
END_TEST

static Suite *proofread_suite(void)
{
	Suite *s = suite_create("proofread");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, tables_match_phrases);
	tcase_add_test(tc, tables_silence_and_replace);
	tcase_add_test(tc, tables_reject_bad_lines);
	tcase_add_test(tc, tables_are_bounded);
	tcase_add_test(tc, standard_tables_load);
	tcase_add_test(tc, date_ranges);
	tcase_add_test(tc, repeated_characters);
	tcase_add_test(tc, traditional_characters);
	tcase_add_test(tc, suggestion_under_the_cursor);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	/* the user's file stays out of the standard tables */
	setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
	return run_suite(proofread_suite());
}
