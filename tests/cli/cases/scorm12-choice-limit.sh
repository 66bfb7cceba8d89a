# A question with more than 36 choices cannot be reported in SCORM 1.2:
# the 1.2 build refuses it at its line; 2004 builds it.
mkdir -p course/01-a
node -e '
let s = "::big:: Pick one {";
for (let i = 0; i < 40; i++) s += (i ? " ~" : " =") + "a" + i + " # f";
console.log(s + "}");' > course/01-a/assessment.gift
printf '# P\n\nText.\n' > course/01-a/01-p.md
printf 'course { id = "c", title = "T" }\ncomponent "A"\nmodule "01-a"\n' \
  > course/course.lua
run build course -o out --scorm 1.2
expect_exit 1
expect_stderr "^course/01-a/assessment\.gift:1: error: question 'big' has 40 answers"
expect_no_zip out
run build course -o out --scorm 2004-4
expect_exit 0
