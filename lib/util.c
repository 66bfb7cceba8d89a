/*
 * util.c - small helpers every part of the library uses
 * SPDX-License-Identifier: MIT
 */
#define _XOPEN_SOURCE 700   /* realpath */
#include "util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char read_error[256];

static void *check(void *p)
{
  if (!p)
    abort();
  return p;
}

void *xmalloc(size_t size)
{
  return check(malloc(size ? size : 1));
}

void *xcalloc(size_t count, size_t size)
{
  return check(calloc(count ? count : 1, size ? size : 1));
}

void *xrealloc(void *ptr, size_t size)
{
  return check(realloc(ptr, size ? size : 1));
}

char *xstrdup(const char *s)
{
  return check(strdup(s));
}

char *xstrndup(const char *s, size_t n)
{
  return check(strndup(s, n));
}

char *xasprintf(const char *fmt, ...)
{
  strbuf sb;
  va_list ap;
  int n;

  sb_init(&sb);
  va_start(ap, fmt);
  n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  sb.data = xmalloc((size_t)n + 1);
  va_start(ap, fmt);
  vsnprintf(sb.data, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return sb.data;
}

char *path_join(const char *dir, const char *name)
{
  if (!*dir || strcmp(dir, ".") == 0)
    return xstrdup(name);
  if (dir[strlen(dir) - 1] == '/')
    return xasprintf("%s%s", dir, name);
  return xasprintf("%s/%s", dir, name);
}

int read_file(const char *path, size_t max, char **out, size_t *len)
{
  FILE *f = fopen(path, "rb");
  strbuf sb;
  char chunk[8192];
  size_t n;

  *out = NULL;
  if (!f) {
    snprintf(read_error, sizeof read_error, "%s", strerror(errno));
    return -1;
  }
  sb_init(&sb);
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
    if (sb.len + n > max) {
      snprintf(read_error, sizeof read_error,
               "larger than %zu bytes", max);
      fclose(f);
      sb_free(&sb);
      return -1;
    }
    sb_add(&sb, chunk, n);
  }
  if (ferror(f)) {
    snprintf(read_error, sizeof read_error, "%s", strerror(errno));
    fclose(f);
    sb_free(&sb);
    return -1;
  }
  fclose(f);
  sb_add(&sb, "", 0);
  *len = sb.len;
  *out = sb_take(&sb);
  return 0;
}

const char *read_file_error(void)
{
  return read_error;
}

/* Length of the UTF-8 sequence at 'p' (at most 'left' bytes), or 0
 * when it is malformed, overlong, a surrogate or above U+10FFFF. */
static size_t utf8_length(const unsigned char *p, size_t left)
{
  size_t n = *p < 0x80 ? 1 : *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3
                                          : *p >= 0xC2 ? 2 : 0;
  unsigned cp;

  if (n == 0 || n > left || *p > 0xF4)
    return 0;
  cp = n == 1 ? *p : *p & (0x3Fu >> (n - 1));
  for (size_t i = 1; i < n; i++) {
    if ((p[i] & 0xC0) != 0x80)
      return 0;
    cp = (cp << 6) | (p[i] & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
      (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
    return 0;
  return n;
}

long text_check(const char *text, size_t len)
{
  const unsigned char *p = (const unsigned char *)text;
  size_t i = 0;

  while (i < len) {
    size_t n = utf8_length(p + i, len - i);
    if (n == 0 || (p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' &&
                   p[i] != '\r') || p[i] == 0x7F)
      return (long)i;
    i += n;
  }
  return -1;
}

int line_of(const char *text, size_t offset)
{
  int line = 1;

  for (size_t i = 0; i < offset && text[i]; i++)
    line += text[i] == '\n';
  return line;
}

bool safe_relative_path(const char *path)
{
  const char *seg = path;

  if (!*path)
    return false;
  for (const char *p = path;; p++) {
    if (*p == '/' || *p == '\0') {
      size_t n = (size_t)(p - seg);
      if (n == 0 || *seg == '.')
        return false;
      if (*p == '\0')
        return true;
      seg = p + 1;
      continue;
    }
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
          (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' ||
          *p == '.'))
      return false;
  }
}

bool path_inside(const char *dir, const char *path)
{
  char *real_dir = realpath(dir, NULL);
  char *real_path = realpath(path, NULL);
  size_t n = real_dir ? strlen(real_dir) : 0;
  bool inside = real_dir && real_path &&
                strncmp(real_dir, real_path, n) == 0 &&
                (real_path[n] == '/' || real_path[n] == '\0');

  free(real_dir);
  free(real_path);
  return inside;
}

void sort_array(void *base, size_t count, size_t size,
                int (*compare)(const void *, const void *))
{
  if (count > 1)
    qsort(base, count, size, compare);
}

bool file_exists(const char *path)
{
  struct stat st;

  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

void sb_init(strbuf *sb)
{
  sb->data = NULL;
  sb->len = sb->cap = 0;
}

void sb_free(strbuf *sb)
{
  free(sb->data);
  sb_init(sb);
}

void sb_add(strbuf *sb, const char *s, size_t n)
{
  if (sb->len + n + 1 > sb->cap) {
    size_t cap = sb->cap ? sb->cap : 64;
    while (cap < sb->len + n + 1)
      cap *= 2;
    sb->data = xrealloc(sb->data, cap);
    sb->cap = cap;
  }
  if (n)
    memcpy(sb->data + sb->len, s, n);
  sb->len += n;
  sb->data[sb->len] = '\0';
}

void sb_puts(strbuf *sb, const char *s)
{
  sb_add(sb, s, strlen(s));
}

void sb_printf(strbuf *sb, const char *fmt, ...)
{
  char *s;
  va_list ap;
  int n;

  va_start(ap, fmt);
  n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  s = xmalloc((size_t)n + 1);
  va_start(ap, fmt);
  vsnprintf(s, (size_t)n + 1, fmt, ap);
  va_end(ap);
  sb_add(sb, s, (size_t)n);
  free(s);
}

void sb_html(strbuf *sb, const char *s)
{
  for (; *s; s++) {
    switch (*s) {
    case '&': sb_puts(sb, "&amp;"); break;
    case '<': sb_puts(sb, "&lt;"); break;
    case '>': sb_puts(sb, "&gt;"); break;
    case '"': sb_puts(sb, "&quot;"); break;
    case '\'': sb_puts(sb, "&#39;"); break;
    default: sb_add(sb, s, 1);
    }
  }
}

char *sb_take(strbuf *sb)
{
  char *s = sb->data ? sb->data : xstrdup("");

  sb_init(sb);
  return s;
}

char *slugify(const char *text)
{
  strbuf sb;
  bool dash = false;

  sb_init(&sb);
  for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
    bool keep = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
                (*p >= 'A' && *p <= 'Z') || *p >= 0x80;
    if (!keep) {
      dash = sb.len > 0;
      continue;
    }
    if (dash)
      sb_add(&sb, "-", 1);
    dash = false;
    char c = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
    sb_add(&sb, &c, 1);
  }
  return sb_take(&sb);
}
