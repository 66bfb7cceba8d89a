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

#define GIFT_FUZZ_REPLAY
#include "../fuzz/gift_fuzz.c"

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


/* ---- short answer, matching, numerical, essay, description ------- */

static void short__answers_weights_feedback(void **state)
{
  gift_doc *doc = parse(
    "::Jesus' hometown:: Jesus Christ was from {\n"
    "    =Nazareth#Yes! That's right!\n"
    "    =%75%Nazereth#Right, but misspelled.\n"
    "    =%25%Bethlehem#He was born here, but not raised here.\n"
    "}");
  gift_question *q = &doc->questions[0];

  (void)state;
  assert_int_equal(q->type, GIFT_SHORT);
  assert_int_equal(q->answer_count, 3);
  assert_string_equal(q->answers[0].text, "Nazareth");
  assert_true(q->answers[0].weight == 100);
  assert_string_equal(q->answers[0].feedback, "Yes! That's right!");
  assert_string_equal(q->answers[1].text, "Nazereth");
  assert_true(q->answers[1].weight == 75);
  assert_true(q->answers[2].weight == 25);
  gift_doc_free(doc);
}

static void short__wildcard_kept_in_text(void **state)
{
  gift_doc *doc = parse("Q {=gr*y =5\\*3}");

  (void)state;
  assert_int_equal(doc->questions[0].type, GIFT_SHORT);
  assert_string_equal(doc->questions[0].answers[0].text, "gr*y");
  assert_string_equal(doc->questions[0].answers[1].text, "5\\*3");
  gift_doc_free(doc);
}

static void matching__pairs_distractor_feedback(void **state)
{
  gift_doc *doc = parse(
    "Match the following countries with their capitals. {\n"
    "   =Canada -> Ottawa\n"
    "   =Italy  -> Rome\n"
    "   = -> Paris\n"
    "   ####It's good to know the capitals\n"
    "}");
  gift_question *q = &doc->questions[0];

  (void)state;
  assert_int_equal(q->type, GIFT_MATCHING);
  assert_int_equal(q->answer_count, 3);
  assert_string_equal(q->answers[0].text, "Canada");
  assert_string_equal(q->answers[0].match, "Ottawa");
  assert_string_equal(q->answers[1].text, "Italy");
  assert_string_equal(q->answers[1].match, "Rome");
  assert_string_equal(q->answers[2].text, "");
  assert_string_equal(q->answers[2].match, "Paris");
  assert_string_equal(q->general_feedback,
                      "It's good to know the capitals");
  gift_doc_free(doc);
}

static void matching__errors(void **state)
{
  (void)state;
  expect_error("Q {=a -> b =c}", "1:12: error: expected 'left -> right'");
  expect_error("Q {=a -> b # fb =c -> d}", "1:12: error: matching pairs "
               "take no feedback");
  expect_error("Q {=a -> b}", "needs at least two entries");
  expect_error("Q {=a -> b =c -> }", "expected the right item after '->'");
}

static void numerical__kinds(void **state)
{
  gift_doc *doc = parse(
    "A {#1822:5}\n\nB {#3.141..3.142}.\n\nC {#2}\n\n"
    "D {#\n  =1822:0 # Correct!\n  =%50%1822:2 # Close.\n"
    "  ~# Not even close.\n}\n\nE {#1e3:-1e1}");
  gift_question *q = doc->questions;

  (void)state;
  assert_int_equal(doc->count, 5);
  assert_int_equal(q[0].type, GIFT_NUMERICAL);
  assert_int_equal(q[0].answers[0].num_kind, GIFT_NUM_TOLERANCE);
  assert_true(q[0].answers[0].value == 1822);
  assert_true(q[0].answers[0].tolerance == 5);
  assert_true(q[0].answers[0].min == 1817 && q[0].answers[0].max == 1827);
  assert_string_equal(q[0].answers[0].text, "1822:5");
  assert_int_equal(q[1].answers[0].num_kind, GIFT_NUM_RANGE);
  assert_true(q[1].answers[0].min == 3.141 && q[1].answers[0].max == 3.142);
  assert_string_equal(q[1].text_after, ".");
  assert_int_equal(q[2].answers[0].num_kind, GIFT_NUM_EXACT);
  assert_true(q[2].answers[0].min == 2 && q[2].answers[0].max == 2);
  assert_int_equal(q[3].answer_count, 3);
  assert_true(q[3].answers[1].weight == 50);
  assert_string_equal(q[3].answers[1].feedback, "Close.");
  assert_int_equal(q[3].answers[2].num_kind, GIFT_NUM_ANY);
  assert_true(q[3].answers[2].weight == 0);
  assert_string_equal(q[3].answers[2].feedback, "Not even close.");
  assert_true(q[4].answers[0].tolerance == 10);
  gift_doc_free(doc);
}

static void numerical__errors(void **state)
{
  (void)state;
  expect_error("Q {#}", "1:4: error: expected a number after '#'");
  expect_error("Q {#abc}", "1:5: error: expected a number, "
               "'value:tolerance' or 'min..max'");
  expect_error("Q {#5..1}", "expected 'min..max' with min not above max");
  expect_error("Q {#1:x}", "expected a number");
  expect_error("Q {#1e999}", "expected a number");
  expect_error("Q {#=%200%5}", "expected a weight from -100% to 100%");
}

static void missing_word__text_around_the_blank(void **state)
{
  gift_doc *doc = parse(
    "Moodle costs {~lots of money =nothing ~a small amount} to download."
    "\n\n{=Paris ~Rome} is the capital of France."
    "\n\nThe answer is {=a ~b}'s.");
  gift_question *q = doc->questions;

  (void)state;
  assert_int_equal(q[0].type, GIFT_SINGLE);
  assert_string_equal(q[0].text, "Moodle costs ");
  assert_string_equal(q[0].text_after, " to download.");
  assert_string_equal(q[1].text, "");
  assert_string_equal(q[1].text_after, " is the capital of France.");
  assert_string_equal(q[2].text, "The answer is ");
  assert_string_equal(q[2].text_after, "'s.");
  gift_doc_free(doc);
}

static void essay__empty_block_and_general_feedback(void **state)
{
  gift_doc *doc = parse("Write a short biography. {}\n\nDescribe. {\n"
                        "####Think first.\n}");

  (void)state;
  assert_int_equal(doc->questions[0].type, GIFT_ESSAY);
  assert_int_equal(doc->questions[0].answer_count, 0);
  assert_int_equal(doc->questions[1].type, GIFT_ESSAY);
  assert_string_equal(doc->questions[1].general_feedback, "Think first.");
  gift_doc_free(doc);
}

static void description__no_block_not_numbered(void **state)
{
  gift_doc *doc = parse("::intro:: This section is about borders.\n\n"
                        "A {T}\n\nJust text.\n\nB? {~x ~%10%y ~z}");

  (void)state;
  assert_int_equal(doc->count, 4);
  assert_int_equal(doc->questions[0].type, GIFT_DESCRIPTION);
  assert_string_equal(doc->questions[0].text,
                      "This section is about borders.");
  assert_int_equal(doc->questions[2].type, GIFT_DESCRIPTION);
  gift_doc_free(doc);
  /* descriptions are not counted in 'qN' names */
  expect_error("Intro.\n\nA {T}\n\nMore.\n\nB {~x ~y}",
               "question 'q2' has no correct answer");
}

static void category__applies_to_following_questions(void **state)
{
  gift_doc *doc = parse("A {T}\n\n$CATEGORY: tom/dick/harry\n\nB {T}\n\n"
                        "C {F}\n\n$CATEGORY: other\n\nD {T}");

  (void)state;
  assert_int_equal(doc->count, 4);
  assert_null(doc->questions[0].category);
  assert_string_equal(doc->questions[1].category, "tom/dick/harry");
  assert_string_equal(doc->questions[2].category, "tom/dick/harry");
  assert_string_equal(doc->questions[3].category, "other");
  gift_doc_free(doc);
  expect_error("$CATEGORY: x\nQ {T}", "2:1: error: expected a blank line "
               "after the '$CATEGORY:' line");
}

static void format__tags_on_text_answers_feedback(void **state)
{
  gift_doc *doc = parse(
    "::Kanji Q1::[html]What's the <b>kanji</b> for mountain? {\n"
    "  =[html]<b>\xE5\xB1\xB1</b> # [markdown]*Yes*\n"
    "  ~\xE5\xB7\x9D\n"
    "  ####[plain]Mountain.\n}\n\n"
    "[markdown]**Bold** {T}\n\n[plain]Plain {T}\n\n[moodle]M {T}\n\n"
    "[unknown]tag stays {T}\n\n[link](http://x) stays {T}");
  gift_question *q = doc->questions;

  (void)state;
  assert_int_equal(q[0].format, GIFT_FORMAT_HTML);
  assert_string_equal(q[0].text, "What's the <b>kanji</b> for mountain?");
  assert_string_equal(q[0].answers[0].text, "<b>\xE5\xB1\xB1</b>");
  assert_string_equal(q[0].answers[0].feedback, "*Yes*");
  assert_string_equal(q[0].general_feedback, "Mountain.");
  assert_int_equal(q[1].format, GIFT_FORMAT_MARKDOWN);
  assert_string_equal(q[1].text, "**Bold**");
  assert_int_equal(q[2].format, GIFT_FORMAT_PLAIN);
  assert_int_equal(q[3].format, GIFT_FORMAT_MOODLE);
  assert_string_equal(q[4].text, "[unknown]tag stays");
  assert_int_equal(q[4].format, GIFT_FORMAT_MOODLE);
  assert_string_equal(q[5].text, "[link](http://x) stays");
  gift_doc_free(doc);
}

/* The examples of Moodle's GIFT documentation, with the type and the
 * fields Moodle's importer makes of each. */
static void moodle__documentation_examples(void **state)
{
  static const char src[] =
    "// true/false\n"
    "::Q1:: 1+1=2 {T}\n"
    "\n"
    "// multiple choice with specified feedback for right and wrong "
    "answers\n"
    "::Q2:: What's between orange and green in the spectrum?\n"
    "{ =yellow # right; good! ~red # wrong, it's yellow ~blue # wrong, "
    "it's yellow }\n"
    "\n"
    "// fill-in-the-blank\n"
    "::Q3:: Two plus {=two =2} equals four.\n"
    "\n"
    "// matching\n"
    "::Q4:: Which animal eats which food? { =cat -> cat food =dog -> dog "
    "food }\n"
    "\n"
    "// math range question\n"
    "::Q5:: What is a number from 1 to 5? {#3:2}\n"
    "\n"
    "// math range specified with interval end points\n"
    "::Q6:: What is a number from 1 to 5? {#1..5}\n"
    "// translated on import to the same as Q5, but unavailable from "
    "Moodle question interface\n"
    "\n"
    "// multiple numeric answers with partial credit and feedback\n"
    "::Q7:: When was Ulysses S. Grant born? {#\n"
    "         =1822:0      # Correct! Full credit.\n"
    "         =%50%1822:2  # He was born in 1822. Half credit for being "
    "close.\n"
    "}\n"
    "\n"
    "// essay\n"
    "::Q8:: How are you? {}\n";
  gift_doc *doc = parse(src);
  gift_question *q = doc->questions;

  (void)state;
  assert_int_equal(doc->count, 8);
  assert_int_equal(q[0].type, GIFT_TRUEFALSE);
  assert_string_equal(q[0].title, "Q1");
  assert_string_equal(q[0].text, "1+1=2");
  assert_true(q[0].truth);
  assert_int_equal(q[1].type, GIFT_SINGLE);
  assert_string_equal(q[1].answers[0].text, "yellow");
  assert_string_equal(q[1].answers[0].feedback, "right; good!");
  assert_string_equal(q[1].answers[2].feedback, "wrong, it's yellow");
  assert_int_equal(q[2].type, GIFT_SHORT);
  assert_string_equal(q[2].text, "Two plus ");
  assert_string_equal(q[2].text_after, " equals four.");
  assert_int_equal(q[3].type, GIFT_MATCHING);
  assert_string_equal(q[3].answers[1].match, "dog food");
  assert_int_equal(q[4].type, GIFT_NUMERICAL);
  assert_true(q[4].answers[0].min == 1 && q[4].answers[0].max == 5);
  assert_int_equal(q[5].type, GIFT_NUMERICAL);
  assert_true(q[5].answers[0].value == 3 && q[5].answers[0].tolerance == 2);
  assert_int_equal(q[6].answer_count, 2);
  assert_string_equal(q[6].answers[1].feedback,
                      "He was born in 1822. Half credit for being close.");
  assert_int_equal(q[7].type, GIFT_ESSAY);
  gift_doc_free(doc);
}

static void moodle__more_documentation_examples(void **state)
{
  gift_doc *doc = parse(
    "Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}\n\n"
    "Grant is {~buried =entombed ~living} in Grant's tomb.\n\n"
    "Grant is buried in Grant's tomb.{F}\n\n"
    "The sun rises in the east.{T}\n\n"
    "Who's buried in Grant's tomb?{=no one =nobody}\n\n"
    "When was Ulysses S. Grant born?{#1822:5}\n\n"
    "What is the value of pi (to 3 decimal places)? {#3.14159:0.0005}.\n\n"
    "Difficult question.{~wrong answer ~%50%half credit answer =full "
    "credit answer}\n\n"
    "::Jesus' hometown::Jesus Christ was from {\n"
    "    ~Jerusalem#This was an important city, but the wrong answer.\n"
    "    ~%25%Bethlehem#He was born here, but not raised here.\n"
    "    ~%50%Galilee#You need to be more specific.\n"
    "    =Nazareth#Yes! That's right!\n"
    "}.\n\n"
    "Grant is buried in Grant's tomb.{FALSE#No one is buried in Grant's "
    "tomb.}\n\n"
    "Write a short biography of Dag Hammarskj\xC3\xB6ld. {}\n");
  gift_question *q = doc->questions;
  static const gift_type types[] = {
    GIFT_SINGLE, GIFT_SINGLE, GIFT_TRUEFALSE, GIFT_TRUEFALSE, GIFT_SHORT,
    GIFT_NUMERICAL, GIFT_NUMERICAL, GIFT_SINGLE, GIFT_SINGLE,
    GIFT_TRUEFALSE, GIFT_ESSAY,
  };

  (void)state;
  assert_int_equal(doc->count, 11);
  for (size_t i = 0; i < doc->count; i++)
    assert_int_equal(q[i].type, types[i]);
  assert_string_equal(q[1].text_after, " in Grant's tomb.");
  assert_true(q[7].answers[1].weight == 50);
  assert_string_equal(q[8].title, "Jesus' hometown");
  assert_string_equal(q[8].text, "Jesus Christ was from ");
  assert_string_equal(q[8].text_after, ".");
  assert_true(q[8].answers[1].weight == 25);
  assert_false(q[9].truth);
  assert_string_equal(q[9].feedback_true, "No one is buried in Grant's "
                      "tomb.");
  assert_null(q[9].feedback_false);
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


/* One long line of long answers parses, with the right columns. Its
 * speed (positions must not be recomputed from the line's start for
 * every answer) is measured by 'make bench', not timed here. */
static void limits__long_line_of_long_answers(void **state)
{
  size_t each = 30000, n = 0;
  char *src = malloc(250 * (each + 2) + 16);
  gift_doc *doc;
  diag_list d;

  (void)state;
  n += (size_t)sprintf(src, "Q {");
  for (int i = 0; i < 250; i++) {
    src[n++] = i ? '~' : '=';
    memset(src + n, 'a' + i % 26, each);
    n += each;
    src[n++] = ' ';
  }
  src[n++] = '}';
  diag_init(&d);
  assert_int_equal(gift_parse(&doc, src, n, "t.gift", 1, &d), 0);
  assert_int_equal(doc->questions[0].answer_count, 250);
  assert_int_equal(doc->questions[0].answers[249].column,
                   (int)(4 + 249 * (each + 2)));
  gift_doc_free(doc);
  diag_free(&d);
  free(src);
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


/* ---- the fuzz corpus, replayed ---------------------------------- */

static int is_file(const struct dirent *e)
{
  return e->d_name[0] != '.';
}

static void replay_file(const char *path)
{
  FILE *f = fopen(path, "rb");
  unsigned char *buf;
  long n;

  assert_non_null(f);
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  rewind(f);
  buf = malloc((size_t)n + 1);
  assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
  fclose(f);
  gift_fuzz_one(buf, (size_t)n);
  free(buf);
}

/* Every input the fuzzer kept runs again, under whatever sanitizers the
 * test was built with. */
static void fuzz__corpus_replays(void **state)
{
  const char *dir = getenv("SCORMC_FUZZ_CORPUS");
  struct dirent **list;
  char path[1024];
  int n;

  (void)state;
  dir = dir ? dir : "tests/fuzz/corpus";
  n = scandir(dir, &list, is_file, alphasort);
  assert_true(n > 0);
  for (int i = 0; i < n; i++) {
    snprintf(path, sizeof path, "%s/%s", dir, list[i]->d_name);
    replay_file(path);
    free(list[i]);
  }
  free(list);
  print_message("fuzz corpus: %d inputs replayed\n", n);
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
    cmocka_unit_test(short__answers_weights_feedback),
    cmocka_unit_test(short__wildcard_kept_in_text),
    cmocka_unit_test(matching__pairs_distractor_feedback),
    cmocka_unit_test(matching__errors),
    cmocka_unit_test(numerical__kinds),
    cmocka_unit_test(numerical__errors),
    cmocka_unit_test(missing_word__text_around_the_blank),
    cmocka_unit_test(essay__empty_block_and_general_feedback),
    cmocka_unit_test(description__no_block_not_numbered),
    cmocka_unit_test(category__applies_to_following_questions),
    cmocka_unit_test(format__tags_on_text_answers_feedback),
    cmocka_unit_test(moodle__documentation_examples),
    cmocka_unit_test(moodle__more_documentation_examples),
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
    cmocka_unit_test(limits__long_line_of_long_answers),
    cmocka_unit_test(qtable__header_and_types),
    cmocka_unit_test(fuzz__corpus_replays),
  };

  return cmocka_run_group_tests_name("gift", tests, NULL, NULL);
}
