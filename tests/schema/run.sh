#!/bin/sh
# run.sh - built manifests against the official schemas, with xmllint
# SPDX-License-Identifier: MIT
#
# Usage: tests/schema/run.sh BUILD_DIR
# Builds the example course in every edition and layout, checks the
# schema files in each package against the pinned checksums, validates
# each manifest with 'xmllint --nonet' through our driver schemas, and
# proves the drivers are strict enough: a misspelt extension attribute
# or a wrong vocabulary value must fail.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-build}" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

ok() { echo "ok   $1"; passed=$((passed + 1)); }
bad() { echo "FAIL $1"; failed=$((failed + 1)); }

folder_of() {
  case $1 in
    1.2) echo scorm12edition ;;
    2004-3) echo scorm20043rdedition ;;
    2004-4) echo scorm20044thedition ;;
  esac
}

driver_of() {
  case $1 in 1.2) echo scorm12.xsd ;; *) echo scorm2004.xsd ;; esac
}

# validate DIR EDITION: xmllint DIR/imsmanifest.xml through the driver
validate() {
  cp "$top/schema/$(driver_of "$2")" "$1/driver.xsd"
  (cd "$1" && xmllint --nonet --noout --schema driver.xsd imsmanifest.xml)
}

# pinned DIR EDITION: the package's schema files are the official ones
pinned() {
  folder=$(folder_of "$2")
  grep " $folder/" "$top/schema/SHA256SUMS" |
    sed "s| $folder/| |" > "$tmp/sums"
  (cd "$1" && sha256sum --quiet -c "$tmp/sums")
}

for edition in 1.2 2004-3 2004-4; do
  for layout in single per-module split; do
    out="$tmp/out-$edition-$layout"
    "$build/scormc" build "$top/examples/minimal" -o "$out" \
      --scorm "$edition" --layout "$layout" >/dev/null 2>"$tmp/err" || {
      cat "$tmp/err"
      bad "build $edition $layout"
      continue
    }
    for zip in "$out"/*.zip; do
      dir="$tmp/pkg"
      rm -rf "$dir" && mkdir "$dir" && unzip -q "$zip" -d "$dir"
      label="$edition $layout $(basename "$zip")"
      if pinned "$dir" "$edition" && validate "$dir" "$edition" \
          2>"$tmp/err"; then
        ok "valid: $label"
      else
        cat "$tmp/err"
        bad "valid: $label"
      fi
    done
  done
done

# must_fail EDITION LAYOUT NAME SED: a broken manifest must not validate
must_fail() {
  dir="$tmp/neg"
  rm -rf "$dir" && mkdir "$dir"
  unzip -q "$tmp/out-$1-$2"/*.zip -d "$dir" 2>/dev/null ||
    unzip -q "$(ls "$tmp/out-$1-$2"/*.zip | head -1)" -d "$dir"
  sed -i "$4" "$dir/imsmanifest.xml"
  if cmp -s "$dir/imsmanifest.xml" /dev/null; then
    bad "$3: sed changed nothing"
  elif validate "$dir" "$1" 2>/dev/null; then
    bad "$3 ($1) validates but must not"
  else
    ok "rejected: $3 ($1)"
  fi
}

must_fail 1.2 single "misspelt adlcp attribute" \
  's/adlcp:scormtype=/adlcp:scormtipe=/'
must_fail 2004-3 single "misspelt adlcp attribute" \
  's/adlcp:scormType=/adlcp:scormTipe=/'
for edition in 2004-3 2004-4; do
  must_fail "$edition" single 'adlcp:scormType="SCO"' \
    's/adlcp:scormType="sco"/adlcp:scormType="SCO"/'
  must_fail "$edition" per-module "misspelt imsss attribute" \
    's/satisfiedByMeasure=/satisfiedByMeasur=/'
done

echo "schema: $passed passed, $failed failed"
[ "$failed" = 0 ]
