-- A small course that uses every feature of the format.
-- Build it with: scormc build examples/minimal -o /tmp/out
course {
  id = "scormc-minimal",
  title = "scormc minimal example",
  description = "Two short modules that show every feature of the format.",
  language = "en",
  version = "1.0.0",
  intro = "intro.md",
  closing = "closing.md",
  glossary = "glossary.md",
  pass_mark = 80,
  max_attempts = 2,
  feedback = "after-submit",
}

component "Getting started"

module "01-welcome"

component "At the border"

module {
  "02-checkpoints",
  title = "Checkpoints and crossing points",
  pass_mark = 50,
}
