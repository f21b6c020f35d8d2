/* Unit tests of the editing session: what the editor decides without a
 * terminal. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/xattr.h>

#include "testutil.h"
#include "zongjie/session.h"

#define TEXT "标题\n一、成效\n开展活动xx场次。\n"

static char *state, *dir;
static char path[512];

static void setup(void)
{
	dir = make_tmpdir();
	state = zj_xasprintf("%s/state", dir);
	setenv("XDG_STATE_HOME", state, 1);
	snprintf(path, sizeof path, "%s/a.txt", dir);
	write_bytes(path, TEXT, strlen(TEXT));
}

static void teardown(void)
{
	rm_tree(dir);
	free(state);
}

static char *file_text(const char *p)
{
	size_t n;
	return read_bytes(p, &n);
}

static void type_at_end(zj_session *s, const char *str)
{
	zj_doc_insert(s->doc, zj_text_len(s->doc->text), str, strlen(str));
}

START_TEST(save_conflict_is_a_question)
{
	zj_error err = {0};
	zj_session *s = zj_session_open(path, &err);
	ck_assert_int_eq(s->recovery, ZJ_RECOVERY_NONE);
	type_at_end(s, "甲");
	write_bytes(path, "别人的\n", strlen("别人的\n"));
	ck_assert_int_eq(zj_session_save(s, NULL, 0, &err), ZJ_SAVE_CHANGED_ON_DISK);
	char *t = file_text(path);
	ck_assert_str_eq(t, "别人的\n");
	free(t);
	ck_assert_int_eq(zj_session_save(s, NULL, ZJ_ALLOW_CHANGED, &err), ZJ_SAVED);
	t = file_text(path);
	ck_assert_str_eq(t, TEXT "甲");
	free(t);
	/* saved: the next save asks nothing */
	type_at_end(s, "乙");
	ck_assert_int_eq(zj_session_save(s, NULL, 0, &err), ZJ_SAVED);
	zj_session_free(s, true);
}
END_TEST

START_TEST(same_size_and_mtime_is_still_a_change)
{
	zj_error err = {0};
	zj_session *s = zj_session_open(path, &err);
	struct stat before;
	stat(path, &before);
	/* another program writes the same number of bytes and puts the
	 * modification time back */
	char other[] = TEXT;
	memcpy(other, "题标", strlen("题标"));
	write_bytes(path, other, strlen(other));
	struct timespec times[2] = {before.st_atim, before.st_mtim};
	utimensat(AT_FDCWD, path, times, 0);
	ck_assert(zj_stamp_changed(&s->disk, path));
	ck_assert_int_eq(zj_session_save(s, NULL, 0, &err), ZJ_SAVE_CHANGED_ON_DISK);
	/* every field equal, taken in the same tick: the bytes decide */
	zj_stamp now;
	zj_stamp_take(path, &now);
	ck_assert(!zj_stamp_changed(&now, path));
	now.hash ^= 1;
	now.taken = now.ctime.tv_sec;
	ck_assert(zj_stamp_changed(&now, path));
	/* near miss: the same doubt, the same bytes */
	now.hash ^= 1;
	ck_assert(!zj_stamp_changed(&now, path));
	zj_session_free(s, true);
}
END_TEST

START_TEST(read_only_file_is_a_question)
{
	zj_error err = {0};
	chmod(path, 0444);
	zj_session *s = zj_session_open(path, &err);
	type_at_end(s, "甲");
	ck_assert_int_eq(zj_session_save(s, NULL, 0, &err), ZJ_SAVE_READ_ONLY);
	char *t = file_text(path);
	ck_assert_str_eq(t, TEXT);
	free(t);
	ck_assert_int_eq(zj_session_save(s, NULL, ZJ_ALLOW_READ_ONLY, &err), ZJ_SAVED);
	t = file_text(path);
	ck_assert_str_eq(t, TEXT "甲");
	free(t);
	struct stat st;
	stat(path, &st);
	ck_assert_int_eq(st.st_mode & 0777, 0444);
	zj_session_free(s, true);
	/* near miss: a writable file asks nothing */
	chmod(path, 0644);
	s = zj_session_open(path, &err);
	ck_assert_int_eq(zj_session_save(s, NULL, 0, &err), ZJ_SAVED);
	zj_session_free(s, true);
}
END_TEST

/* Leaves a journal as an editor killed after typing str would. */
static void crash_after_typing(const char *str)
{
	zj_error err = {0};
	zj_session *s = zj_session_open(path, &err);
	type_at_end(s, str);
	ck_assert(zj_session_tick(s, true));
	zj_session_free(s, false);
}

static bool aside_exists(void)
{
	char cmd[1200];
	snprintf(cmd, sizeof cmd, "ls '%s'/zongjie/*.aside >/dev/null 2>&1", state);
	return system(cmd) == 0;
}

START_TEST(recovery_yes_and_no)
{
	zj_error err = {0};
	crash_after_typing("丙");
	zj_session *s = zj_session_open(path, &err);
	ck_assert_int_eq(s->recovery, ZJ_RECOVERY_OFFERED);
	ck_assert_ptr_null(s->journal);
	ck_assert(zj_session_recover(s, true, &err));
	ck_assert_str_eq(zj_doc_text(s->doc, NULL), TEXT "丙");
	ck_assert_ptr_nonnull(s->journal);
	/* typed after the recovery, killed again: all of it comes back */
	type_at_end(s, "丁");
	zj_session_tick(s, true);
	zj_session_free(s, false);
	s = zj_session_open(path, &err);
	ck_assert(zj_session_recover(s, true, &err));
	ck_assert_str_eq(zj_doc_text(s->doc, NULL), TEXT "丙丁");
	zj_session_free(s, false);
	/* no: the file as on disk, the journal kept aside */
	s = zj_session_open(path, &err);
	ck_assert_int_eq(s->recovery, ZJ_RECOVERY_OFFERED);
	ck_assert(zj_session_recover(s, false, &err));
	ck_assert_str_eq(zj_doc_text(s->doc, NULL), TEXT);
	ck_assert(aside_exists());
	ck_assert_ptr_nonnull(s->journal);
	zj_session_free(s, true);
}
END_TEST

START_TEST(damaged_journal_is_set_aside)
{
	zj_error err = {0};
	crash_after_typing("丙");
	char *jp = zj_journal_path(path, &err);
	FILE *f = fopen(jp, "a");
	fputs("I 0 -1\n", f);
	fclose(f);
	zj_session *s = zj_session_open(path, &err);
	ck_assert(!zj_session_recover(s, true, &err));
	ck_assert(strstr(err.message, "damaged"));
	ck_assert_str_eq(zj_doc_text(s->doc, NULL), TEXT);
	ck_assert(aside_exists());
	ck_assert_ptr_nonnull(s->journal); /* journaling afresh */
	zj_session_free(s, true);
	/* nothing left to crash on next time */
	s = zj_session_open(path, &err);
	ck_assert_int_eq(s->recovery, ZJ_RECOVERY_NONE);
	zj_session_free(s, true);
	free(jp);
}
END_TEST

START_TEST(journal_failure_warns_and_retries)
{
	zj_error err = {0};
	zj_session *s = zj_session_open(path, &err);
	ck_assert_ptr_null(zj_session_warning(s));
	signal(SIGXFSZ, SIG_IGN);
	char *jp = zj_journal_path(path, &err);
	struct stat st;
	stat(jp, &st);
	struct rlimit small = {(rlim_t)st.st_size + 30, RLIM_INFINITY}, big = {RLIM_INFINITY, RLIM_INFINITY};
	ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &small), 0);
	for (int i = 0; i < 30; i++)
		type_at_end(s, "字");
	ck_assert(!zj_session_tick(s, true));
	ck_assert_ptr_nonnull(zj_session_warning(s));
	ck_assert(strstr(zj_session_warning(s), "journal: File too large"));
	ck_assert(strstr(zj_session_warning(s), "not protected"));
	ck_assert_int_ge(zj_session_wait_ms(s), 0); /* a retry is due */
	ck_assert(!zj_session_tick(s, true));
	ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &big), 0);
	ck_assert(zj_session_tick(s, true));
	ck_assert_ptr_null(zj_session_warning(s));
	char *want = zj_xstrdup(zj_doc_text(s->doc, NULL));
	zj_session_free(s, false);
	s = zj_session_open(path, &err);
	ck_assert(zj_session_recover(s, true, &err));
	ck_assert_str_eq(zj_doc_text(s->doc, NULL), want);
	zj_session_free(s, true);
	free(want);
	free(jp);
}
END_TEST

/* A journal that cannot even be started when the file opens (its folder
 * cannot be made) is tried again while there are changes, and then holds
 * them: the text on disk for base, the edits made meanwhile after it. */
START_TEST(journal_that_could_not_start_is_started_later)
{
	zj_error err = {0};
	char *blocked = zj_xasprintf("%s/blocked", dir);
	write_bytes(blocked, "", 0); /* a file where the state folder goes */
	setenv("XDG_STATE_HOME", blocked, 1);
	zj_session *s = zj_session_open(path, &err);
	ck_assert_ptr_null(s->journal);
	ck_assert_ptr_nonnull(zj_session_warning(s));
	ck_assert_int_eq(zj_session_wait_ms(s), -1); /* nothing to protect yet */
	type_at_end(s, "甲");
	ck_assert_int_ge(zj_session_wait_ms(s), 0); /* a retry is due */
	ck_assert(!zj_session_tick(s, false));
	ck_assert_ptr_nonnull(zj_session_warning(s));
	/* the space comes back */
	unlink(blocked);
	ck_assert(zj_session_tick(s, false));
	ck_assert_ptr_nonnull(s->journal);
	ck_assert_ptr_null(zj_session_warning(s));
	type_at_end(s, "乙");
	ck_assert(zj_session_tick(s, true));
	zj_session_free(s, false); /* killed */
	s = zj_session_open(path, &err);
	ck_assert_int_eq(s->recovery, ZJ_RECOVERY_OFFERED);
	ck_assert(zj_session_recover(s, true, &err));
	ck_assert_str_eq(zj_doc_text(s->doc, NULL), TEXT "甲乙");
	zj_session_free(s, true);
	setenv("XDG_STATE_HOME", state, 1);
	free(blocked);
}
END_TEST

START_TEST(new_file_keeps_its_journal_after_save)
{
	zj_error err = {0};
	ck_assert_int_eq(chdir(dir), 0);
	zj_session *s = zj_session_open("new.txt", &err);
	ck_assert_ptr_nonnull(s);
	type_at_end(s, "一");
	ck_assert_int_eq(zj_session_save(s, NULL, 0, &err), ZJ_SAVED);
	type_at_end(s, "二");
	zj_session_tick(s, true);
	zj_session_free(s, false);
	s = zj_session_open("new.txt", &err);
	ck_assert_int_eq(s->recovery, ZJ_RECOVERY_OFFERED);
	ck_assert(zj_session_recover(s, true, &err));
	ck_assert_str_eq(zj_doc_text(s->doc, NULL), "一二");
	zj_session_free(s, true);
}
END_TEST

START_TEST(save_as_over_an_existing_file_asks)
{
	zj_error err = {0};
	zj_session *s = zj_session_new(zj_doc_new("新的\n", strlen("新的\n")));
	ck_assert_int_eq(zj_session_save(s, path, 0, &err), ZJ_SAVE_EXISTS);
	char *t = file_text(path);
	ck_assert_str_eq(t, TEXT);
	free(t);
	ck_assert_int_eq(zj_session_save(s, path, ZJ_ALLOW_REPLACE, &err), ZJ_SAVED);
	t = file_text(path);
	ck_assert_str_eq(t, "新的\n");
	free(t);
	ck_assert_ptr_nonnull(s->journal); /* journaled under its name now */
	zj_session_free(s, true);
}
END_TEST

START_TEST(hard_links_and_attributes_kept)
{
	zj_error err = {0};
	char link_path[600];
	snprintf(link_path, sizeof link_path, "%s/link.txt", dir);
	ck_assert_int_eq(link(path, link_path), 0);
	bool xattrs = setxattr(path, "user.zongjie", "kept", 4, 0) == 0;
	zj_session *s = zj_session_open(path, &err);
	type_at_end(s, "甲");
	ck_assert_int_eq(zj_session_save(s, NULL, 0, &err), ZJ_SAVED);
	char *t = file_text(link_path);
	ck_assert_str_eq(t, TEXT "甲");
	free(t);
	struct stat st;
	stat(path, &st);
	ck_assert_int_eq(st.st_nlink, 2);
	/* the old text was copied beside the journal first */
	char *jp = zj_journal_path(path, &err);
	char *backup = zj_xasprintf("%s.backup", jp);
	t = file_text(backup);
	ck_assert_str_eq(t, TEXT);
	free(t);
	/* a single link: saved atomically, attributes kept */
	zj_session_free(s, true);
	unlink(link_path);
	s = zj_session_open(path, &err);
	type_at_end(s, "乙");
	ck_assert_int_eq(zj_session_save(s, NULL, 0, &err), ZJ_SAVED);
	if (xattrs) {
		char value[16] = {0};
		ck_assert_int_eq(getxattr(path, "user.zongjie", value, sizeof value), 4);
		ck_assert_str_eq(value, "kept");
	}
	zj_session_free(s, true);
	free(backup);
	free(jp);
}
END_TEST

START_TEST(export_gate)
{
	zj_error err = {0};
	zj_session *s = zj_session_open(path, &err);
	zj_session_export_options opt;
	zj_session_export_defaults(s, &opt);
	ck_assert_uint_eq(opt.start, 0);
	ck_assert_uint_eq(opt.end, strlen(TEXT));
	char out[600];
	snprintf(out, sizeof out, "%s/out.txt", dir);
	/* a number gap is an error */
	ck_assert_uint_gt(zj_session_export_errors(s, opt.start, opt.end, NULL), 0);
	ck_assert_int_eq(zj_session_export(s, out, &opt, 0, &err), ZJ_EXPORT_HAS_ERRORS);
	ck_assert_int_ne(access(out, F_OK), 0);
	/* the writer's consent, as --force */
	ck_assert_int_eq(zj_session_export(s, out, &opt, ZJ_ALLOW_ERRORS, &err), ZJ_EXPORTED);
	char *t = file_text(out);
	ck_assert_str_eq(t, TEXT);
	free(t);
	unlink(out);
	const char *text = zj_doc_text(s->doc, NULL);
	size_t at = (size_t)(strstr(text, "xx") - text);
	zj_doc_replace(s->doc, at, at + 2, "12", 2);
	/* the gate's count is kept only while the text is unchanged */
	ck_assert_uint_eq(zj_session_export_errors(s, 0, opt.end, NULL), 0);
	ck_assert(zj_doc_undo(s->doc, NULL));
	ck_assert_uint_gt(zj_session_export_errors(s, 0, opt.end, NULL), 0);
	ck_assert_int_eq(zj_session_export(s, out, &opt, 0, &err), ZJ_EXPORT_HAS_ERRORS);
	ck_assert(zj_doc_redo(s->doc, NULL));
	ck_assert_uint_eq(zj_session_export_errors(s, 0, opt.end, NULL), 0);
	/* its own file, by any name */
	char other[600];
	snprintf(other, sizeof other, "%s/alias.txt", dir);
	ck_assert_int_eq(symlink(path, other), 0);
	ck_assert_int_eq(zj_session_export(s, path, &opt, ZJ_ALLOW_REPLACE, &err), ZJ_EXPORT_SAME_FILE);
	ck_assert_int_eq(zj_session_export(s, other, &opt, ZJ_ALLOW_REPLACE, &err), ZJ_EXPORT_SAME_FILE);
	unlink(other);
	ck_assert_int_eq(link(path, other), 0);
	ck_assert_int_eq(zj_session_export(s, other, &opt, ZJ_ALLOW_REPLACE, &err), ZJ_EXPORT_SAME_FILE);
	t = file_text(path);
	ck_assert_str_eq(t, TEXT);
	free(t);
	/* a new file, then an existing one with consent */
	ck_assert_int_eq(zj_session_export(s, out, &opt, 0, &err), ZJ_EXPORTED);
	ck_assert_int_eq(zj_session_export(s, out, &opt, 0, &err), ZJ_EXPORT_EXISTS);
	ck_assert_int_eq(zj_session_export(s, out, &opt, ZJ_ALLOW_REPLACE, &err), ZJ_EXPORTED);
	t = file_text(out);
	ck_assert(strstr(t, "开展活动12场次"));
	free(t);
	zj_session_free(s, true);
}
END_TEST

/* A draft from renew is unsaved until saved; with a range, the draft of
 * that article alone. */
START_TEST(renew_draft_is_unsaved)
{
	static const char two[] = "甲社区2024年工作总结\n一、工作成效\n开展活动12场次。\n"
				  "乙社区2024年工作总结\n一、工作成效\n开展活动30场次。\n";
	write_bytes(path, two, strlen(two));
	zj_error err = {0};
	zj_session *s = zj_session_open(path, &err);
	ck_assert(!zj_session_unsaved(s));
	size_t second = (size_t)(strstr(two, "乙社区") - two);
	zj_renew_stats st;
	zj_doc *draft = zj_session_renew(s, second, strlen(two), &st, &err);
	ck_assert_ptr_nonnull(draft);
	const char *t = zj_doc_text(draft, NULL);
	ck_assert(strstr(t, "乙社区2025年工作总结"));
	ck_assert_ptr_null(strstr(t, "甲社区"));
	ck_assert_uint_eq(st.figures, 1);
	zj_session_free(s, true);
	s = zj_session_new_draft(draft);
	ck_assert(zj_session_unsaved(s));
	char out[600];
	snprintf(out, sizeof out, "%s/draft.txt", dir);
	ck_assert_int_eq(zj_session_save(s, out, 0, &err), ZJ_SAVED);
	ck_assert(!zj_session_unsaved(s));
	zj_session_free(s, true);
}
END_TEST

/* The export's options: a range (one article), the format, the indent;
 * the gate looks at the range alone. */
START_TEST(export_options_and_range)
{
	static const char two[] = "甲社区工作总结\n一、工作成效\n开展活动12场次。\n"
				  "乙社区工作总结\n一、工作成效\n开展活动xx场次。\n";
	write_bytes(path, two, strlen(two));
	zj_error err = {0};
	zj_session *s = zj_session_open(path, &err);
	ck_assert_ptr_nonnull(s);
	zj_session_export_options opt;
	zj_session_export_defaults(s, &opt);
	ck_assert_uint_gt(zj_session_export_errors(s, opt.start, opt.end, NULL), 0);
	/* the first article alone has no error */
	opt.end = (size_t)(strstr(two, "乙社区") - two);
	ck_assert_uint_eq(zj_session_export_errors(s, opt.start, opt.end, NULL), 0);
	opt.text.fullwidth_indent = true;
	opt.format.encoding = ZJ_ENC_GB18030;
	opt.format.eol = ZJ_EOL_CRLF;
	char out[600];
	snprintf(out, sizeof out, "%s/first.txt", dir);
	ck_assert_int_eq(zj_session_export(s, out, &opt, 0, &err), ZJ_EXPORTED);
	char *utf8;
	size_t utf8_len;
	zj_format fmt;
	ck_assert(zj_load_file(out, &utf8, &utf8_len, &fmt, &err));
	ck_assert_int_eq(fmt.encoding, ZJ_ENC_GB18030);
	ck_assert_int_eq(fmt.eol, ZJ_EOL_CRLF);
	ck_assert_str_eq(utf8, "甲社区工作总结\n一、工作成效\n　　开展活动12场次。\n");
	free(utf8);
	/* the second article is refused, a Word document of it with consent */
	opt.start = opt.end;
	opt.end = strlen(two);
	opt.docx = true;
	snprintf(out, sizeof out, "%s/second.docx", dir);
	ck_assert_int_eq(zj_session_export(s, out, &opt, 0, &err), ZJ_EXPORT_HAS_ERRORS);
	ck_assert_int_eq(zj_session_export(s, out, &opt, ZJ_ALLOW_ERRORS, &err), ZJ_EXPORTED);
	char *zip = file_text(out);
	ck_assert(!memcmp(zip, "PK\3\4", 4));
	free(zip);
	zj_session_free(s, true);
}
END_TEST

START_TEST(new_summary_journaled_and_offered_back)
{
	zj_error err = {0};
	char out[600];
	snprintf(out, sizeof out, "%s/saved.txt", dir);
	zj_session *s = zj_session_new(zj_doc_new("标题\n", strlen("标题\n")));
	ck_assert_ptr_nonnull(s->journal);
	type_at_end(s, "新写的");
	ck_assert(zj_session_tick(s, true));
	/* while its editor runs it is not offered to another */
	ck_assert_ptr_null(zj_session_open_unsaved());
	zj_session_free(s, false); /* killed */
	zj_session *back = zj_session_open_unsaved();
	ck_assert_ptr_nonnull(back);
	ck_assert_int_eq(back->recovery, ZJ_RECOVERY_OFFERED);
	ck_assert(zj_session_recover(back, true, &err));
	ck_assert_str_eq(zj_doc_text(back->doc, NULL), "标题\n新写的");
	/* saved under a name: nothing left to offer */
	ck_assert_int_eq(zj_session_save(back, out, 0, &err), ZJ_SAVED);
	zj_session_free(back, true);
	ck_assert_ptr_null(zj_session_open_unsaved());
	/* declined: kept aside, not offered again */
	s = zj_session_new(zj_doc_new("", 0));
	type_at_end(s, "草稿");
	zj_session_tick(s, true);
	zj_session_free(s, false);
	back = zj_session_open_unsaved();
	ck_assert_ptr_nonnull(back);
	ck_assert(zj_session_recover(back, false, &err));
	zj_session_free(back, true);
	ck_assert_ptr_null(zj_session_open_unsaved());
	ck_assert(aside_exists());
	/* a clean quit leaves nothing */
	s = zj_session_new(zj_doc_new("", 0));
	type_at_end(s, "丢掉");
	zj_session_tick(s, true);
	zj_session_free(s, true);
	ck_assert_ptr_null(zj_session_open_unsaved());
}
END_TEST

static Suite *session_suite(void)
{
	Suite *s = suite_create("session");
	TCase *tc = tcase_create("session");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, save_conflict_is_a_question);
	tcase_add_test(tc, same_size_and_mtime_is_still_a_change);
	tcase_add_test(tc, read_only_file_is_a_question);
	tcase_add_test(tc, recovery_yes_and_no);
	tcase_add_test(tc, damaged_journal_is_set_aside);
	tcase_add_test(tc, journal_failure_warns_and_retries);
	tcase_add_test(tc, journal_that_could_not_start_is_started_later);
	tcase_add_test(tc, new_file_keeps_its_journal_after_save);
	tcase_add_test(tc, save_as_over_an_existing_file_asks);
	tcase_add_test(tc, hard_links_and_attributes_kept);
	tcase_add_test(tc, export_gate);
	tcase_add_test(tc, export_options_and_range);
	tcase_add_test(tc, renew_draft_is_unsaved);
	tcase_add_test(tc, new_summary_journaled_and_offered_back);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(session_suite());
}
