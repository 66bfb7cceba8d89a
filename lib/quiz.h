/*
 * quiz.h - load a question bank, score responses, export it for Moodle
 * SPDX-License-Identifier: MIT
 *
 * The CLI side of the quiz core: 'scormc score' and
 * 'scormc export-questions'. Scoring goes through the same table and
 * freestanding scorer the packages run as WebAssembly.
 */
#ifndef SCORMC_QUIZ_H
#define SCORMC_QUIZ_H

#include <stddef.h>

#include "diag.h"
#include "gift.h"

/* Load 'path': a .gift file, or a module folder holding
 * assessment.gift. Returns 0 and sets *out, or -1 with diagnostics. */
int quiz_load(gift_doc **out, const char *path, diag_list *diags);

/* The id a question answers to in a responses file: its title, or
 * "q<n>" with n its 1-based position among the questions that are not
 * descriptions. NULL for a description. Caller frees. */
char *quiz_question_id(const gift_doc *doc, size_t index);

typedef struct {
  char *id;
  double credit;      /* 0..1 */
  double earned;      /* credit x points */
  double points;      /* 0 for essays: not counted */
} quiz_item;

typedef struct {
  quiz_item *items;   /* one per question but descriptions */
  size_t count;
  double earned, max, percent;
} quiz_score;

/* Score the JSON object 'json' (see README: keys are question ids,
 * values the learner's responses) against 'doc'. 'json_path' places
 * diagnostics. Returns 0 and fills *out, or -1. */
int quiz_score_json(quiz_score *out, const gift_doc *doc,
                    const char *json, size_t len, const char *json_path,
                    diag_list *diags);
void quiz_score_free(quiz_score *score);

/* Write 'doc' as Moodle XML (category 'category' when not NULL), for
 * Moodle's question bank import. Caller frees. */
char *quiz_moodle_xml(const gift_doc *const *docs,
                      const char *const *categories, size_t count);

/* Write 'doc' back as GIFT, one question per paragraph, under
 * '$CATEGORY: category' when not NULL. Appends to 'out'. */
char *quiz_gift(const gift_doc *const *docs,
                const char *const *categories, size_t count);

#endif
