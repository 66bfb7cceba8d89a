// policy.test.mjs - the course's feedback policy, show_correct, keep and shuffle
// SPDX-License-Identifier: MIT
//
// Issue 3, "Runtime" and "Attempts and pools", for the settings no other
// browser test exercises (tests/browser/course-policy):
//   - feedback = "never": no per-question feedback, verdict or right
//     answer anywhere, the results page gives the score only; the LMS
//     still gets every interaction;
//   - "after-submit" against "after-question": no Check button and no
//     interaction before submitting, against feedback and an interaction
//     (committed) as soon as a question is checked, each question
//     reported once;
//   - show_correct = false: the right answers are never shown, neither
//     in an assessment's feedback nor in a knowledge check;
//   - keep = "last": a worse later attempt replaces the kept score and
//     the final raw score is that attempt's (keep = "best" beside it);
//   - shuffle = true: the answer order follows the documented seed, is
//     the same when the same attempt is started again after a relaunch,
//     changes with the attempt, and the LMS gets author-order ids.
// The course is built as it is (after-submit, show_correct) and with its
// policy lines rewritten, all in the per-module layout.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, CHROMIUM, launchBrowser, startLmsServer, Lms } from './helpers/session.mjs';
import { build, openPackages } from './helpers/packages.mjs';
import { callProblems, lastSet, shuffled } from './helpers/checks.mjs';

const SCORMC = path.resolve(process.env.SCORMC || path.join(ROOT, 'build/scormc'));
const COURSE = path.join(ROOT, 'tests/browser/course-policy');
const COURSE_ID = 'scormc-browser-policy';

const missing = !fs.existsSync(SCORMC) ? `${SCORMC} is missing: run 'make' first` :
  !fs.existsSync(CHROMIUM) ? `${CHROMIUM} is missing (apt-get install chromium)` : null;
if (missing) console.log(`# skipping the browser tests: ${missing}`);

// The builds: [variant, feedback, show_correct, editions].
const VARIANTS = [
  ['submit', 'after-submit', true, ['1.2', '2004-4']],
  ['never', 'never', true, ['1.2', '2004-4']],
  ['question-hidden', 'after-question', false, ['2004-4']],
  ['submit-hidden', 'after-submit', false, ['1.2']],
];

// A copy of the course with its two policy lines rewritten.
function variantCourse(work, name, feedback, showCorrect) {
  const dir = path.join(work, `course-${name}`);
  fs.cpSync(COURSE, dir, { recursive: true });
  const file = path.join(dir, 'course.lua');
  const src = fs.readFileSync(file, 'utf8');
  const out = src
    .replace(/feedback = "[a-z-]+",\s*-- policy/, `feedback = "${feedback}",`)
    .replace(/show_correct = (true|false),\s*-- policy/, `show_correct = ${showCorrect},`);
  assert.notEqual(out, src);
  assert.match(out, new RegExp(`feedback = "${feedback}",\\n`));
  assert.match(out, new RegExp(`show_correct = ${showCorrect},\\n`));
  fs.writeFileSync(file, out);
  return dir;
}

// Answers for module 01-feedback: single wrong, multi half right, the
// rest right: 0 + .5 + 1 + 1 + 1 = 3.5 of 5 = 70 %.
const MIXED = {
  'f-single': ['choose', ['Forest']],
  'f-multi': ['choose', ['Airport']],
  'f-tf': ['choose', ['true']],
  'f-match': ['match', { Airport: 'Passport control', 'Land post': 'Barrier', Port: 'Quay' }],
  'f-short': ['fill', 'Paris'],
};

// The interactions in the calls: [{n, id, result, ...}] by index.
function interactions(calls) {
  const byIndex = {};
  for (const c of calls) {
    const m = /^cmi\.interactions\.(\d+)\.(.*)$/.exec(c.args[0] || '');
    if (!m || !/SetValue$/.test(c.fn)) continue;
    (byIndex[m[1]] || (byIndex[m[1]] = { n: +m[1] }))[m[2]] = c.args[1];
  }
  return Object.values(byIndex).sort((a, b) => a.n - b.n);
}

const flat = (s) => s.replace(/\s+/g, ' ').trim();

describe('feedback policy, show_correct, keep and shuffle', { skip: missing || false, concurrency: 1 }, () => {
  let browser, server, work;
  const url = {};

  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'scormc-policy-'));
    server = await startLmsServer();
    browser = await launchBrowser();
    for (const [name, feedback, showCorrect, editions] of VARIANTS) {
      const course = variantCourse(work, name, feedback, showCorrect);
      for (const edition of editions) {
        const out = path.join(work, `out-${name}-${edition}`);
        build(SCORMC, course, out, edition, 'per-module');
        const [p] = openPackages(out, path.join(work, `pkg-${name}-${edition}`));
        const prefix = `/pkg/${name}-${edition}/`;
        server.mount(prefix, p.dir);
        for (const s of p.scos) url[`${name} ${edition} ${s.scope}`] = server.url + prefix + s.href;
      }
    }
  });

  after(async () => {
    if (browser) await browser.close();
    if (server) await server.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  function sco(name, edition, scope) {
    const u = url[`${name} ${edition} ${scope}`];
    assert.ok(u, `a SCO for ${scope} in ${name} ${edition}`);
    return u;
  }

  const startButton = (lms) => lms.frame.locator('[data-action="start"], [data-action="retake"]');

  // From the module's first page to its assessment, then start an attempt.
  async function start(lms) {
    while (!(await startButton(lms).count())) await lms.button('next').click();
    await startButton(lms).click();
    await lms.frame.locator('.scormc-assessment').waitFor();
  }

  async function fill(lms, qid, [how, what]) {
    const q = lms.frame.locator(`fieldset[data-qid="${qid}"]`);
    if (how === 'choose') {
      for (const v of what) await q.locator(`input[data-value="${v}"]`).check();
    } else if (how === 'fill') {
      await q.locator('input[type="text"], textarea').fill(what);
    } else {
      for (const [left, right] of Object.entries(what)) {
        await q.locator(`select[data-left="${left}"]`).selectOption({ label: right });
      }
    }
  }

  async function submit(lms) {
    await lms.button('submit').click();
    await lms.frame.locator('.scormc-result').waitFor();
    return flat(await lms.frame.locator('.scormc-result').textContent());
  }

  // The mark beside each matching row, in row order.
  const matchMarks = (lms, qid) => lms.frame.locator(`fieldset[data-qid="${qid}"] .scormc-match-row .scormc-mark`)
    .allTextContents().then((l) => l.map(flat));
  const mainText = async (lms) => flat(await lms.frame.locator('#scormc-main').textContent());
  const qText = async (lms, qid) => flat(await lms.frame.locator(`fieldset[data-qid="${qid}"]`).textContent());

  for (const edition of ['1.2', '2004-4']) {
    const api = edition === '1.2' ? '1.2' : '2004';
    test(`${edition} feedback = "never": the score and nothing about the answers`, async () => {
      const lms = await Lms.open(browser, server);
      try {
        await lms.launch({ edition: api, url: sco('never', edition, '01-feedback') });
        await start(lms);
        assert.equal(await lms.button('check-question').count(), 0, 'no Check answer button');
        for (const [qid, plan] of Object.entries(MIXED)) await fill(lms, qid, plan);
        const result = await submit(lms);
        assert.match(result, /You scored 70 % \(pass mark 100 %\)/);
        assert.match(result, /Not passed/);
        assert.match(result, /Attempts left: 1/);
        // Focus lands on the result, and no question is left on screen.
        assert.equal(await lms.inFrame(() => document.activeElement.id), 'scormc-result-h');
        assert.equal(await lms.frame.locator('fieldset, .scormc-review, .scormc-feedback').count(), 0);
        const text = await mainText(lms);
        assert.doesNotMatch(text, /FB-/, 'no answer or general feedback');
        assert.doesNotMatch(text, /\b(Correct|Incorrect|Partly correct|Not answered)\b/, 'no per-question verdict');
        assert.doesNotMatch(text, /correct answer|your answer|Checkpoint|Passport control|Paris/i,
          'neither the right answers nor the learner\'s');
        assert.equal(await lms.frame.locator('.scormc-verdict').count(), 1, 'one verdict: the attempt\'s');
        // The LMS still records every question.
        const snap = await lms.close();
        assert.deepEqual(callProblems(snap.calls, api), []);
        const wrong = api === '1.2' ? 'wrong' : 'incorrect';
        assert.deepEqual(interactions(snap.calls).map((i) => i.result),
          [wrong, '0.5', 'correct', 'correct', 'correct']);

        // Relaunched on the assessment screen: still only the standing score.
        await lms.launch({ edition: api, url: sco('never', edition, '01-feedback'), cmi: snap.cmi, entry: 'resume' });
        assert.equal(await lms.button('retake').count(), 1);
        const again = await mainText(lms);
        assert.match(again, /You scored 70 %/);
        assert.doesNotMatch(again, /FB-|correct answer|your answer/i);
        await lms.close();
        assert.deepEqual(lms.pageErrors, []);
      } finally {
        await lms.page.close();
      }
    });
  }

  test('1.2 "after-submit": nothing checked or reported before submitting, then every question\'s feedback', async () => {
    const lms = await Lms.open(browser, server);
    try {
      await lms.launch({ edition: '1.2', url: sco('submit', '1.2', '01-feedback') });
      await start(lms);
      assert.equal(await lms.button('check-question').count(), 0, 'no Check answer button');
      for (const [qid, plan] of Object.entries(MIXED)) await fill(lms, qid, plan);
      const before = await lms.calls();
      assert.deepEqual(interactions(before.calls), [], 'no interaction before the attempt is submitted');
      assert.equal(await lms.frame.locator('.scormc-feedback:not(:empty)').count(), 0, 'no feedback yet');
      assert.doesNotMatch(await mainText(lms), /FB-/);

      const result = await submit(lms);
      assert.match(result, /You scored 70 %/);
      assert.equal(await lms.inFrame(() => document.activeElement.id), 'scormc-result-h');
      // Every question's verdict in words, its chosen answers' feedback,
      // the general feedback, and the right answers (show_correct).
      const single = await qText(lms, 'f-single');
      assert.match(single, /Incorrect/);
      assert.match(single, /FB-SINGLE-WRONG/);
      assert.doesNotMatch(single, /FB-SINGLE-RIGHT|FB-SINGLE-RIVER/);
      assert.match(single, /FB-SINGLE-GENERAL/);
      assert.match(single, /Correct answer: Checkpoint/);
      assert.match(single, /Checkpoint \(✔ correct answer\)/);
      assert.match(single, /Forest \(your answer\)/);
      const multi = await qText(lms, 'f-multi');
      assert.match(multi, /Partly correct \(50 %\)/);
      assert.match(multi, /FB-MULTI-AIRPORT/);
      assert.doesNotMatch(multi, /FB-MULTI-LANDPOST|FB-MULTI-SWAMP/);
      assert.match(multi, /Correct answers: Airport; Land post/);
      const tf = await qText(lms, 'f-tf');
      assert.match(tf, /Correct/);
      assert.match(tf, /FB-TF-RIGHT/, 'the second true/false feedback is the right answer\'s (Moodle)');
      assert.doesNotMatch(tf, /FB-TF-WRONG/);
      assert.match(await qText(lms, 'f-short'), /Correct.*FB-SHORT-RIGHT/);
      assert.match(await qText(lms, 'f-match'), /Correct/);
      assert.equal(await lms.frame.locator('.scormc-review fieldset').count(), 5);
      // A screen reader hears each answer's mark with the answer itself.
      assert.deepEqual(await lms.inFrame(() => [...document.querySelectorAll('fieldset[data-qid="f-single"] input')]
        .map((i) => i.getAttribute('aria-describedby').split(' ')
          .map((id) => document.getElementById(id).textContent.trim()).join('|'))),
      ['(✔ correct answer)', '(your answer)', '']);
      assert.equal(await lms.frame.locator('.scormc-review input:not([disabled]), .scormc-review select:not([disabled])').count(), 0);

      const snap = await lms.close();
      assert.deepEqual(callProblems(snap.calls, '1.2'), []);
      assert.deepEqual(interactions(snap.calls).map((i) => i.result), ['wrong', '0.5', 'correct', 'correct', 'correct']);
      assert.deepEqual(lms.pageErrors, []);
    } finally {
      await lms.page.close();
    }
  });

  test('2004-4 "after-question" without show_correct: checked at once, reported once, right answers hidden', async () => {
    const lms = await Lms.open(browser, server);
    try {
      await lms.launch({ edition: '2004', url: sco('question-hidden', '2004-4', '01-feedback') });
      // A knowledge check answered wrong: its feedback, not the right answer.
      await lms.frame.locator('fieldset[data-qid="kc-fb"] input[data-value="The forest"]').check();
      await lms.button('check-check').click();
      const kc = lms.frame.locator('.scormc-check-box .scormc-feedback');
      await kc.locator('.scormc-verdict').waitFor();
      const kcText = flat(await lms.frame.locator('.scormc-check-box').textContent());
      assert.match(kcText, /Incorrect/);
      assert.match(kcText, /KC-WRONG-FEEDBACK/);
      assert.doesNotMatch(kcText, /KC-RIGHT-FEEDBACK|correct answer/i);
      assert.equal(await lms.frame.locator('.scormc-check-box .is-correct').count(), 0);

      await start(lms);
      assert.equal(await lms.button('check-question').count(), 5, 'a Check answer button per question');
      const checkOne = async (qid) => {
        const q = lms.frame.locator(`fieldset[data-qid="${qid}"]`);
        await q.locator('[data-action="check-question"]').click();
        await q.locator('.scormc-feedback .scormc-verdict').waitFor();
      };
      // Check three questions: each is reported and committed at once.
      for (const qid of ['f-single', 'f-multi', 'f-match']) {
        await fill(lms, qid, qid === 'f-match' ?
          ['match', { Airport: 'Passport control', 'Land post': 'Quay', Port: 'Barrier' }] : MIXED[qid]);
        const n = interactions((await lms.calls()).calls).length;
        await checkOne(qid);
        const calls = (await lms.calls()).calls;
        const got = interactions(calls);
        assert.equal(got.length, n + 1, `${qid} is reported when checked`);
        assert.equal(await lms.frame.locator(`fieldset[data-qid="${qid}"] [data-action="check-question"]`).count(), 0,
          'a checked question has no Check button left');
        assert.match(got[n].id, new RegExp(`-a1-\\d+-${qid}$`));
        const lastSetAt = Math.max(...calls.map((c, i) => (/^cmi\.interactions\./.test(c.args[0] || '') ? i : -1)));
        assert.ok(calls.slice(lastSetAt).some((c) => c.fn === 'Commit'), `${qid} is committed`);
      }
      const single = await qText(lms, 'f-single');
      assert.match(single, /Incorrect/);
      assert.match(single, /FB-SINGLE-WRONG/);
      assert.match(single, /FB-SINGLE-GENERAL/);
      const multi = await qText(lms, 'f-multi');
      assert.match(multi, /Partly correct \(50 %\)/);
      const match = await qText(lms, 'f-match');
      assert.match(match, /Partly correct \(33 %\)/);
      assert.deepEqual(await matchMarks(lms, 'f-match'), ['✔ correct', '✖ incorrect', '✖ incorrect'], 'no right item beside a wrong pair');
      for (const text of [single, multi, match]) {
        assert.doesNotMatch(text, /correct answer/i, 'no right answer shown');
      }
      assert.equal(await lms.frame.locator('.is-correct').count(), 0);
      // The checked questions are locked; the others are not.
      assert.equal(await lms.frame.locator('fieldset[data-qid="f-single"] input:not([disabled])').count(), 0);
      assert.ok(await lms.frame.locator('fieldset[data-qid="f-tf"] input:not([disabled])').count() > 0);

      // Two left unchecked: they get their feedback at submit.
      await fill(lms, 'f-tf', ['choose', ['false']]);
      await fill(lms, 'f-short', MIXED['f-short']);
      const result = await submit(lms);
      // 0 + .5 + 0 + 1/3 + 1 = 1.833 of 5 = 36.7 %, stored as 36.
      assert.match(result, /You scored 36 %/);
      const tf = await qText(lms, 'f-tf');
      assert.match(tf, /Incorrect/);
      assert.match(tf, /FB-TF-WRONG/);
      assert.doesNotMatch(tf, /FB-TF-RIGHT|correct answer/i);
      assert.doesNotMatch(await mainText(lms), /correct answer|Correct answers?:/i);
      assert.equal(await lms.frame.locator('.is-correct').count(), 0);

      const snap = await lms.close();
      assert.deepEqual(callProblems(snap.calls, '2004'), []);
      const got = interactions(snap.calls);
      assert.equal(got.length, 5, 'each question reported exactly once');
      assert.equal(new Set(got.map((i) => i.id)).size, 5);
      assert.deepEqual(got.map((i) => /-a1-\d+-(.*)$/.exec(i.id)[1]), ['f-single', 'f-multi', 'f-match', 'f-tf', 'f-short']);
      assert.deepEqual(got.map((i) => i.result), ['incorrect', '0.5', '0.33', 'incorrect', 'correct']);
      assert.deepEqual(lms.pageErrors, []);
    } finally {
      await lms.page.close();
    }
  });

  test('1.2 "after-submit" without show_correct: verdicts and feedback, never the right answers', async () => {
    const lms = await Lms.open(browser, server);
    try {
      await lms.launch({ edition: '1.2', url: sco('submit-hidden', '1.2', '01-feedback') });
      await start(lms);
      await fill(lms, 'f-single', ['choose', ['River']]);
      await fill(lms, 'f-multi', ['choose', ['Swamp']]);
      await fill(lms, 'f-tf', ['choose', ['false']]);
      await fill(lms, 'f-match', ['match', { Airport: 'Quay', 'Land post': 'Passport control', Port: 'Barrier' }]);
      await fill(lms, 'f-short', ['fill', 'Lyon']);
      const result = await submit(lms);
      assert.match(result, /You scored 0 %/);
      const review = flat(await lms.frame.locator('.scormc-review').textContent());
      assert.match(review, /FB-SINGLE-RIVER/);
      assert.match(review, /FB-MULTI-SWAMP/);
      assert.match(review, /FB-TF-WRONG/);
      assert.match(review, /FB-SINGLE-GENERAL/);
      assert.equal((review.match(/Incorrect/g) || []).length, 5, 'five verdicts in words');
      assert.doesNotMatch(review, /correct answer|Correct answers?:/i);
      assert.doesNotMatch(review, /FB-SINGLE-RIGHT|FB-MULTI-AIRPORT|FB-MULTI-LANDPOST|FB-TF-RIGHT|FB-SHORT-RIGHT/,
        'no feedback of an answer the learner did not give');
      assert.doesNotMatch(review, /Paris/, 'the accepted short answer stays hidden');
      assert.equal(await lms.frame.locator('.is-correct').count(), 0);
      // Matching: each pair marked wrong, no right item named.
      assert.deepEqual(await matchMarks(lms, 'f-match'), ['✖ incorrect', '✖ incorrect', '✖ incorrect']);
      const snap = await lms.close();
      assert.deepEqual(callProblems(snap.calls, '1.2'), []);
      assert.deepEqual(lms.pageErrors, []);
    } finally {
      await lms.page.close();
    }
  });

  // Module 02 keeps the last attempt, 03 the best: 3 of 5 right (60 %),
  // then 2 of 5 (40 %) on the last of two attempts.
  async function twoAttempts(lms, edition, scope) {
    const api = edition === '1.2' ? '1.2' : '2004';
    const answerTf = async (right) => {
      for (let i = 1; i <= 5; i++) {
        await fill(lms, `k-${i}`, ['choose', [i <= right ? 'true' : 'false']]);
      }
    };
    await lms.launch({ edition: api, url: sco('submit', edition, scope) });
    await start(lms);
    await answerTf(3);
    let result = await submit(lms);
    assert.match(result, /You scored 60 %/);
    assert.match(result, /Attempts left: 1/);
    const first = await lms.close();
    assert.deepEqual(callProblems(first.calls, api), []);
    const raw = api === '1.2' ? 'cmi.core.score.raw' : 'cmi.score.raw';
    assert.equal(lastSet(first.calls, raw), undefined, 'no raw score with an attempt left');

    await lms.launch({ edition: api, url: sco('submit', edition, scope), cmi: first.cmi, entry: 'resume' });
    await start(lms);
    await answerTf(2);
    result = await submit(lms);
    assert.match(result, /You scored 40 %/);
    assert.match(result, /No attempts left/);
    const last = await lms.close();
    assert.deepEqual(callProblems(last.calls, api), []);
    assert.deepEqual(lms.pageErrors, []);
    return { result, last };
  }

  for (const edition of ['1.2', '2004-4']) {
    test(`${edition} keep = "last": the worse last attempt is the final raw score`, async () => {
      const lms = await Lms.open(browser, server);
      try {
        const { result, last } = await twoAttempts(lms, edition, '02-keep-last');
        assert.match(result, /The score that counts: 40 %/);
        const c = last.cmi.cmi;
        if (edition === '1.2') {
          assert.deepEqual([c.core.lesson_status, c.core.score.raw, c.core.score.min, c.core.score.max],
            ['failed', '40', '0', '100']);
          assert.match(c.suspend_data, /~1\.2\.1o\.14\.f$/, 'best 60 (1o), last 40 (14), failed');
        } else {
          assert.deepEqual([c.completion_status, c.success_status, c.score.raw, c.score.scaled],
            ['completed', 'failed', '40', '0.4']);
        }
      } finally {
        await lms.page.close();
      }
    });
  }

  test('1.2 keep = "best": the same attempts keep 60', async () => {
    const lms = await Lms.open(browser, server);
    try {
      const { result, last } = await twoAttempts(lms, '1.2', '03-keep-best');
      assert.match(result, /The score that counts: 60 %/);
      assert.deepEqual([last.cmi.cmi.core.lesson_status, last.cmi.cmi.core.score.raw], ['failed', '60']);
    } finally {
      await lms.page.close();
    }
  });

  // The order on screen: choice inputs' values and matching options' labels.
  async function shownOrder(lms) {
    return lms.inFrame(() => {
      const out = {};
      document.querySelectorAll('.scormc-assessment fieldset[data-qid]').forEach((f) => {
        const sel = f.querySelector('select');
        out[f.getAttribute('data-qid')] = sel ?
          [...sel.options].slice(1).map((o) => o.textContent) :
          [...f.querySelectorAll('input')].map((i) => i.getAttribute('data-value'));
      });
      return out;
    });
  }

  test('1.2 shuffle: seeded per attempt, the same after a relaunch, author-order ids to the LMS', async () => {
    const SINGLE = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot'];
    const MULTI = ['Two', 'Four', 'One', 'Three', 'Five'];
    const RIGHTS = ['Paris', 'Madrid', 'Rome', 'Athens'];
    const expected = (no) => {
      const seed = `${COURSE_ID}|04-shuffle|${no}`;
      return {
        's-single': shuffled([0, 1, 2, 3, 4, 5], `${seed}|0`).map((i) => SINGLE[i]),
        's-multi': shuffled([0, 1, 2, 3, 4], `${seed}|1`).map((i) => MULTI[i]),
        's-match': shuffled(RIGHTS, `${seed}|2`),
      };
    };
    const lms = await Lms.open(browser, server);
    const u = sco('submit', '1.2', '04-shuffle');
    try {
      // Attempt 1 started, then the learner leaves: it does not count.
      await lms.launch({ edition: '1.2', url: u });
      await start(lms);
      const first = await shownOrder(lms);
      assert.deepEqual(first, expected(1));
      assert.notDeepEqual(first['s-single'], SINGLE, 'shuffled, not author order');
      let snap = await lms.close();
      assert.match(snap.cmi.cmi.suspend_data, /~1\.0\.\.\.i$/, 'no attempt used');

      // Relaunched: attempt 1 again, in the same order. Answer it wrong.
      await lms.launch({ edition: '1.2', url: u, cmi: snap.cmi, entry: 'resume' });
      await start(lms);
      assert.deepEqual(await shownOrder(lms), first);
      await fill(lms, 's-single', ['choose', ['Echo']]);
      await fill(lms, 's-multi', ['choose', ['One']]);
      await fill(lms, 's-match', ['match', { France: 'Rome', Spain: 'Paris', Italy: 'Athens', Greece: 'Madrid' }]);
      assert.match(await submit(lms), /You scored 0 %/);
      snap = await lms.close();
      const wrong = interactions(snap.calls);
      assert.deepEqual(wrong.map((i) => [i.student_response, i['correct_responses.0.pattern']]),
        [['e', 'a'], ['c', 'a,b'], ['a.c,b.a,c.d,d.b', 'a.a,b.b,c.c,d.d']], 'ids by author order');

      // Attempt 2 has its own order, and keeps it across a relaunch too.
      await lms.launch({ edition: '1.2', url: u, cmi: snap.cmi, entry: 'resume' });
      await start(lms);
      const second = await shownOrder(lms);
      assert.deepEqual(second, expected(2));
      assert.notDeepEqual(second, first);
      snap = await lms.close();
      await lms.launch({ edition: '1.2', url: u, cmi: snap.cmi, entry: 'resume' });
      await start(lms);
      assert.deepEqual(await shownOrder(lms), second);
      await fill(lms, 's-single', ['choose', ['Alpha']]);
      await fill(lms, 's-multi', ['choose', ['Two', 'Four']]);
      await fill(lms, 's-match', ['match', { France: 'Paris', Spain: 'Madrid', Italy: 'Rome', Greece: 'Athens' }]);
      assert.match(await submit(lms), /You scored 100 %/);
      snap = await lms.close();
      assert.deepEqual(callProblems(snap.calls, '1.2'), []);
      assert.deepEqual([snap.cmi.cmi.core.lesson_status, snap.cmi.cmi.core.score.raw], ['passed', '100']);
      const right = interactions(snap.calls);
      assert.deepEqual(right.map((i) => [i.id.replace(/-\d+-s-.*$/, ''), i.student_response, i.result]),
        [['04-shuffle-a2', 'a', 'correct'], ['04-shuffle-a2', 'a,b', 'correct'],
          ['04-shuffle-a2', 'a.a,b.b,c.c,d.d', 'correct']]);
      assert.deepEqual(lms.pageErrors, []);
    } finally {
      await lms.page.close();
    }
  });
});
