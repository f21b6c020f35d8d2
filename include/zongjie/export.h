/*
 * export: the text as it is handed in.
 *
 * Without options the export is the author's text, byte for byte (the
 * caller chooses the encoding and line ends).  Each option changes only
 * the lines it names:
 * - renumber: the headings of a sequence whose numbers skip or repeat are
 *   numbered 1, 2, 3 … again in their own marker style (一、二、…;
 *   （一）（二）…; 1. 2. …), restarting under each heading of a higher
 *   level and in each article.  Only a sequence the outline is sure of is
 *   touched: every member a heading alone on its line, with text or
 *   subheadings under it, all in one marker style, and no numbered
 *   paragraph of the same level among them.  Narrative paragraphs that
 *   start with a number, one-line list items and a document viewer's page
 *   numbers are never renumbered, and neither is a sequence they are in.
 * - fullwidth_indent: body paragraphs start with two full-width spaces.
 * - strip_noise: the lines `check` reports as model-site noise are dropped.
 */
#ifndef ZONGJIE_EXPORT_H
#define ZONGJIE_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "zongjie/outline.h"

typedef struct zj_export_options {
	bool fullwidth_indent; /* two U+3000 at the start of each body paragraph */
	bool strip_noise;      /* drop lines zj_is_noise_line() (noise.h) accepts */
	bool renumber;         /* renumber the sequences of headings that are sure */
} zj_export_options;

/* Returns the exported UTF-8 text (caller frees); o is text's outline. */
char *zj_export_text(const char *text, size_t len, const zj_outline *o,
		     const zj_export_options *opt, size_t *out_len);

#endif
