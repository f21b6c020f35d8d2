#!/bin/sh
# End-to-end tests of `zongjie skeletons` and `zongjie new`, and of every
# built-in skeleton: it renders, reads back with all standard parts, and
# checks with nothing but gaps.
. "$TOP_SRCDIR/tests/lib/tap.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# keep the user's own skeletons out of the way
XDG_DATA_HOME=$tmp/data; export XDG_DATA_HOME
unset ZONGJIE_SKELETONS
run() {
	"$ZONGJIE" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}
has() { grep -q -- "$1" "$2"; }

run skeletons
ok "skeletons: exit 0" [ "$rc" -eq 0 ]
ok "skeletons: nine built-in" [ "$(grep -c '(built-in)$' "$tmp/out")" -eq 9 ]
ok "skeletons: id, name, description" has "^annual  *单位年度工作总结暨下一年工作计划  机关" "$tmp/out"
run skeletons --format=json
if command -v python3 >/dev/null 2>&1; then
	ok "skeletons: json" python3 -c "
import json, sys
d = json.load(open('$tmp/out'))['skeletons']
assert len(d) == 9 and all(x['origin'] == 'built-in' for x in d)
assert {x['id'] for x in d} >= {'annual', 'personal', 'half-year', 'annual-en'}
"
fi

for id in annual personal half-year school-league community civilized-city poverty-relief party-building annual-en; do
	run new "$id"
	ok "$id: renders" [ "$rc" -eq 0 -a -s "$tmp/out" ]
	cp "$tmp/out" "$tmp/$id.txt"
	parts=$("$ZONGJIE" outline "$tmp/$id.txt" | grep -oE '^  (opening|achievements|problems|plan|closing)' | tr -d ' ' | sort -u | tr '\n' ' ')
	ok "$id: has every standard part" [ "$parts" = "achievements closing opening plan problems " ]
	run check --color=never --ignore placeholder "$tmp/$id.txt"
	ok "$id: checks clean apart from gaps" [ "$rc" -eq 0 -a ! -s "$tmp/out" ]
	run check --color=never "$tmp/$id.txt"
	ok "$id: its gaps are errors" [ "$rc" -eq 1 ]
	ok "$id: only gaps are found" sh -c "! grep -v -e '\[placeholder\]\$' -e ' errors, 0 warnings\$' -e ' errors block export (unfilled gap: [0-9]*)\$' '$tmp/out'"
done

run new annual --set org=青禾街道 --set year=2025
ok "new --set: title uses the values" [ "$(head -n 1 "$tmp/out")" = "青禾街道2025年工作总结暨2026年工作计划" ]
ok "new --set: a variable inside a heading" has "^一、2025年工作成效$" "$tmp/out"
ok "new --set: a derived variable" has "^三、2026年工作计划$" "$tmp/out"
run new annual --set year=2025
ok "new: an unset variable stays a gap" has "^【请填写单位名称】2025年" "$tmp/out"
run new annual --set org=某某街道 --set year=2025 -o "$tmp/a.txt"
ok "new -o: exit 0" [ "$rc" -eq 0 ]
ok "new -o: nothing on stdout" [ ! -s "$tmp/out" ]
parts=$("$ZONGJIE" outline "$tmp/a.txt" | grep -oE '^  [a-z]+' | tr -d ' ' | tr '\n' ' ')
ok "new -o: outline shows opening, achievements, problems, plan, closing" [ "$parts" = "opening achievements problems plan closing " ]
run new annual -o "$tmp/a.txt"
ok "new -o: refuses to overwrite" [ "$rc" -eq 2 ]
ok "new -o: says how to overwrite" has "use --force" "$tmp/err"
run new annual --force -o "$tmp/a.txt"
ok "new --force overwrites" [ "$rc" -eq 0 ] && has "^【请填写单位名称】20xx年" "$tmp/a.txt"
run new nosuch
ok "new: unknown skeleton, exit 2" [ "$rc" -eq 2 ]
ok "new: unknown skeleton, message" has "no skeleton 'nosuch'" "$tmp/err"
run new annual --set boss=张三
ok "new: unknown variable, exit 2" [ "$rc" -eq 2 ]
run new annual --set year=明年
ok "new: a year that is not one, exit 2" [ "$rc" -eq 2 ]
run new annual --set year=0000
ok "new: year 0000 refused, exit 2" [ "$rc" -eq 2 ] && has "a year such as 2025" "$tmp/err"
run new
ok "new: the default skeleton is annual" has "工作总结暨20xx年工作计划$" "$tmp/out"

# the user's skeleton overrides the built-in one of the same id
mkdir -p "$XDG_DATA_HOME/zongjie/skeletons"
sed 's/^name: .*/name: 我们单位的年度总结/' "$TOP_SRCDIR/skeletons/annual.yaml" >"$XDG_DATA_HOME/zongjie/skeletons/annual.yaml"
run skeletons
ok "user skeleton overrides the built-in" has "^annual  *我们单位的年度总结 .*$XDG_DATA_HOME/zongjie/skeletons/annual.yaml" "$tmp/out"
ok "still nine skeletons" [ "$(wc -l <"$tmp/out")" -eq 9 ]

# ZONGJIE_SKELETONS adds folders; a broken file is named with its place
mkdir "$tmp/extra"
printf 'id: broken\nname: 坏的\ndescription: d\nlang: zh_CN\nversion: 1\ntitle: x\nparts:\n  - kind: plan\n    heding: 计划\n' >"$tmp/extra/broken.yaml"
ZONGJIE_SKELETONS=$tmp/extra "$ZONGJIE" skeletons >"$tmp/out" 2>"$tmp/err"
rc=$?
ok "broken skeleton: exit 2" [ "$rc" -eq 2 ]
ok "broken skeleton: FILE:LINE:COL: message" has "^zongjie: $tmp/extra/broken.yaml:9:5: unknown key 'heding' in a part$" "$tmp/err"
ok "broken skeleton: the others are still listed" [ "$(wc -l <"$tmp/out")" -eq 9 ]
ZONGJIE_SKELETONS=$tmp/extra "$ZONGJIE" new broken >"$tmp/out" 2>"$tmp/err"
ok "new with a broken skeleton: exit 2 with its place" has "broken.yaml:9:5:" "$tmp/err"

# a FIFO named .yaml is skipped with one line, never waited on
mkdir "$tmp/fifo"
mkfifo "$tmp/fifo/pipe.yaml"
ZONGJIE_SKELETONS=$tmp/fifo timeout 10 "$ZONGJIE" skeletons >"$tmp/out" 2>"$tmp/err"
rc=$?
ok "FIFO skeleton: skeletons does not hang" [ "$rc" -ne 124 ]
ok "FIFO skeleton: one line names it" [ "$(cat "$tmp/err")" = "zongjie: $tmp/fifo/pipe.yaml: not a regular file (skipped)" ]
ok "FIFO skeleton: the others are listed" [ "$(wc -l <"$tmp/out")" -eq 9 ]
ZONGJIE_SKELETONS=$tmp/fifo timeout 10 "$ZONGJIE" new annual >"$tmp/out" 2>"$tmp/err"
ok "FIFO skeleton: new works" [ "$?" -eq 0 -a -s "$tmp/out" ]
ZONGJIE_SKELETONS=$tmp/fifo timeout 10 "$ZONGJIE" check --skeleton annual "$tmp/annual.txt" >/dev/null 2>&1
ok "FIFO skeleton: check --skeleton does not hang" [ "$?" -ne 124 ]

# derived values and rendered sizes have limits
mkdir "$tmp/limits"
cat >"$tmp/limits/huge-add.yaml" <<'EOS'
id: huge-add
name: 溢出
description: d
lang: zh_CN
version: 1
variables:
  year: {label: 年度, type: year}
  next_year: {label: 计划年度, type: year, from: year, add: 9223372036854775807}
title: "{{year}}年总结，{{next_year}}年计划"
parts:
  - kind: plan
    heading: 计划
EOS
ZONGJIE_SKELETONS=$tmp/limits "$ZONGJIE" new huge-add --set year=2025 >"$tmp/out" 2>"$tmp/err"
ok "add of 2^63-1: refused, exit 2" [ "$?" -eq 2 ]
ok "add of 2^63-1: says it is out of range" has "out of range" "$tmp/err"
sed 's/9223372036854775807/1/' "$tmp/limits/huge-add.yaml" >"$tmp/limits/small-add.yaml"
sed -i 's/^id: huge-add/id: small-add/' "$tmp/limits/small-add.yaml"
ZONGJIE_SKELETONS=$tmp/limits "$ZONGJIE" new small-add --set year=2025 >"$tmp/out" 2>"$tmp/err"
ok "add of 1: the next year" has "2025年总结，2026年计划" "$tmp/out"
{
	printf 'id: huge-render\nname: 大\ndescription: d\nlang: zh_CN\nversion: 1\n'
	printf 'variables:\n  org: {label: 单位, type: text}\ntitle: x\nparts:\n  - kind: plan\n    heading: 计划\n    body: "'
	awk 'BEGIN { for (i = 0; i < 140000; i++) printf "{{org}}" }'
	printf '"\n'
} >"$tmp/limits/huge-render.yaml"
org=$(awk 'BEGIN { for (i = 0; i < 3000; i++) printf "a" }')
ZONGJIE_SKELETONS=$tmp/limits "$ZONGJIE" new huge-render --set "org=$org" >"$tmp/out" 2>"$tmp/err"
ok "a render of 420 MB: refused, exit 2" [ "$?" -eq 2 ]
ok "a render of 420 MB: nothing written" [ ! -s "$tmp/out" ]
ok "a render of 420 MB: says the limit" has "renders to more than 1048576 bytes" "$tmp/err"

# the length rule, with --skeleton
run check --color=never --only length --skeleton annual "$tmp/annual.txt"
ok "length: short parts are noted" has "info: .* the skeleton suggests 800 to 3000 \[length\]" "$tmp/out"
ok "length: info only, exit 0" [ "$rc" -eq 0 ]
done_testing
