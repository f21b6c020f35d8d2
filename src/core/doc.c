/* doc: see include/zongjie/doc.h. */
#include <config.h>

#include "zongjie/doc.h"

#include <errno.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "zongjie/utf8.h"

zj_doc *zj_doc_new(const char *text, size_t len)
{
	zj_doc *d = zj_xcalloc(1, sizeof *d);
	d->text = zj_text_new(text, len);
	d->format = (zj_format){ZJ_ENC_UTF8, false, ZJ_EOL_LF};
	return d;
}

zj_doc *zj_doc_open(const char *path, bool missing_ok, zj_error *err)
{
	char *text;
	size_t len;
	zj_format fmt;
	struct stat st;
	/* only a file that is not there at all starts empty: a dangling or
	 * looping symlink is an error, not a new file */
	if (missing_ok && lstat(path, &st) < 0 && errno == ENOENT) {
		zj_doc *d = zj_doc_new("", 0);
		d->path = zj_xstrdup(path);
		return d;
	}
	if (!zj_load_file(path, &text, &len, &fmt, err))
		return NULL;
	zj_doc *d = zj_xcalloc(1, sizeof *d);
	d->text = zj_text_adopt(text, len);
	d->format = fmt;
	d->path = zj_xstrdup(path);
	return d;
}

void zj_doc_free(zj_doc *d)
{
	if (!d)
		return;
	zj_text_free(d->text);
	zj_outline_free(d->outline);
	free(d->path);
	free(d);
}

static void stale(zj_doc *d)
{
	zj_outline_free(d->outline);
	d->outline = NULL;
	d->pending.any = false;
}

/* An edit the outline will catch up with when next asked. */
static void changed(zj_doc *d, size_t start, size_t end, size_t n)
{
	if (d->outline)
		zj_change_add(&d->pending, start, end, n);
}

const zj_outline *zj_doc_outline(zj_doc *d)
{
	if (d->outline && d->pending.any) {
		if (zj_outline_update(d->outline, d->text, &d->pending, &d->splice)) {
			d->pending.any = false;
			d->splice_build = ++d->outline_builds;
		} else
			stale(d);
	}
	if (!d->outline) {
		size_t len;
		const char *s = zj_doc_text(d, &len);
		d->outline = zj_outline_build(s, len);
		d->outline_builds++;
	}
	return d->outline;
}

bool zj_doc_outline_of_start(zj_doc *d, size_t bytes)
{
	if (d->outline)
		return false;
	size_t cut = zj_text_line_start(d->text, zj_text_line_of(d->text, bytes));
	char *head = zj_text_dup(d->text, 0, cut);
	d->outline = zj_outline_build(head, cut);
	d->outline_builds++;
	free(head);
	return true;
}

void zj_doc_outline_drop(zj_doc *d)
{
	stale(d);
}

const char *zj_doc_text(zj_doc *d, size_t *len)
{
	if (len)
		*len = zj_text_len(d->text);
	return zj_text_contents(d->text);
}

/* Non-blank code points of s[0..n). */
static long visible_chars(const char *s, size_t n)
{
	long count = 0;
	for (size_t i = 0; i < n;) {
		int32_t c;
		i += zj_utf8_decode(s, n, i, &c);
		count += !zj_is_space(c) && c != '\n' && c != '\r';
	}
	return count;
}

/* Whether the line holding offset is a plain paragraph now. */
static bool plain_line_at(zj_doc *d, size_t offset, size_t *line)
{
	*line = zj_text_line_of(d->text, offset);
	size_t ls = zj_text_line_start(d->text, *line), le = zj_text_line_end(d->text, *line);
	if (le > ls && zj_text_byte(d->text, le - 1) == '\r')
		le--;
	char *s = zj_text_dup(d->text, ls, le);
	bool plain = zj_outline_plain_line(s, le - ls);
	free(s);
	return plain;
}

/* Typing inside a paragraph keeps the outline and shifts it; anything
 * that may change the structure makes it stale. */
bool zj_doc_insert(zj_doc *d, size_t offset, const char *s, size_t n)
{
	size_t line;
	bool fast = d->outline && !d->pending.any && !memchr(s, '\n', n) && !memchr(s, '\r', n) &&
		    plain_line_at(d, offset, &line);
	if (!zj_text_insert(d->text, offset, s, n))
		return false;
	d->edits++;
	size_t after;
	if (fast && plain_line_at(d, offset, &after) &&
	    zj_outline_shift(d->outline, line, offset, (long)n, visible_chars(s, n)))
		return true;
	changed(d, offset, offset, n);
	return true;
}

bool zj_doc_delete(zj_doc *d, size_t start, size_t end)
{
	size_t line;
	bool fast = false;
	char *gone = NULL;
	if (d->outline && !d->pending.any && end > start && end <= zj_text_len(d->text)) {
		gone = zj_text_dup(d->text, start, end);
		fast = !memchr(gone, '\n', end - start) && !memchr(gone, '\r', end - start) &&
		       plain_line_at(d, start, &line);
	}
	if (!zj_text_delete(d->text, start, end)) {
		free(gone);
		return false;
	}
	d->edits++;
	size_t after;
	bool kept = fast && plain_line_at(d, start, &after) &&
		    zj_outline_shift(d->outline, line, start, -(long)(end - start),
				     -visible_chars(gone, end - start));
	free(gone);
	if (!kept)
		changed(d, start, end, 0);
	return true;
}

bool zj_doc_replace(zj_doc *d, size_t start, size_t end, const char *s, size_t n)
{
	if (start > end || end > zj_text_len(d->text) || zj_utf8_valid_prefix(s, n) != n)
		return false;
	/* one undo group: the caller's open group takes both */
	return zj_doc_delete(d, start, end) && zj_doc_insert(d, start, s, n);
}

/* After an undo or redo, which counts as an edit: the outline catches up
 * with what it changed. */
static bool history_moved(zj_doc *d, bool moved)
{
	if (moved) {
		d->edits++;
		const zj_change *c = zj_text_last_change(d->text);
		if (c->any)
			changed(d, c->lo, (size_t)((long)c->hi - c->delta), c->hi - c->lo);
	}
	return moved;
}

bool zj_doc_undo(zj_doc *d, size_t *cursor)
{
	return history_moved(d, zj_text_undo(d->text, cursor));
}

bool zj_doc_redo(zj_doc *d, size_t *cursor)
{
	return history_moved(d, zj_text_redo(d->text, cursor));
}

bool zj_doc_save(zj_doc *d, const char *path, zj_error *err)
{
	const char *target = path ? path : d->path;
	if (!target)
		return zj_fail(err, _("no file name"));
	size_t len;
	const char *s = zj_doc_text(d, &len);
	if (!zj_save_file(target, s, len, &d->format, err))
		return false;
	if (!d->path || (path && strcmp(path, d->path))) {
		free(d->path);
		d->path = zj_xstrdup(target);
	}
	zj_text_mark_saved(d->text);
	return true;
}

bool zj_doc_save_in_place(zj_doc *d, zj_error *err)
{
	if (!d->path)
		return zj_fail(err, _("no file name"));
	size_t len, n;
	const char *s = zj_doc_text(d, &len);
	char *bytes;
	if (!zj_encode(s, len, &d->format, &bytes, &n, err))
		return false;
	bool ok = zj_save_in_place(d->path, bytes, n, err);
	free(bytes);
	if (ok)
		zj_text_mark_saved(d->text);
	return ok;
}

void zj_doc_position(zj_doc *d, size_t offset, long *line, long *col)
{
	size_t l = zj_text_line_of(d->text, offset);
	size_t start = zj_text_line_start(d->text, l);
	const char *s = zj_text_contents(d->text);
	*line = (long)l + 1;
	*col = (long)zj_utf8_count(s + start, offset - start) + 1;
}
