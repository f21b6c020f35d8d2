/*
 * doc: one open document — its text, the format to write it back in, and
 * its outline (articles → parts → sections over the text).
 *
 * Every edit goes through the doc so the outline stays in step: typing
 * inside a paragraph shifts it; any other edit is noted as pending, and
 * zj_doc_outline() rescans the articles around what changed on the next
 * request (a whole rebuild only after a change it cannot place), so the
 * cost of an edit is its article, not the document.
 */
#ifndef ZONGJIE_DOC_H
#define ZONGJIE_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "zongjie/fileio.h"
#include "zongjie/outline.h"
#include "zongjie/text.h"
#include "zongjie/util.h"

typedef struct zj_doc {
	zj_text *text;
	zj_format format;
	char *path;          /* NULL for a document never saved */
	zj_outline *outline; /* NULL while stale */
	zj_change pending;   /* edits the outline has not caught up with */
	unsigned long outline_builds; /* counts rebuilds and updates: caches compare it */
	zj_outline_splice splice;     /* the parts the last update replaced, */
	unsigned long splice_build;   /* and the outline_builds it made */
	unsigned long edits;          /* counts edits, undo and redo included */
} zj_doc;

/* Loads path.  With missing_ok, a file that does not exist gives an empty
 * UTF-8 document that will be created on save. */
zj_doc *zj_doc_open(const char *path, bool missing_ok, zj_error *err);
/* A document over a copy of UTF-8 text, not tied to a file. */
zj_doc *zj_doc_new(const char *text, size_t len);
void zj_doc_free(zj_doc *d);

/* The current outline (rebuilt if an edit made it stale). */
const zj_outline *zj_doc_outline(zj_doc *d);
/* A first screen of a large file before its whole outline: the outline of
 * the lines that start in its first bytes becomes the current one, until
 * zj_doc_outline_drop().  False (nothing done) when there is an outline. */
bool zj_doc_outline_of_start(zj_doc *d, size_t bytes);
/* Drops the outline: the next zj_doc_outline() builds it whole. */
void zj_doc_outline_drop(zj_doc *d);
/* The whole text, valid until the next edit. */
const char *zj_doc_text(zj_doc *d, size_t *len);

bool zj_doc_insert(zj_doc *d, size_t offset, const char *s, size_t n);
bool zj_doc_delete(zj_doc *d, size_t start, size_t end);
bool zj_doc_replace(zj_doc *d, size_t start, size_t end, const char *s, size_t n);
bool zj_doc_undo(zj_doc *d, size_t *cursor);
bool zj_doc_redo(zj_doc *d, size_t *cursor);

/* Writes the document to path (its own path when NULL) in its format and
 * marks it saved.  The first save of a new document sets its path. */
bool zj_doc_save(zj_doc *d, const char *path, zj_error *err);

/* Writes the document over its own file's inode (zj_save_in_place). */
bool zj_doc_save_in_place(zj_doc *d, zj_error *err);

/* 1-based line and code point column of a byte offset. */
void zj_doc_position(zj_doc *d, size_t offset, long *line, long *col);

#endif
