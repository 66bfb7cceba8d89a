-- The course the browser tests build (tests/browser/runtime.test.mjs).
-- Small on purpose: two modules, two attempts each, every graded
-- question type of the build issue (single, multiple, true/false).
course {
  id = "scormc-browser-test",
  title = "Browser test course",
  description = "A small course that the browser tests build into every edition and layout.",
  language = "en",
  version = "1.0.0",
  intro = "intro.md",
  closing = "closing.md",
  glossary = "glossary.md",
  pass_mark = 80,
  max_attempts = 2,
  keep = "best",
  feedback = "after-submit",
  show_correct = true,
}

component "Basics"

module "01-alpha"

component "Next steps"

module "02-beta"
