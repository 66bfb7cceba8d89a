// scorer-vectors.test.mjs - the scorer's test vectors as WebAssembly
// under node, through the runtime's own glue (lib/runtime/scorer.js)
// SPDX-License-Identifier: MIT
//
// The native build dumps each vector with its question table and its
// native credit (build/tests/test_scorer --dump-vectors); here the wasm
// build must give the hand-worked credit, bit for bit the native one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync }
  from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)),
  '../..');
const build = process.env.SCORMC
  ? path.resolve(root, path.dirname(process.env.SCORMC))
  : path.join(root, process.env.B || 'build');
const helper = path.join(build, 'tests', 'test_scorer');
const wasmPath = path.join(build, 'runtime', 'scorer.wasm');
const gluePath = path.join(root, 'lib', 'runtime', 'scorer.js');

// Build what is missing, as 'make check' would have.
if (!existsSync(helper) || !existsSync(wasmPath)) {
  execFileSync('make', ['-s', '-C', root,
    path.relative(root, helper), path.relative(root, wasmPath)],
  { stdio: 'inherit' });
}

const ScormcScorer = createRequire(import.meta.url)(gluePath);
const wasm = new Uint8Array(readFileSync(wasmPath));

function hexBytes(hex) {
  return Uint8Array.from(hex.match(/../g) || [], (h) => parseInt(h, 16));
}

function expected(text) {
  const [a, b] = text.split('/');
  return b === undefined ? Number(a) : Number(a) / Number(b);
}

function tableOf(gift) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scormc-scorer-'));
  try {
    const file = path.join(dir, 'q.gift');
    writeFileSync(file, gift);
    const hex = execFileSync(helper, ['--table', file], { cwd: root })
      .toString().trim();
    return hexBytes(hex);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const vectors = JSON.parse(execFileSync(helper,
  ['--dump-vectors', path.join(root, 'tests', 'vectors')],
  { cwd: root, maxBuffer: 64 << 20 }).toString());

test('at least 200 vectors over every question type', () => {
  assert.ok(vectors.length >= 200, `only ${vectors.length} vectors`);
  const files = new Set(vectors.map((v) => path.basename(v.file)));
  for (const f of ['single.vec', 'multi.vec', 'truefalse.vec', 'short.vec',
    'numerical.vec', 'matching.vec', 'essay.vec'])
    assert.ok(files.has(f), `no vectors from ${f}`);
});

test('every vector gives its credit in WebAssembly, as natively',
  async () => {
    const scorer = await ScormcScorer.create(wasm);
    const failures = [];
    for (const v of vectors) {
      const got = scorer.score(hexBytes(v.table), [v.response]).credits[0];
      const want = expected(v.credit);
      if (Math.abs(got - want) > 1e-9 || got !== v.native) {
        failures.push(`${path.relative(root, v.file)}:${v.line}: ${v.name}:` +
          ` ${JSON.stringify(v.response)}: expected ${v.credit},` +
          ` wasm ${got}, native ${v.native}`);
      }
    }
    assert.deepEqual(failures, []);
  });

test('totals: points earned over points available, essays not counted',
  async () => {
    const scorer = await ScormcScorer.create(wasm);
    const table = tableOf('A {=a ~b}\n\nB {T}\n\nC {~%50%x ~%50%y}\n\n' +
      'D {}\n\nSome text.\n\nF {#5:1}\n\nG {=one -> 1 =two -> 2}\n');
    assert.equal(scorer.count(table), 7);
    const r = scorer.score(table,
      ['a', false, ['x'], 'an essay', undefined, 4, { one: '1' }]);
    assert.deepEqual(r.credits, [1, 0, 0.5, 0, 0, 1, 0.5]);
    assert.deepEqual(r.points, [1, 1, 1, 0, 0, 1, 1]);
    assert.equal(r.earned, 3);
    assert.equal(r.max, 5);
    assert.equal(r.percent, 60);
    const none = scorer.score(table, []);
    assert.equal(none.earned, 0);
    assert.equal(none.percent, 0);
  });

test('questions not asked leave the maximum', async () => {
  const scorer = await ScormcScorer.create(wasm);
  const table = tableOf('A {=a ~b}\n\nB {T}\n\nC {=c ~d}\n');
  const r = scorer.score(table, ['a', undefined, 'd'], [0, 2]);
  assert.deepEqual(r.credits, [1, 0, 0]);
  assert.equal(r.earned, 1);
  assert.equal(r.max, 2);
  assert.equal(r.percent, 50);
});

test('a bad table or too many responses throw', async () => {
  const scorer = await ScormcScorer.create(wasm);
  const table = tableOf('A {T}\n');
  assert.throws(() => scorer.score(table.slice(0, -1), [true]),
    /malformed question table/);
  assert.throws(() => scorer.score(table, [true, true]),
    /malformed responses/);
  const future = table.slice();
  future[4] = 99;
  assert.throws(() => scorer.score(future, [true]), /version/);
});

test('memory grows for a large table and is reused after', async () => {
  const scorer = await ScormcScorer.create(wasm);
  const right = 'right '.repeat(20);
  let gift = '';
  for (let i = 0; i < 3000; i++)
    gift += `Question ${i}? {=${right} ~wrong ${i}}\n\n`;
  const big = tableOf(gift);
  assert.ok(big.length > 256 * 1024, `table of ${big.length} bytes`);
  const answers = Array.from({ length: 3000 }, (_, i) =>
    i % 2 ? right : 'wrong ' + i);
  const r = scorer.score(big, answers);
  assert.equal(r.earned, 1500);
  assert.equal(r.percent, 50);
  const small = tableOf('A {T}\n');
  assert.equal(scorer.score(small, [true]).percent, 100);
});

test('loads as a classic script and defines window.ScormcScorer',
  async () => {
    const window = {};
    vm.runInNewContext(readFileSync(gluePath, 'utf8'),
      { window, WebAssembly, TextEncoder, Uint8Array, DataView });
    assert.equal(typeof window.ScormcScorer.create, 'function');
    const scorer = await window.ScormcScorer.create(wasm);
    assert.equal(scorer.score(tableOf('A {F}\n'), [false]).percent, 100);
  });

test('the wasm exports only the scorer API and memory', async () => {
  const { instance } = await WebAssembly.instantiate(wasm, {});
  assert.deepEqual(Object.keys(instance.exports).sort(), [
    'memory', 'scorer_count', 'scorer_heap_base', 'scorer_points',
    'scorer_score', 'scorer_text_match', 'scorer_type']);
});
