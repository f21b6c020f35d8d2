#!/bin/sh
# A closed terminal right after typing (issue 9, item 1): the editor runs
# under a shell, so the terminal's end of input and the SIGHUP reach it in
# either order; every record must be in the journal exactly once.  Typing,
# then a Backspace: a doubled insert shows twice, a doubled delete eats a
# character that was on disk.  SIGHUP_RUNS runs in a row (20 by default).
. "$TOP_SRCDIR/tests/lib/tap.sh"
if ! command -v tmux >/dev/null 2>&1; then
	skip "SIGHUP in tmux" "tmux not installed"
	done_testing
	exit 0
fi
. "$TOP_SRCDIR/tests/lib/tmux.sh"

printf '东湖社区2025年工作总结\n一、工作成效\n开展活动12场次。\n' >"$tmp/orig.txt"
printf '甲乙东湖社区2025年工作总结\n一、工作成效\n开展活动12场次。\n' >"$tmp/want.txt"
runs=${SIGHUP_RUNS:-20}
exact=0
run=0
while [ $run -lt "$runs" ]; do
	run=$((run + 1))
	cp "$tmp/orig.txt" "$tmp/doc.txt"
	rm -rf "$tmp/state"
	T kill-session -t ed 2>/dev/null
	T new-session -d -s ed -x 100 -y 30 \
		"sh -c 'env LC_ALL=C.UTF-8 TERM=screen XDG_STATE_HOME=\"$tmp/state\" \"$ZONGJIE\" \"$tmp/doc.txt\"; true'"
	wait_for "gaps left" >/dev/null
	T send-keys -t ed "甲乙丙" BSpace
	T kill-session -t ed
	sleep 0.4
	start "$tmp/doc.txt"
	if wait_for "Recover unsaved changes" >/dev/null; then
		keys y
		wait_for "recovered" >/dev/null
		keys C-s
		wait_for saved >/dev/null
		keys C-q
	fi
	if cmp -s "$tmp/doc.txt" "$tmp/want.txt"; then
		exact=$((exact + 1))
	else
		diag "run $run: recovered as: $(head -n 1 "$tmp/doc.txt")"
	fi
done
ok "closed terminal right after typing: $exact of $runs recoveries exact" [ "$exact" -eq "$runs" ]
done_testing
