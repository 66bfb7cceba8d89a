/*
 * scorer.h - score a learner's responses against a question table
 * SPDX-License-Identifier: MIT
 *
 * Freestanding: only <stdint.h> and <stddef.h>, no allocation, every
 * buffer belongs to the caller. The same source is linked into the
 * library and compiled to WebAssembly for the runtime (scorer.js), so a
 * score is the same in the CLI and in the browser. The question table is
 * built by qtable_build (qtable.h documents its layout).
 *
 * Responses, one record per table question, in table order (integers
 * little-endian, str = u32 byte length + UTF-8 bytes):
 *   u32 count           records that follow; fewer than the table's
 *                       questions leaves the rest unanswered
 *   u8  tag, then:
 *     0 none            unanswered
 *     1 text   str      single choice, missing word: the answer's text;
 *                       short answer, essay: what the learner wrote
 *     2 list   u32 n, n x str          multiple answers: ticked texts
 *     3 bool   u8 0 or 1               true/false
 *     4 number f64 (IEEE 754)          numerical
 *     5 pairs  u32 n, n x (str, str)   matching: left item, chosen right
 *     6 skip            not asked (not drawn for this attempt): credit
 *                       0 and not counted in the maximum
 * A response of another kind than the question expects earns 0.
 *
 * Semantics (Moodle's, with the deviations noted):
 *   single     the chosen answer's weight, floored at 0 (Moodle can give
 *              a negative mark; a credit here is always 0..1)
 *   multi      the sum of the ticked answers' weights, clamped 0..100 %
 *   truefalse  1 when the response is the right value
 *   short      the weight of the first answer, in the author's order,
 *              that matches: Unicode's caseless canonical match, i.e.
 *              NFD(casefold(NFD(x))), with full case folding, for
 *              U+0000..U+052F (Latin, Latin-1, Latin Extended-A/B, IPA,
 *              Greek, Cyrillic and its supplement), Latin Extended
 *              Additional, Greek Extended and the Ohm, Kelvin and
 *              Angstrom signs; other scripts compare by code point after
 *              canonical ordering of their marks (Thai has no case, and
 *              its tone and vowel marks may come in either order);
 *              Hangul syllables are not decomposed. '*' is any run of
 *              characters, '\*' a literal '*'. The response is trimmed
 *              of ASCII white space; an empty response is unanswered.
 *              Wildcard matching takes time up to pattern x response,
 *              so a pattern over SCORER_MAX_PATTERN bytes or a response
 *              over SCORER_MAX_RESPONSE bytes matches nothing
 *   numerical  the weight of the first answer whose [lo, hi] holds the
 *              response; bounds widen by 1e-12 of their magnitude so a
 *              response on a decimal boundary is inside despite binary
 *              rounding (Moodle widens by about 1e-14)
 *   matching   pairs whose chosen right item is the pair's, over pairs
 *   essay, description: credit 0, not counted in the maximum
 * Choice and matching texts compare byte for byte, trimmed.
 * Short and numerical weights are clamped to 0..100 % as well.
 */
#ifndef SCORMC_SCORER_H
#define SCORMC_SCORER_H

#include <stddef.h>
#include <stdint.h>

#if defined(__wasm__)
#define SCORER_API __attribute__((visibility("default")))
#else
#define SCORER_API
#endif

#define SCORER_TABLE_VERSION 1

#define SCORER_MAX_PATTERN 4096      /* bytes of a short-answer answer */
#define SCORER_MAX_RESPONSE 65536    /* bytes of a short-answer response */

/* Return codes */
#define SCORER_OK 0
#define SCORER_EBADTABLE (-1)     /* truncated or malformed table */
#define SCORER_EVERSION (-2)      /* a table version this scorer lacks */
#define SCORER_EBADRESPONSE (-3)  /* malformed or too many responses */
#define SCORER_ESPACE (-4)        /* 'credits' holds too few entries */

/* Question types in the table */
#define SCORER_SINGLE 1
#define SCORER_MULTI 2
#define SCORER_TRUEFALSE 3
#define SCORER_SHORT 4
#define SCORER_MATCHING 5
#define SCORER_NUMERICAL 6
#define SCORER_ESSAY 7
#define SCORER_DESCRIPTION 8

/* Response tags */
#define SCORER_R_NONE 0
#define SCORER_R_TEXT 1
#define SCORER_R_LIST 2
#define SCORER_R_BOOL 3
#define SCORER_R_NUMBER 4
#define SCORER_R_PAIRS 5
#define SCORER_R_SKIP 6

typedef struct {
  double earned;    /* sum of credit x points over scored questions */
  double max;       /* sum of points over scored questions */
  double percent;   /* 100 x earned / max, 0 when max is 0 */
} scorer_result;

/* Number of questions in 'table', or a negative SCORER_E* code. */
SCORER_API int32_t scorer_count(const uint8_t *table, size_t table_len);

/*
 * Scores 'resp' against 'table'. Writes each question's credit (0..1)
 * into credits[0..count) (credits_cap entries available) and the totals
 * into *result. Returns SCORER_OK or a negative SCORER_E* code.
 */
SCORER_API int32_t scorer_score(const uint8_t *table, size_t table_len,
                                const uint8_t *resp, size_t resp_len,
                                double *credits, size_t credits_cap,
                                scorer_result *result);

/* Points question 'index' counts towards the maximum (0 for essay and
 * description), or a negative value on a bad table or index. */
SCORER_API double scorer_points(const uint8_t *table, size_t table_len,
                                uint32_t index);

/* Type (SCORER_SINGLE...) of question 'index', or a negative code. */
SCORER_API int32_t scorer_type(const uint8_t *table, size_t table_len,
                               uint32_t index);

/* 1 when 'text' matches the short-answer 'pattern' as scored, else 0. */
SCORER_API int32_t scorer_text_match(const uint8_t *pattern,
                                     size_t pattern_len,
                                     const uint8_t *text, size_t text_len);

#if defined(__wasm__)
/* Start of the memory above the scorer's own data: the JavaScript glue
 * places the table, the responses and the results there. */
SCORER_API void *scorer_heap_base(void);
#endif

#endif
