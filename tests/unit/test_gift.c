/*
 * test_gift.c - the GIFT parser: every question type, Moodle's examples,
 * errors with positions, limits, and the fuzz corpus replayed
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

static gift_doc *parse_flags(const char *src, unsigned flags)
{
  diag_list d;
  gift_doc *doc = NULL;
  char buf[1200];

  diag_init(&d);
  if (gift_parse_flags(&doc, src, strlen(src), "t.gift", 1, flags,
                       &d) < 0) {
    for (size_t i = 0; i < d.count; i++)
      fprintf(stderr, "%s\n", diag_format(&d.items[i], buf, sizeof buf));
    fail_msg("parse failed: %s", src);
  }
  diag_free(&d);
  return doc;
}

static gift_doc *parse(const char *src)
{
  return parse_flags(src, 0);
}

/* Parses 'src', expecting failure; returns the first diagnostic
 * formatted, in a static buffer. */
static const char *parse_error(const char *src)
{
  static char buf[1200];
  diag_list d;
  gift_doc *doc = NULL;

  diag_init(&d);
  assert_int_equal(gift_parse(&doc, src, strlen(src), "t.gift", 1, &d),
                   -1);
  assert_null(doc);
  assert_true(d.count > 0);
  diag_format(&d.items[0], buf, sizeof buf);
  diag_free(&d);
  return buf;
}

static void expect_error(const char *src, const char *want)
{
  const char *got = parse_error(src);

  if (!strstr(got, want))
    fail_msg("expected '%s' in '%s'", want, got);
}

/* ---- single choice, multiple answers, true/false ---------------- */

static void single__answers_weights_and_feedback(void **state)
{
  gift_doc *doc = parse(
    "::q-levels:: What are the three levels? {\n"
    "  =Intra-service, inter-agency and international # Right: yes.\n"
    "  ~Local, regional and national # No: ...\n"
    "}\n");
  gift_question *q = &doc->questions[0];

  (void)state;
  assert_int_equal(doc->count, 1);
  assert_int_equal(q->type, GIFT_SINGLE);
  assert_string_equal(q->title, "q-levels");
  assert_string_equal(q->text, "What are the three levels?");
  assert_null(q->text_after);
  assert_int_equal(q->answer_count, 2);
  assert_string_equal(q->answers[0].text,
                      "Intra-service, inter-agency and international");
  assert_string_equal(q->answers[0].feedback, "Right: yes.");
  assert_true(q->answers[0].weight == 100);
  assert_string_equal(q->answers[1].text, "Local, regional and national");
  assert_true(q->answers[1].weight == 0);
  assert_int_equal(q->line, 1);
  assert_int_equal(q->column, 1);
  assert_int_equal(q->answers[1].line, 3);
  assert_int_equal(q->answers[1].column, 3);
  assert_int_equal(q->format, GIFT_FORMAT_MOODLE);
  gift_doc_free(doc);
}

static void single__partial_weight_with_tilde(void **state)
{
  gift_doc *doc = parse("Q? {=a ~%50%b ~%-25%c ~d}");
  gift_question *q = &doc->questions[0];

  (void)state;
  assert_int_equal(q->type, GIFT_SINGLE);
  assert_int_equal(q->answer_count, 4);
  assert_true(q->answers[1].weight == 50);
  assert_true(q->answers[2].weight == -25);
  assert_true(q->answers[3].weight == 0);
  gift_doc_free(doc);
}

static void multi__weights_without_equals(void **state)
{
  gift_doc *doc = parse(
    "::q-multi:: Which states share a land border with Thailand? {\n"
    "  ~%25%Malaysia # Yes.\n"
    "  ~%25%Cambodia # Yes.\n"
    "  ~%25%Lao PDR # Yes.\n"
    "  ~%25%Myanmar # Yes.\n"
    "  ~%-100%Viet Nam # No: Viet Nam has no land border.\n"
    "}\n");
  gift_question *q = &doc->questions[0];

  (void)state;
  assert_int_equal(q->type, GIFT_MULTI);
  assert_int_equal(q->answer_count, 5);
  assert_true(q->answers[4].weight == -100);
  assert_string_equal(q->answers[4].text, "Viet Nam");
  assert_string_equal(q->answers[4].feedback,
                      "No: Viet Nam has no land border.");
  gift_doc_free(doc);
}

static void multi__decimal_weights(void **state)
{
  gift_doc *doc = parse("Q? {~%33.33333%a ~%33.33333%b ~%33.33334%c ~d}");

  (void)state;
  assert_int_equal(doc->questions[0].type, GIFT_MULTI);
  assert_true(doc->questions[0].answers[2].weight == 33.33334);
  gift_doc_free(doc);
}

static void truefalse__all_spellings_and_feedback(void **state)
{
  gift_doc *doc = parse(
    "A {T}\n\nB {TRUE}\n\nC {F}\n\nD {FALSE}\n\n"
    "::q-tf:: Stopping all migration is an aim. {F # It regulates.}\n\n"
    "E {TRUE#wrong answer#right answer}\n");

  (void)state;
  assert_int_equal(doc->count, 6);
  for (size_t i = 0; i < 6; i++)
    assert_int_equal(doc->questions[i].type, GIFT_TRUEFALSE);
  assert_true(doc->questions[0].truth);
  assert_true(doc->questions[1].truth);
  assert_false(doc->questions[2].truth);
  assert_false(doc->questions[3].truth);
  /* Moodle: the first feedback is for the wrong answer */
  assert_string_equal(doc->questions[4].feedback_true, "It regulates.");
  assert_null(doc->questions[4].feedback_false);
  assert_string_equal(doc->questions[5].feedback_false, "wrong answer");
  assert_string_equal(doc->questions[5].feedback_true, "right answer");
  assert_null(doc->questions[0].feedback_true);
  gift_doc_free(doc);
}

static void general_feedback__after_four_hashes(void **state)
{
  gift_doc *doc = parse(
    "What's 2+2? {=4 # yes ~5 #### Addition is commutative.}\n\n"
    "Sky? {T####Look up.}");

  (void)state;
  assert_string_equal(doc->questions[0].general_feedback,
                      "Addition is commutative.");
  assert_string_equal(doc->questions[0].answers[1].text, "5");
  assert_null(doc->questions[0].answers[1].feedback);
  assert_string_equal(doc->questions[1].general_feedback, "Look up.");
  assert_int_equal(doc->questions[1].type, GIFT_TRUEFALSE);
  gift_doc_free(doc);
}

static void comments__lines_dropped_blank_lines_split(void **state)
{
  gift_doc *doc = parse(
    "// a comment\n"
    "Q1 {\n"
    "  // inside too\n"
    "  =a\n"
    "  ~b\n"
    "}\n"
    "   \t\n"
    "// between\n"
    "\n"
    "Q2 see http://example.org {T}\n");

  (void)state;
  assert_int_equal(doc->count, 2);
  assert_int_equal(doc->questions[0].answer_count, 2);
  assert_string_equal(doc->questions[1].text, "Q2 see http://example.org");
  assert_int_equal(doc->questions[1].line, 10);
  gift_doc_free(doc);
}

static void escapes__resolved_everywhere(void **state)
{
  gift_doc *doc = parse(
    "::Q\\:1:: 1 \\= 1\\{\\} \\~ \\# \\\\ a\\nb? {\n"
    "  =\\=2 # a \\# b\n"
    "  ~x\\~y\\\\\n"
    "}");
  gift_question *q = &doc->questions[0];

  (void)state;
  assert_string_equal(q->title, "Q:1");
  assert_string_equal(q->text, "1 = 1{} ~ # \\ a\nb?");
  assert_string_equal(q->answers[0].text, "=2");
  assert_string_equal(q->answers[0].feedback, "a # b");
  assert_string_equal(q->answers[1].text, "x~y\\");
  gift_doc_free(doc);
}

static void escapes__control_characters_example(void **state)
{
  gift_doc *doc = parse(
    "::GIFT Control Characters::\n"
    "Which of the following is NOT a control character? {\n"
    "   ~ \\~     # \\~ is a control character.\n"
    "   ~ \\=     # \\= is a control character.\n"
    "   ~ \\#     # \\# is a control character.\n"
    "   ~ \\{     # \\{ is a control character.\n"
    "   ~ \\}     # \\} is a control character.\n"
    "   = \\      # Correct! \\ (backslash) is not. BUT,\n"
    "              it is used to escape the control characters.\n"
    "}");
  gift_question *q = &doc->questions[0];

  (void)state;
  assert_int_equal(q->type, GIFT_SINGLE);
  assert_int_equal(q->answer_count, 6);
  assert_string_equal(q->answers[0].text, "~");
  assert_string_equal(q->answers[3].text, "{");
  assert_string_equal(q->answers[5].text, "\\");
  assert_string_equal(q->answers[5].feedback,
                      "Correct! \\ (backslash) is not. BUT,\n"
                      "it is used to escape the control characters.");
  gift_doc_free(doc);
}

static void text__multi_line_keeps_lines(void **state)
{
  gift_doc *doc = parse(
    "::t::\n"
    "First line\n"
    "  - indented item\n"
    "last line? {=a ~b}");

  (void)state;
  assert_string_equal(doc->questions[0].text,
                      "First line\n  - indented item\nlast line?");
  gift_doc_free(doc);
}

static void text__crlf_and_bom(void **state)
{
  gift_doc *doc = parse("\xEF\xBB\xBFQ1 {T}\r\n\r\nQ2\r\n{=a ~b}\r\n");

  (void)state;
  assert_int_equal(doc->count, 2);
  assert_string_equal(doc->questions[0].text, "Q1");
  assert_string_equal(doc->questions[1].text, "Q2");
  assert_string_equal(doc->questions[1].answers[1].text, "b");
  gift_doc_free(doc);
}

static void text__one_question_mode_keeps_paragraphs(void **state)
{
  gift_doc *doc = parse_flags(
    "::At Mae Sai at dawn::\n"
    "A woman arrives with two children.\n"
    "\n"
    "What do you do? {\n"
    "  =Speak to her alone # Right\n"
    "  ~Refuse entry # This risks ...\n"
    "  #### The better decision protects.\n"
    "}\n", GIFT_ONE_QUESTION);

  (void)state;
  assert_int_equal(doc->count, 1);
  assert_string_equal(doc->questions[0].text,
                      "A woman arrives with two children.\n\n"
                      "What do you do?");
  assert_string_equal(doc->questions[0].general_feedback,
                      "The better decision protects.");
  gift_doc_free(doc);
}

static void title__absent_and_empty(void **state)
{
  gift_doc *doc = parse("No title {T}\n\n::::Empty title {T}");

  (void)state;
  assert_null(doc->questions[0].title);
  assert_null(doc->questions[1].title);
  assert_string_equal(doc->questions[1].text, "Empty title");
  gift_doc_free(doc);
}

static void thai__bytes_survive(void **state)
{
  const char *src =
    "::q-th:: \xE0\xB8\x94\xE0\xB9\x88\xE0\xB8\xB2\xE0\xB8\x99\xE0\xB8"
    "\x9E\xE0\xB8\xA3\xE0\xB8\xA1\xE0\xB9\x81\xE0\xB8\x94\xE0\xB8\x99? {\n"
    "  =\xE0\xB9\x83\xE0\xB8\x8A\xE0\xB9\x88 # \xE0\xB8\x96\xE0\xB8\xB9"
    "\xE0\xB8\x81\n"
    "  ~\xE0\xB9\x84\xE0\xB8\xA1\xE0\xB9\x88\n"
    "}";
  gift_doc *doc = parse(src);

  (void)state;
  assert_string_equal(doc->questions[0].text,
                      "\xE0\xB8\x94\xE0\xB9\x88\xE0\xB8\xB2\xE0\xB8\x99"
                      "\xE0\xB8\x9E\xE0\xB8\xA3\xE0\xB8\xA1\xE0\xB9\x81"
                      "\xE0\xB8\x94\xE0\xB8\x99?");
  assert_string_equal(doc->questions[0].answers[0].text,
                      "\xE0\xB9\x83\xE0\xB8\x8A\xE0\xB9\x88");
  assert_string_equal(doc->questions[0].answers[0].feedback,
                      "\xE0\xB8\x96\xE0\xB8\xB9\xE0\xB8\x81");
  gift_doc_free(doc);
}

/* ---- errors ----------------------------------------------------- */

static void error__no_correct_answer(void **state)
{
  (void)state;
  expect_error("::x:: Q? {~a ~b}",
               "t.gift:1:10: error: question 'x' has no correct answer");
  expect_error("Q? {~%-50%a ~b}", "question 'q1' has no correct answer");
  expect_error("A {T}\n\nB? {\n~a\n~b\n}",
               "t.gift:3:4: error: question 'q2' has no correct answer");
}

static void error__positions_and_expectations(void **state)
{
  (void)state;
  expect_error("Q? {=a ~b", "t.gift:1:4: error: expected '}' to close");
  expect_error("Q? =a ~b}", "t.gift:1:9: error: expected '{' before '}'");
  expect_error("::title Q? {T}", "t.gift:1:1: error: expected '::' to "
               "close the question title");
  expect_error("Q? {=a ~b} and {T}", "1:16: error: expected one answer "
               "block per question");
  expect_error("Q? {=a {~b}}", "1:4: error: expected '}' to close");
  expect_error("Q? {x =a ~b}",
               "1:5: error: expected '~' or '=' to start an answer");
  expect_error("Q? {~%abc%a =b}", "1:6: error: expected a weight such as");
  expect_error("Q? {~%150%a =b}", "expected a weight from -100% to 100%");
  expect_error("Q? {=%50%a ~b}", "an '=' answer is worth 100%");
  expect_error("Q? {=a ~ # fb}", "1:8: error: expected answer text after");
}

static void error__short_answer_is_not_an_error(void **state)
{
  gift_doc *doc = parse("Q? {=a}");

  (void)state;
  assert_int_equal(doc->questions[0].type, GIFT_SHORT);
  gift_doc_free(doc);
}

static void error__lowercase_true_is_caught(void **state)
{
  (void)state;
  expect_error("Q? {true}", "expected '=' (or T, TRUE, F, FALSE for "
               "true/false) to start an answer");
}

static void error__choice_needs_two_answers(void **state)
{
  (void)state;
  expect_error("Q? {~%100%a}", "needs at least two answers");
}

static void error__column_counts_characters(void **state)
{
  (void)state;
  /* three Thai characters (9 bytes) before the brace */
  expect_error("\xE0\xB8\x81\xE0\xB8\x82\xE0\xB8\x83{~a ~b}",
               "t.gift:1:4: error: question 'q1' has no correct answer");
}

static void error__invalid_utf8(void **state)
{
  (void)state;
  expect_error("Q\n? {T\xC3}", "t.gift:2:5: error: expected UTF-8 text, "
               "found byte 0xc3");
  expect_error("Q\xC0\xAF {T}", "expected UTF-8 text");     /* overlong */
  expect_error("Q\xED\xA0\x80 {T}", "expected UTF-8 text"); /* surrogate */
}

static void error__nul_byte(void **state)
{
  diag_list d;
  gift_doc *doc;

  (void)state;
  diag_init(&d);
  assert_int_equal(gift_parse(&doc, "Q {T}\0", 6, "t.gift", 1, &d), -1);
  assert_non_null(strstr(d.items[0].message, "NUL"));
  diag_free(&d);
}

static void error__question_text_missing(void **state)
{
  (void)state;
  expect_error("::t:: {T}", "expected question text before '{'");
  expect_error("::t::", "expected question text");
}

static void error__first_line_offsets_lines(void **state)
{
  diag_list d;
  gift_doc *doc;
  char buf[512];

  (void)state;
  diag_init(&d);
  assert_int_equal(gift_parse(&doc, "Q? {~a ~b}", 10, "page.md", 14, &d),
                   -1);
  assert_string_equal(diag_format(&d.items[0], buf, sizeof buf),
                      "page.md:14:4: error: question 'q1' has no correct "
                      "answer");
  diag_free(&d);
}

static void error__reports_every_bad_question(void **state)
{
  diag_list d;
  gift_doc *doc;
  const char *src = "A? {~a ~b}\n\nB? {T}\n\nC? {=a ~b\n\nD? {~x ~y}";

  (void)state;
  diag_init(&d);
  assert_int_equal(gift_parse(&doc, src, strlen(src), "t.gift", 1, &d),
                   -1);
  assert_int_equal(d.errors, 3);
  assert_int_equal(d.items[2].line, 7);
  diag_free(&d);
}

static void limits__input_size_answers_errors(void **state)
{
  diag_list d;
  gift_doc *doc;
  size_t n = GIFT_MAX_INPUT + 1;
  char *big = malloc(n);

  (void)state;
  memset(big, 'a', n);
  diag_init(&d);
  assert_int_equal(gift_parse(&doc, big, n, "t.gift", 1, &d), -1);
  assert_non_null(strstr(d.items[0].message, "expected at most"));
  diag_free(&d);

  /* 300 answers */
  memcpy(big, "Q {=a", 5);
  n = 5;
  for (int i = 0; i < 300; i++)
    n += (size_t)sprintf(big + n, " ~w%d", i);
  big[n++] = '}';
  diag_init(&d);
  assert_int_equal(gift_parse(&doc, big, n, "t.gift", 1, &d), -1);
  assert_non_null(strstr(d.items[0].message, "more than 250"));
  diag_free(&d);

  /* a thousand broken questions stop at GIFT_MAX_ERRORS */
  n = 0;
  for (int i = 0; i < 1000; i++)
    n += (size_t)sprintf(big + n, "Q {~a ~b}\n\n");
  diag_init(&d);
  assert_int_equal(gift_parse(&doc, big, n, "t.gift", 1, &d), -1);
  assert_true(d.errors <= GIFT_MAX_ERRORS + 1);
  diag_free(&d);
  free(big);
}

/* ---- the table -------------------------------------------------- */

static void qtable__header_and_types(void **state)
{
  gift_doc *doc = parse("A {=a ~b}\n\nB {~%100%a ~b}\n\nC {F}\n\nD");
  unsigned char *t;
  size_t n;
  diag_list d;

  (void)state;
  diag_init(&d);
  assert_int_equal(qtable_build(&t, &n, doc->questions, doc->count, &d),
                   0);
  assert_memory_equal(t, "SCQT\x01\x00\x00\x00\x04\x00\x00\x00", 12);
  assert_int_equal(t[12] | t[13] << 8, n);
  assert_int_equal(scorer_count(t, n), 4);
  assert_int_equal(scorer_type(t, n, 0), SCORER_SINGLE);
  assert_int_equal(scorer_type(t, n, 1), SCORER_MULTI);
  assert_int_equal(scorer_type(t, n, 2), SCORER_TRUEFALSE);
  assert_int_equal(scorer_type(t, n, 3), SCORER_DESCRIPTION);
  assert_true(scorer_points(t, n, 0) == 1);
  assert_true(scorer_points(t, n, 3) == 0);
  assert_true(scorer_points(t, n, 4) < 0);
  free(t);
  gift_doc_free(doc);
  diag_free(&d);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(single__answers_weights_and_feedback),
    cmocka_unit_test(single__partial_weight_with_tilde),
    cmocka_unit_test(multi__weights_without_equals),
    cmocka_unit_test(multi__decimal_weights),
    cmocka_unit_test(truefalse__all_spellings_and_feedback),
    cmocka_unit_test(general_feedback__after_four_hashes),
    cmocka_unit_test(comments__lines_dropped_blank_lines_split),
    cmocka_unit_test(escapes__resolved_everywhere),
    cmocka_unit_test(escapes__control_characters_example),
    cmocka_unit_test(text__multi_line_keeps_lines),
    cmocka_unit_test(text__crlf_and_bom),
    cmocka_unit_test(text__one_question_mode_keeps_paragraphs),
    cmocka_unit_test(title__absent_and_empty),
    cmocka_unit_test(thai__bytes_survive),
    cmocka_unit_test(error__no_correct_answer),
    cmocka_unit_test(error__positions_and_expectations),
    cmocka_unit_test(error__short_answer_is_not_an_error),
    cmocka_unit_test(error__lowercase_true_is_caught),
    cmocka_unit_test(error__choice_needs_two_answers),
    cmocka_unit_test(error__column_counts_characters),
    cmocka_unit_test(error__invalid_utf8),
    cmocka_unit_test(error__nul_byte),
    cmocka_unit_test(error__question_text_missing),
    cmocka_unit_test(error__first_line_offsets_lines),
    cmocka_unit_test(error__reports_every_bad_question),
    cmocka_unit_test(limits__input_size_answers_errors),
    cmocka_unit_test(qtable__header_and_types),
  };

  return cmocka_run_group_tests_name("gift", tests, NULL, NULL);
}
