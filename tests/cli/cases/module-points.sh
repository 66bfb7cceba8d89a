# module { points = ... } weights questions; a title that names no
# question is an error at the module's line.
copy_course examples/minimal
sed -i 's/  pass_mark = 50,/  pass_mark = 50,\n  points = { ["m2-q2"] = 3 },/' course/course.lua
run build course -o out
expect_exit 0
unzip -q out/*.zip scormc/course.js -d pkg
grep -q '"id":"m2-q2","type":"single".*"points":3' pkg/scormc/course.js ||
  fail "m2-q2 is not worth 3 points"
sed -i 's/\["m2-q2"\] = 3/["m2-q9"] = 3/' course/course.lua
line=$(grep -n '"02-checkpoints",' course/course.lua | cut -d: -f1)
line=$((line - 1))
run build course -o out
expect_exit 1
expect_stderr "^course/course\.lua:$line: error: points: module '02-checkpoints' has no assessment question 'm2-q9'"
