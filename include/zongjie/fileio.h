/*
 * fileio: turns the bytes of a file into UTF-8 text and back.
 *
 * Loading records everything needed to write the text back byte for byte:
 * the encoding (UTF-8, GB18030, UTF-16 LE/BE), whether a BOM was present and
 * the line endings.  A file whose lines all end in LF or all in CRLF is
 * handed over with LF line breaks and written back with its own ending;
 * a file with mixed endings keeps its CR bytes in the text, so every line
 * keeps its own ending through any edit (new lines get LF).  The final
 * newline, or its absence, is part of the text and so survives unchanged.
 *
 * Saving is atomic: a temporary file in the same folder is written and
 * fsync'd, renamed over the target, and the folder is fsync'd; the file's
 * permission bits, user.* extended attributes and ACL are kept.
 */
#ifndef ZONGJIE_FILEIO_H
#define ZONGJIE_FILEIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "zongjie/util.h"

typedef enum zj_encoding {
	ZJ_ENC_UTF8,
	ZJ_ENC_GB18030,
	ZJ_ENC_UTF16LE,
	ZJ_ENC_UTF16BE,
} zj_encoding;

typedef enum zj_eol {
	ZJ_EOL_LF,    /* also used for files without any line break */
	ZJ_EOL_CRLF,
	ZJ_EOL_MIXED, /* CRs are kept in the text */
} zj_eol;

typedef struct zj_format {
	zj_encoding encoding;
	bool bom;
	zj_eol eol;
} zj_format;

/* Files larger than this are refused: the whole text is held in memory,
 * and offsets into it are 32-bit in the checker's findings. */
#define ZJ_MAX_FILE_SIZE ((size_t)UINT32_MAX)

/* Decodes bytes[0..len) into newly allocated UTF-8 text (NUL-terminated,
 * caller frees) and fills fmt.  Fails with "not a text file (reason)" for
 * NUL bytes or bytes that are neither UTF-8, GB18030 nor BOM-marked
 * UTF-16. */
bool zj_decode(const char *bytes, size_t len, char **text, size_t *text_len,
	       zj_format *fmt, zj_error *err);

/* A text read with mixed line endings keeps the CR of its CR LF lines
 * (so it saves back byte for byte); before it is written with one ending
 * (export --eol), those CRs go: removes each CR before an LF in place and
 * returns the new length.  Only for such a text: in one read as CRLF, a
 * CR before an LF is a character of its own (CR CR LF on disk). */
size_t zj_eol_unify(char *text, size_t len);

/* Encodes UTF-8 text back into the bytes fmt describes (caller frees *out).
 * Fails only when the text holds characters the encoding cannot express or
 * is not valid UTF-8. */
bool zj_encode(const char *text, size_t len, const zj_format *fmt, char **out,
	       size_t *out_len, zj_error *err);

/* Reads and decodes a file.  The error message starts with the reason, not
 * the path: "not a text file (NUL byte at offset 12)", "No such file…". */
bool zj_load_file(const char *path, char **text, size_t *text_len, zj_format *fmt,
		  zj_error *err);

/* Writes bytes to path atomically.  An existing file keeps its permission
 * bits; a new one gets 0666 minus the umask.  On failure the original file
 * is untouched and no temporary file is left behind.  An existing character
 * device or FIFO (/dev/stdout, a pipe) is written into instead; another
 * kind of file that is not a regular one is refused. */
bool zj_save_atomic(const char *path, const char *bytes, size_t len, zj_error *err);

/* Writes bytes over path's own inode (the file keeps its hard links and
 * attributes): truncated and rewritten, then synced.  Not atomic: callers
 * keep a copy first. */
bool zj_save_in_place(const char *path, const char *bytes, size_t len, zj_error *err);

/* Whether two names are one file (the same device and inode), through
 * symlinks and hard links alike. */
bool zj_same_file(const char *a, const char *b);

/* Writes all n bytes to fd, going on after short writes and EINTR; on
 * failure returns false with errno set.  Async-signal-safe (the journal
 * flushes from a signal handler). */
bool zj_write_all(int fd, const char *bytes, size_t n);

/* The folders of the XDG base directory specification zongjie keeps its
 * user files in (man/zongjie.1, FILES). */
typedef enum zj_xdg_kind {
	ZJ_XDG_CONFIG, /* $XDG_CONFIG_HOME, default ~/.config: the word list */
	ZJ_XDG_DATA,   /* $XDG_DATA_HOME, default ~/.local/share: skeletons */
	ZJ_XDG_STATE,  /* $XDG_STATE_HOME, default ~/.local/state: journals */
} zj_xdg_kind;

/* "BASE/zongjie/SUB" (or "BASE/zongjie" when sub is NULL), where BASE is
 * the kind's variable when it holds an absolute path, else its default
 * below $HOME.  NULL when neither is set.  Nothing is created; the caller
 * frees the string. */
char *zj_xdg_path(zj_xdg_kind kind, const char *sub);

/* Encodes text with fmt and saves it atomically; a file with several hard
 * links is written in place instead, so every name sees the new text (its
 * old bytes kept beside it until the write is done). */
bool zj_save_file(const char *path, const char *text, size_t len, const zj_format *fmt,
		  zj_error *err);

/* Names for messages and JSON: "utf-8", "gb18030", "utf-16le", "utf-16be";
 * "lf", "crlf", "mixed". */
const char *zj_encoding_name(zj_encoding enc);
const char *zj_eol_name(zj_eol eol);
/* Parses an encoding name (case-insensitive, "utf8" and "gbk" accepted). */
bool zj_encoding_parse(const char *name, zj_encoding *enc);

#endif
