// content-stats.test.mjs - the real course meets the content issue's bar
// SPDX-License-Identifier: MIT
//
// Counts come from `scormc stats --json` (the parser), never from
// regular expressions over the sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const scormc = process.env.SCORMC || 'build/scormc';
const MIN = { words: 2500, scenarios: 1, checks: 3, questions: 10, types: 3 };

function stats() {
  return JSON.parse(execFileSync(scormc, ['stats', 'modules', '--json'],
                                 { encoding: 'utf8' }));
}

test('every module listed in modules/course.lua meets the minimums', (t) => {
  if (!existsSync(scormc)) return t.skip(`${scormc} not built`);
  const s = stats();
  assert.ok(s.modules.length >= 1, 'the course lists no module');
  for (const m of s.modules) {
    const where = `${m.folder}: `;
    assert.ok(m.words >= MIN.words, `${where}${m.words} words < ${MIN.words}`);
    assert.ok(m.scenarios >= MIN.scenarios, `${where}no scenario`);
    assert.ok(m.checks >= MIN.checks, `${where}${m.checks} checks < 3`);
    assert.ok(m.questions >= MIN.questions,
              `${where}${m.questions} questions < 10`);
    const types = Object.keys(m.question_types).length;
    assert.ok(types >= MIN.types, `${where}${types} question types < 3`);
    assert.ok(m.footnotes >= 1, `${where}no footnote with a source`);
  }
});

test('every glossary term is linked from a content page', (t) => {
  if (!existsSync(scormc)) return t.skip(`${scormc} not built`);
  assert.equal(stats().glossary_unlinked, 0);
});

test('the whole course: 16 modules and 150 glossary terms', (t) => {
  if (!existsSync(scormc)) return t.skip(`${scormc} not built`);
  const s = stats();
  if (s.modules.length < 16)
    return t.skip(`only ${s.modules.length} of 16 modules written so far`);
  assert.ok(s.glossary_terms >= 150, `${s.glossary_terms} terms < 150`);
});

test('the real course lints without a warning (feedback on every answer)',
  (t) => {
    if (!existsSync(scormc)) return t.skip(`${scormc} not built`);
    // execFileSync throws on a non-zero exit, with the diagnostics.
    execFileSync(scormc, ['lint', 'modules', '--werror'],
                 { encoding: 'utf8', stdio: 'pipe' });
  });
