/*
 * util: allocation that cannot fail silently, and the error record every
 * fallible core function fills in.
 *
 * The core never prints and never exits: a function that can fail returns
 * false (or NULL) and writes one human-readable line into a zj_error, with
 * the line and column when the failure has a place in a file.  The front
 * ends decide how to show it.
 */
#ifndef ZONGJIE_UTIL_H
#define ZONGJIE_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct zj_error {
	char message[512]; /* translated, no trailing newline */
	long line;         /* 1-based, 0 when the error has no place */
	long col;          /* 1-based code point column, 0 when unknown */
} zj_error;

/* Records a message (printf-style) without a place. Always returns false so
 * callers can write `return zj_fail(err, ...)`. err may be NULL. */
bool zj_fail(zj_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Same, with a 1-based line and column. */
bool zj_fail_at(zj_error *err, long line, long col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* The error as one line, "PATH:LINE:COL: message" (or "PATH: message" when
 * it has no place); the caller frees it. */
char *zj_error_describe(const char *path, const zj_error *err);

/* Allocators that abort with a message when memory is exhausted: an editor
 * that runs out of memory cannot do anything useful, and checking every
 * small allocation would hide the real error paths. */
void *zj_xmalloc(size_t n);
/* count × size that overflows aborts like an exhausted memory. */
void *zj_xcalloc(size_t count, size_t size);
void *zj_xrealloc(void *p, size_t n);
/* Grows *p (holding *cap elements of size elem) to at least need elements. */
void zj_grow(void **p, size_t *cap, size_t need, size_t elem);
char *zj_xstrdup(const char *s);
char *zj_xstrndup(const char *s, size_t n);
char *zj_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* FNV-1a, 64 bits: a fingerprint of bytes, not a defence against forgery. */
uint64_t zj_hash(const char *s, size_t n);

/* A growable byte string. */
typedef struct zj_buf {
	char *data;
	size_t len;
	size_t cap;
} zj_buf;

void zj_buf_append(zj_buf *b, const void *data, size_t n);
void zj_buf_puts(zj_buf *b, const char *s);
void zj_buf_putc(zj_buf *b, char c);
void zj_buf_printf(zj_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends s as the inside of a JSON string literal (no quotes). */
void zj_buf_json_escape(zj_buf *b, const char *s, size_t n);
void zj_buf_free(zj_buf *b);

#endif
