/*
 * quizlint.h - author checks on questions: what Moodle accepts but a
 * course team would not mean
 * SPDX-License-Identifier: MIT
 */
#ifndef SCORMC_QUIZLINT_H
#define SCORMC_QUIZLINT_H

#include <stdbool.h>

#include "diag.h"
#include "gift.h"

/* Check the questions of 'doc' (parsed from 'file') as warnings:
 * questions that cannot reach full marks, multiple-answer weights that
 * do not add up to 100 %, duplicate answers, matching with fewer than
 * two pairs, overlapping numerical answers with different weights, and
 * with 'require_feedback' answers without feedback. */
void quizlint_doc(const gift_doc *doc, const char *file,
                  bool require_feedback, diag_list *diags);

/* Warn about question titles used twice among 'docs' (one module). */
void quizlint_titles(const gift_doc *const *docs,
                     const char *const *files, size_t count,
                     diag_list *diags);

#endif
