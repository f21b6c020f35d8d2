/*
 * suggest: the checker's suggestion under the editor's cursor, and its
 * application, so that the terminal front end only shows and forwards.
 *
 * A finding offers a suggestion when the checker knows the right text
 * (miswritten, usage, traditional-char, repeated-char, half-width
 * punctuation).  The findings must be those of the text as it is now.
 */
#ifndef ZONGJIE_SUGGEST_H
#define ZONGJIE_SUGGEST_H

#include <stdbool.h>

#include "zongjie/check.h"
#include "zongjie/editor.h"

/* The finding with a suggestion whose range holds the cursor (the end
 * included, so a word just typed counts), or NULL. */
const zj_finding *zj_suggestion_at(const zj_editor *ed, const zj_findings *f);

/* Replaces the finding's text with its suggestion as one undo step and
 * leaves the cursor after it; false when it has none or lies outside the
 * text. */
bool zj_suggestion_apply(zj_editor *ed, const zj_findings *f, const zj_finding *x);

#endif
