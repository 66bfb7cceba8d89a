-- The course tests/browser/types.test.mjs builds: one module whose
-- assessment holds every GIFT question type (issue 3), checked question
-- by question ('after-question'), a pass mark of 100 and two attempts.
course {
  id = "scormc-browser-types",
  title = "Every question type",
  description = "One module with every GIFT question type, for the browser tests.",
  language = "en",
  version = "1.0.0",
  pass_mark = 100,
  max_attempts = 2,
  feedback = "after-question",
  show_correct = true,
}

component "Types"

module "01-types"

module {
  "02-pool",
  title = "A drawn and timed assessment",
  draw = 2,              -- two of the four questions each attempt
  shuffle = true,        -- answers shuffled, seeded by the attempt
  time_limit = 1,        -- one minute, then the answers are submitted
  max_attempts = 3,
}
