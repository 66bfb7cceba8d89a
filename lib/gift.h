/*
 * gift.h - parse Moodle's GIFT question format into questions
 * SPDX-License-Identifier: MIT
 *
 * A gift_doc owns every string it points to; gift_doc_free releases all.
 * Text fields hold the text with GIFT escapes resolved, in the question's
 * format (see gift_format); the caller renders Markdown where needed.
 *
 * Questions are split at blank lines and typed exactly as Moodle's
 * importer types them (qformat_gift::readquestion). Where Moodle would
 * silently import something other than what the author meant, this
 * parser reports an error instead, with file, line and column:
 *   - text before the first '~'/'=' in a block ('{x =a}'; Moodle makes
 *     'x' an answer), so '{true}' asks for T, TRUE, F or FALSE;
 *   - '=%50%a' in a choice question (Moodle ignores the weight), a
 *     weight outside -100..100 or malformed (Moodle imports it as text);
 *   - a choice question with no answer worth more than 0 ("question 'x'
 *     has no correct answer"), one answer only, or an empty answer;
 *   - '#' in a matching pair (Moodle keeps it in the right item);
 *   - a second answer block, or a stray brace, in one question;
 *   - more text after a '$CATEGORY:' line without a blank line (Moodle
 *     swallows the question into the category name);
 *   - a question with no text.
 * Two differences in what is kept: question text keeps its lines'
 * indentation (Moodle trims every line; Markdown needs it), while text
 * in an answer block loses it, as in Moodle. Escapes are Moodle's:
 * '\~ \= \# \{ \} \:' and '\\', and '\n' for a line break; any
 * other backslash stays, so '\*' reaches the scorer as a literal '*'.
 * Questions are named for messages by title, else 'qN' counting every
 * question but descriptions (as 'scormc score' names them).
 * Missing word: 'text' ends and 'text_after' starts with one space when
 * the source had white space next to the block, so text + blank +
 * text_after reads as written.
 */
#ifndef SCORMC_GIFT_H
#define SCORMC_GIFT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

typedef enum {
  GIFT_SINGLE,       /* one '=' answer among '~' answers */
  GIFT_MULTI,        /* weighted '~%n%' answers, no '=' */
  GIFT_TRUEFALSE,    /* {T} {F} {TRUE} {FALSE} */
  GIFT_SHORT,        /* only '=' answers */
  GIFT_MATCHING,     /* '=left -> right' pairs */
  GIFT_NUMERICAL,    /* {#...} */
  GIFT_ESSAY,        /* {} */
  GIFT_DESCRIPTION   /* no answer block */
} gift_type;

typedef enum {
  GIFT_FORMAT_MOODLE,   /* the default: Moodle auto-format */
  GIFT_FORMAT_MARKDOWN,
  GIFT_FORMAT_HTML,
  GIFT_FORMAT_PLAIN
} gift_format;

typedef enum {
  GIFT_NUM_EXACT,       /* value, tolerance 0 */
  GIFT_NUM_TOLERANCE,   /* value:tolerance */
  GIFT_NUM_RANGE,       /* min..max */
  GIFT_NUM_ANY          /* '~#feedback': any other number, weight 0 */
} gift_num_kind;

typedef struct {
  char *text;       /* answer text; matching: the left item */
  char *match;      /* matching: the right item; NULL otherwise */
  char *feedback;   /* after '#', or NULL */
  double weight;    /* percent, -100..100: '=' is 100, '~' is 0 */
  gift_num_kind num_kind;
  double value, tolerance, min, max;   /* numerical answers */
  int line, column;
} gift_answer;

typedef struct {
  gift_type type;
  gift_format format;
  char *title;         /* '::title::' or NULL */
  char *category;      /* the '$CATEGORY:' in force, or NULL */
  char *text;          /* question text before the answer block */
  char *text_after;    /* missing word: text after the block, else NULL */
  char *general_feedback;   /* after '####', or NULL */
  bool truth;          /* true/false: the right answer */
  char *feedback_true;      /* true/false: feedback when answering true */
  char *feedback_false;     /* ... and when answering false */
  gift_answer *answers;
  size_t answer_count;
  int line, column;    /* where the question starts */
} gift_question;

typedef struct {
  gift_question *questions;
  size_t count;
} gift_doc;

/*
 * Parse 'len' bytes of GIFT. 'file' and 'first_line' place diagnostics
 * (first_line > 1 when the GIFT sits inside a Markdown page). Errors and
 * warnings go to 'diags'. Returns 0 and sets *out on success; returns -1
 * on any error, with *out NULL.
 */
int gift_parse(gift_doc **out, const char *src, size_t len,
               const char *file, int first_line, diag_list *diags);

/* Flags for gift_parse_flags. */
#define GIFT_ONE_QUESTION 1u  /* the input is one question: blank lines
                                 belong to its text (```check and
                                 ```scenario blocks) */

/* Caps: course sources are untrusted, so every size has a limit. */
#define GIFT_MAX_INPUT (8u << 20)     /* bytes of GIFT per call */
#define GIFT_MAX_QUESTIONS 10000
#define GIFT_MAX_ANSWERS 250          /* answers or pairs per question */
#define GIFT_MAX_ERRORS 100           /* then parsing stops */

/*
 * gift_parse with flags (0 or GIFT_ONE_QUESTION). gift_parse(...) is
 * gift_parse_flags(..., 0, ...).
 */
int gift_parse_flags(gift_doc **out, const char *src, size_t len,
                     const char *file, int first_line, unsigned flags,
                     diag_list *diags);

void gift_doc_free(gift_doc *doc);

const char *gift_type_name(gift_type type);  /* "single", "multi", ... */

#endif
