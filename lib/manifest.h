/*
 * manifest.h - build imsmanifest.xml for one package
 * SPDX-License-Identifier: MIT
 *
 * The manifest is built with libxml2's tree API (never by pasting
 * strings) for SCORM 1.2, 2004 3rd or 2004 4th Edition and one of the
 * three layouts. Identifiers derive only from the course id and the
 * module folder names, so an LMS keeps learners' tracking data across
 * rebuilds and when modules are inserted.
 */
#ifndef SCORMC_MANIFEST_H
#define SCORMC_MANIFEST_H

#include <libxml/tree.h>

#include "content.h"
#include "course.h"

typedef struct {
  const course_t *course;
  const content_t *content;
  course_edition edition;
  course_layout layout;
  long module;                /* split: the module's index; else -1 */
  const char *const *runtime_files;   /* shared files, package paths */
  size_t runtime_count;
} manifest_spec;

/* Build the manifest; the caller frees it with xmlFreeDoc. */
xmlDocPtr manifest_build(const manifest_spec *spec);

/* The launch page of module 'index' in the per-module layout:
 * "<folder>.html". Caller frees. */
char *manifest_module_launch(const course_t *course, size_t index);

/* The item identifier of a module: "M" and a hash of the course id and
 * folder. Short, because SCORM 1.2 caps a prerequisites expression,
 * which names every module, at 200 characters. Caller frees. */
char *manifest_item_id(const char *course_id, const char *folder);

#endif
