// runtime.test.mjs - the built packages in a real browser, scorm-again as the LMS
// SPDX-License-Identifier: MIT
//
// For SCORM 1.2, 2004 3rd and 2004 4th Edition, and for each layout
// (single, per-module, split): build tests/browser/course with
// build/scormc, launch the package under scorm-again in Debian's
// chromium, and check what the LMS records (issue 2, "Tests"):
//   - turn pages, close, relaunch with the saved CMI data and entry =
//     resume, and land on the same page;
//   - pass an assessment: passed, raw 100;
//   - fail with attempts left: no raw score, status incomplete, a retake
//     offered on relaunch; fail the last attempt: failed, the expected
//     raw, min 0, max 100;
//   - no API call returns an error, and the SCORM 1.2 formats and limits
//     hold (scorm-again's 1.2 mode does not check them).
// Run: node --test tests/browser/   (SCORMC=path/to/scormc to override)
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, CHROMIUM, launchBrowser, startLmsServer, Lms } from './helpers/session.mjs';
import { build, openPackages } from './helpers/packages.mjs';
import { callProblems, lastSet } from './helpers/checks.mjs';

const SCORMC = path.resolve(process.env.SCORMC || path.join(ROOT, 'build/scormc'));
const COURSE = path.join(ROOT, 'tests/browser/course');
const EDITIONS = ['1.2', '2004-3', '2004-4'];
const LAYOUTS = ['single', 'per-module', 'split'];

const missing = !fs.existsSync(SCORMC) ? `${SCORMC} is missing: run 'make' first` :
  !fs.existsSync(CHROMIUM) ? `${CHROMIUM} is missing (apt-get install chromium)` : null;
if (missing) console.log(`# skipping the browser tests: ${missing}`);

// The data model names of an edition.
function names(edition) {
  return edition === '1.2' ? {
    api: '1.2', location: 'cmi.core.lesson_location', status: 'cmi.core.lesson_status',
    raw: 'cmi.core.score.raw', min: 'cmi.core.score.min', max: 'cmi.core.score.max',
    exit: 'cmi.core.exit', entry: 'cmi.core.entry',
  } : {
    api: '2004', location: 'cmi.location', completion: 'cmi.completion_status',
    success: 'cmi.success_status', raw: 'cmi.score.raw', min: 'cmi.score.min',
    max: 'cmi.score.max', scaled: 'cmi.score.scaled', exit: 'cmi.exit', entry: 'cmi.entry',
  };
}

// A stored CMI value from scorm-again's JSON ('cmi.core.score.raw').
function stored(snap, el) {
  return el.split('.').reduce((o, k) => (o == null ? o : o[k]), snap.cmi);
}

// Status as issue 2 has it, in both editions' words.
function assertStatus(snap, edition, want) {
  const n = names(edition);
  if (edition === '1.2') {
    assert.equal(stored(snap, n.status), want);
  } else {
    const completion = want === 'incomplete' ? 'incomplete' : 'completed';
    const success = want === 'incomplete' ? 'unknown' : want;
    assert.equal(stored(snap, n.completion), completion, 'completion_status');
    assert.equal(stored(snap, n.success), success, 'success_status');
  }
}

function assertScore(snap, edition, raw) {
  const n = names(edition);
  if (raw === null) {
    for (const el of [n.raw, n.min, n.max, n.scaled].filter(Boolean)) {
      assert.equal(lastSet(snap.calls, el), undefined, `${el} must not be written`);
    }
    assert.equal(stored(snap, n.raw), '', 'no raw score');
    return;
  }
  assert.equal(Number(stored(snap, n.raw)), raw, 'raw');
  assert.equal(Number(stored(snap, n.min)), 0, 'min');
  assert.equal(Number(stored(snap, n.max)), 100, 'max');
  if (n.scaled) assert.equal(Number(stored(snap, n.scaled)), raw / 100, 'scaled');
}

function assertClean(snap, edition, lms) {
  assert.deepEqual(callProblems(snap.calls, edition === '1.2' ? '1.2' : '2004'), []);
  assert.deepEqual(lms.pageErrors, []);
}

// Where the saved session says a relaunch starts, as an LMS decides it.
function entryFor(snap, edition) {
  return stored(snap, names(edition).exit) === 'suspend' ? 'resume' : '';
}

describe('built packages under scorm-again', { skip: missing || false, concurrency: 1 }, () => {
  let browser, server, work;
  const pkgs = {};

  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'scormc-browser-'));
    server = await startLmsServer();
    browser = await launchBrowser();
    for (const edition of EDITIONS) {
      for (const layout of LAYOUTS) {
        const out = path.join(work, `out-${edition}-${layout}`);
        build(SCORMC, COURSE, out, edition, layout);
        const found = openPackages(out, path.join(work, `pkg-${edition}-${layout}`));
        const scos = {};
        for (const p of found) {
          const prefix = `/pkg/${edition}-${layout}-${p.name}/`;
          server.mount(prefix, p.dir);
          for (const s of p.scos) scos[s.scope] = { ...s, url: server.url + prefix + s.href, pkg: p };
        }
        pkgs[`${edition} ${layout}`] = { found, scos };
      }
    }
  });

  after(async () => {
    if (browser) await browser.close();
    if (server) await server.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  // The SCO to launch for a module: the whole course in the single layout.
  function sco(edition, layout, scope) {
    const s = pkgs[`${edition} ${layout}`].scos[layout === 'single' ? 'all' : scope];
    assert.ok(s, `no SCO for ${scope} in ${edition} ${layout}`);
    return s;
  }

  // From wherever the SCO opens to page 'p' of module 'id'.
  async function toPage(lms, id, p) {
    const loc = await lms.runtime('location');
    if (loc === 'i') {
      const open = lms.frame.locator(`li[data-module="${id}"] [data-action="module"]`);
      if (await open.count()) await open.click();
      else await lms.button('next').click();          // a module SCO's intro
    }
    for (;;) {
      const label = await lms.frame.locator('#scormc-progress-label').textContent();
      const at = Number(/Page (\d+)/.exec(label)[1]) - 1;
      if (at === p) return;
      await lms.button(at < p ? 'next' : 'prev').click();
    }
  }

  // From wherever the SCO opens to module 'id''s assessment screen.
  async function toAssessment(lms, id) {
    if (await lms.frame.locator('[data-action="start"], [data-action="retake"]').count()) return;
    await toPage(lms, id, 0);
    while (!(await lms.frame.locator('[data-action="start"], [data-action="retake"]').count())) {
      await lms.button('next').click();
    }
  }

  // Answer every question on screen. 'how' maps a question id to 'right'
  // or 'wrong'; the right answers come from the course data itself.
  async function answer(lms, how) {
    const picks = await lms.inFrame((plan) => {
      const c = window.SCORMC_COURSE, out = [];
      const byId = {};
      c.modules.forEach((m) => (m.assessment ? m.assessment.questions : []).forEach((q) => { byId[q.id] = q; }));
      document.querySelectorAll('.scormc-assessment fieldset[data-qid]').forEach((fs) => {
        const q = byId[fs.getAttribute('data-qid')];
        const right = (plan[q.id] || plan['*']) === 'right';
        fs.querySelectorAll('input').forEach((input) => {
          const v = input.getAttribute('data-value');
          let pick;
          if (q.type === 'truefalse') pick = (v === 'true') === (right === q.truth);
          else {
            const a = q.answers.find((x) => x.value === v);
            const best = Math.max(...q.answers.map((x) => x.weight));
            if (q.type === 'multi') pick = right ? a.weight > 0 : a.weight < 0;
            else pick = right ? a.weight === best : a === q.answers.find((x) => x.weight <= 0);
          }
          if (pick) out.push(input.id);
        });
      });
      return out;
    }, how);
    assert.ok(picks.length > 0, 'questions on screen');
    for (const id of picks) await lms.frame.locator(`#${id}`).check();
  }

  async function takeAssessment(lms, id, how) {
    await toAssessment(lms, id);
    const start = lms.frame.locator('[data-action="start"], [data-action="retake"]');
    await start.click();
    await answer(lms, how);
    await lms.button('submit').click();
    await lms.frame.locator('.scormc-result').waitFor();
    return (await lms.frame.locator('.scormc-result').textContent()).replace(/\s+/g, ' ');
  }

  for (const edition of EDITIONS) {
    for (const layout of LAYOUTS) {
      const api = edition === '1.2' ? '1.2' : '2004';

      test(`${edition} ${layout}: turn pages, close, resume on the same page`, async () => {
        const s = sco(edition, layout, '01-alpha');
        const lms = await Lms.open(browser, server);
        try {
          await lms.launch({ edition: api, url: s.url });
          await toPage(lms, '01-alpha', 1);
          assert.equal(await lms.heading().textContent(), 'Alpha middle');
          const first = await lms.close();
          assertClean(first, edition, lms);
          const n = names(edition);
          assert.equal(stored(first, n.location), '0.1');
          assert.match(stored(first, 'cmi.suspend_data'), /^1~0\.1~3\.0\.\.\.i(~|$)/);
          assert.equal(stored(first, n.exit), 'suspend');
          assertStatus(first, edition, 'incomplete');
          assertScore(first, edition, null);

          const entry = entryFor(first, edition);
          assert.equal(entry, 'resume');
          await lms.launch({ edition: api, url: s.url, cmi: first.cmi, entry });
          assert.equal(await lms.heading().textContent(), 'Alpha middle');
          assert.equal(await lms.runtime('location'), '0.1');
          const again = await lms.close();
          assertClean(again, edition, lms);
          const read = again.calls.find((c) => /GetValue$/.test(c.fn) && c.args[0] === n.entry);
          assert.equal(read && read.ret, 'resume');
          assert.equal(stored(again, n.location), '0.1');
        } finally {
          await lms.page.close();
        }
      });

      test(`${edition} ${layout}: pass an assessment: passed, raw 100`, async () => {
        const lms = await Lms.open(browser, server);
        try {
          const s = sco(edition, layout, '01-alpha');
          await lms.launch({ edition: api, url: s.url });
          const result = await takeAssessment(lms, '01-alpha', { '*': 'right' });
          assert.match(result, /You scored 100 %/);
          assert.match(result, /Passed/);
          if (layout === 'single') {
            // One module passed of two: the course result is not final yet.
            const mid = await lms.calls();
            assert.equal(lastSet(mid.calls, names(edition).raw), undefined);
            await lms.button('next-module').click();
            await takeAssessment(lms, '02-beta', { '*': 'right' });
            await lms.button('certificate').click();
            assert.equal(await lms.heading().textContent(), 'Certificate of completion');
            assert.match(await lms.frame.locator('.scormc-cert-name').textContent(), /Ada Tester/);
          }
          const snap = await lms.close();
          assertClean(snap, edition, lms);
          assertStatus(snap, edition, 'passed');
          assertScore(snap, edition, 100);
          const results = snap.calls.filter((c) => /interactions\.\d+\.result$/.test(c.args[0] || ''));
          assert.ok(results.length >= 3, 'one interaction per question');
          assert.ok(results.every((c) => c.args[1] === 'correct'));
          assert.equal(stored(snap, names(edition).exit), edition === '1.2' ? '' : 'normal');

          // Opened again after the final result (entry is not 'resume'):
          // the state comes back and nothing is downgraded.
          const entry = entryFor(snap, edition);
          assert.equal(entry, '');
          await lms.launch({ edition: api, url: s.url, cmi: snap.cmi, entry });
          assert.equal(await lms.runtime('location'), layout === 'single' ? 'c' : '0.3');
          const again = await lms.close();
          assertClean(again, edition, lms);
          assertStatus(again, edition, 'passed');
          assertScore(again, edition, 100);
          assert.ok(!again.calls.some((c) => /SetValue$/.test(c.fn) && /^(incomplete|unknown)$/.test(c.args[1])));

          if (layout === 'per-module') {
            const cert = pkgs[`${edition} ${layout}`].scos.certificate;
            assert.ok(cert, 'a certificate SCO');
            await lms.launch({ edition: api, url: cert.url });
            assert.equal(await lms.heading().textContent(), 'Certificate of completion');
            const c = await lms.close();
            assertClean(c, edition, lms);
            if (edition === '1.2') assert.equal(stored(c, 'cmi.core.lesson_status'), 'completed');
            else assert.equal(stored(c, 'cmi.completion_status'), 'completed');
          }
        } finally {
          await lms.page.close();
        }
      });

      test(`${edition} ${layout}: fail with attempts left, then fail the last attempt`, async () => {
        const lms = await Lms.open(browser, server);
        // Only the true/false question right: 1 of 3 = 33 %.
        const oneOfThree = { '*': 'wrong', 'alpha-tf': 'right' };
        try {
          const s = sco(edition, layout, '01-alpha');
          await lms.launch({ edition: api, url: s.url });
          let result = await takeAssessment(lms, '01-alpha', oneOfThree);
          assert.match(result, /You scored 33 %/);
          assert.match(result, /Not passed/);
          assert.match(result, /Attempts left: 1/);
          const first = await lms.close();
          assertClean(first, edition, lms);
          assertStatus(first, edition, 'incomplete');
          assertScore(first, edition, null);
          assert.equal(stored(first, names(edition).exit), 'suspend');
          const wrong = first.calls.filter((c) => /interactions\.\d+\.result$/.test(c.args[0] || ''));
          assert.deepEqual(wrong.map((c) => c.args[1]),
            edition === '1.2' ? ['wrong', 'wrong', 'correct'] : ['incorrect', 'incorrect', 'correct']);

          const entry = entryFor(first, edition);
          await lms.launch({ edition: api, url: s.url, cmi: first.cmi, entry });
          assert.equal(await lms.button('retake').count(), 1, 'a retake is offered');
          result = await takeAssessment(lms, '01-alpha', oneOfThree);
          assert.match(result, /No attempts left/);
          let raw = 33;
          if (layout === 'single') {
            await lms.button('menu').first().click();
            await takeAssessment(lms, '02-beta', { '*': 'right' });
            raw = 66.5;                     // the mean of 33 and 100
          }
          const last = await lms.close();
          assertClean(last, edition, lms);
          assertStatus(last, edition, 'failed');
          assertScore(last, edition, raw);
        } finally {
          await lms.page.close();
        }
      });
    }
  }
});
