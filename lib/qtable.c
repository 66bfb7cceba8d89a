/*
 * qtable.c - serialise parsed questions into the scorer's question table
 * SPDX-License-Identifier: MIT
 */
#include "qtable.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scorer.h"

/* A growable byte buffer; 'failed' is sticky. */
typedef struct {
  unsigned char *data;
  size_t len, cap;
  bool failed;
} qtable__buf;

/* Tables and responses are addressed with u32 offsets. */
#define QTABLE__MAX 0x7FFFFFFFu

static unsigned char *qtable__grow(qtable__buf *b, size_t n)
{
  if (b->failed || n > QTABLE__MAX - b->len) {
    b->failed = true;
    return NULL;
  }
  if (b->len + n > b->cap) {
    size_t cap = b->cap ? b->cap : 256;
    unsigned char *d;
    while (cap < b->len + n)
      cap *= 2;
    d = realloc(b->data, cap);
    if (!d) {
      b->failed = true;
      return NULL;
    }
    b->data = d;
    b->cap = cap;
  }
  b->len += n;
  return b->data + b->len - n;
}

static void qtable__le(unsigned char *p, uint64_t v, int n)
{
  for (int i = 0; i < n; i++)
    p[i] = (unsigned char)(v >> (8 * i));
}

static void qtable__uint(qtable__buf *b, uint64_t v, int n)
{
  unsigned char *p = qtable__grow(b, (size_t)n);

  if (p)
    qtable__le(p, v, n);
}

static void qtable__f64(qtable__buf *b, double d)
{
  uint64_t u;

  memcpy(&u, &d, sizeof u);
  qtable__uint(b, u, 8);
}

static void qtable__str(qtable__buf *b, const char *s)
{
  size_t n = s ? strlen(s) : 0;
  unsigned char *p;

  qtable__uint(b, n, 4);
  p = qtable__grow(b, n);
  if (p && n)
    memcpy(p, s, n);
}

/* ---- the table -------------------------------------------------- */

static int qtable__answer(qtable__buf *b, const gift_question *q,
                          const gift_answer *a)
{
  switch (q->type) {
  case GIFT_SINGLE:
  case GIFT_MULTI:
  case GIFT_SHORT:
    qtable__f64(b, a->weight);
    qtable__str(b, a->text);
    break;
  case GIFT_NUMERICAL:
    qtable__uint(b, a->num_kind == GIFT_NUM_ANY, 1);
    qtable__f64(b, a->weight);
    qtable__f64(b, a->num_kind == GIFT_NUM_ANY ? 0 : a->min);
    qtable__f64(b, a->num_kind == GIFT_NUM_ANY ? 0 : a->max);
    if (a->num_kind != GIFT_NUM_ANY &&
        !(a->min <= a->max && a->min - a->min == 0 &&
          a->max - a->max == 0))
      return -1;
    break;
  case GIFT_MATCHING:
    qtable__str(b, a->text);
    qtable__str(b, a->match);
    break;
  default:
    break;
  }
  return a->weight >= -100 && a->weight <= 100 ? 0 : -1;
}

/* Types that carry answers in the table. */
static bool qtable__has_answers(gift_type t)
{
  return t != GIFT_TRUEFALSE && t != GIFT_ESSAY && t != GIFT_DESCRIPTION;
}

static int qtable__question(qtable__buf *b, const gift_question *q,
                            double points)
{
  size_t n = qtable__has_answers(q->type) ? q->answer_count : 0;

  if ((unsigned)q->type > GIFT_DESCRIPTION || n > 0xFFFF ||
      !(points >= 0 && points <= 1e9))
    return -1;
  qtable__uint(b, (uint64_t)q->type + 1, 1);
  qtable__uint(b, q->type == GIFT_TRUEFALSE && q->truth, 1);
  qtable__uint(b, n, 2);
  qtable__f64(b, points);
  for (size_t i = 0; i < n; i++)
    if (qtable__answer(b, q, &q->answers[i]) < 0)
      return -1;
  return 0;
}

int qtable_build_points(unsigned char **out, size_t *out_len,
                        const gift_question *questions,
                        const double *points, size_t count,
                        diag_list *diags)
{
  qtable__buf b = { NULL, 0, 0, false };

  *out = NULL;
  *out_len = 0;
  qtable__grow(&b, 4);
  if (b.data)
    memcpy(b.data, "SCQT", 4);
  qtable__uint(&b, SCORER_TABLE_VERSION, 2);
  qtable__uint(&b, 0, 2);
  qtable__uint(&b, count, 4);
  qtable__uint(&b, 0, 4);   /* the size, patched below */
  for (size_t i = 0; i < count && !b.failed; i++) {
    const gift_question *q = &questions[i];
    if (qtable__question(&b, q, points ? points[i] : 1) < 0) {
      diag_error(diags, NULL, q->line, q->column, "question %zu cannot "
                 "be scored: a weight, number or point value is out of "
                 "range", i + 1);
      free(b.data);
      return -1;
    }
  }
  if (b.failed || count > QTABLE__MAX) {
    diag_error(diags, NULL, 0, 0, "out of memory building the question "
               "table");
    free(b.data);
    return -1;
  }
  qtable__le(b.data + 12, b.len, 4);
  *out = b.data;
  *out_len = b.len;
  return 0;
}

int qtable_build(unsigned char **out, size_t *out_len,
                 const gift_question *questions, size_t count,
                 diag_list *diags)
{
  return qtable_build_points(out, out_len, questions, NULL, count, diags);
}

/* ---- responses -------------------------------------------------- */

/* qresp and qtable__buf share their first members' meaning; these
 * wrappers keep the public struct free of internal types. */
static void qresp__put(qresp *r, const void *p, size_t n)
{
  qtable__buf b = { r->data, r->len, r->cap, r->failed };
  unsigned char *d = qtable__grow(&b, n);

  if (d && n)
    memcpy(d, p, n);
  r->data = b.data;
  r->len = b.len;
  r->cap = b.cap;
  r->failed = b.failed;
}

static void qresp__u32(qresp *r, uint32_t v)
{
  unsigned char le[4];

  qtable__le(le, v, 4);
  qresp__put(r, le, 4);
}

static uint32_t qresp__get32(const qresp *r, size_t at)
{
  const unsigned char *p = r->data + at;

  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
         (uint32_t)p[3] << 24;
}

static void qresp__add(qresp *r, size_t at, int delta)
{
  if (!r->failed)
    qtable__le(r->data + at, (uint64_t)qresp__get32(r, at) + delta, 4);
}

static void qresp__bump(qresp *r, size_t at)
{
  qresp__add(r, at, 1);
}

/* Starts a record: closes any open list and counts the record. A 'len'
 * set back over the last record means the caller dropped it. */
static void qresp__record(qresp *r, unsigned char tag)
{
  r->open = 0;
  if (r->len == 0)
    qresp__u32(r, 0);
  if (r->last && r->len <= r->last)
    qresp__add(r, 0, -1);
  r->last = r->len;
  qresp__bump(r, 0);
  qresp__put(r, &tag, 1);
}

void qresp_drop(qresp *r)
{
  if (!r->last || r->failed)
    return;
  r->len = r->last;
  r->open = 0;
  r->last = 0;
  qresp__add(r, 0, -1);
}

static void qresp__str(qresp *r, const char *s, size_t len)
{
  if (len > QTABLE__MAX) {
    r->failed = true;
    return;
  }
  qresp__u32(r, (uint32_t)len);
  qresp__put(r, s, len);
}

void qresp_init(qresp *r)
{
  memset(r, 0, sizeof *r);
  qresp__u32(r, 0);
}

void qresp_free(qresp *r)
{
  free(r->data);
  memset(r, 0, sizeof *r);
}

bool qresp_failed(const qresp *r)
{
  return r->failed;
}

void qresp_none(qresp *r)
{
  qresp__record(r, SCORER_R_NONE);
}

void qresp_skip(qresp *r)
{
  qresp__record(r, SCORER_R_SKIP);
}

void qresp_text(qresp *r, const char *s, size_t len)
{
  qresp__record(r, SCORER_R_TEXT);
  qresp__str(r, s, len);
}

void qresp_bool(qresp *r, bool value)
{
  unsigned char v = value ? 1 : 0;

  qresp__record(r, SCORER_R_BOOL);
  qresp__put(r, &v, 1);
}

void qresp_number(qresp *r, double value)
{
  unsigned char le[8];
  uint64_t u;

  memcpy(&u, &value, sizeof u);
  qtable__le(le, u, 8);
  qresp__record(r, SCORER_R_NUMBER);
  qresp__put(r, le, 8);
}

void qresp_list(qresp *r)
{
  qresp__record(r, SCORER_R_LIST);
  r->open = r->len;
  qresp__u32(r, 0);
}

void qresp_pairs(qresp *r)
{
  qresp__record(r, SCORER_R_PAIRS);
  r->open = r->len;
  qresp__u32(r, 0);
}

void qresp_item(qresp *r, const char *s, size_t len)
{
  if (!r->open) {
    r->failed = true;
    return;
  }
  qresp__bump(r, r->open);
  qresp__str(r, s, len);
}

void qresp_pair(qresp *r, const char *left, size_t left_len,
                const char *right, size_t right_len)
{
  if (!r->open) {
    r->failed = true;
    return;
  }
  qresp__bump(r, r->open);
  qresp__str(r, left, left_len);
  qresp__str(r, right, right_len);
}
