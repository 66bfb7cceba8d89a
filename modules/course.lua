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
  require_feedback = true,
  completion = "all-passed",
  layout = "single",
  scorm = "1.2",
  minutes = 30,
}

component "Border Control"
module { "01-border-management",
         title = "Border management: purpose, balance, actors" }
module { "02-human-rights-at-the-border",
         title = "Human rights and legal limits at the border" }
module { "03-organised-crime-and-smuggling",
         title = "Organised crime and migrant smuggling" }
module { "04-border-operations",
         title = "Border operations: conveyances, carriers, cooperation" }

component "Migration and Border Management"
module { "05-migration-concepts",
         title = "Migration concepts and terminology" }
module { "06-vulnerable-groups",
         title = "Vulnerable groups and protection-sensitive borders" }
module { "07-trafficking-and-smuggling",
         title = "Trafficking in persons and smuggling of migrants" }
module { "08-detecting-trafficking",
         title = "Detecting trafficking; Thailand's prosecution framework" }

component "Traveller Assessment Process"
module { "09-travel-documents",
         title = "Travel documents and ICAO standards" }
module { "10-document-fraud",
         title = "Document fraud and impostor detection" }
module { "11-communication-and-questioning",
         title = "Communication and questioning" }
module { "12-admissibility-and-referral",
         title = "Admissibility decisions and referral" }

component "Information Management"
module { "13-information-sharing",
         title = "Information sharing and inter-agency cooperation" }
module { "14-advance-passenger-data",
         title = "Advance passenger data: API and PNR" }
module { "15-alert-lists-and-databases",
         title = "Alert lists and international databases" }
module { "16-privacy-and-data-protection",
         title = "Privacy, data protection and confidentiality" }
