/*
 * coursejs.c - the course as data for the in-package runtime
 * SPDX-License-Identifier: MIT
 */
#include "coursejs.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "qtable.h"
#include "util.h"

char *base64_encode(const unsigned char *data, size_t size)
{
  static const char digits[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  char *out = xmalloc((size + 2) / 3 * 4 + 1);
  size_t o = 0;

  for (size_t i = 0; i < size; i += 3) {
    unsigned v = (unsigned)data[i] << 16;
    if (i + 1 < size)
      v |= (unsigned)data[i + 1] << 8;
    if (i + 2 < size)
      v |= data[i + 2];
    out[o++] = digits[(v >> 18) & 63];
    out[o++] = digits[(v >> 12) & 63];
    out[o++] = i + 1 < size ? digits[(v >> 6) & 63] : '=';
    out[o++] = i + 2 < size ? digits[v & 63] : '=';
  }
  out[o] = '\0';
  return out;
}

char *coursejs_wasm_script(const unsigned char *wasm, size_t size)
{
  char *b64 = base64_encode(wasm, size);
  char *js = xasprintf("window.SCORMC_WASM = \"%s\";\n", b64);

  free(b64);
  return js;
}

/* ---- questions ------------------------------------------------------ */

static json_t *html_or_null(const char *markdown)
{
  char *html;
  json_t *j;

  if (!markdown || !*markdown)
    return json_null();
  html = content_render_snippet(markdown);
  j = json_string(html);
  free(html);
  return j;
}

/* Answers are short: render them without the paragraph cmark puts
 * around every block of text. */
static json_t *inline_html(const char *markdown)
{
  char *html = content_render_snippet(markdown ? markdown : "");
  size_t n = strlen(html);
  json_t *j;

  if (n >= 8 && strncmp(html, "<p>", 3) == 0 &&
      strcmp(html + n - 5, "</p>\n") == 0 &&
      !strstr(html + 3, "<p>")) {
    html[n - 5] = '\0';
    j = json_string(html + 3);
  } else {
    j = json_string(html);
  }
  free(html);
  return j;
}

/* A numerical answer's interval, so the runtime reports and shows it
 * without parsing GIFT. */
static void add_bounds(json_t *j, const gift_answer *a)
{
  bool range = a->num_kind == GIFT_NUM_RANGE;
  double lo = range ? a->min : a->value - a->tolerance;
  double hi = range ? a->max : a->value + a->tolerance;

  if (a->num_kind == GIFT_NUM_ANY) {
    json_object_set_new(j, "kind", json_string("any"));
    return;
  }
  json_object_set_new(j, "kind", json_string(range ? "range" : "value"));
  json_object_set_new(j, "min", json_real(lo));
  json_object_set_new(j, "max", json_real(hi));
  json_object_set_new(j, "mid", json_real(range ? (lo + hi) / 2
                                                : a->value));
}

static json_t *answers_json(const gift_question *q)
{
  json_t *list = json_array();

  for (size_t i = 0; i < q->answer_count; i++) {
    const gift_answer *a = &q->answers[i];
    json_t *j = json_object();
    json_object_set_new(j, "text", inline_html(a->text));
    json_object_set_new(j, "value", json_string(a->text ? a->text : ""));
    json_object_set_new(j, "feedback", html_or_null(a->feedback));
    json_object_set_new(j, "weight", json_real(a->weight));
    if (q->type == GIFT_NUMERICAL)
      add_bounds(j, a);
    json_array_append_new(list, j);
  }
  return list;
}

static json_t *matching_side(const gift_question *q, bool right)
{
  json_t *list = json_array();

  for (size_t i = 0; i < q->answer_count; i++) {
    const char *s = right ? q->answers[i].match : q->answers[i].text;
    if (s && (!right || *s))
      json_array_append_new(list, json_string(s));
  }
  return list;
}

static json_t *question_json(const gift_question *q, size_t index,
                             double points)
{
  json_t *j = json_object();
  char *id = q->title ? xstrdup(q->title) : xasprintf("q%zu", index + 1);

  json_object_set_new(j, "id", json_string(id));
  json_object_set_new(j, "type", json_string(gift_type_name(q->type)));
  json_object_set_new(j, "text", html_or_null(q->text));
  json_object_set_new(j, "textAfter", html_or_null(q->text_after));
  json_object_set_new(j, "answers", answers_json(q));
  json_object_set_new(j, "generalFeedback",
                      html_or_null(q->general_feedback));
  if (q->type == GIFT_TRUEFALSE) {
    json_object_set_new(j, "truth", json_boolean(q->truth));
    json_object_set_new(j, "feedbackTrue", html_or_null(q->feedback_true));
    json_object_set_new(j, "feedbackFalse",
                        html_or_null(q->feedback_false));
  }
  if (q->type == GIFT_MATCHING) {
    json_object_set_new(j, "lefts", matching_side(q, false));
    json_object_set_new(j, "rights", matching_side(q, true));
  }
  json_object_set_new(j, "points", json_real(points));
  free(id);
  return j;
}

static json_t *table_json(const gift_question *qs, const double *points,
                          size_t count, diag_list *diags)
{
  unsigned char *table = NULL;
  size_t len = 0;
  char *b64;
  json_t *j;

  if (qtable_build_points(&table, &len, qs, points, count, diags) != 0)
    return json_null();
  b64 = base64_encode(table, len);
  j = json_string(b64);
  free(b64);
  free(table);
  return j;
}

/* A knowledge check or scenario: its question and a table of one. */
static json_t *blocks_json(const content_block *blocks, size_t count,
                           diag_list *diags)
{
  json_t *list = json_array();

  for (size_t i = 0; i < count; i++) {
    const gift_doc *doc = blocks[i].doc;
    json_t *j = json_object();
    json_object_set_new(j, "table",
                        table_json(doc->questions, NULL, 1, diags));
    json_object_set_new(j, "question",
                        question_json(&doc->questions[0], 0, 1));
    json_array_append_new(list, j);
  }
  return list;
}

/* Points per question: 1, or what module { points = ... } says. */
static double *points_of(const gift_doc *doc,
                         const course_module *cm)
{
  double *points = xcalloc(doc->count, sizeof *points);

  for (size_t i = 0; i < doc->count; i++) {
    const char *title = doc->questions[i].title;
    points[i] = 1;
    for (size_t k = 0; title && k < cm->points_count; k++)
      if (strcmp(cm->points[k].question, title) == 0)
        points[i] = cm->points[k].points;
  }
  return points;
}

static json_t *assessment_json(const gift_doc *doc,
                               const course_module *cm, diag_list *diags)
{
  json_t *j, *questions;
  double *points;

  if (!doc)
    return json_null();
  j = json_object();
  questions = json_array();
  points = points_of(doc, cm);
  for (size_t i = 0; i < doc->count; i++)
    json_array_append_new(questions,
                          question_json(&doc->questions[i], i, points[i]));
  json_object_set_new(j, "table", table_json(doc->questions, points,
                                             doc->count, diags));
  json_object_set_new(j, "questions", questions);
  free(points);
  return j;
}

/* ---- pages and modules ---------------------------------------------- */

static json_t *page_json(const content_page *page)
{
  json_t *j;

  if (!page)
    return json_null();
  j = json_object();
  json_object_set_new(j, "title", json_string(page->title));
  json_object_set_new(j, "html", json_string(page->html));
  return j;
}

static json_t *module_json(const course_module *cm,
                           const content_module *m, diag_list *diags)
{
  const module_settings *s = &cm->settings;
  json_t *j = json_object();
  json_t *pages = json_array();

  json_object_set_new(j, "id", json_string(cm->folder));
  json_object_set_new(j, "title", json_string(m->title));
  json_object_set_new(j, "passMark", json_integer(s->pass_mark));
  json_object_set_new(j, "maxAttempts", json_integer(s->max_attempts));
  json_object_set_new(j, "keep", json_string(s->keep_best ? "best"
                                                          : "last"));
  json_object_set_new(j, "draw", json_integer(s->draw));
  json_object_set_new(j, "shuffle", json_boolean(s->shuffle));
  json_object_set_new(j, "timeLimit", json_integer(s->time_limit));
  for (size_t i = 0; i < m->page_count; i++)
    json_array_append_new(pages, page_json(&m->pages[i]));
  json_object_set_new(j, "pages", pages);
  json_object_set_new(j, "checks",
                      blocks_json(m->checks, m->check_count, diags));
  json_object_set_new(j, "scenarios",
                      blocks_json(m->scenarios, m->scenario_count, diags));
  json_object_set_new(j, "assessment",
                      assessment_json(m->assessment, cm, diags));
  return j;
}

static json_t *glossary_json(const content_t *content)
{
  json_t *j, *terms;
  char *html;

  if (content->term_count == 0)
    return json_null();
  j = json_object();
  terms = json_array();
  html = content_glossary_html(content);
  json_object_set_new(j, "title", json_string("Glossary"));
  json_object_set_new(j, "html", json_string(html));
  for (size_t i = 0; i < content->term_count; i++) {
    const glossary_term *t = &content->terms[i];
    json_t *term = json_object();
    json_object_set_new(term, "id", json_string(t->id));
    json_object_set_new(term, "term", json_string(t->term));
    json_object_set_new(term, "html", json_string(t->html));
    json_array_append_new(terms, term);
  }
  json_object_set_new(j, "terms", terms);
  free(html);
  return j;
}

/* Components with the indexes of their modules in this package. */
static json_t *components_json(const course_t *course, long module)
{
  json_t *list = json_array();

  for (size_t k = 0; k < course->component_count; k++) {
    json_t *mods = json_array();
    json_t *j = json_object();
    for (size_t m = 0; m < course->module_count; m++) {
      if (course->modules[m].component != k)
        continue;
      if (module < 0)
        json_array_append_new(mods, json_integer((json_int_t)m));
      else if ((size_t)module == m)
        json_array_append_new(mods, json_integer(0));
    }
    if (json_array_size(mods) == 0 && module >= 0) {
      json_decref(mods);
      json_decref(j);
      continue;
    }
    json_object_set_new(j, "title", json_string(course->components[k].title));
    json_object_set_new(j, "modules", mods);
    json_array_append_new(list, j);
  }
  return list;
}

char *coursejs_build(const course_t *course, const content_t *content,
                     course_edition edition, course_layout layout,
                     long module, diag_list *diags)
{
  json_t *root = json_object();
  json_t *modules = json_array();
  bool whole = module < 0;
  char *json, *js;

  json_object_set_new(root, "format", json_integer(1));
  json_object_set_new(root, "id", json_string(course->id));
  json_object_set_new(root, "title", json_string(course->title));
  json_object_set_new(root, "language", json_string(course->language));
  json_object_set_new(root, "version", json_string(course->version));
  json_object_set_new(root, "edition",
                      json_string(course_edition_name(edition)));
  json_object_set_new(root, "layout",
                      json_string(course_layout_name(layout)));
  json_object_set_new(root, "feedback",
                      json_string(course_feedback_name(course->feedback)));
  json_object_set_new(root, "showCorrect",
                      json_boolean(course->show_correct));
  json_object_set_new(root, "intro",
                      whole ? page_json(content->intro) : json_null());
  json_object_set_new(root, "closing",
                      whole ? page_json(content->closing) : json_null());
  json_object_set_new(root, "glossary", glossary_json(content));
  json_object_set_new(root, "components", components_json(course, module));
  for (size_t m = 0; m < course->module_count; m++)
    if (whole || (size_t)module == m)
      json_array_append_new(modules, module_json(&course->modules[m],
                                                 &content->modules[m],
                                                 diags));
  json_object_set_new(root, "modules", modules);

  json = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
  js = xasprintf("window.SCORMC_COURSE = %s;\n", json);
  free(json);
  json_decref(root);
  return js;
}
