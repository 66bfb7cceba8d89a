/*
 * course.c - load course.lua in a sandboxed Lua 5.4 state
 * SPDX-License-Identifier: MIT
 */
#include "course.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "util.h"

/* course.lua is a few hundred lines of settings: these caps only stop
 * runaway or hostile files. */
#define MEMORY_LIMIT (16u << 20)
#define INSTRUCTION_LIMIT 10000000L
#define CPU_SECONDS_LIMIT 5
#define HOOK_EVERY 1000
#define MAX_TITLE 200          /* the manifest's smallest title limit */
#define MAX_REP_BYTES (1u << 20)

typedef struct {
  course_t *course;
  diag_list *diags;
  const char *source;      /* the text of course.lua */
  size_t memory_used;
  long instructions;
  clock_t started;
  int line;                /* the line running at the last hook */
  bool have_course;
} loader;

typedef enum { VAL_STRING, VAL_INT, VAL_BOOL } value_kind;

/* One key an author may write in a table, and where its value goes. */
typedef struct {
  const char *name;
  value_kind kind;
  size_t offset;           /* into the target struct */
  int min, max;            /* VAL_INT range */
} key_spec;

static const char *FEEDBACK_NAMES[] = {
  "after-question", "after-submit", "never", NULL};
static const char *EDITION_NAMES[] = {"1.2", "2004-3", "2004-4", NULL};
static const char *LAYOUT_NAMES[] = {
  "single", "per-module", "split", NULL};

static int name_index(const char *const *names, const char *text)
{
  for (int i = 0; names[i]; i++)
    if (strcmp(names[i], text) == 0)
      return i;
  return -1;
}

int course_parse_edition(const char *text, course_edition *out)
{
  int i = name_index(EDITION_NAMES, text);

  if (i >= 0)
    *out = (course_edition)i;
  return i < 0 ? -1 : 0;
}

int course_parse_layout(const char *text, course_layout *out)
{
  int i = name_index(LAYOUT_NAMES, text);

  if (i >= 0)
    *out = (course_layout)i;
  return i < 0 ? -1 : 0;
}

const char *course_edition_name(course_edition edition)
{
  return EDITION_NAMES[edition];
}

const char *course_layout_name(course_layout layout)
{
  return LAYOUT_NAMES[layout];
}

const char *course_feedback_name(course_feedback feedback)
{
  return FEEDBACK_NAMES[feedback];
}

/* ---- the sandbox ---------------------------------------------------- */

static void *limited_alloc(void *ud, void *ptr, size_t old, size_t size)
{
  loader *ld = ud;
  size_t before = ptr ? old : 0;

  if (size == 0) {
    free(ptr);
    ld->memory_used -= before;
    return NULL;
  }
  if (size > before && ld->memory_used + (size - before) > MEMORY_LIMIT)
    return NULL;
  ptr = realloc(ptr, size);
  if (ptr)
    ld->memory_used = ld->memory_used - before + size;
  return ptr;
}

/* Counts instructions, and CPU time for what the instructions cannot
 * see: long calls into the string and table libraries. Also notes the
 * running line, for errors that carry none (out of memory). */
static void count_hook(lua_State *L, lua_Debug *ar)
{
  loader *ld;

  lua_getallocf(L, (void **)&ld);
  if (lua_getinfo(L, "l", ar) && ar->currentline > 0)
    ld->line = ar->currentline;
  ld->instructions += HOOK_EVERY;
  if (ld->instructions > INSTRUCTION_LIMIT)
    luaL_error(L, "instruction limit exceeded (an endless loop?)");
  if (clock() - ld->started > CPU_SECONDS_LIMIT * CLOCKS_PER_SEC)
    luaL_error(L, "time limit of %d seconds exceeded",
               CPU_SECONDS_LIMIT);
}

/* string.rep with a cap: "x":rep(1e15) would run in C for ever. */
static int safe_rep(lua_State *L)
{
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_Integer n = luaL_checkinteger(L, 2);
  size_t sep_len = 0;
  luaL_Buffer b;

  luaL_optlstring(L, 3, "", &sep_len);
  if (n <= 0) {
    lua_pushliteral(L, "");
    return 1;
  }
  if (n > (lua_Integer)MAX_REP_BYTES ||
      (len + sep_len) * (size_t)n > MAX_REP_BYTES)
    return luaL_error(L, "string.rep result over %d bytes",
                      (int)MAX_REP_BYTES);
  luaL_buffinit(L, &b);
  for (lua_Integer i = 0; i < n; i++) {
    if (i > 0 && sep_len)
      luaL_addlstring(&b, lua_tostring(L, 3), sep_len);
    luaL_addlstring(&b, s, len);
  }
  luaL_pushresult(&b);
  return 1;
}

static void remove_field(lua_State *L, const char *lib, const char *name)
{
  lua_getglobal(L, lib);
  lua_pushnil(L);
  lua_setfield(L, -2, name);
  lua_pop(L, 1);
}

/* Open only the safe libraries, then remove what could reach outside
 * the sandbox, make two builds differ (random numbers), run in C past
 * every limit (patterns that backtrack, table.move over huge ranges),
 * or run code where no limit reaches (__gc handlers need setmetatable;
 * __index traps would run inside our own table reads). */
static void open_sandbox(lua_State *L)
{
  static const char *const unsafe_globals[] = {
    "dofile", "loadfile", "load", "require", "collectgarbage", "print",
    "setmetatable", "getmetatable", NULL};
  static const char *const unsafe_string[] = {
    "dump", "find", "match", "gmatch", "gsub", NULL};

  luaL_requiref(L, "_G", luaopen_base, 1);
  luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
  luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
  luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
  luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
  lua_pop(L, 5);

  for (int i = 0; unsafe_globals[i]; i++) {
    lua_pushnil(L);
    lua_setglobal(L, unsafe_globals[i]);
  }
  for (int i = 0; unsafe_string[i]; i++)
    remove_field(L, LUA_STRLIBNAME, unsafe_string[i]);
  remove_field(L, LUA_MATHLIBNAME, "random");
  remove_field(L, LUA_MATHLIBNAME, "randomseed");
  remove_field(L, LUA_TABLIBNAME, "move");
  lua_getglobal(L, LUA_STRLIBNAME);
  lua_pushcfunction(L, safe_rep);
  lua_setfield(L, -2, "rep");
  lua_pop(L, 1);
}

/* ---- reading the author's tables ------------------------------------ */

static loader *get_loader(lua_State *L)
{
  return lua_touserdata(L, lua_upvalueindex(1));
}

/* Push t[name] without metamethods: with no setmetatable in the
 * sandbox there are none, and raw reads keep it so. */
static int raw_field(lua_State *L, int index, const char *name)
{
  lua_pushstring(L, name);
  return lua_rawget(L, index);
}

/* The course.lua line of the call being handled: the nearest caller
 * that is Lua code (pcall, a C function, may stand between). */
static int caller_line(lua_State *L)
{
  lua_Debug ar;

  for (int level = 1; lua_getstack(L, level, &ar); level++)
    if (lua_getinfo(L, "l", &ar) && ar.currentline > 0)
      return ar.currentline;
  return 0;
}

/* Lua tables carry no line per key: find 'name =' in the source at or
 * after the call's line, so a typo is reported where it stands. */
static int key_line(const loader *ld, const char *name, int from)
{
  size_t len = strlen(name);
  int line = 1;

  for (const char *p = ld->source; *p; p++) {
    if (line >= from && strncmp(p, name, len) == 0 &&
        (p == ld->source || !(isalnum((unsigned char)p[-1]) ||
                              p[-1] == '_'))) {
      const char *q = p + len;
      while (*q == ' ' || *q == '\t')
        q++;
      if (*q == '=' && q[1] != '=')
        return line;
    }
    if (*p == '\n')
      line++;
  }
  return from;
}

static void lua_diag(lua_State *L, int line, const char *fmt, ...)
  __attribute__((format(printf, 3, 4)));

static void lua_diag(lua_State *L, int line, const char *fmt, ...)
{
  loader *ld = get_loader(L);
  char message[512];
  va_list ap;

  va_start(ap, fmt);
  vsnprintf(message, sizeof message, fmt, ap);
  va_end(ap);
  diag_error(ld->diags, ld->course->lua_path, line, 0, "%s", message);
}

static int compare_strings(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Report keys of the table at 'index' that 'specs' does not name, in
 * sorted order so the output never depends on Lua's hash order. The
 * array part (integer keys) is the caller's business. */
static void check_unknown_keys(lua_State *L, int index,
                               const key_spec *specs, const char *where,
                               int line)
{
  loader *ld = get_loader(L);
  char *names[64];
  size_t count = 0;

  lua_pushnil(L);
  while (lua_next(L, index) != 0) {
    if (lua_type(L, -2) == LUA_TSTRING && count < 64) {
      const char *key = lua_tostring(L, -2);
      bool known = false;
      for (const key_spec *s = specs; s->name; s++)
        known = known || strcmp(s->name, key) == 0;
      if (!known)
        names[count++] = xstrdup(key);
    } else if (lua_type(L, -2) != LUA_TNUMBER) {
      lua_diag(L, line, "keys in %s must be names", where);
    }
    lua_pop(L, 1);
  }

  sort_array(names, count, sizeof *names, compare_strings);
  for (size_t i = 0; i < count; i++) {
    diag_error(ld->diags, ld->course->lua_path,
               key_line(ld, names[i], line), 0,
               "unknown key '%s' in %s", names[i], where);
    free(names[i]);
  }
}

/* A string value from course.lua that can go into XML and JSON: valid
 * UTF-8 without control characters. Returns a copy, or NULL. */
static char *clean_string(lua_State *L, int index, const char *what,
                          int line)
{
  size_t len;
  const char *text = lua_tolstring(L, index, &len);
  long bad = text_check(text, len);

  if (bad >= 0 || strlen(text) != len) {
    lua_diag(L, line, "%s holds a control character or a byte that is "
             "not UTF-8 (at byte %ld)", what, bad >= 0 ? bad : 0);
    return NULL;
  }
  return xstrdup(text);
}

static void read_string(lua_State *L, const key_spec *s, void *target,
                        int line)
{
  char **slot = (char **)((char *)target + s->offset);
  char *value;

  /* On an error the slot still gets a value, so that the key is not
   * reported missing as well. */
  if (lua_type(L, -1) != LUA_TSTRING)
    lua_diag(L, line, "'%s' must be a string", s->name);
  value = lua_type(L, -1) == LUA_TSTRING
            ? clean_string(L, -1, s->name, line) : NULL;
  free(*slot);
  *slot = value ? value : xstrdup("");
}

static void read_int(lua_State *L, const key_spec *s, void *target,
                     int line)
{
  loader *ld = get_loader(L);
  int *slot = (int *)((char *)target + s->offset);
  int ok = 0;
  lua_Integer v = lua_tointegerx(L, -1, &ok);

  if (!ok || v < s->min || v > s->max) {
    diag_error(ld->diags, ld->course->lua_path, line, 0,
               "'%s' must be a whole number from %d to %d", s->name,
               s->min, s->max);
    return;
  }
  *slot = (int)v;
}

static void read_bool(lua_State *L, const key_spec *s, void *target,
                      int line)
{
  bool *slot = (bool *)((char *)target + s->offset);

  if (!lua_isboolean(L, -1)) {
    lua_diag(L, line, "'%s' must be true or false", s->name);
    return;
  }
  *slot = lua_toboolean(L, -1);
}

/* Read every key of 'specs' present in the table at 'index'. */
static void read_keys(lua_State *L, int index, const key_spec *specs,
                      void *target, int call_line)
{
  loader *ld = get_loader(L);

  for (const key_spec *s = specs; s->name; s++) {
    int line;

    raw_field(L, index, s->name);
    if (lua_isnil(L, -1)) {
      lua_pop(L, 1);
      continue;
    }
    line = key_line(ld, s->name, call_line);
    if (s->kind == VAL_STRING)
      read_string(L, s, target, line);
    else if (s->kind == VAL_INT)
      read_int(L, s, target, line);
    else
      read_bool(L, s, target, line);
    lua_pop(L, 1);
  }
}

/* ---- course { ... } ------------------------------------------------- */

/* Settings a course and a module share: offsets into module_settings. */
#define SETTING_KEYS \
  {"pass_mark", VAL_INT, offsetof(module_settings, pass_mark), 0, 100}, \
  {"max_attempts", VAL_INT, offsetof(module_settings, max_attempts), 0, \
   1000}, \
  {"minutes", VAL_INT, offsetof(module_settings, minutes), 1, 6000}, \
  {"draw", VAL_INT, offsetof(module_settings, draw), 0, 1000}, \
  {"shuffle", VAL_BOOL, offsetof(module_settings, shuffle), 0, 0}, \
  {"time_limit", VAL_INT, offsetof(module_settings, time_limit), 0, 6000}

static const key_spec SETTING_SPECS[] = {SETTING_KEYS, {0}};

/* Keys of course{} that are not module settings; the enumerated ones
 * are read as strings into 'course_text' and checked afterwards. */
typedef struct {
  char *id, *title, *description, *language, *version;
  char *intro, *closing, *glossary;
  char *keep, *feedback, *completion, *layout, *scorm;
  bool show_correct;
  bool require_feedback;
} course_text;

#define TEXT_KEY(k) {#k, VAL_STRING, offsetof(course_text, k), 0, 0}
static const key_spec COURSE_SPECS[] = {
  TEXT_KEY(id), TEXT_KEY(title), TEXT_KEY(description),
  TEXT_KEY(language), TEXT_KEY(version), TEXT_KEY(intro),
  TEXT_KEY(closing), TEXT_KEY(glossary), TEXT_KEY(keep),
  TEXT_KEY(feedback), TEXT_KEY(completion), TEXT_KEY(layout),
  TEXT_KEY(scorm),
  {"show_correct", VAL_BOOL, offsetof(course_text, show_correct), 0, 0},
  {"require_feedback", VAL_BOOL, offsetof(course_text, require_feedback),
   0, 0},
  {0}};

/* Every key course{} accepts: its own and the module settings. */
static const key_spec ALL_COURSE_SPECS[] = {
  TEXT_KEY(id), TEXT_KEY(title), TEXT_KEY(description),
  TEXT_KEY(language), TEXT_KEY(version), TEXT_KEY(intro),
  TEXT_KEY(closing), TEXT_KEY(glossary), TEXT_KEY(keep),
  TEXT_KEY(feedback), TEXT_KEY(completion), TEXT_KEY(layout),
  TEXT_KEY(scorm), {"show_correct", VAL_BOOL, 0, 0, 0},
  {"require_feedback", VAL_BOOL, 0, 0, 0}, SETTING_KEYS, {0}};

static bool valid_id(const char *id)
{
  if (!*id || strlen(id) > 64)
    return false;
  for (const char *p = id; *p; p++)
    if (!isalnum((unsigned char)*p) && !strchr("-_.", *p))
      return false;
  return true;
}

static bool valid_language(const char *tag)
{
  size_t n = 0;

  while (isalpha((unsigned char)tag[n]))
    n++;
  if (n < 2 || n > 3)
    return false;
  for (const char *p = tag + n; *p; p++)
    if (!isalnum((unsigned char)*p) && *p != '-')
      return false;
  return true;
}

/* Check one enumerated value; 'names' lists what is allowed. */
static int pick(lua_State *L, const char *const *names, const char *key,
                const char *value, int line, int fallback)
{
  loader *ld = get_loader(L);
  int i;

  if (!value)
    return fallback;
  i = name_index(names, value);
  if (i < 0)
    diag_error(ld->diags, ld->course->lua_path, key_line(ld, key, line),
               0, "'%s' cannot be '%s'", key, value);
  return i < 0 ? fallback : i;
}

static void free_course_text(course_text *t)
{
  char **fields[] = {&t->id, &t->title, &t->description, &t->language,
                     &t->version, &t->intro, &t->closing, &t->glossary,
                     &t->keep, &t->feedback, &t->completion, &t->layout,
                     &t->scorm};

  for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
    free(*fields[i]);
}

/* intro, closing and glossary name files in the course folder. */
static void check_source_path(lua_State *L, const char *key,
                              const char *path, int line)
{
  if (path && *path && !safe_relative_path(path))
    lua_diag(L, key_line(get_loader(L), key, line), "'%s' must name a "
             "file in the course folder, such as 'intro.md': letters, "
             "digits, '-', '_' and '.' only", key);
}

static void apply_course_text(lua_State *L, course_text *t, int line)
{
  static const char *const keep_names[] = {"last", "best", NULL};
  static const char *const completion_names[] = {"all-passed", NULL};
  course_t *c = get_loader(L)->course;

  if (!t->id)
    lua_diag(L, line, "course has no '%s'", "id");
  else if (!valid_id(t->id))
    lua_diag(L, key_line(get_loader(L), "id", line),
             "course id '%s' may hold only letters, digits, '-', '_' "
             "and '.'", t->id);
  if (!t->title)
    lua_diag(L, line, "course has no '%s'", "title");
  else if (strlen(t->title) > MAX_TITLE)
    lua_diag(L, key_line(get_loader(L), "title", line), "the course "
             "title is longer than %d bytes, the manifest's limit",
             MAX_TITLE);
  check_source_path(L, "intro", t->intro, line);
  check_source_path(L, "closing", t->closing, line);
  check_source_path(L, "glossary", t->glossary, line);
  if (t->language && !valid_language(t->language))
    lua_diag(L, key_line(get_loader(L), "language", line),
             "language '%s' is not a language tag such as 'en' or 'th'",
             t->language);

  c->defaults.keep_best = pick(L, keep_names, "keep", t->keep, line, 1);
  c->feedback = pick(L, FEEDBACK_NAMES, "feedback", t->feedback, line,
                     FEEDBACK_AFTER_SUBMIT);
  c->edition = pick(L, EDITION_NAMES, "scorm", t->scorm, line,
                    EDITION_12);
  c->layout = pick(L, LAYOUT_NAMES, "layout", t->layout, line,
                   LAYOUT_SINGLE);
  pick(L, completion_names, "completion", t->completion, line, 0);
  c->show_correct = t->show_correct;
  c->require_feedback = t->require_feedback;

  c->id = t->id ? t->id : xstrdup("course");
  c->title = t->title ? t->title : xstrdup("");
  c->description = t->description ? t->description : xstrdup("");
  c->language = t->language ? t->language : xstrdup("en");
  c->version = t->version ? t->version : xstrdup("1.0");
  c->intro = t->intro;
  c->closing = t->closing;
  c->glossary = t->glossary;
  free(t->keep);
  free(t->feedback);
  free(t->completion);
  free(t->layout);
  free(t->scorm);
}

static int l_course(lua_State *L)
{
  loader *ld = get_loader(L);
  int line = caller_line(L);
  course_text text = {.show_correct = true};

  if (!lua_istable(L, 1)) {
    lua_diag(L, line, "%s", "course expects a table: course { ... }");
    return 0;
  }
  if (ld->have_course) {
    lua_diag(L, line, "%s", "course is declared twice");
    return 0;
  }
  check_unknown_keys(L, 1, ALL_COURSE_SPECS, "course", line);
  read_keys(L, 1, COURSE_SPECS, &text, line);
  read_keys(L, 1, SETTING_SPECS, &ld->course->defaults, line);
  if (ld->course->module_count > 0) {
    lua_diag(L, line, "%s", "course must come before its modules");
    free_course_text(&text);
    return 0;
  }
  /* Only now, so that a course {} cut short leaves nothing half set. */
  apply_course_text(L, &text, line);
  ld->have_course = true;
  return 0;
}

/* ---- component "title" ---------------------------------------------- */

static int l_component(lua_State *L)
{
  loader *ld = get_loader(L);
  course_t *c = ld->course;
  int line = caller_line(L);
  course_component *slot;

  char *title;

  if (lua_type(L, 1) != LUA_TSTRING) {
    lua_diag(L, line, "%s", "component expects a title: component \"...\"");
    return 0;
  }
  title = clean_string(L, 1, "the component title", line);
  if (!title)
    return 0;
  if (strlen(title) > MAX_TITLE)
    lua_diag(L, line, "the component title is longer than %d bytes, the "
             "manifest's limit", MAX_TITLE);
  c->components = xrealloc(c->components,
                           (c->component_count + 1) * sizeof *slot);
  slot = &c->components[c->component_count++];
  slot->title = title;
  slot->line = line;
  return 0;
}

/* ---- module "folder" or module { "folder", ... } ------------------- */

static const key_spec MODULE_TITLE_SPEC[] = {
  {"title", VAL_STRING, offsetof(course_module, title), 0, 0}, {0}};

/* Every key module{} accepts, for the unknown-key check. */
static const key_spec MODULE_SPECS[] = {
  SETTING_KEYS, {"keep", VAL_STRING, 0, 0, 0},
  {"title", VAL_STRING, 0, 0, 0}, {"points", VAL_INT, 0, 0, 0}, {0}};

static int compare_points(const void *a, const void *b)
{
  return strcmp(((const question_points *)a)->question,
                ((const question_points *)b)->question);
}

/* points = { ["m01-q03"] = 2, ... }: question titles to points. */
static void read_points(lua_State *L, course_module *m)
{
  int line;

  raw_field(L, 1, "points");
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    return;
  }
  line = key_line(get_loader(L), "points", m->line);
  if (!lua_istable(L, -1)) {
    lua_diag(L, line, "%s", "'points' must be a table: "
             "points = { [\"question title\"] = 2 }");
    lua_pop(L, 1);
    return;
  }
  lua_pushnil(L);
  while (lua_next(L, -2) != 0) {
    int isnum = 0;
    lua_Number v = lua_tonumberx(L, -1, &isnum);
    if (lua_type(L, -2) != LUA_TSTRING || !isnum || !(v > 0) ||
        v > 1000) {
      lua_diag(L, line, "%s", "'points' maps question titles to numbers "
               "from more than 0 to 1000");
    } else if (m->points_count < 10000) {
      m->points = xrealloc(m->points,
                           (m->points_count + 1) * sizeof *m->points);
      m->points[m->points_count].question = xstrdup(lua_tostring(L, -2));
      m->points[m->points_count++].points = v;
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  sort_array(m->points, m->points_count, sizeof *m->points,
             compare_points);
}

/* Names the package itself uses at its root: a module folder with one
 * of them would collide with them. */
static const char *const RESERVED_FOLDERS[] = {
  "index", "certificate", "media", "scormc", NULL};

/* A module folder name goes into file names, URLs, zip entries and
 * XML identifiers: keep it to characters that need no escaping. */
static bool valid_folder(const char *name)
{
  if (!safe_relative_path(name) || strchr(name, '/') ||
      strlen(name) > 100)
    return false;
  for (int i = 0; RESERVED_FOLDERS[i]; i++)
    if (strcmp(name, RESERVED_FOLDERS[i]) == 0)
      return false;
  return true;
}

static bool folder_exists(const char *dir, const char *name)
{
  char *path = path_join(dir, name);
  struct stat st;
  bool ok = stat(path, &st) == 0 && S_ISDIR(st.st_mode);

  free(path);
  return ok;
}

static bool check_folder(lua_State *L, const course_module *m)
{
  loader *ld = get_loader(L);
  course_t *c = ld->course;
  char *path;
  bool inside;

  if (!valid_folder(m->folder)) {
    lua_diag(L, m->line, "module folder '%s' must be a plain name of "
             "letters, digits, '-', '_' and '.', and not 'index', "
             "'certificate', 'media' or 'scormc'", m->folder);
    return false;
  }
  if (!folder_exists(c->dir, m->folder)) {
    diag_error(ld->diags, c->lua_path, m->line, 0,
               "module folder '%s' not found in '%s'", m->folder, c->dir);
    return false;
  }
  path = path_join(c->dir, m->folder);
  inside = path_inside(c->dir, path);
  free(path);
  if (!inside) {
    lua_diag(L, m->line, "module folder '%s' links outside the course "
             "folder", m->folder);
    return false;
  }
  for (size_t i = 0; i < c->module_count; i++)
    if (strcmp(c->modules[i].folder, m->folder) == 0) {
      lua_diag(L, m->line, "module '%s' is listed twice", m->folder);
      return false;
    }
  return true;
}

static void read_module_table(lua_State *L, course_module *m)
{
  static const char *const keep_names[] = {"last", "best", NULL};

  lua_rawgeti(L, 1, 1);
  if (lua_type(L, -1) == LUA_TSTRING)
    m->folder = clean_string(L, -1, "the module folder", m->line);
  lua_pop(L, 1);

  check_unknown_keys(L, 1, MODULE_SPECS, "module", m->line);
  read_keys(L, 1, SETTING_SPECS, &m->settings, m->line);
  read_keys(L, 1, MODULE_TITLE_SPEC, m, m->line);
  if (m->title && strlen(m->title) > MAX_TITLE)
    lua_diag(L, key_line(get_loader(L), "title", m->line), "the module "
             "title is longer than %d bytes, the manifest's limit",
             MAX_TITLE);
  read_points(L, m);

  raw_field(L, 1, "keep");
  if (lua_type(L, -1) == LUA_TSTRING)
    m->settings.keep_best = pick(L, keep_names, "keep",
                                 lua_tostring(L, -1), m->line,
                                 m->settings.keep_best);
  lua_pop(L, 1);
}

static void free_module(course_module *m)
{
  free(m->folder);
  free(m->title);
  for (size_t k = 0; k < m->points_count; k++)
    free(m->points[k].question);
  free(m->points);
}

/* The module is read into a local and joins the course only once its
 * folder has passed every check. */
static int l_module(lua_State *L)
{
  loader *ld = get_loader(L);
  course_t *c = ld->course;
  course_module m = {0};

  m.line = caller_line(L);
  m.settings = c->defaults;
  if (lua_type(L, 1) == LUA_TSTRING)
    m.folder = clean_string(L, 1, "the module folder", m.line);
  else if (lua_istable(L, 1))
    read_module_table(L, &m);

  if (!m.folder) {
    lua_diag(L, m.line, "%s", "module expects a folder name: "
             "module \"01-name\" or module { \"01-name\", ... }");
    free_module(&m);
    return 0;
  }
  if (c->component_count == 0)
    lua_diag(L, m.line, "module '%s' comes before any component",
             m.folder);
  m.component = c->component_count ? c->component_count - 1 : 0;
  if (!check_folder(L, &m)) {
    free_module(&m);
    return 0;
  }
  c->modules = xrealloc(c->modules, (c->module_count + 1) * sizeof m);
  c->modules[c->module_count++] = m;
  return 0;
}

/* ---- running the file ----------------------------------------------- */

/* Lua's messages start with "chunkname:line:"; split that off so the
 * diagnostic carries the line itself. */
/* Lua's messages start with "course.lua:LINE:" (the chunk's name);
 * split that off so the diagnostic carries the line itself. Errors
 * without a position (out of memory, error({})) get the line that ran
 * last. */
static void report_lua_error(loader *ld, const char *message)
{
  static const char chunk[] = "course.lua:";
  size_t n = sizeof chunk - 1;
  int line = ld->line;

  if (strncmp(message, chunk, n) == 0 &&
      isdigit((unsigned char)message[n])) {
    line = (int)strtol(message + n, (char **)&message, 10);
    if (*message == ':')
      message++;
    while (*message == ' ')
      message++;
  }
  if (strcmp(message, "not enough memory") == 0)
    message = "out of memory: course.lua may use 16 MiB";
  diag_error(ld->diags, ld->course->lua_path, line, 0, "%s", message);
}

/* The message handler of the protected call: note where an error was
 * raised, for error values that carry no position. */
static int note_error_line(lua_State *L)
{
  loader *ld;
  lua_Debug ar;

  lua_getallocf(L, (void **)&ld);
  for (int level = 1; lua_getstack(L, level, &ar); level++)
    if (lua_getinfo(L, "l", &ar) && ar.currentline > 0) {
      ld->line = ar.currentline;
      break;
    }
  return 1;
}

static void register_api(lua_State *L, loader *ld)
{
  static const luaL_Reg api[] = {
    {"course", l_course}, {"component", l_component},
    {"module", l_module}, {NULL, NULL}};

  lua_pushglobaltable(L);
  lua_pushlightuserdata(L, ld);
  luaL_setfuncs(L, api, 1);
  lua_pop(L, 1);
}

static int run_course_lua(loader *ld, const char *source, size_t len)
{
  lua_State *L = lua_newstate(limited_alloc, ld);
  int rc;

  if (!L) {
    diag_error(ld->diags, ld->course->lua_path, 0, 0, "out of memory");
    return -1;
  }
  open_sandbox(L);
  register_api(L, ld);
  lua_sethook(L, count_hook, LUA_MASKCOUNT, HOOK_EVERY);
  ld->started = clock();

  /* A byte order mark is no Lua; editors on Windows like to add one. */
  if (len >= 3 && memcmp(source, "\xEF\xBB\xBF", 3) == 0) {
    source += 3;
    len -= 3;
  }
  lua_pushcfunction(L, note_error_line);
  rc = luaL_loadbufferx(L, source, len, "=course.lua", "t");
  if (rc == LUA_OK)
    rc = lua_pcall(L, 0, 0, -2);
  if (rc != LUA_OK)
    report_lua_error(ld, lua_type(L, -1) == LUA_TSTRING
                           ? lua_tostring(L, -1)
                           : "an error was raised with a value that is "
                             "not a message");
  lua_close(L);
  return rc == LUA_OK ? 0 : -1;
}

static void set_defaults(course_t *c)
{
  c->defaults.pass_mark = 80;
  c->defaults.max_attempts = 0;
  c->defaults.keep_best = true;
  c->defaults.minutes = 30;
  c->show_correct = true;
  c->feedback = FEEDBACK_AFTER_SUBMIT;
}

int course_load(course_t **out, const char *dir, diag_list *diags)
{
  course_t *c = xcalloc(1, sizeof *c);
  loader ld = {.course = c, .diags = diags};
  size_t errors = diags->errors;
  char *source = NULL;
  size_t len = 0;

  *out = NULL;
  c->dir = xstrdup(dir);
  c->lua_path = path_join(dir, "course.lua");
  set_defaults(c);

  if (read_file(c->lua_path, 1u << 20, &source, &len) != 0) {
    diag_error(diags, c->lua_path, 0, 0, "cannot read the file: %s",
               read_file_error());
    course_free(c);
    return -1;
  }
  ld.source = source;
  if (run_course_lua(&ld, source, len) == 0 && !ld.have_course)
    diag_error(diags, c->lua_path, 0, 0,
               "no course { ... } call: see examples/FORMAT.md");
  if (ld.have_course && c->module_count == 0 && diags->errors == errors)
    diag_error(diags, c->lua_path, 0, 0, "the course has no modules");
  free(source);

  if (diags->errors > errors) {
    course_free(c);
    return -1;
  }
  *out = c;
  return 0;
}

void course_free(course_t *c)
{
  if (!c)
    return;
  for (size_t i = 0; i < c->module_count; i++)
    free_module(&c->modules[i]);
  for (size_t i = 0; i < c->component_count; i++)
    free(c->components[i].title);
  free(c->modules);
  free(c->components);
  free(c->dir);
  free(c->lua_path);
  free(c->id);
  free(c->title);
  free(c->description);
  free(c->language);
  free(c->version);
  free(c->intro);
  free(c->closing);
  free(c->glossary);
  free(c);
}
