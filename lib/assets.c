/*
 * assets.c - look up files embedded at build time
 * SPDX-License-Identifier: MIT
 */
#include "assets.h"

#include <string.h>

const scormc_asset *assets_find(const scormc_asset *table, const char *name)
{
  for (const scormc_asset *a = table; a->name; a++)
    if (strcmp(a->name, name) == 0)
      return a;
  return NULL;
}
