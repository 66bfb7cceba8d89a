-- The course tests/browser/policy.test.mjs builds: the course-wide
-- feedback policy and show_correct, keep = "last" against "best", and
-- the seeded answer shuffle. The test builds it as it is and with the
-- two 'policy' lines below rewritten (never / after-question, and
-- show_correct = false), so keep each of them on a line of its own.
course {
  id = "scormc-browser-policy",
  title = "Feedback, keep and shuffle",
  description = "Small modules for the feedback policy, keep and shuffle browser tests.",
  language = "en",
  version = "1.0.0",
  pass_mark = 100,
  max_attempts = 2,
  feedback = "after-submit",   -- policy
  show_correct = true,         -- policy
}

component "Policies"

module "01-feedback"

module {
  "02-keep-last",
  pass_mark = 80,
  keep = "last",
}

module {
  "03-keep-best",
  pass_mark = 80,
  keep = "best",
}

module {
  "04-shuffle",
  shuffle = true,
  max_attempts = 3,
}
