/* The outline's scanner, shared by the full build (outline.c) and the
 * update after an edit (outline_update.c); not part of the public API. */
#ifndef ZONGJIE_OUTLINE_SCAN_H
#define ZONGJIE_OUTLINE_SCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "zongjie/outline.h"

/* Asked at every article break: the line starting at byte pos (of the
 * text scanned) is the first of a new article.  True stops the scan. */
typedef bool (*zj_split_stop)(void *ctx, size_t pos, size_t line);

/* Builds the outline of text[0..len), numbering its first line
 * first_line.  With stop, the scan ends at the first article break stop
 * accepts: the outline then holds the articles before it, and *stop_pos
 * is its byte offset (len when the scan ran to the end); and a text with
 * page chunks (outline_lines.h) gives NULL, since how they read depends on
 * the lines before. */
zj_outline *zj_outline_scan(const char *text, size_t len, size_t first_line,
			    zj_split_stop stop, void *ctx, size_t *stop_pos);

#endif
