-- The course: Foundation Training for Law Enforcement Officers on
-- border management, smuggling of migrants and trafficking in persons,
-- with Thailand as the state context. The format: examples/FORMAT.md.
--
-- Module folders are the identities an LMS tracks learners by: never
-- rename one once learners have started.
course {
  id = "bm-th-foundation",
  title = "Border Management Foundation Course for Law Enforcement Officers",
  description = "Sixteen modules in four components on border control, "
    .. "migration, traveller assessment and information management, "
    .. "with Thailand as the state context.",
  language = "en",
  version = "1.0.0",
  intro = "intro.md",
  closing = "closing.md",
  pass_mark = 80,
  max_attempts = 0,
  keep = "best",
  feedback = "after-submit",
  show_correct = true,
  completion = "all-passed",
  layout = "single",
  scorm = "1.2",
  minutes = 30,
}

component "Border Control"
module { "01-border-management",
         title = "Border management: purpose, balance, actors" }
