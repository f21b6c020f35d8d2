#!/bin/sh
# Scores the outline against realistic documents with their true outlines:
# tests/data/outline (the set the rules were tuned on) and
# tests/data/outline-heldout (written first, never tuned on).  Prints the
# figures of both; the goals are asserted on the tuned set, the held-out
# figures are reported as they are (README quotes them).
. "$TOP_SRCDIR/tests/lib/tap.sh"
if ! command -v python3 >/dev/null 2>&1; then
	skip "outline on realistic documents" "no python3"
	done_testing
	exit 0
fi
for set in outline outline-heldout; do
	line=$(python3 "$TOP_SRCDIR/tests/lib/outline_score.py" "$ZONGJIE" \
		"$TOP_SRCDIR/tests/data/$set" -v)
	printf '%s\n' "$line" | sed "s/^/# $set: /"
	figures=$(printf '%s\n' "$line" | tail -n 1)
	# documents D articles A found F spurious S parts P found N (x%)
	# rightly-classified R (y%) spurious-headings H (z% of REAL)
	# shellcheck disable=SC2086
	set -- $figures
	articles=$4 found_articles=$6 spurious=$8 parts=${10} right=${15} spurious_h=${18}
	headed=$(printf '%s' "${21}" | tr -d ')')
	[ "$set" = outline-heldout ] && continue
	ok "$set: every article found" [ "$found_articles" -eq "$articles" ]
	ok "$set: no spurious article" [ "$spurious" -eq 0 ]
	ok "$set: at least 95% of parts found and rightly classified" \
		[ $((right * 100)) -ge $((parts * 95)) ]
	ok "$set: spurious headings under 5% of real ones" \
		[ $((spurious_h * 100)) -lt $((headed * 5)) ]
done
done_testing
