/*
 * course.h - load course.lua in a sandboxed Lua 5.4 state
 * SPDX-License-Identifier: MIT
 *
 * A course is a folder holding course.lua; see examples/FORMAT.md for
 * what an author writes. course_load runs the file with only safe
 * libraries, a memory cap and an instruction cap, and turns its calls
 * into a course_t that owns all of its strings.
 */
#ifndef SCORMC_COURSE_H
#define SCORMC_COURSE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

typedef enum { FEEDBACK_AFTER_QUESTION, FEEDBACK_AFTER_SUBMIT,
               FEEDBACK_NEVER } course_feedback;
typedef enum { EDITION_12, EDITION_2004_3, EDITION_2004_4 } course_edition;
typedef enum { LAYOUT_SINGLE, LAYOUT_PER_MODULE, LAYOUT_SPLIT } course_layout;

/* What a module may override; the course sets the defaults. */
typedef struct {
  int pass_mark;       /* percent, 0..100 */
  int max_attempts;    /* 0: unlimited */
  bool keep_best;      /* false: the last attempt counts */
  int minutes;         /* typical learning time */
  int draw;            /* questions drawn per attempt, 0: all */
  bool shuffle;        /* shuffle answers */
  int time_limit;      /* minutes, 0: none */
} module_settings;

/* A question worth other than one point: module { points = {...} }. */
typedef struct {
  char *question;      /* its title */
  double points;
} question_points;

typedef struct {
  char *folder;        /* e.g. "01-border-management" */
  char *title;         /* NULL: the first page's heading */
  size_t component;    /* index into course_t.components */
  int line;            /* line of its 'module' call */
  module_settings settings;
  question_points *points;   /* sorted by question title */
  size_t points_count;
} course_module;

typedef struct {
  char *title;
  int line;
} course_component;

typedef struct {
  char *dir;           /* the course folder as given */
  char *lua_path;      /* dir + "/course.lua" */
  char *id, *title, *description, *language, *version;
  char *intro, *closing, *glossary;   /* file names, or NULL */
  course_feedback feedback;
  bool show_correct;
  bool require_feedback;   /* every answer needs feedback */
  course_edition edition;
  course_layout layout;
  module_settings defaults;
  course_component *components;
  size_t component_count;
  course_module *modules;
  size_t module_count;
} course_t;

/* Load 'dir'/course.lua. Returns 0 and sets *out, or -1 with the
 * reasons in 'diags'. Module folders are checked to exist. */
int course_load(course_t **out, const char *dir, diag_list *diags);
void course_free(course_t *course);

/* Parse "1.2", "2004-3", "2004-4" / "single", "per-module", "split";
 * return -1 for anything else. */
int course_parse_edition(const char *text, course_edition *out);
int course_parse_layout(const char *text, course_layout *out);
const char *course_edition_name(course_edition edition);
const char *course_layout_name(course_layout layout);
const char *course_feedback_name(course_feedback feedback);

#endif
