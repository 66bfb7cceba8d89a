/*
 * coursejs.h - the course as data for the in-package runtime
 * SPDX-License-Identifier: MIT
 *
 * scormc/course.js sets window.SCORMC_COURSE to the pages, questions
 * and settings the runtime needs (the contract is in
 * lib/runtime/README.md). Questions are shown from this JSON and scored
 * from their compact table (qtable.h) by the WebAssembly scorer.
 */
#ifndef SCORMC_COURSEJS_H
#define SCORMC_COURSEJS_H

#include <stddef.h>

#include "content.h"
#include "course.h"
#include "diag.h"

/* The course.js text for one package; 'module' >= 0 limits it to that
 * module (the split layout). Caller frees. */
char *coursejs_build(const course_t *course, const content_t *content,
                     course_edition edition, course_layout layout,
                     long module, diag_list *diags);

/* "window.SCORMC_WASM = \"<base64>\";\n". Caller frees. */
char *coursejs_wasm_script(const unsigned char *wasm, size_t size);

/* Standard base64 with padding. Caller frees. */
char *base64_encode(const unsigned char *data, size_t size);

#endif
