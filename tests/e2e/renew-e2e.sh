#!/bin/sh
# The editor's renew command: last year's summary (GB18030, CRLF) opened,
# Ctrl-R (named in the F1 help) puts next year's draft in a new buffer, a
# hinted gap is filled with F5 and typing, the draft saved under a new
# name in last year's format; last year's file untouched.
. "$TOP_SRCDIR/tests/lib/tap.sh"
if ! command -v tmux >/dev/null 2>&1; then
	skip "renew in the editor" "tmux not installed"
	done_testing
	exit 0
fi
. "$TOP_SRCDIR/tests/lib/tmux.sh"
no_text() { ! screen | grep -q -- "$1"; }

printf '东湖社区2024年工作总结暨2025年工作计划\n一、2024年工作成效\n全年开展活动326场次，满意率98.5%%。\n二、存在问题\n场地偏小。\n三、2025年工作计划\n（一）增设活动室\n（二）培育志愿队伍\n' |
	iconv -f utf-8 -t gb18030 | sed 's/$/\r/' >"$tmp/last.txt"
cp "$tmp/last.txt" "$tmp/last.orig"
start "$tmp/last.txt"
ok "last year's summary opens" wait_for "gaps left: 0"
keys F1
ok "F1 help names the renew key" wait_for "Ctrl-R .*renew"
keys Escape
keys C-r
ok "Ctrl-R: next year's draft" wait_for "东湖社区2025年工作总结暨2026年工作计划"
ok "the draft says what is left" wait_for "2 figures and 2 plan items to update"
keys Home
ok "two figures, two plan items and a review prompt are gaps" wait_for "gaps left: 5"
ok "last year's plan listed" wait_for "【上年计划：（一）增设活动室】"
keys F5; keys F5; keys F5
keys 341
ok "F5 and typing replace a hinted gap" wait_for "全年开展活动341场次，满意率【上年：98.5%】。"
ok "one gap fewer" wait_for "gaps left: 4"
keys C-s
ok "the draft has no file yet: Save as" wait_for "Save as:"
keys "$tmp/last.txt" Enter
ok "last year's name: asks before overwriting" wait_for "That file exists. Overwrite it? (y/n)"
keys n
ok "n: last year's file untouched" cmp -s "$tmp/last.txt" "$tmp/last.orig"
keys C-s
wait_for "Save as:" >/dev/null
keys "$tmp/draft.txt" Enter
ok "saved under the new name" wait_for "saved"
printf '东湖社区2025年工作总结暨2026年工作计划\n一、2025年工作成效\n【上年计划：（一）增设活动室】\n【上年计划：（二）培育志愿队伍】\n全年开展活动341场次，满意率【上年：98.5%%】。\n二、存在问题\n【请逐条核对上年的问题：已解决的写明成效后删去，仍存在的写明新情况】\n场地偏小。\n三、2026年工作计划\n（一）增设活动室\n（二）培育志愿队伍\n' |
	iconv -f utf-8 -t gb18030 | sed 's/$/\r/' >"$tmp/draft.want"
ok "the draft is saved in last year's encoding and line endings" cmp -s "$tmp/draft.txt" "$tmp/draft.want"
ok "last year's file is untouched" cmp -s "$tmp/last.txt" "$tmp/last.orig"
# a changed summary asks before it is replaced by its draft
keys End; keys "改"
keys C-r
ok "unsaved changes: asks first" wait_for "Save changes before renewing? (y/n/Esc)"
keys Escape
ok "Esc keeps the document" wait_for "draft.txt \[+\]"
keys C-q; keys n
ok "quits" stopped

# the draft is unsaved until saved: n keeps the typing in the draft, and
# quitting asks (it quit at once and lost the typing)
start "$tmp/draft.txt"
wait_for "gaps left" >/dev/null
keys End; keys "亲手写的"
keys C-r
wait_for "Save changes before renewing" >/dev/null
keys n
ok "n: the draft carries the typing" wait_for "亲手写的"
ok "  and is marked unsaved" wait_for "\[new\] \[+\]"
keys C-q
ok "  quitting asks" wait_for "Save changes? (y/n/Esc)"
keys Escape
keys C-q; keys n
ok "  n quits" stopped
# ... and the summary it was made from keeps that typing for recovery (n
# dropped it: the file never had it and its journal was deleted)
start "$tmp/draft.txt"
ok "the summary renewed without saving offers its changes back" wait_for "Recover"
keys y
ok "  with the typing" wait_for "亲手写的"
keys C-q; keys n
stopped >/dev/null
# with one article chosen, Ctrl-R renews that article alone
{ printf '甲社区2024年工作总结\n一、工作成效\n开展活动12场次。\n\n'; printf '乙社区2024年工作总结\n一、工作成效\n开展活动30场次。\n'; } >"$tmp/two.txt"
start "$tmp/two.txt"
wait_for "a  all articles" >/dev/null
keys 2
keys C-r
ok "an article chosen: its draft" wait_for "乙社区2025年工作总结"
ok "  and that article alone" no_text "甲社区"
keys C-q; keys n
done_testing
