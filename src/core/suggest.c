/* suggest: see include/zongjie/suggest.h. */
#include <config.h>

#include "zongjie/suggest.h"

#include <string.h>

#include "zongjie/text.h"

const zj_finding *zj_suggestion_at(const zj_editor *ed, const zj_findings *f)
{
	size_t at = ed->cursor;
	for (int r = 0; r < ZJ_RULE_COUNT; r++) {
		const zj_finding *list = f->list[r];
		/* each list is in text order: the first finding starting after
		 * the cursor, then back over the few that may reach it */
		size_t lo = 0, hi = f->count[r];
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (list[mid].start <= at)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (size_t k = lo; k-- > 0 && lo - k <= 8;)
			if (list[k].has_fix && at <= (size_t)list[k].start + list[k].len)
				return &list[k];
	}
	return NULL;
}

bool zj_suggestion_apply(zj_editor *ed, const zj_findings *f, const zj_finding *x)
{
	const char *fix = zj_finding_fix(f, x);
	size_t end = (size_t)x->start + x->len;
	if (!fix || end > zj_text_len(ed->doc->text))
		return false;
	zj_ed_commit(ed);
	ed->anchor = x->start;
	ed->cursor = end;
	ed->gap_selected = false;
	bool ok = zj_ed_insert(ed, fix, strlen(fix));
	zj_ed_commit(ed);
	return ok;
}
