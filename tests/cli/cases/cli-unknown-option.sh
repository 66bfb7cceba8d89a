# An unknown command-line option is a usage error (exit 2).
copy_course examples/minimal
run build course -o out --layuot split
expect_exit 2
expect_stderr "unknown option '--layuot'"
expect_no_zip out
