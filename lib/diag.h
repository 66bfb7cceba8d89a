/*
 * diag.h - diagnostics that point at a course source: file, line, column
 * SPDX-License-Identifier: MIT
 *
 * The library never prints. Every check appends to a diag_list; the CLI
 * decides how to show it. Messages are lower-case, one line, no period.
 */
#ifndef SCORMC_DIAG_H
#define SCORMC_DIAG_H

#include <stddef.h>

typedef enum { DIAG_ERROR, DIAG_WARNING } diag_level;

typedef struct {
  diag_level level;
  char *file;    /* path as the user gave it, or NULL */
  int line;      /* 1-based, 0 when unknown */
  int column;    /* 1-based, 0 when unknown */
  char *message;
} diag;

typedef struct {
  diag *items;
  size_t count, cap;
  size_t errors, warnings;
} diag_list;

void diag_init(diag_list *list);
void diag_free(diag_list *list);

/* Append one diagnostic; 'file' is copied. Never fails: on allocation
 * failure the message is dropped but the error count still rises. */
void diag_add(diag_list *list, diag_level level, const char *file,
              int line, int column, const char *fmt, ...)
  __attribute__((format(printf, 6, 7)));

#define diag_error(l, f, ln, col, ...) \
  diag_add((l), DIAG_ERROR, (f), (ln), (col), __VA_ARGS__)
#define diag_warn(l, f, ln, col, ...) \
  diag_add((l), DIAG_WARNING, (f), (ln), (col), __VA_ARGS__)

/* "file:line:col: error: message" into buf; returns buf. */
const char *diag_format(const diag *d, char *buf, size_t size);

#endif
