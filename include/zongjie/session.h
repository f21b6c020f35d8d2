/*
 * session: a document being edited as a whole — what the editor decides
 * between the keys and the file, testable without a terminal.
 *
 * Open loads the file (a missing one is created by the first save) and
 * remembers how it looked on disk: device, inode, size, modification and
 * change times to the nanosecond, and a hash of the bytes read.  It finds
 * the recovery state: a journal left by an editor that did not quit is
 * offered (the front end asks, then calls zj_session_recover), another
 * editor running on the same file makes the session busy (no journal).
 *
 * Save asks nothing itself: a save that needs the writer's consent returns
 * the question (the file changed on disk, the file is read-only, the new
 * name exists); the front end asks and calls again with that consent in
 * allow.  A save is atomic (a new file renamed over the old) and keeps the
 * old file's user.* extended attributes and ACL; a file with several hard
 * links is instead written in place, after a backup copy beside its
 * journal, so that every link sees the new text.  After a save the
 * journal starts afresh from the saved text.
 *
 * The journal: zj_session_tick() writes pending edits within a second; a
 * write that fails keeps them, is retried on the next tick, and
 * zj_session_warning() says so until a write succeeds.
 *
 * Export is refused while errors remain and over the document's own file
 * (the same device and inode, whatever the name); an existing file needs
 * consent.
 */
#ifndef ZONGJIE_SESSION_H
#define ZONGJIE_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "zongjie/doc.h"
#include "zongjie/export.h"
#include "zongjie/journal.h"
#include "zongjie/renew.h"
#include "zongjie/util.h"

/* How a file looked on disk. */
typedef struct zj_stamp {
	bool exists;
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime, ctime;
	time_t taken;  /* wall clock when the stamp was taken */
	uint64_t hash; /* of the bytes on disk */
} zj_stamp;

/* Stamps path (exists false when there is no file). */
void zj_stamp_take(const char *path, zj_stamp *st);
/* Whether path differs from the stamp.  When every field is equal but the
 * stamp was taken within two seconds of the file's times (a change in the
 * same clock tick would not show), the bytes are hashed and compared. */
bool zj_stamp_changed(const zj_stamp *was, const char *path);

typedef enum zj_recovery {
	ZJ_RECOVERY_NONE,    /* nothing to recover: journaling */
	ZJ_RECOVERY_OFFERED, /* a left journal: call zj_session_recover */
	ZJ_RECOVERY_BUSY,    /* another editor has the file open: no journal */
} zj_recovery;

typedef struct zj_session {
	zj_doc *doc;         /* owned */
	zj_journal *journal; /* NULL when there is none (see warning) */
	zj_recovery recovery;
	zj_stamp disk;       /* the file as last read or written */
	char warning[512];   /* why unsaved changes are not protected, or "" */
	char *unsaved;       /* the left journal of a new summary, while offered */
	bool draft;          /* a draft made here (renew) that no file holds yet */
	struct {             /* the export gate's last count, kept while the text is */
		bool counted;      /* unchanged: listing errors then exporting checks once */
		unsigned long edits;
		size_t start, end, errors, misnumbered;
	} gate;
} zj_session;

/* Opens path (missing: an empty document created on save). */
zj_session *zj_session_open(const char *path, zj_error *err);
/* A session over a new document without a file (takes doc), journaled
 * from the start under a name of its own. */
zj_session *zj_session_new(zj_doc *doc);
/* The same for a draft made from another document (renew): unsaved, so
 * quitting asks, until it is saved. */
zj_session *zj_session_new_draft(zj_doc *doc);
/* True while the document holds what no file has: changes since the last
 * save, or a draft never saved. */
bool zj_session_unsaved(const zj_session *s);
/* The draft of next period's summary (renew.h) from [start, end) of the
 * document (one article, or all of it), in its format; NULL with err. */
zj_doc *zj_session_renew(zj_session *s, size_t start, size_t end, zj_renew_stats *stats,
			 zj_error *err);
/* A session offering back a new summary that was never saved (a left
 * journal of a document without a file), over an empty document; NULL
 * when there is none. */
zj_session *zj_session_open_unsaved(void);
/* Ends the session; with clean (saved, or changes dropped on purpose) the
 * journal is removed, else it is written out and kept. */
void zj_session_free(zj_session *s, bool clean);

/* Answers the recovery offer: accept replays the left journal, refusing
 * (or a journal that cannot be replayed) sets it aside.  Journaling starts
 * either way.  False, with the reason, when an accepted journal could not
 * be replayed (the document is then as on disk). */
bool zj_session_recover(zj_session *s, bool accept, zj_error *err);

/* Writes the pending edits when they are a second old, or at once with
 * now.  Returns false while the journal cannot be written. */
bool zj_session_tick(zj_session *s, bool now);
/* How long the front end may wait for a key before the next tick is due
 * (ms), or -1 when nothing waits. */
int zj_session_wait_ms(const zj_session *s);
/* The status-line warning while unsaved changes are not protected by the
 * journal, or NULL. */
const char *zj_session_warning(const zj_session *s);

typedef enum zj_save_result {
	ZJ_SAVED,
	ZJ_SAVE_CHANGED_ON_DISK, /* ask; consent: ZJ_ALLOW_CHANGED */
	ZJ_SAVE_READ_ONLY,       /* ask; consent: ZJ_ALLOW_READ_ONLY */
	ZJ_SAVE_EXISTS,          /* a new name that exists; ZJ_ALLOW_REPLACE */
	ZJ_SAVE_FAILED,          /* err says why; text and file as they were */
} zj_save_result;

enum { ZJ_ALLOW_CHANGED = 1, ZJ_ALLOW_READ_ONLY = 2, ZJ_ALLOW_REPLACE = 4 };

/* Saves to the document's file, or to path (save as; a document without
 * a file needs one). */
zj_save_result zj_session_save(zj_session *s, const char *path, unsigned allow, zj_error *err);

/* What an export writes: the text export's options, a Word document or
 * text in a format, and the range of the document (an article, or all of
 * it).  zj_session_export_defaults gives the author's text, whole, in the
 * document's own format. */
typedef struct zj_session_export_options {
	zj_export_options text; /* indent, noise, renumbering (export.h) */
	bool docx;              /* a Word document (docx.h) rather than text */
	zj_format format;       /* encoding and line endings of the text */
	size_t start, end;      /* the bytes exported */
} zj_session_export_options;

void zj_session_export_defaults(const zj_session *s, zj_session_export_options *opt);

/* Errors the checker finds now in [start, end) (spelling aside): export
 * needs none.  With misnumbered, also how many heading-sequence faults it
 * found (the UI offers to renumber then). */
size_t zj_session_export_errors(zj_session *s, size_t start, size_t end, size_t *misnumbered);

typedef enum zj_export_result {
	ZJ_EXPORTED,
	ZJ_EXPORT_HAS_ERRORS, /* fix them first; consent: ZJ_ALLOW_ERRORS */
	ZJ_EXPORT_SAME_FILE,  /* path is the document's own file */
	ZJ_EXPORT_EXISTS,     /* ask; consent: ZJ_ALLOW_REPLACE */
	ZJ_EXPORT_FAILED,     /* err says why */
} zj_export_result;

/* The writer's consent to export in spite of errors (the command line's
 * --force), passed with the consents of allow. */
enum { ZJ_ALLOW_ERRORS = 8 };

/* Writes the submission of opt's range to path as opt says. */
zj_export_result zj_session_export(zj_session *s, const char *path,
				   const zj_session_export_options *opt, unsigned allow,
				   zj_error *err);

#endif
