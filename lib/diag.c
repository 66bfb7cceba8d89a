/*
 * diag.c - diagnostics that point at a course source
 * SPDX-License-Identifier: MIT
 */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void diag_init(diag_list *list)
{
  memset(list, 0, sizeof *list);
}

void diag_free(diag_list *list)
{
  for (size_t i = 0; i < list->count; i++) {
    free(list->items[i].file);
    free(list->items[i].message);
  }
  free(list->items);
  diag_init(list);
}

static int diag_grow(diag_list *list)
{
  size_t cap = list->cap ? list->cap * 2 : 16;
  diag *items;

  if (list->count < list->cap)
    return 0;
  items = realloc(list->items, cap * sizeof *items);
  if (!items)
    return -1;
  list->items = items;
  list->cap = cap;
  return 0;
}

void diag_add(diag_list *list, diag_level level, const char *file,
              int line, int column, const char *fmt, ...)
{
  char message[1024];
  va_list ap;
  diag *d;

  if (level == DIAG_ERROR)
    list->errors++;
  else
    list->warnings++;

  va_start(ap, fmt);
  vsnprintf(message, sizeof message, fmt, ap);
  va_end(ap);

  if (diag_grow(list) < 0)
    return;
  d = &list->items[list->count];
  d->level = level;
  d->file = file ? strdup(file) : NULL;
  d->line = line;
  d->column = column;
  d->message = strdup(message);
  if (!d->message || (file && !d->file)) {
    free(d->file);
    free(d->message);
    return;
  }
  list->count++;
}

const char *diag_format(const diag *d, char *buf, size_t size)
{
  const char *kind = d->level == DIAG_ERROR ? "error" : "warning";
  const char *file = d->file ? d->file : "scormc";

  if (d->line > 0 && d->column > 0)
    snprintf(buf, size, "%s:%d:%d: %s: %s", file, d->line, d->column,
             kind, d->message);
  else if (d->line > 0)
    snprintf(buf, size, "%s:%d: %s: %s", file, d->line, kind, d->message);
  else
    snprintf(buf, size, "%s: %s: %s", file, kind, d->message);
  return buf;
}
