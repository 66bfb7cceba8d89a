# The example course builds into one valid SCORM 1.2 package.
copy_course examples/minimal
run build course -o out --scorm 1.2
expect_exit 0
expect_stdout 'out/scormc-minimal-scorm12.zip'
[ -f out/scormc-minimal-scorm12.zip ] || fail "no package"
unzip -q out/scormc-minimal-scorm12.zip -d pkg
grep -q '<schemaversion>1.2</schemaversion>' pkg/imsmanifest.xml ||
  fail "schemaversion is not 1.2"
grep -q 'adlcp:scormtype="sco"' pkg/imsmanifest.xml || fail "no SCO"
for f in index.html scormc/course.js scormc/runtime.js \
         scormc/scorer-wasm.js media/01-welcome/line.svg \
         imscp_rootv1p1p2.xsd adlcp_rootv1p2.xsd; do
  [ -f "pkg/$f" ] || fail "package lacks $f"
done
first=$(unzip -Z1 out/scormc-minimal-scorm12.zip | head -1)
[ "$first" = imsmanifest.xml ] || fail "first entry is $first"
