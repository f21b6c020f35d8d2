#!/bin/sh
# Scores the outline against realistic documents with their true outlines:
# tests/data/outline (the set the rules were tuned on) and
# tests/data/outline-heldout (written first, never tuned on).  Prints the
# figures; the goals are asserted on both sets.
. "$TOP_SRCDIR/tests/lib/tap.sh"
if ! command -v python3 >/dev/null 2>&1; then
	skip "outline on realistic documents" "no python3"
	done_testing
	exit 0
fi
for set in outline outline-heldout; do
	line=$(python3 "$TOP_SRCDIR/tests/lib/outline_score.py" "$ZONGJIE" \
		"$TOP_SRCDIR/tests/data/$set" -v)
	diag "$set:" $line
	figures=$(printf '%s\n' "$line" | tail -n 1)
	# shellcheck disable=SC2086
	set -- $figures
	articles=$4 found_articles=$6 spurious=$8 parts=${10} right=${14} spurious_h=${17}
	headed=$(printf '%s' "${20}" | tr -d ')')
	ok "$set: every article found" [ "$found_articles" -eq "$articles" ]
	ok "$set: no spurious article" [ "$spurious" -eq 0 ]
	ok "$set: at least 95% of parts found and rightly classified" \
		[ $((right * 100)) -ge $((parts * 95)) ]
	ok "$set: spurious headings under 5% of real ones" \
		[ $((spurious_h * 100)) -lt $((headed * 5)) ]
done
done_testing
