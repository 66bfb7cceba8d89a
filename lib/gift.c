/*
 * gift.c - parse Moodle's GIFT question format into questions
 * SPDX-License-Identifier: MIT
 *
 * The input is split into questions at blank lines, as Moodle's importer
 * does; each question is then read from a "logical text": its lines
 * joined with '\n', comment lines dropped. Segments map logical offsets
 * back to the source, so every diagnostic gets a line and a column.
 */
#include "gift.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A run of source bytes copied into the logical text. */
typedef struct {
  size_t src, log, len;
} gift__seg;

typedef struct {
  const char *src;
  size_t len;
  const char *file;
  int first_line;
  unsigned flags;
  diag_list *diags;
  size_t errors_at_start;
  size_t *lines;            /* offset of each line's first byte */
  size_t nlines;
  size_t col_line, col_at;  /* the last column computed, so a long */
  int col;                  /* line is not rescanned for each answer */
  char *text;               /* the current question's logical text */
  size_t text_len, text_cap;
  gift__seg *segs;
  size_t nsegs, segs_cap;
  char *category;           /* the '$CATEGORY:' in force */
  int numbered;             /* questions so far, for 'qN' names */
  int oom;
  gift_doc *doc;
  size_t doc_cap;
} gift__parser;

/* One question's answer block, in logical offsets. */
typedef struct {
  size_t open, close;       /* the braces */
  size_t a, b;              /* answers, without general feedback */
  const char *name;         /* title or 'qN', for messages */
  char qname[24];
} gift__block;

static const char gift__escapable[] = "\\~=#{}:n";

/* ---- positions and diagnostics ---------------------------------- */

static size_t gift__src_offset(const gift__parser *p, size_t log)
{
  size_t lo = 0, hi = p->nsegs;

  if (p->nsegs == 0)
    return 0;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (p->segs[mid].log <= log)
      lo = mid;
    else
      hi = mid;
  }
  if (log - p->segs[lo].log > p->segs[lo].len)
    return p->segs[lo].src + p->segs[lo].len;
  return p->segs[lo].src + (log - p->segs[lo].log);
}

/* Line and column (in code points, 1-based) of a source offset. */
static void gift__place(gift__parser *p, size_t src, int *line, int *col)
{
  size_t lo = 0, hi = p->nlines, from;
  int c = 1;

  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (p->lines[mid] <= src)
      lo = mid;
    else
      hi = mid;
  }
  from = p->lines[lo];
  if (p->col && p->col_line == lo && p->col_at <= src) {
    from = p->col_at;
    c = p->col;
  }
  for (size_t i = from; i < src && i < p->len; i++)
    if (((unsigned char)p->src[i] & 0xC0) != 0x80)
      c++;
  p->col_line = lo;
  p->col_at = src;
  p->col = c;
  *line = p->first_line + (int)lo;
  *col = c;
}

__attribute__((format(printf, 3, 0)))
static void gift__vreport(gift__parser *p, size_t src, const char *fmt,
                          va_list ap)
{
  char msg[512];
  int line, col;

  vsnprintf(msg, sizeof msg, fmt, ap);
  gift__place(p, src, &line, &col);
  diag_error(p->diags, p->file, line, col, "%s", msg);
}

__attribute__((format(printf, 3, 4)))
static void gift__error_src(gift__parser *p, size_t src, const char *fmt,
                            ...)
{
  va_list ap;

  va_start(ap, fmt);
  gift__vreport(p, src, fmt, ap);
  va_end(ap);
}

/* An error at a logical offset of the current question. */
__attribute__((format(printf, 3, 4)))
static void gift__error(gift__parser *p, size_t log, const char *fmt, ...)
{
  va_list ap;

  va_start(ap, fmt);
  gift__vreport(p, gift__src_offset(p, log), fmt, ap);
  va_end(ap);
}

static int gift__too_many_errors(const gift__parser *p)
{
  return p->diags->errors - p->errors_at_start >= GIFT_MAX_ERRORS;
}

/* ---- input checks and line table -------------------------------- */

/* Length of the valid UTF-8 sequence at s, or 0 (overlongs, surrogates
 * and code points above U+10FFFF are invalid). */
static size_t gift__utf8_len(const unsigned char *s, size_t n)
{
  unsigned c = s[0];
  size_t need;
  unsigned cp, min;

  if (c < 0x80)
    return c == 0 ? 0 : 1;
  if (c >= 0xC2 && c <= 0xDF)
    need = 1, cp = c & 0x1F, min = 0x80;
  else if (c >= 0xE0 && c <= 0xEF)
    need = 2, cp = c & 0x0F, min = 0x800;
  else if (c >= 0xF0 && c <= 0xF4)
    need = 3, cp = c & 0x07, min = 0x10000;
  else
    return 0;
  if (n < need + 1)
    return 0;
  for (size_t i = 1; i <= need; i++) {
    if ((s[i] & 0xC0) != 0x80)
      return 0;
    cp = cp << 6 | (s[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return need + 1;
}

static int gift__check_input(gift__parser *p)
{
  const unsigned char *s = (const unsigned char *)p->src;

  for (size_t i = 0; i < p->len;) {
    size_t n = gift__utf8_len(s + i, p->len - i);
    if (n == 0) {
      gift__error_src(p, i, s[i] ? "expected UTF-8 text, found byte "
                      "0x%02x" : "expected text, found a NUL byte", s[i]);
      return -1;
    }
    i += n;
  }
  return 0;
}

static int gift__index_lines(gift__parser *p)
{
  size_t n = 1;

  for (size_t i = 0; i < p->len; i++)
    if (p->src[i] == '\n')
      n++;
  p->lines = malloc(n * sizeof *p->lines);
  if (!p->lines)
    return -1;
  p->lines[0] = 0;
  p->nlines = 1;
  for (size_t i = 0; i < p->len; i++)
    if (p->src[i] == '\n')
      p->lines[p->nlines++] = i + 1;
  return 0;
}

/* ---- small text helpers ----------------------------------------- */

static int gift__is_space(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

static size_t gift__skip_space(const char *s, size_t i, size_t end)
{
  while (i < end && gift__is_space(s[i]))
    i++;
  return i;
}

static size_t gift__trim_end(const char *s, size_t start, size_t end)
{
  while (end > start && gift__is_space(s[end - 1]))
    end--;
  return end;
}

/* Bytes taken by the character at s[i]: 2 for a GIFT escape. */
static size_t gift__step(const char *s, size_t i, size_t end)
{
  if (s[i] == '\\' && i + 1 < end && s[i + 1] &&
      strchr(gift__escapable, s[i + 1]))
    return 2;
  return 1;
}

/* First unescaped byte in [from,end) that is one of 'set', or end. */
static size_t gift__find_any(const char *s, size_t from, size_t end,
                             const char *set)
{
  size_t i = from;

  while (i < end) {
    if (s[i] && s[i] != '\\' && strchr(set, s[i]))
      return i;
    i += gift__step(s, i, end);
  }
  return end;
}

/* First unescaped occurrence of 'seq' in [from,end), or end. */
static size_t gift__find_seq(const char *s, size_t from, size_t end,
                             const char *seq)
{
  size_t n = strlen(seq);
  size_t i = from;

  while (i < end) {
    if (end - i >= n && memcmp(s + i, seq, n) == 0)
      return i;
    i += gift__step(s, i, end);
  }
  return end;
}

/* Last unescaped occurrence of 'seq' in [from,end), or end. */
static size_t gift__find_last(const char *s, size_t from, size_t end,
                              const char *seq)
{
  size_t last = end;
  size_t i = from;

  while ((i = gift__find_seq(s, i, end, seq)) < end) {
    last = i;
    i++;
  }
  return last;
}

/*
 * A field's text: escapes resolved, trimmed. In the answer block
 * ('block'), continuation lines lose their indentation, as Moodle's
 * importer trims every line; question text keeps it for Markdown.
 */
static char *gift__field(gift__parser *p, size_t a, size_t b, int block)
{
  const char *s = p->text;
  char *out, *o;

  a = gift__skip_space(s, a, b);
  b = gift__trim_end(s, a, b);
  out = malloc(b - a + 1);
  if (!out) {
    p->oom = 1;
    return NULL;
  }
  o = out;
  for (size_t i = a; i < b;) {
    size_t n = gift__step(s, i, b);
    if (n == 2)
      *o++ = s[i + 1] == 'n' ? '\n' : s[i + 1];
    else
      *o++ = s[i];
    if (block && s[i] == '\n' && n == 1)
      i = gift__skip_space(s, i + 1, b);
    else
      i += n;
  }
  *o = '\0';
  return out;
}

static int gift__equals(const gift__parser *p, size_t a, size_t b,
                        const char *word)
{
  size_t n = strlen(word);

  a = gift__skip_space(p->text, a, b);
  b = gift__trim_end(p->text, a, b);
  return b - a == n && memcmp(p->text + a, word, n) == 0;
}

/* Strips a leading '[markdown]', '[html]', '[plain]' or '[moodle]' from
 * the heap string *text and returns its format, or -1 without a tag. */
static int gift__take_format(char *text)
{
  static const struct {
    const char *tag;
    gift_format format;
  } tags[] = {
    { "[moodle]", GIFT_FORMAT_MOODLE },
    { "[markdown]", GIFT_FORMAT_MARKDOWN },
    { "[html]", GIFT_FORMAT_HTML },
    { "[plain]", GIFT_FORMAT_PLAIN },
  };

  if (!text || text[0] != '[')
    return -1;
  for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++) {
    size_t n = strlen(tags[i].tag);
    if (strncmp(text, tags[i].tag, n) == 0) {
      size_t skip = n;
      while (gift__is_space(text[skip]))
        skip++;
      memmove(text, text + skip, strlen(text + skip) + 1);
      return (int)tags[i].format;
    }
  }
  return -1;
}

/* A field with its format tag removed; NULL when empty. */
static char *gift__text_field(gift__parser *p, size_t a, size_t b)
{
  char *t = gift__field(p, a, b, 1);

  gift__take_format(t);
  if (t && !t[0]) {
    free(t);
    t = NULL;
  }
  return t;
}

/* ---- answers ---------------------------------------------------- */

static gift_answer *gift__add_answer(gift__parser *p, gift_question *q,
                                     size_t at, const gift__block *blk)
{
  gift_answer *a;

  if (q->answer_count >= GIFT_MAX_ANSWERS) {
    gift__error(p, at, "question '%s' has more than %d answers",
                blk->name, GIFT_MAX_ANSWERS);
    return NULL;
  }
  a = realloc(q->answers, (q->answer_count + 1) * sizeof *a);
  if (!a) {
    p->oom = 1;
    return NULL;
  }
  q->answers = a;
  a = &q->answers[q->answer_count++];
  memset(a, 0, sizeof *a);
  {
    int line, col;
    gift__place(p, gift__src_offset(p, at), &line, &col);
    a->line = line;
    a->column = col;
  }
  return a;
}

/*
 * Reads a '%n%' weight at *i (after spaces) into *weight. Returns 0
 * without a weight, 1 with one, -1 on a malformed weight (reported).
 */
static int gift__weight(gift__parser *p, size_t *i, size_t end,
                        double *weight)
{
  const char *s = p->text;
  size_t k = gift__skip_space(s, *i, end);
  size_t start = k;
  size_t digits = 0;
  char num[32];

  if (k >= end || s[k] != '%')
    return 0;
  k++;
  if (k < end && s[k] == '-')
    k++;
  while (k < end && ((s[k] >= '0' && s[k] <= '9') || s[k] == '.'))
    digits += s[k++] != '.';
  if (k >= end || s[k] != '%' || k - start - 1 >= sizeof num || !digits) {
    gift__error(p, start, "expected a weight such as '%%50%%' or "
                "'%%-25%%'");
    return -1;
  }
  memcpy(num, s + start + 1, k - start - 1);
  num[k - start - 1] = '\0';
  *weight = strtod(num, NULL);
  if (*weight < -100 || *weight > 100 || strchr(num, '.') != strrchr(
        num, '.')) {
    gift__error(p, start, "expected a weight from -100%% to 100%%, "
                "found '%%%s%%'", num);
    return -1;
  }
  *i = k + 1;
  return 1;
}

/* Splits [a,b) at the first unescaped '#' into text and feedback. */
static int gift__text_feedback(gift__parser *p, gift_answer *ans,
                               size_t a, size_t b)
{
  size_t hash = gift__find_any(p->text, a, b, "#");

  ans->text = gift__text_field(p, a, hash);
  if (hash < b)
    ans->feedback = gift__text_field(p, hash + 1, b);
  return p->oom ? -1 : 0;
}

/* Offsets of the answers in [a,b): each starts at one of 'markers'.
 * Text before the first marker is an error. Returns the count, or -1. */
static int gift__split(gift__parser *p, size_t a, size_t b,
                       const char *markers, const char *expected,
                       size_t *starts, size_t cap)
{
  size_t i = gift__skip_space(p->text, a, b);
  int n = 0;

  if (i < b && !strchr(markers, p->text[i])) {
    gift__error(p, i, "expected %s to start an answer", expected);
    return -1;
  }
  while (i < b) {
    if ((size_t)n >= cap) {
      gift__error(p, i, "more than %d answers in one question",
                  GIFT_MAX_ANSWERS);
      return -1;
    }
    starts[n++] = i;
    i = gift__find_any(p->text, i + 1, b, markers);
  }
  return n;
}

static int gift__choice_answer(gift__parser *p, gift_question *q,
                               const gift__block *blk, size_t a, size_t b)
{
  gift_answer *ans = gift__add_answer(p, q, a, blk);
  size_t i = a + 1;
  int w;

  if (!ans)
    return -1;
  ans->weight = p->text[a] == '=' ? 100 : 0;
  w = gift__weight(p, &i, b, &ans->weight);
  if (w < 0)
    return -1;
  if (w > 0 && p->text[a] == '=') {
    gift__error(p, a, "an '=' answer is worth 100%%; write '~%%n%%' "
                "for a partial weight");
    return -1;
  }
  if (gift__text_feedback(p, ans, i, b) < 0)
    return -1;
  if (!ans->text) {
    gift__error(p, a, "expected answer text after '%c'", p->text[a]);
    return -1;
  }
  return 0;
}

static int gift__parse_choice(gift__parser *p, gift_question *q,
                              const gift__block *blk)
{
  size_t starts[GIFT_MAX_ANSWERS + 1];
  double best = -1e9;
  int n;

  n = gift__split(p, blk->a, blk->b, "~=", "'~' or '='", starts,
                  GIFT_MAX_ANSWERS);
  if (n < 0)
    return -1;
  for (int k = 0; k < n; k++) {
    size_t end = k + 1 < n ? starts[k + 1] : blk->b;
    if (gift__choice_answer(p, q, blk, starts[k], end) < 0)
      return -1;
    if (q->answers[k].weight > best)
      best = q->answers[k].weight;
  }
  if (n < 2) {
    gift__error(p, blk->open, "question '%s' needs at least two answers",
                blk->name);
    return -1;
  }
  if (best <= 0) {
    gift__error(p, blk->open, "question '%s' has no correct answer",
                blk->name);
    return -1;
  }
  return 0;
}

static int gift__parse_short(gift__parser *p, gift_question *q,
                             const gift__block *blk)
{
  size_t starts[GIFT_MAX_ANSWERS + 1];
  int n;

  n = gift__split(p, blk->a, blk->b, "=",
                  "'=' (or T, TRUE, F, FALSE for true/false)", starts,
                  GIFT_MAX_ANSWERS);
  if (n < 0)
    return -1;
  for (int k = 0; k < n; k++) {
    size_t end = k + 1 < n ? starts[k + 1] : blk->b;
    size_t i = starts[k] + 1;
    gift_answer *ans = gift__add_answer(p, q, starts[k], blk);
    if (!ans)
      return -1;
    ans->weight = 100;
    if (gift__weight(p, &i, end, &ans->weight) < 0 ||
        gift__text_feedback(p, ans, i, end) < 0)
      return -1;
    if (!ans->text) {
      gift__error(p, starts[k], "expected answer text after '='");
      return -1;
    }
  }
  return 0;
}

static int gift__pair(gift__parser *p, gift_question *q,
                      const gift__block *blk, size_t a, size_t b)
{
  size_t arrow = gift__find_seq(p->text, a, b, "->");
  gift_answer *ans;

  if (arrow == b) {
    gift__error(p, a, "expected 'left -> right' in a matching pair");
    return -1;
  }
  if (gift__find_any(p->text, a, b, "#") < b) {
    gift__error(p, gift__find_any(p->text, a, b, "#"),
                "matching pairs take no feedback; write '\\#' for a "
                "literal '#'");
    return -1;
  }
  ans = gift__add_answer(p, q, a, blk);
  if (!ans)
    return -1;
  ans->text = gift__field(p, a + 1, arrow, 1);
  gift__take_format(ans->text);
  ans->match = gift__field(p, arrow + 2, b, 1);
  if (p->oom)
    return -1;
  if (!ans->match[0]) {
    gift__error(p, arrow, "expected the right item after '->'");
    return -1;
  }
  ans->weight = ans->text[0] ? 100 : 0;
  return 0;
}

static int gift__parse_matching(gift__parser *p, gift_question *q,
                                const gift__block *blk)
{
  size_t starts[GIFT_MAX_ANSWERS + 1];
  size_t pairs = 0;
  int n;

  n = gift__split(p, blk->a, blk->b, "=", "'='", starts,
                  GIFT_MAX_ANSWERS);
  if (n < 0)
    return -1;
  for (int k = 0; k < n; k++) {
    size_t end = k + 1 < n ? starts[k + 1] : blk->b;
    if (gift__pair(p, q, blk, starts[k], end) < 0)
      return -1;
    if (q->answers[k].text[0])
      pairs++;
  }
  if (n < 2 || pairs < 1) {
    gift__error(p, blk->open, "matching question '%s' needs at least "
                "two entries, one with a left item", blk->name);
    return -1;
  }
  return 0;
}

/* Parses a whole field as a decimal number into *out. */
static int gift__number(const char *t, double *out)
{
  const char *s = t;
  int digits = 0;

  if (*s == '+' || *s == '-')
    s++;
  for (; *s >= '0' && *s <= '9'; s++)
    digits++;
  if (*s == '.')
    for (s++; *s >= '0' && *s <= '9'; s++)
      digits++;
  if (!digits)
    return -1;
  if (*s == 'e' || *s == 'E') {
    s++;
    if (*s == '+' || *s == '-')
      s++;
    if (!(*s >= '0' && *s <= '9'))
      return -1;
    while (*s >= '0' && *s <= '9')
      s++;
  }
  if (*s)
    return -1;
  *out = strtod(t, NULL);
  return *out - *out == 0 ? 0 : -1;   /* rejects overflow to inf */
}

/* Splits 'text' at 'sep' and reads both sides as numbers. */
static int gift__number_pair(char *text, char *sep, size_t seplen,
                             double *x, double *y)
{
  char *left = text, *right = sep + seplen;
  size_t n;

  *sep = '\0';
  n = strlen(left);
  while (n && gift__is_space(left[n - 1]))
    left[--n] = '\0';
  while (gift__is_space(*right))
    right++;
  return gift__number(left, x) < 0 || gift__number(right, y) < 0 ? -1 : 0;
}

static int gift__numeric_value(gift__parser *p, gift_answer *ans,
                               size_t at)
{
  char *t = ans->text;
  char *range = strstr(t, "..");
  char *colon = strchr(t, ':');
  int bad;

  if (range && range > t) {
    ans->num_kind = GIFT_NUM_RANGE;
    bad = gift__number_pair(t, range, 2, &ans->min, &ans->max);
    if (!bad && ans->min > ans->max) {
      gift__error(p, at, "expected 'min..max' with min not above max");
      return -1;
    }
    ans->value = ans->min + (ans->max - ans->min) / 2;
    ans->tolerance = ans->max - ans->value;
  } else if (colon && colon > t) {
    ans->num_kind = GIFT_NUM_TOLERANCE;
    bad = gift__number_pair(t, colon, 1, &ans->value, &ans->tolerance);
    if (ans->tolerance < 0)
      ans->tolerance = -ans->tolerance;   /* Moodle uses |tolerance| */
  } else {
    ans->num_kind = GIFT_NUM_EXACT;
    bad = gift__number(t, &ans->value);
  }
  if (bad) {
    gift__error(p, at, "expected a number, 'value:tolerance' or "
                "'min..max'");
    return -1;
  }
  if (ans->num_kind != GIFT_NUM_RANGE) {
    ans->min = ans->value - ans->tolerance;
    ans->max = ans->value + ans->tolerance;
  }
  return 0;
}

/* A numerical answer; its text stays as the author wrote it. */
static int gift__numeric_answer(gift__parser *p, gift_question *q,
                                const gift__block *blk, size_t a,
                                size_t i, size_t b)
{
  gift_answer *ans = gift__add_answer(p, q, a, blk);
  char *raw;

  if (!ans)
    return -1;
  ans->weight = 100;
  if (gift__weight(p, &i, b, &ans->weight) < 0 ||
      gift__text_feedback(p, ans, i, b) < 0)
    return -1;
  if (!ans->text) {
    gift__error(p, i, "expected a number");
    return -1;
  }
  raw = strdup(ans->text);
  if (!raw) {
    p->oom = 1;
    return -1;
  }
  if (gift__numeric_value(p, ans, gift__skip_space(p->text, i, b)) < 0) {
    free(raw);
    return -1;
  }
  free(ans->text);
  ans->text = raw;
  return 0;
}

static int gift__numeric_other(gift__parser *p, gift_question *q,
                               const gift__block *blk, size_t a, size_t b)
{
  gift_answer *ans = gift__add_answer(p, q, a, blk);
  size_t hash = gift__find_any(p->text, a, b, "#");

  if (!ans)
    return -1;
  ans->num_kind = GIFT_NUM_ANY;
  ans->text = strdup("*");
  if (hash < b)
    ans->feedback = gift__text_field(p, hash + 1, b);
  if (!ans->text)
    p->oom = 1;
  return p->oom ? -1 : 0;
}

static int gift__parse_numerical(gift__parser *p, gift_question *q,
                                 const gift__block *blk)
{
  size_t a = gift__skip_space(p->text, blk->a, blk->b) + 1;
  size_t other = gift__find_any(p->text, a, blk->b, "~");
  size_t starts[GIFT_MAX_ANSWERS + 1];
  size_t first = gift__find_any(p->text, a, other, "=");
  int n = 0;

  if (gift__skip_space(p->text, a, first) < first &&
      gift__numeric_answer(p, q, blk, a - 1, a, first) < 0)
    return -1;
  if (first < other) {
    n = gift__split(p, first, other, "=", "'='", starts,
                    GIFT_MAX_ANSWERS);
    if (n < 0)
      return -1;
  }
  for (int k = 0; k < n; k++) {
    size_t end = k + 1 < n ? starts[k + 1] : other;
    if (gift__numeric_answer(p, q, blk, starts[k], starts[k] + 1,
                             end) < 0)
      return -1;
  }
  if (q->answer_count == 0) {
    gift__error(p, a - 1, "expected a number after '#'");
    return -1;
  }
  if (other < blk->b)
    return gift__numeric_other(p, q, blk, other, blk->b);
  return 0;
}

static int gift__parse_truefalse(gift__parser *p, gift_question *q,
                                 const gift__block *blk)
{
  size_t h1 = gift__find_any(p->text, blk->a, blk->b, "#");
  size_t h2 = h1 < blk->b ? gift__find_any(p->text, h1 + 1, blk->b, "#")
                          : blk->b;
  char *wrong = NULL, *right = NULL;

  q->truth = gift__equals(p, blk->a, h1, "T") ||
             gift__equals(p, blk->a, h1, "TRUE");
  if (h1 < blk->b)
    wrong = gift__text_field(p, h1 + 1, h2);
  if (h2 < blk->b)
    right = gift__text_field(p, h2 + 1, blk->b);
  q->feedback_true = q->truth ? right : wrong;
  q->feedback_false = q->truth ? wrong : right;
  return p->oom ? -1 : 0;
}

/* ---- questions -------------------------------------------------- */

static int gift__is_truefalse(const gift__parser *p, size_t a, size_t b)
{
  size_t h = gift__find_any(p->text, a, b, "#");

  return gift__equals(p, a, h, "T") || gift__equals(p, a, h, "TRUE") ||
         gift__equals(p, a, h, "F") || gift__equals(p, a, h, "FALSE");
}

/* The type, decided as Moodle's importer decides it. */
static gift_type gift__type_of(const gift__parser *p, size_t a, size_t b)
{
  const char *s = p->text;

  a = gift__skip_space(s, a, b);
  b = gift__trim_end(s, a, b);
  if (a == b)
    return GIFT_ESSAY;
  if (s[a] == '#')
    return GIFT_NUMERICAL;
  if (gift__find_any(s, a, b, "~") < b) {
    return gift__find_any(s, a, b, "=") < b ? GIFT_SINGLE : GIFT_MULTI;
  }
  if (gift__find_any(s, a, b, "=") < b && gift__find_seq(s, a, b, "->") < b)
    return GIFT_MATCHING;
  if (gift__is_truefalse(p, a, b))
    return GIFT_TRUEFALSE;
  return GIFT_SHORT;
}

static int gift__parse_answers(gift__parser *p, gift_question *q,
                               const gift__block *blk)
{
  switch (q->type) {
  case GIFT_SINGLE:
  case GIFT_MULTI:
    return gift__parse_choice(p, q, blk);
  case GIFT_SHORT:
    return gift__parse_short(p, q, blk);
  case GIFT_MATCHING:
    return gift__parse_matching(p, q, blk);
  case GIFT_NUMERICAL:
    return gift__parse_numerical(p, q, blk);
  case GIFT_TRUEFALSE:
    return gift__parse_truefalse(p, q, blk);
  case GIFT_ESSAY:
  case GIFT_DESCRIPTION:
    break;
  }
  return 0;
}

/*
 * Finds the one answer block in [from,end). Returns 1 with a block, 0
 * for a description (no braces), -1 on a brace error (reported).
 */
static int gift__find_block(gift__parser *p, size_t from, size_t end,
                            gift__block *blk)
{
  const char *s = p->text;
  size_t open = gift__find_any(s, from, end, "{");
  size_t close = gift__find_any(s, from, end, "}");

  if (open == end && close == end)
    return 0;
  if (close < open) {
    gift__error(p, close, "expected '{' before '}'; write '\\}' for a "
                "literal brace");
    return -1;
  }
  if (close == end || gift__find_any(s, open + 1, close, "{") < close) {
    gift__error(p, open, "expected '}' to close the answer block");
    return -1;
  }
  if (gift__find_any(s, close + 1, end, "{}") < end) {
    gift__error(p, gift__find_any(s, close + 1, end, "{}"),
                "expected one answer block per question; write '\\{' or "
                "'\\}' for a literal brace");
    return -1;
  }
  blk->open = open;
  blk->close = close;
  return 1;
}

/* Question text around the block; for missing word the text after it,
 * with the spaces at the blank kept as one space. */
static int gift__question_text(gift__parser *p, gift_question *q,
                               size_t from, size_t end,
                               const gift__block *blk, int has_block)
{
  size_t before = has_block ? blk->open : end;
  int fmt;

  q->text = gift__field(p, from, before, 0);
  if (!q->text)
    return -1;
  fmt = gift__take_format(q->text);
  q->format = fmt < 0 ? GIFT_FORMAT_MOODLE : (gift_format)fmt;
  if (has_block && gift__skip_space(p->text, blk->close + 1, end) < end) {
    char *after = gift__field(p, blk->close + 1, end, 0);
    size_t n = after ? strlen(after) : 0;
    char *t;
    if (!after)
      return -1;
    q->text_after = malloc(n + 2);
    t = realloc(q->text, strlen(q->text) + 2);
    if (!q->text_after || !t) {
      free(after);
      if (t)
        q->text = t;
      p->oom = 1;
      return -1;
    }
    q->text = t;
    if (q->text[0] && gift__is_space(p->text[blk->open - 1]))
      strcat(q->text, " ");
    q->text_after[0] = '\0';
    if (gift__is_space(p->text[blk->close + 1]))
      strcat(q->text_after, " ");
    strcat(q->text_after, after);
    free(after);
  }
  return 0;
}

static void gift__free_question(gift_question *q)
{
  for (size_t i = 0; i < q->answer_count; i++) {
    free(q->answers[i].text);
    free(q->answers[i].match);
    free(q->answers[i].feedback);
  }
  free(q->answers);
  free(q->title);
  free(q->category);
  free(q->text);
  free(q->text_after);
  free(q->general_feedback);
  free(q->feedback_true);
  free(q->feedback_false);
  memset(q, 0, sizeof *q);
}

static int gift__push(gift__parser *p, gift_question *q)
{
  gift_doc *d = p->doc;

  if (d->count >= GIFT_MAX_QUESTIONS)
    return -1;
  if (d->count == p->doc_cap) {
    size_t cap = p->doc_cap ? p->doc_cap * 2 : 16;
    gift_question *qs = realloc(d->questions, cap * sizeof *qs);
    if (!qs) {
      p->oom = 1;
      return -1;
    }
    d->questions = qs;
    p->doc_cap = cap;
  }
  d->questions[d->count++] = *q;
  return 0;
}

/* Reads '::title::' at *i, if any. Returns -1 on an unclosed title. */
static int gift__title(gift__parser *p, gift_question *q, size_t *i,
                       size_t end)
{
  size_t close;

  if (end - *i < 2 || memcmp(p->text + *i, "::", 2) != 0)
    return 0;
  close = gift__find_seq(p->text, *i + 2, end, "::");
  if (close == end) {
    gift__error(p, *i, "expected '::' to close the question title");
    return -1;
  }
  q->title = gift__field(p, *i + 2, close, 0);
  if (!q->title)
    return -1;
  if (!q->title[0]) {
    free(q->title);
    q->title = NULL;
  }
  *i = close + 2;
  return 0;
}

static int gift__general_feedback(gift__parser *p, gift_question *q,
                                  gift__block *blk)
{
  size_t gf;

  blk->a = blk->open + 1;
  blk->b = blk->close;
  gf = gift__find_last(p->text, blk->a, blk->b, "####");
  if (gf == blk->b)
    return 0;
  q->general_feedback = gift__text_field(p, gf + 4, blk->b);
  blk->b = gf;
  return p->oom ? -1 : 0;
}

static void gift__set_name(gift__parser *p, gift_question *q,
                           gift__block *blk)
{
  if (q->type != GIFT_DESCRIPTION)
    p->numbered++;
  snprintf(blk->qname, sizeof blk->qname, "q%d", p->numbered);
  blk->name = q->title ? q->title : blk->qname;
}

/* Everything after the title: text, block, type, answers. */
static int gift__question_body(gift__parser *p, gift_question *q,
                               size_t i, size_t end, size_t start)
{
  gift__block blk;
  int has;

  memset(&blk, 0, sizeof blk);
  has = gift__find_block(p, i, end, &blk);
  if (has < 0)
    return -1;
  if (gift__question_text(p, q, i, end, &blk, has) < 0)
    return -1;
  if (!q->text[0] && !(has && q->text_after)) {
    gift__error(p, has ? blk.open : start, "expected question text%s",
                has ? " before '{'" : "");
    return -1;
  }
  q->type = GIFT_DESCRIPTION;
  if (has) {
    if (gift__general_feedback(p, q, &blk) < 0)
      return -1;
    q->type = gift__type_of(p, blk.a, blk.b);
  }
  gift__set_name(p, q, &blk);
  return gift__parse_answers(p, q, &blk);
}

static int gift__category(gift__parser *p, size_t i, size_t end)
{
  size_t nl = gift__find_any(p->text, i, end, "\n");
  char *c;

  if (gift__skip_space(p->text, nl, end) < end) {
    gift__error(p, gift__skip_space(p->text, nl, end),
                "expected a blank line after the '$CATEGORY:' line");
    return -1;
  }
  c = gift__field(p, i + 10, nl, 0);
  if (!c)
    return -1;
  free(p->category);
  p->category = c[0] ? c : NULL;
  if (!c[0])
    free(c);
  return 0;
}

static int gift__question(gift__parser *p)
{
  size_t end = p->text_len;
  size_t i = gift__skip_space(p->text, 0, end);
  gift_question q;
  int line, col;

  if (i == end)
    return 0;
  if (end - i >= 10 && memcmp(p->text + i, "$CATEGORY:", 10) == 0)
    return gift__category(p, i, end);
  memset(&q, 0, sizeof q);
  gift__place(p, gift__src_offset(p, i), &line, &col);
  q.line = line;
  q.column = col;
  if (gift__title(p, &q, &i, end) < 0 ||
      gift__question_body(p, &q, gift__skip_space(p->text, i, end), end,
                          i) < 0)
    goto fail;
  if (p->category && !(q.category = strdup(p->category)))
    goto fail;
  if (p->doc->count >= GIFT_MAX_QUESTIONS) {
    gift__error(p, 0, "more than %d questions", GIFT_MAX_QUESTIONS);
    goto fail;
  }
  if (gift__push(p, &q) < 0)
    goto fail;
  return 0;

fail:
  gift__free_question(&q);
  return -1;
}

/* ---- splitting the input into questions ------------------------- */

static int gift__append(gift__parser *p, size_t src, size_t len)
{
  size_t need = p->text_len + len + 2;

  if (need > p->text_cap) {
    size_t cap = p->text_cap ? p->text_cap : 256;
    char *t;
    while (cap < need)
      cap *= 2;
    if (!(t = realloc(p->text, cap)))
      return -1;
    p->text = t;
    p->text_cap = cap;
  }
  if (p->nsegs == p->segs_cap) {
    size_t cap = p->segs_cap ? p->segs_cap * 2 : 16;
    gift__seg *s = realloc(p->segs, cap * sizeof *s);
    if (!s)
      return -1;
    p->segs = s;
    p->segs_cap = cap;
  }
  if (p->text_len)
    p->text[p->text_len++] = '\n';
  p->segs[p->nsegs++] = (gift__seg){ src, p->text_len, len };
  memcpy(p->text + p->text_len, p->src + src, len);
  p->text_len += len;
  p->text[p->text_len] = '\0';
  return 0;
}

static void gift__flush(gift__parser *p)
{
  if (p->text_len && !p->oom)
    gift__question(p);
  p->text_len = 0;
  p->nsegs = 0;
}

/* One source line: a blank line ends a question, a comment line is
 * dropped, any other line joins the current question. */
static int gift__line(gift__parser *p, size_t a, size_t b)
{
  size_t t;

  b = gift__trim_end(p->src, a, b);
  t = gift__skip_space(p->src, a, b);
  if (t == b) {
    if (!(p->flags & GIFT_ONE_QUESTION))
      gift__flush(p);
    else if (p->text_len && gift__append(p, a, 0) < 0)
      return -1;
    return 0;
  }
  if (b - t >= 2 && p->src[t] == '/' && p->src[t + 1] == '/')
    return 0;
  return gift__append(p, a, b - a);
}

static int gift__split_questions(gift__parser *p)
{
  size_t a = 0;

  if (p->len >= 3 && memcmp(p->src, "\xEF\xBB\xBF", 3) == 0)
    a = 3;   /* a byte order mark some editors write */
  for (size_t l = 0; l < p->nlines && !p->oom; l++) {
    size_t b = l + 1 < p->nlines ? p->lines[l + 1] - 1 : p->len;
    if (a < b || l + 1 < p->nlines)
      if (gift__line(p, a, b) < 0)
        p->oom = 1;
    a = b + 1;
    if (gift__too_many_errors(p)) {
      gift__error_src(p, b, "too many errors; stopping");
      return 0;
    }
  }
  gift__flush(p);
  return p->oom ? -1 : 0;
}

/* ---- public ----------------------------------------------------- */

void gift_doc_free(gift_doc *doc)
{
  if (!doc)
    return;
  for (size_t i = 0; i < doc->count; i++)
    gift__free_question(&doc->questions[i]);
  free(doc->questions);
  free(doc);
}

static int gift__run(gift__parser *p)
{
  if (p->len > GIFT_MAX_INPUT) {
    diag_error(p->diags, p->file, p->first_line, 0,
               "expected at most %u bytes of GIFT, found %zu",
               GIFT_MAX_INPUT, p->len);
    return -1;
  }
  if (gift__index_lines(p) < 0 || gift__check_input(p) < 0)
    return -1;
  return gift__split_questions(p);
}

int gift_parse_flags(gift_doc **out, const char *src, size_t len,
                     const char *file, int first_line, unsigned flags,
                     diag_list *diags)
{
  gift__parser p;
  int rc;

  *out = NULL;
  memset(&p, 0, sizeof p);
  p.src = src ? src : "";
  p.len = src ? len : 0;
  p.file = file;
  p.first_line = first_line > 0 ? first_line : 1;
  p.flags = flags;
  p.diags = diags;
  p.errors_at_start = diags->errors;
  p.doc = calloc(1, sizeof *p.doc);
  rc = p.doc ? gift__run(&p) : -1;
  if (p.oom || !p.doc)
    diag_error(diags, file, 0, 0, "out of memory reading GIFT");
  if (rc < 0 || p.oom || diags->errors > p.errors_at_start) {
    gift_doc_free(p.doc);
    rc = -1;
  } else {
    *out = p.doc;
  }
  free(p.lines);
  free(p.text);
  free(p.segs);
  free(p.category);
  return rc;
}

int gift_parse(gift_doc **out, const char *src, size_t len,
               const char *file, int first_line, diag_list *diags)
{
  return gift_parse_flags(out, src, len, file, first_line, 0, diags);
}

const char *gift_type_name(gift_type type)
{
  static const char *const names[] = {
    "single", "multi", "truefalse", "short",
    "matching", "numerical", "essay", "description",
  };

  if ((unsigned)type < sizeof names / sizeof names[0])
    return names[type];
  return "unknown";
}
