#!/bin/sh
# The size limits of the project's rules (TEAM.md, README): no source file
# over 800 lines, no function over 80, tables (static initialisers) aside.
#
# A function is what runs from a line holding only "{" (the project puts a
# function's opening brace on a line of its own) to the next line holding
# only "}"; its length counts from the line of its name to that brace.
# Usage: limits.sh [FOLDER...]; with none, all of src/.
. "$TOP_SRCDIR/tests/lib/tap.sh"
MAX_FILE=800
MAX_FUNCTION=80

if [ $# -gt 0 ]; then
	files=$(find "$@" -name '*.[ch]' | sort)
else
	files=$(find "$TOP_SRCDIR/src" -name '*.[ch]' | sort)
fi

# long_files FILES...: prints the files over MAX_FILE lines.
long_files() {
	hits=$(wc -l "$@" | awk -v max=$MAX_FILE '$2 != "total" && $1 > max { print $2 ": " $1 " lines" }')
	[ -z "$hits" ] || { printf '%s\n' "$hits" | sed -e "s|^$TOP_SRCDIR/||" -e 's/^/# /'; return 1; }
}

# long_functions FILES...: prints the functions over MAX_FUNCTION lines.
long_functions() {
	hits=$(awk -v max=$MAX_FUNCTION '
		FNR == 1 { start = 0 }
		/^[A-Za-z_].*\(/ { name = $0; name_line = FNR }
		/^\{$/ { start = name_line ? name_line : FNR }
		/^\}$/ && start {
			n = FNR - start + 1
			if (n > max) {
				sub(/\(.*/, "", name); sub(/.*[ *]/, "", name)
				print FILENAME ": " name "() " n " lines"
			}
			start = 0; name_line = 0
		}' "$@")
	[ -z "$hits" ] || { printf '%s\n' "$hits" | sed -e "s|^$TOP_SRCDIR/||" -e 's/^/# /'; return 1; }
}

ok "no source file over $MAX_FILE lines" long_files $files
ok "no function over $MAX_FUNCTION lines" long_functions $files
done_testing
