#!/bin/sh
# Never lose a word: recovery after kill -9 and a closed terminal, the
# journal's privacy, a file changed behind the editor's back, and saves that
# fail (read-only folder, full disk) while the editor keeps the text.
. "$TOP_SRCDIR/tests/lib/tap.sh"
if ! command -v tmux >/dev/null 2>&1; then
	skip "recovery in tmux" "tmux not installed"
	done_testing
	exit 0
fi
. "$TOP_SRCDIR/tests/lib/tmux.sh"

text='东湖社区2025年工作总结\n一、工作成效\n开展活动xx场次。\n二、存在问题\n场地偏小。\n三、工作计划\n再接再厉。\n'
printf "$text" >"$tmp/a.txt"
cp "$tmp/a.txt" "$tmp/a.orig"

# ---- kill -9 -----------------------------------------------------------
start "$tmp/a.txt"
wait_for "gaps left: 1" >/dev/null
keys F5
keys 36
sleep 1.5  # the journal is written within a second
kill -9 "$(cat "$tmp/pid")"
sleep 0.3
ok "kill -9: the file on disk is untouched" cmp -s "$tmp/a.txt" "$tmp/a.orig"
journal=$(ls "$tmp"/state/zongjie/*.journal 2>/dev/null | head -n 1)
ok "the journal is a private file" [ -n "$journal" ] && [ "$(stat -c %a "$journal")" = 600 ]
ok "in a private folder" [ "$(stat -c %a "$tmp/state/zongjie")" = 700 ]
start "$tmp/a.txt"
ok "reopening asks to recover" wait_for "Recover unsaved changes? (y/n)"
keys y
ok "y: the typing is back" wait_for "开展活动36场次"
ok "y: the document is modified" wait_for "a.txt \[+\]"
keys C-s
wait_for saved >/dev/null
ok "saved after recovery" grep -q "开展活动36场次" "$tmp/a.txt"
keys C-q
ok "a clean quit removes the journal" sh -c "! ls '$tmp'/state/zongjie/*.journal >/dev/null 2>&1"

# ---- killed right after a save: nothing to recover, no question ------------------
start "$tmp/a.txt"
wait_for "gaps left" >/dev/null
keys End; keys "乙"; keys C-s
wait_for saved >/dev/null
kill -9 "$(cat "$tmp/pid")"
sleep 0.3
start "$tmp/a.txt"
ok "after a save and a kill: no recovery question" wait_for "gaps left"
ok "after a save and a kill: the saved text" grep -q "工作总结乙" "$tmp/a.txt"
keys C-q

# ---- a closed terminal (SIGHUP) ---------------------------------------------
cp "$tmp/a.orig" "$tmp/a.txt"
start "$tmp/a.txt"
wait_for "gaps left" >/dev/null
keys F5
keys 48
T kill-session -t ed
sleep 0.5
start "$tmp/a.txt"
ok "after SIGHUP: asks to recover" wait_for "Recover unsaved changes? (y/n)"
keys y
ok "after SIGHUP: the typing is back, even the last second" wait_for "开展活动48场次"
keys C-q n

# ---- n keeps the journal aside ---------------------------------------------
start "$tmp/a.txt"
wait_for "gaps left" >/dev/null
keys F5
keys 7
sleep 1.5
kill -9 "$(cat "$tmp/pid")"
sleep 0.3
start "$tmp/a.txt"
wait_for "Recover unsaved changes" >/dev/null
keys n
ok "n: the file as on disk" wait_for "开展活动xx场次"
ok "n: the journal is kept aside, not deleted" sh -c "ls '$tmp'/state/zongjie/*.aside >/dev/null 2>&1"

# ---- a second editor on the same file ------------------------------------------
T new-session -d -s second -x 100 -y 30 \
	"env LC_ALL=C.UTF-8 TERM=screen XDG_STATE_HOME='$tmp/state' '$ZONGJIE' '$tmp/a.txt'; sleep 30"
sleep 0.8
ok "a second zongjie warns" sh -c "tmux -L '$sock' capture-pane -p -t second | grep -q 'already open in another zongjie'"
T kill-session -t second

# ---- the file changed on disk --------------------------------------------------
keys End
keys "甲"
sleep 1.1  # a new modification time
printf '别人改过的内容\n' >"$tmp/a.txt"
keys C-s
ok "saving over a changed file asks" wait_for "changed on disk"
keys n
ok "n: the other program's text stays" [ "$(cat "$tmp/a.txt")" = "别人改过的内容" ]
keys C-q n

# ---- a read-only folder ----------------------------------------------------------
mkdir "$tmp/ro"
printf "$text" >"$tmp/ro/b.txt"
cp "$tmp/ro/b.txt" "$tmp/b.orig"
chmod 755 "$tmp"
chmod 555 "$tmp/ro"
as=""
if [ "$(id -u)" -eq 0 ]; then
	# root writes anywhere: run the editor as nobody
	if command -v setpriv >/dev/null 2>&1; then
		mkdir -p "$tmp/nobody-state" && chown 65534 "$tmp/nobody-state"
		chmod 644 "$tmp/ro/b.txt"
		as="setpriv --reuid=65534 --regid=65534 --clear-groups"
	fi
fi
if [ "$(id -u)" -ne 0 ] || [ -n "$as" ]; then
	T kill-session -t ed 2>/dev/null
	rm -f "$tmp/pid"
	T new-session -d -s ed -x 100 -y 30 \
		"sh -c 'echo \$\$ >\"$tmp/pid\"; exec $as env LC_ALL=C.UTF-8 TERM=screen XDG_STATE_HOME=\"$tmp/nobody-state\" \"$ZONGJIE\" \"$tmp/ro/b.txt\"'; sleep 30"
	wait_for "gaps left" >/dev/null
	keys F5
	keys 5
	keys C-s
	if [ -n "$as" ]; then
		# the file is root's: read-only to nobody, which is asked first
		ok "read-only file: asks first" wait_for "read-only. Replace it anyway"
		keys y
	fi
	ok "read-only folder: one clear message" wait_for "cannot save .*b.txt: Permission denied"
	ok "read-only folder: the editor runs on" running
	ok "read-only folder: the text is still there" wait_for "开展活动5场次"
	ok "read-only folder: the file is untouched" cmp -s "$tmp/ro/b.txt" "$tmp/b.orig"
	keys C-q n
else
	skip "read-only folder" "running as root without setpriv"
fi
chmod 755 "$tmp/ro"

# ---- a full disk (a file-size limit stands in for it) ------------------------------
printf "$text" >"$tmp/c.txt"
cp "$tmp/c.txt" "$tmp/c.orig"
T kill-session -t ed 2>/dev/null
rm -f "$tmp/pid"
T new-session -d -s ed -x 100 -y 30 \
	"sh -c 'echo \$\$ >\"$tmp/pid\"; ulimit -f 0; exec env LC_ALL=C.UTF-8 TERM=screen XDG_STATE_HOME=\"$tmp/state\" \"$ZONGJIE\" \"$tmp/c.txt\"'; sleep 30"
wait_for "gaps left" >/dev/null
keys F5
keys 9
keys C-s
ok "full disk: one clear message" wait_for "cannot save .*c.txt: File too large"
ok "full disk: the editor runs on" running
ok "full disk: the file is untouched" cmp -s "$tmp/c.txt" "$tmp/c.orig"
ok "full disk: no temporary file left" sh -c "! ls -A '$tmp' | grep -q zongjie-"
keys C-q n
done_testing
