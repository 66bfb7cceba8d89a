#!/bin/sh
# valgrind.sh - the unit tests and a full build under valgrind memcheck
# SPDX-License-Identifier: MIT
set -eu
build=${1:-build}
vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite"
for t in "$build"/tests/test_*; do
  echo "== $t"
  $vg "$t" >/dev/null
done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for layout in single per-module split; do
  echo "== scormc build examples/minimal --layout $layout"
  $vg "$build/scormc" build examples/minimal -o "$out" --layout $layout \
    >/dev/null 2>&1 || { echo "valgrind found errors"; exit 1; }
done
echo "== scormc build modules"
$vg "$build/scormc" build modules -o "$out" >/dev/null 2>&1 ||
  { echo "valgrind found errors"; exit 1; }
echo "valgrind: clean"
