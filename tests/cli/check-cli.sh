#!/bin/sh
# End-to-end tests of `zongjie check` and `zongjie export`.
. "$TOP_SRCDIR/tests/lib/tap.sh"
data=$TOP_SRCDIR/tests/data
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp"; rm -rf "$tmp"' EXIT
run() {
	"$ZONGJIE" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}
has() { grep -q -- "$1" "$2"; }

# ---- check, text -------------------------------------------------------
run check --color=never "$data/annual.txt"
ok "gaps: exit 1" [ "$rc" -eq 1 ]
ok "text finding format" has "^$data/annual.txt:6:19: error: unfilled number \[placeholder\]$" "$tmp/out"
ok "summary line" [ "$(tail -n 1 "$tmp/out")" = "1 file: 5 errors, 0 warnings" ]

run check --color=never --ignore heading-sequence,missing-part "$data/clean.txt"
ok "clean file: exit 0" [ "$rc" -eq 0 ]
ok "clean file: nothing on stdout" [ ! -s "$tmp/out" ]
run check --color=never "$data/clean.txt"
ok "skipped heading number: warning only, exit 0" [ "$rc" -eq 0 ]
ok "skipped heading number is reported" has "clean.txt:7:1: warning: heading number 3 follows 1 \[heading-sequence\]" "$tmp/out"

run check --only nonsense "$data/clean.txt"
ok "unknown rule: exit 2" [ "$rc" -eq 2 ]
ok "unknown rule: message" has "unknown rule 'nonsense'" "$tmp/err"
run check --only placeholder --color=never "$data/annual.txt"
ok "--only keeps one rule" [ "$(grep -c '\[placeholder\]' "$tmp/out")" -eq 5 ]
run check --ignore placeholder --color=never "$data/annual.txt"
ok "--ignore drops a rule" [ "$rc" -eq 0 ]

run check --color=always "$data/annual.txt"
ok "--color=always colours" has "$(printf '\033')\[1;31m" "$tmp/out"
NO_COLOR=1 "$ZONGJIE" check "$data/annual.txt" >"$tmp/out" 2>&1
ok "not a terminal: no colour" sh -c "! grep -q \"$(printf '\033')\" '$tmp/out'"

# ---- check, JSON -------------------------------------------------------
printf '标题\r\n开展活动xx余次，满意率105%%。\r\n' >"$tmp/crlf.txt"
run check --format=json --only placeholder,percent-range "$tmp/crlf.txt"
ok "json: exit 1" [ "$rc" -eq 1 ]
if command -v python3 >/dev/null 2>&1; then
	json_ok() {
		python3 - "$tmp/out" "$tmp/crlf.txt" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["summary"] == {"files": 1, "errors": 2, "warnings": 0, "infos": 0}, d["summary"]
f = d["files"][0]
assert f["path"] == sys.argv[2]
a, b = f["findings"]
assert a == {"line": 2, "col": 5, "end_line": 2, "end_col": 7, "rule": "placeholder",
             "severity": "error", "kind": "NUMBER", "text": "xx",
             "message": "unfilled number"}, a
assert b["rule"] == "percent-range" and b["text"] == "105%" and "kind" not in b, b
assert (b["line"], b["col"], b["end_col"]) == (2, 13, 17), b
PY
	}
	ok "json: exact shape, code point columns, CRLF counted once" json_ok
else
	skip "json: exact shape" "python3 not installed"
fi

# ---- several files, folders, unreadable files ---------------------------
mkdir -p "$tmp/tree/a/b"
cp "$data/annual.txt" "$tmp/tree/a/one.txt"
cp "$data/clean.txt" "$tmp/tree/a/b/two.TXT"
echo "not checked" >"$tmp/tree/a/notes.md"
run check --color=never --only placeholder "$tmp/tree"
ok "folder: every .txt below it" [ "$(tail -n 1 "$tmp/out")" = "2 files: 5 errors, 0 warnings" ]
run check --color=never --only placeholder "$tmp/tree/a/one.txt" "$tmp/missing.txt" "$data/clean.txt"
ok "unreadable file: exit 2" [ "$rc" -eq 2 ]
ok "unreadable file: message" has "missing.txt: No such file or directory" "$tmp/err"
ok "the other files are still checked" [ "$(tail -n 1 "$tmp/out")" = "2 files: 5 errors, 0 warnings" ]

# ---- --fix ---------------------------------------------------------------
printf '我们认真学习,扎实工作;召开会议(扩大)研究。\n' >"$tmp/fix.txt"
chmod 640 "$tmp/fix.txt"
run check --fix --color=never "$tmp/fix.txt"
ok "--fix rewrites the punctuation" [ "$(cat "$tmp/fix.txt")" = "我们认真学习，扎实工作；召开会议（扩大）研究。" ]
ok "--fix says how many" has "4 fixes applied" "$tmp/err"
ok "--fix keeps the mode" [ "$(stat -c %a "$tmp/fix.txt")" = 640 ]
# a file with another hard link: both names see the fix, no copy is left
printf '开展活动,效果好.\n' >"$tmp/link1.txt"
ln "$tmp/link1.txt" "$tmp/link2.txt"
run check --fix "$tmp/link1.txt"
ok "--fix keeps hard links: the other name sees the fix" [ "$(cat "$tmp/link2.txt")" = "开展活动，效果好。" ]
ok "  one inode still" [ "$(stat -c %i "$tmp/link1.txt")" = "$(stat -c %i "$tmp/link2.txt")" ]
ok "  no copy left beside it" sh -c "! ls -a '$tmp' | grep -q zongjie-old"
ok "--fix leaves no halfwidth finding" sh -c "! grep -q halfwidth '$tmp/out'"

# ---- spelling: the personal word list and a missing dictionary --------
printf 'The Qinghe team finished the wrok.\n' >"$tmp/en.txt"
run check --color=never --only spelling "$tmp/en.txt"
ok "spelling: a misspelt word is reported" has "possible misspelling: wrok" "$tmp/out"
ok "spelling: an unknown name is reported too" has "possible misspelling: Qinghe" "$tmp/out"
mkdir -p "$tmp/config/zongjie"
echo Qinghe >"$tmp/config/zongjie/words"
XDG_CONFIG_HOME="$tmp/config" "$ZONGJIE" check --color=never --only spelling "$tmp/en.txt" >"$tmp/out" 2>&1
ok "spelling: the personal word list is honoured" sh -c "! grep -q Qinghe '$tmp/out'"
run check --color=never --only spelling --dict xx_NONE "$tmp/en.txt"
ok "spelling: a missing dictionary is a notice, not a failure" [ "$rc" -eq 0 ]
ok "spelling: the notice is one line" [ "$(grep -c 'notice: spelling dictionary xx_NONE not found' "$tmp/err")" -eq 1 ]

# ---- translations --------------------------------------------------------
if [ -f "$TOP_SRCDIR/po/zh_CN.gmo" ] && locale -a 2>/dev/null | grep -qi '^zh_CN.utf-\?8$'; then
	mkdir -p "$tmp/locale/zh_CN/LC_MESSAGES"
	cp "$TOP_SRCDIR/po/zh_CN.gmo" "$tmp/locale/zh_CN/LC_MESSAGES/zongjie.mo"
	LC_ALL=zh_CN.UTF-8 ZONGJIE_LOCALEDIR="$tmp/locale" "$ZONGJIE" check --color=never "$data/annual.txt" >"$tmp/out" 2>&1
	ok "zh_CN: messages in Chinese" has "错误: 未填写的数字 \[placeholder\]" "$tmp/out"
	ok "zh_CN: summary in Chinese" has "1 个文件：5 个错误，0 个警告" "$tmp/out"
else
	skip "zh_CN: messages in Chinese" "no zh_CN.UTF-8 locale or catalogue"
	skip "zh_CN: summary in Chinese" "no zh_CN.UTF-8 locale or catalogue"
fi

# ---- export ------------------------------------------------------------
run export "$data/annual.txt" -o "$tmp/out.txt"
ok "export with gaps: exit 1" [ "$rc" -eq 1 ]
ok "export with gaps: no file written" [ ! -e "$tmp/out.txt" ]
ok "export with gaps: says why" has "export refused: 5 errors remain" "$tmp/err"
ok "export with gaps: lists the errors" has "annual.txt:6:19: error: unfilled number" "$tmp/err"
run export --force "$data/annual.txt" -o "$tmp/out.txt"
ok "export --force: exit 0" [ "$rc" -eq 0 ]
ok "export --force: says what remains" has "exported with 5 errors remaining" "$tmp/err"
ok "export --force: file written" [ -s "$tmp/out.txt" ]
# in Chinese the messages are translated, the "zongjie: FILE: " prefix is not
if [ -f "$TOP_SRCDIR/po/zh_CN.gmo" ] && locale -a 2>/dev/null | grep -qi '^zh_CN.utf-\?8$'; then
	mkdir -p "$tmp/locale/zh_CN/LC_MESSAGES"
	cp "$TOP_SRCDIR/po/zh_CN.gmo" "$tmp/locale/zh_CN/LC_MESSAGES/zongjie.mo"
	LC_ALL=zh_CN.UTF-8 ZONGJIE_LOCALEDIR="$tmp/locale" "$ZONGJIE" export "$data/annual.txt" \
		-o "$tmp/zh.txt" >/dev/null 2>"$tmp/zh.err"
	ok "zh_CN: the refusal is in Chinese" grep -q '拒绝导出' "$tmp/zh.err"
	ok "  after the untranslated prefix" grep -q "^zongjie: $data/annual.txt: 拒绝导出" "$tmp/zh.err"
else
	for t in "the refusal is in Chinese" "after the untranslated prefix"; do
		skip "zh_CN: $t" "no zh_CN.UTF-8 locale or catalogue"
	done
fi
# a forced export that cannot be written says so, and nothing about exporting
if [ -w /dev/full ]; then
	run export --force "$data/annual.txt" -o /dev/full
	ok "export --force to a full disk: exit 2" [ "$rc" -eq 2 ]
	ok "  the write's failure said" has "No space left" "$tmp/err"
	ok "  no 'exported' claimed" sh -c "! grep -q 'exported with' '$tmp/err'"
else
	for t in "exit 2" "failure said" "no 'exported' claimed"; do skip "export to /dev/full: $t" "no /dev/full"; done
fi

run export "$data/clean.txt" -o "$tmp/clean-out.txt"
ok "clean export: exit 0" [ "$rc" -eq 0 ]
ok "clean export: the author's text, byte for byte" cmp -s "$data/clean.txt" "$tmp/clean-out.txt"
run export --renumber "$data/clean.txt" -o "$tmp/clean-renumbered.txt"
ok "export --renumber: exit 0" [ "$rc" -eq 0 ]
ok "export --renumber: headings renumbered" has "^二、存在的问题$" "$tmp/clean-renumbered.txt"
ok "export --renumber: plan renumbered" has "^三、2026年工作计划$" "$tmp/clean-renumbered.txt"
ok "export --renumber: only the two heading lines differ" \
	[ "$(diff "$data/clean.txt" "$tmp/clean-renumbered.txt" | grep -c '^>')" -eq 2 ]
run check --color=never "$tmp/clean-renumbered.txt"
ok "the export checks clean: exit 0" [ "$rc" -eq 0 ]
ok "the export checks clean: no heading finding" sh -c "! grep -q heading-sequence '$tmp/out'"

run export "$data/clean.txt"
ok "export without -o writes stdout" cmp -s "$data/clean.txt" "$tmp/out"
run export --help
ok "export --help names --renumber" has "--renumber" "$tmp/out"
run export "$data/clean.txt" --encoding=gb18030 --eol=crlf --indent=fullwidth -o "$tmp/gb.txt"
ok "export gb18030: exit 0" [ "$rc" -eq 0 ]
ok "export gb18030 crlf: bytes decode" sh -c "iconv -f GB18030 -t UTF-8 '$tmp/gb.txt' | grep -q '活动场地偏小'"
ok "export crlf: every line ends in CRLF" [ "$(grep -c "$(printf '\r')\$" "$tmp/gb.txt")" -eq "$(wc -l <"$tmp/gb.txt")" ]
ok "export fullwidth indent" sh -c "iconv -f GB18030 -t UTF-8 '$tmp/gb.txt' | grep -q '^　　全年组织志愿服务'"
run export "$data/clean.txt" --encoding=latin1
ok "export bad encoding: exit 2" [ "$rc" -eq 2 ]
run export "$data/clean.txt" -o "$data/clean.txt"
ok "export refuses to overwrite its source" [ "$rc" -eq 2 ]
# the source by another name: ./FILE, a symlink, a hard link (even with
# --force, which never means over the source)
cp "$data/clean.txt" "$tmp/src.txt"
cp "$data/clean.txt" "$tmp/src.orig"
(cd "$tmp" && "$ZONGJIE" export src.txt -o ./src.txt >/dev/null 2>"$tmp/err")
ok "export -o ./FILE: refused as its source" [ "$?" -eq 2 ]
ln -s src.txt "$tmp/sym.txt"
run export --force "$tmp/src.txt" -o "$tmp/sym.txt"
ok "export over a symlink to its source: refused" [ "$rc" -eq 2 ]
ln "$tmp/src.txt" "$tmp/hard.txt"
run export --force --strip-noise --encoding=gb18030 "$tmp/src.txt" -o "$tmp/hard.txt"
ok "export over a hard link to its source: refused" [ "$rc" -eq 2 ]
ok "export over its source: says so" has "would overwrite its source" "$tmp/err"
ok "the source is untouched through all of them" cmp -s "$tmp/src.txt" "$tmp/src.orig"
# an existing output only with --force
printf 'keep\n' >"$tmp/exists.txt"
run export "$data/clean.txt" -o "$tmp/exists.txt"
ok "export over an existing file: exit 2" [ "$rc" -eq 2 ]
ok "export over an existing file: says how" has "exists; use --force to overwrite it" "$tmp/err"
ok "export over an existing file: kept" [ "$(cat "$tmp/exists.txt")" = keep ]
run export --force "$data/clean.txt" -o "$tmp/exists.txt"
ok "export --force over an existing file: written" cmp -s "$data/clean.txt" "$tmp/exists.txt"
printf '标题\n第1页 / 共2页\n一、成绩\n很好。\n' >"$tmp/noise.txt"
run export --strip-noise "$tmp/noise.txt"
ok "export --strip-noise drops site debris" sh -c "! grep -q '共2页' '$tmp/out'"

# ---- output a person reads to the end ---------------------------------------
# a text typed with half-width punctuation: one finding with the count
printf '社区工作总结\n今年以来,我们认真学习,扎实工作;成效明显!\n一是抓学习,二是抓落实;三是抓作风.\n开展活动xx次.\n' >"$tmp/half.txt"
run check --color=never "$tmp/half.txt"
ok "half-width text: one finding for the article" [ "$(grep -c '\[halfwidth-punct\]' "$tmp/out")" -eq 1 ]
ok "half-width text: the count and the fix" has "half-width punctuation (8 marks); zongjie check --fix converts them" "$tmp/out"
ok "errors come first" sh -c "head -n 1 '$tmp/out' | grep -q 'error: unfilled number'"
ok "then what blocks export" sh -c "sed -n 2p '$tmp/out' | grep -q 'half.txt: 1 error blocks export (unfilled gap: 1)'"
if command -v python3 >/dev/null 2>&1; then
	run check --format=json --only halfwidth-punct "$tmp/half.txt"
	ok "json: a group keeps its count and first place" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
(x,) = d["files"][0]["findings"]
assert (x["count"], x["line"], x["col"], x["text"]) == (8, 2, 5, ","), x
' "$tmp/out"
else
	skip "json: a group keeps its count" "python3 not installed"
fi
run check --fix --only halfwidth-punct --color=never "$tmp/half.txt"
ok "--fix converts every mark of a group" [ "$(sed -n 2,3p "$tmp/half.txt")" = "$(printf '今年以来，我们认真学习，扎实工作；成效明显！\n一是抓学习，二是抓落实；三是抓作风。')" ]
ok "--fix says how many" has "8 fixes applied" "$tmp/err"
# a slip in a full-width text is shown where it is
printf '我们认真学习，扎实工作；成效明显！一是抓学习，二是抓落实,三是抓作风。\n' >"$tmp/slip.txt"
run check --color=never --only halfwidth-punct "$tmp/slip.txt"
ok "a single slip is shown as itself" has "1:29: warning: half-width , in Chinese text" "$tmp/out"

# every corpus file: at most one screen of warnings beyond its errors
corpus=$TOP_SRCDIR/../shared/corpus
if [ -d "$corpus" ]; then
	for f in "$corpus"/*.txt; do
		run check --color=never "$f"
		n=$(grep -v ': error: ' "$tmp/out" | grep -c ': warning: \|: info: ')
		ok "$(basename "$f"): $n lines of warnings (at most 50)" [ "$n" -le 50 ]
	done
else
	skip "corpus: at most 50 lines of warnings" "no corpus"
fi

# Chinese messages from the build tree, without make install
if locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
	printf '开展活动xx余次。\n' >"$tmp/zh.txt"
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 ZONGJIE_LOCALEDIR= "$ZONGJIE" check "$tmp/zh.txt" >"$tmp/out" 2>&1
	ok "zh_CN locale: Chinese messages from the build tree" has "错误: 未填写的数字" "$tmp/out"
else
	skip "zh_CN locale: Chinese messages" "zh_CN.UTF-8 not generated (./quickstart does it)"
fi

# the labelled accuracy set: figures printed, goals met on the tuned part
if command -v python3 >/dev/null 2>&1; then
	python3 "$TOP_SRCDIR/tests/lib/score_accuracy.py" "$ZONGJIE" held-out "$data/accuracy/heldout" | sed 's/^/# /'
	python3 "$TOP_SRCDIR/tests/lib/score_accuracy.py" "$ZONGJIE" held-out-2 "$data/accuracy/heldout2" | sed 's/^/# /'
	python3 "$TOP_SRCDIR/tests/lib/score_accuracy.py" "$ZONGJIE" held-out-3 "$data/accuracy/heldout3" | sed 's/^/# /'
	python3 "$TOP_SRCDIR/tests/lib/score_accuracy.py" "$ZONGJIE" tuned "$data/accuracy/tune" --goals 0.95 0.90 0.99 >"$tmp/score"
	rc=$?
	sed 's/^/# /' "$tmp/score"
	ok "accuracy set: precision >= 0.95, recall >= 0.90, gap recall >= 0.99, <= 1 false gap in 50" [ "$rc" -eq 0 ]
else
	skip "accuracy set" "python3 not installed"
fi

done_testing
