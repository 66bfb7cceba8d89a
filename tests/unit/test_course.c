/*
 * test_course.c - course.lua loading and its sandbox
 * SPDX-License-Identifier: MIT
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "course.h"
#include "util.h"

/* A course folder with one module folder and the given course.lua. */
static char *make_course(const char *lua)
{
  char *dir = xstrdup("/tmp/scormc-test-XXXXXX");
  char *path, *module;
  FILE *f;

  assert_non_null(mkdtemp(dir));
  module = path_join(dir, "01-one");
  assert_int_equal(mkdir(module, 0755), 0);
  path = path_join(dir, "course.lua");
  f = fopen(path, "w");
  assert_non_null(f);
  fputs(lua, f);
  fclose(f);
  free(path);
  free(module);
  return dir;
}

static void remove_course(char *dir)
{
  char *cmd = xasprintf("rm -rf '%s'", dir);

  assert_int_equal(system(cmd), 0);
  free(cmd);
  free(dir);
}

/* Load 'lua'; return the first diagnostic's message, or NULL. */
static char *load_error(const char *lua, int *line)
{
  char *dir = make_course(lua);
  diag_list diags;
  course_t *course = NULL;
  char *message = NULL;

  diag_init(&diags);
  if (course_load(&course, dir, &diags) != 0) {
    assert_true(diags.count > 0);
    message = xstrdup(diags.items[0].message);
    if (line)
      *line = diags.items[0].line;
  }
  course_free(course);
  diag_free(&diags);
  remove_course(dir);
  return message;
}

#define MINIMAL "course { id = 'c', title = 'T' }\n" \
                "component 'A'\nmodule '01-one'\n"

/* Each probe line, put before (or after) a minimal course, must fail
 * with its error reported at 'line'. */
static void each_fails_at(const char *const *probes, size_t count,
                          bool before, int line)
{
  for (size_t i = 0; i < count; i++) {
    char *lua = before ? xasprintf("%s\n" MINIMAL, probes[i])
                       : xasprintf(MINIMAL "%s\n", probes[i]);
    int got = 0;
    char *err = load_error(lua, &got);
    assert_non_null(err);
    assert_int_equal(got, line);
    free(err);
    free(lua);
  }
}

static void course_load__reads_settings_and_defaults(void **state)
{
  char *dir = make_course(
    "course { id = 'bm', title = 'T', pass_mark = 70, scorm = '2004-4',\n"
    "         layout = 'split', max_attempts = 3, keep = 'last' }\n"
    "component 'Border Control'\n"
    "module { '01-one', title = 'One', pass_mark = 90, draw = 5 }\n");
  diag_list diags;
  course_t *c;

  (void)state;
  diag_init(&diags);
  assert_int_equal(course_load(&c, dir, &diags), 0);
  assert_string_equal(c->id, "bm");
  assert_string_equal(c->language, "en");
  assert_int_equal(c->edition, EDITION_2004_4);
  assert_int_equal(c->layout, LAYOUT_SPLIT);
  assert_int_equal(c->module_count, 1);
  assert_string_equal(c->modules[0].title, "One");
  assert_int_equal(c->modules[0].settings.pass_mark, 90);
  assert_int_equal(c->modules[0].settings.max_attempts, 3);
  assert_int_equal(c->modules[0].settings.draw, 5);
  assert_false(c->modules[0].settings.keep_best);
  assert_int_equal(c->modules[0].line, 4);
  assert_string_equal(c->components[0].title, "Border Control");
  course_free(c);
  diag_free(&diags);
  remove_course(dir);
}

static void sandbox__has_no_io_os_require_or_load(void **state)
{
  const char *const probes[] = {"io.open('x')", "os.exit(1)", "require('x')",
                          "dofile('x')", "load('return 1')()",
                          "string.dump(print)", "math.random()"};

  (void)state;
  each_fails_at(probes, sizeof probes / sizeof *probes, true, 1);
}

static void sandbox__stops_endless_loops(void **state)
{
  int line = 0;
  char *err = load_error("while true do end\n" MINIMAL, &line);

  (void)state;
  assert_non_null(err);
  assert_non_null(strstr(err, "instruction limit"));
  free(err);
}

static void sandbox__caps_memory(void **state)
{
  char *err = load_error("local t = {} for i = 1, 1e7 do "
                         "t[i] = string.rep('x', 100) .. i end\n" MINIMAL,
                         NULL);

  (void)state;
  assert_non_null(err);
  free(err);
}

static void sandbox__refuses_binary_chunks(void **state)
{
  char *err = load_error("\x1bLua", NULL);

  (void)state;
  assert_non_null(err);
  free(err);
}

static void course_load__reports_syntax_error_line(void **state)
{
  int line = 0;
  char *err = load_error(MINIMAL "component 'x' = 3\nmodule 'y'\n", &line);

  (void)state;
  assert_non_null(err);
  assert_int_equal(line, 4);
  free(err);
}

static void course_load__reports_unknown_key_at_its_line(void **state)
{
  int line = 0;
  char *err = load_error("course {\n  id = 'c', title = 'T',\n"
                         "  pasmark = 80,\n}\n"
                         "component 'A'\nmodule '01-one'\n", &line);

  (void)state;
  assert_string_equal(err, "unknown key 'pasmark' in course");
  assert_int_equal(line, 3);
  free(err);
}

static void course_load__rejects_missing_module_folder(void **state)
{
  int line = 0;
  char *err = load_error(MINIMAL "module '02-two'\n", &line);

  (void)state;
  assert_non_null(strstr(err, "module folder '02-two' not found"));
  assert_int_equal(line, 4);
  free(err);
}

static void course_load__rejects_bad_values(void **state)
{
  char *err = load_error("course { id = 'c', title = 'T', "
                         "pass_mark = 120 }\n"
                         "component 'A'\nmodule '01-one'\n", NULL);

  (void)state;
  assert_non_null(strstr(err, "'pass_mark' must be a whole number"));
  free(err);
  err = load_error("course { id = 'a b', title = 'T' }\n"
                   "component 'A'\nmodule '01-one'\n", NULL);
  assert_non_null(strstr(err, "course id 'a b'"));
  free(err);
  err = load_error("course { id = 'c', title = 'T', scorm = '2004' }\n"
                   "component 'A'\nmodule '01-one'\n", NULL);
  assert_string_equal(err, "'scorm' cannot be '2004'");
  free(err);
}

static void course_load__rejects_path_in_module_name(void **state)
{
  char *err = load_error(MINIMAL "module '../etc'\n", NULL);

  (void)state;
  assert_non_null(strstr(err, "must be a plain name"));
  free(err);
}

static void sandbox__has_no_metatables_patterns_or_move(void **state)
{
  const char *const probes[] = {"setmetatable({}, {__gc = print})",
                          "getmetatable('')", "string.find('a', 'a')",
                          "('a'):gsub('a', 'b')", "table.move({}, 1, 2, 3)"};

  (void)state;
  each_fails_at(probes, sizeof probes / sizeof *probes, true, 1);
}

static void sandbox__caps_string_rep(void **state)
{
  char *err = load_error("local s = string.rep('', 1e15)\n" MINIMAL, NULL);

  (void)state;
  assert_non_null(strstr(err, "string.rep result over"));
  free(err);
  err = load_error("local s = ('ab'):rep(3, ',')\n"
                   "assert(s == 'ab,ab,ab')\n" MINIMAL, NULL);
  assert_null(err);
}

static void sandbox__errors_without_position_get_a_line(void **state)
{
  int line = 0;
  char *err = load_error("local x = 1\nerror({})\n" MINIMAL, &line);

  (void)state;
  assert_non_null(strstr(err, "not a message"));
  assert_true(line >= 1);
  free(err);
}

static void course_load__accepts_a_byte_order_mark(void **state)
{
  char *err = load_error("\xEF\xBB\xBF" MINIMAL, NULL);

  (void)state;
  assert_null(err);
}

static void course_load__rejects_control_characters(void **state)
{
  int line = 0;
  char *err = load_error("course { id = 'c',\n title = 'A\\1B' }\n"
                         "component 'A'\nmodule '01-one'\n", &line);

  (void)state;
  assert_non_null(strstr(err, "control character"));
  assert_int_equal(line, 2);
  free(err);
}

/* A module call that is cut short (here by pcall around a bad folder)
 * must still be checked: nothing outside the course gets in. */
static void course_load__checks_every_module_folder(void **state)
{
  const char *const probes[] = {
    "pcall(module, {'../../etc'})", "module 'certificate'",
    "module 'a b'", "module './01-one'"};

  (void)state;
  each_fails_at(probes, sizeof probes / sizeof *probes, false, 4);
}

static void course_load__refuses_a_module_linked_outside(void **state)
{
  char *dir = make_course(MINIMAL "module '02-out'\n");
  char *link = path_join(dir, "02-out");
  diag_list diags;
  course_t *course = NULL;

  (void)state;
  assert_int_equal(symlink("/tmp", link), 0);
  diag_init(&diags);
  assert_int_equal(course_load(&course, dir, &diags), -1);
  assert_non_null(strstr(diags.items[0].message, "links outside"));
  diag_free(&diags);
  free(link);
  remove_course(dir);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(course_load__reads_settings_and_defaults),
    cmocka_unit_test(sandbox__has_no_io_os_require_or_load),
    cmocka_unit_test(sandbox__stops_endless_loops),
    cmocka_unit_test(sandbox__caps_memory),
    cmocka_unit_test(sandbox__refuses_binary_chunks),
    cmocka_unit_test(course_load__reports_syntax_error_line),
    cmocka_unit_test(course_load__reports_unknown_key_at_its_line),
    cmocka_unit_test(course_load__rejects_missing_module_folder),
    cmocka_unit_test(course_load__rejects_bad_values),
    cmocka_unit_test(course_load__rejects_path_in_module_name),
    cmocka_unit_test(sandbox__has_no_metatables_patterns_or_move),
    cmocka_unit_test(sandbox__caps_string_rep),
    cmocka_unit_test(sandbox__errors_without_position_get_a_line),
    cmocka_unit_test(course_load__accepts_a_byte_order_mark),
    cmocka_unit_test(course_load__rejects_control_characters),
    cmocka_unit_test(course_load__checks_every_module_folder),
    cmocka_unit_test(course_load__refuses_a_module_linked_outside),
  };

  return cmocka_run_group_tests_name("course", tests, NULL, NULL);
}
