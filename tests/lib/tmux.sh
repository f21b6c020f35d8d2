# Helpers of the tmux end-to-end tests: source after tests/tap.sh.
# Each test file gets its own tmux server, files under $tmp, and an editor
# session "ed" started with start FILE.
tmp=$(mktemp -d)
sock=zongjie-test-$$
T() { tmux -L "$sock" "$@"; }
trap 'T kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
# Under the sanitizers the editor's reports go to files, checked as the
# last test: a report drawn over the screen alone could pass unseen.
if [ "${ZONGJIE_SANITIZED:-no}" = yes ]; then
	ASAN_OPTIONS="${ASAN_OPTIONS:-}:log_path=$tmp/sanitizer"
	UBSAN_OPTIONS="${UBSAN_OPTIONS:-}:log_path=$tmp/sanitizer"
	export ASAN_OPTIONS UBSAN_OPTIONS
	no_sanitizer_report() {
		set -- "$tmp"/sanitizer.*
		[ -e "$1" ] || return 0
		cat "$@" | head -n 40 | sed 's/^/# /'
		return 1
	}
	tap_before_plan='ok "no sanitizer report from the editor" no_sanitizer_report'
fi
# a session that outlives the others, so the server never exits between
# two editor sessions
T new-session -d -s keep -x 100 -y 30 "sleep 600"

# start FILE: runs the editor on FILE in a 100x30 session; its pid goes
# to $tmp/pid so the tests can tell whether it still runs.  $LOCALE picks
# the locale (C.UTF-8 by default).
start() {
	T kill-session -t ed 2>/dev/null
	rm -f "$tmp/pid"
	T new-session -d -s ed -x 100 -y 30 \
		"sh -c 'echo \$\$ >\"$tmp/pid\"; exec env LC_ALL=${LOCALE:-C.UTF-8} ZONGJIE_LOCALEDIR=\"$tmp/locale\" TERM=screen XDG_DATA_HOME=\"$tmp/data\" XDG_STATE_HOME=\"$tmp/state\" \"$ZONGJIE\" \"$1\"'; sleep 30"
}
screen() { T capture-pane -p -t ed; }
# wait_for TEXT: until the screen shows TEXT (5 seconds at most)
wait_for() {
	i=0
	while [ $i -lt 50 ]; do
		screen | grep -q -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	screen | sed 's/^/# /'
	return 1
}
keys() { T send-keys -t ed "$@"; sleep 0.15; }
running() { [ -s "$tmp/pid" ] && kill -0 "$(cat "$tmp/pid")" 2>/dev/null; }
stopped() { sleep 0.3; ! running; }

