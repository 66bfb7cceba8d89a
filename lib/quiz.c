/*
 * quiz.c - load a question bank, score responses, export it for Moodle
 * SPDX-License-Identifier: MIT
 */
#include "quiz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>
#include <libxml/tree.h>

#include "qtable.h"
#include "scorer.h"
#include "util.h"

#define MAX_QUIZ_BYTES (8u << 20)
#define MAX_RESPONSES_BYTES (8u << 20)

int quiz_load(gift_doc **out, const char *path, diag_list *diags)
{
  struct stat st;
  char *file, *text;
  size_t len;
  int rc;

  *out = NULL;
  if (stat(path, &st) != 0) {
    diag_error(diags, path, 0, 0, "not found");
    return -1;
  }
  if (!S_ISDIR(st.st_mode) &&
      (strlen(path) < 5 || strcmp(path + strlen(path) - 5, ".gift") != 0)) {
    diag_error(diags, path, 0, 0, "not a quiz: give a .gift file or a "
               "module folder with an assessment.gift");
    return -1;
  }
  file = S_ISDIR(st.st_mode) ? path_join(path, "assessment.gift")
                             : xstrdup(path);
  if (read_file(file, MAX_QUIZ_BYTES, &text, &len) != 0) {
    diag_error(diags, file, 0, 0, "cannot read: %s", read_file_error());
    free(file);
    return -1;
  }
  rc = gift_parse(out, text, len, file, 1, diags);
  if (rc == 0 && (*out)->count == 0) {
    diag_error(diags, file, 0, 0, "no questions, only comments");
    gift_doc_free(*out);
    *out = NULL;
    rc = -1;
  }
  free(text);
  free(file);
  return rc;
}

char *quiz_question_id(const gift_doc *doc, size_t index)
{
  const gift_question *q = &doc->questions[index];
  size_t position = 0;

  if (q->type == GIFT_DESCRIPTION)
    return NULL;
  if (q->title && *q->title)
    return xstrdup(q->title);
  for (size_t i = 0; i <= index; i++)
    position += doc->questions[i].type != GIFT_DESCRIPTION;
  return xasprintf("q%zu", position);
}

/* ---- responses ------------------------------------------------------ */

static const char *expected_kind(gift_type type)
{
  switch (type) {
  case GIFT_MULTI: return "an array of answer texts";
  case GIFT_TRUEFALSE: return "true or false";
  case GIFT_NUMERICAL: return "a number";
  case GIFT_MATCHING: return "an object mapping each left item to a "
                             "right item";
  default: return "a string";
  }
}

/* Lists and pairs are checked whole before the record is opened, so
 * a bad entry never leaves half a record behind. */
static bool add_list(qresp *r, json_t *value)
{
  size_t i;
  json_t *item;

  if (!json_is_array(value))
    return false;
  json_array_foreach(value, i, item)
    if (!json_is_string(item))
      return false;
  qresp_list(r);
  json_array_foreach(value, i, item)
    qresp_item(r, json_string_value(item), json_string_length(item));
  return true;
}

static bool add_pairs(qresp *r, json_t *value)
{
  const char *left;
  json_t *right;

  if (!json_is_object(value))
    return false;
  json_object_foreach(value, left, right)
    if (!json_is_string(right))
      return false;
  qresp_pairs(r);
  json_object_foreach(value, left, right)
    qresp_pair(r, left, strlen(left), json_string_value(right),
               json_string_length(right));
  return true;
}

/* Encode one response; false when its JSON kind does not fit the
 * question (it is then recorded as unanswered). */
static bool add_response(qresp *r, const gift_question *q, json_t *value)
{
  switch (q->type) {
  case GIFT_MULTI:
    if (add_list(r, value))
      return true;
    break;
  case GIFT_TRUEFALSE:
    if (json_is_boolean(value)) {
      qresp_bool(r, json_is_true(value));
      return true;
    }
    break;
  case GIFT_NUMERICAL:
    if (json_is_number(value)) {
      qresp_number(r, json_number_value(value));
      return true;
    }
    break;
  case GIFT_MATCHING:
    if (add_pairs(r, value))
      return true;
    break;
  default:
    if (json_is_string(value)) {
      qresp_text(r, json_string_value(value), json_string_length(value));
      return true;
    }
  }
  qresp_none(r);
  return false;
}

/* A matching response names left items; one the question lacks is a
 * typo in the responses file, worth saying. */
static void warn_unknown_lefts(json_t *value, const gift_question *q,
                               const char *id, const char *path,
                               diag_list *diags)
{
  const char *left;
  json_t *right;

  if (q->type != GIFT_MATCHING || !json_is_object(value))
    return;
  json_object_foreach(value, left, right) {
    bool known = false;
    for (size_t k = 0; k < q->answer_count && !known; k++)
      known = q->answers[k].text && strcmp(q->answers[k].text, left) == 0;
    if (!known)
      diag_warn(diags, path, 0, 0, "the response to '%s' names '%s', "
                "which is not one of its left items", id, left);
  }
}

static void warn_unknown_keys(json_t *root, const gift_doc *doc,
                              const char *path, diag_list *diags)
{
  const char *key;
  json_t *value;

  json_object_foreach(root, key, value) {
    bool known = false;
    for (size_t i = 0; i < doc->count && !known; i++) {
      char *id = quiz_question_id(doc, i);
      known = id && strcmp(id, key) == 0;
      free(id);
    }
    if (!known)
      diag_warn(diags, path, 0, 0, "'%s' names no question of the quiz",
                key);
  }
}

static int encode_responses(qresp *r, json_t *root, const gift_doc *doc,
                            const char *path, diag_list *diags)
{
  qresp_init(r);
  for (size_t i = 0; i < doc->count; i++) {
    const gift_question *q = &doc->questions[i];
    char *id = quiz_question_id(doc, i);
    json_t *value = id ? json_object_get(root, id) : NULL;
    if (!value || json_is_null(value))
      qresp_none(r);
    else if (!add_response(r, q, value))
      diag_warn(diags, path, 0, 0, "the response to '%s' must be %s: "
                "scored as unanswered", id, expected_kind(q->type));
    else
      warn_unknown_lefts(value, q, id, path, diags);
    free(id);
  }
  warn_unknown_keys(root, doc, path, diags);
  return qresp_failed(r) ? -1 : 0;
}

static int run_scorer(quiz_score *out, const gift_doc *doc,
                      const qresp *r, const char *path, diag_list *diags)
{
  unsigned char *table = NULL;
  size_t table_len = 0;
  double *credits = xcalloc(doc->count, sizeof *credits);
  scorer_result result;
  int32_t rc;

  if (qtable_build(&table, &table_len, doc->questions, doc->count,
                   diags) != 0) {
    free(credits);
    return -1;
  }
  rc = scorer_score(table, table_len, r->data, r->len, credits,
                    doc->count, &result);
  if (rc != SCORER_OK) {
    diag_error(diags, path, 0, 0, "internal: the scorer failed (%d)",
               (int)rc);
  } else {
    out->items = xcalloc(doc->count, sizeof *out->items);
    for (size_t i = 0; i < doc->count; i++) {
      char *id = quiz_question_id(doc, i);
      quiz_item *item;
      if (!id)
        continue;
      item = &out->items[out->count++];
      item->id = id;
      item->credit = credits[i];
      item->points = scorer_points(table, table_len, (uint32_t)i);
      item->earned = credits[i] * item->points;
    }
    out->earned = result.earned;
    out->max = result.max;
    out->percent = result.percent;
  }
  free(table);
  free(credits);
  return rc == SCORER_OK ? 0 : -1;
}

int quiz_score_json(quiz_score *out, const gift_doc *doc, const char *json,
                    size_t len, const char *json_path, diag_list *diags)
{
  json_error_t err;
  json_t *root;
  qresp r;
  int rc;

  memset(out, 0, sizeof *out);
  if (len > MAX_RESPONSES_BYTES) {
    diag_error(diags, json_path, 0, 0, "larger than %u bytes",
               MAX_RESPONSES_BYTES);
    return -1;
  }
  root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &err);
  if (!root) {
    diag_error(diags, json_path, err.line, err.column, "%s", err.text);
    return -1;
  }
  if (!json_is_object(root)) {
    diag_error(diags, json_path, 1, 1, "expected one JSON object: "
               "{\"question id\": response, ...}");
    json_decref(root);
    return -1;
  }
  rc = encode_responses(&r, root, doc, json_path, diags);
  if (rc == 0)
    rc = run_scorer(out, doc, &r, json_path, diags);
  qresp_free(&r);
  json_decref(root);
  return rc;
}

void quiz_score_free(quiz_score *score)
{
  for (size_t i = 0; i < score->count; i++)
    free(score->items[i].id);
  free(score->items);
  memset(score, 0, sizeof *score);
}

/* ---- Moodle XML ----------------------------------------------------- */

static const char *const MOODLE_FORMATS[] = {
  "moodle_auto_format", "markdown", "html", "plain_text"};

static void text_element(xmlNodePtr parent, const char *name,
                         const char *text)
{
  xmlNodePtr el = xmlNewChild(parent, NULL, (const xmlChar *)name, NULL);

  xmlNewTextChild(el, NULL, (const xmlChar *)"text",
                  (const xmlChar *)(text ? text : ""));
}

static void formatted(xmlNodePtr parent, const char *name,
                      const char *text, gift_format format)
{
  xmlNodePtr el = xmlNewChild(parent, NULL, (const xmlChar *)name, NULL);

  xmlNewProp(el, (const xmlChar *)"format",
             (const xmlChar *)MOODLE_FORMATS[format]);
  xmlNewTextChild(el, NULL, (const xmlChar *)"text",
                  (const xmlChar *)(text ? text : ""));
}

/* Moodle's fractions are percentages, written without trailing
 * zeros. */
static char *fraction(double weight)
{
  char buf[32];

  snprintf(buf, sizeof buf, "%.7g", weight);
  return xstrdup(buf);
}

static void moodle_answer(xmlNodePtr q, const char *text, double weight,
                          const char *feedback, gift_format format)
{
  xmlNodePtr a = xmlNewChild(q, NULL, (const xmlChar *)"answer", NULL);
  char *f = fraction(weight);

  xmlNewProp(a, (const xmlChar *)"fraction", (const xmlChar *)f);
  xmlNewProp(a, (const xmlChar *)"format",
             (const xmlChar *)MOODLE_FORMATS[format]);
  xmlNewTextChild(a, NULL, (const xmlChar *)"text",
                  (const xmlChar *)(text ? text : ""));
  formatted(a, "feedback", feedback, format);
  free(f);
}

static const char *moodle_type(gift_type type)
{
  switch (type) {
  case GIFT_SINGLE:
  case GIFT_MULTI: return "multichoice";
  case GIFT_TRUEFALSE: return "truefalse";
  case GIFT_SHORT: return "shortanswer";
  case GIFT_MATCHING: return "matching";
  case GIFT_NUMERICAL: return "numerical";
  case GIFT_ESSAY: return "essay";
  default: return "description";
  }
}

/* A missing-word question shows its blank as Moodle's importer does. */
static char *question_text(const gift_question *q)
{
  if (q->text_after)
    return xasprintf("%s _____ %s", q->text ? q->text : "", q->text_after);
  return xstrdup(q->text ? q->text : "");
}

static void moodle_numerical(xmlNodePtr node, const gift_question *q)
{
  for (size_t i = 0; i < q->answer_count; i++) {
    const gift_answer *a = &q->answers[i];
    double value = a->value, tol = a->tolerance;
    char num[64];
    xmlNodePtr ans;
    if (a->num_kind == GIFT_NUM_RANGE) {
      value = (a->min + a->max) / 2;
      tol = (a->max - a->min) / 2;
    }
    if (a->num_kind == GIFT_NUM_ANY)
      snprintf(num, sizeof num, "*");
    else
      snprintf(num, sizeof num, "%.15g", value);
    moodle_answer(node, num, a->weight, a->feedback, GIFT_FORMAT_MOODLE);
    ans = xmlGetLastChild(node);
    snprintf(num, sizeof num, "%.15g", tol);
    xmlNewTextChild(ans, NULL, (const xmlChar *)"tolerance",
                    (const xmlChar *)num);
  }
}

static void moodle_matching(xmlNodePtr node, const gift_question *q)
{
  for (size_t i = 0; i < q->answer_count; i++) {
    xmlNodePtr sub = xmlNewChild(node, NULL,
                                 (const xmlChar *)"subquestion", NULL);
    xmlNodePtr answer;
    xmlNewProp(sub, (const xmlChar *)"format",
               (const xmlChar *)MOODLE_FORMATS[q->format]);
    xmlNewTextChild(sub, NULL, (const xmlChar *)"text",
                    (const xmlChar *)(q->answers[i].text
                                        ? q->answers[i].text : ""));
    answer = xmlNewChild(sub, NULL, (const xmlChar *)"answer", NULL);
    xmlNewTextChild(answer, NULL, (const xmlChar *)"text",
                    (const xmlChar *)(q->answers[i].match
                                        ? q->answers[i].match : ""));
  }
}

static void moodle_body(xmlNodePtr node, const gift_question *q)
{
  switch (q->type) {
  case GIFT_SINGLE:
  case GIFT_MULTI:
    xmlNewChild(node, NULL, (const xmlChar *)"single",
                (const xmlChar *)(q->type == GIFT_SINGLE ? "true"
                                                         : "false"));
    xmlNewChild(node, NULL, (const xmlChar *)"shuffleanswers",
                (const xmlChar *)"true");
    for (size_t i = 0; i < q->answer_count; i++)
      moodle_answer(node, q->answers[i].text, q->answers[i].weight,
                    q->answers[i].feedback, q->format);
    break;
  case GIFT_TRUEFALSE:
    moodle_answer(node, "true", q->truth ? 100 : 0, q->feedback_true,
                  GIFT_FORMAT_MOODLE);
    moodle_answer(node, "false", q->truth ? 0 : 100, q->feedback_false,
                  GIFT_FORMAT_MOODLE);
    break;
  case GIFT_SHORT:
    xmlNewChild(node, NULL, (const xmlChar *)"usecase",
                (const xmlChar *)"0");
    for (size_t i = 0; i < q->answer_count; i++)
      moodle_answer(node, q->answers[i].text, q->answers[i].weight,
                    q->answers[i].feedback, q->format);
    break;
  case GIFT_NUMERICAL:
    moodle_numerical(node, q);
    break;
  case GIFT_MATCHING:
    moodle_matching(node, q);
    break;
  default:
    break;
  }
}

static void moodle_question(xmlNodePtr quiz, const gift_doc *doc,
                            size_t index)
{
  const gift_question *q = &doc->questions[index];
  xmlNodePtr node = xmlNewChild(quiz, NULL, (const xmlChar *)"question",
                                NULL);
  char *id = quiz_question_id(doc, index);
  char *text = question_text(q);

  xmlNewProp(node, (const xmlChar *)"type",
             (const xmlChar *)moodle_type(q->type));
  text_element(node, "name", q->title ? q->title : id ? id : "description");
  formatted(node, "questiontext", text, q->format);
  formatted(node, "generalfeedback", q->general_feedback, q->format);
  xmlNewChild(node, NULL, (const xmlChar *)"defaultgrade",
              (const xmlChar *)(q->type == GIFT_DESCRIPTION ? "0" : "1"));
  moodle_body(node, q);
  free(text);
  free(id);
}

char *quiz_moodle_xml(const gift_doc *const *docs,
                      const char *const *categories, size_t count)
{
  xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
  xmlNodePtr quiz = xmlNewNode(NULL, (const xmlChar *)"quiz");
  xmlChar *xml;
  int len;
  char *out;

  xmlDocSetRootElement(doc, quiz);
  for (size_t d = 0; d < count; d++) {
    if (categories && categories[d]) {
      xmlNodePtr cat = xmlNewChild(quiz, NULL, (const xmlChar *)"question",
                                   NULL);
      char *path = xasprintf("$course$/%s", categories[d]);
      xmlNewProp(cat, (const xmlChar *)"type", (const xmlChar *)"category");
      text_element(cat, "category", path);
      free(path);
    }
    for (size_t i = 0; i < docs[d]->count; i++)
      moodle_question(quiz, docs[d], i);
  }
  xmlDocDumpFormatMemoryEnc(doc, &xml, &len, "UTF-8", 1);
  out = xstrndup((const char *)xml, (size_t)len);
  xmlFree(xml);
  xmlFreeDoc(doc);
  return out;
}

/* ---- GIFT ----------------------------------------------------------- */

/* Escape GIFT's special characters in author text. */
static void gift_text(strbuf *sb, const char *s)
{
  for (; s && *s; s++) {
    if (strchr("~=#{}:\\", *s))
      sb_add(sb, "\\", 1);
    sb_add(sb, s, 1);
  }
}

static void gift_feedback(strbuf *sb, const char *feedback)
{
  if (!feedback)
    return;
  sb_puts(sb, " #");
  gift_text(sb, feedback);
}

static void gift_weighted(strbuf *sb, const gift_answer *a, bool single)
{
  if (single && a->weight >= 100)
    sb_puts(sb, "\n  =");
  else if (a->weight == 0 && single)
    sb_puts(sb, "\n  ~");
  else
    sb_printf(sb, "\n  ~%%%.7g%%", a->weight);
  gift_text(sb, a->text);
  gift_feedback(sb, a->feedback);
}

static void gift_number(strbuf *sb, const gift_answer *a)
{
  if (a->num_kind == GIFT_NUM_ANY) {
    sb_puts(sb, "\n  ~");
    gift_feedback(sb, a->feedback);
    return;
  }
  sb_printf(sb, "\n  =%%%.7g%%", a->weight);
  if (a->num_kind == GIFT_NUM_RANGE)
    sb_printf(sb, "%.15g..%.15g", a->min, a->max);
  else
    sb_printf(sb, "%.15g:%.15g", a->value, a->tolerance);
  gift_feedback(sb, a->feedback);
}

static void gift_block(strbuf *sb, const gift_question *q)
{
  switch (q->type) {
  case GIFT_TRUEFALSE:
    sb_puts(sb, q->truth ? "TRUE" : "FALSE");
    gift_feedback(sb, q->truth ? q->feedback_false : q->feedback_true);
    gift_feedback(sb, q->truth ? q->feedback_true : q->feedback_false);
    break;
  case GIFT_NUMERICAL:
    sb_puts(sb, "#");
    for (size_t i = 0; i < q->answer_count; i++)
      gift_number(sb, &q->answers[i]);
    break;
  case GIFT_MATCHING:
    for (size_t i = 0; i < q->answer_count; i++) {
      sb_puts(sb, "\n  =");
      gift_text(sb, q->answers[i].text);
      sb_puts(sb, " -> ");
      gift_text(sb, q->answers[i].match);
    }
    break;
  case GIFT_SHORT:
    for (size_t i = 0; i < q->answer_count; i++) {
      sb_printf(sb, "\n  =%%%.7g%%", q->answers[i].weight);
      gift_text(sb, q->answers[i].text);
      gift_feedback(sb, q->answers[i].feedback);
    }
    break;
  case GIFT_SINGLE:
  case GIFT_MULTI:
    for (size_t i = 0; i < q->answer_count; i++)
      gift_weighted(sb, &q->answers[i], q->type == GIFT_SINGLE);
    break;
  default:
    break;
  }
  if (q->general_feedback) {
    sb_puts(sb, "\n  ####");
    gift_text(sb, q->general_feedback);
  }
  if (q->type != GIFT_TRUEFALSE && q->type != GIFT_ESSAY)
    sb_puts(sb, "\n");
}

static void gift_question_out(strbuf *sb, const gift_question *q)
{
  static const char *const tags[] = {"", "[markdown]", "[html]",
                                     "[plain]"};

  if (q->title) {
    sb_puts(sb, "::");
    gift_text(sb, q->title);
    sb_puts(sb, ":: ");
  }
  sb_puts(sb, tags[q->format]);
  gift_text(sb, q->text);
  if (q->type == GIFT_DESCRIPTION) {
    sb_puts(sb, "\n\n");
    return;
  }
  sb_puts(sb, " {");
  gift_block(sb, q);
  sb_puts(sb, "}");
  if (q->text_after) {
    sb_puts(sb, " ");
    gift_text(sb, q->text_after);
  }
  sb_puts(sb, "\n\n");
}

char *quiz_gift(const gift_doc *const *docs,
                const char *const *categories, size_t count)
{
  strbuf sb;

  sb_init(&sb);
  for (size_t d = 0; d < count; d++) {
    if (categories && categories[d])
      sb_printf(&sb, "$CATEGORY: $course$/%s\n\n", categories[d]);
    for (size_t i = 0; i < docs[d]->count; i++)
      gift_question_out(&sb, &docs[d]->questions[i]);
  }
  return sb_take(&sb);
}
