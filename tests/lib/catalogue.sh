#!/bin/sh
# The Chinese interface is complete: every source file with translatable
# strings is listed in po/POTFILES.in, and po/zh_CN.po translates every
# string those files hold (a file left out of the list, or a string added
# without its entry, shows up in English to a Chinese reader).
. "$TOP_SRCDIR/tests/lib/tap.sh"
cd "$TOP_SRCDIR" || exit 1
if ! command -v xgettext >/dev/null 2>&1 || ! command -v msgcmp >/dev/null 2>&1; then
	skip "every file with strings in POTFILES.in" "gettext tools not installed"
	skip "zh_CN translates every string" "gettext tools not installed"
	done_testing
	exit 0
fi

unlisted() {
	hits=$(find src -name '*.c' | sort | while read -r f; do
		grep -q -E '(^|[^A-Za-z_])(N?_|ngettext)\(' "$f" && ! grep -qx "$f" po/POTFILES.in && echo "$f"
	done)
	[ -z "$hits" ] || { printf '# not in po/POTFILES.in: %s\n' $hits; return 1; }
}
ok "every file with strings is in po/POTFILES.in" unlisted

pot=$(mktemp)
trap 'rm -f "$pot"' EXIT
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=ngettext:1,2 \
	-f po/POTFILES.in -o "$pot" 2>/dev/null
untranslated() {
	out=$(msgcmp po/zh_CN.po "$pot" 2>&1)
	[ -z "$out" ] || { printf '%s\n' "$out" | head -n 20 | sed 's/^/# /'; return 1; }
}
ok "po/zh_CN.po translates every string of the sources" untranslated
done_testing
