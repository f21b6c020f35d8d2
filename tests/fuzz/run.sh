#!/bin/sh
# Builds the libFuzzer targets with clang and runs each, printing TAP.
#   FUZZ_SECONDS=N   run each target N seconds (CI: 60)
#   FUZZ_RUNS=N      otherwise, N inputs each (default 20000)
# A crash leaves its input in $out/crash-*: add it to tests/fuzz/regressions.
set -u
top=${TOP_SRCDIR:?}
out=${FUZZ_OUT:-fuzz}
cc=${FUZZ_CC:-clang}
mkdir -p "$out"
flags="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"
libs="$(pkg-config --cflags --libs yaml-0.1 libutf8proc hunspell opencc libzip) -lm -lpthread"
# The core library's own source list (CORE_SOURCES, from Makefile.am), so
# a module added to the library is in the fuzz builds too; compiled here
# because the fuzzer instruments what it links.
srcs=""
for f in ${CORE_SOURCES:?}; do
	case $f in *.c) srcs="$srcs $top/$f" ;; esac
done
n=0
failed=0
for target in decode outline gaps check skeleton renew journal docx; do
	n=$((n + 1))
	bin=$out/fuzz_$target
	if ! $cc $flags -I"$top/include" -I"$top/src/core" -I. -DLOCALEDIR='""' \
		-DPKGDATADIR='"/nonexistent"' -DSRCDIR="\"$top\"" \
		"$top/tests/fuzz/fuzz_$target.c" $srcs $libs -o "$bin" 2>"$out/build-$target.log"; then
		echo "not ok $n - fuzz_$target builds"
		tail -n 5 "$out/build-$target.log" | sed 's/^/# /'
		failed=$((failed + 1))
		continue
	fi
	corpus=$out/corpus-$target
	mkdir -p "$corpus"
	if [ -n "${FUZZ_SECONDS:-}" ]; then
		limit="-max_total_time=$FUZZ_SECONDS"
	else
		limit="-runs=${FUZZ_RUNS:-20000}"
	fi
	if (cd "$out" && ASAN_OPTIONS=detect_leaks=1 "./fuzz_$target" $limit -max_len=65536 \
		-timeout=10 -rss_limit_mb=2048 "corpus-$target" "$top/tests/fuzz/seeds/$target" \
		>"fuzz-$target.log" 2>&1); then
		echo "ok $n - fuzz_$target: $(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "$out/fuzz-$target.log" | tail -n 1)"
	else
		echo "not ok $n - fuzz_$target found a failure (see $out/fuzz-$target.log)"
		grep -m 5 -E 'ERROR|SUMMARY|Test unit written' "$out/fuzz-$target.log" | sed 's/^/# /'
		failed=$((failed + 1))
	fi
done
echo "1..$n"
[ "$failed" -eq 0 ]
