# When one package of a split build cannot be written, none is left.
copy_course examples/minimal
mkdir -p out/scormc-minimal-scorm12-02-checkpoints.zip
run build course -o out --layout split
expect_exit 1
expect_stderr "scormc-minimal-scorm12-02-checkpoints\.zip: error: cannot rename"
left=$(ls -A out)
[ "$left" = scormc-minimal-scorm12-02-checkpoints.zip ] ||
  fail "left behind: $left"
[ -d out/scormc-minimal-scorm12-02-checkpoints.zip ] || fail "not a dir"
