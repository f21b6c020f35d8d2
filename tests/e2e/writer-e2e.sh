#!/bin/sh
# End-to-end tests of what a writer does in a day (issue 11): text that
# arrives in one piece, screens that must not lie, prompts edited in place,
# replace-all and F7 that keep the writer's place, the year asked at start.
. "$TOP_SRCDIR/tests/lib/tap.sh"
if ! command -v tmux >/dev/null 2>&1; then
	skip "editor in tmux" "tmux not installed"
	done_testing
	exit 0
fi
. "$TOP_SRCDIR/tests/lib/tmux.sh"

# the status line of the screen, and the terminal cursor
status() { screen | sed -n 30p; }
cursor() { T display -p -t ed '#{cursor_x},#{cursor_y}'; }
# row (0-based) of the first screen line holding TEXT
# wait_buffer TEXT: until tmux's newest paste buffer is TEXT (2 seconds)
wait_buffer() {
	i=0
	while [ $i -lt 20 ]; do
		[ "$(T show-buffer 2>/dev/null)" = "$1" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	T list-buffers | sed 's/^/# /'
	return 1
}
row_of() { screen | grep -n -- "$1" | head -n 1 | cut -d: -f1 | awk '{ print $1 - 1 }'; }

gaps='社区工作总结
一、工作成效
开展活动xx场次，参与xx人次。
二、存在问题
经费缺口xx万元。
三、工作计划
再接再厉。
'

# ---- 3. several characters at once into a number gap --------------------
printf '%s' "$gaps" >"$tmp/burst.txt"
start "$tmp/burst.txt"
wait_for "gaps left: 3" >/dev/null
keys F5
T send-keys -t ed "很多"
ok "a word typed at once into a number gap: the question is drawn" \
	wait_for "This gap wants a number"
keys y
ok "y keeps all of the word" wait_for "开展活动很多场次"
T kill-session -t ed

# ---- 3. bracketed paste: one insertion, one undo step -------------------
printf '%s' "$gaps" >"$tmp/paste.txt"
start "$tmp/paste.txt"
wait_for "gaps left: 3" >/dev/null
keys C-End
printf '甲乙\n丙丁' | T load-buffer -
T paste-buffer -p -t ed
ok "a paste arrives as text, its line break kept" wait_for "^ 丙丁"
ok "the pasted lines are in the text" wait_for "^ 甲乙"
keys C-z
ok "one undo takes the whole paste away" sh -c "! tmux -L '$sock' capture-pane -p -t ed | grep -q '甲乙\|丙丁'"
ok "and the file is as it was" wait_for "paste.txt  "
T kill-session -t ed

# ---- 4. heading rows after gap jumps, typing and undo -------------------
printf '%s' "$gaps" >"$tmp/head.txt"
start "$tmp/head.txt"
wait_for "gaps left: 3" >/dev/null
keys F5; keys 123; keys F5; keys F5; keys C-z
wait_for "head.txt  " >/dev/null
ok "the heading row of a pane is whole after undo" wait_for "^ 二、存在问题"
ok "no broken character on the screen" sh -c "! tmux -L '$sock' capture-pane -p -t ed | grep -q '�'"
keys S-Tab; keys F5; keys 45; keys Tab; keys C-z; keys C-z
ok "still whole after more jumps and undos" wait_for "^ 三、工作计划"
ok "and no broken character" sh -c "! tmux -L '$sock' capture-pane -p -t ed | grep -q '�'"
T kill-session -t ed

# ---- 5. the empty last line ----------------------------------------------
printf '%s' "$gaps" >"$tmp/last.txt"
start "$tmp/last.txt"
wait_for "gaps left: 3" >/dev/null
keys C-End
ok "Ctrl-End: the status line says the last, empty line" wait_for "last.txt  8:1"
want=$(( $(row_of "^ 再接再厉。") + 1 ))
ok "the cursor is on the row after the last text, not on the status bar" \
	[ "$(cursor)" = "1,$want" ]
keys X
ok "what is typed there shows on that row" [ "$(row_of '^ X$')" = "$want" ]
T kill-session -t ed

# ---- 6. keys on the too-small screen ---------------------------------------
printf '%s' "$gaps" >"$tmp/small.txt"
cp "$tmp/small.txt" "$tmp/small.orig"
start "$tmp/small.txt"
wait_for "gaps left: 3" >/dev/null
T resize-window -t ed -x 30 -y 8 2>/dev/null || T resize-pane -t ed -x 30 -y 8
ok "the small screen names the minimum size" wait_for "40×12"
keys Q; keys W; keys Enter; keys BSpace
T resize-window -t ed -x 100 -y 30 2>/dev/null || T resize-pane -t ed -x 100 -y 30
ok "back to full size" wait_for "gaps left: 3"
ok "keys typed on the small screen did not reach the text" sh -c "! tmux -L '$sock' capture-pane -p -t ed | grep -q 'QW\|\[+\]'"
T resize-window -t ed -x 30 -y 8 2>/dev/null || T resize-pane -t ed -x 30 -y 8
wait_for "40×12" >/dev/null
keys C-q
ok "Ctrl-Q still quits there" stopped
ok "the file is untouched" cmp -s "$tmp/small.txt" "$tmp/small.orig"
# a question open when the screen shrinks is not answered by keys it hides
start "$tmp/small.txt"
wait_for "gaps left: 3" >/dev/null
keys End; keys "改"
keys C-q
wait_for "Save changes?" >/dev/null
T resize-window -t ed -x 30 -y 8 2>/dev/null || T resize-pane -t ed -x 30 -y 8
wait_for "40×12" >/dev/null
keys n
ok "an n on the small screen does not answer the quit question" running
T resize-window -t ed -x 100 -y 30 2>/dev/null || T resize-pane -t ed -x 100 -y 30
ok "  the question is back at full size" wait_for "Save changes?"
keys Escape
ok "  and is still answered there" sh -c "sleep 0.3; tmux -L '$sock' capture-pane -p -t ed | grep -q 'small.txt \[+\]'"
keys C-q; keys n
ok "  n then quits" stopped
T kill-server 2>/dev/null
T new-session -d -s keep -x 100 -y 30 "sleep 600"

# ---- 7. prompts: the cursor is in the prompt, which is edited in place -----
printf '%s' "$gaps" >"$tmp/prompt.txt"
start "$tmp/prompt.txt"
wait_for "gaps left: 3" >/dev/null
keys C-f
keys "在问题"
ok "the terminal cursor is at the end of the prompt" [ "$(cursor)" = "12,29" ]
keys Home
ok "Home puts it after the prompt's words" [ "$(cursor)" = "6,29" ]
keys "存"
ok "typing at Home inserts there" wait_for "Find: 存在问题"
keys End; keys BSpace
ok "End and Backspace" wait_for "Find: 存在问  "
keys Left; keys DC
ok "Left and Delete" wait_for "Find: 存在  "
ok "the cursor follows the edits" [ "$(cursor)" = "10,29" ]
keys Right; keys Enter
ok "the edited text is what is found" wait_for "prompt.txt  4:5"
T kill-session -t ed

# ---- 8. replace-all keeps the cursor --------------------------------------
printf '青禾街道工作总结\n一、工作成效\n街道开展活动。街道参与。\n二、存在问题\n人手不足。\n' >"$tmp/repl.txt"
start "$tmp/repl.txt"
wait_for "gaps left" >/dev/null
keys C-Home; keys Down; keys Down; keys End
wait_for "repl.txt  3:13" >/dev/null
keys F4; keys "街道"; keys Enter; keys "镇"; keys Enter
ok "replace asks at the first match" wait_for "Replace this one? (y/n/a: all/q)"
keys a
ok "a replaces all" wait_for "3 replaced"
ok "the cursor stayed at the end of its line" wait_for "repl.txt \[+\]  3:11"
keys C-z
ok "undo brings the cursor back where it was" wait_for "repl.txt  3:13"
keys F4; keys "街道"; keys Enter; keys "乡"; keys Enter
keys y
ok "y replaces one and asks at the next" wait_for "Replace this one?"
keys n; keys q
ok "n skips one, q stops" wait_for "1 replaced"
ok "the one replaced is the next after the cursor, round the end" wait_for "^ 青禾乡工作总结"
ok "the ones skipped stay" wait_for "^ 街道开展活动。街道参与。"
T kill-session -t ed

# ---- 9. F7 fills only the same number in the same words -------------------
printf '总结\n一、工作成效\n完成xx，达到xx，完成xx，\n二、存在问题\n完成xx，达成xx。\n' >"$tmp/fill.txt"
cp "$tmp/fill.txt" "$tmp/fill.orig"
start "$tmp/fill.txt"
wait_for "gaps left: 5" >/dev/null
keys F5; keys F7; keys 12; keys Enter
ok "F7 filled the gaps with the same words around them" wait_for "完成12，达到xx，完成12，"
ok "and the one in the next part" wait_for "^ 完成12，达成xx。"
ok "it says how many and where" wait_for "3 gaps filled (lines 3, 3, 5)"
keys C-z
ok "one undo brings every gap back" wait_for "gaps left: 5"
keys C-s
wait_for "saved" >/dev/null
ok "the file is the original again" cmp -s "$tmp/fill.txt" "$tmp/fill.orig"
T kill-session -t ed

# ---- 10. the year asked when started with no file ---------------------------
T new-session -d -s ed -x 100 -y 30 \
	"cd '$tmp' && env LC_ALL=C.UTF-8 TERM=screen XDG_DATA_HOME='$tmp/data' XDG_STATE_HOME='$tmp/state' '$ZONGJIE'; sleep 30"
ok "no file: a skeleton is chosen first" wait_for "choose a skeleton"
ok "the annual one is offered first" wait_for "annual .*单位年度工作总结"
keys Enter
ok "then its variables are asked" wait_for "单位名称"
keys "青禾街道"; keys Enter
wait_for "总结年度" >/dev/null
keys 25; keys Enter
ok "a two-figure year is refused with a message" wait_for "must be a year such as 2025, not '25'"
keys "２０２５年"; keys Enter
ok "full-width figures and 年 are a year" wait_for "青禾街道2025年工作总结暨2026年工作计划"
T kill-session -t ed
T new-session -d -s ed -x 100 -y 30 \
	"cd '$tmp' && env LC_ALL=C.UTF-8 TERM=screen XDG_DATA_HOME='$tmp/data' XDG_STATE_HOME='$tmp/state2' '$ZONGJIE'; sleep 30"
wait_for "choose a skeleton" >/dev/null
keys Enter
wait_for "单位名称" >/dev/null
keys Enter
wait_for "总结年度" >/dev/null
keys "2024年"; keys Enter
ok "2024年 is the year 2024" wait_for "【请填写单位名称】2024年工作总结暨2025年工作计划"
T kill-session -t ed

# ---- 11. several articles: choose one, and editing stays in it -------------
article() { # article UNIT: one summary with four gaps
	printf '%s2025年工作总结\n一、工作成效\n走访居民xx户，发放资金xx万元。\n二、存在问题\n完成xx，达到xx。\n三、工作计划\n再接再厉。\n\n' "$1"
}
{ article 东湖社区; article 西山街道; } >"$tmp/two.txt"
start "$tmp/two.txt"
ok "the chooser lists the articles" wait_for "2  西山街道2025年工作总结"
ok "and offers all of them" wait_for "a  all articles"
keys 2
ok "the status line names the article chosen" wait_for "《西山街道2025年工…》"
ok "the gap count is the article's" wait_for "gaps left: 4"
ok "the status line counts the article's characters" wait_for "》 45 chars"
keys C-Home
ok "Ctrl-Home goes to the article's start, not the file's" wait_for "two.txt  9:1 "
for i in 1 2 3 4 5 6; do keys F5; done
ok "gap jumps go round the article" wait_for "two.txt  11:15 "
keys C-f; keys "东湖"; keys Enter
ok "find stays in the article" wait_for "not found: 东湖"
keys C-t
ok "Ctrl-T opens the chooser again" wait_for "Esc: back"
keys Escape
ok "Esc goes back to the article" wait_for "《西山街道"
keys C-t; keys a
ok "a shows all articles again" wait_for "gaps left: 8"
T kill-session -t ed
i=1
while [ $i -le 14 ]; do article "单位$i"; i=$((i + 1)); done >"$tmp/many.txt"
start "$tmp/many.txt"
ok "the chooser of fourteen articles opens" wait_for "This file holds 14 articles"
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do keys Down; done
keys Enter
ok "it scrolls to the thirteenth" wait_for "《单位132025年工…》"
T kill-session -t ed
start "$tmp/two.txt"
wait_for "a  all articles" >/dev/null
keys Escape
ok "Esc in the chooser at the start quits" stopped

# ---- what nano and vim users reach for -------------------------------------
T kill-session -t ed 2>/dev/null
printf '青禾街道工作总结\n一、工作成效\n街道开展活动xx场次。街道参与。\n二、存在问题\n人手不足。\n三、工作计划\n再接再厉。\n' >"$tmp/nano.txt"
start "$tmp/nano.txt"
T set-option -s set-clipboard on
wait_for "gaps left" >/dev/null
ok "one gap: the pane says 1 gap, not 1 gaps" wait_for "achievements · [0-9]* chars · 1 gap "
keys C-g; keys 5; keys Enter
ok "Ctrl-G goes to a line" wait_for "nano.txt  5:1 "
keys C-g; keys 99; keys Enter
ok "a line past the end goes to the last" wait_for "nano.txt  8:1 "
keys C-g; keys "５"; keys Enter
ok "full-width digits are a line number too" wait_for "nano.txt  5:1 "
keys C-g; keys "x"; keys Enter
ok "a line that is not a number is said so" wait_for "no line x here"
keys C-Home
keys C-f; keys "街"
ok "find as you type: the first match is selected while typing" wait_for "Find: 街"
ok "  and the cursor is already on it" wait_for "Find: 街 .* 1:4$"
keys "道参"
ok "  and follows the words typed" wait_for "Find: 街道参 .* 3:15$"
keys Escape
ok "Esc goes back where the search started" wait_for "nano.txt  1:1 "
keys C-f; keys "街道"; keys Enter
ok "Ctrl-F finds" wait_for "nano.txt  1:5 "
keys C-k
ok "Ctrl-K finds the next" wait_for "nano.txt  3:3 "
keys C-b
ok "Ctrl-B finds the previous" wait_for "nano.txt  1:5 "
keys C-f
ok "Ctrl-F again starts from the last search" wait_for "Find: 街道"
keys Enter
ok "and Enter finds it again" wait_for "nano.txt  3:3 "
keys C-c
ok "Ctrl-C copies to the terminal's clipboard too (OSC 52)" wait_buffer "街道"
T resize-window -t ed -x 60 -y 14 2>/dev/null || T resize-pane -t ed -x 60 -y 14
keys F1
ok "help scrolls when the window is small" wait_for "Up/Down scroll"
for i in $(seq 20); do keys Down; done
ok "  down to its last line" wait_for "this help"
ok "  keys and what they do in two aligned columns" sh -c "tmux -L '$sock' capture-pane -p -t ed | grep -q '^ F1  *this help'"
keys q
T resize-window -t ed -x 100 -y 30 2>/dev/null || T resize-pane -t ed -x 100 -y 30
ok "back from help" wait_for "gaps left"
T kill-session -t ed
printf '总结\n一、工作成效\n开展活动,参与群众;效果好。\n' >"$tmp/punct.txt"
start "$tmp/punct.txt"
wait_for "gaps left" >/dev/null
keys F12
ok "F12 makes half-width punctuation full-width" wait_for "^ 开展活动，参与群众；效果好。"
ok "  and says how many" wait_for "2 half-width marks made full-width"
keys C-z
ok "  one undo brings them back" wait_for "^ 开展活动,参与群众;效果好。"
T kill-session -t ed
printf '总结\n一、工作成效\n开展活动xx场次,效果好。\n' >"$tmp/filter.txt"
start "$tmp/filter.txt"
wait_for "gaps left" >/dev/null
keys F3
ok "F3 lists errors and warnings" wait_for "^ *warning "
ok "  with the gap's own text" wait_for "「xx」"
keys e
ok "e keeps the errors only" sh -c "! tmux -L '$sock' capture-pane -p -t ed | grep -q '^ *warning '"
ok "  the error still there" wait_for "^ *error "
keys a
ok "a shows all again" wait_for "^ *warning "
keys Escape
T kill-session -t ed

# ---- F10 export anyway, Ctrl-O options, one article alone -----------------
printf '总结\n一、工作成效\n开展活动12场次。\n二、存在问题\n场地偏小。\n' >"$tmp/exp.txt"
start "$tmp/exp.txt"
wait_for "gaps left: 0" >/dev/null
keys C-e; keys "$tmp/exp-out.txt"; keys Enter
ok "Ctrl-E: export options" wait_for "encoding: utf-8"
keys Down; keys Enter
ok "  Enter on the indent changes it" wait_for "paragraph indent: two full-width spaces"
keys Down; keys Down; keys Enter
ok "  and on the encoding" wait_for "encoding: gb18030"
keys Down; keys Enter
ok "  and on the line endings" wait_for "line endings: CRLF"
keys Home; keys Enter
ok "  the first line exports" wait_for "exported to"
ok "  in GB18030 with CRLF and indented paragraphs" sh -c "printf '总结\r\n一、工作成效\r\n　　开展活动12场次。\r\n二、存在问题\r\n　　场地偏小。\r\n' | iconv -f UTF-8 -t GB18030 | cmp -s - '$tmp/exp-out.txt'"
keys F10; keys "$tmp/exp-again.txt"; keys Enter
ok "F10 then exports with the options chosen" wait_for "exported to .*exp-again"
ok "  (the same bytes)" cmp -s "$tmp/exp-out.txt" "$tmp/exp-again.txt"
cp "$tmp/exp.txt" "$tmp/exp.orig"
keys C-End; keys "再接再厉。"
keys C-o
ok "Ctrl-O: save as, offering the file's name" wait_for "Save as: .*exp.txt"
for i in 1 2 3 4; do keys BSpace; done
keys "copy.txt"; keys Enter
ok "  saved under the new name" wait_for "saved .*expcopy.txt"
ok "  with the edit" grep -q "再接再厉" "$tmp/expcopy.txt"
ok "  the old file untouched" cmp -s "$tmp/exp.txt" "$tmp/exp.orig"
ok "  the editor now on the new file" wait_for "expcopy.txt  "
T kill-session -t ed
{ article 东湖社区; article 西山街道; } | sed '1,/^$/s/xx/12/g' >"$tmp/half.txt"
start "$tmp/half.txt"
wait_for "a  all articles" >/dev/null
keys 1
keys F10
ok "an article chosen: F10 asks this one or all" wait_for "Export this article only"
keys y; keys "$tmp/east.txt"; keys Enter
ok "  this one, with no gap left, exports" wait_for "exported to"
ok "  and holds that article alone" sh -c "grep -q 东湖社区 '$tmp/east.txt' && ! grep -q 西山街道 '$tmp/east.txt'"
keys F10; keys n
ok "  all of them: the other's gaps refuse it" wait_for "Export refused: errors remain (4)"
keys Escape
ok "  and the writer is asked whether to export anyway" wait_for "Export anyway? (y/n)"
keys y; keys "$tmp/all.txt"; keys Enter
ok "  y exports all, as --force" sh -c "grep -q 东湖社区 '$tmp/all.txt' && grep -q 西山街道 '$tmp/all.txt'"
T kill-session -t ed
done_testing
