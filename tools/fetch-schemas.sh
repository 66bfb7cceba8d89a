#!/bin/sh
# fetch-schemas.sh - obtain the pinned official SCORM schemas, verified
# SPDX-License-Identifier: MIT
#
# Usage: tools/fetch-schemas.sh CACHE_DIR
# Leaves scorm12edition/, scorm20043rdedition/ and scorm20044thedition/
# in CACHE_DIR, every file checked against schema/SHA256SUMS. Does
# nothing when the cache already verifies.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cache=$1
sums="$top/schema/SHA256SUMS"

pin() { sed -n "s/^$1=//p" "$top/schema/PIN"; }

if [ -d "$cache" ] && (cd "$cache" && sha256sum --quiet -c "$sums") \
    >/dev/null 2>&1; then
  exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

package=$(pin package)
version=$(pin version)
(cd "$tmp" && npm pack --silent "$package@$version" >/dev/null)
tarball="$tmp/$package-$version.tgz"

echo "$(pin tarball_sha256)  $tarball" | sha256sum --quiet -c - || {
  echo "fetch-schemas: $package@$version does not match schema/PIN" >&2
  exit 1
}

tar -xzf "$tarball" -C "$tmp"
(cd "$tmp/$(pin path)" && sha256sum --quiet -c "$sums") || {
  echo "fetch-schemas: a schema file does not match schema/SHA256SUMS" >&2
  exit 1
}

rm -rf "$cache"
mkdir -p "$(dirname "$cache")"
cp -R "$tmp/$(pin path)" "$cache"
