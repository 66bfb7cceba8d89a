/*
 * build.c - turn a loaded course into SCORM packages
 * SPDX-License-Identifier: MIT
 */
#include "build.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "assets.h"
#include "coursejs.h"
#include "manifest.h"
#include "schema.h"
#include "util.h"
#include "zipwriter.h"


static const char *const EDITION_TAGS[] = {
  "scorm12", "scorm2004-3", "scorm2004-4"};

/* Runtime assets that are not copied into packages as they are: the
 * launch template is filled in, the wasm travels base64-encoded inside
 * a script (nothing is fetched at run time), the README is for us. */
static bool runtime_asset_shipped(const char *name)
{
  return strcmp(name, "launch.html") != 0 &&
         strcmp(name, "scorer.wasm") != 0 &&
         strcmp(name, "README.md") != 0;
}

/* ---- suspend_data worst case ---------------------------------------- */

static size_t base36_len(size_t v)
{
  size_t n = 1;

  while (v >= 36) {
    v /= 36;
    n++;
  }
  return n;
}

/* Mirrors the encoding in lib/runtime/README.md:
 * "1~L~" then one "seen.attempts.best.last.status" token per module,
 * '~'-separated. Unlimited attempts are counted up to "zz". */
static size_t module_token_max(const content_module *m,
                               const module_settings *s)
{
  size_t seen = (m->page_count + 4) / 5;
  size_t attempts = s->max_attempts ? base36_len((size_t)s->max_attempts)
                                    : 2;

  return seen + 1 + attempts + 1 + 2 + 1 + 2 + 1 + 1;
}

size_t build_suspend_worst_case(const content_t *content, long module,
                                const course_t *course)
{
  size_t first = module >= 0 ? (size_t)module : 0;
  size_t last = module >= 0 ? (size_t)module + 1 : content->module_count;
  size_t pages = 1, total;

  for (size_t i = first; i < last; i++)
    if (content->modules[i].page_count > pages)
      pages = content->modules[i].page_count;
  total = 2 + base36_len(content->module_count) + 1 + base36_len(pages);
  for (size_t i = first; i < last; i++)
    total += 1 + module_token_max(&content->modules[i],
                                  &course->modules[i].settings);
  return total;
}

/* ---- what goes into a package --------------------------------------- */

typedef struct {
  const course_t *course;
  const content_t *content;
  const build_options *options;
  diag_list *diags;
} build_ctx;

static char *fill_launch(const build_ctx *b, const char *title,
                         const char *scope)
{
  const scormc_asset *tpl = assets_find(runtime_assets, "launch.html");
  const char *p = (const char *)tpl->data;
  strbuf sb;

  sb_init(&sb);
  while (*p) {
    const char *mark = strstr(p, "{{");
    const char *end = mark ? strstr(mark, "}}") : NULL;
    if (!mark || !end) {
      sb_puts(&sb, p);
      break;
    }
    sb_add(&sb, p, (size_t)(mark - p));
    if (strncmp(mark, "{{title}}", 9) == 0)
      sb_html(&sb, title);
    else if (strncmp(mark, "{{lang}}", 8) == 0)
      sb_html(&sb, b->course->language);
    else if (strncmp(mark, "{{scope}}", 9) == 0)
      sb_html(&sb, scope);
    else if (strncmp(mark, "{{base}}", 8) != 0)
      sb_add(&sb, mark, (size_t)(end + 2 - mark));
    p = end + 2;
  }
  return sb_take(&sb);
}

static void add_text(zip_plan *plan, const char *name, char *text)
{
  zip_plan_add(plan, name, (unsigned char *)text, strlen(text));
}

static void add_launch_pages(const build_ctx *b, zip_plan *plan,
                             long module)
{
  const course_t *c = b->course;

  if (b->options->layout != LAYOUT_PER_MODULE) {
    const char *title = module >= 0
                          ? b->content->modules[module].title : c->title;
    const char *scope = module >= 0 ? c->modules[module].folder : "all";
    add_text(plan, "index.html", fill_launch(b, title, scope));
    return;
  }
  for (size_t m = 0; m < c->module_count; m++) {
    char *name = manifest_module_launch(c, m);
    add_text(plan, name, fill_launch(b, b->content->modules[m].title,
                                     c->modules[m].folder));
    free(name);
  }
  add_text(plan, "certificate.html",
           fill_launch(b, c->title, "certificate"));
}

static void add_runtime(const build_ctx *b, zip_plan *plan, long module)
{
  const scormc_asset *wasm = assets_find(runtime_assets, "scorer.wasm");
  char *js;

  for (const scormc_asset *a = runtime_assets; a->name; a++) {
    if (!runtime_asset_shipped(a->name))
      continue;
    char *name = xasprintf("scormc/%s", a->name);
    zip_plan_add_copy(plan, name, a->data, a->size);
    free(name);
  }
  js = coursejs_wasm_script(wasm->data, wasm->size);
  add_text(plan, "scormc/scorer-wasm.js", js);
  js = coursejs_build(b->course, b->content, b->options->edition,
                      b->options->layout, module, b->diags);
  add_text(plan, "scormc/course.js", js);
}

static void add_media_of(const build_ctx *b, zip_plan *plan,
                         const content_module *m)
{
  char *dir = path_join(b->course->dir, m->folder);

  for (size_t i = 0; i < m->media_count; i++) {
    char *path = path_join(dir, m->media[i]);
    char *name = *m->folder ? xasprintf("media/%s/%s", m->folder,
                                        m->media[i])
                            : xasprintf("media/%s", m->media[i]);
    char *data;
    size_t len;
    if (read_file(path, CONTENT_MAX_MEDIA_BYTES, &data, &len) == 0)
      zip_plan_add(plan, name, (unsigned char *)data, len);
    else
      diag_error(b->diags, path, 0, 0, "cannot read: %s",
                 read_file_error());
    free(name);
    free(path);
  }
  free(dir);
}

static void add_media(const build_ctx *b, zip_plan *plan, long module)
{
  if (module >= 0) {
    add_media_of(b, plan, &b->content->modules[module]);
    return;
  }
  add_media_of(b, plan, &b->content->course_pages);
  for (size_t m = 0; m < b->content->module_count; m++)
    add_media_of(b, plan, &b->content->modules[m]);
}

/* The official schema files of the edition, at the package root. */
static void add_schemas(const build_ctx *b, zip_plan *plan)
{
  const char *folder = schema_folder(b->options->edition);
  size_t n = strlen(folder);

  for (const scormc_asset *a = schema_assets; a->name; a++)
    if (strncmp(a->name, folder, n) == 0 && a->name[n] == '/')
      zip_plan_add_copy(plan, a->name + n + 1, a->data, a->size);
}

/* ---- the manifest --------------------------------------------------- */

static const char **shared_runtime_files(const zip_plan *plan,
                                         size_t *count)
{
  const char **names = xcalloc(plan->count, sizeof *names);

  *count = 0;
  for (size_t i = 0; i < plan->count; i++)
    if (strncmp(plan->entries[i].name, "scormc/", 7) == 0)
      names[(*count)++] = plan->entries[i].name;
  return names;
}

static int compare_cstr(const void *a, const void *b)
{
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Collect the href of every <file> under 'node'. */
static void collect_files(xmlNodePtr node, const char ***names,
                          size_t *count)
{
  for (xmlNodePtr c = node->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    if (xmlStrcmp(c->name, (const xmlChar *)"file") == 0) {
      xmlChar *href = xmlGetProp(c, (const xmlChar *)"href");
      *names = xrealloc(*names, (*count + 1) * sizeof **names);
      (*names)[(*count)++] = xstrdup(href ? (const char *)href : "");
      xmlFree(href);
    } else {
      collect_files(c, names, count);
    }
  }
}

static bool is_schema_file(const char *name)
{
  size_t n = strlen(name);

  return !strchr(name, '/') && n > 4 &&
         (strcmp(name + n - 4, ".xsd") == 0 ||
          strcmp(name + n - 4, ".dtd") == 0);
}

/* Every file the manifest lists is in the zip, and every file of the
 * zip but the schemas is listed: a package with missing files or
 * excess baggage is our bug, caught here before anything is written. */
static int cross_check(const build_ctx *b, xmlDocPtr doc,
                       const zip_plan *plan, const char *label)
{
  const char **listed = NULL;
  size_t count = 0, errors = b->diags->errors;

  collect_files(xmlDocGetRootElement(doc), &listed, &count);
  sort_array(listed, count, sizeof *listed, compare_cstr);
  for (size_t i = 0; i < count; i++)
    if (!zip_plan_find(plan, listed[i]))
      diag_error(b->diags, label, 0, 0, "internal: the manifest lists "
                 "'%s' but the package lacks it", listed[i]);
  for (size_t i = 0; i < plan->count; i++) {
    const char *name = plan->entries[i].name;
    bool found = count && bsearch(&name, listed, count, sizeof *listed,
                                  compare_cstr);
    if (!found && !is_schema_file(name) &&
        strcmp(name, "imsmanifest.xml") != 0)
      diag_error(b->diags, label, 0, 0, "internal: '%s' is in the "
                 "package but not in the manifest", name);
  }
  for (size_t i = 0; i < count; i++)
    free((char *)listed[i]);
  free(listed);
  return b->diags->errors > errors ? -1 : 0;
}

static int add_manifest(const build_ctx *b, zip_plan *plan, long module,
                        const char *label)
{
  size_t runtime_count;
  const char **runtime = shared_runtime_files(plan, &runtime_count);
  manifest_spec spec = {b->course, b->content, b->options->edition,
                        b->options->layout, module, runtime,
                        runtime_count};
  xmlDocPtr built, written = NULL;
  xmlChar *xml = NULL;
  int len = 0, rc = -1;

  sort_array(runtime, runtime_count, sizeof *runtime, compare_cstr);
  built = manifest_build(&spec);
  xmlDocDumpFormatMemoryEnc(built, &xml, &len, "UTF-8", 1);
  xmlFreeDoc(built);

  /* Validate the bytes that go into the zip, parsed back, rather than
   * the tree they came from: what the LMS reads is what was checked. */
  if (xml)
    written = xmlReadMemory((const char *)xml, len, "imsmanifest.xml",
                            NULL, XML_PARSE_NONET);
  if (!written)
    diag_error(b->diags, label, 0, 0, "internal: the manifest written "
               "is not well-formed XML");
  else
    rc = schema_validate(written, b->options->edition, label, b->diags);
  if (rc == 0)
    rc = cross_check(b, written, plan, label);
  if (rc == 0)
    zip_plan_add_copy(plan, "imsmanifest.xml", xml, (size_t)len);
  xmlFreeDoc(written);
  xmlFree(xml);
  free(runtime);
  return rc;
}

/* ---- packages ------------------------------------------------------- */

static char *package_name(const build_ctx *b, long module)
{
  const course_t *c = b->course;
  const char *tag = EDITION_TAGS[b->options->edition];

  if (b->options->layout == LAYOUT_SPLIT)
    return xasprintf("%s-%s-%s.zip", c->id, tag, c->modules[module].folder);
  if (b->options->layout == LAYOUT_PER_MODULE)
    return xasprintf("%s-%s-per-module.zip", c->id, tag);
  return xasprintf("%s-%s.zip", c->id, tag);
}

static int check_suspend_limit(const build_ctx *b, long module)
{
  size_t worst;

  if (b->options->edition != EDITION_12)
    return 0;
  worst = build_suspend_worst_case(b->content, module, b->course);
  if (worst <= BUILD_SUSPEND_LIMIT_12)
    return 0;
  diag_error(b->diags, b->course->lua_path, 0, 0, "the learner's state "
             "can reach %zu characters, over SCORM 1.2's limit of %d: "
             "use --scorm 2004-4 or the split layout", worst,
             BUILD_SUSPEND_LIMIT_12);
  return -1;
}

/* Everything is held in memory until written: keep it bounded. */
static int check_package_size(const build_ctx *b, const zip_plan *plan,
                              const char *label)
{
  unsigned long long total = 0;

  for (size_t i = 0; i < plan->count; i++)
    total += plan->entries[i].size;
  if (total <= BUILD_MAX_PACKAGE_BYTES)
    return 0;
  diag_error(b->diags, label, 0, 0, "the package would hold %llu MiB, over "
             "the limit of %u MiB: use the split layout or smaller media",
             total >> 20, BUILD_MAX_PACKAGE_BYTES >> 20);
  return -1;
}

/* SCORM 1.2 names a choice by one character, 0-9 and a-z: a question
 * with more than 36 choices cannot be reported to the LMS. */
static int check_choice_ids_12(const build_ctx *b)
{
  size_t errors = b->diags->errors;

  if (b->options->edition != EDITION_12)
    return 0;
  for (size_t m = 0; m < b->content->module_count; m++) {
    const content_module *cm = &b->content->modules[m];
    for (size_t i = 0; cm->assessment && i < cm->assessment->count; i++) {
      const gift_question *q = &cm->assessment->questions[i];
      if (q->answer_count > 36 &&
          (q->type == GIFT_SINGLE || q->type == GIFT_MULTI ||
           q->type == GIFT_MATCHING))
        diag_error(b->diags, cm->assessment_path, q->line, 0, "question "
                   "'%s' has %zu answers: SCORM 1.2 can report at most 36; "
                   "split it or build with --scorm 2004-4",
                   q->title ? q->title : "untitled", q->answer_count);
    }
  }
  return b->diags->errors > errors ? -1 : 0;
}

static int make_package(const build_ctx *b, long module, zip_plan *plan,
                        const char *label)
{
  size_t errors = b->diags->errors;

  if (check_suspend_limit(b, module) < 0 || check_choice_ids_12(b) < 0)
    return -1;
  add_launch_pages(b, plan, module);
  add_runtime(b, plan, module);
  add_media(b, plan, module);
  add_schemas(b, plan);
  if (b->diags->errors > errors ||
      check_package_size(b, plan, label) < 0)
    return -1;
  return add_manifest(b, plan, module, label);
}

static int ensure_dir(const char *dir, diag_list *diags)
{
  struct stat st;

  if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
    return 0;
  if (stat(dir, &st) == 0) {
    diag_error(diags, dir, 0, 0, "the output must be a folder, and this "
               "is a file");
    return -1;
  }
  if (mkdir(dir, 0777) == 0)
    return 0;
  diag_error(diags, dir, 0, 0, "cannot create the output folder: %s",
             strerror(errno));
  return -1;
}

static void remove_all(char **paths, size_t count)
{
  for (size_t i = 0; i < count; i++)
    if (paths[i])
      unlink(paths[i]);
}

static void free_paths(char **paths, size_t count)
{
  for (size_t i = 0; i < count; i++)
    free(paths[i]);
  free(paths);
}

/* Write each package to a temporary file; only when all are written,
 * rename them into place. */
int build_course(const course_t *course, const content_t *content,
                 const build_options *options, build_result *result,
                 diag_list *diags)
{
  build_ctx b = {course, content, options, diags};
  size_t count = options->layout == LAYOUT_SPLIT ? course->module_count : 1;
  char **temps = xcalloc(count, sizeof *temps);
  char **finals = xcalloc(count, sizeof *finals);
  time_t when;
  int rc = 0;

  memset(result, 0, sizeof *result);
  if (zip_source_date(&when) < 0) {
    diag_error(diags, NULL, 0, 0, "SOURCE_DATE_EPOCH must be a whole "
               "number of seconds since 1970, from 1980 to 2107");
    rc = -1;
  }
  if (rc == 0 && ensure_dir(options->out_dir, diags) < 0)
    rc = -1;
  for (size_t i = 0; rc == 0 && i < count; i++) {
    long module = options->layout == LAYOUT_SPLIT ? (long)i : -1;
    char *name = package_name(&b, module);
    zip_plan plan = {0};
    finals[i] = path_join(options->out_dir, name);
    temps[i] = xasprintf("%s.tmp-%ld", finals[i], (long)getpid());
    unlink(temps[i]);
    rc = make_package(&b, module, &plan, name);
    if (rc == 0)
      rc = zip_write(&plan, temps[i], when, diags);
    zip_plan_free(&plan);
    free(name);
  }

  if (rc == 0) {
    for (size_t i = 0; i < count && rc == 0; i++)
      if (rename(temps[i], finals[i]) != 0) {
        diag_error(diags, finals[i], 0, 0, "cannot rename into place: %s",
                   strerror(errno));
        rc = -1;
      }
  }
  if (rc != 0) {
    remove_all(temps, count);
    remove_all(finals, count);
    free_paths(finals, count);
  } else {
    result->paths = finals;
    result->count = count;
  }
  free_paths(temps, count);
  return rc;
}

void build_remove_outputs(const course_t *course,
                          const build_options *options)
{
  build_ctx b = {course, NULL, options, NULL};
  size_t count = options->layout == LAYOUT_SPLIT ? course->module_count : 1;

  for (size_t i = 0; i < count; i++) {
    char *name = package_name(&b, options->layout == LAYOUT_SPLIT
                                    ? (long)i : -1);
    char *path = path_join(options->out_dir, name);
    unlink(path);
    free(path);
    free(name);
  }
}

void build_result_free(build_result *result)
{
  free_paths(result->paths, result->count);
  memset(result, 0, sizeof *result);
}
