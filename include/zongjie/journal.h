/*
 * journal: the recovery journal of a document with unsaved changes.
 *
 * Every edit (undo and redo included) is appended as a record to a file
 * in $XDG_STATE_HOME/zongjie/ (default ~/.local/state/zongjie/; folder
 * 0700, files 0600, created without following symlinks).  The front end
 * flushes the journal within a second of the last keystroke, and at once
 * on SIGHUP and SIGTERM, so a crash, a kill or a closed terminal costs at
 * most the last second of typing.  A clean save starts the journal afresh
 * from the saved text (a journal without records holds nothing to recover
 * and is removed when found); a clean quit removes it.
 *
 * Format: a header naming the file and the text the records apply to (its
 * length and FNV-1a hash), then records "I OFFSET LENGTH\n" + bytes + "\n"
 * and "D OFFSET LENGTH\n".  A torn last record is ignored on replay.
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

/* The journal's path for a document path (caller frees), or NULL when no
 * state folder can be made. */
char *zj_journal_path(const char *doc_path, zj_error *err);

/* Whether a journal exists for doc_path, and whether it is in use. */
zj_journal_state zj_journal_probe(const char *doc_path);

/* Applies a left journal to doc (as loaded from disk).  Fails, changing
 * nothing, when the journal was written for other text. */
bool zj_journal_replay(const char *doc_path, zj_doc *doc, zj_error *err);

/* Renames a left journal out of the way (kept, not deleted). */
bool zj_journal_set_aside(const char *doc_path, zj_error *err);

/* Starts journaling doc (a fresh journal over its current text) and
 * watches its edits.  With keep, an existing journal is continued. */
zj_journal *zj_journal_start(zj_doc *doc, bool keep, zj_error *err);

/* Writes what is pending and syncs it.  Safe to call from a handler of
 * SIGHUP/SIGTERM through zj_journal_flush_now(). */
bool zj_journal_flush(zj_journal *j);
/* Whether records wait to be written, and since when (monotonic ms). */
bool zj_journal_pending(const zj_journal *j, long long *since_ms);

/* After a clean save: the saved text becomes the new base. */
bool zj_journal_reset(zj_journal *j);
/* Stops journaling; with remove the journal file is deleted (clean quit). */
void zj_journal_close(zj_journal *j, bool remove);

/* Async-signal-safe flush of the running journal (for signal handlers). */
void zj_journal_flush_now(void);

#endif
