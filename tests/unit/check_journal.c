/* Unit tests of the recovery journal. */
#include <config.h>

#include <sys/stat.h>

#include "testutil.h"
#include "zongjie/journal.h"

static char *state, *dir;
static char path[512];

static void setup(void)
{
	dir = make_tmpdir();
	state = zj_xasprintf("%s/state", dir);
	setenv("XDG_STATE_HOME", state, 1);
	snprintf(path, sizeof path, "%s/a.txt", dir);
	write_bytes(path, "标题\n一、成效\n开展活动xx场次。\n", strlen("标题\n一、成效\n开展活动xx场次。\n"));
}

static void teardown(void)
{
	rm_tree(dir);
	free(state);
}

START_TEST(replay_restores_every_edit)
{
	zj_error err = {0};
	zj_doc *d = zj_doc_open(path, false, &err);
	zj_journal *j = zj_journal_start(d, false, &err);
	ck_assert_msg(j != NULL, "%s", err.message);
	const char *s = zj_doc_text(d, NULL);
	size_t at = (size_t)(strstr(s, "xx") - s);
	zj_doc_replace(d, at, at + 2, "12", 2);
	zj_doc_insert(d, 0, "新", 3);
	zj_doc_undo(d, NULL);
	zj_doc_insert(d, zj_text_len(d->text), "结尾。\n", strlen("结尾。\n"));
	ck_assert(zj_journal_flush(j));
	char *want = zj_xstrdup(zj_doc_text(d, NULL));
	/* the editor dies here: the journal stays */
	ck_assert_int_eq(zj_journal_probe(path), ZJ_JOURNAL_BUSY);
	zj_journal_close(j, false);
	zj_doc_free(d);
	ck_assert_int_eq(zj_journal_probe(path), ZJ_JOURNAL_LEFT);

	zj_doc *back = zj_doc_open(path, false, &err);
	ck_assert_msg(zj_journal_replay(path, back, &err), "%s", err.message);
	ck_assert_str_eq(zj_doc_text(back, NULL), want);
	ck_assert(zj_text_modified(back->text));
	free(want);

	/* files and folder are private */
	char *jp = zj_journal_path(path, &err);
	struct stat st;
	ck_assert_int_eq(stat(jp, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	char *folder = zj_xasprintf("%s/zongjie", state);
	ck_assert_int_eq(stat(folder, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0700);
	free(folder);

	/* n keeps it aside */
	ck_assert(zj_journal_set_aside(path, &err));
	ck_assert_int_eq(zj_journal_probe(path), ZJ_JOURNAL_NONE);
	char cmd[1200];
	snprintf(cmd, sizeof cmd, "ls '%s'/zongjie/*.aside >/dev/null 2>&1", state);
	ck_assert_int_eq(system(cmd), 0);
	free(jp);
	zj_doc_free(back);
}
END_TEST

START_TEST(torn_record_and_changed_file)
{
	zj_error err = {0};
	zj_doc *d = zj_doc_open(path, false, &err);
	zj_journal *j = zj_journal_start(d, false, &err);
	zj_doc_insert(d, 0, "甲", 3);
	zj_journal_flush(j);
	zj_journal_close(j, false);
	/* a record cut short by the crash */
	char *jp = zj_journal_path(path, &err);
	FILE *f = fopen(jp, "a");
	fputs("I 0 100\nabc", f);
	fclose(f);
	zj_doc *back = zj_doc_open(path, false, &err);
	ck_assert(zj_journal_replay(path, back, &err));
	ck_assert(!strncmp(zj_doc_text(back, NULL), "甲标题", strlen("甲标题")));
	zj_doc_free(back);
	/* the file changed since: refused, nothing applied */
	write_bytes(path, "别的内容\n", strlen("别的内容\n"));
	back = zj_doc_open(path, false, &err);
	ck_assert(!zj_journal_replay(path, back, &err));
	ck_assert(strstr(err.message, "changed"));
	ck_assert_str_eq(zj_doc_text(back, NULL), "别的内容\n");
	zj_doc_free(back);
	zj_doc_free(d);
	free(jp);
}
END_TEST

START_TEST(planted_symlink_is_not_followed)
{
	zj_error err = {0};
	char *jp = zj_journal_path(path, &err);
	char target[600];
	snprintf(target, sizeof target, "%s/victim", dir);
	write_bytes(target, "keep me", 7);
	ck_assert_int_eq(symlink(target, jp), 0);
	zj_doc *d = zj_doc_open(path, false, &err);
	ck_assert_ptr_null(zj_journal_start(d, false, &err));
	size_t n;
	char *v = read_bytes(target, &n);
	ck_assert_str_eq(v, "keep me");
	free(v);
	free(jp);
	zj_doc_free(d);
}
END_TEST

START_TEST(nothing_typed_nothing_to_recover)
{
	zj_error err = {0};
	zj_doc *d = zj_doc_open(path, false, &err);
	zj_journal *j = zj_journal_start(d, false, &err);
	zj_journal_flush(j);
	zj_journal_close(j, false); /* as if killed right after a save */
	ck_assert_int_eq(zj_journal_probe(path), ZJ_JOURNAL_NONE);
	zj_doc_free(d);
}
END_TEST

START_TEST(clean_close_removes)
{
	zj_error err = {0};
	zj_doc *d = zj_doc_open(path, false, &err);
	zj_journal *j = zj_journal_start(d, false, &err);
	zj_doc_insert(d, 0, "乙", 3);
	zj_journal_close(j, true);
	ck_assert_int_eq(zj_journal_probe(path), ZJ_JOURNAL_NONE);
	zj_doc_free(d);
}
END_TEST

static Suite *journal_suite(void)
{
	Suite *s = suite_create("journal");
	TCase *tc = tcase_create("journal");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, replay_restores_every_edit);
	tcase_add_test(tc, torn_record_and_changed_file);
	tcase_add_test(tc, planted_symlink_is_not_followed);
	tcase_add_test(tc, clean_close_removes);
	tcase_add_test(tc, nothing_typed_nothing_to_recover);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(journal_suite());
}
