/*
 * test_scorer.c - the freestanding scorer and the question table
 * SPDX-License-Identifier: MIT
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "gift.h"
#include "qtable.h"
#include "scorer.h"

/* A table built from GIFT source. */
typedef struct {
  unsigned char *data;
  size_t len;
} table;

static table build(const char *gift)
{
  gift_doc *doc;
  diag_list d;
  table t;

  diag_init(&d);
  assert_int_equal(gift_parse(&doc, gift, strlen(gift), "t.gift", 1, &d),
                   0);
  assert_int_equal(qtable_build(&t.data, &t.len, doc->questions,
                                doc->count, &d), 0);
  gift_doc_free(doc);
  diag_free(&d);
  return t;
}

/* Scores 'r' against the one-question 'gift'; returns the credit. */
static double credit_of(const char *gift, qresp *r)
{
  table t = build(gift);
  double credits[4];
  scorer_result res;

  assert_false(qresp_failed(r));
  assert_int_equal(scorer_score(t.data, t.len, r->data, r->len, credits,
                                4, &res), SCORER_OK);
  free(t.data);
  qresp_free(r);
  return credits[0];
}

static double text_credit(const char *gift, const char *response)
{
  qresp r;

  qresp_init(&r);
  qresp_text(&r, response, strlen(response));
  return credit_of(gift, &r);
}

static double list_credit(const char *gift, int n, ...)
{
  qresp r;
  va_list ap;

  qresp_init(&r);
  qresp_list(&r);
  va_start(ap, n);
  for (int i = 0; i < n; i++) {
    const char *s = va_arg(ap, const char *);
    qresp_item(&r, s, strlen(s));
  }
  va_end(ap);
  return credit_of(gift, &r);
}

static double bool_credit(const char *gift, bool v)
{
  qresp r;

  qresp_init(&r);
  qresp_bool(&r, v);
  return credit_of(gift, &r);
}

#define assert_credit(got, want) \
  assert_true(fabs_((got) - (want)) < 1e-12)

static double fabs_(double x)
{
  return x < 0 ? -x : x;
}

/* ---- single, multi, true/false ---------------------------------- */

static void single__weight_of_chosen_answer(void **state)
{
  const char *q = "Q? {=right ~wrong ~%50%half ~%-50%bad}";

  (void)state;
  assert_credit(text_credit(q, "right"), 1);
  assert_credit(text_credit(q, "wrong"), 0);
  assert_credit(text_credit(q, "half"), 0.5);
  assert_credit(text_credit(q, "bad"), 0);          /* floored */
  assert_credit(text_credit(q, "  right \n"), 1);   /* trimmed */
  assert_credit(text_credit(q, "Right"), 0);        /* exact text */
  assert_credit(text_credit(q, "other"), 0);
}

static void multi__sum_clamped(void **state)
{
  const char *q = "Q? {~%50%a ~%50%b ~%-100%c ~d}";

  (void)state;
  assert_credit(list_credit(q, 2, "a", "b"), 1);
  assert_credit(list_credit(q, 1, "a"), 0.5);
  assert_credit(list_credit(q, 3, "a", "b", "c"), 0);
  assert_credit(list_credit(q, 2, "a", "c"), 0);      /* clamped at 0 */
  assert_credit(list_credit(q, 3, "a", "b", "d"), 1);
  assert_credit(list_credit(q, 3, "a", "a", "a"), 0.5);  /* once */
  assert_credit(list_credit(q, 0), 0);
  assert_credit(text_credit(q, "a"), 0);   /* a text is not a list */
}

static void multi__over_one_hundred_clamped(void **state)
{
  (void)state;
  assert_credit(list_credit("Q? {~%75%a ~%75%b ~c}", 2, "a", "b"), 1);
}

static void truefalse__right_value(void **state)
{
  (void)state;
  assert_credit(bool_credit("Q {T}", true), 1);
  assert_credit(bool_credit("Q {T}", false), 0);
  assert_credit(bool_credit("Q {FALSE}", false), 1);
  assert_credit(bool_credit("Q {FALSE}", true), 0);
  assert_credit(text_credit("Q {T}", "true"), 0);
}

/* ---- totals and errors ------------------------------------------ */

static void totals__points_earned_over_max(void **state)
{
  table t = build("A {=a ~b}\n\nB {T}\n\nC {~%50%x ~%50%y}\n\nD {}\n\n"
                  "Just text.");
  double credits[5];
  scorer_result res;
  qresp r;

  (void)state;
  qresp_init(&r);
  qresp_text(&r, "a", 1);
  qresp_bool(&r, false);
  qresp_list(&r);
  qresp_item(&r, "x", 1);
  qresp_text(&r, "an essay", 8);
  assert_int_equal(scorer_score(t.data, t.len, r.data, r.len, credits, 5,
                                &res), SCORER_OK);
  assert_credit(credits[0], 1);
  assert_credit(credits[1], 0);
  assert_credit(credits[2], 0.5);
  assert_credit(credits[3], 0);
  assert_credit(credits[4], 0);
  assert_credit(res.earned, 1.5);
  assert_credit(res.max, 3);
  assert_credit(res.percent, 50);
  qresp_free(&r);
  free(t.data);
}

static void totals__points_per_question(void **state)
{
  gift_doc *doc;
  diag_list d;
  unsigned char *t;
  size_t n;
  double points[2] = { 3, 1 }, credits[2];
  scorer_result res;
  qresp r;

  (void)state;
  diag_init(&d);
  assert_int_equal(gift_parse(&doc, "A {T}\n\nB {T}", 12, NULL, 1, &d), 0);
  assert_int_equal(qtable_build_points(&t, &n, doc->questions, points,
                                       doc->count, &d), 0);
  qresp_init(&r);
  qresp_bool(&r, true);
  assert_int_equal(scorer_score(t, n, r.data, r.len, credits, 2, &res),
                   SCORER_OK);
  assert_credit(res.earned, 3);
  assert_credit(res.max, 4);
  assert_credit(res.percent, 75);
  assert_true(scorer_points(t, n, 0) == 3);
  qresp_free(&r);
  free(t);
  gift_doc_free(doc);
  diag_free(&d);
}

static void totals__no_responses_and_only_essays(void **state)
{
  table t = build("A {}\n\nB {}");
  double credits[2];
  scorer_result res;

  (void)state;
  assert_int_equal(scorer_score(t.data, t.len, NULL, 0, credits, 2, &res),
                   SCORER_OK);
  assert_credit(res.max, 0);
  assert_credit(res.percent, 0);
  free(t.data);
}

static void errors__bad_table_and_responses(void **state)
{
  table t = build("A {=a ~b}");
  double credits[1];
  scorer_result res;
  qresp r;

  (void)state;
  qresp_init(&r);
  qresp_text(&r, "a", 1);
  assert_int_equal(scorer_score(t.data, t.len - 1, r.data, r.len, credits,
                                1, &res), SCORER_EBADTABLE);
  assert_int_equal(scorer_score(t.data, t.len, r.data, r.len - 1, credits,
                                1, &res), SCORER_EBADRESPONSE);
  assert_int_equal(scorer_score(t.data, t.len, r.data, r.len, credits, 0,
                                &res), SCORER_ESPACE);
  t.data[4] = 9;
  assert_int_equal(scorer_count(t.data, t.len), SCORER_EVERSION);
  t.data[4] = 1;
  qresp_text(&r, "extra", 5);   /* more responses than questions */
  assert_int_equal(scorer_score(t.data, t.len, r.data, r.len, credits, 1,
                                &res), SCORER_EBADRESPONSE);
  assert_int_equal(scorer_count(NULL, 0), SCORER_EBADTABLE);
  qresp_free(&r);
  free(t.data);
}

/* Every truncation and every byte flip of a table and its responses
 * must give a result or an error code, never a crash (ASan checks). */
static void errors__mutations_never_crash(void **state)
{
  table t = build("A {=a ~b}\n\nB {~%50%x ~%50%y}\n\nC {T}\n\nD {}");
  double credits[8];
  scorer_result res;
  qresp r;

  (void)state;
  qresp_init(&r);
  qresp_text(&r, "a", 1);
  qresp_list(&r);
  qresp_item(&r, "x", 1);
  qresp_bool(&r, true);
  for (size_t cut = 0; cut <= t.len; cut++)
    scorer_score(t.data, cut, r.data, r.len, credits, 8, &res);
  for (size_t cut = 0; cut <= r.len; cut++)
    scorer_score(t.data, t.len, r.data, cut, credits, 8, &res);
  for (size_t i = 0; i < t.len; i++) {
    for (int bit = 0; bit < 8; bit++) {
      t.data[i] ^= (unsigned char)(1 << bit);
      scorer_score(t.data, t.len, r.data, r.len, credits, 8, &res);
      t.data[i] ^= (unsigned char)(1 << bit);
    }
  }
  for (size_t i = 0; i < r.len; i++) {
    for (int bit = 0; bit < 8; bit++) {
      r.data[i] ^= (unsigned char)(1 << bit);
      scorer_score(t.data, t.len, r.data, r.len, credits, 8, &res);
      r.data[i] ^= (unsigned char)(1 << bit);
    }
  }
  qresp_free(&r);
  free(t.data);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(single__weight_of_chosen_answer),
    cmocka_unit_test(multi__sum_clamped),
    cmocka_unit_test(multi__over_one_hundred_clamped),
    cmocka_unit_test(truefalse__right_value),
    cmocka_unit_test(totals__points_earned_over_max),
    cmocka_unit_test(totals__points_per_question),
    cmocka_unit_test(totals__no_responses_and_only_essays),
    cmocka_unit_test(errors__bad_table_and_responses),
    cmocka_unit_test(errors__mutations_never_crash),
  };

  return cmocka_run_group_tests_name("scorer", tests, NULL, NULL);
}
