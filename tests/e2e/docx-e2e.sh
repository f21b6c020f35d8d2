#!/bin/sh
# End-to-end test of the editor's export as a Word document (F10): the
# format comes from the name's extension; without one the editor asks, and
# Enter repeats the last choice made for the file.
. "$TOP_SRCDIR/tests/lib/tap.sh"
if ! command -v tmux >/dev/null 2>&1; then
	skip "editor in tmux" "tmux not installed"
	done_testing
	exit 0
fi
. "$TOP_SRCDIR/tests/lib/tmux.sh"
is_docx() { unzip -tq "$1" >/dev/null 2>&1; }
is_text() { grep -q "^一、工作成效" "$1" && ! is_docx "$1"; }

printf '东湖社区2025年工作总结\n一、工作成效\n开展活动12场次。\n二、存在问题\n场地偏小。\n' >"$tmp/s.txt"
start "$tmp/s.txt"
wait_for "gaps left: 0" >/dev/null
keys F10; wait_for "Export to:" >/dev/null
keys "$tmp/out.docx" Enter
ok "a .docx name exports a Word document" wait_for "exported to .*Word document"
ok "which unzip -t accepts" is_docx "$tmp/out.docx"
keys F10; wait_for "Export to:" >/dev/null
keys "$tmp/out.txt" Enter
ok "a .txt name exports text" wait_for "exported to"
ok "which is text" is_text "$tmp/out.txt"
keys F10; wait_for "Export to:" >/dev/null
keys "$tmp/plain" Enter
ok "no extension: the editor asks" wait_for "Export as (t)ext or (w)ord document? \[Enter: text\]"
keys w
ok "w exports a Word document" wait_for "exported to .*Word document"
ok "under the name given, with .docx added (Word opens by it)" is_docx "$tmp/plain.docx"
keys F10; wait_for "Export to:" >/dev/null
keys "$tmp/again" Enter
ok "the last choice is offered" wait_for "\[Enter: Word document\]"
keys Enter
ok "Enter takes it" wait_for "exported to .*Word document"
ok "a Word document again" is_docx "$tmp/again.docx"
keys F10; wait_for "Export to:" >/dev/null
keys "$tmp/text-plain" Enter
wait_for "Export as" >/dev/null
keys t
ok "t exports text" wait_for "exported to"
ok "which is text too" is_text "$tmp/text-plain"
keys F10; wait_for "Export to:" >/dev/null
keys "$tmp/cancelled" Enter
wait_for "Export as" >/dev/null
keys Escape
ok "Esc cancels" test ! -e "$tmp/cancelled"
keys C-q
mkdir -p "$tmp/home"
T set-environment -g HOME "$tmp/home"
start "$tmp/s.txt"
wait_for "gaps left: 0" >/dev/null
keys F10; wait_for "Export to:" >/dev/null
keys "~/tilde.txt" Enter
ok "~/ in a name is the home folder" wait_for "exported to"
ok "  the file is there" is_text "$tmp/home/tilde.txt"
keys C-o; wait_for "Save as:" >/dev/null
for i in $(seq 40); do keys BSpace; done
keys "$tmp/home" Enter
ok "save as a folder: said at once, not asked" wait_for "cannot save .*Is a directory"
keys C-q
done_testing
