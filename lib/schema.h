/*
 * schema.h - validate manifests against the embedded official schemas
 * SPDX-License-Identifier: MIT
 *
 * The official SCORM XSDs are compiled into the binary (assets.h). An
 * entity loader serves them from memory and refuses every other URL,
 * so validation never touches the network or the file system.
 */
#ifndef SCORMC_SCHEMA_H
#define SCORMC_SCHEMA_H

#include <libxml/tree.h>

#include "course.h"
#include "diag.h"

/* Validate 'doc' against the driver schema of 'edition'. Each schema
 * error becomes a diagnostic on 'file' with the manifest's line.
 * Returns 0 when valid, -1 otherwise. */
int schema_validate(xmlDocPtr doc, course_edition edition,
                    const char *file, diag_list *diags);

/* The embedded folder of an edition's official files, for example
 * "scorm12edition". */
const char *schema_folder(course_edition edition);

/* Call before any other libxml2 use in a process that reads untrusted
 * XML: installs the memory-only entity loader. Idempotent. */
void schema_install_loader(void);

#endif
