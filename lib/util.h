/*
 * util.h - small helpers every part of the library uses
 * SPDX-License-Identifier: MIT
 *
 * The x* allocators abort on out-of-memory: a course is small, and a
 * build that cannot allocate a few kilobytes cannot report anything
 * useful either. Everything else returns errors.
 */
#ifndef SCORMC_UTIL_H
#define SCORMC_UTIL_H

#include <stdbool.h>
#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...)
  __attribute__((format(printf, 1, 2)));

/* "dir/name", or "name" when dir is "" or ".". Caller frees. */
char *path_join(const char *dir, const char *name);

/* Read a whole file of at most 'max' bytes, NUL-terminated. Returns 0,
 * or -1 with the reason in read_file_error(). */
int read_file(const char *path, size_t max, char **out, size_t *len);
const char *read_file_error(void);

bool file_exists(const char *path);

/* The offset of the first byte of 'text' that is not valid UTF-8 or
 * is a control character other than tab, line feed and carriage
 * return; -1 when the text is clean. Course sources must be clean:
 * XML cannot carry control characters, JSON cannot carry bad UTF-8. */
long text_check(const char *text, size_t len);

/* The line (1-based) of byte 'offset' in 'text'. */
int line_of(const char *text, size_t offset);

/* A path inside a package or course folder: '/'-separated segments of
 * letters, digits, '-', '_' and '.', none of them empty, "." or "..",
 * none starting with '.', so it needs no escaping in a URL, an XML
 * attribute or a zip entry. */
bool safe_relative_path(const char *path);

/* True when 'path' resolves (symbolic links followed) to a place
 * inside 'dir': course sources must not reach outside the course. */
bool path_inside(const char *dir, const char *path);

/* qsort that accepts an empty array with a NULL base (qsort itself
 * may not be passed NULL, even for zero elements). */
void sort_array(void *base, size_t count, size_t size,
                int (*compare)(const void *, const void *));

/* A growable string. */
typedef struct {
  char *data;
  size_t len, cap;
} strbuf;

void sb_init(strbuf *sb);
void sb_free(strbuf *sb);
void sb_add(strbuf *sb, const char *s, size_t n);
void sb_puts(strbuf *sb, const char *s);
void sb_printf(strbuf *sb, const char *fmt, ...)
  __attribute__((format(printf, 2, 3)));
/* Append 's' with & < > " ' escaped for HTML text and attributes. */
void sb_html(strbuf *sb, const char *s);
/* Hand the string over; the buffer is empty afterwards. */
char *sb_take(strbuf *sb);

/* Lower-case ASCII letters and digits, every other run turned into a
 * single '-', no leading or trailing '-'. Bytes of 0x80 and above are
 * kept, so non-Latin terms keep distinct ids. Caller frees. */
char *slugify(const char *text);

#endif
