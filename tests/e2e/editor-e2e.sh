#!/bin/sh
# End-to-end tests of the editor: the real binary in tmux, keys sent with
# send-keys, the screen read with capture-pane, the files compared byte for
# byte.
. "$TOP_SRCDIR/tests/lib/tap.sh"
if ! command -v tmux >/dev/null 2>&1; then
	skip "editor in tmux" "tmux not installed"
	done_testing
	exit 0
fi
. "$TOP_SRCDIR/tests/lib/tmux.sh"

# ---- fill the first three gaps, save, compare --------------------------
printf '东湖社区2025年工作总结\n一、工作成效\n开展活动xx场次，参与xx人次，满意率xx%%。\n二、存在问题\n场地偏小。\n三、工作计划\n再接再厉。\n' >"$tmp/a.txt"
cp "$tmp/a.txt" "$tmp/a.orig"
start "$tmp/a.txt"
ok "opens with its panes" wait_for "gaps left: 3"
ok "shows the part names and headings" wait_for "achievements .* 一、工作成效"
keys F5; keys 12; keys F5; keys 300; keys F5; keys 95
ok "the gaps are filled on screen" wait_for "开展活动12场次，参与300人次，满意率95%。"
ok "the status line counts no gap left" wait_for "gaps left: 0"
ok "the modified mark shows" wait_for "a.txt \[+\]"
keys C-s
ok "save says so" wait_for "saved"
printf '东湖社区2025年工作总结\n一、工作成效\n开展活动12场次，参与300人次，满意率95%%。\n二、存在问题\n场地偏小。\n三、工作计划\n再接再厉。\n' >"$tmp/a.want"
ok "the file holds exactly the filled text" cmp -s "$tmp/a.txt" "$tmp/a.want"

# ---- undo back to the original: byte-identical ---------------------------
for i in 1 2 3 4 5 6; do keys C-z; done
ok "undo brings the gaps back" wait_for "gaps left: 3"
keys C-s
ok "saved after undo" wait_for "saved"
ok "undo to the original saves the original bytes" cmp -s "$tmp/a.txt" "$tmp/a.orig"

# ---- resize ------------------------------------------------------------
T resize-window -t ed -x 30 -y 8 2>/dev/null || T resize-pane -t ed -x 30 -y 8
ok "a small terminal asks to be enlarged" wait_for "enlarge the terminal"
T resize-window -t ed -x 100 -y 30 2>/dev/null || T resize-pane -t ed -x 100 -y 30
ok "back to full size, panes again" wait_for "gaps left: 3"
ok "still running after resizes" running

# ---- quit with unsaved changes: Esc, n, y -------------------------------
keys End; keys "改"
keys C-q
ok "quit with changes asks" wait_for "Save changes? (y/n/Esc)"
keys Escape
ok "Esc goes back to editing" wait_for "gaps left"
ok "Esc: still running" running
keys C-q; keys n
sleep 0.3
ok "n quits" stopped
ok "n leaves the file as it was" cmp -s "$tmp/a.txt" "$tmp/a.orig"
start "$tmp/a.txt"
wait_for "gaps left" >/dev/null
keys End; keys "改"
keys C-q; keys y
sleep 0.3
ok "y saves and quits" stopped
ok "y wrote the change" grep -q "改" "$tmp/a.txt"

# ---- CRLF, BOM and GB18030 files: one character edited ---------------------
edit_one() { # edit_one NAME: types X at the start of the file and saves
	start "$tmp/$1"
	wait_for "gaps left" >/dev/null
	keys C-Home 2>/dev/null
	keys X
	keys C-s
	wait_for "saved" >/dev/null
	keys C-q
}
printf '标题\r\n一、成效\r\n正文。\r\n' >"$tmp/crlf.txt"
edit_one crlf.txt
ok "CRLF file keeps CRLF after an edit" sh -c "printf 'X标题\r\n一、成效\r\n正文。\r\n' | cmp -s - '$tmp/crlf.txt'"
printf '\357\273\277标题\n一、成效\n正文。\n' >"$tmp/bom.txt"
edit_one bom.txt
ok "BOM file keeps its BOM after an edit" sh -c "printf '\357\273\277X标题\n一、成效\n正文。\n' | cmp -s - '$tmp/bom.txt'"
printf '标题\n一、成效\n正文。\n' | iconv -f UTF-8 -t GB18030 >"$tmp/gb.txt"
edit_one gb.txt
ok "GB18030 file stays GB18030 after an edit" sh -c "printf 'X标题\n一、成效\n正文。\n' | iconv -f UTF-8 -t GB18030 | cmp -s - '$tmp/gb.txt'"

# ---- help --------------------------------------------------------------
start "$tmp/a.txt"
wait_for "gaps left" >/dev/null
keys F1
ok "F1 lists the keys" wait_for "F5/Ctrl-N"
keys q
ok "any key leaves the help" wait_for "gaps left"
keys C-q

# ---- F7: every identical gap at once ----------------------------------------
printf '街道工作总结\n一、工作成效\nxx街道开展活动xx场次。\n二、存在问题\nxx街道人手不足。\n三、工作计划\n继续努力。\n' >"$tmp/f7.txt"
start "$tmp/f7.txt"
wait_for "gaps left: 3" >/dev/null
keys F5 F5
wait_for "f7.txt  3:11 " >/dev/null
keys S-F5
ok "Shift-F5 goes back a gap where terminfo lacks the key (TERM=screen)" wait_for "f7.txt  3:3 "
keys F7
ok "F7 asks for the text" wait_for "Fill every identical gap with:"
keys "丰和" Enter
ok "F7 fills both xx街道" wait_for "2 gaps filled"
keys C-s
wait_for saved >/dev/null
ok "F7 leaves the number gap alone" sh -c "grep -q '丰和街道开展活动xx场次' '$tmp/f7.txt' && grep -q '丰和街道人手不足' '$tmp/f7.txt'"

# ---- words typed into a number gap ask first ---------------------------------
keys F5
keys "很"
ok "words in a number gap ask" wait_for "This gap wants a number"
keys n
ok "n keeps the gap" wait_for "gaps left: 1"
keys "很"
keys y
ok "y types the words" wait_for "开展活动很场次"
keys C-z C-z
keys C-q n

# ---- F3, Ctrl-F and F10 ----------------------------------------------------
start "$tmp/a.txt"
wait_for "gaps left" >/dev/null
keys F3
ok "F3 lists the findings" wait_for "Findings (3)"
ok "F3 groups them by rule with a count, errors first" wait_for "error  unfilled gap (3)  \[placeholder\]"
keys Down Down Enter
ok "Enter jumps to the finding (and selects it)" wait_for "a.txt  3:14"
keys C-f
keys "场地" Enter
ok "Ctrl-F finds (and selects)" wait_for "a.txt  5:3"
keys F10
ok "F10 refuses while gaps remain" wait_for "Export refused: errors remain (3)"
keys Escape
keys C-q
printf '东湖社区2025年工作总结\n一、工作成效\n开展活动12场次。\n三、存在问题\n场地偏小。\n' >"$tmp/clean.txt"
start "$tmp/clean.txt"
wait_for "gaps left: 0" >/dev/null
keys F10
ok "F10 asks where to export" wait_for "Export to:"
keys "$tmp/clean-export.txt" Enter
ok "F10 asks whether to renumber misnumbered headings" wait_for "Renumber them"
keys n
ok "F10 exports" wait_for "exported to"
ok "without renumbering the export is the text itself" cmp -s "$tmp/clean.txt" "$tmp/clean-export.txt"
keys F10
wait_for "Export to:" >/dev/null
keys "$tmp/clean-export2.txt" Enter
wait_for "Renumber them" >/dev/null
keys y
ok "F10 exports renumbered when asked" wait_for "exported to"
ok "the export renumbers the headings" grep -q "^二、存在问题" "$tmp/clean-export2.txt"
keys C-q

# ---- F8 phrases, F9 missing parts --------------------------------------------
printf '东湖社区2025年工作总结\n一、工作成效\n开展活动12场次。\n' >"$tmp/f9.txt"
start "$tmp/f9.txt"
wait_for "gaps left: 0" >/dev/null
keys Tab
keys End
keys F8
ok "F8 lists the phrases of the part" wait_for "Insert a phrase"
keys Enter
ok "F8 inserts the phrase" wait_for "开展活动12场次。全年共开展xx活动xx场次"
keys F9
ok "F9 lists the missing parts" wait_for "Insert a missing part"
ok "F9 offers problems" wait_for "problems"
keys Enter
ok "F9 inserts the problems part, numbered" wait_for "二、存在的问题和不足"
keys C-s
wait_for saved >/dev/null
ok "the outline now has a problems part" sh -c "'$ZONGJIE' outline '$tmp/f9.txt' | grep -q '^  problems'"
keys C-q

# ---- the mouse: a click places the cursor -------------------------------------
start "$tmp/f9.txt"
wait_for "gaps left" >/dev/null
# X10 mouse report: button 1 pressed then released at column 5, row 2
# (0-based 4, 1: the title row of the opening pane)
T send-keys -t ed -l "$(printf '\033[M %%\042\033[M#%%\042')"
sleep 0.3
ok "a click on the right half of 湖 places the cursor after it" wait_for "f9.txt  1:3 "
keys C-q

# ---- zongjie with no file: the skeleton form ------------------------------------
T kill-session -t ed 2>/dev/null
rm -f "$tmp/pid"
T new-session -d -s ed -x 100 -y 30 -c "$tmp" \
	"sh -c 'echo \$\$ >\"$tmp/pid\"; exec env LC_ALL=C.UTF-8 TERM=screen XDG_DATA_HOME=\"$tmp/data\" XDG_STATE_HOME=\"$tmp/state\" \"$ZONGJIE\"'; sleep 30"
ok "no file: asks for a skeleton" wait_for "choose a skeleton"
keys Enter
ok "no file: asks for the skeleton's variables" wait_for "(Enter to leave a gap)"
keys "青禾街道" Enter
keys "2025" Enter
ok "no file: the new summary uses the answers" wait_for "青禾街道2025年工作总结暨2026年工作计划"
keys C-s
ok "saving a new summary asks its name" wait_for "Save as:"
keys "$tmp/new.txt" Enter
ok "saved under that name" wait_for "saved"
ok "the new file starts with the title" sh -c "head -n 1 '$tmp/new.txt' | grep -q '^青禾街道2025年工作总结暨2026年工作计划\$'"
keys C-q

# ---- once under valgrind: no memory error ---------------------------------------
if [ "${ZONGJIE_SANITIZED:-no}" = yes ]; then
	skip "the editor under valgrind" "this build runs under the sanitizers instead"
elif command -v valgrind >/dev/null 2>&1; then
	printf '东湖社区2025年工作总结\n一、工作成效\n开展活动xx场次。\n二、存在问题\n少。\n' >"$tmp/vg.txt"
	T kill-session -t ed 2>/dev/null
	T new-session -d -s ed -x 100 -y 30 \
		"env LC_ALL=C.UTF-8 TERM=screen XDG_STATE_HOME='$tmp/state' valgrind -q --error-exitcode=99 --log-file='$tmp/vg.log' '$ZONGJIE' '$tmp/vg.txt'; echo \$? >'$tmp/vg.rc'; sleep 30"
	i=0
	while [ $i -lt 150 ] && ! screen | grep -q "gaps left"; do sleep 0.2; i=$((i + 1)); done
	keys F5; keys 12; sleep 0.5
	keys F3; sleep 1; keys Escape; sleep 0.3
	keys C-s; sleep 1
	keys C-q; sleep 3
	ok "valgrind: the session ran to its end" [ -s "$tmp/vg.rc" ]
	ok "valgrind: no error reported" [ "$(cat "$tmp/vg.rc" 2>/dev/null)" = 0 ]
	ok "valgrind: the edit was saved" grep -q "开展活动12场次" "$tmp/vg.txt"
	[ -s "$tmp/vg.log" ] && sed 's/^/# /' "$tmp/vg.log" | head -20
else
	skip "the editor under valgrind" "valgrind not installed"
fi

# ---- several articles: which one ---------------------------------------------
printf '甲社区2025年工作总结\n\n一、成效\n好。\n\n乙社区2025年工作总结\n\n一、成效\n开展活动xx场次。\n二、问题\n少。\n' >"$tmp/two.txt"
start "$tmp/two.txt"
ok "several articles: asks which one" wait_for "holds 2 articles"
keys 2
ok "the second article's panes" wait_for "乙社区2025年工作总结"
ok "only its parts are shown" sh -c "! tmux -L '$sock' capture-pane -p -t ed | grep -q '甲社区'"
keys C-q

# ---- Chinese interface -------------------------------------------------------
if [ -f "$TOP_SRCDIR/po/zh_CN.gmo" ] && locale -a 2>/dev/null | grep -qi '^zh_CN.utf-\?8$'; then
	mkdir -p "$tmp/locale/zh_CN/LC_MESSAGES"
	cp "$TOP_SRCDIR/po/zh_CN.gmo" "$tmp/locale/zh_CN/LC_MESSAGES/zongjie.mo"
	LOCALE=zh_CN.UTF-8 start "$tmp/a.txt"
	ok "zh_CN: part names in Chinese" wait_for "工作成效 · "
	ok "zh_CN: status line in Chinese" wait_for "剩余空位：3"
	keys F1
	ok "zh_CN: help in Chinese" wait_for "下一处、上一处空位"
	keys q
	keys End; keys "改"
	keys C-q
	ok "zh_CN: the quit question in Chinese" wait_for "保存修改吗？(y/n/Esc)"
	keys n
	ok "zh_CN: n works" stopped
else
	for t in "part names" "status line" help "quit question" "n works"; do
		skip "zh_CN: $t" "no zh_CN.UTF-8 locale or catalogue"
	done
fi
done_testing
