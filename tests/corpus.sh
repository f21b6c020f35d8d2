#!/bin/sh
# Reads every model text of ../shared/corpus (when present) and compares the
# parts zongjie finds with the parts a reader finds (tests/corpus-parts.txt).
. "$TOP_SRCDIR/tests/tap.sh"
corpus=$TOP_SRCDIR/../shared/corpus
expected=$TOP_SRCDIR/tests/corpus-parts.txt
if [ ! -d "$corpus" ]; then
	skip "corpus outlines" "no ../shared/corpus"
	done_testing
	exit 0
fi
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
# Each expected line: FILE ARTICLE-NUMBER part part part ...
while read -r file article parts; do
	case $file in ''|'#'*) continue ;; esac
	if [ ! -f "$corpus/$file" ]; then
		skip "$file article $article" "not in this corpus"
		continue
	fi
	"$ZONGJIE" outline "$corpus/$file" >"$tmp" 2>&1
	got=$(awk -v want="$article" '
		/^article / { n++ }
		n == want && /^  [a-z]/ { printf "%s ", $1 }' "$tmp")
	got=${got% }
	if [ "$got" = "$parts" ]; then
		ok "$file article $article: $parts" true
	else
		diag "expected: $parts" "got:      $got"
		ok "$file article $article: $parts" false
	fi
done <"$expected"
for f in "$corpus"/*; do
	"$ZONGJIE" outline --format=json "$f" >/dev/null 2>&1
	ok "$(basename "$f"): outline --format=json exits 0" [ $? -eq 0 ]
done
done_testing
