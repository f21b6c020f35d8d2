#!/bin/sh
# End-to-end tests of the command line: options, outline output, and the
# messages and exit status for input that is not a readable text file.
. "$TOP_SRCDIR/tests/lib/tap.sh"
data=$TOP_SRCDIR/tests/data
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp"; rm -rf "$tmp"' EXIT

# run ARGS...: sets $out, $err and $rc
run() {
	"$ZONGJIE" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}
# expect_fail WHAT MESSAGE ARGS...: exit 2, one line on stderr containing MESSAGE
expect_fail() {
	what=$1 msg=$2; shift 2
	run "$@"
	ok "$what: exit 2" [ "$rc" -eq 2 ]
	ok "$what: one line on stderr" [ "$(wc -l <"$tmp/err")" -eq 1 ]
	case $err in
	*"$msg"*) ok "$what: message" true ;;
	*) diag "got: $err"; ok "$what: message" false ;;
	esac
	ok "$what: nothing on stdout" [ -z "$out" ]
}

run --help
ok "--help exits 0" [ "$rc" -eq 0 ]
ok "--help lists outline" grep -q 'outline' "$tmp/out"
run --version
ok "--version prints the version" [ "$out" = "zongjie 0.1.0" ]
expect_fail "unknown long option" "unrecognized option '--bogus'" --bogus
expect_fail "unknown short option" "invalid option -- 'q'" -q
# every command reads its options through one table: the same words for
# the same mistake, whichever command it is made in
expect_fail "check --format without its value" "option '--format' needs an argument" check --format
expect_fail "outline --format without its value" "option '--format' needs an argument" outline --format
expect_fail "export -o without its file" "option '-o' needs an argument" export "$data/annual.txt" -o
expect_fail "new --set without its value" "option '--set' needs an argument" new --set
expect_fail "renew --year without its value" "option '--year' needs an argument" renew "$data/annual.txt" --year
expect_fail "a flag given a value" "option '--force' takes no argument" export --force=yes "$data/annual.txt"
expect_fail "another command's option" "unrecognized option '--output'" check --output x "$data/annual.txt"
expect_fail "another command's short option" "invalid option -- 'o'" check -o x "$data/annual.txt"
expect_fail "an unknown letter in a cluster" "invalid option -- 'q'" export "$data/annual.txt" -qo x
expect_fail "an empty list of rules" "a list of rules is empty" check --only= "$data/annual.txt"
expect_fail "an empty list to fix" "a list of rules is empty" check --fix= "$data/annual.txt"
run renew --help
ok "renew --help prints its usage" grep -q 'Usage: zongjie renew' "$tmp/out"
run check --col=never "$data/clean.txt"
ok "a long option may be abbreviated" [ "$rc" -eq 0 ]
expect_fail "outline without a file" "outline takes exactly one FILE" outline
expect_fail "outline with a bad format" "unknown format 'xml'" outline --format=xml "$data/annual.txt"

# outline, text
run outline "$data/annual.txt"
ok "outline exits 0" [ "$rc" -eq 0 ]
ok "outline names the title" grep -q '青禾街道2025年工作总结暨2026年工作计划' "$tmp/out"
parts=$(grep -oE '^  (opening|achievements|problems|plan|closing|other)' "$tmp/out" | tr -d ' ' | tr '\n' ' ')
ok "outline finds the five parts" [ "$parts" = "opening achievements problems plan closing " ]

# outline, JSON
run outline --format=json "$data/annual.txt"
ok "outline json exits 0" [ "$rc" -eq 0 ]
if command -v python3 >/dev/null 2>&1; then
	check_json() {
		python3 - "$tmp/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["encoding"] == "utf-8" and d["bom"] is False and d["eol"] == "lf", d
a = d["articles"]
assert len(a) == 1 and a[0]["title"] == "青禾街道2025年工作总结暨2026年工作计划" and a[0]["line"] == 1
p = a[0]["parts"]
assert [x["part"] for x in p] == ["opening", "achievements", "problems", "plan", "closing"], p
assert p[0]["heading"] is None and p[1]["heading"] == "一、2025年工作成效"
assert (p[1]["line"], p[1]["end_line"]) == (5, 7), p[1]
assert p[1]["sections"][0] == {"level": 2, "heading": "（一）经济运行稳中有进。", "line": 6}
assert p[2]["chars"] == 26, p[2]
assert p[4]["line"] == 14
PY
	}
	ok "outline json has the agreed shape and values" check_json
else
	skip "outline json has the agreed shape and values" "python3 not installed"
fi

# an unheaded problems paragraph is a part with "heading": null; a line of
# part words alone is a heading; a viewer's page chunk holds headings
printf '%s\n' '某社区2025年工作总结' '今年我们做了很多工作。' '一、民生服务' '新增岗位42个。' \
	'回顾这一年，我们也清醒地看到还存在一些不足：一是场地偏小；二是人手不够。' \
	'明年工作打算' '一是扩建场地。' >"$tmp/real.txt"
run outline --format=json "$tmp/real.txt"
ok "unheaded problems part: heading null" grep -q '{"part": "problems", "heading": null, "line": 5' "$tmp/out"
ok "heading without number: a plan part" grep -q '{"part": "plan", "heading": "明年工作打算", "line": 6' "$tmp/out"
printf '%s\n' '明年工作打算' '一是扩建场地。' >"$tmp/near.txt"
run outline --format=json "$tmp/near.txt"
ok "near miss: the part words on the first line are a title" grep -q '{"title": "明年工作打算", "line": 1, "parts": \[{"part": "opening", "heading": null, "line": 1, "end_line": 2, "chars": [0-9]*, "sections": \[\]}\]}' "$tmp/out"

# the same text as GB18030 with CRLF and as UTF-8 with BOM
if iconv -f UTF-8 -t GB18030 "$data/annual.txt" | sed 's/$/\r/' >"$tmp/gb.txt" 2>/dev/null; then
	run outline --format=json "$tmp/gb.txt"
	ok "GB18030 CRLF file is read" [ "$rc" -eq 0 ]
	ok "GB18030 CRLF file reports its format" grep -q '"encoding": "gb18030", "bom": false, "eol": "crlf"' "$tmp/out"
fi
printf '\357\273\277' >"$tmp/bom.txt"; cat "$data/annual.txt" >>"$tmp/bom.txt"
run outline "$tmp/bom.txt"
ok "BOM file is read" grep -q 'utf-8+bom' "$tmp/out"

# input that is not a readable text file
head -c 3000 /bin/sh >"$tmp/binary"
expect_fail "binary file" "$tmp/binary: not a text file (" outline "$tmp/binary"
printf 'abc\000def\n' >"$tmp/nul.txt"
expect_fail "NUL byte" "$tmp/nul.txt: not a text file (NUL byte at offset 3)" outline "$tmp/nul.txt"
printf '工作总结\345\267' >"$tmp/cut.txt"
expect_fail "truncated UTF-8" "$tmp/cut.txt: not a text file (invalid UTF-8 at byte 12" outline "$tmp/cut.txt"
expect_fail "directory" "$tmp: Is a directory" outline "$tmp"
expect_fail "missing file" "$tmp/none.txt: No such file or directory" outline "$tmp/none.txt"
cp "$data/annual.txt" "$tmp/secret.txt"
chmod 000 "$tmp/secret.txt"
chmod 755 "$tmp"
if [ "$(id -u)" -ne 0 ]; then
	expect_fail "unreadable file" "$tmp/secret.txt: Permission denied" outline "$tmp/secret.txt"
elif command -v setpriv >/dev/null 2>&1 && setpriv --reuid=65534 --regid=65534 --clear-groups "$ZONGJIE" --version >/dev/null 2>&1; then
	setpriv --reuid=65534 --regid=65534 --clear-groups "$ZONGJIE" outline "$tmp/secret.txt" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	ok "unreadable file: exit 2" [ "$rc" -eq 2 ]
	ok "unreadable file: message" grep -q "secret.txt: Permission denied" "$tmp/err"
else
	skip "unreadable file" "running as root without a way to drop privileges"
fi
mkfifo "$tmp/fifo"
expect_fail "FIFO" "$tmp/fifo: not a regular file" outline "$tmp/fifo"

done_testing
