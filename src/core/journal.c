/* journal: see include/zongjie/journal.h. */
#include <config.h>

#include "zongjie/journal.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"

struct zj_journal {
	zj_doc *doc;
	char *path;
	int fd;
	char *buf;          /* records not yet written */
	size_t len, cap;
	long long since_ms; /* when the oldest pending record came */
	volatile sig_atomic_t appending;
};

static zj_journal *active; /* for the signal-time flush */

static uint64_t fnv(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* $XDG_STATE_HOME/zongjie, made 0700; a symlink or a folder of another
 * user there is refused. */
static char *state_folder(zj_error *err)
{
	char *dir = zj_xdg_path(ZJ_XDG_STATE, NULL);
	if (!dir) {
		zj_fail(err, _("no HOME for the recovery journal"));
		return NULL;
	}
	/* make the parents as needed */
	for (char *p = dir + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(dir, 0700);
			*p = '/';
		}
	if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
		zj_fail(err, "%s: %s", dir, strerror(errno));
		free(dir);
		return NULL;
	}
	struct stat st;
	if (lstat(dir, &st) < 0 || !S_ISDIR(st.st_mode) || st.st_uid != getuid()) {
		zj_fail(err, _("%s is not a folder of yours; no recovery journal"), dir);
		free(dir);
		return NULL;
	}
	if ((st.st_mode & 077) && chmod(dir, 0700) < 0) {
		zj_fail(err, "%s: %s", dir, strerror(errno));
		free(dir);
		return NULL;
	}
	return dir;
}

char *zj_journal_path(const char *doc_path, zj_error *err)
{
	char *dir = state_folder(err);
	if (!dir)
		return NULL;
	char *abs = realpath(doc_path, NULL);
	const char *name = abs ? abs : doc_path;
	char *path = zj_xasprintf("%s/%016llx.journal", dir,
				  (unsigned long long)fnv(name, strlen(name)));
	free(abs);
	free(dir);
	return path;
}

/* Opens the journal file without following a symlink planted there. */
static int open_journal(const char *path, int flags)
{
	return open(path, flags | O_NOFOLLOW | O_CLOEXEC, 0600);
}

static char *read_all(int fd, size_t *len)
{
	size_t cap = 4096, n = 0;
	char *buf = zj_xmalloc(cap + 1);
	for (;;) {
		if (n == cap) {
			cap *= 2;
			buf = zj_xrealloc(buf, cap + 1);
		}
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	buf[n] = '\0'; /* the header is read as a string */
	*len = n;
	return buf;
}

zj_journal_state zj_journal_probe(const char *doc_path)
{
	char *path = zj_journal_path(doc_path, NULL);
	if (!path)
		return ZJ_JOURNAL_NONE;
	int fd = open_journal(path, O_RDONLY);
	if (fd < 0) {
		free(path);
		return ZJ_JOURNAL_NONE;
	}
	zj_journal_state st = flock(fd, LOCK_EX | LOCK_NB) < 0 ? ZJ_JOURNAL_BUSY : ZJ_JOURNAL_LEFT;
	if (st == ZJ_JOURNAL_LEFT) {
		/* a journal without a record (nothing typed since the last save)
		 * holds nothing to recover */
		size_t n;
		char *data = read_all(fd, &n);
		char *body = strstr(data, "\n\n");
		if (body && (size_t)(body - data) + 2 >= n) {
			unlink(path);
			st = ZJ_JOURNAL_NONE;
		}
		free(data);
	}
	close(fd);
	free(path);
	return st;
}

bool zj_journal_replay(const char *doc_path, zj_doc *doc, zj_error *err)
{
	char *path = zj_journal_path(doc_path, err);
	if (!path)
		return false;
	int fd = open_journal(path, O_RDONLY);
	free(path);
	if (fd < 0)
		return zj_fail(err, "%s", strerror(errno));
	size_t n;
	char *data = read_all(fd, &n);
	close(fd);
	/* header */
	unsigned long long base_len, base_hash;
	char *body = strstr(data, "\n\n");
	const char *base = strstr(data, "\nbase ");
	if (n < 16 || memcmp(data, "zongjie-journal 1\n", 18) || !body || !base ||
	    sscanf(base, "\nbase %llu %llx", &base_len, &base_hash) != 2) {
		free(data);
		return zj_fail(err, _("the recovery journal is damaged"));
	}
	size_t len;
	const char *text = zj_doc_text(doc, &len);
	if (base_len != len || base_hash != fnv(text, len)) {
		free(data);
		return zj_fail(err, _("the file changed since the journal was written"));
	}
	/* records; a torn last one is where the writing stopped */
	size_t p = (size_t)(body - data) + 2;
	while (p < n) {
		char kind;
		unsigned long long off, cnt;
		int used = 0;
		const char *nl = memchr(data + p, '\n', n - p);
		if (!nl || sscanf(data + p, "%c %llu %llu%n", &kind, &off, &cnt, &used) != 3)
			break;
		size_t rec = (size_t)(nl - data) + 1;
		if (kind == 'I') {
			if (rec + cnt + 1 > n || data[rec + cnt] != '\n')
				break;
			if (!zj_doc_insert(doc, off, data + rec, cnt))
				break;
			p = rec + cnt + 1;
		} else if (kind == 'D') {
			if (!zj_doc_delete(doc, off, off + cnt))
				break;
			p = rec;
		} else
			break;
	}
	free(data);
	zj_text_group_end(doc->text);
	return true;
}

bool zj_journal_set_aside(const char *doc_path, zj_error *err)
{
	char *path = zj_journal_path(doc_path, err);
	if (!path)
		return false;
	char *aside = zj_xasprintf("%s.%lld.aside", path, (long long)time(NULL));
	bool ok = rename(path, aside) == 0 || zj_fail(err, "%s", strerror(errno));
	free(aside);
	free(path);
	return ok;
}

static void append(zj_journal *j, const char *s, size_t n)
{
	j->appending = 1;
	if (j->len + n > j->cap) {
		size_t cap = j->cap ? j->cap : 4096;
		while (cap < j->len + n)
			cap *= 2;
		j->buf = zj_xrealloc(j->buf, cap);
		j->cap = cap;
	}
	memcpy(j->buf + j->len, s, n);
	j->len += n;
	j->appending = 0;
}

static void observe(void *ctx, bool insert, size_t offset, const char *bytes, size_t len)
{
	zj_journal *j = ctx;
	char head[64];
	int k = snprintf(head, sizeof head, "%c %zu %zu\n", insert ? 'I' : 'D', offset, len);
	if (!j->len)
		j->since_ms = now_ms();
	append(j, head, (size_t)k);
	if (insert) {
		append(j, bytes, len);
		append(j, "\n", 1);
	}
}

/* Writes the header over an empty journal: the base is the text now. */
static bool write_header(zj_journal *j)
{
	size_t len;
	const char *text = zj_doc_text(j->doc, &len);
	char *abs = j->doc->path ? realpath(j->doc->path, NULL) : NULL;
	char *head = zj_xasprintf("zongjie-journal 1\npath %s\nbase %zu %016llx\n\n",
				  abs ? abs : (j->doc->path ? j->doc->path : ""), len,
				  (unsigned long long)fnv(text, len));
	bool ok = ftruncate(j->fd, 0) == 0 && lseek(j->fd, 0, SEEK_SET) == 0 &&
		  zj_write_all(j->fd, head, strlen(head)) && fdatasync(j->fd) == 0;
	free(head);
	free(abs);
	return ok;
}

zj_journal *zj_journal_start(zj_doc *doc, bool keep, zj_error *err)
{
	if (!doc->path) {
		zj_fail(err, _("a new document has no journal until it is saved"));
		return NULL;
	}
	char *path = zj_journal_path(doc->path, err);
	if (!path)
		return NULL;
	int fd = open_journal(path, O_RDWR | O_CREAT);
	if (fd < 0) {
		zj_fail(err, _("cannot open the recovery journal %s: %s"), path, strerror(errno));
		free(path);
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_uid != getuid() ||
	    flock(fd, LOCK_EX | LOCK_NB) < 0) {
		zj_fail(err, _("the recovery journal %s is in use or not a plain file of yours"), path);
		close(fd);
		free(path);
		return NULL;
	}
	fchmod(fd, 0600);
	zj_journal *j = zj_xcalloc(1, sizeof *j);
	j->doc = doc;
	j->path = path;
	j->fd = fd;
	if (keep)
		lseek(fd, 0, SEEK_END);
	else if (!write_header(j)) {
		zj_fail(err, _("cannot write the recovery journal %s: %s"), path, strerror(errno));
		zj_journal_close(j, true);
		return NULL;
	}
	zj_text_observe(doc->text, observe, j);
	active = j;
	return j;
}

bool zj_journal_flush(zj_journal *j)
{
	if (!j || !j->len)
		return true;
	bool ok = zj_write_all(j->fd, j->buf, j->len) && fdatasync(j->fd) == 0;
	j->len = 0;
	return ok;
}

void zj_journal_flush_now(void)
{
	zj_journal *j = active;
	if (!j || j->appending || !j->len)
		return;
	/* write(2) and fsync(2) are async-signal-safe */
	const char *s = j->buf;
	size_t n = j->len;
	while (n) {
		ssize_t w = write(j->fd, s, n);
		if (w <= 0)
			break;
		s += w;
		n -= (size_t)w;
	}
	fsync(j->fd);
	j->len = 0;
}

bool zj_journal_pending(const zj_journal *j, long long *since_ms)
{
	if (!j || !j->len)
		return false;
	if (since_ms)
		*since_ms = now_ms() - j->since_ms;
	return true;
}

bool zj_journal_reset(zj_journal *j)
{
	j->len = 0;
	return write_header(j);
}

void zj_journal_close(zj_journal *j, bool remove)
{
	if (!j)
		return;
	if (active == j)
		active = NULL;
	if (j->doc)
		zj_text_observe(j->doc->text, NULL, NULL);
	if (remove)
		unlink(j->path);
	else
		zj_journal_flush(j);
	close(j->fd);
	free(j->buf);
	free(j->path);
	free(j);
}
