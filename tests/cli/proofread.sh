#!/bin/sh
# Proofreading rules (miswritten, usage, traditional-char, repeated-char):
# accuracy on the correct and planted sentence sets (the figures are
# printed), no false alarm on the corpus and the skeletons, --fix, the
# user's file and the JSON suggestion.
. "$TOP_SRCDIR/tests/lib/tap.sh"
data=$TOP_SRCDIR/tests/data/proofread
rules=miswritten,usage,traditional-char,repeated-char
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME="$tmp/config"

# ---- correct sentences: no finding at all ----
grep -v '^#' "$data/correct.txt" >"$tmp/correct.txt"
"$ZONGJIE" check --only $rules --format=json "$tmp/correct.txt" >"$tmp/correct.json" 2>"$tmp/err"
figures=$(python3 - "$tmp/correct.txt" "$tmp/correct.json" <<'PY'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
found = json.load(open(sys.argv[2]))["files"][0]["findings"]
flagged = sorted({f["line"] for f in found})
for f in found:
    print("# false alarm: line %d: %s [%s]" % (f["line"], f["message"], f["rule"]))
print("%d %d" % (len(lines), len(flagged)))
PY
)
echo "$figures" | grep '^#'
set -- $(echo "$figures" | tail -n 1)
diag "correct sentences: $1, with a finding: $2"
ok "at least 200 correct sentences" test "$1" -ge 200
ok "no finding on the correct sentences" test "$2" -eq 0
ok "no notice about the tables" test ! -s "$tmp/err"

# ---- planted errors: found with the right suggestion ----
grep -v '^#' "$data/planted.txt" | cut -f 3 >"$tmp/planted.txt"
grep -v '^#' "$data/planted.txt" | cut -f 1,2 >"$tmp/expected.txt"
"$ZONGJIE" check --only $rules --format=json "$tmp/planted.txt" >"$tmp/planted.json" 2>/dev/null
figures=$(python3 - "$tmp/expected.txt" "$tmp/planted.json" <<'PY'
import json, sys
expected = [l.split("\t") for l in open(sys.argv[1], encoding="utf-8").read().splitlines()]
found = json.load(open(sys.argv[2]))["files"][0]["findings"]
by_line = {}
for f in found:
    by_line.setdefault(f["line"], []).append(f)
hits = 0
for n, (wrong, right) in enumerate(expected, 1):
    if any(f["text"] == wrong and f.get("suggestion") == right for f in by_line.get(n, [])):
        hits += 1
    else:
        print("# missed: line %d: %s -> %s" % (n, wrong, right))
print("%d %d" % (len(expected), hits))
PY
)
echo "$figures" | grep '^#'
set -- $(echo "$figures" | tail -n 1)
diag "planted errors: $1, found with the right suggestion: $2 ($(awk -v h="$2" -v n="$1" 'BEGIN{printf "%.1f", 100*h/n}')%)"
ok "at least 200 planted errors" test "$1" -ge 200
ok "at least 90% of the planted errors found" test $(($2 * 10)) -ge $(($1 * 9))

# ---- no false alarm on the corpus and the skeletons ----
corpus=$TOP_SRCDIR/../shared/corpus
if [ -d "$corpus" ]; then
	for f in "$corpus"/*.txt; do
		"$ZONGJIE" check --only $rules --format=json "$f" 2>/dev/null
	done >"$tmp/corpus.json"
	unreviewed=$(python3 - "$data/corpus-reviewed.txt" "$tmp/corpus.json" <<'PY'
import json, os, sys
reviewed = set()
for l in open(sys.argv[1], encoding="utf-8"):
    if l.strip() and not l.startswith("#"):
        reviewed.add(tuple(l.split()))
total = bad = 0
dec = json.JSONDecoder()
text = open(sys.argv[2], encoding="utf-8").read()
i = 0
while i < len(text):
    if text[i].isspace():
        i += 1
        continue
    obj, i = dec.raw_decode(text, i)
    for fl in obj["files"]:
        name = os.path.basename(fl["path"])
        for f in fl["findings"]:
            total += 1
            if (name, f["rule"], f["text"]) not in reviewed:
                bad += 1
                print("# false alarm: %s:%d:%d: %s [%s]" % (name, f["line"], f["col"], f["message"], f["rule"]))
print("%d %d" % (total, bad))
PY
)
	echo "$unreviewed" | grep '^#'
	set -- $(echo "$unreviewed" | tail -n 1)
	diag "corpus: $1 findings, all real errors but $2"
	ok "no false alarm on the corpus" test "$2" -eq 0
else
	skip "no false alarm on the corpus" "no ../shared/corpus"
fi
"$ZONGJIE" check --only $rules "$TOP_SRCDIR"/skeletons/*.yaml "$TOP_SRCDIR"/tests/data/*.txt \
	"$TOP_SRCDIR"/tests/data/accuracy >"$tmp/sk.out" 2>&1
ok "no finding on the skeletons and the test texts" test ! -s "$tmp/sk.out"

# ---- each rule, with its suggestion in JSON ----
printf '我们们再接再励，截止目前其它工作已完成1-5月的任务，这項工作很重要。\n' >"$tmp/mixed.txt"
"$ZONGJIE" check --format=json "$tmp/mixed.txt" >"$tmp/mixed.json" 2>/dev/null
has() { grep -q "$1" "$tmp/mixed.json"; }
ok "miswritten with its suggestion" has '"rule": "miswritten", "severity": "warning", "text": "再接再励", "message": "[^"]*", "suggestion": "再接再厉"'
ok "usage 截止目前 is a warning" has '"rule": "usage", "severity": "warning", "text": "截止目前"'
ok "usage 其它 is a note" has '"rule": "usage", "severity": "info", "text": "其它".*"suggestion": "其他"'
ok "usage range 1-5月" has '"rule": "usage", "severity": "info", "text": "-", .*"suggestion": "—"'
ok "traditional-char with the simplified form" has '"rule": "traditional-char", "severity": "warning", "text": "項", .*"suggestion": "项"'
ok "repeated-char with the single form" has '"rule": "repeated-char", "severity": "warning", "text": "们们", .*"suggestion": "们"'
"$ZONGJIE" check --only repeated-char,traditional-char --format=json "$tmp/mixed.txt" >"$tmp/two.json" 2>/dev/null
ok "--only leaves the other proofreading rules out" sh -c "! grep -q '\"miswritten\"\\|\"usage\"' '$tmp/two.json'"

printf '這份報告對我們很重要，請大家認真閱讀。\n' >"$tmp/trad.txt"
"$ZONGJIE" check --only traditional-char "$tmp/trad.txt" >"$tmp/trad.out" 2>&1
ok "a text wholly in traditional characters gets no finding" test ! -s "$tmp/trad.out"

# ---- --fix=miswritten,traditional-char saves those fixes only ----
printf '我们们再接再励，其它工作這样推进。\r\n' >"$tmp/fix.txt"
chmod 640 "$tmp/fix.txt"
"$ZONGJIE" check --fix=miswritten,traditional-char "$tmp/fix.txt" >/dev/null 2>"$tmp/fix.err"
ok "--fix applies the two rules' suggestions" test "$(cat "$tmp/fix.txt")" = "$(printf '我们们再接再厉，其它工作这样推进。\r')"
ok "--fix says how many" grep -q '2 fixes applied' "$tmp/fix.err"
ok "--fix keeps the file's mode" test "$(stat -c %a "$tmp/fix.txt")" = 640
# one run fixes what an earlier fix makes certain: the ; after a bracket
# made full-width (it took two runs)
printf '总结\n全年完成任务30项(其中重点任务5项);群众满意.\n' >"$tmp/twice.txt"
"$ZONGJIE" check --fix "$tmp/twice.txt" >/dev/null 2>&1
ok "--fix in one run: the mark beside a fixed bracket too" grep -q '（其中重点任务5项）；群众满意。' "$tmp/twice.txt"
# a read-only file is not rewritten (the editor asks first)
printf '再接再励。\n' >"$tmp/ro.txt"
chmod 444 "$tmp/ro.txt"
"$ZONGJIE" check --fix "$tmp/ro.txt" >/dev/null 2>"$tmp/ro.err"
rc=$?
ok "--fix on a read-only file: exit 2" test $rc -eq 2
ok "  says so" grep -q 'read-only: no fix applied' "$tmp/ro.err"
ok "  the file untouched" grep -q 再接再励 "$tmp/ro.txt"
chmod 644 "$tmp/ro.txt"
# an access control list survives the atomic save (issue 9)
printf '其它工作\n' >"$tmp/acl.txt"
if command -v setfacl >/dev/null 2>&1 && setfacl -m u:nobody:rw "$tmp/acl.txt" 2>/dev/null; then
	getfacl -c "$tmp/acl.txt" 2>/dev/null >"$tmp/acl.before"
	"$ZONGJIE" check --fix=usage "$tmp/acl.txt" >/dev/null 2>&1
	getfacl -c "$tmp/acl.txt" 2>/dev/null >"$tmp/acl.after"
	ok "--fix saved the file" grep -q 其他 "$tmp/acl.txt"
	ok "  and its ACL is kept" cmp -s "$tmp/acl.before" "$tmp/acl.after"
else
	skip "--fix keeps an ACL" "no setfacl or no ACL on this file system"
	skip "  and its ACL is kept" "no setfacl or no ACL on this file system"
fi
"$ZONGJIE" check --fix=no-such-rule "$tmp/fix.txt" >/dev/null 2>&1
ok "--fix with an unknown rule is a usage error" test $? -eq 2

# ---- the user's file: own entries, silenced ones, a bad line ----
mkdir -p "$XDG_CONFIG_HOME/zongjie"
printf '# my words\n测式 测试\n-其它\n' >"$XDG_CONFIG_HOME/zongjie/miswritten.txt"
printf '这次测式中其它项目正常。\n' >"$tmp/user.txt"
"$ZONGJIE" check --format=json "$tmp/user.txt" >"$tmp/user.json" 2>"$tmp/user.err"
ok "a user entry is found" grep -q '"text": "测式", "message": "[^"]*", "suggestion": "测试"' "$tmp/user.json"
ok "a user line silences a built-in entry" sh -c "! grep -q '\"text\": \"其它\"' '$tmp/user.json'"
printf '测式 测试\n只有一栏\n' >"$XDG_CONFIG_HOME/zongjie/miswritten.txt"
"$ZONGJIE" check --format=json "$tmp/user.txt" >"$tmp/user.json" 2>"$tmp/user.err"
ok "a bad user line is named with its place" grep -q 'miswritten.txt:2:1: an entry is' "$tmp/user.err"
ok "the entries before it still count" grep -q '"text": "测式"' "$tmp/user.json"
done_testing
