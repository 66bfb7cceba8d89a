# Every GIFT example in the README parses to the documented type and
# scores as the README says.
mkdir -p course/01-m
awk '/^```gift$/ {on=1; next} /^```$/ {on=0} on' "$top/README.md" \
  > course/01-m/assessment.gift
[ -s course/01-m/assessment.gift ] || fail "no gift block in README.md"
printf '# Page\n\nText.\n' > course/01-m/01-page.md
printf 'course { id = "r", title = "R" }\ncomponent "A"\nmodule "01-m"\n' \
  > course/course.lua
run stats course --json
expect_exit 0
node -e '
const s = JSON.parse(require("fs").readFileSync("stdout", "utf8"));
const got = JSON.stringify(s.modules[0].question_types);
const want = JSON.stringify({single: 2, multi: 1, truefalse: 1, short: 1,
  matching: 1, numerical: 1, essay: 1, description: 1});
if (got !== want) { console.error(got); process.exit(1); }
' || fail "README question types differ"
cat > answers.json <<'JSON'
{"single": "At a designated checkpoint, during its hours",
 "multi": ["Malaysia", "Cambodia"],
 "tf": false,
 "short": "the STOLEN and lost database",
 "match": {"API": "data from the travel document",
           "PNR": "data from the travel document",
           "SLTD": "INTERPOL's list of lost and stolen documents"},
 "numerical": 2003,
 "missing": "Royal Thai Police",
 "essay": "I would sit at the child's level."}
JSON
run score course/01-m answers.json --json
expect_exit 0
node -e '
const s = JSON.parse(require("fs").readFileSync("stdout", "utf8"));
const got = s.questions.map(q => q.id + "=" + +q.credit.toFixed(6)).join(" ");
const want = "single=1 multi=0.5 tf=1 short=0.5 match=0.666667 " +
  "numerical=0.5 missing=1 essay=0";
if (got !== want) { console.error(got); process.exit(1); }
if (s.max !== 7) { console.error("max", s.max); process.exit(1); }
' || fail "README examples score differently: $(cat stdout)"
