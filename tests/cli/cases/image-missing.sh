# An image that does not exist is reported at its page and line.
copy_course examples/minimal
printf '\n![A map](map.png)\n' >> course/02-checkpoints/01-hours.md
line=$(wc -l < course/02-checkpoints/01-hours.md)
run build course -o out
expect_exit 1
expect_error_lines 1
expect_stderr "^course/02-checkpoints/01-hours\.md:$line: error: image 'map\.png' not found"
expect_no_zip out
