// dist/mlp-lab.html, the whole site in one file, opened from disk (file://)
// as a deck on a USB stick would: nothing but the file itself is requested
// (no network, no sibling files), a 7 drawn with the mouse reads as 7 with the
// inlined pretrained model, and one epoch trains on the inlined MNIST subset.
// Where the browser keeps no data (IndexedDB refused), the page says so once
// and training still works: the model lands in the library in memory.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DIST, drawAndRead, launchBrowser, screenshot, since } from './helpers.mjs';

const WAIT = { timeout: 30_000 };
const FILE = path.join(DIST, 'mlp-lab.html');

/** Refuses IndexedDB the way a browser that keeps no data for the page does. */
function refuseStorage() {
  Object.defineProperty(IDBFactory.prototype, 'open', {
    value() {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    },
  });
}

async function openFile(browser, hash, initScript = null) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${pathToFileURL(FILE).href}${hash}`);
  return { page, problems, requests, close: () => context.close() };
}

describe('the single file from file://', () => {
  let browser = null;
  before(async () => {
    if (!fs.existsSync(FILE)) throw new Error(`${FILE} is missing: npx vite build --config vite.config.mjs writes it`);
    browser = await launchBrowser();
    const raw = fs.statSync(FILE).size;
    const gz = zlib.gzipSync(fs.readFileSync(FILE), { level: 9 }).length;
    console.log(`mlp-lab.html: ${(raw / 1e6).toFixed(2)} MB, ${(gz / 1e6).toFixed(2)} MB gzipped`);
  });
  after(() => browser?.close());

  test('a 7 drawn on the pad reads as 7, and nothing but the file is requested', async () => {
    const t0 = performance.now();
    const s = await openFile(browser, '#/draw');
    try {
      await s.page.waitForFunction(() => document.querySelector('.draw-widget')?.dataset.state === 'ready', null, WAIT);
      assert.match(await s.page.locator('.model-label').innerText(), /^pretrained model \(99\.3%\)$/);
      assert.equal(await drawAndRead(s.page, 7, WAIT), '7');
      await screenshot(s.page, 'offline-draw-7');
      const outside = s.requests.filter((u) => !/^(data|blob):/.test(u) && u !== `${pathToFileURL(FILE).href}#/draw` && u !== pathToFileURL(FILE).href);
      assert.deepEqual(outside, [], 'only the file itself is loaded');
      assert.deepEqual(s.problems, []);
      console.log(`read a 7 from file:// in ${since(t0)} ms`);
    } finally {
      await s.close();
    }
  });

  test('one epoch trains on the inlined MNIST subset; without storage the page says so once and keeps the model in memory', async () => {
    const t0 = performance.now();
    const s = await openFile(browser, '#/train?units=64&epochs=1&batch=50', refuseStorage);
    const { page } = s;
    try {
      await page.waitForFunction(() => document.querySelector('.data-line')?.dataset.state === 'ready', null, WAIT);
      assert.equal(await page.locator('[data-stat="data"]').innerText(), 'MNIST: 9,000 training, 1,000 validation, 2,000 test images');
      await page.locator('[data-action="train"]').click();
      await page.waitForFunction(() => document.querySelector('.progress-card')?.dataset.state === 'finished', null, WAIT);
      const validation = await page.locator('[data-stat="val-accuracy"]').innerText();
      console.log(`one epoch on 9,000 images in ${since(t0)} ms: validation accuracy ${validation}`);
      assert.ok(Number.parseFloat(validation) > 85, `validation accuracy after one epoch: ${validation}`);
      await page.locator('.model-row').first().waitFor(WAIT);
      const notices = await page.locator('.alert.info').allInnerTexts();
      assert.equal(notices.length, 1, `one storage notice: ${JSON.stringify(notices)}`);
      assert.match(notices[0], /keeps no data for this page/);
      await screenshot(page, 'offline-train-one-epoch');
      assert.deepEqual(s.problems, []);
    } finally {
      await s.close();
    }
  });
});
