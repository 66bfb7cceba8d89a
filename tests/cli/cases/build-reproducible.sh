# Two builds, in different time zones, give byte-identical zips.
copy_course examples/minimal
for ed in 1.2 2004-4; do
  TZ=UTC run build course -o a --scorm $ed
  expect_exit 0
  TZ=Asia/Bangkok run build course -o b --scorm $ed
  expect_exit 0
done
for f in a/*.zip; do
  cmp "$f" "b/$(basename "$f")" || fail "$f differs between builds"
done
SOURCE_DATE_EPOCH=1700000000 run build course -o c --scorm 1.2
unzip -l c/scormc-minimal-scorm12.zip | grep -q '2023-11-14' ||
  fail "SOURCE_DATE_EPOCH not used"
