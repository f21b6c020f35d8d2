#!/bin/sh
# End-to-end test of proofreading in the editor: the suggestion under the
# cursor on the status line, F2 applies it, F1 documents it.
. "$TOP_SRCDIR/tests/lib/tap.sh"
if ! command -v tmux >/dev/null 2>&1; then
	skip "editor in tmux" "tmux not installed"
	done_testing
	exit 0
fi
. "$TOP_SRCDIR/tests/lib/tmux.sh"

printf '东湖社区工作总结\n一、工作成效\n我们再接再励，完成了任务。\n' >"$tmp/s.txt"
start "$tmp/s.txt"
wait_for "s.txt" >/dev/null
keys Down Down End
ok "no suggestion away from the finding" wait_for "s.txt  3:14"
if screen | grep -q "F2 applies"; then
	ok "nothing offered at the line end" false
else
	ok "nothing offered at the line end" true
fi
keys Home Right Right Right Right
ok "the suggestion shows on the status line" wait_for "再接再励 is miswritten: write 再接再厉  (F2 applies)"
keys F2
ok "F2 puts it in the text" wait_for "我们再接再厉，完成了任务。"
keys C-s
printf '东湖社区工作总结\n一、工作成效\n我们再接再厉，完成了任务。\n' >"$tmp/s.want"
ok "the saved file holds the right form" cmp -s "$tmp/s.txt" "$tmp/s.want"
keys C-z
ok "one undo takes it back" wait_for "我们再接再励，完成了任务。"
keys Home F2
ok "F2 away from a suggestion says so" wait_for "no suggestion at the cursor"
keys F1
ok "F1 help documents F2" wait_for "F2 .*apply the suggestion"
keys Escape
keys C-q n
ok "quits" stopped
done_testing
