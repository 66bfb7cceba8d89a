# scormc score prints each question's credit and the total.
cat > quiz.gift <<'GIFT'
::single:: Where may people cross? {
  =At a checkpoint # Right.
  ~Anywhere # No.
}

::tf:: A green border is a crossing point. {F}

::multi:: Which are checkpoints? {
  ~%50%An airport # Yes.
  ~%50%A land post # Yes.
  ~%-100%A forest path # No.
}

Untitled question, the fourth. {T}
GIFT
cat > answers.json <<'JSON'
{"single": "At a checkpoint", "tf": true,
 "multi": ["An airport", "A forest path"], "q4": true}
JSON
run score quiz.gift answers.json --json
expect_exit 0
node -e '
const s = JSON.parse(require("fs").readFileSync("stdout", "utf8"));
const credits = s.questions.map(q => q.id + "=" + q.credit).join(" ");
if (credits !== "single=1 tf=0 multi=0 q4=1") throw new Error(credits);
if (s.earned !== 2 || s.max !== 4 || s.percent !== 50) throw new Error(JSON.stringify(s));
' || fail "unexpected: $(cat stdout)"
printf '{"single": 3}' > wrong.json
run score quiz.gift wrong.json
expect_exit 0
expect_stderr "response to 'single' must be a string"
expect_stdout "total: 0/4 = 0%"
printf '{"single": ' > broken.json
run score quiz.gift broken.json
expect_exit 1
expect_stderr "^broken\.json:1:[0-9]+: error: "
# A list with a non-string entry is unanswered and spoils nothing after.
printf '{"multi": ["An airport", 1], "tf": false, "q4": true}' > mixed.json
run score quiz.gift mixed.json
expect_exit 0
expect_stderr "response to 'multi' must be an array of answer texts"
expect_stdout "total: 2/4 = 50%"
# A matching response naming a left item the question lacks is flagged.
printf '::m:: Match {\n=a -> 1\n=b -> 2\n}\n' > match.gift
printf '{"m": {"a": "1", "c": "2"}}' > match.json
run score match.gift match.json
expect_exit 0
expect_stderr "names 'c', which is not one of its left items"
expect_stdout "total: 0.5/1 = 50%"
