# stats --json counts with the parser.
copy_course examples/minimal
run stats course --json
expect_exit 0
node -e '
const s = JSON.parse(require("fs").readFileSync("stdout", "utf8"));
const m = s.modules[0];
const want = {folder: "01-welcome", pages: 2, checks: 1, scenarios: 1,
              questions: 3, footnotes: 1, glossary_links: 2};
for (const k in want)
  if (m[k] !== want[k]) { console.error(k, m[k], "!=", want[k]); process.exit(1); }
if (JSON.stringify(m.question_types) !== JSON.stringify({single: 1, multi: 1, truefalse: 1}))
  { console.error("types", m.question_types); process.exit(1); }
if (s.glossary_terms !== 2) process.exit(1);
' || fail "unexpected stats: $(cat stdout)"
