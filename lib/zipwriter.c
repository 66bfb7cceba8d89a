/*
 * zipwriter.c - write a package zip that is the same on every machine
 * SPDX-License-Identifier: MIT
 */
#include "zipwriter.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zip.h>

#include "util.h"

#define DEFAULT_EPOCH 1767225600  /* 2026-01-01 00:00:00 UTC */

void zip_plan_add(zip_plan *plan, const char *name, unsigned char *data,
                  size_t size)
{
  zip_entry *e;

  plan->entries = xrealloc(plan->entries, (plan->count + 1) * sizeof *e);
  e = &plan->entries[plan->count++];
  e->name = xstrdup(name);
  e->data = data;
  e->size = size;
}

void zip_plan_add_copy(zip_plan *plan, const char *name, const void *data,
                       size_t size)
{
  unsigned char *copy = xmalloc(size);

  memcpy(copy, data, size);
  zip_plan_add(plan, name, copy, size);
}

const zip_entry *zip_plan_find(const zip_plan *plan, const char *name)
{
  for (size_t i = 0; i < plan->count; i++)
    if (strcmp(plan->entries[i].name, name) == 0)
      return &plan->entries[i];
  return NULL;
}

void zip_plan_free(zip_plan *plan)
{
  for (size_t i = 0; i < plan->count; i++) {
    free(plan->entries[i].name);
    free(plan->entries[i].data);
  }
  free(plan->entries);
  plan->entries = NULL;
  plan->count = 0;
}

int zip_source_date(time_t *out)
{
  const char *env = getenv("SOURCE_DATE_EPOCH");
  char *end;
  long long v;

  *out = DEFAULT_EPOCH;
  if (!env || !*env)
    return 0;
  errno = 0;
  v = strtoll(env, &end, 10);
  /* DOS dates start in 1980 and end in 2107. */
  if (errno || *end || end == env || v < 315532800LL ||
      v > 4354819199LL)
    return -1;
  *out = (time_t)v;
  return 0;
}

/* DOS time and date fields from UTC, without the time zone. */
static void dos_datetime(time_t when, zip_uint16_t *dtime,
                         zip_uint16_t *ddate)
{
  struct tm tm;

  gmtime_r(&when, &tm);
  *dtime = (zip_uint16_t)((tm.tm_hour << 11) | (tm.tm_min << 5) |
                          (tm.tm_sec / 2));
  *ddate = (zip_uint16_t)(((tm.tm_year - 80) << 9) |
                          ((tm.tm_mon + 1) << 5) | tm.tm_mday);
}

/* imsmanifest.xml first (some LMSs look only at the start), then
 * byte order of names. */
static int compare_entries(const void *a, const void *b)
{
  const char *x = (*(const zip_entry *const *)a)->name;
  const char *y = (*(const zip_entry *const *)b)->name;
  int mx = strcmp(x, "imsmanifest.xml") == 0;
  int my = strcmp(y, "imsmanifest.xml") == 0;

  if (mx != my)
    return my - mx;
  return strcmp(x, y);
}

static int add_entry(zip_t *za, const zip_entry *e, zip_uint16_t dtime,
                     zip_uint16_t ddate)
{
  zip_source_t *src = zip_source_buffer(za, e->data, e->size, 0);
  zip_int64_t index;

  if (!src)
    return -1;
  index = zip_file_add(za, e->name, src, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip_source_free(src);
    return -1;
  }
  if (zip_set_file_compression(za, (zip_uint64_t)index, ZIP_CM_DEFLATE,
                               9) < 0 ||
      zip_file_set_dostime(za, (zip_uint64_t)index, dtime, ddate, 0) < 0 ||
      zip_file_set_external_attributes(za, (zip_uint64_t)index, 0,
                                       ZIP_OPSYS_UNIX,
                                       0100644u << 16) < 0)
    return -1;
  return 0;
}

int zip_write(const zip_plan *plan, const char *path, time_t when,
              diag_list *diags)
{
  const zip_entry **order = xcalloc(plan->count, sizeof *order);
  zip_uint16_t dtime, ddate;
  int err = 0;
  zip_t *za = zip_open(path, ZIP_CREATE | ZIP_EXCL, &err);

  if (!za) {
    zip_error_t ze;
    zip_error_init_with_code(&ze, err);
    diag_error(diags, path, 0, 0, "cannot create the zip: %s",
               zip_error_strerror(&ze));
    zip_error_fini(&ze);
    free(order);
    return -1;
  }

  for (size_t i = 0; i < plan->count; i++)
    order[i] = &plan->entries[i];
  sort_array(order, plan->count, sizeof *order, compare_entries);
  dos_datetime(when, &dtime, &ddate);

  for (size_t i = 0; i < plan->count; i++) {
    if (add_entry(za, order[i], dtime, ddate) < 0) {
      diag_error(diags, path, 0, 0, "cannot add '%s': %s", order[i]->name,
                 zip_strerror(za));
      zip_discard(za);
      unlink(path);
      free(order);
      return -1;
    }
  }
  free(order);
  if (zip_close(za) < 0) {
    diag_error(diags, path, 0, 0, "cannot write the zip: %s",
               zip_strerror(za));
    zip_discard(za);
    unlink(path);
    return -1;
  }
  return 0;
}
