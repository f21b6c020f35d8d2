/* Unit tests of fileio: decoding, byte-exact round trips, atomic saves. */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <iconv.h>
#include <sys/stat.h>

#include "testutil.h"
#include "zongjie/fileio.h"

/* Encodes UTF-8 with the C library's iconv, independent of zj_encode. */
static char *iconv_from_utf8(const char *to, const char *s, size_t *out_len)
{
	iconv_t cd = iconv_open(to, "UTF-8");
	ck_assert(cd != (iconv_t)-1);
	size_t len = strlen(s), cap = len * 4 + 8, left = cap;
	char *out = malloc(cap), *o = out, *in = (char *)s;
	ck_assert_uint_ne(iconv(cd, &in, &len, &o, &left), (size_t)-1);
	iconv_close(cd);
	*out_len = cap - left;
	return out;
}

/* Loads path, saves it to a second file, and compares the bytes. */
static void assert_round_trip(const char *dir, const char *name, const void *bytes, size_t n,
			      zj_encoding enc, bool bom, zj_eol eol)
{
	char path[512], copy[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	snprintf(copy, sizeof copy, "%s/%s.out", dir, name);
	write_bytes(path, bytes, n);
	char *text;
	size_t len;
	zj_format fmt;
	zj_error err = {0};
	ck_assert_msg(zj_load_file(path, &text, &len, &fmt, &err), "%s: %s", name, err.message);
	ck_assert_int_eq(fmt.encoding, enc);
	ck_assert_int_eq(fmt.bom, bom);
	ck_assert_int_eq(fmt.eol, eol);
	ck_assert_uint_eq(strlen(text), len); /* terminated, no NUL inside */
	ck_assert_msg(zj_save_file(copy, text, len, &fmt, &err), "%s: %s", name, err.message);
	size_t m;
	char *back = read_bytes(copy, &m);
	ck_assert_uint_eq(m, n);
	ck_assert_msg(memcmp(back, bytes, n) == 0, "%s: bytes differ", name);
	free(back);
	free(text);
}

static const char sample[] = "2023年工作总结\n一、主要成效\n全年开展活动xx场次，参与xx人次。\n";

START_TEST(round_trip_lf_crlf_mixed)
{
	char *dir = make_tmpdir();
	assert_round_trip(dir, "lf.txt", sample, strlen(sample), ZJ_ENC_UTF8, false, ZJ_EOL_LF);
	const char crlf[] = "标题\r\n一、成效\r\n正文。\r\n";
	assert_round_trip(dir, "crlf.txt", crlf, strlen(crlf), ZJ_ENC_UTF8, false, ZJ_EOL_CRLF);
	const char mixed[] = "第一行\r\n第二行\n第三行\r\n";
	assert_round_trip(dir, "mixed.txt", mixed, strlen(mixed), ZJ_ENC_UTF8, false, ZJ_EOL_MIXED);
	const char no_final[] = "没有结尾换行\n最后一行";
	assert_round_trip(dir, "nofinal.txt", no_final, strlen(no_final), ZJ_ENC_UTF8, false,
			  ZJ_EOL_LF);
	const char crlf_no_final[] = "甲\r\n乙";
	assert_round_trip(dir, "crlf-nofinal.txt", crlf_no_final, strlen(crlf_no_final),
			  ZJ_ENC_UTF8, false, ZJ_EOL_CRLF);
	const char lone_cr[] = "旧式\r换行\r\n正常\r\n";
	assert_round_trip(dir, "lonecr.txt", lone_cr, strlen(lone_cr), ZJ_ENC_UTF8, false,
			  ZJ_EOL_CRLF);
	assert_round_trip(dir, "empty.txt", "", 0, ZJ_ENC_UTF8, false, ZJ_EOL_LF);
	rm_tree(dir);
}
END_TEST

START_TEST(round_trip_bom_and_encodings)
{
	char *dir = make_tmpdir();
	char bom[256];
	snprintf(bom, sizeof bom, "\xEF\xBB\xBF%s", sample);
	assert_round_trip(dir, "bom.txt", bom, strlen(bom), ZJ_ENC_UTF8, true, ZJ_EOL_LF);

	size_t n;
	char *gb = iconv_from_utf8("GB18030", sample, &n);
	assert_round_trip(dir, "gb.txt", gb, n, ZJ_ENC_GB18030, false, ZJ_EOL_LF);
	free(gb);
	gb = iconv_from_utf8("GB18030", "年度总结\r\n二、存在问题\r\n人手不足。\r\n", &n);
	assert_round_trip(dir, "gb-crlf.txt", gb, n, ZJ_ENC_GB18030, false, ZJ_EOL_CRLF);
	free(gb);

	char *u16 = iconv_from_utf8("UTF-16LE", sample, &n);
	char *with_bom = malloc(n + 2);
	memcpy(with_bom, "\xFF\xFE", 2);
	memcpy(with_bom + 2, u16, n);
	assert_round_trip(dir, "u16le.txt", with_bom, n + 2, ZJ_ENC_UTF16LE, true, ZJ_EOL_LF);
	free(u16);
	u16 = iconv_from_utf8("UTF-16BE", sample, &n);
	memcpy(with_bom, "\xFE\xFF", 2);
	memcpy(with_bom + 2, u16, n);
	assert_round_trip(dir, "u16be.txt", with_bom, n + 2, ZJ_ENC_UTF16BE, true, ZJ_EOL_LF);
	free(u16);
	free(with_bom);
	rm_tree(dir);
}
END_TEST

START_TEST(round_trip_large)
{
	char *dir = make_tmpdir();
	/* 5 MB of CRLF lines */
	size_t unit = strlen("全年开展活动12场次，参与300人次。\r\n");
	size_t count = 5 * 1024 * 1024 / unit + 1;
	char *big = malloc(count * unit);
	for (size_t i = 0; i < count; i++)
		memcpy(big + i * unit, "全年开展活动12场次，参与300人次。\r\n", unit);
	assert_round_trip(dir, "5mb.txt", big, count * unit, ZJ_ENC_UTF8, false, ZJ_EOL_CRLF);
	free(big);
	/* one line of 2 MB without a line break */
	size_t line = 2 * 1024 * 1024;
	char *one = malloc(line);
	for (size_t i = 0; i < line; i += 3)
		memcpy(one + i, i + 3 <= line ? "字" : "ab", i + 3 <= line ? 3 : line - i);
	assert_round_trip(dir, "longline.txt", one, line, ZJ_ENC_UTF8, false, ZJ_EOL_LF);
	free(one);
	rm_tree(dir);
}
END_TEST

START_TEST(crlf_is_normalised)
{
	char *text;
	size_t len;
	zj_format fmt;
	zj_error err = {0};
	ck_assert(zj_decode("a\r\nb\r\n", 6, &text, &len, &fmt, &err));
	ck_assert_str_eq(text, "a\nb\n");
	ck_assert_int_eq(fmt.eol, ZJ_EOL_CRLF);
	free(text);
	ck_assert(zj_decode("a\r\nb\n", 5, &text, &len, &fmt, &err));
	ck_assert_str_eq(text, "a\r\nb\n"); /* mixed: kept as is */
	/* saved as mixed, byte for byte; one ending asked for, every line alike */
	char *out;
	size_t n;
	ck_assert(zj_encode(text, len, &fmt, &out, &n, &err));
	ck_assert(n == 5 && !memcmp(out, "a\r\nb\n", 5));
	free(out);
	len = zj_eol_unify(text, len);
	fmt.eol = ZJ_EOL_LF;
	ck_assert(zj_encode(text, len, &fmt, &out, &n, &err));
	ck_assert(n == 4 && !memcmp(out, "a\nb\n", 4));
	free(out);
	fmt.eol = ZJ_EOL_CRLF;
	ck_assert(zj_encode(text, len, &fmt, &out, &n, &err));
	ck_assert(n == 6 && !memcmp(out, "a\r\nb\r\n", 6));
	free(out);
	free(text);
	/* read as CRLF, a CR before a line's end is a character: kept (CR CR LF) */
	ck_assert(zj_decode("a\r\r\nb\r\n", 7, &text, &len, &fmt, &err));
	ck_assert_int_eq(fmt.eol, ZJ_EOL_CRLF);
	ck_assert(zj_encode(text, len, &fmt, &out, &n, &err));
	ck_assert(n == 7 && !memcmp(out, "a\r\r\nb\r\n", 7));
	free(out);
	free(text);
}
END_TEST

static void assert_refused(const void *bytes, size_t n, const char *reason)
{
	char *text = NULL;
	size_t len;
	zj_format fmt;
	zj_error err = {0};
	ck_assert(!zj_decode(bytes, n, &text, &len, &fmt, &err));
	ck_assert_ptr_null(text);
	ck_assert_msg(strstr(err.message, "not a text file") != NULL, "%s", err.message);
	ck_assert_msg(strstr(err.message, reason) != NULL, "%s", err.message);
}

START_TEST(bad_input_refused)
{
	assert_refused("abc\0def", 7, "NUL byte at offset 3");
	/* a truncated UTF-8 sequence at the end of otherwise UTF-8 text */
	assert_refused("工作总结\xE5\xB7", 14, "invalid UTF-8 at byte 12");
	/* overlong encoding and an encoded surrogate */
	assert_refused("总结\xC0\xAF总结", 14, "invalid UTF-8");
	assert_refused("总结\xED\xA0\x80总结总结", 21, "invalid UTF-8");
	/* bytes that are neither UTF-8 nor GB18030 */
	assert_refused("\x81\x20\xFF\xFF\x80", 5, "not GB18030");
	/* odd-length UTF-16 */
	assert_refused("\xFF\xFE\x41\x00\x42", 5, "UTF-16");
	/* binary made of control characters */
	char ctl[200];
	for (int i = 0; i < 200; i++)
		ctl[i] = (char)(1 + i % 8);
	assert_refused(ctl, sizeof ctl, "control characters");
}
END_TEST

START_TEST(load_errors)
{
	char *dir = make_tmpdir();
	char *text;
	size_t len;
	zj_format fmt;
	zj_error err = {0};
	char path[512];
	snprintf(path, sizeof path, "%s/missing.txt", dir);
	ck_assert(!zj_load_file(path, &text, &len, &fmt, &err));
	ck_assert_int_eq(errno, ENOENT);
	ck_assert(!zj_load_file(dir, &text, &len, &fmt, &err));
	ck_assert_str_eq(err.message, strerror(EISDIR));
	ck_assert(!zj_load_file("/dev/null", &text, &len, &fmt, &err));
	ck_assert_str_eq(err.message, "not a regular file");
	rm_tree(dir);
}
END_TEST

START_TEST(save_is_atomic_and_keeps_mode)
{
	char *dir = make_tmpdir();
	char path[512];
	snprintf(path, sizeof path, "%s/doc.txt", dir);
	write_bytes(path, "old\n", 4);
	ck_assert_int_eq(chmod(path, 0640), 0);
	zj_error err = {0};
	ck_assert(zj_save_atomic(path, "new\n", 4, &err));
	struct stat st;
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 07777, 0640);
	size_t n;
	char *back = read_bytes(path, &n);
	ck_assert_str_eq(back, "new\n");
	free(back);

	/* a symlink is saved through, not replaced */
	char link[512];
	snprintf(link, sizeof link, "%s/link.txt", dir);
	ck_assert_int_eq(symlink("doc.txt", link), 0);
	ck_assert(zj_save_atomic(link, "via link\n", 9, &err));
	ck_assert_int_eq(lstat(link, &st), 0);
	ck_assert(S_ISLNK(st.st_mode));
	back = read_bytes(path, &n);
	ck_assert_str_eq(back, "via link\n");
	free(back);

	/* a failed save leaves the original and no temporary file */
	if (geteuid() != 0) {
		ck_assert_int_eq(chmod(dir, 0500), 0);
		ck_assert(!zj_save_atomic(path, "lost\n", 5, &err));
		ck_assert_int_eq(chmod(dir, 0700), 0);
		back = read_bytes(path, &n);
		ck_assert_str_eq(back, "via link\n");
		free(back);
	}
	char cmd[600];
	snprintf(cmd, sizeof cmd, "test -z \"$(ls -A '%s' | grep zongjie-)\"", dir);
	ck_assert_int_eq(system(cmd), 0);
	rm_tree(dir);
}
END_TEST

START_TEST(save_into_directory_target_fails)
{
	char *dir = make_tmpdir();
	zj_error err = {0};
	ck_assert(!zj_save_atomic(dir, "x", 1, &err));
	ck_assert_str_eq(err.message, strerror(EISDIR));
	char path[512];
	snprintf(path, sizeof path, "%s/no/such/dir/file.txt", dir);
	ck_assert(!zj_save_atomic(path, "x", 1, &err));
	rm_tree(dir);
}
END_TEST

START_TEST(encoding_names)
{
	zj_encoding e;
	ck_assert(zj_encoding_parse("GBK", &e));
	ck_assert_int_eq(e, ZJ_ENC_GB18030);
	ck_assert(zj_encoding_parse("utf8", &e));
	ck_assert_int_eq(e, ZJ_ENC_UTF8);
	ck_assert(!zj_encoding_parse("latin1", &e));
	ck_assert_str_eq(zj_encoding_name(ZJ_ENC_UTF16LE), "utf-16le");
	ck_assert_str_eq(zj_eol_name(ZJ_EOL_MIXED), "mixed");
}
END_TEST

START_TEST(unencodable_text_fails)
{
	/* U+1F600 has no GB2312 form but GB18030 covers it: it must work. */
	zj_format fmt = {ZJ_ENC_GB18030, false, ZJ_EOL_LF};
	char *out;
	size_t n;
	zj_error err = {0};
	ck_assert(zj_encode("笑😀\n", 8, &fmt, &out, &n, &err));
	free(out);
	ck_assert(!zj_encode("bad\xFF", 4, &fmt, &out, &n, &err));
}
END_TEST

/* Every file of ../shared/corpus, when it is there, saves back byte for
 * byte. */
START_TEST(xdg_folders)
{
	setenv("HOME", "/home/zj", 1);
	setenv("XDG_CONFIG_HOME", "/cfg", 1);
	unsetenv("XDG_DATA_HOME");
	setenv("XDG_STATE_HOME", "relative/state", 1); /* ignored: not absolute */
	char *p = zj_xdg_path(ZJ_XDG_CONFIG, "words");
	ck_assert_str_eq(p, "/cfg/zongjie/words");
	free(p);
	p = zj_xdg_path(ZJ_XDG_DATA, "skeletons");
	ck_assert_str_eq(p, "/home/zj/.local/share/zongjie/skeletons");
	free(p);
	p = zj_xdg_path(ZJ_XDG_STATE, NULL);
	ck_assert_str_eq(p, "/home/zj/.local/state/zongjie");
	free(p);
	unsetenv("HOME");
	ck_assert_ptr_null(zj_xdg_path(ZJ_XDG_STATE, NULL));
	p = zj_xdg_path(ZJ_XDG_CONFIG, NULL); /* the variable is enough */
	ck_assert_str_eq(p, "/cfg/zongjie");
	free(p);
}
END_TEST

START_TEST(write_all_writes_everything)
{
	char path[] = "/tmp/zj-write-all-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	size_t n = 3 << 20;
	char *bytes = malloc(n);
	for (size_t i = 0; i < n; i++)
		bytes[i] = (char)('a' + i % 26);
	ck_assert(zj_write_all(fd, bytes, n));
	close(fd);
	char *text;
	size_t len;
	zj_format fmt;
	zj_error err = {0};
	ck_assert(zj_load_file(path, &text, &len, &fmt, &err));
	ck_assert_uint_eq(len, n);
	ck_assert(!memcmp(text, bytes, n));
	free(text);
	/* a closed descriptor fails and says why */
	errno = 0;
	ck_assert(!zj_write_all(fd, bytes, 1));
	ck_assert_int_eq(errno, EBADF);
	unlink(path);
	free(bytes);
}
END_TEST

START_TEST(corpus_round_trip)
{
	char dir[1024];
	snprintf(dir, sizeof dir, "%s/../shared/corpus", SRCDIR);
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "# no %s: corpus round trip not run\n", dir);
		return;
	}
	char *tmp = make_tmpdir();
	struct dirent *e;
	size_t files = 0;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char path[2048], copy[2048];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		snprintf(copy, sizeof copy, "%s/copy", tmp);
		size_t n;
		char *orig = read_bytes(path, &n);
		char *text;
		size_t len;
		zj_format fmt;
		zj_error err = {0};
		ck_assert_msg(zj_load_file(path, &text, &len, &fmt, &err), "%s: %s", path, err.message);
		ck_assert(zj_save_file(copy, text, len, &fmt, &err));
		size_t m;
		char *back = read_bytes(copy, &m);
		ck_assert_msg(m == n && !memcmp(orig, back, n), "%s changed on a round trip", path);
		free(back);
		free(orig);
		free(text);
		files++;
	}
	closedir(d);
	rm_tree(tmp);
	fprintf(stderr, "# %zu corpus files saved back byte for byte\n", files);
}
END_TEST

static Suite *fileio_suite(void)
{
	Suite *s = suite_create("fileio");
	TCase *tc = tcase_create("fileio");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, round_trip_lf_crlf_mixed);
	tcase_add_test(tc, round_trip_bom_and_encodings);
	tcase_add_test(tc, round_trip_large);
	tcase_add_test(tc, crlf_is_normalised);
	tcase_add_test(tc, bad_input_refused);
	tcase_add_test(tc, load_errors);
	tcase_add_test(tc, save_is_atomic_and_keeps_mode);
	tcase_add_test(tc, save_into_directory_target_fails);
	tcase_add_test(tc, encoding_names);
	tcase_add_test(tc, unencodable_text_fails);
	tcase_add_test(tc, xdg_folders);
	tcase_add_test(tc, write_all_writes_everything);
	tcase_add_test(tc, corpus_round_trip);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(fileio_suite());
}
