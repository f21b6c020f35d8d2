/*
 * journal: the recovery journal of a document with unsaved changes.
 *
 * Every edit (undo and redo included) is appended as a record to a file
 * in $XDG_STATE_HOME/zongjie/ (default ~/.local/state/zongjie/; folder
 * 0700, files 0600, created without following symlinks), named from the
 * absolute path of the document (the real path of its folder plus its
 * name), whether or not the file exists yet.  The front end flushes the
 * journal within a second of the last keystroke, and at once on SIGHUP and
 * SIGTERM, so a crash, a kill or a closed terminal costs at most the last
 * second of typing.  A clean save starts the journal afresh from the saved
 * text (a journal without records holds nothing to recover and is removed
 * when found); a clean quit removes it.
 *
 * Format: a header naming the file and the text the records apply to (its
 * length and FNV-1a hash), then records "I OFFSET LENGTH\n" + bytes + "\n"
 * and "D OFFSET LENGTH\n" (numbers: decimal digits only).  A record cut
 * short at the end of the file (the crash came while it was written) is
 * ignored on replay; any other damage refuses the whole journal.
 *
 * Each record is written exactly once, at its own place in the file
 * (pwrite at the end of what was written before), so a flush interrupted
 * by a signal, or retried after a failure, never writes it twice.  While
 * the journal changes its buffer or writes it, SIGHUP, SIGTERM and SIGINT
 * are blocked, so zj_journal_flush_now() in their handler always sees
 * whole records.  A write that fails (a full disk) keeps its records for
 * the next flush, and zj_journal_error() says why until a flush succeeds.
 *
 * The journal file is locked while its editor runs; a second editor on the
 * same file finds the lock and is told the file is already open.
 */
#ifndef ZONGJIE_JOURNAL_H
#define ZONGJIE_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "zongjie/doc.h"
#include "zongjie/util.h"

typedef struct zj_journal zj_journal;

typedef enum zj_journal_state {
	ZJ_JOURNAL_NONE,     /* no journal for this file */
	ZJ_JOURNAL_LEFT,     /* a journal left by an editor that did not quit */
	ZJ_JOURNAL_BUSY,     /* another editor has the file open */
} zj_journal_state;

/* The absolute name a document path is known by: its real path when it
 * exists, else the real path of its folder plus its name (caller frees). */
char *zj_journal_doc_name(const char *doc_path);

/* The journal's path for a document path (caller frees), or NULL when no
 * state folder can be made. */
char *zj_journal_path(const char *doc_path, zj_error *err);

/* Whether a journal exists for doc_path, and whether it is in use.  A
 * journal without a record (empty, or a header alone) is removed. */
zj_journal_state zj_journal_probe(const char *doc_path);

/* Applies the journal data[0..n) to doc, whose text must be the journal's
 * base.  Every record is checked against the text before anything is
 * applied: on any damage (a malformed number, an offset or length outside
 * the text, a NUL byte, bytes that are not UTF-8) nothing changes and it
 * fails.  A record cut short at the end is left out.  *used (may be NULL)
 * receives the length of the whole records. */
bool zj_journal_apply(const char *data, size_t n, zj_doc *doc, size_t *used, zj_error *err);

/* Recovers: locks the left journal of doc's file, applies it to doc (as
 * loaded from disk), cuts a torn last record off the file, and goes on
 * journaling after the records recovered.  NULL, with doc unchanged, when
 * the journal is damaged or was written for other text. */
zj_journal *zj_journal_recover(zj_doc *doc, zj_error *err);

/* Renames a left journal out of the way (kept, not deleted). */
bool zj_journal_set_aside(const char *doc_path, zj_error *err);

/* The newest journal of a new summary never saved, left by an editor that
 * did not quit and not in use (caller frees), or NULL.  Journals without
 * a record are removed on the way. */
char *zj_journal_find_unsaved(void);
/* zj_journal_recover for such a journal, over an empty doc. */
zj_journal *zj_journal_recover_unsaved(const char *journal_path, zj_doc *doc, zj_error *err);
bool zj_journal_set_aside_unsaved(const char *journal_path, zj_error *err);

/* Starts journaling doc (a fresh journal over its current text) and
 * watches its edits.  A new summary without a file gets a journal of its
 * own (unsaved-TIME-PID.journal) whose base is the empty text, its text
 * so far the first record. */
zj_journal *zj_journal_start(zj_doc *doc, zj_error *err);

/* Writes what is pending and syncs it.  On failure the records stay
 * pending for the next call and zj_journal_error() says why. */
bool zj_journal_flush(zj_journal *j);
/* Whether records wait to be written, and since when (monotonic ms). */
bool zj_journal_pending(const zj_journal *j, long long *since_ms);
/* The reason the last write failed (strerror), or NULL after a success. */
const char *zj_journal_error(const zj_journal *j);

/* After a clean save: the saved text becomes the new base.  Fails like
 * zj_journal_flush(), and is retried by it. */
bool zj_journal_reset(zj_journal *j);
/* Stops journaling; with remove the journal file is deleted (clean quit). */
void zj_journal_close(zj_journal *j, bool remove);

/* Async-signal-safe flush of the running journal (for the handlers of
 * SIGHUP, SIGTERM and SIGINT, which then end the process). */
void zj_journal_flush_now(void);

#endif
