# TAP helpers for the shell tests: source this file.
tap_n=0
tap_failed=0
ok() {      # ok DESCRIPTION COMMAND...
	desc=$1; shift
	tap_n=$((tap_n + 1))
	if "$@"; then
		echo "ok $tap_n - $desc"
	else
		echo "not ok $tap_n - $desc"
		tap_failed=$((tap_failed + 1))
	fi
}
skip() {    # skip DESCRIPTION REASON
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1 # SKIP $2"
}
diag() {
	printf '# %s\n' "$@"
}
# tap_before_plan: a command a helper file runs as the last test
done_testing() {
	[ -z "${tap_before_plan:-}" ] || eval "$tap_before_plan"
	echo "1..$tap_n"
}
