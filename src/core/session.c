/* session: see include/zongjie/session.h. */
#include <config.h>

#include "zongjie/session.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "zongjie/check.h"
#include "zongjie/docx.h"
#include "zongjie/export.h"

/* ---- how the file looked ------------------------------------------------ */

/* The bytes of path into b; false when they cannot be read. */
static bool read_file(const char *path, zj_buf *b)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return false;
	char chunk[65536];
	ssize_t n;
	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		zj_buf_append(b, chunk, (size_t)n);
	}
	int e = errno;
	close(fd);
	errno = e;
	return n == 0;
}

static bool hash_file(const char *path, uint64_t *hash)
{
	zj_buf b = {0};
	bool ok = read_file(path, &b);
	*hash = zj_hash(b.data ? b.data : "", b.len);
	zj_buf_free(&b);
	return ok;
}

void zj_stamp_take(const char *path, zj_stamp *st)
{
	struct stat s;
	memset(st, 0, sizeof *st);
	st->taken = time(NULL);
	if (stat(path, &s) < 0 || !S_ISREG(s.st_mode))
		return;
	st->exists = true;
	st->dev = s.st_dev;
	st->ino = s.st_ino;
	st->size = s.st_size;
	st->mtime = s.st_mtim;
	st->ctime = s.st_ctim;
	hash_file(path, &st->hash);
}

static bool same_time(struct timespec a, struct timespec b)
{
	return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

bool zj_stamp_changed(const zj_stamp *was, const char *path)
{
	struct stat s;
	bool exists = stat(path, &s) == 0 && S_ISREG(s.st_mode);
	if (exists != was->exists)
		return true;
	if (!exists)
		return false;
	if (s.st_dev != was->dev || s.st_ino != was->ino || s.st_size != was->size ||
	    !same_time(s.st_mtim, was->mtime) || !same_time(s.st_ctim, was->ctime))
		return true;
	/* a write in the same tick of the file system's clock as the stamp
	 * leaves the times as they were: then only the bytes tell */
	time_t latest = was->mtime.tv_sec > was->ctime.tv_sec ? was->mtime.tv_sec : was->ctime.tv_sec;
	if (was->taken > latest + 2)
		return false;
	uint64_t now;
	return !hash_file(path, &now) || now != was->hash;
}

/* ---- the journal ---------------------------------------------------------- */

static void set_warning(zj_session *s, const char *reason)
{
	if (reason)
		snprintf(s->warning, sizeof s->warning,
			 _("unsaved changes are not protected (journal: %s)"), reason);
	else
		s->warning[0] = '\0';
}

static void start_journal(zj_session *s)
{
	zj_error err = {0};
	s->journal = zj_journal_start(s->doc, &err);
	set_warning(s, s->journal ? NULL : err.message);
}

zj_session *zj_session_open(const char *path, zj_error *err)
{
	zj_stamp disk;
	zj_stamp_take(path, &disk); /* before reading: a change meanwhile is seen */
	zj_doc *doc = zj_doc_open(path, true, err);
	if (!doc)
		return NULL;
	zj_session *s = zj_xcalloc(1, sizeof *s);
	s->doc = doc;
	s->disk = disk;
	switch (zj_journal_probe(path)) {
	case ZJ_JOURNAL_BUSY: s->recovery = ZJ_RECOVERY_BUSY; break;
	case ZJ_JOURNAL_LEFT: s->recovery = ZJ_RECOVERY_OFFERED; break;
	case ZJ_JOURNAL_NONE: start_journal(s); break;
	}
	return s;
}

zj_session *zj_session_new(zj_doc *doc)
{
	zj_session *s = zj_xcalloc(1, sizeof *s);
	s->doc = doc;
	start_journal(s);
	return s;
}

zj_session *zj_session_new_draft(zj_doc *doc)
{
	zj_session *s = zj_session_new(doc);
	s->draft = true;
	return s;
}

bool zj_session_unsaved(const zj_session *s)
{
	return s->draft || zj_text_modified(s->doc->text);
}

zj_session *zj_session_open_unsaved(void)
{
	char *journal = zj_journal_find_unsaved();
	if (!journal)
		return NULL;
	zj_session *s = zj_xcalloc(1, sizeof *s);
	s->doc = zj_doc_new("", 0);
	s->recovery = ZJ_RECOVERY_OFFERED;
	s->unsaved = journal;
	return s;
}

void zj_session_free(zj_session *s, bool clean)
{
	if (!s)
		return;
	zj_journal_close(s->journal, clean);
	zj_doc_free(s->doc);
	free(s->unsaved);
	free(s);
}

bool zj_session_recover(zj_session *s, bool accept, zj_error *err)
{
	if (s->recovery != ZJ_RECOVERY_OFFERED)
		return true;
	s->recovery = ZJ_RECOVERY_NONE;
	if (accept)
		s->journal = s->unsaved ? zj_journal_recover_unsaved(s->unsaved, s->doc, err)
					: zj_journal_recover(s->doc, err);
	bool recovered = s->journal != NULL;
	if (!recovered) {
		/* kept aside, never deleted: it may hold what a later version
		 * can read */
		if (s->unsaved)
			zj_journal_set_aside_unsaved(s->unsaved, NULL);
		else
			zj_journal_set_aside(s->doc->path, NULL);
		start_journal(s);
	}
	free(s->unsaved);
	s->unsaved = NULL;
	return !accept || recovered;
}

/* Whether a journal that could not be started is to be tried again: the
 * text has changes to protect, and no other editor holds its journal. */
static bool journal_wanted(const zj_session *s)
{
	return !s->journal && s->recovery == ZJ_RECOVERY_NONE && s->warning[0] &&
	       zj_text_modified(s->doc->text);
}

bool zj_session_tick(zj_session *s, bool now)
{
	if (journal_wanted(s)) {
		start_journal(s);
		return s->journal != NULL;
	}
	long long age;
	if (!zj_journal_pending(s->journal, &age) || (!now && age < 1000))
		return true;
	bool ok = zj_journal_flush(s->journal);
	set_warning(s, zj_journal_error(s->journal));
	return ok;
}

int zj_session_wait_ms(const zj_session *s)
{
	if (journal_wanted(s))
		return 2000; /* tried again while the writer pauses */
	return zj_journal_pending(s->journal, NULL) ? 250 : -1;
}

const char *zj_session_warning(const zj_session *s)
{
	return s->warning[0] ? s->warning : NULL;
}

/* ---- saving --------------------------------------------------------------- */

static bool read_only(const char *path, const struct stat *st)
{
	/* root may write anything: the mode bits still say what was meant */
	return (st->st_mode & 0222) == 0 || access(path, W_OK) != 0;
}

/* A file with several hard links is written in place, so every name sees
 * the new text; the old bytes are copied beside the journal first. */
static bool save_linked(zj_session *s, zj_error *err)
{
	const char *path = s->doc->path;
	char *journal = zj_journal_path(path, err);
	if (!journal)
		return false;
	char *backup = zj_xasprintf("%s.backup", journal);
	zj_buf b = {0};
	zj_error why = {0};
	bool ok = read_file(path, &b) || zj_fail(&why, "%s", strerror(errno));
	ok = ok && zj_save_atomic(backup, b.data ? b.data : "", b.len, &why) &&
	     (chmod(backup, 0600) == 0 || zj_fail(&why, "%s", strerror(errno)));
	if (!ok)
		zj_fail(err, _("cannot keep a copy of %s before writing it in place: %s"), path,
			why.message);
	else
		ok = zj_doc_save_in_place(s->doc, err);
	zj_buf_free(&b);
	free(backup);
	free(journal);
	return ok;
}

/* The journal follows the saved file: afresh from the saved text, under
 * the new name after a save as. */
static void journal_after_save(zj_session *s, bool renamed)
{
	if (s->journal && !renamed) {
		zj_journal_reset(s->journal);
		set_warning(s, zj_journal_error(s->journal));
		return;
	}
	zj_journal_close(s->journal, true);
	s->journal = NULL;
	start_journal(s);
}

zj_save_result zj_session_save(zj_session *s, const char *path, unsigned allow, zj_error *err)
{
	zj_doc *d = s->doc;
	bool save_as = path && (!d->path || strcmp(path, d->path));
	const char *target = save_as ? path : d->path;
	if (!target || !*target) {
		zj_fail(err, _("no file name"));
		return ZJ_SAVE_FAILED;
	}
	struct stat st;
	bool exists = stat(target, &st) == 0;
	if (exists && S_ISDIR(st.st_mode)) {
		zj_fail(err, "%s", strerror(EISDIR)); /* not a question: no answer helps */
		return ZJ_SAVE_FAILED;
	}
	if (save_as && exists && !(allow & ZJ_ALLOW_REPLACE))
		return ZJ_SAVE_EXISTS;
	if (!save_as && !(allow & ZJ_ALLOW_CHANGED) && zj_stamp_changed(&s->disk, target))
		return ZJ_SAVE_CHANGED_ON_DISK;
	if (exists && S_ISREG(st.st_mode) && read_only(target, &st) && !(allow & ZJ_ALLOW_READ_ONLY))
		return ZJ_SAVE_READ_ONLY;
	bool ok;
	if (!save_as && exists && S_ISREG(st.st_mode) && st.st_nlink > 1)
		ok = save_linked(s, err);
	else
		ok = zj_doc_save(d, save_as ? path : NULL, err);
	if (!ok)
		return ZJ_SAVE_FAILED;
	zj_stamp_take(d->path, &s->disk);
	journal_after_save(s, save_as);
	s->draft = false;
	return ZJ_SAVED;
}

/* ---- export ----------------------------------------------------------------- */

void zj_session_export_defaults(const zj_session *s, zj_session_export_options *opt)
{
	memset(opt, 0, sizeof *opt);
	opt->format = s->doc->format;
	opt->end = zj_text_len(s->doc->text);
}

/* A range of the document and its outline: the document's own for the
 * whole text, else one built for the range (*built, freed by the caller
 * with the text). */
typedef struct range_text {
	const char *text;
	size_t len;
	const zj_outline *outline;
	char *copy;
	zj_outline *built;
} range_text;

static void range_open(zj_session *s, size_t start, size_t end, range_text *r)
{
	memset(r, 0, sizeof *r);
	size_t all = zj_text_len(s->doc->text);
	end = end < all ? end : all;
	start = start < end ? start : end;
	if (start == 0 && end == all) {
		r->text = zj_doc_text(s->doc, &r->len);
		r->outline = zj_doc_outline(s->doc);
		return;
	}
	r->copy = zj_text_dup(s->doc->text, start, end);
	r->text = r->copy;
	r->len = end - start;
	r->outline = r->built = zj_outline_build(r->copy, r->len);
}

static void range_close(range_text *r)
{
	zj_outline_free(r->built);
	free(r->copy);
}

/* The errors of r, [start, end) of the document, counted again only when
 * the text or the range changed since the last count. */
static size_t range_errors(zj_session *s, const range_text *r, size_t start, size_t end,
			   size_t *misnumbered)
{
	if (!s->gate.counted || s->gate.edits != s->doc->edits || s->gate.start != start ||
	    s->gate.end != end) {
		zj_findings f;
		zj_check_without_spelling(r->text, r->len, r->outline, &f);
		s->gate.errors = zj_findings_with_severity(&f, ZJ_SEV_ERROR);
		s->gate.misnumbered = f.count[ZJ_RULE_HEADING_SEQUENCE];
		zj_findings_free(&f);
		s->gate.counted = true;
		s->gate.edits = s->doc->edits;
		s->gate.start = start;
		s->gate.end = end;
	}
	if (misnumbered)
		*misnumbered = s->gate.misnumbered;
	return s->gate.errors;
}

size_t zj_session_export_errors(zj_session *s, size_t start, size_t end, size_t *misnumbered)
{
	range_text r;
	range_open(s, start, end, &r);
	size_t errors = range_errors(s, &r, start, end, misnumbered);
	range_close(&r);
	return errors;
}

zj_doc *zj_session_renew(zj_session *s, size_t start, size_t end, zj_renew_stats *stats,
			 zj_error *err)
{
	range_text r;
	range_open(s, start, end, &r);
	size_t n;
	char *draft = zj_renew(r.text, r.len, NULL, &n, stats, err);
	range_close(&r);
	if (!draft)
		return NULL;
	zj_doc *d = zj_doc_new(draft, n);
	free(draft);
	d->format = s->doc->format;
	return d;
}

/* The bytes of the export of r, read in eol, as opt says (caller frees
 * *bytes). */
static bool export_bytes(const range_text *r, zj_eol eol, const zj_session_export_options *opt,
			 char **bytes, size_t *bytes_len, zj_error *err)
{
	size_t out_len;
	char *rendered = zj_export_text(r->text, r->len, r->outline, &opt->text, &out_len);
	/* an export as written has the text's own outline */
	bool as_written = out_len == r->len && !memcmp(rendered, r->text, r->len);
	if (eol == ZJ_EOL_MIXED && opt->format.eol != ZJ_EOL_MIXED)
		out_len = zj_eol_unify(rendered, out_len);
	bool ok = opt->docx ? zj_docx_build(rendered, out_len, as_written ? r->outline : NULL,
					    time(NULL), bytes, bytes_len, err)
			    : zj_encode(rendered, out_len, &opt->format, bytes, bytes_len, err);
	free(rendered);
	return ok;
}

zj_export_result zj_session_export(zj_session *s, const char *path,
				   const zj_session_export_options *opt, unsigned allow,
				   zj_error *err)
{
	range_text r;
	range_open(s, opt->start, opt->end, &r);
	zj_export_result result = ZJ_EXPORT_FAILED;
	struct stat st;
	char *bytes = NULL;
	size_t bytes_len;
	if (!(allow & ZJ_ALLOW_ERRORS) && range_errors(s, &r, opt->start, opt->end, NULL))
		result = ZJ_EXPORT_HAS_ERRORS;
	else if (s->doc->path && zj_same_file(path, s->doc->path))
		result = ZJ_EXPORT_SAME_FILE;
	else if (lstat(path, &st) == 0 && !(allow & ZJ_ALLOW_REPLACE))
		result = ZJ_EXPORT_EXISTS;
	else if (export_bytes(&r, s->doc->format.eol, opt, &bytes, &bytes_len, err) &&
		 zj_save_atomic(path, bytes, bytes_len, err))
		result = ZJ_EXPORTED;
	free(bytes);
	range_close(&r);
	return result;
}
