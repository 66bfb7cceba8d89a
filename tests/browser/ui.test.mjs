// ui.test.mjs - what a learner reads, on a phone and on a desktop
// SPDX-License-Identifier: MIT
//
// The layout and accessibility promises of lib/runtime (README.md,
// "Behaviour"), on tests/browser/course-ui:
//   - at 375 px the page never scrolls sideways: a wide table scrolls in
//     its own named, focusable region, long words and addresses wrap;
//     at 1000 px a table that fits is no region and no tab stop;
//   - footnotes sit under a 'Notes' heading, references are named
//     'Note n', and following one moves focus there and back again
//     without touching the frame's address;
//   - the course menu numbers modules on across components and gives
//     each module's status in words;
//   - a long glossary has a letter index; the term opened and its
//     definition are highlighted and the way back stays in view.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, CHROMIUM, launchBrowser, startLmsServer, Lms } from './helpers/session.mjs';
import { build, openPackages } from './helpers/packages.mjs';
import { callProblems } from './helpers/checks.mjs';

const SCORMC = path.resolve(process.env.SCORMC || path.join(ROOT, 'build/scormc'));
const COURSE = path.join(ROOT, 'tests/browser/course-ui');

const missing = !fs.existsSync(SCORMC) ? `${SCORMC} is missing: run 'make' first` :
  !fs.existsSync(CHROMIUM) ? `${CHROMIUM} is missing (apt-get install chromium)` : null;
if (missing) console.log(`# skipping the browser tests: ${missing}`);

describe('reading the course at phone and desktop widths', { skip: missing || false, concurrency: 1 }, () => {
  let browser, server, work, url;

  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'scormc-ui-'));
    server = await startLmsServer();
    browser = await launchBrowser();
    const out = path.join(work, 'out');
    build(SCORMC, COURSE, out, '2004-4', 'single');
    const [p] = openPackages(out, path.join(work, 'pkg'));
    server.mount('/pkg/', p.dir);
    url = `${server.url}/pkg/${p.scos[0].href}`;
  });

  after(async () => {
    if (browser) await browser.close();
    if (server) await server.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  async function open(width, height = 800) {
    const lms = await Lms.open(browser, server);
    await lms.page.setViewportSize({ width, height });
    await lms.launch({ edition: '2004', url });
    return lms;
  }

  async function done(lms) {
    const snap = await lms.close();
    assert.deepEqual(callProblems(snap.calls, '2004'), []);
    assert.deepEqual(lms.pageErrors, []);
  }

  const openModule = (lms, id) => lms.frame.locator(`li[data-module="${id}"] [data-action="module"]`).click();

  test('375 px: no sideways page scroll; the wide table scrolls in a named region', async () => {
    const lms = await open(375);
    try {
      await openModule(lms, '01-reading');
      const shape = await lms.inFrame(() => {
        const doc = document.documentElement, main = document.getElementById('scormc-main');
        const wrap = document.querySelector('.scormc-table-wrap');
        const right = main.getBoundingClientRect().right;
        const words = [...main.querySelectorAll('p')].filter((p) => /Pneumono|example\.org/.test(p.textContent));
        return {
          page: doc.scrollWidth <= doc.clientWidth,
          tableInWrap: !!(wrap && wrap.querySelector('table')),
          scrolls: wrap.scrollWidth > wrap.clientWidth,
          region: [wrap.getAttribute('role'), wrap.getAttribute('tabindex'), !!wrap.getAttribute('aria-label')],
          wordsInside: words.length === 2 && words.every((p) => p.getBoundingClientRect().right <= right + 0.5),
        };
      });
      assert.deepEqual(shape, { page: true, tableInWrap: true, scrolls: true,
        region: ['region', '0', true], wordsInside: true });

      // Wide enough for the table: no region, no tab stop (after the resize settles).
      await lms.page.setViewportSize({ width: 1000, height: 800 });
      await lms.page.waitForTimeout(400);
      assert.deepEqual(await lms.inFrame(() => {
        const wrap = document.querySelector('.scormc-table-wrap');
        return [wrap.scrollWidth > wrap.clientWidth, wrap.getAttribute('role'), wrap.getAttribute('tabindex')];
      }), [false, null, null]);
      await done(lms);
    } finally {
      await lms.page.close();
    }
  });

  test('footnotes: a Notes heading, named references, focus there and back', async () => {
    const lms = await open(1000);
    try {
      await openModule(lms, '01-reading');
      const notes = await lms.inFrame(() => {
        const sec = document.querySelector('section.footnotes');
        const head = document.getElementById(sec.getAttribute('aria-labelledby'));
        return { heading: head && head.tagName + ':' + head.textContent,
          refs: [...document.querySelectorAll('a[data-footnote-ref]')].map((a) => a.getAttribute('aria-label')) };
      });
      assert.deepEqual(notes, { heading: 'H2:Notes', refs: ['Note 1', 'Note 2'] });
      const ref = lms.frame.locator('a[data-footnote-ref]').first();
      await ref.focus();
      await lms.page.keyboard.press('Enter');
      const at = await lms.inFrame(() => [document.activeElement.id, location.hash,
        document.activeElement.classList.contains('scormc-target')]);
      assert.deepEqual(at, ['fn-one', '', true], 'focus on the note, the address unchanged');
      await lms.page.keyboard.press('Tab');
      assert.equal(await lms.inFrame(() => document.activeElement.getAttribute('data-footnote-backref')), '');
      await lms.page.keyboard.press('Enter');
      assert.deepEqual(await lms.inFrame(() => [document.activeElement.id, location.hash]), ['fnref-one', '']);
      await done(lms);
    } finally {
      await lms.page.close();
    }
  });

  test('menu: numbering runs on across components; status in words', async () => {
    const lms = await open(375);
    try {
      const menu = () => lms.inFrame(() => [...document.querySelectorAll('ol.scormc-module-list')].map((ol) => ({
        start: ol.start,
        items: [...ol.children].map((li) => li.querySelector('.scormc-module-status').textContent.trim()),
      })));
      assert.deepEqual(await menu(), [
        { start: 1, items: ['— Not started'] },
        { start: 2, items: ['— Not started'] },
      ]);
      // 'Go to the modules' skips the introduction.
      await lms.button('to-modules').click();
      assert.equal(await lms.inFrame(() => document.activeElement.id), 'scormc-menu-h');
      await openModule(lms, '01-reading');
      await lms.button('next').click();                    // its only page seen: passed
      await lms.button('menu').first().click();
      assert.deepEqual((await menu())[0], { start: 1, items: ['— Passed'] });
      await done(lms);
    } finally {
      await lms.page.close();
    }
  });

  test('glossary: a letter index, the term highlighted, the way back in view', async () => {
    const lms = await open(375, 500);
    try {
      await openModule(lms, '01-reading');
      await lms.frame.locator('a.scormc-term[data-term="mike-post"]').click();
      assert.equal(await lms.heading().textContent(), 'Glossary');
      const g = await lms.inFrame(() => {
        const nav = document.querySelector('nav.scormc-az');
        const back = document.querySelector('[data-action="back"]').getBoundingClientRect();
        const target = [...document.querySelectorAll('.scormc-target')];
        return {
          index: nav && [nav.getAttribute('aria-label'), [...nav.querySelectorAll('a')].map((a) => a.textContent).join('')],
          focus: document.activeElement.id,
          highlighted: target.map((e) => e.tagName),
          scrolled: window.scrollY > 0,
          backInView: back.top >= 0 && back.bottom <= window.innerHeight,
        };
      });
      assert.deepEqual(g, { index: ['Terms by first letter', 'ABCDEFGHIJKLM'], focus: 'glossary-mike-post',
        highlighted: ['DT', 'DD'], scrolled: true, backInView: true });
      await lms.frame.locator('nav.scormc-az a', { hasText: /^C$/ }).click();
      assert.deepEqual(await lms.inFrame(() => [document.activeElement.id,
        [...document.querySelectorAll('.scormc-target')].map((e) => e.textContent.trim().slice(0, 12))]),
      ['glossary-charlie-post', ['Charlie post', 'A checkpoint']]);
      await lms.button('back').click();
      assert.equal(await lms.heading().textContent(), 'A page with everything');
      await done(lms);
    } finally {
      await lms.page.close();
    }
  });
});
