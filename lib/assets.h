/*
 * assets.h - files embedded into the binary at build time
 * SPDX-License-Identifier: MIT
 *
 * The official SCORM schemas and scormc's own driver schemas
 * (schema_assets), and the in-package runtime with the scorer compiled
 * to WebAssembly (runtime_assets), so an installed scormc needs no
 * source tree.
 */
#ifndef SCORMC_ASSETS_H
#define SCORMC_ASSETS_H

#include <stddef.h>

typedef struct {
  const char *name;           /* e.g. "scorm12edition/imscp_rootv1p1p2.xsd" */
  const unsigned char *data;  /* NUL-terminated for convenience */
  size_t size;                /* without the terminating NUL */
} scormc_asset;

extern const scormc_asset schema_assets[];
extern const size_t schema_assets_count;
extern const scormc_asset runtime_assets[];
extern const size_t runtime_assets_count;

/* The asset called 'name' in 'table', or NULL. */
const scormc_asset *assets_find(const scormc_asset *table, const char *name);

#endif
