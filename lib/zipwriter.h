/*
 * zipwriter.h - write a package zip that is the same on every machine
 * SPDX-License-Identifier: MIT
 *
 * Entries are deflated and written in a stable order (imsmanifest.xml
 * first, then by name), each with the same DOS timestamp, computed in
 * UTC from SOURCE_DATE_EPOCH or a fixed date: libzip's mtime setter
 * goes through local time, so the DOS fields are set directly. The zip
 * goes to a temporary file beside the target; the caller renames it.
 */
#ifndef SCORMC_ZIPWRITER_H
#define SCORMC_ZIPWRITER_H

#include <stddef.h>
#include <time.h>

#include "diag.h"

typedef struct {
  char *name;                 /* path inside the zip, '/' separated */
  unsigned char *data;        /* owned */
  size_t size;
} zip_entry;

typedef struct {
  zip_entry *entries;
  size_t count;
} zip_plan;

/* Add an entry, taking ownership of 'data'. Two entries of one name
 * make zip_write fail. */
void zip_plan_add(zip_plan *plan, const char *name, unsigned char *data,
                  size_t size);
void zip_plan_add_copy(zip_plan *plan, const char *name,
                       const void *data, size_t size);
const zip_entry *zip_plan_find(const zip_plan *plan, const char *name);
void zip_plan_free(zip_plan *plan);

/* The timestamp for every entry: SOURCE_DATE_EPOCH when set, else
 * 2026-01-01 00:00:00 UTC. Returns 0, or -1 when SOURCE_DATE_EPOCH is
 * not a whole number of seconds within DOS dates (1980 to 2107). */
int zip_source_date(time_t *out);

/* Write 'plan' to 'path' (which must not exist yet). Returns 0, or -1
 * with an error in 'diags'; on failure nothing is left at 'path'. */
int zip_write(const zip_plan *plan, const char *path, time_t when,
              diag_list *diags);

#endif
