# lint reports questions an author would not mean to write.
copy_course examples/minimal
sed -i 's/  max_attempts = 2,/  max_attempts = 2,\n  require_feedback = true,/' course/course.lua
cat >> course/02-checkpoints/assessment.gift <<'GIFT'

::sum:: Weights short of 100 {
  ~%40%a # A.
  ~%40%b # B.
  ~%-100%c # C.
}

::dup:: Same answer twice {
  =yes # Yes.
  ~no # No.
  ~no # No again.
}

::m2-q1:: A title used twice. {T # Wrong. # Right.}

::match:: One pair only {
  =a -> b
  = -> c
  ####General.
}

::num:: Overlap {#
  =%100%10:2 # Close.
  =%50%11:1 # Also close.
}

::nofb:: Feedback missing {
  =right
  ~wrong # Wrong.
}
GIFT
run lint course
expect_exit 0
for want in "'sum' cannot reach full marks" \
            "'dup' has the same answer twice" \
            "question title 'm2-q1' is used twice" \
            "'match' matches fewer than two pairs" \
            "'num' has numerical answers whose ranges overlap" \
            "'nofb' has an answer without feedback"; do
  expect_stderr "assessment\.gift:[0-9]+: warning: .*$want"
done
run lint course --werror
expect_exit 1
run build course -o out --werror
expect_exit 1
expect_no_zip out
