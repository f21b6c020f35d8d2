/* lineedit: see include/zongjie/lineedit.h. */
#include <config.h>

#include "zongjie/lineedit.h"

#include <string.h>

#include "zongjie/utf8.h"

void zj_le_init(zj_lineedit *le, const char *initial)
{
	memset(le, 0, sizeof *le);
	zj_buf_append(&le->text, "", 0);
	if (initial)
		zj_le_insert(le, initial, strlen(initial));
}

void zj_le_free(zj_lineedit *le)
{
	zj_buf_free(&le->text);
	le->cursor = 0;
}

const char *zj_le_text(const zj_lineedit *le)
{
	return le->text.data ? le->text.data : "";
}

bool zj_le_insert(zj_lineedit *le, const char *s, size_t n)
{
	if (zj_utf8_valid_prefix(s, n) != n)
		return false;
	zj_buf clean = {0};
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x20 && s[i] != 0x7F)
			zj_buf_putc(&clean, s[i]);
	size_t len = le->text.len;
	/* room for the new bytes, then move the tail after them */
	zj_buf_append(&le->text, clean.data ? clean.data : "", clean.len);
	char *d = le->text.data;
	memmove(d + le->cursor + clean.len, d + le->cursor, len - le->cursor);
	if (clean.len)
		memcpy(d + le->cursor, clean.data, clean.len);
	d[le->text.len] = '\0';
	le->cursor += clean.len;
	zj_buf_free(&clean);
	return true;
}

void zj_le_left(zj_lineedit *le)
{
	if (le->cursor > 0)
		le->cursor = zj_grapheme_prev(zj_le_text(le), le->text.len, le->cursor);
}

void zj_le_right(zj_lineedit *le)
{
	if (le->cursor < le->text.len)
		le->cursor = zj_grapheme_next(zj_le_text(le), le->text.len, le->cursor);
}

void zj_le_home(zj_lineedit *le)
{
	le->cursor = 0;
}

void zj_le_end(zj_lineedit *le)
{
	le->cursor = le->text.len;
}

static void cut(zj_lineedit *le, size_t start, size_t end)
{
	char *d = le->text.data;
	memmove(d + start, d + end, le->text.len - end + 1);
	le->text.len -= end - start;
	le->cursor = start;
}

bool zj_le_backspace(zj_lineedit *le)
{
	if (le->cursor == 0)
		return false;
	cut(le, zj_grapheme_prev(zj_le_text(le), le->text.len, le->cursor), le->cursor);
	return true;
}

bool zj_le_delete(zj_lineedit *le)
{
	if (le->cursor >= le->text.len)
		return false;
	cut(le, le->cursor, zj_grapheme_next(zj_le_text(le), le->text.len, le->cursor));
	return true;
}

int zj_le_column(const zj_lineedit *le)
{
	return (int)zj_str_width(zj_le_text(le), le->cursor);
}
