-- The course tests/browser/ui.test.mjs builds: what a learner reads
-- (a wide table, footnotes, a long word and a long address, a glossary
-- long enough for its letter index) at phone and desktop widths, and a
-- menu of two components whose numbering runs on.
course {
  id = "scormc-browser-ui",
  title = "Reading on a small screen",
  description = "Pages that stress the runtime's layout, for the browser tests.",
  language = "en",
  version = "1.0.0",
  intro = "intro.md",
  glossary = "glossary.md",
}

component "First part"

module "01-reading"

component "Second part"

module "02-more"
