/* journal: see include/zongjie/journal.h. */
#include <config.h>

#include "zongjie/journal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <pthread.h>
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
#include "zongjie/fileio.h"
#include "zongjie/utf8.h"

#define MAGIC "zongjie-journal 1\n"
/* the journals of new summaries not saved yet: UNSAVED<time>-<pid>.journal */
#define UNSAVED "unsaved-"

struct zj_journal {
	zj_doc *doc;
	char *path;
	int fd;
	char *head;         /* the header over the current base */
	size_t head_len;
	bool head_written;
	off_t end;          /* where the next record goes in the file */
	char *buf;          /* records not yet written */
	size_t len, cap;
	long long since_ms; /* when the oldest pending record came */
	/* fdatasync takes milliseconds, tens of them on a busy disk: a
	 * thread of its own makes written records durable while the editor
	 * takes keys (a killed editor loses nothing written: the kernel has
	 * it) */
	pthread_t syncer;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool sync_ready, has_syncer, sync_wanted, stopping, sync_failed;
	int error;          /* errno of the last failed write, 0 after a success */
};

static void *sync_loop(void *arg)
{
	zj_journal *j = arg;
	pthread_mutex_lock(&j->lock);
	for (;;) {
		while (!j->sync_wanted && !j->stopping)
			pthread_cond_wait(&j->wake, &j->lock);
		if (!j->sync_wanted)
			break;
		j->sync_wanted = false;
		pthread_mutex_unlock(&j->lock);
		bool ok = fdatasync(j->fd) == 0;
		pthread_mutex_lock(&j->lock);
		j->sync_failed |= !ok;
	}
	pthread_mutex_unlock(&j->lock);
	return NULL;
}

static void start_syncer(zj_journal *j)
{
	pthread_mutex_init(&j->lock, NULL);
	pthread_cond_init(&j->wake, NULL);
	j->sync_ready = true;
	j->has_syncer = pthread_create(&j->syncer, NULL, sync_loop, j) == 0;
}

/* Makes what was written durable: by the thread, or here without one.
 * False when a sync failed (reported once). */
static bool request_sync(zj_journal *j)
{
	if (!j->has_syncer)
		return fdatasync(j->fd) == 0;
	pthread_mutex_lock(&j->lock);
	bool ok = !j->sync_failed;
	j->sync_failed = false;
	j->sync_wanted = true;
	pthread_cond_signal(&j->wake);
	pthread_mutex_unlock(&j->lock);
	return ok;
}

static void stop_syncer(zj_journal *j)
{
	if (!j->sync_ready)
		return;
	if (j->has_syncer) {
		pthread_mutex_lock(&j->lock);
		j->stopping = true;
		pthread_cond_signal(&j->wake);
		pthread_mutex_unlock(&j->lock);
		pthread_join(j->syncer, NULL);
		j->has_syncer = false;
	}
	pthread_cond_destroy(&j->wake);
	pthread_mutex_destroy(&j->lock);
}

static zj_journal *active; /* for the signal-time flush */

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Blocks the signals whose handler flushes the journal, so it never sees
 * a buffer half changed or a record half counted. */
static void block_flush_signals(sigset_t *old)
{
	sigset_t s;
	sigemptyset(&s);
	sigaddset(&s, SIGHUP);
	sigaddset(&s, SIGTERM);
	sigaddset(&s, SIGINT);
	pthread_sigmask(SIG_BLOCK, &s, old);
}

static void restore_signals(const sigset_t *old)
{
	pthread_sigmask(SIG_SETMASK, old, NULL);
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

char *zj_journal_doc_name(const char *doc_path)
{
	char *abs = realpath(doc_path, NULL);
	if (abs)
		return abs;
	/* not there yet: its folder's real path and its name, so the name
	 * stays the same once the file is created */
	char *dir_copy = zj_xstrdup(doc_path), *base_copy = zj_xstrdup(doc_path);
	char *dir = realpath(dirname(dir_copy), NULL);
	const char *base = basename(base_copy);
	char *name;
	if (dir)
		name = zj_xasprintf("%s/%s", strcmp(dir, "/") ? dir : "", base);
	else if (doc_path[0] == '/')
		name = zj_xstrdup(doc_path);
	else {
		char *cwd = getcwd(NULL, 0);
		name = zj_xasprintf("%s/%s", cwd ? cwd : ".", doc_path);
		free(cwd);
	}
	free(dir);
	free(dir_copy);
	free(base_copy);
	return name;
}

char *zj_journal_path(const char *doc_path, zj_error *err)
{
	char *dir = state_folder(err);
	if (!dir)
		return NULL;
	char *name = zj_journal_doc_name(doc_path);
	char *path = zj_xasprintf("%s/%016llx.journal", dir,
				  (unsigned long long)zj_hash(name, strlen(name)));
	free(name);
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
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* ---- reading ------------------------------------------------------------ */

/* A decimal number of digits only, without sign or overflow; *p moves past
 * it. */
static bool parse_size(const char *s, size_t n, size_t *p, size_t *out)
{
	size_t v = 0, start = *p;
	while (*p < n && s[*p] >= '0' && s[*p] <= '9') {
		size_t d = (size_t)(s[*p] - '0');
		if (v > (SIZE_MAX - d) / 10)
			return false;
		v = v * 10 + d;
		(*p)++;
	}
	*out = v;
	return *p > start && *p - start <= 20;
}

/* The header: magic, "path …", "base LEN HASH", an empty line.  Returns the
 * offset of the first record, or 0 when it is not a header. */
static size_t parse_header(const char *d, size_t n, size_t *base_len, uint64_t *base_hash)
{
	if (n < sizeof MAGIC - 1 || memcmp(d, MAGIC, sizeof MAGIC - 1))
		return 0;
	size_t p = sizeof MAGIC - 1;
	if (n - p < 5 || memcmp(d + p, "path ", 5))
		return 0;
	const char *nl = memchr(d + p, '\n', n - p);
	if (!nl)
		return 0;
	p = (size_t)(nl - d) + 1;
	if (n - p < 5 || memcmp(d + p, "base ", 5))
		return 0;
	p += 5;
	if (!parse_size(d, n, &p, base_len) || p >= n || d[p++] != ' ')
		return 0;
	uint64_t h = 0;
	size_t digits = 0;
	for (; p < n && digits < 16; p++, digits++) {
		char c = d[p];
		int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
		if (v < 0)
			break;
		h = h << 4 | (uint64_t)v;
	}
	if (digits == 0 || n - p < 2 || d[p] != '\n' || d[p + 1] != '\n')
		return 0;
	*base_hash = h;
	return p + 2;
}

typedef struct record {
	bool insert;
	size_t off, len;
	const char *bytes;
	size_t next; /* where the following record starts */
} record;

enum { REC_OK, REC_TORN, REC_DAMAGED };

/* Parses the record at p. */
static int parse_record(const char *d, size_t n, size_t p, record *r)
{
	const char *nl = memchr(d + p, '\n', n - p);
	if (!nl)
		return REC_TORN;
	size_t e = (size_t)(nl - d);
	if (e - p < 5 || (d[p] != 'I' && d[p] != 'D') || d[p + 1] != ' ')
		return REC_DAMAGED;
	r->insert = d[p] == 'I';
	size_t q = p + 2;
	if (!parse_size(d, e, &q, &r->off) || q >= e || d[q++] != ' ' ||
	    !parse_size(d, e, &q, &r->len) || q != e)
		return REC_DAMAGED;
	r->bytes = NULL;
	r->next = e + 1;
	if (!r->insert)
		return REC_OK;
	if (r->len > n - r->next || n - r->next - r->len < 1)
		return REC_TORN; /* the journal ends inside its bytes */
	r->bytes = d + r->next;
	if (r->bytes[r->len] != '\n' || memchr(r->bytes, '\0', r->len))
		return REC_DAMAGED;
	r->next += r->len + 1;
	return REC_OK;
}

/* Applies the records from first on, to t, up to the first torn one. */
static bool replay_into(zj_text *t, const char *d, size_t n, size_t first, size_t *used,
			zj_error *err)
{
	size_t p = first;
	while (p < n) {
		record r;
		int k = parse_record(d, n, p, &r);
		if (k == REC_TORN)
			break;
		bool ok = k == REC_OK && r.off <= zj_text_len(t);
		if (ok && r.insert)
			ok = zj_text_insert(t, r.off, r.bytes, r.len);
		else if (ok)
			ok = r.len <= zj_text_len(t) - r.off && zj_text_delete(t, r.off, r.off + r.len);
		if (!ok)
			return zj_fail(err, _("the recovery journal is damaged (at byte %zu)"), p);
		p = r.next;
	}
	*used = p;
	return true;
}

bool zj_journal_apply(const char *data, size_t n, zj_doc *doc, size_t *used, zj_error *err)
{
	size_t base_len, whole;
	uint64_t base_hash;
	size_t first = parse_header(data, n, &base_len, &base_hash);
	if (!first)
		return zj_fail(err, _("the recovery journal is damaged"));
	size_t len;
	const char *text = zj_doc_text(doc, &len);
	if (base_len != len || base_hash != zj_hash(text, len))
		return zj_fail(err, _("the file changed since the journal was written"));
	/* a dry run on a copy: a damaged record changes nothing */
	zj_text *scratch = zj_text_new(text, len);
	bool ok = replay_into(scratch, data, n, first, &whole, err);
	zj_text_free(scratch);
	if (!ok)
		return false;
	if (!replay_into(doc->text, data, n, first, &whole, err))
		return false; /* not reached: the dry run passed */
	doc->edits++;
	zj_outline_free(doc->outline);
	doc->outline = NULL;
	zj_text_group_end(doc->text);
	if (used)
		*used = whole;
	return true;
}

/* Whether the journal open on fd holds nothing to recover: it is empty,
 * or a header alone (nothing typed since the last save). */
static bool holds_nothing(int fd)
{
	size_t n, base_len;
	uint64_t base_hash;
	char *data = read_all(fd, &n);
	bool nothing = n == 0 || parse_header(data, n, &base_len, &base_hash) == n;
	free(data);
	return nothing;
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
		if (holds_nothing(fd)) {
			unlink(path);
			st = ZJ_JOURNAL_NONE;
		}
	}
	close(fd);
	free(path);
	return st;
}

static bool set_aside_file(const char *path, zj_error *err)
{
	char *aside = zj_xasprintf("%s.%lld.aside", path, (long long)time(NULL));
	bool ok = rename(path, aside) == 0 || zj_fail(err, "%s", strerror(errno));
	free(aside);
	return ok;
}

bool zj_journal_set_aside(const char *doc_path, zj_error *err)
{
	char *path = zj_journal_path(doc_path, err);
	if (!path)
		return false;
	bool ok = set_aside_file(path, err);
	free(path);
	return ok;
}

bool zj_journal_set_aside_unsaved(const char *journal_path, zj_error *err)
{
	return set_aside_file(journal_path, err);
}

/* Whether a journal file holds records and is not in use: an empty one,
 * or a header alone, is removed. */
static bool left_with_records(const char *path)
{
	int fd = open_journal(path, O_RDONLY);
	if (fd < 0)
		return false;
	bool left = flock(fd, LOCK_EX | LOCK_NB) == 0;
	if (left && holds_nothing(fd)) {
		unlink(path);
		left = false;
	}
	close(fd);
	return left;
}

char *zj_journal_find_unsaved(void)
{
	char *dir = state_folder(NULL);
	DIR *d = dir ? opendir(dir) : NULL;
	char *best = NULL;
	time_t best_time = 0;
	struct dirent *e;
	while (d && (e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (strncmp(e->d_name, UNSAVED, sizeof UNSAVED - 1) || l < 8 ||
		    strcmp(e->d_name + l - 8, ".journal"))
			continue;
		char *path = zj_xasprintf("%s/%s", dir, e->d_name);
		struct stat st;
		if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_mtime >= best_time &&
		    left_with_records(path)) {
			free(best);
			best = path;
			best_time = st.st_mtime;
		} else
			free(path);
	}
	if (d)
		closedir(d);
	free(dir);
	return best;
}

/* ---- writing ------------------------------------------------------------ */

static void append(zj_journal *j, const char *s, size_t n)
{
	if (j->len + n > j->cap) {
		size_t cap = j->cap ? j->cap : 4096;
		while (cap < j->len + n)
			cap *= 2;
		j->buf = zj_xrealloc(j->buf, cap);
		j->cap = cap;
	}
	memcpy(j->buf + j->len, s, n);
	j->len += n;
}

static void observe(void *ctx, bool insert, size_t offset, const char *bytes, size_t len)
{
	zj_journal *j = ctx;
	char head[64];
	int k = snprintf(head, sizeof head, "%c %zu %zu\n", insert ? 'I' : 'D', offset, len);
	sigset_t old;
	block_flush_signals(&old);
	if (!j->len)
		j->since_ms = now_ms();
	append(j, head, (size_t)k);
	if (insert) {
		append(j, bytes, len);
		append(j, "\n", 1);
	}
	restore_signals(&old);
}

/* Async-signal-safe. */
static bool pwrite_all(int fd, const char *s, size_t n, off_t at)
{
	while (n) {
		ssize_t w = pwrite(fd, s, n, at);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = ENOSPC;
			return false;
		}
		s += w;
		n -= (size_t)w;
		at += w;
	}
	return true;
}

/* Writes the header when due, then the pending records at their place
 * (not yet counted as written).  Returns 0 or the errno.  Async-signal-safe. */
static int write_out(zj_journal *j)
{
	if (!j->head_written) {
		/* emptied first: a crash between the two leaves nothing to
		 * replay, never a new header over old records */
		if (ftruncate(j->fd, 0) < 0 || !pwrite_all(j->fd, j->head, j->head_len, 0))
			return errno;
		j->head_written = true;
		j->end = (off_t)j->head_len;
	}
	if (j->len && !pwrite_all(j->fd, j->buf, j->len, j->end))
		return errno;
	return 0;
}

/* A new header over base[0..len). */
static void set_header(zj_journal *j, const char *base, size_t len)
{
	char *name = j->doc->path ? zj_journal_doc_name(j->doc->path) : zj_xstrdup("");
	for (char *p = name; *p; p++)
		if (*p == '\n')
			*p = '?'; /* the header is read line by line */
	free(j->head);
	j->head = zj_xasprintf(MAGIC "path %s\nbase %zu %016llx\n\n", name, len,
			       (unsigned long long)zj_hash(base, len));
	j->head_len = strlen(j->head);
	j->head_written = false;
	free(name);
}

/* A new header: the base is the text now.  A new summary without a file
 * has no text on disk to start from: its base is empty, and its text so
 * far is the first record.  A journal started after edits (it could not
 * be written before) has the file on disk for base and the text now as
 * its first records. */
static void set_base(zj_journal *j)
{
	size_t len;
	const char *text = zj_doc_text(j->doc, &len);
	char *disk = NULL;
	size_t disk_len = 0;
	zj_format fmt;
	if (j->doc->path && (!zj_text_modified(j->doc->text) ||
			     !zj_load_file(j->doc->path, &disk, &disk_len, &fmt, NULL))) {
		set_header(j, text, len);
		return;
	}
	set_header(j, disk ? disk : "", disk_len);
	if (disk_len)
		observe(j, false, 0, NULL, disk_len);
	if (len)
		observe(j, true, 0, text, len);
	free(disk);
}

/* Opens and locks the journal file at path for doc (path is taken). */
static zj_journal *open_locked_at(char *path, zj_doc *doc, zj_error *err)
{
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
	return j;
}

/* The doc's journal file, or a new one for a summary without a file. */
static zj_journal *open_locked(zj_doc *doc, zj_error *err)
{
	char *path;
	if (doc->path)
		path = zj_journal_path(doc->path, err);
	else {
		char *dir = state_folder(err);
		path = dir ? zj_xasprintf("%s/" UNSAVED "%lld-%ld.journal", dir,
					  (long long)time(NULL), (long)getpid())
			   : NULL;
		free(dir);
	}
	return path ? open_locked_at(path, doc, err) : NULL;
}

static void watch(zj_journal *j)
{
	start_syncer(j);
	zj_text_observe(j->doc->text, observe, j);
	active = j;
}

zj_journal *zj_journal_start(zj_doc *doc, zj_error *err)
{
	zj_journal *j = open_locked(doc, err);
	if (!j)
		return NULL;
	set_base(j);
	if (!zj_journal_flush(j)) {
		zj_fail(err, _("cannot write the recovery journal %s: %s"), j->path, strerror(j->error));
		zj_journal_close(j, true);
		return NULL;
	}
	watch(j);
	return j;
}

static zj_journal *recover(zj_journal *j, zj_doc *doc, zj_error *err);

zj_journal *zj_journal_recover(zj_doc *doc, zj_error *err)
{
	if (!doc->path) {
		zj_fail(err, _("no file name"));
		return NULL;
	}
	zj_journal *j = open_locked(doc, err);
	return j ? recover(j, doc, err) : NULL;
}

zj_journal *zj_journal_recover_unsaved(const char *journal_path, zj_doc *doc, zj_error *err)
{
	zj_journal *j = open_locked_at(zj_xstrdup(journal_path), doc, err);
	return j ? recover(j, doc, err) : NULL;
}

static zj_journal *recover(zj_journal *j, zj_doc *doc, zj_error *err)
{
	size_t n, used;
	char *data = read_all(j->fd, &n);
	/* the header stays: it names the text on disk, the base of every
	 * record kept */
	size_t base_len;
	uint64_t base_hash;
	size_t first = parse_header(data, n, &base_len, &base_hash);
	bool ok = zj_journal_apply(data, n, doc, &used, err);
	if (ok) {
		j->head = zj_xstrndup(data, first);
		j->head_len = first;
		j->head_written = true;
		j->end = (off_t)used;
		/* a torn last record is cut off before anything follows it */
		if (used < n && (ftruncate(j->fd, (off_t)used) < 0 || fdatasync(j->fd) < 0))
			ok = zj_fail(err, _("cannot write the recovery journal %s: %s"), j->path,
				     strerror(errno));
	}
	free(data);
	if (!ok) {
		zj_journal_close(j, false);
		return NULL;
	}
	watch(j);
	return j;
}

bool zj_journal_flush(zj_journal *j)
{
	if (!j || (j->head_written && !j->len))
		return true;
	sigset_t old;
	block_flush_signals(&old);
	int e = write_out(j);
	if (!e && !request_sync(j))
		e = EIO; /* a sync in the background failed */
	if (!e) {
		j->end += (off_t)j->len;
		j->len = 0;
	}
	j->error = e;
	restore_signals(&old);
	return !e;
}

void zj_journal_flush_now(void)
{
	zj_journal *j = active;
	if (j && !write_out(j))
		fdatasync(j->fd);
}

bool zj_journal_pending(const zj_journal *j, long long *since_ms)
{
	if (!j || (j->head_written && !j->len))
		return false;
	if (since_ms)
		*since_ms = j->len ? now_ms() - j->since_ms : 0;
	return true;
}

const char *zj_journal_error(const zj_journal *j)
{
	return j && j->error ? strerror(j->error) : NULL;
}

bool zj_journal_reset(zj_journal *j)
{
	sigset_t old;
	block_flush_signals(&old);
	j->len = 0;
	set_base(j);
	restore_signals(&old);
	return zj_journal_flush(j);
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
	else if (j->head) /* a journal that never had a header is left as found */
		zj_journal_flush(j);
	stop_syncer(j);
	close(j->fd);
	free(j->head);
	free(j->buf);
	free(j->path);
	free(j);
}
