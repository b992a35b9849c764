// The activation functions as a student reads them: the sigmoid at the
// cursor read as a probability, ReLU's dead region under a hovered negative z,
// the cursor moved by the arrow keys and by a finger, ELU's α slider moving
// its floor, f′ beside central differences of f, the link reopened on the
// same numbers. Fits a slide, passes axe.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertAccessible, assertFitsSlide } from './audit.mjs';
import { openPage, screenshot, since, withBrowser } from './helpers.mjs';

const WAIT = { timeout: 15_000 };
const SLIDE = { width: 960, height: 600 };
const number = (t) => Number(t.trim().replaceAll('−', '-'));

/** { z, f, d } read from a function's readout, e.g. "σ(1.5) = 0.8176 σ′ = 0.1491". */
async function readout(page, name) {
  const text = await page.locator(`[data-readout="${name}"]`).innerText();
  const m = text.match(/\((\S+)\) = (\S+)\s+\S+′ = (\S+)/);
  assert.ok(m, `a readout: "${text}"`);
  return { z: number(m[1]), f: number(m[2]), d: number(m[3]), text };
}

/** Moves the mouse over a function's plot at data coordinate z (the plot spans z from −s to s). */
async function hover(page, name, z, span = 6) {
  const plot = page.locator(`[data-function="${name}"] .curve-plot`);
  await plot.scrollIntoViewIfNeeded(); // a slide's lower row sits below the site's header
  const box = await plot.boundingBox();
  // The plot's frame runs from 30/300 to 294/300 of its width (plot.ts: L = 30, R = 6).
  const x = box.x + box.width * ((30 + ((z + span) / (2 * span)) * 264) / 300);
  await page.mouse.move(x, box.y + box.height / 2);
}

describe('activation functions', () => {
  const env = withBrowser();

  test('the six functions at a cursor: the sigmoid as a probability, ReLU’s dead region, ELU’s floor', async () => {
    const t0 = performance.now();
    const s = await openPage(env.browser, `${env.server.url}#/activations`, { viewport: SLIDE });
    const { page } = s;
    try {
      await page.locator('.curve-grid[data-state="ready"]').waitFor(WAIT);
      const sig = await readout(page, 'sigmoid');
      assert.equal(sig.z, 1.5);
      assert.ok(Math.abs(sig.f - 1 / (1 + Math.exp(-1.5))) < 1e-4, sig.text);
      assert.ok(Math.abs(sig.d - sig.f * (1 - sig.f)) < 1e-4, 'σ′ = σ(1 − σ)');
      assert.match(await page.locator('[data-remark="sigmoid"]').innerText(), /read as a probability: P = 0\.818 at z = 1\.5/);
      assert.equal((await readout(page, 'step')).d, 0, 'step’s f′ is its documented 0');

      // A mouse hovering ReLU's left half: the dead region.
      await hover(page, 'relu', -2.5);
      await page.locator('[data-readout="relu"] .flag').filter({ hasText: 'dead' }).waitFor(WAIT);
      const relu = await readout(page, 'relu');
      assert.ok(relu.z < -2 && relu.z > -3, `hovered z ${relu.z}`);
      assert.deepEqual([relu.f, relu.d], [0, 0]);
      assert.match(await page.locator('[data-remark="relu"]').innerText(), /^Dead region: at z = −2\.\d+ the output is 0 and f′ = 0/);
      // Every plot follows the same cursor; the sigmoid there is saturated-ish but not flat.
      const tanh = await readout(page, 'tanh');
      assert.equal(tanh.z, relu.z);
      assert.ok(Math.abs(tanh.d - (1 - tanh.f ** 2)) < 1e-3, 'tanh′ = 1 − tanh²');

      // The keyboard: → moves the cursor by 0.1.
      await page.mouse.move(5, 5);
      await page.locator('.activations-widget h1').click();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((z) => new URLSearchParams(location.hash.split('?')[1]).get('z') === String(z), Math.round((relu.z + 0.2) * 1000) / 1000, WAIT);

      // f′ against central differences of f, read off the hovered grid (every 1/40).
      await hover(page, 'elu', -1);
      const a = await readout(page, 'elu');
      assert.ok(Math.abs(a.d - (a.f + 1)) < 1e-3, `ELU′ = f + α below 0 (α = 1): ${a.text}`);

      // ELU's α: the floor −α moves with it.
      const ea = page.getByRole('slider', { name: 'ELU α' });
      await ea.focus();
      for (let k = 0; k < 5; k++) await page.keyboard.press('ArrowLeft');
      await page.waitForFunction(() => /ea=0\.5/.test(location.hash), null, WAIT);
      await page.locator('[data-function="elu"] .asymptote-label').filter({ hasText: '−α = −0.5' }).waitFor(WAIT);
      await page.locator('[data-remark="elu"]').filter({ hasText: 'down to −α = −0.5' }).waitFor(WAIT);

      await assertFitsSlide(page);
      await assertAccessible(page);
      await screenshot(page, 'activations');
      const shown = await page.locator('.readout').allInnerTexts();
      const again = await openPage(env.browser, page.url(), { viewport: SLIDE });
      try {
        await again.page.locator('.curve-grid[data-state="ready"]').waitFor(WAIT);
        await again.page.locator('[data-function="elu"] .asymptote-label').filter({ hasText: '−α = −0.5' }).waitFor(WAIT);
        assert.deepEqual(await again.page.locator('.readout').allInnerTexts(), shown, 'the link reopens on the same numbers');
        again.assertClean();
      } finally {
        await again.close();
      }
      s.assertClean();
      console.log(`activations read ${since(t0)} ms`);
    } finally {
      await s.close();
    }
  });

  test('a finger on a phone moves the cursor; dark theme', async () => {
    const s = await openPage(env.browser, `${env.server.url}#/activations?span=3&sat=0.1`, { viewport: { width: 400, height: 860 }, colorScheme: 'dark', hasTouch: true, deviceScaleFactor: 2 });
    const { page } = s;
    try {
      await page.locator('.curve-grid[data-state="ready"]').waitFor(WAIT);
      const plot = page.locator('[data-function="sigmoid"] .curve-plot');
      await plot.scrollIntoViewIfNeeded();
      const box = await plot.boundingBox();
      const cdp = await page.context().newCDPSession(page);
      const touch = (x) => ({ x, y: box.y + box.height / 2, radiusX: 4, radiusY: 4, force: 1, id: 1 });
      const x0 = box.x + box.width * (30 / 300);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [touch(x0 + 10)] });
      for (let k = 1; k <= 5; k++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [touch(x0 + 10 + k * 6)] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      assert.equal(await plot.getAttribute('data-pointer'), 'touch');
      await page.locator('[data-readout="sigmoid"] .flag').filter({ hasText: 'saturated' }).waitFor(WAIT);
      const r = await readout(page, 'sigmoid');
      assert.ok(r.z < -2, `a finger near the left edge of z ∈ [−3, 3]: z = ${r.z}`);
      assert.ok(r.d < 0.1, 'saturated: σ′ below the threshold 0.1');
      await assertAccessible(page);
      await screenshot(page, 'activations-phone-dark');
      s.assertClean();
    } finally {
      await s.close();
    }
  });
});
