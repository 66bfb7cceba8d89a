/*
 * test_scorer.c - the freestanding scorer and the question table
 * SPDX-License-Identifier: MIT
 */
#include <dirent.h>
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


static void short__length_caps_bound_the_wildcard(void **state)
{
  size_t n = SCORER_MAX_RESPONSE + 1;
  char *big = malloc(n + 1);
  char pat[SCORER_MAX_PATTERN + 2];

  (void)state;
  memset(big, 'a', n);
  big[n] = '\0';
  assert_int_equal(scorer_text_match((const uint8_t *)"*", 1,
                                     (const uint8_t *)big, n), 0);
  assert_int_equal(scorer_text_match((const uint8_t *)"*", 1,
                                     (const uint8_t *)big, n - 1), 1);
  memset(pat, '*', sizeof pat - 1);
  pat[sizeof pat - 1] = '\0';
  assert_int_equal(scorer_text_match((const uint8_t *)pat, sizeof pat - 1,
                                     (const uint8_t *)"x", 1), 0);
  assert_int_equal(scorer_text_match((const uint8_t *)pat, sizeof pat - 2,
                                     (const uint8_t *)"x", 1), 1);
  free(big);
}


/* A list abandoned half-way (a number among its texts) is dropped, by
 * qresp_drop or by setting 'len' back, and the count stays right. */
static void qresp__dropping_a_half_written_record(void **state)
{
  table t = build("A {~%50%x ~%50%y}\n\nB {T}");
  double credits[2];
  scorer_result res;
  qresp r;
  size_t mark;

  (void)state;
  for (int way = 0; way < 2; way++) {
    qresp_init(&r);
    mark = r.len;
    qresp_list(&r);
    qresp_item(&r, "x", 1);
    if (way == 0) {
      qresp_drop(&r);
    } else {
      r.len = mark;
      r.open = 0;
    }
    qresp_none(&r);
    qresp_bool(&r, true);
    assert_int_equal(scorer_score(t.data, t.len, r.data, r.len, credits, 2,
                                  &res), SCORER_OK);
    assert_credit(credits[0], 0);
    assert_credit(credits[1], 1);
    qresp_free(&r);
  }
  free(t.data);
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

/* Questions not drawn for an attempt earn nothing and leave the
 * maximum: 1 of the 2 drawn is right, so 50 %, not 33 %. */
static void totals__skipped_questions_leave_the_maximum(void **state)
{
  table t = build("A {=a ~b}\n\nB {T}\n\nC {=c ~d}\n");
  double credits[3];
  scorer_result res;
  qresp r;

  (void)state;
  qresp_init(&r);
  qresp_text(&r, "a", 1);
  qresp_skip(&r);
  qresp_text(&r, "d", 1);
  assert_int_equal(scorer_score(t.data, t.len, r.data, r.len, credits, 3,
                                &res), SCORER_OK);
  assert_credit(credits[0], 1);
  assert_credit(credits[1], 0);
  assert_credit(credits[2], 0);
  assert_credit(res.earned, 1);
  assert_credit(res.max, 2);
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


/* ---- test vectors: tests/vectors, files ending in .vec ----------- */

/*
 * A .vec file holds cases:
 *   ;; a comment line
 *   @ name of the case
 *   GIFT source, one question, any number of lines
 *   response: JSON value as 'scormc score' takes it
 *   credit: the expected credit, worked out by hand (n, 0.25 or a/b)
 * with any number of response/credit pairs per case.
 */
typedef struct {
  const char *file;
  int line;
  char name[200];
  char *gift;
  size_t gift_len, gift_cap;
} vcase;

typedef struct {
  size_t run, failed;
  FILE *dump;        /* --dump-vectors: JSON lines for the node test */
  int dumped;
} vstats;

typedef struct {
  const char *p, *end;
} jin;

static void jspace(jin *in)
{
  while (in->p < in->end && strchr(" \t\r\n", *in->p))
    in->p++;
}

static int jhex4(jin *in, unsigned *out)
{
  *out = 0;
  for (int i = 0; i < 4; i++, in->p++) {
    char c = in->p < in->end ? *in->p : 0;
    int v = c >= '0' && c <= '9' ? c - '0' :
            c >= 'a' && c <= 'f' ? c - 'a' + 10 :
            c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (v < 0)
      return -1;
    *out = *out << 4 | (unsigned)v;
  }
  return 0;
}

static size_t jutf8(unsigned cp, char *o)
{
  if (cp < 0x80)
    return o[0] = (char)cp, 1;
  if (cp < 0x800)
    return o[0] = (char)(0xC0 | cp >> 6), o[1] = (char)(0x80 | (cp & 63)),
           2;
  if (cp < 0x10000)
    return o[0] = (char)(0xE0 | cp >> 12),
           o[1] = (char)(0x80 | (cp >> 6 & 63)),
           o[2] = (char)(0x80 | (cp & 63)), 3;
  o[0] = (char)(0xF0 | cp >> 18);
  o[1] = (char)(0x80 | (cp >> 12 & 63));
  o[2] = (char)(0x80 | (cp >> 6 & 63));
  o[3] = (char)(0x80 | (cp & 63));
  return 4;
}

static int jescape(jin *in, char *o, size_t *n)
{
  const char *from = "\"\\/bfnrt", *to = "\"\\/\b\f\n\r\t";
  unsigned cp, lo;
  char c = *in->p++;

  if (c != 'u') {
    const char *k = strchr(from, c);
    if (!k || !c)
      return -1;
    o[(*n)++] = to[k - from];
    return 0;
  }
  if (jhex4(in, &cp) < 0)
    return -1;
  if (cp >= 0xD800 && cp < 0xDC00 && in->end - in->p >= 6 &&
      in->p[0] == '\\' && in->p[1] == 'u') {
    in->p += 2;
    if (jhex4(in, &lo) < 0)
      return -1;
    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
  }
  *n += jutf8(cp, o + *n);
  return 0;
}

/* A bare number, true or false as its text, as JavaScript's String()
 * gives it for these JSON spellings. */
static int jscalar(jin *in, char **out, size_t *len)
{
  size_t n = strspn(in->p, "0123456789+-.eEtrufals");

  if (n == 0)
    return -1;
  *out = malloc(n + 1);
  memcpy(*out, in->p, n);
  (*out)[n] = '\0';
  *len = n;
  in->p += n;
  return 0;
}

/* A JSON string into a malloc'd buffer. */
static int jstring(jin *in, char **out, size_t *len)
{
  char *o;
  size_t n = 0;

  jspace(in);
  if (in->p < in->end && *in->p != '"')
    return jscalar(in, out, len);
  if (in->p >= in->end)
    return -1;
  in->p++;
  o = malloc((size_t)(in->end - in->p) * 2 + 4);
  while (in->p < in->end && *in->p != '"') {
    if (*in->p == '\\') {
      in->p++;
      if (in->p >= in->end || jescape(in, o, &n) < 0) {
        free(o);
        return -1;
      }
    } else {
      o[n++] = *in->p++;
    }
  }
  if (in->p >= in->end) {
    free(o);
    return -1;
  }
  in->p++;
  *out = o;
  *len = n;
  return 0;
}

static int jlist(jin *in, qresp *r, int pairs)
{
  char close = pairs ? '}' : ']';

  in->p++;
  pairs ? qresp_pairs(r) : qresp_list(r);
  jspace(in);
  if (in->p < in->end && *in->p == close)
    return in->p++, 0;
  for (;;) {
    char *a, *b = NULL;
    size_t alen, blen = 0;
    if (jstring(in, &a, &alen) < 0)
      return -1;
    if (pairs) {
      jspace(in);
      if (in->p >= in->end || *in->p++ != ':' ||
          jstring(in, &b, &blen) < 0) {
        free(a);
        return -1;
      }
      qresp_pair(r, a, alen, b, blen);
    } else {
      qresp_item(r, a, alen);
    }
    free(a);
    free(b);
    jspace(in);
    if (in->p < in->end && *in->p == ',') {
      in->p++;
      continue;
    }
    if (in->p < in->end && *in->p == close)
      return in->p++, 0;
    return -1;
  }
}

static int jword(jin *in, const char *w)
{
  size_t n = strlen(w);

  if ((size_t)(in->end - in->p) < n || memcmp(in->p, w, n) != 0)
    return 0;
  in->p += n;
  return 1;
}

/* One response, as 'scormc score' reads it, into the scorer encoding. */
static int jresponse(const char *json, qresp *r)
{
  jin in = { json, json + strlen(json) };
  char *s, *end;
  size_t n;
  int rc = 0;

  jspace(&in);
  if (in.p >= in.end)
    return -1;
  if (*in.p == '"') {
    if (jstring(&in, &s, &n) < 0)
      return -1;
    qresp_text(r, s, n);
    free(s);
  } else if (*in.p == '[' || *in.p == '{') {
    rc = jlist(&in, r, *in.p == '{');
  } else if (jword(&in, "true")) {
    qresp_bool(r, true);
  } else if (jword(&in, "false")) {
    qresp_bool(r, false);
  } else if (jword(&in, "null")) {
    qresp_none(r);
  } else {
    double v = strtod(in.p, &end);
    if (end == in.p)
      return -1;
    in.p = end;
    qresp_number(r, v);
  }
  jspace(&in);
  return rc < 0 || in.p != in.end ? -1 : 0;
}

static double expected_credit(const char *s)
{
  char *end;
  double a = strtod(s, &end);

  if (*end == '/')
    return a / strtod(end + 1, NULL);
  return a;
}

static void json_escaped(FILE *f, const char *s)
{
  fputc('"', f);
  for (; *s; s++) {
    if (*s == '"' || *s == '\\')
      fprintf(f, "\\%c", *s);
    else if ((unsigned char)*s < 0x20)
      fprintf(f, "\\u%04x", (unsigned char)*s);
    else
      fputc(*s, f);
  }
  fputc('"', f);
}

static void dump_vector(vstats *st, const vcase *c, const table *t,
                        const char *json, const char *want, double got)
{
  FILE *f = st->dump;

  fprintf(f, "%s{\"file\":", st->dumped++ ? ",\n" : "[\n");
  json_escaped(f, c->file);
  fprintf(f, ",\"line\":%d,\"name\":", c->line);
  json_escaped(f, c->name);
  fprintf(f, ",\"table\":\"");
  for (size_t i = 0; i < t->len; i++)
    fprintf(f, "%02x", t->data[i]);
  fprintf(f, "\",\"response\":%s,\"credit\":", json);
  json_escaped(f, want);
  fprintf(f, ",\"native\":%.17g}", got);
}

/* Runs one response of case 'c' against its table. */
static void run_vector(vstats *st, const vcase *c, const table *t,
                       const char *json, const char *want, int line)
{
  double credits[2] = { -1, -1 };
  scorer_result res;
  qresp r;
  int rc;

  st->run++;
  qresp_init(&r);
  if (jresponse(json, &r) < 0 || qresp_failed(&r)) {
    fprintf(stderr, "%s:%d: bad response JSON\n", c->file, line);
    st->failed++;
    qresp_free(&r);
    return;
  }
  rc = scorer_score(t->data, t->len, r.data, r.len, credits, 2, &res);
  if (rc != SCORER_OK ||
      fabs_(credits[0] - expected_credit(want)) > 1e-9) {
    fprintf(stderr, "%s:%d: %s: response %s: expected %s, got %.17g "
            "(rc %d)\n", c->file, line, c->name, json, want, credits[0],
            (int)rc);
    st->failed++;
  }
  if (st->dump)
    dump_vector(st, c, t, json, want, credits[0]);
  qresp_free(&r);
}

static int build_case(const vcase *c, table *t)
{
  gift_doc *doc = NULL;
  diag_list d;
  int rc;

  diag_init(&d);
  rc = gift_parse(&doc, c->gift, c->gift_len, c->file, c->line + 1, &d);
  if (rc == 0)
    rc = qtable_build(&t->data, &t->len, doc->questions, doc->count, &d);
  if (rc == 0 && doc->count != 1)
    rc = -1;
  for (size_t i = 0; i < d.count; i++) {
    char buf[1200];
    fprintf(stderr, "%s\n", diag_format(&d.items[i], buf, sizeof buf));
  }
  gift_doc_free(doc);
  diag_free(&d);
  return rc;
}

static void gift_line(vcase *c, const char *line)
{
  size_t n = strlen(line);

  if (c->gift_len + n + 2 > c->gift_cap) {
    c->gift_cap = (c->gift_len + n + 2) * 2;
    c->gift = realloc(c->gift, c->gift_cap);
  }
  memcpy(c->gift + c->gift_len, line, n);
  c->gift_len += n;
  c->gift[c->gift_len++] = '\n';
  c->gift[c->gift_len] = '\0';
}

static void run_vec_file(vstats *st, const char *path)
{
  FILE *f = fopen(path, "r");
  char line[4096], response[4096] = "";
  vcase c;
  table t = { NULL, 0 };
  int n = 0, built = 0, rline = 0;

  assert_non_null(f);
  memset(&c, 0, sizeof c);
  c.file = path;
  while (fgets(line, sizeof line, f)) {
    n++;
    line[strcspn(line, "\n")] = '\0';
    if (strncmp(line, ";;", 2) == 0)
      continue;
    if (line[0] == '@') {
      free(t.data);
      t.data = NULL;
      built = 0;
      c.gift_len = 0;
      c.line = n;
      snprintf(c.name, sizeof c.name, "%.190s", line + 2);
    } else if (strncmp(line, "response: ", 10) == 0) {
      if (!built && build_case(&c, &t) < 0) {
        fprintf(stderr, "%s:%d: the case's GIFT does not parse to one "
                "question\n", path, c.line);
        st->failed++;
        built = -1;
      }
      built = built ? built : 1;
      snprintf(response, sizeof response, "%.4000s", line + 10);
      rline = n;
    } else if (strncmp(line, "credit: ", 8) == 0) {
      if (built > 0)
        run_vector(st, &c, &t, response, line + 8, rline);
    } else if (c.line) {
      gift_line(&c, line);
    }
  }
  free(t.data);
  free(c.gift);
  fclose(f);
}

static int is_vec(const struct dirent *e)
{
  size_t n = strlen(e->d_name);

  return n > 4 && strcmp(e->d_name + n - 4, ".vec") == 0;
}

static void run_vec_dir(vstats *st, const char *dir)
{
  struct dirent **list;
  int n = scandir(dir, &list, is_vec, alphasort);
  char path[1024];

  assert_true(n > 0);
  for (int i = 0; i < n; i++) {
    snprintf(path, sizeof path, "%s/%s", dir, list[i]->d_name);
    run_vec_file(st, path);
    free(list[i]);
  }
  free(list);
}

static const char *vec_dir(void)
{
  const char *d = getenv("SCORMC_VECTORS");

  return d ? d : "tests/vectors";
}

static void vectors__all_pass_natively(void **state)
{
  vstats st = { 0, 0, NULL, 0 };

  (void)state;
  run_vec_dir(&st, vec_dir());
  print_message("vectors: %zu run, %zu failed\n", st.run, st.failed);
  assert_int_equal(st.failed, 0);
  assert_true(st.run >= 200);
}

/* '--table FILE': the question table of a GIFT file, in hex. */
static int print_table(const char *path)
{
  FILE *f = fopen(path, "rb");
  static char src[1 << 20];
  size_t n = f ? fread(src, 1, sizeof src, f) : 0;
  gift_doc *doc = NULL;
  diag_list d;
  table t = { NULL, 0 };
  int rc;

  if (f)
    fclose(f);
  diag_init(&d);
  rc = gift_parse(&doc, src, n, path, 1, &d);
  if (rc == 0)
    rc = qtable_build(&t.data, &t.len, doc->questions, doc->count, &d);
  for (size_t i = 0; rc == 0 && i < t.len; i++)
    printf("%02x", t.data[i]);
  printf("\n");
  free(t.data);
  gift_doc_free(doc);
  diag_free(&d);
  return rc ? 1 : 0;
}

/* With '--dump-vectors [DIR]', prints the vectors with their tables as
 * JSON for tests/node/scorer-vectors.test.mjs; with '--table FILE', a
 * table. Otherwise runs the tests. */
int main(int argc, char **argv)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(single__weight_of_chosen_answer),
    cmocka_unit_test(multi__sum_clamped),
    cmocka_unit_test(multi__over_one_hundred_clamped),
    cmocka_unit_test(truefalse__right_value),
    cmocka_unit_test(short__length_caps_bound_the_wildcard),
    cmocka_unit_test(qresp__dropping_a_half_written_record),
    cmocka_unit_test(totals__points_earned_over_max),
    cmocka_unit_test(totals__points_per_question),
    cmocka_unit_test(totals__skipped_questions_leave_the_maximum),
    cmocka_unit_test(totals__no_responses_and_only_essays),
    cmocka_unit_test(errors__bad_table_and_responses),
    cmocka_unit_test(errors__mutations_never_crash),
    cmocka_unit_test(vectors__all_pass_natively),
  };

  if (argc > 1 && strcmp(argv[1], "--dump-vectors") == 0) {
    vstats st = { 0, 0, stdout, 0 };
    run_vec_dir(&st, argc > 2 ? argv[2] : vec_dir());
    printf("%s\n", st.dumped ? "\n]" : "[]");
    return st.failed ? 1 : 0;
  }
  if (argc > 2 && strcmp(argv[1], "--table") == 0)
    return print_table(argv[2]);

  return cmocka_run_group_tests_name("scorer", tests, NULL, NULL);
}
