/*
 * text: the editable UTF-8 buffer of one document.
 *
 * Storage is a gap buffer: the bytes live in one array with a hole at the
 * last edit point.  Typing and deleting at the cursor are amortised O(1);
 * an edit elsewhere first moves the hole, which costs the distance moved.
 * For a single document being typed into this beats a piece table on
 * memory (one byte per byte) and on the cost of reading the text back for
 * the outline and checker, which see it as one contiguous string.
 *
 * The line index is a gap array of line-start offsets with its hole at the
 * line of the last edit.  Entries before the hole are absolute offsets,
 * entries after it are distances from the end of the text, so an edit
 * changes no entry outside the edited lines.  Offset-to-line is a binary
 * search, line-to-offset a lookup.
 *
 * Undo and redo work on groups: every edit joins the open group until
 * zj_text_group_end() closes it, so a word typed or a replace-all is one
 * step.  Offsets are bytes; all edits keep the text valid UTF-8.
 */
#ifndef ZONGJIE_TEXT_H
#define ZONGJIE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct zj_text zj_text;

/* Where a text changed, for caches that catch up later: bytes before lo
 * are as they were, bytes from hi on were delta bytes earlier before. */
typedef struct zj_change {
	bool any;
	size_t lo, hi;
	long delta;
} zj_change;

/* Adds an edit that replaced [start, end) (offsets before it) with n
 * bytes. */
void zj_change_add(zj_change *c, size_t start, size_t end, size_t n);

/* A new buffer holding a copy of s[0..len). */
zj_text *zj_text_new(const char *s, size_t len);
/* A new buffer that takes ownership of the malloc'd s[0..len), avoiding a
 * copy of large files. */
zj_text *zj_text_adopt(char *s, size_t len);
void zj_text_free(zj_text *t);

size_t zj_text_len(const zj_text *t);
/* Number of lines: line breaks + 1 (an empty text has one empty line). */
size_t zj_text_lines(const zj_text *t);
/* Offset of the first byte of line (0-based; line < zj_text_lines). */
size_t zj_text_line_start(const zj_text *t, size_t line);
/* Offset of the line's LF, or the text length for the last line. */
size_t zj_text_line_end(const zj_text *t, size_t line);
/* Line (0-based) holding the byte at offset (offset <= len). */
size_t zj_text_line_of(const zj_text *t, size_t offset);

/* Byte at offset (< len). */
char zj_text_byte(const zj_text *t, size_t offset);
/* Copies [start, end) into out (not terminated). */
void zj_text_copy(const zj_text *t, size_t start, size_t end, char *out);
/* A new NUL-terminated copy of [start, end); caller frees. */
char *zj_text_dup(const zj_text *t, size_t start, size_t end);
/* The whole text as one NUL-terminated string, valid until the next edit
 * (moves the gap to the end). */
const char *zj_text_contents(zj_text *t);

/* Inserts s[0..n) at offset.  Fails (returns false, nothing changed) when
 * offset is out of range or not on a code point boundary, or s is not
 * valid UTF-8. */
bool zj_text_insert(zj_text *t, size_t offset, const char *s, size_t n);
/* Deletes [start, end).  Same failure rules. */
bool zj_text_delete(zj_text *t, size_t start, size_t end);

/* Closes the open undo group, so the next edit starts a new one. */
void zj_text_group_end(zj_text *t);
/* Names the cursor an undo of the last group returns to (where it was
 * before the group), instead of the place of its first edit: a replace-all
 * undone leaves the cursor where the writer had it. */
void zj_text_group_cursor(zj_text *t, size_t cursor);
/* Undoes the last group; *cursor (may be NULL) receives where the change
 * was.  Returns false when there is nothing to undo. */
bool zj_text_undo(zj_text *t, size_t *cursor);
bool zj_text_redo(zj_text *t, size_t *cursor);
/* What the last undo or redo changed. */
const zj_change *zj_text_last_change(const zj_text *t);

/* Modified relative to the last zj_text_mark_saved() (or the load);
 * undoing back to the saved state makes the text unmodified again. */
bool zj_text_modified(const zj_text *t);
void zj_text_mark_saved(zj_text *t);

/* Called for every change of the bytes, edits, undo and redo alike:
 * insert (bytes, len) at offset, or delete len bytes at offset (bytes
 * NULL).  The recovery journal listens here. */
typedef void (*zj_text_observer)(void *ctx, bool insert, size_t offset, const char *bytes,
				 size_t len);
void zj_text_observe(zj_text *t, zj_text_observer fn, void *ctx);

/* Grapheme cluster motion: the next or previous cluster boundary. */
size_t zj_text_next_cluster(const zj_text *t, size_t offset);
size_t zj_text_prev_cluster(const zj_text *t, size_t offset);

#endif
