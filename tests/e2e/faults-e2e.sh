#!/bin/sh
# Never lose a word under faults (issue 9): files created from the editor,
# a full journal disk, a file replaced behind the editor's back, crafted
# journals, a FIFO among the skeletons, a terminal gone without SIGHUP,
# SIGTERM, an empty journal, read-only files, hard links and attributes.
. "$TOP_SRCDIR/tests/lib/tap.sh"
if ! command -v tmux >/dev/null 2>&1; then
	skip "faults in tmux" "tmux not installed"
	done_testing
	exit 0
fi
. "$TOP_SRCDIR/tests/lib/tmux.sh"

text='东湖社区2025年工作总结\n一、工作成效\n开展活动12场次。\n二、存在问题\n场地偏小。\n三、工作计划\n再接再厉。\n'
# the editor as start() runs it, for commands that need a shell around it
cat >"$tmp/zj" <<EOS
#!/bin/sh
exec env LC_ALL=C.UTF-8 TERM=screen XDG_DATA_HOME="$tmp/data" XDG_STATE_HOME="$tmp/state" "$ZONGJIE" "\$@"
EOS
chmod +x "$tmp/zj"
# launch COMMAND: runs a shell command in the session "ed"; the shell's pid
# (the editor's, when the command execs it) goes to $tmp/pid
launch() {
	printf '%s\n' "echo \$\$ >'$tmp/pid'" "$1" >"$tmp/cmd.sh"
	T kill-session -t ed 2>/dev/null
	rm -f "$tmp/pid"
	T new-session -d -s ed -x 100 -y 30 "sh '$tmp/cmd.sh'; sleep 30"
	sleep 0.2
}
killed() { kill -9 "$(cat "$tmp/pid")"; sleep 0.3; }
no_screen() { ! screen | grep -q -- "$1"; }
journal() { ls "$tmp"/state/zongjie/*.journal 2>/dev/null | head -n 1; }

# ---- 3: a file created from the editor keeps its journal --------------------
mkdir "$tmp/one" "$tmp/two"
launch "cd '$tmp/one' && exec '$tmp/zj' new.txt"
wait_for "gaps left" >/dev/null
keys "第一段"
keys C-s
wait_for saved >/dev/null
keys "第二段"
sleep 1.5
killed
launch "cd '$tmp/one' && exec '$tmp/zj' new.txt"
ok "new file saved from the editor, then killed: recovery offered" wait_for "Recover unsaved changes"
keys y
ok "new file: the typing after the save is back" wait_for "第一段第二段"
keys C-q n
# the same name in another folder, never saved: its own journal
launch "cd '$tmp/two' && exec '$tmp/zj' new.txt"
wait_for "gaps left" >/dev/null
keys "别处的字"
sleep 1.5
killed
launch "cd '$tmp/one' && exec '$tmp/zj' new.txt"
ok "same name, other folder: nothing offered here" wait_for "gaps left"
ok "same name, other folder: its text stays out" no_screen "别处的字"
keys C-q n

# ---- 4: a full journal disk is said, and lasts until a write succeeds ---------
printf "$text" >"$tmp/c.txt"
launch "ulimit -f 2; exec '$tmp/zj' '$tmp/c.txt'"
wait_for "gaps left" >/dev/null
# typed, not pasted: one journal record a keystroke or two
i=0
while [ $i -lt 100 ]; do T send-keys -t ed aa; sleep 0.02; i=$((i + 1)); done
ok "full journal disk: a warning" wait_for "journal: File too large"
keys Left
keys Left
ok "full journal disk: the warning stays" wait_for "unsaved changes are not protected"
keys C-s
wait_for saved >/dev/null
keys Left
sleep 0.5
ok "full journal disk: after a save the journal is written, the warning goes" no_screen "journal:"
keys C-q

# ---- 5: replaced with the same size and modification time ----------------------
printf "$text" >"$tmp/d.txt"
start "$tmp/d.txt"
wait_for "gaps left" >/dev/null
keys End
keys "甲"
cp -p "$tmp/d.txt" "$tmp/d.ref"
printf "$text" | sed 's/东湖/西湖/' >"$tmp/d.txt"
touch -r "$tmp/d.ref" "$tmp/d.txt"
keys C-s
ok "same size and time, other bytes: saving asks" wait_for "changed on disk"
keys n
ok "n: the other program's text stays" grep -q 西湖 "$tmp/d.txt"
keys C-q n

# ---- 6, 7: crafted journals ----------------------------------------------------
crafted() {  # crafted RECORD-PRINTF-FORMAT: a journal with that record appended
	rm -rf "$tmp/state"
	printf "$text" >"$tmp/e.txt"
	start "$tmp/e.txt"
	wait_for "gaps left" >/dev/null
	keys "乙"
	sleep 1.5
	killed
	printf "$1" >>"$(journal)"
	start "$tmp/e.txt"
	wait_for "Recover unsaved changes" >/dev/null
	keys y
}
crafted 'I 0 -1\n'
ok "journal with a negative length: no crash" running
ok "negative length: refused as damage, kept aside" wait_for "cannot recover: the recovery journal is damaged"
ok "negative length: the file as on disk" wait_for "^ 东湖社区"
keys C-q
start "$tmp/e.txt"
ok "negative length: not offered again" wait_for "gaps left"
keys C-q
crafted 'I 0 3\na\000b\n'
ok "journal record with a NUL: refused as damage" wait_for "the recovery journal is damaged"
keys End
keys "丁"
ok "NUL: the editor answers keys" wait_for "工作总结丁"
keys C-q n

# ---- 8: a FIFO among the skeletons ------------------------------------------------
mkdir -p "$tmp/data/zongjie/skeletons"
mkfifo "$tmp/data/zongjie/skeletons/fifo.yaml"
printf "$text" >"$tmp/a.txt"
start "$tmp/a.txt"
ok "a FIFO named .yaml among the skeletons: the editor starts" wait_for "gaps left"
keys C-q
rm -f "$tmp/data/zongjie/skeletons/fifo.yaml"
T kill-session -t ed 2>/dev/null

# ---- 9: the terminal gone without a SIGHUP (another session) ---------------------------
rm -rf "$tmp/state"
printf "$text" >"$tmp/f.txt"
launch "exec setsid '$tmp/zj' '$tmp/f.txt'"
wait_for "gaps left" >/dev/null
keys "戊"
# the key read before the terminal goes: input still in the terminal is
# lost with it, whatever the editor does
wait_for "戊东湖" >/dev/null
pid=$(cat "$tmp/pid")
T kill-session -t ed
# ended PID: gone, or a zombie its parent has not reaped yet (3 s at most)
ended() {
	n=0
	while [ $n -lt 30 ]; do
		st=$(ps -o stat= -p "$1" 2>/dev/null)
		[ -z "$st" ] || [ "${st#Z}" != "$st" ] && return 0
		sleep 0.1
		n=$((n + 1))
	done
	return 1
}
ok "terminal gone without SIGHUP: the editor ends" ended "$pid"
kill -9 "$pid" 2>/dev/null
start "$tmp/f.txt"
ok "terminal gone without SIGHUP: recovery offered" wait_for "Recover unsaved changes"
keys y
ok "terminal gone without SIGHUP: the typing is back" wait_for "戊东湖社区"
keys C-q n

# ---- lesser: SIGTERM gives the terminal back ------------------------------------------
launch "'$tmp/zj' '$tmp/a.txt'; stty -a >'$tmp/stty.txt'"
wait_for "gaps left" >/dev/null
kill -TERM "$(pgrep -P "$(cat "$tmp/pid")")"
n=0
while [ ! -s "$tmp/stty.txt" ] && [ $n -lt 50 ]; do sleep 0.1; n=$((n + 1)); done
ok "after SIGTERM the terminal echoes" grep -Eq '(^| )echo( |$)' "$tmp/stty.txt"
ok "after SIGTERM the terminal reads lines" grep -Eq '(^| )icanon( |$)' "$tmp/stty.txt"

# ---- lesser: an empty journal is removed without asking ---------------------------------
rm -rf "$tmp/state"
start "$tmp/a.txt"
wait_for "gaps left" >/dev/null
keys "庚"
sleep 1.5
killed
: >"$(journal)"
start "$tmp/a.txt"
ok "an empty journal: no question" wait_for "gaps left"
ok "an empty journal: no damage reported" no_screen "damaged"
keys C-q

# ---- lesser: a read-only file is replaced only when asked --------------------------------
printf "$text" >"$tmp/g.txt"
chmod 444 "$tmp/g.txt"
cp -p "$tmp/g.txt" "$tmp/g.orig"
start "$tmp/g.txt"
wait_for "gaps left" >/dev/null
keys End
keys "辛"
keys C-s
ok "read-only file: saving asks first" wait_for "read-only. Replace it anyway"
keys n
ok "read-only file, n: untouched" cmp -s "$tmp/g.txt" "$tmp/g.orig"
keys C-s
wait_for "read-only" >/dev/null
keys y
ok "read-only file, y: saved" wait_for "saved"
ok "read-only file, y: the text written, still read-only" \
	sh -c "grep -q 辛 '$tmp/g.txt' && [ \"\$(stat -c %a '$tmp/g.txt')\" = 444 ]"
keys C-q

# ---- lesser: hard links and extended attributes survive a save -------------------------
printf "$text" >"$tmp/h.txt"
ln "$tmp/h.txt" "$tmp/h2.txt"
start "$tmp/h.txt"
wait_for "gaps left" >/dev/null
keys End
keys "壬"
keys C-s
wait_for saved >/dev/null
ok "hard link: the other name sees the save" grep -q 壬 "$tmp/h2.txt"
ok "hard link: still one file" [ "$(stat -c %i "$tmp/h.txt")" = "$(stat -c %i "$tmp/h2.txt")" ]
keys C-q
printf "$text" >"$tmp/i.txt"
if python3 -c "import os,sys; os.setxattr(sys.argv[1], 'user.zongjie', b'kept')" "$tmp/i.txt" 2>/dev/null; then
	start "$tmp/i.txt"
	wait_for "gaps left" >/dev/null
	keys End
	keys "癸"
	keys C-s
	wait_for saved >/dev/null
	ok "user.* attribute kept through a save" \
		python3 -c "import os,sys; sys.exit(os.getxattr(sys.argv[1], 'user.zongjie') != b'kept')" "$tmp/i.txt"
	keys C-q
else
	skip "user.* attribute kept through a save" "no user attributes on this file system"
fi
done_testing
