/* Shared by the editor's source files (editor.c, editor_gaps.c); not
 * part of the public API. */
#ifndef ZONGJIE_EDITOR_PRIV_H
#define ZONGJIE_EDITOR_PRIV_H

#include "zongjie/editor.h"

static inline zj_text *T(const zj_editor *ed)
{
	return ed->doc->text;
}

/* Puts the cursor at to (the anchor too unless extend), closing the undo
 * group; the goal column is kept for vertical motion. */
void zj_ed_moved(zj_editor *ed, size_t to, bool extend, bool keep_goal);

#endif
