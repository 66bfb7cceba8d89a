# A Lua syntax error gives course.lua:LINE and writes nothing.
copy_course examples/minimal
printf 'component "x" (\n' >> course/course.lua
run build course -o out
expect_exit 1
expect_error_lines 1
expect_stderr '^course/course\.lua:[0-9]+: error: '
expect_no_zip out
