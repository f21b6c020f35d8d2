#!/bin/sh
# The layers of the tree (README, Layout): arrows point down only.
#   src/core  includes no curses, no cli and no ui header
#   src/cli   includes no ui header and no curses
#   src/ui    includes no cli header
# Only src/main.c, the program's entry, sees both front ends.
. "$TOP_SRCDIR/tests/lib/tap.sh"
src=$TOP_SRCDIR/src

# offenders PATTERN FILES...: prints the files that include a header
# matching PATTERN, by any path ("cli/cli.h" and "../cli/cli.h" alike),
# and fails when there are any.
offenders() {
	pattern=$1; shift
	hits=$(grep -l -E "#[[:space:]]*include[[:space:]]*[<\"]([^>\"]*/)?($pattern)" "$@" 2>/dev/null)
	[ -z "$hits" ] || { printf '# %s\n' $hits; return 1; }
}
core_files=$(find "$src/core" "$TOP_SRCDIR/include" -name '*.[ch]')
cli_files=$(find "$src/cli" -name '*.[ch]')
ui_files=$(find "$src/ui" -name '*.[ch]')

ok "core includes no curses header" \
	offenders 'n?curses|ncursesw/|term\.h' $core_files
ok "core includes no cli or ui header" \
	offenders 'cli/|ui/|cli\.h|ui\.h' $core_files
ok "cli includes no ui or curses header" \
	offenders 'ui/|ui\.h|n?curses|ncursesw/|term\.h' $cli_files
ok "ui includes no cli header" \
	offenders 'cli/|cli\.h|cmd_' $ui_files
ok "core calls no front-end function" \
	offenders 'zongjie/(cli|ui)' $core_files
done_testing
