# --help lists every option of every command.
run --help
expect_exit 0
for c in build stats lint score export-questions; do
  expect_stdout "^  $c "
done
run build --help
expect_exit 0
for o in -o --scorm --layout --werror; do expect_stdout "^  $o"; done
run stats --help
expect_stdout "^  --json"
run export-questions --help
for o in --format -o; do expect_stdout "^  $o"; done
run score --help
expect_stdout "^  --json"
