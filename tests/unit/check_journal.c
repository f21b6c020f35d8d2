/* Unit tests of the recovery journal. */
#include <config.h>

#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
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
	zj_journal *j = zj_journal_start(d, &err);
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
	zj_journal *again = zj_journal_recover(back, &err);
	ck_assert_msg(again != NULL, "%s", err.message);
	ck_assert_str_eq(zj_doc_text(back, NULL), want);
	ck_assert(zj_text_modified(back->text));
	zj_journal_close(again, false);
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
	zj_journal *j = zj_journal_start(d, &err);
	zj_doc_insert(d, 0, "甲", 3);
	zj_journal_flush(j);
	zj_journal_close(j, false);
	/* a record cut short by the crash */
	char *jp = zj_journal_path(path, &err);
	FILE *f = fopen(jp, "a");
	fputs("I 0 100\nabc", f);
	fclose(f);
	zj_doc *back = zj_doc_open(path, false, &err);
	j = zj_journal_recover(back, &err);
	ck_assert_msg(j != NULL, "%s", err.message);
	ck_assert(!strncmp(zj_doc_text(back, NULL), "甲标题", strlen("甲标题")));
	/* typing goes on after the recovered records, not after the torn
	 * one: a second crash loses nothing */
	zj_doc_insert(back, 3, "乙", 3);
	zj_journal_close(j, false);
	zj_doc_free(back);
	back = zj_doc_open(path, false, &err);
	j = zj_journal_recover(back, &err);
	ck_assert_msg(j != NULL, "%s", err.message);
	ck_assert(!strncmp(zj_doc_text(back, NULL), "甲乙标题", strlen("甲乙标题")));
	zj_journal_close(j, true);
	zj_doc_free(back);
	/* the file changed since: refused, nothing applied */
	j = zj_journal_start(d, &err);
	zj_doc_insert(d, 0, "丙", 3);
	zj_journal_close(j, false);
	write_bytes(path, "别的内容\n", strlen("别的内容\n"));
	back = zj_doc_open(path, false, &err);
	ck_assert_ptr_null(zj_journal_recover(back, &err));
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
	ck_assert_ptr_null(zj_journal_start(d, &err));
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
	zj_journal *j = zj_journal_start(d, &err);
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
	zj_journal *j = zj_journal_start(d, &err);
	zj_doc_insert(d, 0, "乙", 3);
	zj_journal_close(j, true);
	ck_assert_int_eq(zj_journal_probe(path), ZJ_JOURNAL_NONE);
	zj_doc_free(d);
}
END_TEST

/* A journal over doc's text holding the records rec. */
static char *journal_over(zj_doc *d, const char *rec, size_t rec_len, size_t *n)
{
	size_t len;
	const char *text = zj_doc_text(d, &len);
	char *head = zj_xasprintf("zongjie-journal 1\npath /x\nbase %zu %016llx\n\n", len,
				  (unsigned long long)zj_hash(text, len));
	size_t h = strlen(head);
	char *data = zj_xmalloc(h + rec_len + 1);
	memcpy(data, head, h);
	memcpy(data + h, rec, rec_len);
	data[h + rec_len] = '\0';
	free(head);
	*n = h + rec_len;
	return data;
}

/* Whether applying rec to "abc\n" fails and leaves the text alone. */
static bool refused(const char *rec, size_t rec_len)
{
	zj_doc *d = zj_doc_new("abc\n", 4);
	size_t n;
	char *data = journal_over(d, rec, rec_len, &n);
	zj_error err = {0};
	bool ok = zj_journal_apply(data, n, d, NULL, &err);
	bool same = !strcmp(zj_doc_text(d, NULL), "abc\n") && !zj_text_modified(d->text);
	free(data);
	zj_doc_free(d);
	return !ok && same && strstr(err.message, "damaged");
}

START_TEST(strict_numbers_and_ranges)
{
	ck_assert(refused("I 0 -1\nx\n", 9));
	ck_assert(refused("I -0 1\nx\n", 9));
	ck_assert(refused("I +0 1\nx\n", 9));
	ck_assert(refused("I 0 1x\nx\n", 9));
	ck_assert(refused("D 18446744073709551616 1\n", 25));
	ck_assert(refused("D 2 18446744073709551615\n", 25));
	ck_assert(refused("D 3 2\n", 6));
	ck_assert(refused("I 5 1\nx\n", 8));
	ck_assert(refused("I 1 1\nxy\n", 9));
	ck_assert(refused("X 0 1\n", 6));
	/* a damaged record after good ones: nothing is applied */
	ck_assert(refused("I 0 1\nz\nD 0 9\n", 14));
	/* near misses: well-formed records apply */
	zj_doc *d = zj_doc_new("abc\n", 4);
	size_t n, used;
	char *data = journal_over(d, "I 4 2\nde\nD 0 1\n", 15, &n);
	zj_error err = {0};
	ck_assert_msg(zj_journal_apply(data, n, d, &used, &err), "%s", err.message);
	ck_assert_str_eq(zj_doc_text(d, NULL), "bc\nde");
	ck_assert_uint_eq(used, n);
	free(data);
	zj_doc_free(d);
}
END_TEST

START_TEST(nul_in_a_record_is_damage)
{
	ck_assert(refused("I 0 3\na\0b\n", 11));
}
END_TEST

START_TEST(huge_length_is_a_torn_end)
{
	/* a length beyond the end of the journal: the record was never
	 * finished, so it is left out, not read past the end */
	zj_doc *d = zj_doc_new("abc\n", 4);
	size_t n, used;
	char *data = journal_over(d, "I 0 1\nz\nI 0 99999999999999\nabc", 30, &n);
	zj_error err = {0};
	ck_assert_msg(zj_journal_apply(data, n, d, &used, &err), "%s", err.message);
	ck_assert_str_eq(zj_doc_text(d, NULL), "zabc\n");
	ck_assert_uint_eq(used, n - 22);
	free(data);
	zj_doc_free(d);
}
END_TEST

START_TEST(damaged_journal_is_refused_by_recover)
{
	zj_error err = {0};
	zj_doc *d = zj_doc_open(path, false, &err);
	zj_journal *j = zj_journal_start(d, &err);
	zj_journal_close(j, false);
	char *jp = zj_journal_path(path, &err);
	FILE *f = fopen(jp, "a");
	fputs("I 0 -1\n", f);
	fclose(f);
	ck_assert_int_eq(zj_journal_probe(path), ZJ_JOURNAL_LEFT);
	ck_assert_ptr_null(zj_journal_recover(d, &err));
	ck_assert(strstr(err.message, "damaged"));
	ck_assert(!zj_text_modified(d->text));
	free(jp);
	zj_doc_free(d);
}
END_TEST

START_TEST(empty_journal_is_removed)
{
	zj_error err = {0};
	char *jp = zj_journal_path(path, &err);
	write_bytes(jp, "", 0);
	ck_assert_int_eq(zj_journal_probe(path), ZJ_JOURNAL_NONE);
	ck_assert_int_ne(access(jp, F_OK), 0);
	free(jp);
}
END_TEST

START_TEST(named_from_the_absolute_folder)
{
	zj_error err = {0};
	char *sub1 = zj_xasprintf("%s/one", dir), *sub2 = zj_xasprintf("%s/two", dir);
	mkdir(sub1, 0700);
	mkdir(sub2, 0700);
	/* a file not there yet is known by the same name once created */
	ck_assert_int_eq(chdir(sub1), 0);
	char *before = zj_journal_path("new.txt", &err);
	write_bytes("new.txt", "x", 1);
	char *after = zj_journal_path("new.txt", &err);
	char *full = zj_xasprintf("%s/new.txt", sub1);
	char *absolute = zj_journal_path(full, &err);
	ck_assert_str_eq(before, after);
	ck_assert_str_eq(before, absolute);
	/* the same name in another folder is another journal */
	ck_assert_int_eq(chdir(sub2), 0);
	char *other = zj_journal_path("new.txt", &err);
	ck_assert_str_ne(before, other);
	free(before);
	free(after);
	free(full);
	free(absolute);
	free(other);
	free(sub1);
	free(sub2);
}
END_TEST

static void flush_on_signal(int sig)
{
	(void)sig;
	zj_journal_flush_now();
}

static void *send_hangups(void *main_thread)
{
	for (int i = 0; i < 2000; i++) {
		pthread_kill(*(pthread_t *)main_thread, SIGHUP);
		usleep(50);
	}
	return NULL;
}

START_TEST(each_record_written_once_under_signals)
{
	/* the handler's flush lands in the middle of the main flushes: each
	 * record must still be in the journal exactly once */
	struct sigaction sa = {.sa_handler = flush_on_signal};
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	zj_error err = {0};
	zj_doc *d = zj_doc_open(path, false, &err);
	zj_journal *j = zj_journal_start(d, &err);
	pthread_t self = pthread_self(), sender;
	pthread_create(&sender, NULL, send_hangups, &self);
	for (int i = 0; i < 400; i++) {
		zj_doc_insert(d, zj_text_len(d->text), "字", 3);
		zj_journal_flush(j);
	}
	pthread_join(sender, NULL);
	char *want = zj_xstrdup(zj_doc_text(d, NULL));
	zj_journal_close(j, false);
	zj_doc *back = zj_doc_open(path, false, &err);
	j = zj_journal_recover(back, &err);
	ck_assert_msg(j != NULL, "%s", err.message);
	ck_assert_str_eq(zj_doc_text(back, NULL), want);
	zj_journal_close(j, true);
	free(want);
	zj_doc_free(back);
	zj_doc_free(d);
}
END_TEST

START_TEST(failed_write_keeps_records)
{
	zj_error err = {0};
	zj_doc *d = zj_doc_open(path, false, &err);
	zj_journal *j = zj_journal_start(d, &err);
	/* a full disk: the file-size limit stands in for it */
	signal(SIGXFSZ, SIG_IGN);
	char *jp = zj_journal_path(path, &err);
	struct stat st;
	stat(jp, &st);
	struct rlimit small = {(rlim_t)st.st_size + 40, RLIM_INFINITY}, big = {RLIM_INFINITY, RLIM_INFINITY};
	ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &small), 0);
	for (int i = 0; i < 20; i++)
		zj_doc_insert(d, 0, "新", 3);
	ck_assert(!zj_journal_flush(j));
	ck_assert_ptr_nonnull(zj_journal_error(j));
	ck_assert(zj_journal_pending(j, NULL));
	ck_assert(!zj_journal_flush(j)); /* retried, still failing */
	ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &big), 0);
	ck_assert(zj_journal_flush(j));
	ck_assert_ptr_null(zj_journal_error(j));
	char *want = zj_xstrdup(zj_doc_text(d, NULL));
	zj_journal_close(j, false);
	zj_doc *back = zj_doc_open(path, false, &err);
	j = zj_journal_recover(back, &err);
	ck_assert_msg(j != NULL, "%s", err.message);
	ck_assert_str_eq(zj_doc_text(back, NULL), want);
	zj_journal_close(j, true);
	free(want);
	free(jp);
	zj_doc_free(back);
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
	tcase_add_test(tc, strict_numbers_and_ranges);
	tcase_add_test(tc, nul_in_a_record_is_damage);
	tcase_add_test(tc, huge_length_is_a_torn_end);
	tcase_add_test(tc, damaged_journal_is_refused_by_recover);
	tcase_add_test(tc, empty_journal_is_removed);
	tcase_add_test(tc, named_from_the_absolute_folder);
	tcase_add_test(tc, each_record_written_once_under_signals);
	tcase_add_test(tc, failed_write_keeps_records);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(journal_suite());
}
