/*
 * wrap: soft-wrap break points for a line of text at a given width.
 *
 * A row is filled cluster by cluster up to the width in display columns.
 * A break may fall between any two CJK characters, after a space, and
 * between CJK and Latin text; a Latin word or a number stays whole unless
 * it is longer than the row.  Kinsoku (避头尾): closing punctuation
 * (，。、；：？！）」』” and their kin) never starts a row and opening
 * punctuation (（「『“《【) never ends one; the character before is
 * carried down instead.  A wide character is never split across rows.
 */
#ifndef ZONGJIE_WRAP_H
#define ZONGJIE_WRAP_H

#include <stddef.h>

/* Returns the end of the row that starts at byte `start` of the line
 * s[0..len) (no LF inside) when rows are `width` columns wide: the offset
 * where the next row begins, or len.  Always advances by at least one
 * cluster.  Tabs advance to the next multiple of 4 columns. */
size_t zj_wrap_row_end(const char *s, size_t len, size_t start, int width);

#endif
