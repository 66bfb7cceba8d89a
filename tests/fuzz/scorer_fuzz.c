/*
 * scorer_fuzz.c - libFuzzer target: the freestanding scorer on any
 * bytes, as table and as responses
 * SPDX-License-Identifier: MIT
 *
 * The scorer runs in every package on what the learner's browser hands
 * it, so it must survive any table and any responses. The input is a
 * u16 table length (little-endian), the table, then the responses.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "scorer.h"

#define MAX_QUESTIONS 4096

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static double credits[MAX_QUESTIONS];
  scorer_result result;
  size_t table_len;
  const uint8_t *table, *resp;
  int32_t count;

  if (size < 2)
    return 0;
  table_len = (size_t)data[0] | (size_t)data[1] << 8;
  if (table_len > size - 2)
    table_len = size - 2;
  table = data + 2;
  resp = table + table_len;

  count = scorer_count(table, table_len);
  scorer_score(table, table_len, resp, size - 2 - table_len, credits,
               MAX_QUESTIONS, &result);
  for (int32_t i = 0; i < count && i < 8; i++) {
    scorer_points(table, table_len, (uint32_t)i);
    scorer_type(table, table_len, (uint32_t)i);
  }
  /* The short-answer matcher on its own: half pattern, half text. */
  scorer_text_match(data, size / 2, data + size / 2, size - size / 2);
  return 0;
}
