#!/bin/sh
# Reads every model text of ../shared/corpus (when present) and compares the
# parts zongjie finds with the parts a reader finds (tests/data/corpus-parts.txt).
. "$TOP_SRCDIR/tests/lib/tap.sh"
corpus=$TOP_SRCDIR/../shared/corpus
expected=$TOP_SRCDIR/tests/data/corpus-parts.txt
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
# Recall of gap detection: every x, X, ×, underscore, ○ or □ of the
# corpus that is not part of a Latin word lies inside a reported gap.
recall() {
	"$ZONGJIE" check --only placeholder --format=json "$1" >"$tmp" 2>/dev/null
	python3 - "$1" "$tmp" <<'PY'
import json, re, sys
text = open(sys.argv[1], encoding="utf-8").read().replace("\r\n", "\n")
lines = text.split("\n")
covered = set()
for f in json.load(open(sys.argv[2]))["files"][0]["findings"]:
    assert f["line"] == f["end_line"]
    for col in range(f["col"], f["end_col"]):
        covered.add((f["line"], col))
missed = []
for n, line in enumerate(lines, 1):
    for m in re.finditer(r"(?<![A-Za-z])[xX×＿_○□ｘＸ]+(?![A-Za-z])", line):
        if (n, m.start() + 1) not in covered:
            missed.append("%d:%d %s" % (n, m.start() + 1, line[max(0, m.start() - 6):m.end() + 6]))
for x in missed:
    print("# missed", x)
sys.exit(1 if missed else 0)
PY
}
for f in "$corpus"/*; do
	"$ZONGJIE" outline --format=json "$f" >/dev/null 2>&1
	ok "$(basename "$f"): outline --format=json exits 0" [ $? -eq 0 ]
	if command -v python3 >/dev/null 2>&1; then
		ok "$(basename "$f"): every gap is found" recall "$f"
	fi
done
done_testing
