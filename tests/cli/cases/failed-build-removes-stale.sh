# A failed build removes the package it would have replaced.
copy_course examples/minimal
run build course -o out
expect_exit 0
[ -f out/scormc-minimal-scorm12.zip ] || fail "first build wrote nothing"
printf '\n![gone](gone.png)\n' >> course/01-welcome/01-about.md
run build course -o out
expect_exit 1
expect_no_zip out
