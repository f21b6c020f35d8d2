#!/bin/sh
# A new summary started without a file (issue 11, items 1 and 2): save as
# never replaces an existing file without asking, and what is typed before
# the first save is journaled and offered back when zongjie next starts
# without a file.
. "$TOP_SRCDIR/tests/lib/tap.sh"
if ! command -v tmux >/dev/null 2>&1; then
	skip "new summary in tmux" "tmux not installed"
	done_testing
	exit 0
fi
. "$TOP_SRCDIR/tests/lib/tmux.sh"

# new_summary: zongjie without a file, in $tmp
new_summary() {
	T kill-session -t ed 2>/dev/null
	rm -f "$tmp/pid"
	T new-session -d -s ed -x 100 -y 30 -c "$tmp" \
		"sh -c 'echo \$\$ >\"$tmp/pid\"; exec env LC_ALL=C.UTF-8 TERM=screen XDG_DATA_HOME=\"$tmp/data\" XDG_STATE_HOME=\"$tmp/state\" \"$ZONGJIE\"'; sleep 30"
}
# the skeleton's form: every variable left a gap
leave_gaps() {
	wait_for "choose a skeleton" >/dev/null
	keys Enter
	wait_for "(Enter to leave a gap)" >/dev/null
	keys Enter
	keys Enter
	wait_for "gaps left" >/dev/null
}
unchanged() { [ "$(cat "$tmp/exists.txt")" = keep ]; }

# ---- save as over an existing file ----------------------------------------------
printf 'keep\n' >"$tmp/exists.txt"
new_summary
leave_gaps
keys "写了字"
keys C-s
wait_for "Save as:" >/dev/null
keys "$tmp/exists.txt" Enter
ok "save as an existing file: asks first" wait_for "That file exists. Overwrite it?"
keys n
ok "save as, n: the file is untouched" unchanged
ok "save as, n: the summary is still new" wait_for "\[new\]"
keys C-q
wait_for "Save changes?" >/dev/null
keys y
wait_for "Save as:" >/dev/null
keys "$tmp/exists.txt" Enter
ok "quit, y, an existing name: asks too" wait_for "That file exists. Overwrite it?"
keys n
ok "quit, y, n: the editor stays" running
ok "quit, y, n: the file is untouched" unchanged
keys C-s
wait_for "Save as:" >/dev/null
keys "$tmp/exists.txt" Enter
wait_for "That file exists" >/dev/null
keys y
ok "save as, y: saved" wait_for "saved"
ok "save as, y: the summary replaced the file" grep -q '写了字' "$tmp/exists.txt"
keys C-q

# ---- typing before the first save is journaled ------------------------------------
rm -rf "$tmp/state"
new_summary
leave_gaps
keys "未存的字"
sleep 1.5
kill -9 "$(cat "$tmp/pid")"
sleep 0.3
new_summary
ok "started again without a file: offers the unsaved summary" wait_for "Recover the new summary that was not saved"
keys y
ok "y: the typing is back" wait_for "未存的字"
keys C-q
wait_for "Save changes?" >/dev/null
keys n
new_summary
ok "after a clean quit nothing is offered" wait_for "choose a skeleton"
keys Escape
done_testing
