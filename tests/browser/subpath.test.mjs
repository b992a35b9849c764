// dist/ on any static host, under any sub-path, without rebuilding and with
// no special headers: served here under /course/mlp/ by a plain static server
// (no CSP, no COOP/COEP, nothing but a MIME type), the Draw view loads its
// model from the sub-path and reads a drawn 7, the Train view finds MNIST
// there, the favicon is the site's own, and nothing is requested outside the
// sub-path.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DIST, drawAndRead, launchBrowser, openPage, requireBuild, screenshot } from './helpers.mjs';
import { mimeType } from '../../scripts/serve.mjs';

const WAIT = { timeout: 20_000 };
const PREFIX = '/course/mlp/';

/** The most plain static server: files under PREFIX, index.html for folders, 404 otherwise. */
function plainServer() {
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    let file = pathname.startsWith(PREFIX) ? path.join(DIST, decodeURIComponent(pathname.slice(PREFIX.length))) : null;
    if (file && !file.startsWith(DIST)) file = null;
    if (file && fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!file || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': mimeType(file) });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('dist/ under a sub-path of a plain static host', () => {
  let server = null;
  let browser = null;
  let base = '';
  before(async () => {
    requireBuild();
    [server, browser] = await Promise.all([plainServer(), launchBrowser()]);
    base = `http://127.0.0.1:${server.address().port}${PREFIX}`;
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  test('draws a 7 under /course/mlp/, finds MNIST there, and asks for nothing outside it', async () => {
    const s = await openPage(browser, `${base}#/draw?model=pretrained`);
    const { page } = s;
    const requested = [];
    page.on('request', (r) => requested.push(r.url()));
    try {
      await page.waitForFunction(() => document.querySelector('.draw-widget')?.dataset.state === 'ready', null, WAIT);
      assert.equal(await drawAndRead(page, 7, WAIT), '7');
      assert.equal(await page.evaluate(() => document.querySelector('link[rel="icon"]').href), `${base}favicon.svg`);
      await screenshot(page, 'subpath-draw-7');

      await page.evaluate(() => (location.hash = '#/train'));
      await page.waitForFunction(() => document.querySelector('.data-line')?.dataset.state === 'ready', null, { timeout: 60_000 });
      const outside = requested.filter((u) => /^https?:/.test(u) && !u.startsWith(base));
      assert.deepEqual(outside, [], 'every request stays under the sub-path');
      s.assertClean();
    } finally {
      await s.close();
    }
  });
});
