#!/bin/sh
# End-to-end tests of `zongjie renew` and `zongjie check --against`: a
# filled summary, each corpus file and each skeleton filled with --set are
# renewed; the draft is checked (every former figure a gap, no year of the
# reported period left, nothing else changed: renew-verify.py puts the
# gaps back and compares).
. "$TOP_SRCDIR/tests/lib/tap.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
XDG_DATA_HOME=$tmp/data; export XDG_DATA_HOME
unset ZONGJIE_SKELETONS
if ! command -v python3 >/dev/null 2>&1; then
	skip "renew" "python3 (for renew-verify.py) not installed"
	done_testing
	exit 0
fi
verify() { python3 "$TOP_SRCDIR/tests/cli/renew-verify.py" "$@"; }
run() {
	"$ZONGJIE" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}
has() { grep -q -- "$1" "$2"; }
# gaps FILE: the number of unfilled gaps check lists
gaps() { "$ZONGJIE" check --color=never --only placeholder --format=json "$1" | grep -o '"rule": "placeholder"' | wc -l; }

cat >"$tmp/last.txt" <<'EOF'
青禾街道2024年工作总结暨2025年工作计划

2024年，青禾街道围绕年度目标任务扎实推进各项工作。自2018年以来，街道坚持“十四五”规划确定的方向。
一、2024年工作成效
（一）民生服务
全年开展活动326场次，参与群众12,800人次，群众满意率达到98.5%。3月15日召开动员大会。
（二）依法行政
认真贯彻《中华人民共和国公务员法（2018年修正）》，按照区委〔2024〕3号文件要求，第3季度完成培训，服务热线12345受理诉求1,024件。
对照《发展规划（2021—2025年）》，2024年上半年完成中期评估。
二、存在的问题和不足
一是部分设施老化，仍有3处需要改造；二是队伍年龄结构偏大。
三、2025年工作计划
（一）明确工作目标
确定2025年主要目标：新增就业岗位500个。
（二）狠抓重点任务
于6月底前完成老旧小区改造。
EOF

# ---- usage ---------------------------------------------------------------
run renew
ok "no FILE: usage error, exit 2" [ "$rc" -eq 2 ]
run renew --year 20x5 "$tmp/last.txt"
ok "a bad --year: exit 2" [ "$rc" -eq 2 ] && has "year" "$tmp/err"
run renew --year 2024 "$tmp/last.txt"
ok "a year not after the summary's: exit 2, said why" [ "$rc" -eq 2 ] && has "2024" "$tmp/err"
run renew --help
ok "--help: exit 0" [ "$rc" -eq 0 ] && has "renew LAST.txt" "$tmp/out"
run --help
ok "zongjie --help lists renew" has "renew LAST.txt" "$tmp/out"
run renew "$tmp/missing.txt"
ok "a missing file: exit 2, one line" [ "$rc" -eq 2 -a "$(wc -l <"$tmp/err")" -eq 1 ]
printf 'PK\003\004\000\000binary' >"$tmp/bin.txt"
run renew "$tmp/bin.txt" -o "$tmp/bin-draft.txt"
ok "a binary file: not a text file, exit 2, nothing written" [ "$rc" -eq 2 ] && has "not a text file" "$tmp/err" && [ ! -e "$tmp/bin-draft.txt" ]
run renew "$tmp"
ok "a folder: exit 2" [ "$rc" -eq 2 -a "$(wc -l <"$tmp/err")" -eq 1 ]

# ---- the draft of a filled annual summary -------------------------------------
run renew "$tmp/last.txt"
ok "draft on stdout, exit 0" [ "$rc" -eq 0 ] && cp "$tmp/out" "$tmp/draft.txt"
ok "the title moves one year" has "^青禾街道2025年工作总结暨2026年工作计划$" "$tmp/draft.txt"
ok "figures keep last year's value as a hint" has "全年开展活动【上年：326】场次，参与群众【上年：12,800】人次，群众满意率达到【上年：98.5%】。【上年：3】月【上年：15】日" "$tmp/draft.txt"
ok "last year's plan listed at the start of the achievements" \
	sh -c "grep -A2 '^一、2025年工作成效$' '$tmp/draft.txt' | tr -d '\n' | grep -q '【上年计划：（一）明确工作目标】【上年计划：（二）狠抓重点任务】'"
ok "the problems under a prompt to review them" sh -c "grep -A1 '^二、存在的问题和不足$' '$tmp/draft.txt' | grep -q '^【请逐条核对上年的问题'"
verify "$tmp/last.txt" "$tmp/draft.txt" utf-8 2024:2025 2025:2026 --gone 2024 >"$tmp/v"
ok "nothing else changed; no 2024 left" [ $? -eq 0 ]
grep '^#' "$tmp/v"
ok "check lists exactly the figures and prompts" [ "$(gaps "$tmp/draft.txt")" -eq 9 ] && has "hints 6 prompts 3" "$tmp/v"
run check --color=never --ignore placeholder,stale-figure "$tmp/draft.txt"
ok "check finds nothing else in the draft" [ "$rc" -eq 0 ]

# ---- -o, --force, formats --------------------------------------------------
run renew "$tmp/last.txt" -o "$tmp/d.txt"
ok "-o writes the file and reports" [ "$rc" -eq 0 ] && cmp -s "$tmp/d.txt" "$tmp/draft.txt" && has "2024 → 2025.*6 figures" "$tmp/err"
echo keep >"$tmp/d.txt"
run renew "$tmp/last.txt" -o "$tmp/d.txt"
ok "never over an existing file" [ "$rc" -eq 2 ] && has "force" "$tmp/err" && [ "$(cat "$tmp/d.txt")" = keep ]
run renew "$tmp/last.txt" -o "$tmp/d.txt" --force
ok "--force overwrites" [ "$rc" -eq 0 ] && cmp -s "$tmp/d.txt" "$tmp/draft.txt"
run renew "$tmp/last.txt" --year 2026
ok "--year 2026" has "^青禾街道2026年工作总结暨2027年工作计划$" "$tmp/out"
# GB18030 with CRLF, and UTF-8 with a BOM: kept, inserted lines included
iconv -f utf-8 -t gb18030 "$tmp/last.txt" | sed 's/$/\r/' >"$tmp/gb.txt"
run renew "$tmp/gb.txt" -o "$tmp/gb-draft.txt"
ok "GB18030 + CRLF: renewed" [ "$rc" -eq 0 ]
cr=$(printf '\r')
ok "GB18030: kept" sh -c "iconv -f gb18030 -t utf-8 '$tmp/gb-draft.txt' | tr -d '\r' | cmp -s - '$tmp/draft.txt'"
ok "CRLF: kept on every line, inserted ones too" [ "$(grep -c "$cr\$" "$tmp/gb-draft.txt")" -eq "$(wc -l <"$tmp/gb-draft.txt")" ]
printf '\357\273\277' | cat - "$tmp/last.txt" >"$tmp/bom.txt"
run renew "$tmp/bom.txt"
ok "UTF-8 BOM kept" sh -c "head -c 3 '$tmp/out' | od -An -tx1 | grep -q 'ef bb bf' && tail -c +4 '$tmp/out' | cmp -s - '$tmp/draft.txt'"
printf '工作总结\n一年来，我们认真履职，第3次会议按期召开。\n' >"$tmp/plain.txt"
run renew "$tmp/plain.txt"
ok "no year: said so, text copied byte for byte" cmp -s "$tmp/out" "$tmp/plain.txt" && has "no year" "$tmp/err"

# ---- half year -----------------------------------------------------------------
printf '河西社区2024年上半年工作总结\n上半年共走访居民860户。\n一、上半年工作开展情况\n组织志愿服务42次。\n二、存在的问题\n场地不足。\n三、下半年工作思路\n2024年下半年重点推进加装电梯。\n' >"$tmp/half.txt"
run renew "$tmp/half.txt" -o "$tmp/half-draft.txt"
ok "half year: the next half" has "^河西社区2024年下半年工作总结$" "$tmp/half-draft.txt" && has "^2025年上半年重点推进" "$tmp/half-draft.txt"
verify "$tmp/half.txt" "$tmp/half-draft.txt" utf-8 2024H1:2024H2 2024H2:2025H1 >"$tmp/v"
ok "half year: nothing else changed" [ $? -eq 0 ]
grep '^#' "$tmp/v"

# ---- check --against ---------------------------------------------------------------
sed -e 's/【上年：326】/341/; s/【上年：12,800】/13,500/; s/【上年：98.5%】/99.1%/; s/【上年：3】月【上年：15】日/2月20日/' \
	-e 's/【上年：1,024】/1,024/; s/第3季度/第2季度/; /^【/d' "$tmp/draft.txt" >"$tmp/now.txt"
run check --color=never --only stale-figure --against "$tmp/last.txt" "$tmp/now.txt"
ok "--against: a figure left as last year's is flagged" has "1,024件: the same figure as last year's \[stale-figure\]" "$tmp/out"
ok "--against: a sentence left as last year's is flagged" has ":11:1: warning: the same sentence as last year's" "$tmp/out"
ok "--against: warnings, exit 0" [ "$rc" -eq 0 ]
ok "--against: updated figures stay silent" sh -c "! grep -q -e '341' -e '13,500' -e '99.1%' -e '2月' '$tmp/out'"
run check --color=never --only stale-figure "$tmp/now.txt"
ok "without --against: no stale-figure" [ "$rc" -eq 0 -a ! -s "$tmp/out" ]
run check --against "$tmp/missing.txt" "$tmp/now.txt"
ok "--against a missing file: exit 2" [ "$rc" -eq 2 ]
# a dozen figures left as they were: each is found where it stands (they
# were grouped as one, the other eleven not to be found)
{
	printf '青禾街道2024年工作总结\n一、工作成效\n'
	for i in 1 2 3 4 5 6 7 8 9 10 11 12; do printf '第%s项工作完成%s件。\n' "$i" "$((i * 37))"; done
	printf '二、存在问题\n人手不足。\n三、2025年工作计划\n继续。\n'
} >"$tmp/dozen-last.txt"
sed 's/2024年工作总结/2025年工作总结/; s/2025年工作计划/2026年工作计划/' "$tmp/dozen-last.txt" >"$tmp/dozen-now.txt"
run check --color=never --only stale-figure --format=json --against "$tmp/dozen-last.txt" "$tmp/dozen-now.txt"
ok "--against: twelve stale figures, twelve findings" [ "$(grep -c '"rule": "stale-figure"' "$tmp/out")" -ge 12 ]

# ---- each skeleton filled with --set -----------------------------------------------------
for id in annual personal half-year school-league community civilized-city poverty-relief party-building annual-en; do
	case $id in
	personal) set -- --set name=李明 --set post=科员 --set year=2024 ;;
	school-league) set -- --set school=青禾中学 --set "term=2024—2025学年第一学期" --set org=团委 ;;
	civilized-city) set -- --set org=青禾街道 --set city=青州市 --set year=2024 ;;
	community) set -- --set org=青禾社区 --set year=2024 --set households=1200 --set residents=3600 ;;
	poverty-relief) set -- --set org=青禾街道 --set village=桃源村 --set year=2024 ;;
	*) set -- --set org=青禾街道 --set year=2024 ;;
	esac
	"$ZONGJIE" new "$id" "$@" -o "$tmp/sk-$id.txt"
	run renew "$tmp/sk-$id.txt" -o "$tmp/sk-$id-draft.txt"
	ok "$id: renewed" [ "$rc" -eq 0 ]
	if has "上半年" "$tmp/sk-$id.txt"; then moves="2024H1:2024H2 2024H2:2025H1"; gone=""; else moves="2024:2025 2025:2026"; gone="--gone 2024"; fi
	# shellcheck disable=SC2086
	verify "$tmp/sk-$id.txt" "$tmp/sk-$id-draft.txt" utf-8 $moves $gone >"$tmp/v"
	ok "$id: years moved, nothing else changed" [ $? -eq 0 ]
	grep '^#' "$tmp/v"
	before=$(gaps "$tmp/sk-$id.txt")
	after=$(gaps "$tmp/sk-$id-draft.txt")
	added=$(sed -n 's/^hints \([0-9]*\) prompts \([0-9]*\)$/\1 \2/p' "$tmp/v" | awk '{print $1 + $2}')
	ok "$id: check lists the old gaps and the new ones" [ "$after" -eq $((before + added)) ]
done

# ---- the corpus ------------------------------------------------------------------------
corpus=$TOP_SRCDIR/../shared/corpus
if [ ! -d "$corpus" ]; then
	skip "renew the corpus" "no ../shared/corpus"
else
	for f in "$corpus"/*.txt; do
		b=$(basename "$f")
		run renew "$f" -o "$tmp/c-$b"
		ok "$b: renewed" [ "$rc" -eq 0 ]
		figures=$(sed -n 's/.*, \([0-9]*\) figures to update.*/\1/p' "$tmp/err")
		"$ZONGJIE" outline "$f" >"$tmp/outline"
		verify "$f" "$tmp/c-$b" utf-8 --articles "$tmp/outline" >"$tmp/v"
		ok "$b: years moved per article, figures put in gaps, nothing else changed" [ $? -eq 0 ]
		grep '^#' "$tmp/v" | head -20
		ok "$b: every former figure is a gap" has "hints $figures " "$tmp/v"
		before=$(gaps "$f")
		after=$(gaps "$tmp/c-$b")
		added=$(sed -n 's/^hints \([0-9]*\) prompts \([0-9]*\)$/\1 \2/p' "$tmp/v" | awk '{print $1 + $2}')
		ok "$b: check lists every figure and prompt as a gap" [ "$after" -eq $((before + added)) ]
	done
fi

# ---- the draft never replaces last year's summary, --force or not ------------
printf '青禾街道2025年工作总结\n一、工作成效\n开展活动12场次。\n' >"$tmp/last.txt"
cp "$tmp/last.txt" "$tmp/last.orig"
ln -s "$tmp/last.txt" "$tmp/last-link.txt"
for out in "$tmp/last.txt" "$tmp/./last.txt" "$tmp/last-link.txt"; do
	"$ZONGJIE" renew "$tmp/last.txt" -o "$out" --force >/dev/null 2>"$tmp/same.err"
	rc=$?
	ok "renew -o ${out#"$tmp"/} --force over its source: refused" test $rc -eq 2
done
ok "  with a message" grep -q "would overwrite last period's summary" "$tmp/same.err"
ok "  last year's summary untouched" cmp -s "$tmp/last.txt" "$tmp/last.orig"
done_testing
