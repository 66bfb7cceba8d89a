/*
 * test_scorer_corpus.c - replay the scorer fuzz corpus as a test
 * SPDX-License-Identifier: MIT
 *
 * Every input tests/fuzz/scorer-corpus holds (seeds and what 'make
 * fuzz-scorer' kept) runs through the fuzz target once: the scorer must
 * come back from each, which ASan and valgrind then check.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "../fuzz/scorer_fuzz.c"
#include "util.h"

static void scorer_corpus__every_input_returns(void **state)
{
  const char *dir = "tests/fuzz/scorer-corpus";
  DIR *d = opendir(dir);
  struct dirent *e;
  int n = 0;

  (void)state;
  assert_non_null(d);
  while ((e = readdir(d)) != NULL) {
    char *path, *data;
    size_t len;
    if (e->d_name[0] == '.')
      continue;
    path = path_join(dir, e->d_name);
    assert_int_equal(read_file(path, 1u << 20, &data, &len), 0);
    LLVMFuzzerTestOneInput((const uint8_t *)data, len);
    free(data);
    free(path);
    n++;
  }
  closedir(d);
  assert_true(n >= 50);
  print_message("scorer corpus: %d inputs replayed\n", n);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(scorer_corpus__every_input_returns),
  };

  return cmocka_run_group_tests_name("scorer_corpus", tests, NULL, NULL);
}
