/*
 * build.h - turn a loaded course into SCORM packages
 * SPDX-License-Identifier: MIT
 *
 * build_course writes every package of one edition and layout into an
 * output folder, all or nothing: each zip goes to a temporary file and
 * is renamed only when every package of the build has been written.
 */
#ifndef SCORMC_BUILD_H
#define SCORMC_BUILD_H

#include <stddef.h>

#include "content.h"
#include "course.h"
#include "diag.h"

/* SCORM 1.2 lets an LMS cap suspend_data at 4096 characters. */
#define BUILD_SUSPEND_LIMIT_12 4096

/* A package is built in memory; this caps its uncompressed size. */
#define BUILD_MAX_PACKAGE_BYTES (512u << 20)

typedef struct {
  course_edition edition;
  course_layout layout;
  const char *out_dir;
} build_options;

typedef struct {
  char **paths;          /* the packages written */
  size_t count;
} build_result;

/* Build the packages. Returns 0 and fills 'result', or -1 with errors
 * in 'diags' and no package written; the packages this build would
 * have replaced are removed too, so no stale package is left behind
 * that no longer matches the sources. */
int build_course(const course_t *course, const content_t *content,
                 const build_options *options, build_result *result,
                 diag_list *diags);
void build_result_free(build_result *result);

/* Remove the packages a build of 'course' with 'options' would write:
 * for when the sources fail to load after course.lua did. */
void build_remove_outputs(const course_t *course,
                          const build_options *options);

/* The longest suspend_data the runtime can write for 'module' (or the
 * whole course when module < 0), in characters. */
size_t build_suspend_worst_case(const content_t *content, long module,
                                const course_t *course);

#endif
