/* doc: see include/zongjie/doc.h. */
#include <config.h>

#include "zongjie/doc.h"

#include <errno.h>
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
	if (!zj_load_file(path, &text, &len, &fmt, err)) {
		if (missing_ok && errno == ENOENT) {
			zj_doc *d = zj_doc_new("", 0);
			d->path = zj_xstrdup(path);
			return d;
		}
		return NULL;
	}
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
}

const zj_outline *zj_doc_outline(zj_doc *d)
{
	if (!d->outline) {
		size_t len;
		const char *s = zj_doc_text(d, &len);
		d->outline = zj_outline_build(s, len);
	}
	return d->outline;
}

const char *zj_doc_text(zj_doc *d, size_t *len)
{
	if (len)
		*len = zj_text_len(d->text);
	return zj_text_contents(d->text);
}

bool zj_doc_insert(zj_doc *d, size_t offset, const char *s, size_t n)
{
	if (!zj_text_insert(d->text, offset, s, n))
		return false;
	stale(d);
	return true;
}

bool zj_doc_delete(zj_doc *d, size_t start, size_t end)
{
	if (!zj_text_delete(d->text, start, end))
		return false;
	stale(d);
	return true;
}

bool zj_doc_replace(zj_doc *d, size_t start, size_t end, const char *s, size_t n)
{
	if (!zj_text_replace(d->text, start, end, s, n))
		return false;
	stale(d);
	return true;
}

bool zj_doc_undo(zj_doc *d, size_t *cursor)
{
	if (!zj_text_undo(d->text, cursor))
		return false;
	stale(d);
	return true;
}

bool zj_doc_redo(zj_doc *d, size_t *cursor)
{
	if (!zj_text_redo(d->text, cursor))
		return false;
	stale(d);
	return true;
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

void zj_doc_position(zj_doc *d, size_t offset, long *line, long *col)
{
	size_t l = zj_text_line_of(d->text, offset);
	size_t start = zj_text_line_start(d->text, l);
	const char *s = zj_text_contents(d->text);
	*line = (long)l + 1;
	*col = (long)zj_utf8_count(s + start, offset - start) + 1;
}
