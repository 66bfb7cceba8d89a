/*
 * qtable.h - serialise parsed questions into the scorer's question table
 * SPDX-License-Identifier: MIT
 *
 * The table is what a package embeds and what scorer.c reads; the GIFT
 * parser never runs in the browser. Layout, version 1. Integers are
 * little-endian, f64 is IEEE 754 binary64 little-endian, and a str is a
 * u32 byte length followed by that many UTF-8 bytes (no NUL):
 *
 *   header (16 bytes)
 *     "SCQT"   magic
 *     u16      version, SCORER_TABLE_VERSION (1)
 *     u16      reserved, 0
 *     u32      question count
 *     u32      size of the whole table in bytes
 *   each question, in the order given (descriptions included, so the
 *   table's question i is questions[i])
 *     u8       type: SCORER_SINGLE ... SCORER_DESCRIPTION (scorer.h),
 *              which is gift_type + 1
 *     u8       flags: bit 0 set when a true/false answer is TRUE
 *     u16      answer count
 *     f64      points (default 1; essay and description never count)
 *     answers:
 *       single, multi, short   f64 weight (percent), str text
 *       numerical              u8 any (1: a '~' catch-all), f64 weight,
 *                              f64 lo, f64 hi (value -/+ tolerance, or
 *                              the range)
 *       matching               str left (empty: a distractor), str right
 *       true/false, essay, description: none
 *
 * The scorer rejects a table whose version it does not know; a change to
 * this layout bumps SCORER_TABLE_VERSION.
 */
#ifndef SCORMC_QTABLE_H
#define SCORMC_QTABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "gift.h"

/*
 * Serialises 'count' questions, each worth 1 point. On success returns
 * 0 and sets *out to a malloc'd table of *out_len bytes (the caller
 * frees it); on failure returns -1 with *out NULL and a diagnostic.
 */
int qtable_build(unsigned char **out, size_t *out_len,
                 const gift_question *questions, size_t count,
                 diag_list *diags);

/* As qtable_build, with points[i] for question i (NULL: all 1). Points
 * must be finite and 0 or more. */
int qtable_build_points(unsigned char **out, size_t *out_len,
                        const gift_question *questions,
                        const double *points, size_t count,
                        diag_list *diags);

/*
 * A learner's responses in the scorer's encoding (scorer.h), built one
 * question at a time in table order. Allocation failures are sticky:
 * check qresp_failed once at the end.
 */
typedef struct {
  unsigned char *data;
  size_t len, cap;
  size_t open;        /* offset of the open list's count, or 0 */
  size_t last;        /* offset of the last record's tag, or 0 */
  bool failed;
} qresp;

void qresp_init(qresp *r);          /* no records yet */
void qresp_free(qresp *r);
bool qresp_failed(const qresp *r);

void qresp_none(qresp *r);                         /* unanswered */
void qresp_skip(qresp *r);          /* not drawn: counts for nothing */
void qresp_text(qresp *r, const char *s, size_t len);
void qresp_bool(qresp *r, bool value);
void qresp_number(qresp *r, double value);

/* A list (multiple answers) or pairs (matching) record: open it, then
 * add its entries; the next record closes it. */
void qresp_list(qresp *r);
void qresp_item(qresp *r, const char *s, size_t len);
void qresp_pairs(qresp *r);
void qresp_pair(qresp *r, const char *left, size_t left_len,
                const char *right, size_t right_len);

/* Drops the last record, say a list that turned out to hold a number.
 * Setting 'len' back to its value before that record was started has
 * the same effect once the next record is added. Only the last record
 * can be dropped. */
void qresp_drop(qresp *r);

#endif
