/*
 * docx: the export as a Word document in the layout of official documents
 * (GB/T 9704-2012, as offices apply it).
 *
 * The input is the exported text (zj_export_text: headings renumbered,
 * noise dropped when asked); every non-blank line becomes one paragraph,
 * its blanks at both ends left to the paragraph's indent.  The outline of
 * that text gives each paragraph its named style, so a user adjusts the
 * whole document in Word by changing a style:
 *   Title      the article's title: 2号 方正小标宋简体 (宋体), centred, a
 *              line of space after; later articles start on a new page
 *   Normal     the body: 3号 仿宋_GB2312 (仿宋), justified, first line
 *              indented two characters
 *   heading 1  一、      3号 黑体
 *   heading 2  （一）    3号 楷体_GB2312 (楷体)
 *   heading 3…5 1. (1) ①  the body font
 * A heading run on with its paragraph ("（一）强化引领。一是……") is a
 * Normal paragraph whose title carries the level's character style
 * ("Heading 2 Char").  East Asian text takes the Chinese font, Latin text
 * and digits Times New Roman; no space is added between them.
 *
 * The page: A4, margins 37 mm top and 28 mm left, so the text block is
 * 156 mm × 225 mm; a document grid of 22 lines of 28 characters, line
 * spacing fixed at the grid's pitch; page numbers "— 1 —" at the bottom
 * in 4号 宋体, right on odd pages and left on even ones.
 *
 * The core properties carry the title, and the organisation (the title's
 * words before its year, when they are no gap) and the year when known.
 */
#ifndef ZONGJIE_DOCX_H
#define ZONGJIE_DOCX_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "zongjie/outline.h"
#include "zongjie/util.h"

/* Style id of the paragraphs of a heading level (1..5), "Normal" for 0. */
const char *zj_docx_heading_style(int level);
/* Style id of a run-in heading's title at that level (1..5). */
const char *zj_docx_heading_char_style(int level);

/* word/document.xml for the exported text (caller frees). */
char *zj_docx_document_xml(const char *text, size_t len, size_t *out_len);

/* The whole package (a ZIP archive) for the exported text, its core
 * properties dated `created`.  outline is the text's, or NULL to build it
 * (an export as written can pass the document's own).  Returns false with
 * err set when the archive cannot be made. */
bool zj_docx_build(const char *text, size_t len, const zj_outline *outline, time_t created,
		   char **out, size_t *out_len, zj_error *err);

#endif
