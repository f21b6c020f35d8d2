#!/bin/sh
# Prints the tree of the README's Layout section with the lines of code of
# each folder (C, headers and shell; data, prose and YAML left out, no count
# shown for folders of those), so the
# section can be brought up to date: sh tests/lib/layout.sh [TOP_SRCDIR].
top=${1:-${TOP_SRCDIR:-$(dirname "$0")/../..}}
cd "$top" || exit 2

# lines FOLDER DEPTH: lines of the .c, .h and .sh files in FOLDER, DEPTH
# levels down (1: the folder itself only).
lines() {
	find "$1" -maxdepth "$2" -type f \( -name '*.[ch]' -o -name '*.sh' \) \
		-exec cat {} + 2>/dev/null | wc -l
}

row() { # row NAME LINES DESCRIPTION
	printf '    %-19s %6s  %s\n' "$1" "$2" "$3"
}

row src/core/ "$(lines src/core 1)" "libzongjie: no curses, no printing, no exit"
row "  rules/" "$(lines src/core/rules 1)" "one file per family of checker rules; table.c lists them"
row src/cli/ "$(lines src/cli 1)" "the commands: cli.c (options, errors, output, JSON), cmd_*.c"
row src/ui/ "$(lines src/ui 1)" "the ncursesw editor: ui.c (loop), draw.c, keys.c (key table),"
row "" "" "prompt.c, findings.c, commands.c, files.c (save, export), start.c"
row src/main.c "$(wc -l <src/main.c)" "the entry: a table of commands, else the editor"
row include/zongjie/ "$(lines include/zongjie 1)" "one header per core module, its contract"
for t in unit cli e2e hostile fuzz lib; do
	case $t in
	unit) d="Check unit tests of the core" ;;
	cli) d="the commands, driven through \$ZONGJIE (TAP)" ;;
	e2e) d="the editor in tmux" ;;
	hostile) d="bad input never crashes" ;;
	fuzz) d="libFuzzer targets (make fuzz)" ;;
	lib) d="TAP and tmux helpers; layering, size limits, catalogue" ;;
	esac
	row "tests/$t/" "$(lines tests/$t 2)" "$d"
done
row bench/ "$(cat bench/* | wc -l)" "benchmarks that print figures"
row skeletons/ "" "YAML skeletons and their README"
row data/ "" "proofreading tables and OpenCC configurations"
row po/ "" "gettext catalogue (zongjie.pot, zh_CN.po)"
row man/ "" "zongjie.1"
echo
echo '    Arrows point down only: src/ui → src/core, src/cli → src/core;'
echo '    never core → cli or ui, never ui ↔ cli.  Only src/main.c sees both'
echo '    front ends (tests/lib/layering.sh checks the includes).'
