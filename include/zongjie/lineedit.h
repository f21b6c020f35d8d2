/*
 * lineedit: the one line of text a prompt edits (find, replace, fill, save
 * as, export), with a cursor that moves by grapheme cluster.
 *
 * The front end maps Left/Right/Home/End/Backspace/Delete and typed text
 * to these calls and puts the terminal cursor at zj_le_column(), so an
 * input method opens its candidate window where the writer types.
 */
#ifndef ZONGJIE_LINEEDIT_H
#define ZONGJIE_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "zongjie/util.h"

typedef struct zj_lineedit {
	zj_buf text;   /* always NUL-terminated once anything was typed */
	size_t cursor; /* byte offset on a cluster boundary */
} zj_lineedit;

void zj_le_init(zj_lineedit *le, const char *initial);
void zj_le_free(zj_lineedit *le);
/* The text (never NULL). */
const char *zj_le_text(const zj_lineedit *le);

/* Inserts s[0..n) at the cursor; line breaks and other control characters
 * are left out.  False when s is not UTF-8. */
bool zj_le_insert(zj_lineedit *le, const char *s, size_t n);
void zj_le_left(zj_lineedit *le);
void zj_le_right(zj_lineedit *le);
void zj_le_home(zj_lineedit *le);
void zj_le_end(zj_lineedit *le);
/* Delete the cluster before / after the cursor; false at the edge. */
bool zj_le_backspace(zj_lineedit *le);
bool zj_le_delete(zj_lineedit *le);
/* Display columns from the start of the text to the cursor. */
int zj_le_column(const zj_lineedit *le);

#endif
