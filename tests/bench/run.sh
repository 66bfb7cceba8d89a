#!/bin/sh
# run.sh - build benchmarks: scormc against a plain 'zip' of the same
# files, run side by side, reported as times and a ratio
# SPDX-License-Identifier: MIT
#
# The peer is 'zip -9 -X -r' over the unpacked package: the least any
# packager must do. scormc also parses, renders, validates and embeds.
set -eu
build=$(cd "${1:-build}" && pwd)
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
runs=${BENCH_RUNS:-10}

node "$top/tests/bench/gen-course.mjs" "$tmp/gen"

# millis CMD...: the median wall time of $runs runs, in milliseconds
millis() {
  for i in $(seq "$runs"); do
    s=$(date +%s%N)
    "$@" >/dev/null 2>&1
    e=$(date +%s%N)
    echo $(((e - s) / 1000))
  done | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}

bench() {
  name=$1 course=$2
  rm -rf "$tmp/out" "$tmp/pkg" && mkdir "$tmp/pkg"
  "$build/scormc" build "$course" -o "$tmp/out" --scorm 1.2 >/dev/null
  unzip -q "$tmp"/out/*.zip -d "$tmp/pkg"
  words=$("$build/scormc" stats "$course" --json |
          node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);console.log(j.modules.reduce((a,m)=>a+m.words,0))})')
  t_scormc=$(millis "$build/scormc" build "$course" -o "$tmp/out" --scorm 1.2)
  t_zip=$(millis sh -c "cd '$tmp/pkg' && rm -f ../peer.zip && zip -9 -X -q -r ../peer.zip .")
  ratio=$(awk -v a="$t_scormc" -v b="$t_zip" 'BEGIN {printf "%.2f", a / b}')
  printf '%-22s %7s words  scormc %8s ms  zip %8s ms  ratio %s\n' \
    "$name" "$words" "$t_scormc" "$t_zip" "$ratio"
}

echo "median of $runs runs, SCORM 1.2 single layout, $(nproc) cores"
bench "generated 16 modules" "$tmp/gen"
if "$build/scormc" lint "$top/modules" >/dev/null 2>&1; then
  bench "the real course" "$top/modules"
fi

# A pathological GIFT file: one line of 250 answers of N characters.
# Linear parsing makes 4N take about 4 times as long as N.
pathological() {
  node -e '
    const each = +process.argv[1]; let s = "::p:: Q {";
    for (let i = 0; i < 250; i++)
      s += (i ? "~" : "=") + String.fromCharCode(97 + i % 26).repeat(each) + " ";
    require("fs").writeFileSync(process.argv[2], s + "}\n");
  ' "$1" "$2"
}
pathological 5000 "$tmp/small.gift"
pathological 20000 "$tmp/large.gift"
echo '{}' > "$tmp/none.json"
t_small=$(millis "$build/scormc" score "$tmp/small.gift" "$tmp/none.json")
t_large=$(millis "$build/scormc" score "$tmp/large.gift" "$tmp/none.json")
ratio=$(awk -v a="$t_large" -v b="$t_small" 'BEGIN {printf "%.2f", a / b}')
printf '%-22s 1.25 MB %8s ms   5 MB %8s ms  ratio %s (4 is linear)\n' \
  "one-line GIFT" "$t_small" "$t_large" "$ratio"
