# A module folder that does not exist is named with its line.
copy_course examples/minimal
printf 'module "03-nowhere"\n' >> course/course.lua
line=$(wc -l < course/course.lua)
run build course -o out
expect_exit 1
expect_error_lines 1
expect_stderr "^course/course\.lua:$line: error: module folder '03-nowhere' not found"
expect_no_zip out
