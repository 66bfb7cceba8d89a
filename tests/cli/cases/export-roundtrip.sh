# Exported GIFT parses back into questions that score the same.
copy_course examples/minimal
run export-questions course --format gift -o bank.gift
expect_exit 0
grep -q '^\$CATEGORY: \$course\$/01-welcome' bank.gift || fail "no category"
sed -n '/01-welcome/,/02-checkpoints/p' bank.gift | sed '$d' > m1.gift
printf '{"m1-q1": "At a checkpoint", "m1-q2": false, "m1-q3": ["Airport passport control"]}' > r.json
run score course/01-welcome r.json --json
expect_exit 0
cp stdout original
run score m1.gift r.json --json
expect_exit 0
cmp -s stdout original || fail "scores differ: $(cat original) vs $(cat stdout)"
run export-questions course --format moodle-xml -o bank.xml
expect_exit 0
xmllint --noout bank.xml || fail "not well-formed XML"
[ "$(grep -c '<question type="multichoice">' bank.xml)" = 3 ] ||
  fail "expected 3 multichoice questions"
grep -q '<question type="truefalse">' bank.xml || fail "no truefalse"
