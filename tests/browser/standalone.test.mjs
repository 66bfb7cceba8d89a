// standalone.test.mjs - the runtime beyond the happy path of an LMS frame
// SPDX-License-Identifier: MIT
//
// With no LMS (over http and from file://), in review and no-credit
// modes, with the API behind a cross-origin frame or in the opener, and
// by keyboard alone with the accessibility basics the issues ask for.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, CHROMIUM, launchBrowser, startLmsServer, Lms } from './helpers/session.mjs';
import { build, openPackages } from './helpers/packages.mjs';
import { callProblems } from './helpers/checks.mjs';

const SCORMC = path.resolve(process.env.SCORMC || path.join(ROOT, 'build/scormc'));
const COURSE = path.join(ROOT, 'tests/browser/course');

const missing = !fs.existsSync(SCORMC) ? `${SCORMC} is missing: run 'make' first` :
  !fs.existsSync(CHROMIUM) ? `${CHROMIUM} is missing (apt-get install chromium)` : null;
if (missing) console.log(`# skipping the browser tests: ${missing}`);

describe('the runtime outside the usual LMS frame', { skip: missing || false, concurrency: 1 }, () => {
  let browser, server, work;
  const pkg = {};

  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'scormc-standalone-'));
    server = await startLmsServer();
    browser = await launchBrowser();
    for (const edition of ['1.2', '2004-4']) {
      const out = path.join(work, `out-${edition}`);
      build(SCORMC, COURSE, out, edition, 'single');
      const [p] = openPackages(out, path.join(work, `pkg-${edition}`));
      server.mount(`/pkg/${edition}/`, p.dir);
      pkg[edition] = { dir: p.dir, url: `${server.url}/pkg/${edition}/${p.scos[0].href}` };
    }
  });

  after(async () => {
    if (browser) await browser.close();
    if (server) await server.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  async function openModule(target, id) {
    await target.locator(`li[data-module="${id}"] [data-action="module"]`).click();
  }

  test('no LMS over http: says so, keeps progress in localStorage', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(pkg['1.2'].url);
      await page.locator('#scormc-main h1').first().waitFor();
      assert.match(await page.locator('.scormc-notice').textContent(), /No LMS connection/);
      await openModule(page, '01-alpha');
      await page.locator('[data-action="next"]').click();
      assert.equal(await page.locator('#scormc-main h1').first().textContent(), 'Alpha middle');
      await page.reload();
      await page.locator('#scormc-main h1').first().waitFor();
      assert.equal(await page.locator('#scormc-main h1').first().textContent(), 'Alpha middle');
      const saved = await page.evaluate(() => localStorage.getItem('scormc:scormc-browser-test:all'));
      assert.match(JSON.parse(saved).suspend, /^1~0\.1~3\.0\.\.\.i~/);
    } finally {
      await page.close();
    }
  });

  test('file://: runs and scores a knowledge check through the wasm scorer', async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    try {
      await page.goto(pathToFileURL(path.join(pkg['2004-4'].dir, 'index.html')).href);
      await page.locator('#scormc-main h1').first().waitFor();
      assert.match(await page.locator('.scormc-notice').textContent(), /No LMS connection/);
      await openModule(page, '01-alpha');
      await page.locator('[data-action="next"]').click();
      await page.getByLabel('At a checkpoint').check();
      await page.locator('[data-action="check-check"]').click();
      const feedback = page.locator('.scormc-check-box .scormc-feedback');
      await feedback.locator('.scormc-verdict').waitFor();
      assert.match(await feedback.textContent(), /Correct/);
      assert.match(await feedback.textContent(), /crossing points are designated/);
      assert.equal(await page.evaluate(() => document.activeElement.className), 'scormc-feedback');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  for (const [edition, how] of [['1.2', { mode: 'review' }], ['2004-4', { mode: 'review' }],
    ['1.2', { credit: 'no-credit' }], ['2004-4', { credit: 'no-credit' }]]) {
    const api = edition === '1.2' ? '1.2' : '2004';
    test(`${edition} ${JSON.stringify(how)}: browse only, nothing graded is written`, async () => {
      const lms = await Lms.open(browser, server);
      try {
        await lms.launch({ edition: api, url: pkg[edition].url });
        await openModule(lms.frame, '01-alpha');
        const first = await lms.close();
        await lms.launch({ edition: api, url: pkg[edition].url, cmi: first.cmi, entry: '', ...how });
        assert.match(await lms.frame.locator('.scormc-notice').textContent(), /Review mode|does not count for credit/);
        assert.equal(await lms.heading().textContent(), 'Alpha start');
        for (let i = 0; i < 3; i++) await lms.button('next').click();
        assert.equal(await lms.frame.locator('[data-action="start"]').count(), 0);
        assert.match(await lms.frame.locator('#scormc-main').textContent(), /cannot be taken/);
        const snap = await lms.close();
        assert.deepEqual(callProblems(snap.calls, api), []);
        const written = snap.calls.filter((c) => /SetValue$/.test(c.fn)).map((c) => c.args[0]);
        assert.deepEqual([...new Set(written)], [api === '1.2' ? 'cmi.core.session_time' : 'cmi.session_time']);
      } finally {
        await lms.page.close();
      }
    });
  }

  test('the API is found above a cross-origin frame', async () => {
    const lms = await Lms.open(browser, server);
    try {
      const cross = server.url.replace('127.0.0.1', 'localhost');
      const url = `${cross}/harness/middle.html?src=${encodeURIComponent(pkg['1.2'].url)}`;
      await lms.page.evaluate((u) => window.harness.launch({ edition: '1.2', url: u }), url);
      await lms.page.waitForFunction(() => window.harness.calls.some((c) => c.fn === 'LMSCommit'));
      const inner = lms.page.frames().find((f) => f.url() === pkg['1.2'].url);
      assert.ok(inner, 'the SCO frame');
      assert.equal(await inner.evaluate(() => window.ScormcRuntime.live()), true);
      assert.equal(await inner.locator('.scormc-notice').count(), 0);
      const snap = await lms.close();
      assert.deepEqual(callProblems(snap.calls, '1.2'), []);
    } finally {
      await lms.page.close();
    }
  });

  test('the API is found through the opener of a popup window', async () => {
    const lms = await Lms.open(browser, server);
    try {
      const popup = lms.page.waitForEvent('popup');
      await lms.page.evaluate((u) => window.harness.launch({ edition: '2004', url: u, popup: true }),
        pkg['2004-4'].url);
      const win = await popup;
      await win.locator('#scormc-main h1').first().waitFor();
      assert.equal(await win.evaluate(() => window.ScormcRuntime.live()), true);
      await openModule(win, '01-alpha');
      const snap = await lms.close();
      assert.deepEqual(callProblems(snap.calls, '2004'), []);
      assert.equal(snap.cmi.cmi.location, '0.0');
    } finally {
      await lms.page.close();
    }
  });

  test('keyboard only: labels, legends, answering, focus on the result', async () => {
    const lms = await Lms.open(browser, server);
    const key = (k) => lms.page.keyboard.press(k);
    const focused = () => lms.inFrame(() => {
      const a = document.activeElement;
      return a.labels && a.labels.length ? a.labels[0].textContent.trim() :
        (a.getAttribute('data-action') || a.tagName + ':' + a.textContent.trim());
    });
    try {
      await lms.launch({ edition: '1.2', url: pkg['1.2'].url });
      await openModule(lms.frame, '01-alpha');
      for (let i = 0; i < 3; i++) await lms.button('next').click();
      await lms.button('start').focus();
      await key('Enter');
      await lms.frame.locator('.scormc-assessment').waitFor();
      const shape = await lms.inFrame(() => ({
        unlabelled: [...document.querySelectorAll('input, select, textarea')]
          .filter((i) => !i.labels || !i.labels.length).length,
        fieldsets: document.querySelectorAll('.scormc-assessment fieldset').length,
        legends: document.querySelectorAll('.scormc-assessment fieldset > legend').length,
        focus: document.activeElement.tagName,
      }));
      assert.deepEqual(shape, { unlabelled: 0, fieldsets: 3, legends: 3, focus: 'H1' });
      await key('Tab');
      assert.equal(await focused(), 'At a checkpoint');
      await key('Space');
      await key('Tab');
      assert.equal(await focused(), 'Airport passport control');
      await key('Space');
      await key('Tab');
      await key('Space');
      await key('Tab');
      await key('Tab');
      assert.equal(await focused(), 'True');
      await key('ArrowDown');
      assert.equal(await focused(), 'False');
      await key('Tab');
      assert.equal(await focused(), 'submit');
      await key('Enter');
      await lms.frame.locator('.scormc-result').waitFor();
      assert.equal(await focused(), 'H2:Your result');
      assert.match(await lms.frame.locator('.scormc-result').textContent(), /You scored 100 %.*Passed/);
      // Right and wrong in words next to the options, not in colour only.
      assert.match(await lms.frame.locator('fieldset[data-qid="alpha-tf"]').textContent(),
        /False\s*\(your answer, ✔ correct answer\)/);
      const snap = await lms.close();
      assert.deepEqual(callProblems(snap.calls, '1.2'), []);
    } finally {
      await lms.page.close();
    }
  });

  test('glossary links open the term and come back', async () => {
    const lms = await Lms.open(browser, server);
    try {
      await lms.launch({ edition: '2004', url: pkg['2004-4'].url });
      await openModule(lms.frame, '01-alpha');
      await lms.frame.locator('a.scormc-term').first().click();
      assert.equal(await lms.heading().textContent(), 'Glossary');
      assert.equal(await lms.inFrame(() => document.activeElement.id), 'glossary-green-border');
      assert.equal(await lms.runtime('location'), 'g');
      await lms.button('back').click();
      assert.equal(await lms.heading().textContent(), 'Alpha start');
      const snap = await lms.close();
      assert.deepEqual(callProblems(snap.calls, '2004'), []);
    } finally {
      await lms.page.close();
    }
  });

  test('a page that becomes hidden commits at once', async () => {
    const lms = await Lms.open(browser, server);
    try {
      await lms.launch({ edition: '1.2', url: pkg['1.2'].url });
      const before = (await lms.calls()).calls.filter((c) => c.fn === 'LMSCommit').length;
      await lms.inFrame(() => {
        Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      const mid = (await lms.calls()).calls;
      assert.equal(mid.filter((c) => c.fn === 'LMSCommit').length, before + 1);
      assert.equal(mid.filter((c) => c.fn === 'LMSFinish').length, 0);
      const snap = await lms.close();
      assert.deepEqual(callProblems(snap.calls, '1.2'), []);
    } finally {
      await lms.page.close();
    }
  });
});
