/*
 * gift_fuzz.c - libFuzzer target: the GIFT parser, the table it feeds
 * and the scorer reading that table
 * SPDX-License-Identifier: MIT
 *
 * 'make fuzz' runs it; test_gift.c includes this file with
 * GIFT_FUZZ_REPLAY defined to replay tests/fuzz/corpus as a normal test.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "gift.h"
#include "qtable.h"
#include "scorer.h"

/* Responses built from the question itself, so the scorer walks every
 * answer of a real table: each answer's own text, number or pairs. */
static void gift_fuzz__responses(const gift_doc *doc, qresp *r)
{
  for (size_t i = 0; i < doc->count; i++) {
    const gift_question *q = &doc->questions[i];
    const gift_answer *a = q->answer_count ? &q->answers[0] : NULL;
    if (q->type == GIFT_TRUEFALSE) {
      qresp_bool(r, i % 2);
    } else if (q->type == GIFT_NUMERICAL && a) {
      qresp_number(r, a->value);
    } else if (q->type == GIFT_MULTI || q->type == GIFT_MATCHING) {
      q->type == GIFT_MULTI ? qresp_list(r) : qresp_pairs(r);
      for (size_t k = 0; k < q->answer_count; k++) {
        const char *t = q->answers[k].text;
        const char *m = q->answers[k].match ? q->answers[k].match : t;
        if (q->type == GIFT_MULTI)
          qresp_item(r, t, strlen(t));
        else
          qresp_pair(r, t, strlen(t), m, strlen(m));
      }
    } else if (a && a->text) {
      qresp_text(r, a->text, strlen(a->text));
    } else {
      qresp_none(r);
    }
  }
}

static void gift_fuzz__score(const gift_doc *doc)
{
  unsigned char *table = NULL;
  size_t len = 0;
  double *credits;
  scorer_result res;
  diag_list d;
  qresp r;

  diag_init(&d);
  if (qtable_build(&table, &len, doc->questions, doc->count, &d) == 0) {
    credits = malloc((doc->count + 1) * sizeof *credits);
    qresp_init(&r);
    gift_fuzz__responses(doc, &r);
    if (credits && !qresp_failed(&r))
      scorer_score(table, len, r.data, r.len, credits, doc->count, &res);
    qresp_free(&r);
    free(credits);
  }
  free(table);
  diag_free(&d);
}

static void gift_fuzz__parse(const uint8_t *data, size_t size,
                             unsigned flags)
{
  gift_doc *doc = NULL;
  diag_list d;
  char line[1200];

  diag_init(&d);
  if (gift_parse_flags(&doc, (const char *)data, size, "fuzz.gift", 1,
                       flags, &d) == 0)
    gift_fuzz__score(doc);
  for (size_t i = 0; i < d.count; i++)
    diag_format(&d.items[i], line, sizeof line);
  gift_doc_free(doc);
  diag_free(&d);
}

/* One input: both parser modes, and the input as a short-answer
 * pattern against itself and its halves. */
static int gift_fuzz_one(const uint8_t *data, size_t size)
{
  gift_fuzz__parse(data, size, 0);
  gift_fuzz__parse(data, size, GIFT_ONE_QUESTION);
  scorer_text_match(data, size, data, size);
  scorer_text_match(data, size / 2, data + size / 2, size - size / 2);
  return 0;
}

#ifndef GIFT_FUZZ_REPLAY
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  return gift_fuzz_one(data, size);
}
#endif
