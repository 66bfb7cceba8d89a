// scorer-vectors.test.mjs - the scorer's vectors in Chromium
// SPDX-License-Identifier: MIT
//
// The same hand-worked vectors the native and node tests run, scored
// in the browser by the runtime's own glue (lib/runtime/scorer.js) and
// the WebAssembly build, loaded from a page over http as a package
// loads them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, copyFileSync,
  readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, launchBrowser } from './helpers/session.mjs';
import { startServer } from './helpers/server.mjs';

const build = process.env.SCORMC
  ? path.resolve(ROOT, path.dirname(process.env.SCORMC))
  : path.join(ROOT, 'build');
const helper = path.join(build, 'tests', 'test_scorer');
const wasmPath = path.join(build, 'runtime', 'scorer.wasm');

test('every vector gives its credit in Chromium', async (t) => {
  if (!existsSync(helper) || !existsSync(wasmPath))
    return t.skip(`${helper} or ${wasmPath} not built`);
  const vectors = JSON.parse(execFileSync(helper,
    ['--dump-vectors', path.join(ROOT, 'tests', 'vectors')],
    { cwd: ROOT, maxBuffer: 64 << 20 }).toString());
  assert.ok(vectors.length >= 200, `only ${vectors.length} vectors`);

  const dir = mkdtempSync(path.join(os.tmpdir(), 'scormc-vectors-'));
  copyFileSync(path.join(ROOT, 'lib', 'runtime', 'scorer.js'),
    path.join(dir, 'scorer.js'));
  writeFileSync(path.join(dir, 'scorer-wasm.js'), 'window.SCORMC_WASM = "' +
    readFileSync(wasmPath).toString('base64') + '";\n');
  writeFileSync(path.join(dir, 'index.html'), '<!DOCTYPE html><meta ' +
    'charset="utf-8"><script src="scorer-wasm.js"></script>' +
    '<script src="scorer.js"></script>');
  const server = await startServer({ '/v/': dir });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/v/index.html`);
    const got = await page.evaluate(async (list) => {
      const bytes = Uint8Array.from(atob(window.SCORMC_WASM),
        (c) => c.charCodeAt(0));
      const scorer = await window.ScormcScorer.create(bytes);
      const hex = (h) => Uint8Array.from(h.match(/../g) || [],
        (x) => parseInt(x, 16));
      return list.map((v) => scorer.score(hex(v.table), [v.response])
        .credits[0]);
    }, vectors);
    const failures = [];
    vectors.forEach((v, i) => {
      const [a, b] = v.credit.split('/');
      const want = b === undefined ? Number(a) : Number(a) / Number(b);
      if (Math.abs(got[i] - want) > 1e-9 || got[i] !== v.native)
        failures.push(`${path.relative(ROOT, v.file)}:${v.line}: ${v.name}: ` +
          `${JSON.stringify(v.response)}: expected ${v.credit}, ` +
          `browser ${got[i]}, native ${v.native}`);
    });
    assert.deepEqual(failures, []);
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
