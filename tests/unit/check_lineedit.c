/* Unit tests of the prompt line editor. */
#include <config.h>

#include "testutil.h"
#include "zongjie/lineedit.h"

START_TEST(editing_in_the_middle)
{
	zj_lineedit le;
	zj_le_init(&le, "街道");
	ck_assert_int_eq(zj_le_column(&le), 4);
	zj_le_left(&le);
	ck_assert_int_eq(zj_le_column(&le), 2);
	ck_assert(zj_le_insert(&le, "办事", strlen("办事")));
	ck_assert_str_eq(zj_le_text(&le), "街办事道");
	ck_assert_int_eq(zj_le_column(&le), 6);
	zj_le_home(&le);
	ck_assert(zj_le_delete(&le));
	ck_assert_str_eq(zj_le_text(&le), "办事道");
	ck_assert(!zj_le_backspace(&le)); /* nothing before the cursor */
	zj_le_end(&le);
	ck_assert(zj_le_backspace(&le));
	ck_assert_str_eq(zj_le_text(&le), "办事");
	ck_assert(!zj_le_delete(&le)); /* nothing after it */
	zj_le_right(&le);
	ck_assert_int_eq(zj_le_column(&le), 4);
	zj_le_free(&le);
}
END_TEST

START_TEST(clusters_and_controls)
{
	zj_lineedit le;
	zj_le_init(&le, NULL);
	ck_assert_str_eq(zj_le_text(&le), "");
	zj_le_left(&le); /* at the start: stays */
	ck_assert_uint_eq(le.cursor, 0);
	/* e + combining acute is one step; a line break is left out */
	ck_assert(zj_le_insert(&le, "ae\xCC\x81\nb", 6));
	ck_assert_str_eq(zj_le_text(&le), "ae\xCC\x81" "b");
	zj_le_left(&le);
	zj_le_left(&le);
	ck_assert_uint_eq(le.cursor, 1);
	ck_assert(zj_le_delete(&le));
	ck_assert_str_eq(zj_le_text(&le), "ab");
	ck_assert(!zj_le_insert(&le, "\xff", 1)); /* not UTF-8: refused */
	ck_assert_str_eq(zj_le_text(&le), "ab");
	zj_le_free(&le);
}
END_TEST

static Suite *lineedit_suite(void)
{
	Suite *s = suite_create("lineedit");
	TCase *tc = tcase_create("lineedit");
	tcase_add_test(tc, editing_in_the_middle);
	tcase_add_test(tc, clusters_and_controls);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(lineedit_suite());
}
