#!/bin/sh
# Hostile input for check, outline, export, renew and the editor: each gets a
# message and exit 2, or a correct result; none crashes or hangs.  (Under
# the sanitizers a detected error exits 86.)
. "$TOP_SRCDIR/tests/lib/tap.sh"
if command -v tmux >/dev/null 2>&1; then
	. "$TOP_SRCDIR/tests/lib/tmux.sh"
else
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
fi

# survives CMD...: finishes within 120 s with exit 0, 1 or 2
survives() {
	timeout 120 "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	[ "$rc" -le 2 ] || { diag "exit $rc: $*"; tail -n 5 "$tmp/err" | sed 's/^/# /'; return 1; }
}
# refused FILE: every command says "not a text file"-like and exits 2
refused() {
	for cmd in "check" "outline" "export --force" "renew"; do
		timeout 60 "$ZONGJIE" $cmd "$1" >"$tmp/out" 2>"$tmp/err"
		rc=$?
		[ "$rc" -eq 2 ] || { diag "$cmd $1: exit $rc"; return 1; }
		[ "$(wc -l <"$tmp/err")" -eq 1 ] || { diag "$cmd: $(cat "$tmp/err")"; return 1; }
	done
}

head -c 200000 /dev/urandom >"$tmp/random.bin"
ok "random bytes: refused by every command" refused "$tmp/random.bin"
printf '总结\345\267' >"$tmp/cut.txt"
ok "truncated UTF-8: refused" refused "$tmp/cut.txt"
printf '总结\300\257总结总结总结' >"$tmp/overlong.txt"
ok "overlong encoding: refused" refused "$tmp/overlong.txt"
printf '总结\355\240\200总结总结总结' >"$tmp/surrogate.txt"
ok "encoded surrogate: refused" refused "$tmp/surrogate.txt"
printf '总结\000总结\n' >"$tmp/nul.txt"
ok "NUL byte: refused" refused "$tmp/nul.txt"
printf '\327\334\275\341\201\040\377\376' >"$tmp/badgb.txt"
ok "GB18030 with invalid sequences: refused" refused "$tmp/badgb.txt"
mkfifo "$tmp/fifo"
ok "a FIFO: refused, no hang" refused "$tmp/fifo"
ln -s "$tmp/loop2" "$tmp/loop1"
ln -s "$tmp/loop1" "$tmp/loop2"
ok "a symlink loop: refused" refused "$tmp/loop1"
ok "a symlink loop: says so" grep -q "Too many levels of symbolic links" "$tmp/err"

# a 50 MB line: Chinese text with gaps and brackets, no line break
awk 'BEGIN { s = "开展活动xx场次（参与xx人次，完成率105%，其中甲100人、乙90人"; while (n < 50 * 1024 * 1024) { printf "%s", s; n += length(s) * 3 } }' >"$tmp/oneline.txt"
ok "50 MB single line: check finishes" survives "$ZONGJIE" check --format=json "$tmp/oneline.txt"
ok "50 MB single line: the gaps are found" [ "$rc" -eq 1 ]
ok "50 MB single line: outline finishes" survives "$ZONGJIE" outline "$tmp/oneline.txt"
ok "50 MB single line: export finishes" survives "$ZONGJIE" export --force "$tmp/oneline.txt" -o "$tmp/oneline.out"
ok "50 MB single line: renew finishes" survives "$ZONGJIE" renew "$tmp/oneline.txt" -o "$tmp/oneline.renew"
ok "50 MB single line: check --against itself finishes" survives "$ZONGJIE" check --only stale-figure --against "$tmp/oneline.txt" "$tmp/oneline.txt"
rm -f "$tmp/oneline.out" "$tmp/oneline.renew"

# a million empty lines
awk 'BEGIN { for (i = 0; i < 1000000; i++) print "" }' >"$tmp/empty-lines.txt"
ok "1 000 000 empty lines: check" survives "$ZONGJIE" check "$tmp/empty-lines.txt"
ok "1 000 000 empty lines: no finding" [ "$rc" -eq 0 ]
ok "1 000 000 empty lines: outline" survives "$ZONGJIE" outline --format=json "$tmp/empty-lines.txt"
ok "1 000 000 empty lines: renew copies them" survives "$ZONGJIE" renew "$tmp/empty-lines.txt" -o "$tmp/empty.renew"
ok "1 000 000 empty lines: renew's draft is the same bytes" cmp -s "$tmp/empty-lines.txt" "$tmp/empty.renew"

# headings nested and skipping, over and over
awk 'BEGIN { for (i = 1; i <= 20000; i++) printf "一、甲\n（三）乙\n1.丙\n（9）丁\n⑳戊\n①己\n" }' >"$tmp/nested.txt"
ok "deeply nested, skipping headings: check" survives "$ZONGJIE" check "$tmp/nested.txt"
ok "deeply nested headings: outline" survives "$ZONGJIE" outline "$tmp/nested.txt"
ok "deeply nested headings: renew" survives "$ZONGJIE" renew "$tmp/nested.txt"
ok "deeply nested headings: export renumbers" survives "$ZONGJIE" export --force "$tmp/nested.txt" -o "$tmp/nested.out"

# a file that grows while it is read
( i=0; while [ $i -lt 400 ]; do printf '开展活动xx场次，满意率达到98%%。\n'; i=$((i + 1)); done >>"$tmp/growing.txt" ) &
writer=$!
ok "a growing file: check finishes" survives "$ZONGJIE" check "$tmp/growing.txt"
wait $writer

# the editor refuses what the commands refuse, before drawing anything
if command -v script >/dev/null 2>&1; then
	script -qec "timeout 20 '$ZONGJIE' '$tmp/random.bin'" /dev/null >"$tmp/out" 2>&1
	ok "the editor refuses random bytes with one line" grep -q "not a text file" "$tmp/out"
fi
# the editor on the huge line and on the million empty lines
if command -v tmux >/dev/null 2>&1; then
	start "$tmp/oneline.txt"
	ok "editor, 50 MB line: the first screen" wait_for "F1 help"
	keys End
	keys "尾"
	ok "editor, 50 MB line: typing at its end" wait_for "尾"
	keys C-q n
	ok "editor, 50 MB line: quits" stopped
	start "$tmp/empty-lines.txt"
	ok "editor, a million empty lines: the first screen" wait_for "F1 help"
	keys C-End
	keys "末"
	ok "editor, a million empty lines: typing at the end" wait_for "1000001:2"
	keys C-q n
	ok "editor, a million empty lines: quits" stopped
fi
done_testing
