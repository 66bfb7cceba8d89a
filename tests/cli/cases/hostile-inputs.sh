# Hostile inputs from a break-it session: each is refused with a
# message, a non-zero exit and no package.
copy_course examples/minimal
cp -R course base

# A second path is not silently ignored.
run build course /nonexistent -o out
expect_exit 2
expect_stderr "unexpected argument '/nonexistent'"

# SOURCE_DATE_EPOCH that is not a number.
SOURCE_DATE_EPOCH=garbage run build course -o out
expect_exit 1
expect_stderr "SOURCE_DATE_EPOCH must be a whole number"
expect_no_zip out

# -o naming a file.
touch afile
run build course -o afile
expect_exit 1
expect_stderr "the output must be a folder"

# A javascript: link.
printf '\n[click](javascript:alert(1))\n' >> course/01-welcome/01-about.md
run build course -o out
expect_exit 1
expect_stderr "01-about\.md:[0-9]+: error: link 'javascript:alert\(1\)'"
expect_no_zip out
rm -rf course && cp -R base course

# A control character in the course title.
sed -i 's/^  title = "scormc minimal example",/  title = "A\\1B",/' course/course.lua
run build course -o out
expect_exit 1
expect_stderr "course/course\.lua:5: error: title holds a control character"
expect_error_lines 1
expect_no_zip out
rm -rf course && cp -R base course

# A media file that links outside the course.
ln -s /etc/passwd course/01-welcome/pw.svg
printf '\n![pw](pw.svg)\n' >> course/01-welcome/01-about.md
run build course -o out
expect_exit 1
expect_stderr "image 'pw\.svg' lies outside the course folder"
expect_no_zip out
rm -rf course && cp -R base course

# A module folder named like the certificate page.
mv course/02-checkpoints course/certificate
sed -i 's/"02-checkpoints"/"certificate"/' course/course.lua
run build course -o out --layout per-module
expect_exit 1
expect_stderr "module folder 'certificate' must be a plain name"
expect_no_zip out

# A score of a file that is not GIFT.
run score course/01-welcome/01-about.md /dev/null
expect_exit 1
expect_stderr "not a quiz"
