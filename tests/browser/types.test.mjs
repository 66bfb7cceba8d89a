// types.test.mjs - every question type, scored and reported, in 1.2 and 2004
// SPDX-License-Identifier: MIT
//
// Issue 3, "Done when": for every question type, in SCORM 1.2 and 2004,
// with scorm-again as the LMS, answering right, partly right and wrong
// gives, on the last allowed attempt, the expected raw score and status,
// and with attempts left no raw score and status incomplete; every
// interaction in the edition's exact format; no call returns an error.
// The course (tests/browser/course-types) checks each question as it is
// answered ('after-question'), so the per-question path is covered too.
// Its second module draws 2 of 4 questions with shuffled answers and a
// time limit: the draw and the order must follow the documented seeds,
// the score must count the drawn questions only, and time running out
// must submit the attempt.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, CHROMIUM, launchBrowser, startLmsServer, Lms } from './helpers/session.mjs';
import { build, openPackages } from './helpers/packages.mjs';
import { callProblems, lastSet, shuffled } from './helpers/checks.mjs';

const SCORMC = path.resolve(process.env.SCORMC || path.join(ROOT, 'build/scormc'));
const COURSE = path.join(ROOT, 'tests/browser/course-types');

const missing = !fs.existsSync(SCORMC) ? `${SCORMC} is missing: run 'make' first` :
  !fs.existsSync(CHROMIUM) ? `${CHROMIUM} is missing (apt-get install chromium)` : null;
if (missing) console.log(`# skipping the browser tests: ${missing}`);

// What to answer, question by question.
const ALL_RIGHT = {
  't-single': ['choose', ['Checkpoint']],
  't-multi': ['choose', ['Airport', 'Land post']],
  't-tf': ['choose', ['true']],
  't-short': ['fill', 'Paris'],
  't-missing': ['choose', ['checkpoint']],
  't-match': ['match', { Airport: 'Passport control', 'Land post': 'Barrier', Port: 'Quay' }],
  't-num': ['fill', '24'],
  't-range': ['fill', '2,5'],
  't-essay': ['fill', 'A place where officers check people.\nIt has opening hours.'],
};
const ALL_WRONG = {
  't-single': ['choose', ['Forest']],
  't-multi': ['choose', ['Forest']],
  't-tf': ['choose', ['false']],
  't-short': ['fill', 'Lyon'],
  't-missing': ['choose', ['river']],
  't-match': ['match', { Airport: 'Quay', 'Land post': 'Passport control', Port: 'Barrier' }],
  't-num': ['fill', '25'],
  't-range': ['fill', '7'],
  't-essay': ['fill', 'No idea'],
};
// Right, partly right and wrong: 1 + .5 + 0 + .5 + 1 + 2/3 + 1 + 0 = 4.667
// of 8 points (the essay is not scored) = 58.3 %, stored as 58.
const MIXED = {
  't-single': ['choose', ['Checkpoint']],
  't-multi': ['choose', ['Airport']],
  't-tf': ['choose', ['false']],
  't-short': ['fill', 'PAREE'],
  't-missing': ['choose', ['checkpoint']],
  't-match': ['match', { Airport: 'Passport control', 'Land post': 'Barrier', Port: 'Passport control' }],
  't-num': ['fill', '24'],
  't-range': ['fill', '7'],
  't-essay': ['fill', 'A place, with [,] odd {marks} in it.'],
};

// The interactions the mixed attempt must report, per edition.
const MIXED_REPORT = {
  '1.2': {
    't-single': ['choice', 'a', ['a'], 'correct'],
    't-multi': ['choice', 'a', ['a,b'], '0.5'],
    't-tf': ['true-false', 'f', ['t'], 'wrong'],
    't-short': ['fill-in', 'PAREE', ['Paris'], '0.5'],
    't-missing': ['choice', 'a', ['a'], 'correct'],
    't-match': ['matching', 'a.a,b.b,c.a', ['a.a,b.b,c.c'], '0.67'],
    't-num': ['numeric', '24', ['24'], 'correct'],
    't-range': ['numeric', '7', ['3'], 'wrong'],
    't-essay': ['fill-in', 'A place, with [,] odd {marks} in it.', [], 'neutral'],
  },
  '2004': {
    't-single': ['choice', 'a', ['a'], 'correct'],
    't-multi': ['choice', 'a', ['a[,]b'], '0.5'],
    't-tf': ['true-false', 'false', ['true'], 'incorrect'],
    't-short': ['fill-in', 'PAREE', ['Paris'], '0.5'],
    't-missing': ['choice', 'a', ['a'], 'correct'],
    't-match': ['matching', 'a[.]a[,]b[.]b[,]c[.]a', ['a[.]a[,]b[.]b[,]c[.]c'], '0.67'],
    't-num': ['numeric', '24', ['24[:]24'], 'correct'],
    't-range': ['numeric', '7', ['1[:]5'], 'incorrect'],
    't-essay': ['long-fill-in', 'A place, with odd {marks} in it.', [], 'neutral'],
  },
};

// The interactions in the calls, by question id: [type, response, patterns, result].
function interactions(calls, api) {
  const byIndex = {};
  for (const c of calls) {
    const m = /^cmi\.interactions\.(\d+)\.(.*)$/.exec(c.args[0] || '');
    if (!m || !/SetValue$/.test(c.fn)) continue;
    const it = byIndex[m[1]] || (byIndex[m[1]] = { patterns: [] });
    if (m[2] === 'correct_responses.0.pattern' || /^correct_responses\.\d+\.pattern$/.test(m[2])) it.patterns.push(c.args[1]);
    else it[m[2]] = c.args[1];
  }
  const out = {};
  for (const it of Object.values(byIndex)) {
    const qid = /-a\d+-\d+-(.*)$/.exec(it.id)[1];
    out[`${/-a(\d+)-/.exec(it.id)[1]}:${qid}`] = [it.type,
      api === '1.2' ? it.student_response : it.learner_response, it.patterns, it.result, it];
  }
  return out;
}

describe('every question type under scorm-again', { skip: missing || false, concurrency: 1 }, () => {
  let browser, server, work;
  const url = {};

  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'scormc-types-'));
    server = await startLmsServer();
    browser = await launchBrowser();
    for (const edition of ['1.2', '2004-4']) {
      const out = path.join(work, `out-${edition}`);
      build(SCORMC, COURSE, out, edition, 'per-module');
      const [p] = openPackages(out, path.join(work, `pkg-${edition}`));
      server.mount(`/pkg/${edition}/`, p.dir);
      for (const s of p.scos) url[`${edition} ${s.scope}`] = `${server.url}/pkg/${edition}/${s.href}`;
    }
  });

  after(async () => {
    if (browser) await browser.close();
    if (server) await server.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  // Answer and check every question of the attempt on screen, then submit.
  async function attempt(lms, plan) {
    const f = lms.frame;
    while (!(await f.locator('[data-action="start"], [data-action="retake"]').count())) {
      await lms.button('next').click();
    }
    await f.locator('[data-action="start"], [data-action="retake"]').click();
    for (const [qid, [how, what]] of Object.entries(plan)) {
      const fs_ = f.locator(`fieldset[data-qid="${qid}"]`);
      if (how === 'choose') {
        for (const v of what) await fs_.locator(`input[data-value="${v}"]`).check();
      } else if (how === 'fill') {
        await fs_.locator('input[type="text"], textarea').fill(what);
      } else {
        for (const [left, right] of Object.entries(what)) {
          await fs_.locator(`select[data-left="${left}"]`).selectOption({ label: right });
        }
      }
      await fs_.locator('[data-action="check-question"]').click();
      await fs_.locator('.scormc-feedback .scormc-verdict').waitFor();
      // Focus moves to the feedback, the question locks.
      assert.equal(await lms.inFrame((id) => document.activeElement.closest('fieldset')
        .getAttribute('data-qid') === id && document.activeElement.className, qid), 'scormc-feedback');
      assert.equal(await fs_.locator('input:not([disabled]), select:not([disabled]), textarea:not([disabled])').count(), 0);
    }
    await lms.button('submit').click();
    await f.locator('.scormc-result').waitFor();
    return (await f.locator('.scormc-result').textContent()).replace(/\s+/g, ' ');
  }

  for (const edition of ['1.2', '2004-4']) {
    const api = edition === '1.2' ? '1.2' : '2004';
    const raw = api === '1.2' ? 'cmi.core.score.raw' : 'cmi.score.raw';

    test(`${edition}: wrong, then right, partly right and wrong on the last attempt`, async () => {
      const lms = await Lms.open(browser, server);
      try {
        await lms.launch({ edition: api, url: url[`${edition} 01-types`] });
        let result = await attempt(lms, ALL_WRONG);
        assert.match(result, /You scored 0 %/);
        assert.match(result, /Attempts left: 1/);
        const first = await lms.close();
        assert.deepEqual(callProblems(first.calls, api), []);
        assert.equal(lastSet(first.calls, raw), undefined);
        if (api === '1.2') assert.equal(first.cmi.cmi.core.lesson_status, 'incomplete');
        else assert.deepEqual([first.cmi.cmi.completion_status, first.cmi.cmi.success_status], ['incomplete', 'unknown']);

        await lms.launch({ edition: api, url: url[`${edition} 01-types`], cmi: first.cmi, entry: 'resume' });
        result = await attempt(lms, MIXED);
        assert.match(result, /You scored 58 %/);
        assert.match(result, /No attempts left/);
        const last = await lms.close();
        assert.deepEqual(callProblems(last.calls, api), []);
        if (api === '1.2') {
          assert.deepEqual([last.cmi.cmi.core.lesson_status, last.cmi.cmi.core.score.raw,
            last.cmi.cmi.core.score.min, last.cmi.cmi.core.score.max], ['failed', '58', '0', '100']);
        } else {
          const c = last.cmi.cmi;
          assert.deepEqual([c.completion_status, c.success_status, c.score.raw, c.score.min, c.score.max, c.score.scaled],
            ['completed', 'failed', '58', '0', '100', '0.58']);
        }
        const got = interactions(last.calls, api);
        for (const [qid, want] of Object.entries(MIXED_REPORT[api])) {
          const it = got[`2:${qid}`];
          assert.ok(it, `an interaction for ${qid}`);
          assert.deepEqual(it.slice(0, 4), want, qid);
          assert.equal(it[4].weighting, qid === 't-essay' ? '0' : '1');
          if (api === '2004') assert.ok(it[4].description && it[4].description.length <= 250 + 10);
        }
        assert.equal(Object.keys(got).filter((k) => k.startsWith('2:')).length, 9,
          'one interaction per question, none for the description');
      } finally {
        await lms.page.close();
      }
    });

    test(`${edition}: every type right: passed, raw 100`, async () => {
      const lms = await Lms.open(browser, server);
      try {
        await lms.launch({ edition: api, url: url[`${edition} 01-types`] });
        const result = await attempt(lms, ALL_RIGHT);
        assert.match(result, /You scored 100 %/);
        const snap = await lms.close();
        assert.deepEqual(callProblems(snap.calls, api), []);
        assert.equal(lastSet(snap.calls, raw), '100');
        const results = Object.values(interactions(snap.calls, api)).map((i) => i[3]);
        assert.deepEqual(results.sort(), [...Array(8).fill('correct'), 'neutral']);
      } finally {
        await lms.page.close();
      }
    });
  }

  async function startPool(lms) {
    while (!(await lms.frame.locator('[data-action="start"], [data-action="retake"]').count())) {
      await lms.button('next').click();
    }
    await lms.frame.locator('[data-action="start"], [data-action="retake"]').click();
    return lms.inFrame(() => [...document.querySelectorAll('.scormc-assessment fieldset')].map((f) => ({
      qid: f.getAttribute('data-qid'),
      options: [...f.querySelectorAll('input')].map((i) => i.getAttribute('data-value')),
    })));
  }

  test('1.2: draw 2 of 4 with seeded order; the score counts the drawn questions', async () => {
    const lms = await Lms.open(browser, server);
    try {
      await lms.launch({ edition: '1.2', url: url['1.2 02-pool'] });
      const shown = await startPool(lms);
      const seed = 'scormc-browser-types|02-pool|1';
      const drawn = shuffled([0, 1, 2, 3], `${seed}|draw`).slice(0, 2).sort((a, b) => a - b);
      assert.deepEqual(shown.map((q) => q.qid), drawn.map((i) => `p-${i + 1}`));
      const words = ['One', 'Two', 'Three', 'Four'];
      shown.forEach((q, k) => {
        const w = words[drawn[k]];
        const texts = [`${w} right`, `${w} wrong a`, `${w} wrong b`, `${w} wrong c`];
        assert.deepEqual(q.options, shuffled([0, 1, 2, 3], `${seed}|${drawn[k]}`).map((i) => texts[i]));
      });
      for (const q of shown) {
        await lms.frame.locator(`fieldset[data-qid="${q.qid}"] input[data-value$=" right"]`).check();
      }
      await lms.button('submit').click();
      await lms.frame.locator('.scormc-result').waitFor();
      assert.match(await lms.frame.locator('.scormc-result').textContent(), /You scored 100 %/);
      const snap = await lms.close();
      assert.deepEqual(callProblems(snap.calls, '1.2'), []);
      assert.equal(snap.cmi.cmi.core.lesson_status, 'passed');
      assert.equal(snap.cmi.cmi.core.score.raw, '100');
      assert.equal(Object.keys(interactions(snap.calls, '1.2')).length, 2);
    } finally {
      await lms.page.close();
    }
  });

  test('2004-4: the time limit submits the attempt when it runs out', async () => {
    const lms = await Lms.open(browser, server);
    try {
      await lms.page.clock.install();
      await lms.launch({ edition: '2004', url: url['2004-4 02-pool'] });
      const shown = await startPool(lms);
      assert.match(await lms.frame.locator('.scormc-timer').textContent(), /Time left: 1:00/);
      await lms.frame.locator(`fieldset[data-qid="${shown[0].qid}"] input[data-value$=" right"]`).check();
      await lms.page.clock.fastForward('01:02');
      await lms.frame.locator('.scormc-result').waitFor();
      const result = (await lms.frame.locator('.scormc-result').textContent()).replace(/\s+/g, ' ');
      assert.match(result, /Time is up/);
      assert.match(result, /You scored 50 %/);
      assert.match(result, /Attempts left: 2/);
      const snap = await lms.close();
      assert.deepEqual(callProblems(snap.calls, '2004'), []);
      assert.deepEqual([snap.cmi.cmi.completion_status, snap.cmi.cmi.success_status, snap.cmi.cmi.score.raw],
        ['incomplete', 'unknown', '']);
      assert.deepEqual(Object.values(interactions(snap.calls, '2004')).map((i) => i[3]), ['correct', 'incorrect']);
    } finally {
      await lms.page.close();
    }
  });
});
