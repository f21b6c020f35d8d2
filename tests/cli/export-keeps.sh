#!/bin/sh
# Export keeps the author's text: every corpus file (when ../shared/corpus
# is present) and every realistic document of tests/data/outline* exported
# with --force is its source byte for byte; with --strip-noise only the
# lines `check` reports as site noise are gone; with --renumber only
# heading lines change, and only their numbers.
. "$TOP_SRCDIR/tests/lib/tap.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
files=$(ls "$TOP_SRCDIR"/tests/data/outline/*.txt "$TOP_SRCDIR"/tests/data/outline-heldout/*.txt)
if [ -d "$TOP_SRCDIR/../shared/corpus" ]; then
	files="$files $(ls "$TOP_SRCDIR"/../shared/corpus/*.txt)"
else
	skip "corpus exports" "no ../shared/corpus"
fi
# Lines of $1 that are not in $2, in order (diff's deleted lines).
removed() { diff "$1" "$2" | sed -n 's/^< //p'; }
for f in $files; do
	name=$(basename "$f")
	"$ZONGJIE" export --force "$f" -o "$tmp/plain.txt" 2>/dev/null
	ok "$name: export is the text itself" cmp -s "$f" "$tmp/plain.txt"

	"$ZONGJIE" export --force --strip-noise "$f" -o "$tmp/strip.txt" 2>/dev/null
	"$ZONGJIE" check --only site-noise --format=json "$f" >"$tmp/noise.json" 2>/dev/null
	noise=$(python3 -c '
import json, sys
lines = {x["line"] for f in json.load(open(sys.argv[1]))["files"] for x in f["findings"]}
print(len(lines))' "$tmp/noise.json")
	ok "$name: --strip-noise drops only reported lines ($noise)" \
		[ "$(diff "$f" "$tmp/strip.txt" | grep -c '^<')" -eq "$noise" ]
	ok "$name: --strip-noise adds nothing" [ "$(diff "$f" "$tmp/strip.txt" | grep -c '^>')" -eq 0 ]

	"$ZONGJIE" export --force --renumber "$f" -o "$tmp/renum.txt" 2>/dev/null
	# Each changed line differs only in the number of a heading marker.
	ok "$name: --renumber changes only heading numbers" python3 - "$f" "$tmp/renum.txt" <<'PY'
import re, sys
a = open(sys.argv[1], encoding="utf-8").read().split("\n")
b = open(sys.argv[2], encoding="utf-8").read().split("\n")
num = r"[0-9０-９一二三四五六七八九十百〇零两⑴-⒇①-⑳]+"
ok = len(a) == len(b) and all(
    x == y or re.sub("^(\\s*[（(第]?)" + num, r"\1#", x) == re.sub("^(\\s*[（(第]?)" + num, r"\1#", y)
    for x, y in zip(a, b))
sys.exit(0 if ok else 1)
PY
done

# ---- a FIFO or a device named by -o is written into, never replaced ----------
printf '总结\n一、工作成效\n开展活动12场次。\n' >"$tmp/small.txt"
mkfifo "$tmp/pipe"
cat "$tmp/pipe" >"$tmp/from-pipe" &
reader=$!
"$ZONGJIE" export "$tmp/small.txt" -o "$tmp/pipe" --force 2>"$tmp/pipe.err"
ok "export -o FIFO --force: exit 0" test $? -eq 0
wait $reader
ok "  the reader got the text" cmp -s "$tmp/small.txt" "$tmp/from-pipe"
ok "  the FIFO is still a FIFO" test -p "$tmp/pipe"
"$ZONGJIE" export "$tmp/small.txt" -o /dev/stdout --force >"$tmp/stdout.txt" 2>&1
ok "export -o /dev/stdout writes to standard output" cmp -s "$tmp/small.txt" "$tmp/stdout.txt"
if [ -w /dev/full ]; then
	"$ZONGJIE" export "$tmp/small.txt" -o /dev/full --force 2>"$tmp/full.err"
	ok "export -o /dev/full: the failure is said" grep -q 'No space left' "$tmp/full.err"
	ok "  and /dev/full is still a device" test -c /dev/full
else
	skip "export -o /dev/full" "no writable /dev/full"
	skip "  and /dev/full is still a device" "no writable /dev/full"
fi
done_testing
