/*
 * test_content.c - pages, glossary, checks and scenarios from Markdown
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

#include "content.h"
#include "course.h"
#include "util.h"

typedef struct {
  char *dir;
  course_t *course;
  content_t *content;
  diag_list diags;
} fixture;

static void write_file(const char *dir, const char *name, const char *text)
{
  char *path = path_join(dir, name);
  FILE *f = fopen(path, "w");

  assert_non_null(f);
  fputs(text, f);
  fclose(f);
  free(path);
}

/* A one-module course whose page 01-page.md is 'page'. Returns the
 * result of content_load. */
static int load_page(fixture *fx, const char *page, const char *glossary)
{
  char *module;

  memset(fx, 0, sizeof *fx);
  fx->dir = xstrdup("/tmp/scormc-content-XXXXXX");
  assert_non_null(mkdtemp(fx->dir));
  module = path_join(fx->dir, "01-m");
  mkdir(module, 0755);
  write_file(fx->dir, "course.lua", "course { id = 'c', title = 'T' }\n"
             "component 'A'\nmodule '01-m'\n");
  write_file(module, "01-page.md", page);
  if (glossary)
    write_file(module, "glossary.md", glossary);
  free(module);

  diag_init(&fx->diags);
  assert_int_equal(course_load(&fx->course, fx->dir, &fx->diags), 0);
  return content_load(&fx->content, fx->course, &fx->diags);
}

static void done(fixture *fx)
{
  char *cmd = xasprintf("rm -rf '%s'", fx->dir);

  assert_int_equal(system(cmd), 0);
  free(cmd);
  content_free(fx->content);
  course_free(fx->course);
  diag_free(&fx->diags);
  free(fx->dir);
}

static bool has_message(const fixture *fx, const char *part, int line)
{
  for (size_t i = 0; i < fx->diags.count; i++)
    if (strstr(fx->diags.items[i].message, part) &&
        (line == 0 || fx->diags.items[i].line == line))
      return true;
  return false;
}

static void page__counts_prose_but_not_footnotes_or_checks(void **state)
{
  fixture fx;
  const content_page *p;

  (void)state;
  assert_int_equal(load_page(&fx,
    "# Two words\n\nThree more words.[^1]\n\n"
    "```check\n::k:: Is this counted? {T}\n```\n\n"
    "[^1]: Not counted at all here.\n", NULL), 0);
  p = &fx.content->modules[0].pages[0];
  assert_string_equal(p->title, "Two words");
  assert_int_equal(p->words, 5);
  assert_int_equal(p->footnotes, 1);
  assert_int_equal(fx.content->modules[0].check_count, 1);
  assert_non_null(strstr(p->html, "<div class=\"scormc-check\" "
                                  "data-check=\"0\"></div>"));
  done(&fx);
}

static void page__rejects_raw_html_with_its_line(void **state)
{
  fixture fx;

  (void)state;
  assert_int_equal(load_page(&fx, "# T\n\nText\n\n<div>x</div>\n", NULL),
                   -1);
  assert_true(has_message(&fx, "raw HTML is not allowed", 5));
  done(&fx);
}

static void page__needs_a_title(void **state)
{
  fixture fx;

  (void)state;
  assert_int_equal(load_page(&fx, "Just text.\n", NULL), -1);
  assert_true(has_message(&fx, "no title", 1));
  done(&fx);
}

static void glossary__links_resolve_by_text_or_id(void **state)
{
  fixture fx;
  const char *html;

  (void)state;
  assert_int_equal(load_page(&fx,
    "# T\n\nA [green border](glossary:) and a "
    "[crossing point](glossary:border-crossing-point).\n",
    "## Green border\n\nLand between crossing points.\n\n"
    "## Border crossing point\n\nA designated place to cross.\n"), 0);
  html = fx.content->modules[0].pages[0].html;
  assert_non_null(strstr(html, "<a class=\"scormc-term\" "
                               "href=\"#glossary-green-border\" "
                               "data-term=\"green-border\">green border</a>"));
  assert_int_equal(fx.content->term_count, 2);
  assert_string_equal(fx.content->terms[0].id, "border-crossing-point");
  assert_int_equal(fx.content->terms[0].links, 1);
  assert_int_equal(fx.diags.warnings, 0);
  done(&fx);
}

static void glossary__undefined_term_is_an_error(void **state)
{
  fixture fx;

  (void)state;
  assert_int_equal(load_page(&fx, "# T\n\nSee [nothing](glossary:).\n",
                             NULL), -1);
  assert_true(has_message(&fx, "glossary term 'nothing' is not defined",
                          3));
  done(&fx);
}

static void glossary__unlinked_term_is_a_warning(void **state)
{
  fixture fx;

  (void)state;
  assert_int_equal(load_page(&fx, "# T\n\nNo links.\n",
                             "## Lonely\n\nNobody links here.\n"), 0);
  assert_int_equal(fx.diags.warnings, 1);
  assert_true(has_message(&fx, "'Lonely' is not linked", 1));
  done(&fx);
}

static void glossary__duplicate_term_is_an_error(void **state)
{
  fixture fx;

  (void)state;
  assert_int_equal(load_page(&fx, "# T\n\n[a](glossary:)\n",
                             "## A\n\nOne.\n\n## a\n\nTwo.\n"), -1);
  assert_true(has_message(&fx, "is already defined", 5));
  done(&fx);
}

static void scenario__keeps_paragraphs_and_needs_single_choice(void **state)
{
  fixture fx;

  (void)state;
  assert_int_equal(load_page(&fx,
    "# T\n\n```scenario\n::At dawn:: First paragraph.\n\n"
    "Second paragraph. {\n=Refer # Better.\n~Refuse # Worse.\n}\n```\n",
    NULL), 0);
  assert_int_equal(fx.content->modules[0].scenario_count, 1);
  assert_non_null(strstr(fx.content->modules[0].scenarios[0].doc
                           ->questions[0].text, "Second paragraph"));
  done(&fx);

  assert_int_equal(load_page(&fx,
    "# T\n\n```scenario\n::S:: Pick some {\n~%50%a\n~%50%b\n}\n```\n",
    NULL), -1);
  assert_true(has_message(&fx, "single choice", 3));
  done(&fx);
}

static void image__must_exist_and_stay_inside(void **state)
{
  fixture fx;

  (void)state;
  assert_int_equal(load_page(&fx, "# T\n\n![map](map.png)\n", NULL), -1);
  assert_true(has_message(&fx, "image 'map.png' not found", 3));
  done(&fx);
  assert_int_equal(load_page(&fx, "# T\n\n![x](../../etc/passwd)\n", NULL),
                   -1);
  assert_true(has_message(&fx, "name media files with letters", 3));
  done(&fx);
}

static void page__allows_only_safe_links(void **state)
{
  fixture fx;

  (void)state;
  assert_int_equal(load_page(&fx, "# T\n\n[x](javascript:alert(1))\n"
                             "[y](https://example.org) [z](#top)\n", NULL),
                   -1);
  assert_int_equal(fx.diags.errors, 1);
  assert_true(has_message(&fx, "link 'javascript:alert(1)'", 3));
  done(&fx);
}

static void page__rejects_control_characters_at_their_line(void **state)
{
  fixture fx;

  (void)state;
  assert_int_equal(load_page(&fx, "# T\n\nok\nbad \x01 here\n", NULL), -1);
  assert_true(has_message(&fx, "control character", 4));
  done(&fx);
  assert_int_equal(load_page(&fx, "# T\n\nbad \xff byte\n", NULL), -1);
  assert_true(has_message(&fx, "not UTF-8", 3));
  done(&fx);
}

static void image__symbolic_link_out_of_the_course_is_refused(void **state)
{
  fixture fx;
  char *link, *module;

  (void)state;
  /* load_page makes the course; add the link, then load again. */
  assert_int_equal(load_page(&fx, "# T\n\ntext\n", NULL), 0);
  module = path_join(fx.dir, "01-m");
  link = path_join(module, "pw.svg");
  assert_int_equal(symlink("/etc/passwd", link), 0);
  write_file(module, "01-page.md", "# T\n\n![pw](pw.svg)\n");
  content_free(fx.content);
  fx.content = NULL;
  assert_int_equal(content_load(&fx.content, fx.course, &fx.diags), -1);
  assert_true(has_message(&fx, "outside the course folder", 3));
  free(link);
  free(module);
  done(&fx);
}

static void questions_and_glossary__reject_raw_html(void **state)
{
  fixture fx;

  (void)state;
  assert_int_equal(load_page(&fx,
    "# T\n\n[a](glossary:)\n\n```check\n::k:: Is <b>this</b> ok? {T}\n"
    "```\n", "## A\n\nA <i>term</i>.\n"), -1);
  assert_true(has_message(&fx, "raw HTML is not allowed in questions", 0));
  assert_true(has_message(&fx, "raw HTML is not allowed in glossary", 3));
  done(&fx);
}

static void page__refuses_tables_too_wide_to_parse_quickly(void **state)
{
  fixture fx;
  strbuf page;

  (void)state;
  sb_init(&page);
  sb_puts(&page, "# T\n\n|");
  for (int i = 0; i < 300; i++)
    sb_puts(&page, " x |");
  sb_puts(&page, "\n");
  assert_int_equal(load_page(&fx, page.data, NULL), -1);
  assert_true(has_message(&fx, "more than 256 cells", 3));
  done(&fx);
  sb_free(&page);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(page__counts_prose_but_not_footnotes_or_checks),
    cmocka_unit_test(page__rejects_raw_html_with_its_line),
    cmocka_unit_test(page__needs_a_title),
    cmocka_unit_test(glossary__links_resolve_by_text_or_id),
    cmocka_unit_test(glossary__undefined_term_is_an_error),
    cmocka_unit_test(glossary__unlinked_term_is_a_warning),
    cmocka_unit_test(glossary__duplicate_term_is_an_error),
    cmocka_unit_test(scenario__keeps_paragraphs_and_needs_single_choice),
    cmocka_unit_test(image__must_exist_and_stay_inside),
    cmocka_unit_test(page__allows_only_safe_links),
    cmocka_unit_test(page__rejects_control_characters_at_their_line),
    cmocka_unit_test(image__symbolic_link_out_of_the_course_is_refused),
    cmocka_unit_test(questions_and_glossary__reject_raw_html),
    cmocka_unit_test(page__refuses_tables_too_wide_to_parse_quickly),
  };

  return cmocka_run_group_tests_name("content", tests, NULL, NULL);
}
