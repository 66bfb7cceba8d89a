/*
 * content.h - read a course's Markdown pages, glossary and questions
 * SPDX-License-Identifier: MIT
 *
 * content_load reads everything course.lua points at, renders pages to
 * HTML with cmark-gfm, resolves glossary links, collects knowledge
 * checks, scenarios and assessments, and counts what 'scormc stats'
 * reports. All diagnostics name the source file and line.
 */
#ifndef SCORMC_CONTENT_H
#define SCORMC_CONTENT_H

#include <stddef.h>

#include "course.h"
#include "diag.h"
#include "gift.h"

/* The manifest's smallest title limit (SCORM's SPM). */
#define CONTENT_MAX_TITLE 200

/* A media file may be at most this large. */
#define CONTENT_MAX_MEDIA_BYTES (64u << 20)

typedef struct {
  char *path;            /* e.g. "modules/01-x/02-topic.md" */
  char *title;           /* the first '# ' heading */
  char *html;
  int words;             /* prose words: see content_module */
  int footnotes;
  int glossary_links;
} content_page;

/* A knowledge check or a decision scenario: one GIFT question. */
typedef struct {
  gift_doc *doc;
  char *path;
  int line;
} content_block;

typedef struct {
  char *folder;          /* media go to media/<folder>/ */
  char *title;           /* course.lua's, or the first page's title */
  content_page *pages;
  size_t page_count;
  content_block *checks;
  size_t check_count;
  content_block *scenarios;
  size_t scenario_count;
  gift_doc *assessment;  /* NULL when the module has none */
  char *assessment_path;
  char **media;          /* paths relative to the module folder, sorted */
  size_t media_count;
} content_module;

typedef struct {
  char *id;              /* slug of the term */
  char *term;
  char *html;            /* the definition */
  char *path;
  int line;
  int links;             /* links from content pages */
} glossary_term;

typedef struct {
  char *root;                /* the course folder: nothing is read
                                from outside it */
  content_module *modules;   /* one per course module, same order */
  size_t module_count;
  content_module course_pages;   /* intro, closing and their media */
  content_page *intro, *closing; /* point into course_pages, or NULL */
  glossary_term *terms;      /* sorted by id */
  size_t term_count;
} content_t;

/* Load every source 'course' names. Returns 0 and sets *out, or -1
 * with at least one error in 'diags'. Warnings do not fail. */
int content_load(content_t **out, const course_t *course,
                 diag_list *diags);
void content_free(content_t *content);

/* Render a Markdown snippet (question text, feedback) to HTML. The
 * snippet was checked when the course was loaded. Caller frees. */
char *content_render_snippet(const char *markdown);

/* The glossary page as HTML, terms sorted. Caller frees. */
char *content_glossary_html(const content_t *content);

#endif
