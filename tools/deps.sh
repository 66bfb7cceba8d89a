#!/bin/sh
# deps.sh - install what building or testing scormc needs, when missing
# SPDX-License-Identifier: MIT
#
# Usage: tools/deps.sh build|test
# Debian 12, as root. Checks first and installs only what is missing, so
# a second run costs a few dpkg queries.
set -eu

build_pkgs="make gcc pkg-config libxml2-dev libxml2-utils libzip-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev liblua5.4-dev libjansson-dev clang lld
  nodejs npm ca-certificates"
test_pkgs="libcmocka-dev chromium valgrind unzip zip"

missing() {
  for p in "$@"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
      grep -q '^install ok installed$' || echo "$p"
  done
}

apt_install() {
  need=$(missing "$@")
  [ -z "$need" ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "deps: missing Debian packages: $need (run as root)" >&2
    exit 1
  fi
  echo "deps: installing $need" >&2
  apt-get update -qq
  # shellcheck disable=SC2086 # word splitting is the point
  apt-get install -y -qq --no-install-recommends $need >/dev/null
}

# A nodesource 'nodejs' already carries npm; Debian's 'npm' would
# conflict with it, so ask for npm only when no npm runs.
node_pkgs() {
  command -v node >/dev/null 2>&1 || echo nodejs
  command -v npm >/dev/null 2>&1 || echo npm
}

case "${1:-}" in
build)
  apt_install $(echo "$build_pkgs" | tr ' ' '\n' |
    grep -v -e '^nodejs$' -e '^npm$') $(node_pkgs)
  ;;
test)
  "$0" build
  apt_install $test_pkgs
  top=$(cd "$(dirname "$0")/.." && pwd)
  # npm ci wipes node_modules, so run it only when the lock changed.
  stamp="$top/node_modules/.scormc-lock.sha256"
  want=$(sha256sum < "$top/package-lock.json")
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    (cd "$top" && npm ci --no-audit --no-fund --silent)
    echo "$want" > "$stamp"
  fi
  ;;
*)
  echo "usage: tools/deps.sh build|test" >&2
  exit 2
  ;;
esac
