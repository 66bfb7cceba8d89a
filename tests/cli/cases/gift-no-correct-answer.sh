# A choice question without a right answer is an error at its line.
copy_course examples/minimal
printf '\n::m2-q3:: Pick one {\n  ~a\n  ~b\n}\n' >> course/02-checkpoints/assessment.gift
run build course -o out
expect_exit 1
expect_error_lines 1
expect_stderr "^course/02-checkpoints/assessment\.gift:[0-9]+(:[0-9]+)?: error: .*(no correct answer|correct)"
expect_no_zip out
