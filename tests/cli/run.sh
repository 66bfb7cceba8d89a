#!/bin/sh
# run.sh - end-to-end tests of the scormc command line
# SPDX-License-Identifier: MIT
#
# Usage: tests/cli/run.sh BUILD_DIR [CASE...]
# Each tests/cli/cases/NAME.sh runs in a fresh temporary folder with
# the helpers below; a case passes when it exits 0. Prints one line per
# case and a closing 'N passed, N failed'.
set -u

top=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-build}" && pwd)
shift || true
SCORMC="$build/scormc"
export SCORMC top

helpers='
fail() { echo "    $*" >&2; exit 1; }

# copy_course SRC: copy a course folder (relative to the repo) to ./course
copy_course() { cp -R "$top/$1" course; }

# run ARGS...: run scormc, keeping exit code, stdout and stderr
run() {
  "$SCORMC" "$@" >stdout 2>stderr
  status=$?
}

expect_exit() {
  [ "$status" = "$1" ] || {
    cat stderr >&2
    fail "exit status $status, expected $1"
  }
}

# expect_stderr REGEX: some line of stderr matches (extended regex)
expect_stderr() {
  grep -Eq -- "$1" stderr || { cat stderr >&2; fail "stderr lacks: $1"; }
}

expect_stdout() {
  grep -Eq -- "$1" stdout || { cat stdout >&2; fail "stdout lacks: $1"; }
}

# expect_error_lines N: stderr holds exactly N "error:" diagnostics
expect_error_lines() {
  n=$(grep -c ": error: " stderr)
  [ "$n" = "$1" ] || { cat stderr >&2; fail "$n errors, expected $1"; }
}

# expect_no_zip DIR: no package and no temporary file was left
expect_no_zip() {
  [ -z "$(ls -A "$1" 2>/dev/null)" ] || {
    ls -la "$1" >&2
    fail "$1 is not empty"
  }
}
'

passed=0
failed=0
cases=${*:-$(ls "$top/tests/cli/cases"/*.sh)}
for case in $cases; do
  case=$(cd "$(dirname "$case")" && pwd)/$(basename "$case")
  name=$(basename "$case" .sh)
  dir=$(mktemp -d)
  if (cd "$dir" && eval "$helpers" && . "$case") 2>"$dir/.log"; then
    echo "ok   $name"
    passed=$((passed + 1))
  else
    echo "FAIL $name"
    sed 's/^/    /' "$dir/.log"
    failed=$((failed + 1))
  fi
  rm -rf "$dir"
done
echo "cli: $passed passed, $failed failed"
[ "$failed" = 0 ]
