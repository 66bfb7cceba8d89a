# A misspelt key in course.lua is an error at the line it stands on.
copy_course examples/minimal
sed -i 's/  pass_mark = 80,/  pasmark = 80,/' course/course.lua
line=$(grep -n pasmark course/course.lua | cut -d: -f1)
run build course -o out
expect_exit 1
expect_error_lines 1
expect_stderr "^course/course\.lua:$line: error: unknown key 'pasmark' in course"
expect_no_zip out
