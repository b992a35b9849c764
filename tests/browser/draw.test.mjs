// A person's path through the Draw view, against the built page (dist/) with
// the production CSP: the home page is the pad; 0, 1 and 7 drawn with real
// pointer events (a mouse, then a finger) are read correctly with the
// pretrained model; undo removes the last stroke and clear empties the pad;
// the 28×28 image the network sees is shown; one reading takes well under a
// frame; a corrupt model file is reported with the core's message.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DIGITS } from './digit-strokes.mjs';
import { drawWithMouse, openPage, screenshot, since, withBrowser } from './helpers.mjs';

const WAIT = { timeout: 10_000 };
const FRAME_MS = 16;

const widget = (page) => page.locator('.draw-widget');

async function waitForModel(page) {
  await page.waitForFunction(() => document.querySelector('.draw-widget')?.dataset.state === 'ready', null, WAIT);
}

/** Waits until the answer on screen is for the ink on the pad, and returns it. */
async function reading(page) {
  await page.waitForFunction(() => document.querySelector('.draw-widget')?.dataset.current === 'true', null, WAIT);
  return page.evaluate(() => {
    const root = document.querySelector('.draw-widget');
    const readout = root.querySelector('.readout');
    const preview = root.querySelector('.digit-preview');
    return {
      state: readout.dataset.state,
      digit: readout.dataset.digit === undefined ? null : Number(readout.dataset.digit),
      headline: readout.querySelector('.verdict-headline').textContent,
      detail: readout.querySelector('.verdict-detail').textContent,
      latencyMs: Number(root.dataset.latencyMs),
      ink: Number(preview.dataset.ink),
      pointerType: root.querySelector('.pad-frame').dataset.pointerType,
    };
  });
}

/** Canvas fractions to page coordinates of the pad. */
async function padMapper(page) {
  const box = await page.locator('.pad-canvas').boundingBox();
  return ([x, y]) => [box.x + x * box.width, box.y + y * box.height];
}

/** A finger, through the DevTools protocol: the page gets pointer events of type "touch". */
async function drawWithFinger(page, cdp, digit) {
  const at = await padMapper(page);
  for (const stroke of DIGITS[digit]) {
    const points = stroke.map(at);
    const touch = ([x, y]) => ({ x, y, radiusX: 4, radiusY: 4, force: 1, id: 1 });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [touch(points[0])] });
    for (const p of points.slice(1)) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [touch(p)] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  }
}

/** Lets the probability bars finish their 120 ms transition before a screenshot. */
const settle = (page) => page.waitForTimeout(200);

/** How many of the preview's 28×28 pixels are not paper (read back from the canvas itself). */
function inkedPreviewPixels(page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('.digit-preview');
    const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    for (let i = 0; i < px.length; i += 4) {
      if (Math.abs(px[i] - px[0]) + Math.abs(px[i + 1] - px[1]) + Math.abs(px[i + 2] - px[2]) > 60) inked++;
    }
    return inked;
  });
}

describe('draw widget', () => {
  const env = withBrowser();

  test('mouse: the home page reads 0, 1 and 7; undo and clear; the network’s view; latency', async () => {
    const t0 = performance.now();
    const s = await openPage(env.browser, env.server.url);
    const { page } = s;
    try {
      await widget(page).waitFor(WAIT);
      assert.equal(new URL(page.url()).hash, '#/draw', 'the Draw view is the home page');
      assert.equal(await page.getByRole('link', { name: 'Draw' }).getAttribute('aria-current'), 'page');
      await waitForModel(page);
      console.log(`model ready ${since(t0)} ms after navigation: ${await page.locator('.model-label').innerText()}`);
      assert.match(await page.locator('.model-label').innerText(), /^pretrained model \(99\.3%\)$/);
      let r = await reading(page);
      assert.equal(r.state, 'empty');
      assert.equal(r.headline, 'Draw a digit');

      const latencies = [];
      for (const digit of [0, 1, 7]) {
        await page.keyboard.press('Escape');
        await drawWithMouse(page, digit);
        r = await reading(page);
        console.log(`mouse ${digit}: ${r.headline}, ${r.detail}, ${r.latencyMs} ms`);
        assert.equal(r.digit, digit, `drew ${digit}, the page says "${r.headline}" (${r.detail})`);
        assert.equal(r.pointerType, 'mouse');
        assert.ok(r.ink > 30, `the 28×28 preview holds ink (${r.ink})`);
        latencies.push(r.latencyMs);
      }
      // The median: the build machines are shared, and one reading can wait for a CPU.
      const median = [...latencies].sort((a, b) => a - b)[1];
      assert.ok(median < FRAME_MS, `preprocess + forward pass under a frame: ${latencies} ms`);
      assert.match(await page.locator('.latency').innerText(), /^\d+(\.\d+)? ms to preprocess and read it/, 'the latency is shown');
      assert.ok((await inkedPreviewPixels(page)) > 40, 'the preview canvas shows the digit');
      const top = page.locator('.prob[data-top]');
      assert.equal(await top.count(), 1, 'one bar is highlighted');
      assert.equal(await top.getAttribute('data-digit'), '7');
      assert.match(await top.locator('.prob-value').innerText(), /^\d+(\.\d)?%$/);
      await settle(page);
      await screenshot(page, 'draw-7-light');

      // A second stroke changes the reading; undo (button, then Ctrl+Z for another) takes strokes back one at a time.
      const seven = r;
      await drawWithMouse(page, 0);
      r = await reading(page);
      assert.notEqual(r.ink, seven.ink, 'the extra stroke reached the network');
      await page.getByRole('button', { name: 'Undo' }).click();
      r = await reading(page);
      assert.equal(r.digit, 7, 'undo restores the 7');
      assert.equal(r.ink, seven.ink, 'exactly the ink of the 7 again');
      await page.keyboard.press('Control+z');
      r = await reading(page);
      assert.equal(r.state, 'empty', 'Ctrl+Z removed the last stroke: the pad is empty');
      assert.ok(await page.getByRole('button', { name: 'Undo' }).isDisabled());

      // Clear empties the pad (button; Escape was used above).
      await drawWithMouse(page, 1);
      assert.equal((await reading(page)).digit, 1);
      await page.getByRole('button', { name: 'Clear' }).click();
      r = await reading(page);
      assert.equal(r.state, 'empty');
      assert.equal(r.headline, 'Draw a digit');
      assert.equal(r.ink, 0, 'the preview is blank');
      assert.equal(await page.locator('.prob[data-top]').count(), 0, 'no bar is highlighted');
      assert.ok(await page.getByRole('button', { name: 'Clear' }).isDisabled());

      assert.equal(await page.locator('.alert').count(), 0, 'no error banner');
      s.assertClean();
      console.log(`mouse test ${since(t0)} ms`);
    } finally {
      await s.close();
    }
  });

  test('touch on a HiDPI phone, dark theme: a finger draws a 7 without scrolling the page', async () => {
    const t0 = performance.now();
    const s = await openPage(env.browser, `${env.server.url}#/draw`, {
      viewport: { width: 390, height: 844 },
      colorScheme: 'dark',
      deviceScaleFactor: 3,
      hasTouch: true,
    });
    const { page } = s;
    try {
      await waitForModel(page);
      const bitmap = await page.evaluate(() => {
        const c = document.querySelector('.pad-canvas');
        return { width: c.width, css: c.clientWidth, dpr: window.devicePixelRatio };
      });
      assert.equal(bitmap.width, Math.round(bitmap.css * bitmap.dpr), `the pad's bitmap is CSS size × 3: ${JSON.stringify(bitmap)}`);
      const cdp = await page.context().newCDPSession(page);
      await page.locator('.pad-canvas').scrollIntoViewIfNeeded();
      const scrollBefore = await page.evaluate(() => window.scrollY);
      await drawWithFinger(page, cdp, 7);
      const r = await reading(page);
      console.log(`touch 7: ${r.headline}, ${r.detail}, ${r.latencyMs} ms`);
      assert.equal(r.pointerType, 'touch', 'the strokes arrived as touch pointer events');
      assert.equal(r.digit, 7, `drew 7 with a finger, the page says "${r.headline}"`);
      assert.equal(await page.evaluate(() => window.scrollY), scrollBefore, 'the page did not scroll under the finger');
      assert.ok(r.latencyMs > 0, `a latency is shown (${r.latencyMs} ms)`);
      await page.evaluate(() => window.scrollTo(0, 0));
      await settle(page);
      await screenshot(page, 'draw-7-phone-dark');
      s.assertClean();
      console.log(`touch test ${since(t0)} ms`);
    } finally {
      await s.close();
    }
  });

  test('a corrupt model file is reported with the core’s message', async () => {
    const s = await openPage(env.browser, 'about:blank', { colorScheme: 'dark' });
    const { page } = s;
    try {
      await page.context().route('**/models/mnist-mlp.mlpl', (route) =>
        route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from('not a model') }),
      );
      await page.goto(`${env.server.url}#/draw`);
      await page.waitForFunction(() => document.querySelector('.draw-widget')?.dataset.state === 'error', null, WAIT);
      const alert = page.locator('.readout [role="alert"]');
      assert.match(await alert.innerText(), /The model could not be loaded/);
      assert.match(await alert.innerText(), /model file: not an MLP Lab model/);
      assert.ok(await page.getByRole('button', { name: 'Try again' }).isVisible());
      await screenshot(page, 'draw-model-error-dark');

      // The file is fine again: Try again loads it and the pad reads.
      await page.context().unroute('**/models/mnist-mlp.mlpl');
      await page.getByRole('button', { name: 'Try again' }).click();
      await waitForModel(page);
      await drawWithMouse(page, 1);
      assert.equal((await reading(page)).digit, 1);
      s.assertClean();
    } finally {
      await s.close();
    }
  });
  test('a library model reads once picked; the picker goes to the pretrained one and back; a link can pin the pretrained one', async () => {
    const s = await openPage(env.browser, `${env.server.url}#/draw`);
    const { page } = s;
    try {
      await waitForModel(page);
      const picker = page.getByLabel('Model', { exact: true });
      assert.ok(await picker.isDisabled(), 'nothing to pick while the library is empty');
      // A model in the library, picked for the Draw view, as the Train view stores them (web/src/model/library.ts).
      await page.evaluate(async () => {
        const bytes = new Uint8Array(await (await fetch('models/mnist-mlp.mlpl')).arrayBuffer());
        const db = await new Promise((resolve, reject) => {
          const req = indexedDB.open('mlp-lab');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        const record = {
          id: 'm-test',
          name: 'My model',
          bytes,
          spec: { inputs: 784, layers: [{ units: 300 }, { units: 100 }, { units: 10 }] },
          settings: null,
          testAccuracy: 0.9903,
          savedAt: Date.now(),
          epochs: 0,
          origin: { kind: 'imported', fileName: 'mnist-mlp.mlpl' },
          history: null,
          report: null,
        };
        await new Promise((resolve, reject) => {
          const tx = db.transaction(['library', 'prefs'], 'readwrite');
          tx.objectStore('library').put(record);
          tx.objectStore('prefs').put('m-test', 'draw');
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      });
      await page.reload();
      await page.locator('.model-label').filter({ hasText: 'My model (99.0%)' }).waitFor(WAIT);
      await drawWithMouse(page, 7);
      assert.equal((await reading(page)).digit, 7);
      assert.equal(await widget(page).getAttribute('data-model'), 'user');
      assert.equal(await picker.inputValue(), 'm-test');

      await picker.selectOption('pretrained');
      await page.locator('.model-label').filter({ hasText: 'pretrained model (99.3%)' }).waitFor(WAIT);
      const r = await reading(page);
      assert.equal(r.digit, 7, 'the same ink, read again by the pretrained model');
      assert.equal(await widget(page).getAttribute('data-model'), 'pretrained');
      assert.match(page.url(), /#\/draw\?model=pretrained$/, 'the link pins the pretrained model');
      await picker.focus();
      await page.keyboard.press('ArrowDown'); // a select moves with the arrow keys
      await page.locator('.model-label').filter({ hasText: 'My model' }).waitFor(WAIT);
      await settle(page);
      await screenshot(page, 'draw-your-model');

      // A link that pins the pretrained model reads with it, whatever this browser picked (an edited link, read live).
      await page.goto(`${env.server.url}#/draw?model=pretrained`);
      await page.locator('.model-label').filter({ hasText: 'pretrained model (99.3%)' }).waitFor(WAIT);
      s.assertClean();
    } finally {
      await s.close();
    }
  });

  test('the home page reads with the digit reader; the full build arrives when another view needs it', async () => {
    const s = await openPage(env.browser, env.server.url);
    const { page } = s;
    const wasm = [];
    page.on('requestfinished', (r) => r.url().endsWith('.wasm') && wasm.push(new URL(r.url()).pathname.replace(/^.*\/mlp-(\w+)-.*$/, '$1')));
    try {
      await waitForModel(page);
      const status = page.getByRole('status').filter({ hasText: 'WASM' });
      assert.equal(await status.innerText(), 'WASM SIMD · digit reader');
      await drawWithMouse(page, 7);
      assert.equal((await reading(page)).digit, 7);
      assert.deepEqual(wasm, ['reader'], 'only the reader was downloaded');

      // Logic gates needs the full module: the worker loads it beside the reader, nothing restarts.
      await page.getByRole('link', { name: 'Logic gates' }).click();
      await page.getByRole('button', { name: 'Train' }).click();
      await page.waitForFunction(() => /converged|did not converge/.test(document.querySelector('[data-stat="perceptron-status"]')?.textContent ?? ''), null, WAIT);
      assert.match(await status.innerText(), /^WASM SIMD · (?!digit reader)/, 'the chip names the full build');
      // The test server is cross-origin isolated: the full build is the threads one.
      assert.deepEqual(wasm, ['reader', 'threads'], 'the full build, once');

      // Back on Draw the digit service is the one that read before: same model, same answers.
      await page.getByRole('link', { name: 'Draw' }).click();
      await waitForModel(page);
      await drawWithMouse(page, 3);
      assert.equal((await reading(page)).digit, 3);
      assert.deepEqual(wasm, ['reader', 'threads'], 'nothing was downloaded again');
      s.assertClean();
    } finally {
      await s.close();
    }
  });
});
