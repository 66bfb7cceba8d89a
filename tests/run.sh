#!/bin/sh
# run.sh - every test suite, in order; what 'make check' runs
# SPDX-License-Identifier: MIT
#
# Usage: tests/run.sh BUILD_DIR
# Runs each suite, goes on after a failure, and ends with one line
# 'suites: N passed, N failed'.
set -u
cd "$(dirname "$0")/.."
build=${1:-build}
passed=0
failed=0

suite() {
  name=$1
  shift
  echo "== $name"
  if "$@"; then
    passed=$((passed + 1))
  else
    echo "== $name FAILED"
    failed=$((failed + 1))
  fi
}

unit() {
  rc=0
  for t in "$build"/tests/test_*; do
    [ -x "$t" ] || continue
    "$t" || rc=1
  done
  return $rc
}

node_tests() {
  set -- tests/node/*.test.mjs tests/browser/*.test.mjs
  files=""
  for f in "$@"; do [ -f "$f" ] && files="$files $f"; done
  [ -n "$files" ] || { echo "no node tests"; return 0; }
  # One file at a time: the browser suites share two cores. Node
  # before 20.10 lacks the flag (and Debian 12's own node is 18).
  serial=""
  node --help 2>/dev/null | grep -q -- --test-concurrency &&
    serial="--test-concurrency=1"
  # shellcheck disable=SC2086
  SCORMC="$build/scormc" node --test $serial $files
}

suite unit unit
suite cli tests/cli/run.sh "$build"
suite schema tests/schema/run.sh "$build"
suite node node_tests
suite asan make -s asan
suite valgrind tests/valgrind.sh "$build"

echo "suites: $passed passed, $failed failed"
[ "$failed" = 0 ]
