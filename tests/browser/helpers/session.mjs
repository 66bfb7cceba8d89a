// session.mjs - a browser, the test LMS page and a package launched in it
// SPDX-License-Identifier: MIT
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../../..');

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

// The server every test shares: the harness, scorm-again's browser
// bundle, and packages mounted later under /pkg/<name>/.
export async function startLmsServer() {
  return startServer({
    '/harness/': here,
    '/scorm-again/': path.join(ROOT, 'node_modules/scorm-again/dist'),
  });
}

// One learner session at a time on one page of the test LMS.
export class Lms {
  constructor(page, server) {
    this.page = page;
    this.server = server;
    this.frame = page.frameLocator('#sco');
    this.pageErrors = [];
    page.on('pageerror', (e) => this.pageErrors.push(String(e)));
  }

  static async open(browser, server) {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(`${server.url}/harness/lms.html`);
    return new Lms(page, server);
  }

  // opts: {edition: '1.2' | '2004', url, cmi, entry, mode, credit}
  async launch(opts) {
    await this.page.evaluate((o) => window.harness.launch(o), opts);
    await this.page.waitForFunction(() => {
      const w = document.getElementById('sco').contentWindow;
      return w && w.location.href !== 'about:blank' && w.ScormcRuntime &&
        w.document.querySelector('#scormc-main h1');
    });
  }

  // What the runtime exposes for tests: location token, state, errors.
  runtime(expr) {
    return this.page.evaluate((e) => {
      const r = document.getElementById('sco').contentWindow.ScormcRuntime;
      return { location: r.location(), state: r.state(), errors: r.errors.slice(),
        live: r.live(), readOnly: r.readOnly() }[e];
    }, expr);
  }

  // Evaluate a function inside the package's window.
  inFrame(fn, arg) {
    return this.page.evaluate(([src, a]) => {
      const w = document.getElementById('sco').contentWindow;
      return w.eval(`(${src})`)(a);
    }, [fn.toString(), arg]);
  }

  calls() { return this.page.evaluate(() => window.harness.snapshot()); }
  close() { return this.page.evaluate(() => window.harness.close()); }

  button(action) { return this.frame.locator(`[data-action="${action}"]`); }
  heading() { return this.frame.locator('#scormc-main h1').first(); }
}
