#!/bin/sh
# The core must build and be tested without a terminal: no curses in it.
. "$TOP_SRCDIR/tests/tap.sh"
no_curses() {
	! grep -l -E '#include *<(n?curses|ncursesw/|term\.h)' \
		"$TOP_SRCDIR"/src/*.c "$TOP_SRCDIR"/src/*.h "$TOP_SRCDIR"/include/zongjie/*.h
}
ok "core sources include no curses header" no_curses
done_testing
