#!/bin/sh
# `zongjie export -o OUT.docx`: every skeleton and every corpus file is
# exported as a Word document and read back with python-docx
# (tests/lib/docx_readback.py): the paragraphs are the text export's, in
# order, with their styles, fonts and the page set-up; `unzip -t` passes.
. "$TOP_SRCDIR/tests/lib/tap.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python=""
for py in python3 /usr/bin/python3; do
	if "$py" -c 'import docx' 2>/dev/null; then python=$py; break; fi
done

# readback NAME SOURCE [EXPORT-OPTIONS...]
readback() {
	name=$1; src=$2; shift 2
	out=$tmp/$name
	"$ZONGJIE" export "$src" --force --encoding=utf-8 "$@" >"$out.txt" 2>/dev/null
	"$ZONGJIE" export "$src" --force "$@" -o "$out.docx" 2>/dev/null || {
		diag "$name: export failed"; return 1; }
	unzip -tq "$out.docx" >/dev/null || { diag "$name: unzip -t fails"; return 1; }
	"$ZONGJIE" outline --format=json "$out.txt" >"$out.json" 2>/dev/null
	if [ -z "$python" ]; then
		return 0
	fi
	"$python" "$TOP_SRCDIR/tests/lib/docx_readback.py" "$out.docx" "$out.txt" "$out.json" >"$out.log" 2>&1
	status=$?
	diag "$name: $(cat "$out.log")"
	return $status
}

[ -n "$python" ] || diag "python3-docx is not installed: only unzip -t is checked"
for id in $("$ZONGJIE" skeletons | awk '{print $1}'); do
	"$ZONGJIE" new "$id" -o "$tmp/$id-src.txt" >/dev/null 2>&1
	ok "skeleton $id reads back" readback "$id" "$tmp/$id-src.txt"
done

corpus=$TOP_SRCDIR/../shared/corpus
if [ -d "$corpus" ]; then
	for f in "$corpus"/*.txt; do
		base=$(basename "$f" .txt)
		ok "corpus $base reads back" readback "$base" "$f"
		ok "corpus $base reads back with --strip-noise" readback "$base-strip" "$f" --strip-noise
	done
else
	skip "corpus files read back" "no ../shared/corpus"
fi

# Fixtures of our own: a filled summary whose headings run on, with
# markup characters, a tab, a character outside the BMP and renumbering.
cat >"$tmp/summary.txt" <<'TEXT'
青禾街道2025年工作总结

2025年，青禾街道围绕“两个中心”开展工作，各项工作取得新进展。

一、主要成效
（一）基层治理。全年召开议事会24场次，解决问题<急难愁盼>问题36个。
（三）民生保障。发放救助资金12.5万元 & 慰问金3万元，覆盖“𠮷”字号商户。
1.项目	进度
二、存在的问题
人手不足。
TEXT
ok "a filled summary reads back" readback filled "$tmp/summary.txt"
printf '青禾街道2025年工作总结\n\n一、主要成效\n全年完成任务。\n三、存在的问题\n人手不足。\n' >"$tmp/skip-src.txt"
ok "a skipped number reads back as written" readback skip "$tmp/skip-src.txt"
ok "and with --renumber" readback renumbered "$tmp/skip-src.txt" --renumber
ok "the document is renumbered only with --renumber, as the text is" \
	sh -c 'unzip -p "$1" word/document.xml | grep -q ">二、存在的问题<" &&
		unzip -p "$2" word/document.xml | grep -q ">三、存在的问题<"' sh \
	"$tmp/renumbered.docx" "$tmp/skip.docx"
iconv -f UTF-8 -t GB18030 "$tmp/summary.txt" >"$tmp/gb-src.txt"
ok "a GB18030 file reads back" readback gb "$tmp/gb-src.txt"
printf '\357\273\277' >"$tmp/crlf-src.txt"
sed 's/$/\r/' "$tmp/summary.txt" >>"$tmp/crlf-src.txt"
ok "a CRLF file with a BOM reads back" readback crlf "$tmp/crlf-src.txt"
: >"$tmp/empty-src.txt"
ok "an empty file reads back (one empty paragraph)" readback empty "$tmp/empty-src.txt"
ok "it exports without --force" "$ZONGJIE" export "$tmp/summary.txt" -o "$tmp/clean.docx"
ok "--format=docx writes a document whatever the name" \
	sh -c '"$ZONGJIE" export "$1" --format=docx -o "$2" && unzip -tq "$2" >/dev/null' sh \
	"$tmp/summary.txt" "$tmp/plain-name"
ok "--format=txt writes text to a .docx name" \
	sh -c '"$ZONGJIE" export "$1" --format=txt -o "$2" && grep -q "青禾街道" "$2"' sh \
	"$tmp/summary.txt" "$tmp/text.docx"
ok "a document goes to a pipe" \
	sh -c '"$ZONGJIE" export "$1" --format=docx | head -c 2 | grep -q PK' sh "$tmp/summary.txt"
ok "the core properties name the organisation" \
	sh -c 'unzip -p "$1" docProps/core.xml | grep -q "<dc:creator>青禾街道</dc:creator>"' sh \
	"$tmp/clean.docx"

# What must be refused.
"$ZONGJIE" new annual -o "$tmp/gaps.txt" >/dev/null 2>&1
"$ZONGJIE" export "$tmp/gaps.txt" -o "$tmp/gaps.docx" 2>"$tmp/err"
ok "export refused while gaps remain (status 1)" test $? -eq 1
ok "and no document written" test ! -e "$tmp/gaps.docx"
ok "the refusal names the errors" grep -q "export refused" "$tmp/err"
"$ZONGJIE" export "$tmp/summary.txt" -o "$tmp/clean.docx" 2>"$tmp/err"
ok "an existing document is not overwritten without --force (status 2)" test $? -eq 2
ok "and says so" grep -q "exists" "$tmp/err"
ok "--force overwrites it" "$ZONGJIE" export "$tmp/summary.txt" -o "$tmp/clean.docx" --force
"$ZONGJIE" export "$tmp/summary.txt" --format=pdf -o "$tmp/x" 2>"$tmp/err"
ok "--format=pdf is a usage error" test $? -eq 2
ok "naming txt and docx" grep -q "txt or docx" "$tmp/err"
"$ZONGJIE" export "$tmp/summary.txt" --encoding=gb18030 -o "$tmp/x.docx" 2>"$tmp/err"
ok "--encoding with a document is a usage error" test $? -eq 2
done_testing
