/*
 * scormc.c - the command line: build, stats and lint course sources
 * SPDX-License-Identifier: MIT
 *
 * Exit codes: 0 success; 1 the input has errors (nothing written);
 * 2 the command line is wrong.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "build.h"
#include "content.h"
#include "course.h"
#include "diag.h"
#include "gift.h"
#include "quiz.h"
#include "util.h"

enum { EXIT_OK = 0, EXIT_INVALID = 1, EXIT_USAGE = 2 };

/* One option table per command feeds both parsing and --help. */
typedef struct {
  const char *name;      /* "--scorm" */
  const char *arg;       /* "1.2|2004-3|2004-4", or NULL for a flag */
  const char *help;
} option_def;

typedef struct {
  const char *name;
  const char *usage;
  const char *summary;
  const option_def *options;
  int (*run)(int argc, char **argv);
  int positionals;     /* how many non-option arguments it takes */
} command_def;

typedef struct {
  const char *course_dir;
  const char *second;      /* score: the responses file */
  const char *format;
  const char *out_dir;
  const char *scorm;
  const char *layout;
  bool out_dir_set;
  bool json;
  bool werror;
} cli_args;

static const option_def BUILD_OPTIONS[] = {
  {"-o", "DIR", "write the packages into DIR (default: dist)"},
  {"--scorm", "1.2|2004-3|2004-4",
   "the SCORM edition (default: course.lua's 'scorm', else 1.2)"},
  {"--layout", "single|per-module|split",
   "one SCO for the course, one SCO per module, or one package per "
   "module (default: course.lua's 'layout', else single)"},
  {"--werror", NULL, "treat warnings as errors"},
  {"--help", NULL, "show this help"},
  {0}};

static const option_def STATS_OPTIONS[] = {
  {"--json", NULL, "print the figures as JSON"},
  {"--help", NULL, "show this help"},
  {0}};

static const option_def LINT_OPTIONS[] = {
  {"--werror", NULL, "treat warnings as errors"},
  {"--help", NULL, "show this help"},
  {0}};

static const option_def SCORE_OPTIONS[] = {
  {"--json", NULL, "print {\"questions\":[{\"id\",\"credit\",\"earned\","
   "\"points\"}],\"earned\",\"max\",\"percent\"}"},
  {"--help", NULL, "show this help"},
  {0}};

static const option_def EXPORT_OPTIONS[] = {
  {"--format", "gift|moodle-xml",
   "the output format (default: gift)"},
  {"-o", "FILE", "write to FILE instead of standard output"},
  {"--help", NULL, "show this help"},
  {0}};

static int run_build(int argc, char **argv);
static int run_stats(int argc, char **argv);
static int run_lint(int argc, char **argv);
static int run_score(int argc, char **argv);
static int run_export(int argc, char **argv);

static const command_def COMMANDS[] = {
  {"build", "scormc build [COURSE] [options]",
   "compile the course in COURSE (default: .) into SCORM packages",
   BUILD_OPTIONS, run_build, 1},
  {"stats", "scormc stats [COURSE] [--json]",
   "count words, pages, checks, scenarios, questions and glossary terms",
   STATS_OPTIONS, run_stats, 1},
  {"lint", "scormc lint [COURSE] [--werror]",
   "check the course sources without writing anything",
   LINT_OPTIONS, run_lint, 1},
  {"score", "scormc score QUIZ RESPONSES.json [--json]",
   "score a learner's responses to a .gift file or a module's "
   "assessment, as the packages do",
   SCORE_OPTIONS, run_score, 2},
  {"export-questions",
   "scormc export-questions [COURSE] [--format gift|moodle-xml] [-o FILE]",
   "write the course's assessment questions for Moodle's question bank",
   EXPORT_OPTIONS, run_export, 1},
  {0}};

/* ---- help and argument parsing -------------------------------------- */

static void print_command_help(const command_def *cmd, FILE *out)
{
  fprintf(out, "usage: %s\n\n%s.\n\noptions:\n", cmd->usage,
          cmd->summary);
  for (const option_def *o = cmd->options; o->name; o++) {
    char left[64];
    snprintf(left, sizeof left, "%s%s%s", o->name, o->arg ? " " : "",
             o->arg ? o->arg : "");
    fprintf(out, "  %-32s %s\n", left, o->help);
  }
}

static void print_help(FILE *out)
{
  fprintf(out, "usage: scormc COMMAND [COURSE] [options]\n\n"
               "Turn course sources into SCORM 1.2 and 2004 packages.\n\n"
               "commands:\n");
  for (const command_def *c = COMMANDS; c->name; c++)
    fprintf(out, "  %-8s %s\n", c->name, c->summary);
  fprintf(out, "\n'scormc COMMAND --help' shows a command's options.\n"
               "Exit codes: 0 success, 1 errors in the input (nothing "
               "written), 2 usage error.\n"
               "The course format: examples/FORMAT.md.\n");
}

static const option_def *find_option(const option_def *opts,
                                     const char *name)
{
  for (const option_def *o = opts; o->name; o++)
    if (strcmp(o->name, name) == 0)
      return o;
  return NULL;
}

static void set_option(cli_args *a, const char *name, const char *value)
{
  if (strcmp(name, "-o") == 0) {
    a->out_dir = value;
    a->out_dir_set = true;
  }
  else if (strcmp(name, "--scorm") == 0)
    a->scorm = value;
  else if (strcmp(name, "--layout") == 0)
    a->layout = value;
  else if (strcmp(name, "--json") == 0)
    a->json = true;
  else if (strcmp(name, "--werror") == 0)
    a->werror = true;
  else if (strcmp(name, "--format") == 0)
    a->format = value;
}

static int usage_error(const command_def *cmd, const char *what,
                       const char *arg)
{
  fprintf(stderr, "scormc %s: %s '%s'\n", cmd->name, what, arg);
  fprintf(stderr, "try 'scormc %s --help'\n", cmd->name);
  return EXIT_USAGE;
}

/* Returns EXIT_OK, EXIT_USAGE, or -1 when --help was shown. */
static int parse_args(const command_def *cmd, int argc, char **argv,
                      cli_args *a)
{
  int positional = 0;

  memset(a, 0, sizeof *a);
  a->course_dir = ".";
  a->out_dir = "dist";
  for (int i = 1; i < argc; i++) {
    const char *arg = argv[i];
    const option_def *o;
    if (arg[0] != '-' || strcmp(arg, "-") == 0) {
      if (++positional > cmd->positionals)
        return usage_error(cmd, "unexpected argument", arg);
      if (positional == 1)
        a->course_dir = arg;
      else
        a->second = arg;
      continue;
    }
    if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
      print_command_help(cmd, stdout);
      return -1;
    }
    o = find_option(cmd->options, arg);
    if (!o)
      return usage_error(cmd, "unknown option", arg);
    if (o->arg && i + 1 >= argc) {
      fprintf(stderr, "scormc %s: option '%s' needs a value: %s\n",
              cmd->name, arg, o->arg);
      return EXIT_USAGE;
    }
    set_option(a, o->name, o->arg ? argv[++i] : NULL);
  }
  return EXIT_OK;
}

/* ---- loading and reporting ------------------------------------------ */

static void print_diags(const diag_list *diags)
{
  char line[1400];

  for (size_t i = 0; i < diags->count; i++)
    fprintf(stderr, "%s\n", diag_format(&diags->items[i], line,
                                        sizeof line));
}

/* Load the course and its content; both NULL on errors. */
static int load(const char *dir, course_t **course, content_t **content,
                diag_list *diags)
{
  *content = NULL;
  if (course_load(course, dir, diags) != 0)
    return -1;
  if (content_load(content, *course, diags) != 0) {
    course_free(*course);
    *course = NULL;
    return -1;
  }
  return 0;
}

static bool failed(const diag_list *diags, const cli_args *a)
{
  bool werror = a->werror && diags->warnings > 0 && diags->errors == 0;

  if (werror)
    fprintf(stderr, "scormc: warnings count as errors (--werror)\n");
  return diags->errors > 0 || werror;
}

/* ---- build ---------------------------------------------------------- */

static int pick_target(const cli_args *a, const course_t *course,
                       build_options *opts)
{
  opts->edition = course->edition;
  opts->layout = course->layout;
  opts->out_dir = a->out_dir;
  if (a->scorm && course_parse_edition(a->scorm, &opts->edition) != 0) {
    fprintf(stderr, "scormc build: --scorm must be 1.2, 2004-3 or 2004-4, "
                    "not '%s'\n", a->scorm);
    return EXIT_USAGE;
  }
  if (a->layout && course_parse_layout(a->layout, &opts->layout) != 0) {
    fprintf(stderr, "scormc build: --layout must be single, per-module "
                    "or split, not '%s'\n", a->layout);
    return EXIT_USAGE;
  }
  return EXIT_OK;
}

static void explain_target(const build_options *opts)
{
  if (opts->layout == LAYOUT_PER_MODULE && opts->edition != EDITION_12)
    fprintf(stderr, "note: the certificate item is locked by SCORM 2004 "
                    "sequencing, which Moodle does not run: in Moodle, "
                    "learners can open it at any time. Use --scorm 1.2 "
                    "for a certificate Moodle locks.\n");
  if (opts->layout == LAYOUT_SPLIT)
    fprintf(stderr, "note: split packages carry no certificate: use the "
                    "LMS's course completion and certificates.\n");
}

static int build_failed(diag_list *diags, course_t *course,
                        content_t *content)
{
  print_diags(diags);
  fprintf(stderr, "scormc build: %zu error(s), %zu warning(s): nothing "
                  "written\n", diags->errors, diags->warnings);
  content_free(content);
  course_free(course);
  diag_free(diags);
  return EXIT_INVALID;
}

static int run_build(int argc, char **argv)
{
  cli_args a;
  build_options opts;
  build_result result;
  course_t *course = NULL;
  content_t *content = NULL;
  diag_list diags;
  int rc = parse_args(&COMMANDS[0], argc, argv, &a);

  if (rc != EXIT_OK)
    return rc < 0 ? EXIT_OK : rc;
  diag_init(&diags);
  if (course_load(&course, a.course_dir, &diags) != 0)
    return build_failed(&diags, NULL, NULL);
  rc = pick_target(&a, course, &opts);
  if (rc != EXIT_OK) {
    course_free(course);
    diag_free(&diags);
    return rc;
  }
  if (content_load(&content, course, &diags) != 0 ||
      failed(&diags, &a)) {
    /* No stale package may outlive sources that no longer build. */
    build_remove_outputs(course, &opts);
    return build_failed(&diags, course, content);
  }

  explain_target(&opts);
  if (build_course(course, content, &opts, &result, &diags) != 0)
    return build_failed(&diags, course, content);
  for (size_t i = 0; i < result.count; i++)
    printf("%s\n", result.paths[i]);
  build_result_free(&result);
  print_diags(&diags);
  content_free(content);
  course_free(course);
  diag_free(&diags);
  return EXIT_OK;
}

/* ---- stats ---------------------------------------------------------- */

static json_t *question_types(const gift_doc *doc)
{
  json_t *types = json_object();

  for (int t = GIFT_SINGLE; t <= GIFT_DESCRIPTION; t++) {
    int n = 0;
    for (size_t i = 0; doc && i < doc->count; i++)
      n += doc->questions[i].type == (gift_type)t;
    if (n)
      json_object_set_new(types, gift_type_name((gift_type)t),
                          json_integer(n));
  }
  return types;
}

static json_t *module_stats(const content_module *m)
{
  json_t *j = json_object();
  int words = 0, footnotes = 0, links = 0;

  for (size_t i = 0; i < m->page_count; i++) {
    words += m->pages[i].words;
    footnotes += m->pages[i].footnotes;
    links += m->pages[i].glossary_links;
  }
  json_object_set_new(j, "folder", json_string(m->folder));
  json_object_set_new(j, "title", json_string(m->title));
  json_object_set_new(j, "words", json_integer(words));
  json_object_set_new(j, "pages", json_integer((json_int_t)m->page_count));
  json_object_set_new(j, "scenarios",
                      json_integer((json_int_t)m->scenario_count));
  json_object_set_new(j, "checks",
                      json_integer((json_int_t)m->check_count));
  json_object_set_new(j, "questions",
                      json_integer(m->assessment
                                     ? (json_int_t)m->assessment->count
                                     : 0));
  json_object_set_new(j, "question_types", question_types(m->assessment));
  json_object_set_new(j, "footnotes", json_integer(footnotes));
  json_object_set_new(j, "glossary_links", json_integer(links));
  return j;
}

static json_t *course_stats(const course_t *course,
                            const content_t *content)
{
  json_t *root = json_object();
  json_t *modules = json_array();
  int unlinked = 0;

  for (size_t i = 0; i < content->module_count; i++)
    json_array_append_new(modules, module_stats(&content->modules[i]));
  for (size_t i = 0; i < content->term_count; i++)
    unlinked += content->terms[i].links == 0;
  json_object_set_new(root, "course", json_string(course->id));
  json_object_set_new(root, "modules", modules);
  json_object_set_new(root, "glossary_terms",
                      json_integer((json_int_t)content->term_count));
  json_object_set_new(root, "glossary_unlinked", json_integer(unlinked));
  return root;
}

static void print_stats_table(json_t *stats)
{
  json_t *modules = json_object_get(stats, "modules");
  size_t i;
  json_t *m;

  printf("%-40s %6s %5s %5s %5s %5s %5s %5s\n", "module", "words", "pages",
         "scen", "check", "quest", "notes", "links");
  json_array_foreach(modules, i, m) {
    printf("%-40.40s %6lld %5lld %5lld %5lld %5lld %5lld %5lld\n",
           json_string_value(json_object_get(m, "folder")),
           json_integer_value(json_object_get(m, "words")),
           json_integer_value(json_object_get(m, "pages")),
           json_integer_value(json_object_get(m, "scenarios")),
           json_integer_value(json_object_get(m, "checks")),
           json_integer_value(json_object_get(m, "questions")),
           json_integer_value(json_object_get(m, "footnotes")),
           json_integer_value(json_object_get(m, "glossary_links")));
  }
  printf("glossary: %lld terms\n",
         json_integer_value(json_object_get(stats, "glossary_terms")));
}

static int run_stats(int argc, char **argv)
{
  cli_args a;
  course_t *course;
  content_t *content;
  diag_list diags;
  json_t *stats;
  int rc = parse_args(&COMMANDS[1], argc, argv, &a);

  if (rc != EXIT_OK)
    return rc < 0 ? EXIT_OK : rc;
  diag_init(&diags);
  if (load(a.course_dir, &course, &content, &diags) != 0) {
    print_diags(&diags);
    diag_free(&diags);
    return EXIT_INVALID;
  }
  stats = course_stats(course, content);
  if (a.json) {
    char *text = json_dumps(stats, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    printf("%s\n", text);
    free(text);
  } else {
    print_stats_table(stats);
  }
  json_decref(stats);
  content_free(content);
  course_free(course);
  diag_free(&diags);
  return EXIT_OK;
}

/* ---- lint ----------------------------------------------------------- */

static int run_lint(int argc, char **argv)
{
  cli_args a;
  course_t *course;
  content_t *content;
  diag_list diags;
  int rc = parse_args(&COMMANDS[2], argc, argv, &a);

  if (rc != EXIT_OK)
    return rc < 0 ? EXIT_OK : rc;
  diag_init(&diags);
  load(a.course_dir, &course, &content, &diags);
  print_diags(&diags);
  rc = failed(&diags, &a) ? EXIT_INVALID : EXIT_OK;
  fprintf(stderr, "scormc lint: %zu error(s), %zu warning(s)\n",
          diags.errors, diags.warnings);
  content_free(content);
  course_free(course);
  diag_free(&diags);
  return rc;
}

/* ---- score --------------------------------------------------------- */

static void print_score(const quiz_score *score, bool json)
{
  json_t *root, *list;
  char *text;

  if (!json) {
    for (size_t i = 0; i < score->count; i++)
      printf("%-24s %5.3f  %g/%g\n", score->items[i].id,
             score->items[i].credit, score->items[i].earned,
             score->items[i].points);
    printf("total: %g/%g = %g%%\n", score->earned, score->max,
           score->percent);
    return;
  }
  root = json_object();
  list = json_array();
  for (size_t i = 0; i < score->count; i++) {
    json_t *q = json_object();
    json_object_set_new(q, "id", json_string(score->items[i].id));
    json_object_set_new(q, "credit", json_real(score->items[i].credit));
    json_object_set_new(q, "earned", json_real(score->items[i].earned));
    json_object_set_new(q, "points", json_real(score->items[i].points));
    json_array_append_new(list, q);
  }
  json_object_set_new(root, "questions", list);
  json_object_set_new(root, "earned", json_real(score->earned));
  json_object_set_new(root, "max", json_real(score->max));
  json_object_set_new(root, "percent", json_real(score->percent));
  text = json_dumps(root, JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(12));
  printf("%s\n", text);
  free(text);
  json_decref(root);
}

static int run_score(int argc, char **argv)
{
  cli_args a;
  gift_doc *doc = NULL;
  diag_list diags;
  quiz_score score;
  char *json = NULL;
  size_t len;
  int rc = parse_args(&COMMANDS[3], argc, argv, &a);

  if (rc != EXIT_OK)
    return rc < 0 ? EXIT_OK : rc;
  if (!a.second) {
    fprintf(stderr, "usage: %s\n", COMMANDS[3].usage);
    return EXIT_USAGE;
  }
  diag_init(&diags);
  rc = EXIT_INVALID;
  if (quiz_load(&doc, a.course_dir, &diags) == 0) {
    if (read_file(a.second, 8u << 20, &json, &len) != 0)
      diag_error(&diags, a.second, 0, 0, "cannot read: %s",
                 read_file_error());
    else if (quiz_score_json(&score, doc, json, len, a.second,
                             &diags) == 0) {
      print_score(&score, a.json);
      quiz_score_free(&score);
      rc = EXIT_OK;
    }
  }
  print_diags(&diags);
  free(json);
  gift_doc_free(doc);
  diag_free(&diags);
  return rc;
}

/* ---- export-questions ----------------------------------------------- */

static int write_output(const char *path, const char *text,
                        diag_list *diags)
{
  char *tmp;
  FILE *f;

  if (!path) {
    fputs(text, stdout);
    return 0;
  }
  tmp = xasprintf("%s.tmp", path);
  f = fopen(tmp, "w");
  if (!f || fputs(text, f) < 0 || fclose(f) != 0 ||
      rename(tmp, path) != 0) {
    diag_error(diags, path, 0, 0, "cannot write the file");
    unlink(tmp);
    free(tmp);
    return -1;
  }
  free(tmp);
  return 0;
}

static int run_export(int argc, char **argv)
{
  cli_args a;
  course_t *course;
  content_t *content;
  diag_list diags;
  const gift_doc **docs;
  const char **categories;
  size_t count = 0;
  char *text;
  int rc = parse_args(&COMMANDS[4], argc, argv, &a);

  if (rc != EXIT_OK)
    return rc < 0 ? EXIT_OK : rc;
  if (a.format && strcmp(a.format, "gift") != 0 &&
      strcmp(a.format, "moodle-xml") != 0)
    return usage_error(&COMMANDS[4], "--format must be gift or moodle-xml, not",
                       a.format);
  diag_init(&diags);
  if (load(a.course_dir, &course, &content, &diags) != 0) {
    print_diags(&diags);
    diag_free(&diags);
    return EXIT_INVALID;
  }
  docs = xcalloc(content->module_count + 1, sizeof *docs);
  categories = xcalloc(content->module_count + 1, sizeof *categories);
  for (size_t m = 0; m < content->module_count; m++) {
    if (!content->modules[m].assessment)
      continue;
    docs[count] = content->modules[m].assessment;
    categories[count++] = content->modules[m].folder;
  }
  if (a.format && strcmp(a.format, "moodle-xml") == 0)
    text = quiz_moodle_xml(docs, categories, count);
  else
    text = quiz_gift(docs, categories, count);
  rc = write_output(a.out_dir_set ? a.out_dir : NULL, text, &diags)
         ? EXIT_INVALID : EXIT_OK;
  print_diags(&diags);
  free(text);
  free(docs);
  free(categories);
  content_free(content);
  course_free(course);
  diag_free(&diags);
  return rc;
}

/* ---- main ----------------------------------------------------------- */

int main(int argc, char **argv)
{
  if (argc < 2) {
    print_help(stderr);
    return EXIT_USAGE;
  }
  if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
      strcmp(argv[1], "help") == 0) {
    print_help(stdout);
    return EXIT_OK;
  }
  for (const command_def *c = COMMANDS; c->name; c++)
    if (strcmp(argv[1], c->name) == 0)
      return c->run(argc - 1, argv + 1);
  fprintf(stderr, "scormc: unknown command '%s'\n", argv[1]);
  print_help(stderr);
  return EXIT_USAGE;
}
