/*
 * quizlint.c - author checks on questions
 * SPDX-License-Identifier: MIT
 */
#include "quizlint.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Weights are percentages written by hand; 33.333 three times is a
 * full mark. */
#define WEIGHT_SLACK 0.01

typedef struct {
  const char *file;
  diag_list *diags;
  const gift_question *q;
} lint_ctx;

static const char *name_of(const gift_question *q)
{
  return q->title ? q->title : "untitled";
}

static void warn(const lint_ctx *l, int line, const char *what)
{
  diag_warn(l->diags, l->file, line ? line : l->q->line, 0,
            "question '%s' %s", name_of(l->q), what);
}

static double best_weight(const gift_question *q)
{
  double best = 0;

  for (size_t i = 0; i < q->answer_count; i++)
    if (q->answers[i].weight > best)
      best = q->answers[i].weight;
  return best;
}

static void check_full_marks(const lint_ctx *l)
{
  const gift_question *q = l->q;
  double positive = 0;

  if (q->type == GIFT_MULTI) {
    for (size_t i = 0; i < q->answer_count; i++)
      if (q->answers[i].weight > 0)
        positive += q->answers[i].weight;
    if (positive < 100 - WEIGHT_SLACK)
      warn(l, 0, "cannot reach full marks: its positive weights add up "
                 "to less than 100%");
    else if (positive > 100 + WEIGHT_SLACK)
      warn(l, 0, "has positive weights that add up to more than 100%");
    return;
  }
  if ((q->type == GIFT_SINGLE || q->type == GIFT_SHORT ||
       q->type == GIFT_NUMERICAL) &&
      best_weight(q) < 100 - WEIGHT_SLACK)
    warn(l, 0, "cannot reach full marks: no answer is worth 100%");
}

static void check_duplicates(const lint_ctx *l)
{
  const gift_question *q = l->q;

  if (q->type == GIFT_NUMERICAL || q->type == GIFT_TRUEFALSE)
    return;
  for (size_t i = 0; i < q->answer_count; i++)
    for (size_t j = i + 1; j < q->answer_count; j++)
      if (q->answers[i].text && q->answers[j].text &&
          *q->answers[j].text &&
          strcmp(q->answers[i].text, q->answers[j].text) == 0) {
        warn(l, q->answers[j].line, "has the same answer twice");
        return;
      }
}

static void check_matching(const lint_ctx *l)
{
  size_t pairs = 0;

  for (size_t i = 0; i < l->q->answer_count; i++)
    pairs += l->q->answers[i].text && *l->q->answers[i].text;
  if (pairs < 2)
    warn(l, 0, "matches fewer than two pairs");
}

static void answer_range(const gift_answer *a, double *lo, double *hi)
{
  if (a->num_kind == GIFT_NUM_RANGE) {
    *lo = a->min;
    *hi = a->max;
  } else {
    *lo = a->value - fabs(a->tolerance);
    *hi = a->value + fabs(a->tolerance);
  }
}

/* The scorer takes the first matching answer, so an overlap with a
 * different weight makes the order decide the mark. */
static void check_numeric_overlap(const lint_ctx *l)
{
  const gift_question *q = l->q;

  for (size_t i = 0; i < q->answer_count; i++) {
    double lo1, hi1;
    if (q->answers[i].num_kind == GIFT_NUM_ANY)
      continue;
    answer_range(&q->answers[i], &lo1, &hi1);
    for (size_t j = i + 1; j < q->answer_count; j++) {
      double lo2, hi2;
      if (q->answers[j].num_kind == GIFT_NUM_ANY ||
          q->answers[i].weight == q->answers[j].weight)
        continue;
      answer_range(&q->answers[j], &lo2, &hi2);
      if (lo1 <= hi2 && lo2 <= hi1) {
        warn(l, q->answers[j].line, "has numerical answers whose ranges "
                                    "overlap with different weights");
        return;
      }
    }
  }
}

static bool empty(const char *s)
{
  return !s || !*s;
}

static void check_feedback(const lint_ctx *l)
{
  const gift_question *q = l->q;

  if (q->type == GIFT_TRUEFALSE) {
    if (empty(q->feedback_true) || empty(q->feedback_false))
      warn(l, 0, "needs feedback for both answers (the course requires "
                 "feedback)");
    return;
  }
  if (q->type == GIFT_MATCHING || q->type == GIFT_ESSAY ||
      q->type == GIFT_DESCRIPTION) {
    if (empty(q->general_feedback))
      warn(l, 0, "needs general feedback (####) (the course requires "
                 "feedback)");
    return;
  }
  for (size_t i = 0; i < q->answer_count; i++)
    if (empty(q->answers[i].feedback) &&
        q->answers[i].num_kind != GIFT_NUM_ANY) {
      warn(l, q->answers[i].line, "has an answer without feedback (the "
                                  "course requires feedback)");
      return;
    }
}

/* An untitled question answers to "q<n>" (its place among the
 * questions that are not descriptions): a title of that form on
 * another question would take its responses. */
static void check_generated_ids(const gift_doc *doc, const char *file,
                                diag_list *diags)
{
  size_t position = 0;
  char id[32];

  for (size_t i = 0; i < doc->count; i++) {
    if (doc->questions[i].type == GIFT_DESCRIPTION)
      continue;
    position++;
    if (doc->questions[i].title)
      continue;
    snprintf(id, sizeof id, "q%zu", position);
    for (size_t j = 0; j < doc->count; j++)
      if (doc->questions[j].title &&
          strcmp(doc->questions[j].title, id) == 0)
        diag_warn(diags, file, doc->questions[i].line, 0, "this untitled "
                  "question's id '%s' is another question's title: give "
                  "it a '::title::'", id);
  }
}

void quizlint_doc(const gift_doc *doc, const char *file,
                  bool require_feedback, diag_list *diags)
{
  check_generated_ids(doc, file, diags);
  for (size_t i = 0; i < doc->count; i++) {
    lint_ctx l = {file, diags, &doc->questions[i]};
    check_full_marks(&l);
    check_duplicates(&l);
    if (l.q->type == GIFT_MATCHING)
      check_matching(&l);
    if (l.q->type == GIFT_NUMERICAL)
      check_numeric_overlap(&l);
    if (require_feedback)
      check_feedback(&l);
  }
}

void quizlint_titles(const gift_doc *const *docs,
                     const char *const *files, size_t count,
                     diag_list *diags)
{
  for (size_t d = 0; d < count; d++)
    for (size_t i = 0; i < docs[d]->count; i++) {
      const gift_question *q = &docs[d]->questions[i];
      bool seen = false;
      if (!q->title)
        continue;
      for (size_t e = 0; e <= d && !seen; e++)
        for (size_t j = 0; j < (e == d ? i : docs[e]->count) && !seen;
             j++)
          seen = docs[e]->questions[j].title &&
                 strcmp(docs[e]->questions[j].title, q->title) == 0;
      if (seen)
        diag_warn(diags, files[d], q->line, 0, "question title '%s' is "
                  "used twice in this module", q->title);
    }
}
