// Universal approximation as a student explores it: the best error against N
// falling on the sine (N = 2, 8, 32), the fit played, paused with the space
// bar, stepped and its error read off the page, N moved by the keyboard, the
// bump built by hand and one of its sliders dragged with the mouse, a curve
// drawn across the plot with a pen and fitted, the link reopened on the same
// numbers. Fits a slide, passes axe.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertAccessible, assertFitsSlide } from './audit.mjs';
import { openPage, screenshot, since, withBrowser } from './helpers.mjs';

const WAIT = { timeout: 30_000 };
const SLIDE = { width: 960, height: 600 };
const number = (t) => Number(t.trim().replaceAll('−', '-').replaceAll(',', ''));
const hashParam = (page, key) => page.evaluate((k) => new URLSearchParams(location.hash.split('?')[1] ?? '').get(k), key);

/** The fit's readout: "Step 120 of 5,000 (paused). MSE 0.0123; ‖G − f‖∞ = 0.21 now, best 0.2 (step 100)." */
async function fitReadout(page) {
  const text = await page.locator('.uat-widget .readout').innerText();
  const m = text.match(/^Step ([\d,]+) of [\d,]+.*MSE (\S+); ‖G − f‖∞ = (\S+) now, best (\S+) \(step/);
  assert.ok(m, `a fit readout: "${text}"`);
  return { steps: number(m[1]), mse: number(m[2]), now: number(m[3]), best: number(m[4]), text };
}

/** The sweep's best error per N, as the error plot's dots carry it. */
const sweep = (page) =>
  page.locator('.error-plot .dot').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-n'), Number(e.getAttribute('data-error'))])));
const sweepDone = (page) => page.locator('[data-sweep]').filter({ hasText: /^Adam, 7 fits/ }).waitFor({ timeout: 90_000 });

describe('universal approximation', () => {
  const env = withBrowser();

  test('the sine: error against N falls, the fit played, paused and stepped; N from the keyboard', async () => {
    const t0 = performance.now();
    const s = await openPage(env.browser, `${env.server.url}#/uat`, { viewport: SLIDE });
    const { page } = s;
    try {
      await page.locator('.uat-widget .readout').filter({ hasText: /^Step 0 of 5,000 — press Fit/ }).waitFor(WAIT);
      const start = await page.locator('.uat-widget .readout').innerText();
      assert.match(start, /‖G − f‖∞ = 1 now/, 'G starts at 0: the sine’s peak is the error');

      await sweepDone(page);
      const e = await sweep(page);
      console.log(`sweep, best sup-norm error by N: ${JSON.stringify(e)}`);
      assert.ok(e[2] > e[8] && e[8] > e[32], `the error falls as N grows: N=2 ${e[2]}, N=8 ${e[8]}, N=32 ${e[32]}`);

      // Fit (the button), let it run, pause with the space bar.
      await page.getByRole('button', { name: 'Fit', exact: true }).click();
      await page.waitForFunction(() => /^Step ([1-9]\d{2,}|[1-9],\d{3})/.test(document.querySelector('.uat-widget .readout')?.textContent ?? ''), null, WAIT);
      await page.locator('.uat-widget h1').click();
      await page.keyboard.press(' ');
      await page.locator('.uat-widget .readout[data-state="paused"]').waitFor(WAIT);
      const paused = await fitReadout(page);
      assert.ok(paused.best < 0.5, `after ${paused.steps} Adam steps the best error is ${paused.best}`);
      await page.keyboard.press('ArrowRight');
      await page.locator('.uat-widget .readout').filter({ hasText: `Step ${(paused.steps + 1).toLocaleString('en')} of` }).waitFor(WAIT);
      // The plot carries the same error the readout states.
      assert.match(await page.locator('.uat-plot .sup text').textContent(), /^‖G − f‖∞ = /);
      // Eight units' contributions are drawn, plus G and the target.
      assert.equal(await page.locator('.uat-plot .unit').count(), 8);
      await assertFitsSlide(page);
      await assertAccessible(page);
      await screenshot(page, 'uat-sine-fit');

      // N from the keyboard: the slider's next value (12), then the link says so.
      const slider = page.getByRole('slider', { name: /^N, sigmoid units/ });
      await slider.focus();
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => /[?&]n=12(&|$)/.test(location.hash), null, WAIT);
      await page.locator('.uat-widget .readout').filter({ hasText: /^Step 0 of/ }).waitFor(WAIT);
      assert.equal(await page.locator('.uat-plot .unit').count(), 12);
      s.assertClean();
      console.log(`uat sine ${since(t0)} ms`);
    } finally {
      await s.close();
    }
  });

  test('built by hand: the bump from two steep units, a slider dragged; the link reopens on the same sum', async () => {
    const s = await openPage(env.browser, `${env.server.url}#/uat?target=bump`, { viewport: SLIDE, colorScheme: 'dark' });
    const { page } = s;
    try {
      await page.getByRole('button', { name: 'Build by hand' }).click();
      await page.waitForFunction(() => /mode=hand/.test(location.hash), null, WAIT);
      const readout = page.locator('.uat-widget .readout[data-state="hand"]');
      await readout.filter({ hasText: /^2 units by hand/ }).waitFor(WAIT);
      const before = number((await readout.innerText()).match(/= (\S+) at/)[1]);
      assert.ok(before > 0 && before < 1, `the bump by hand: ${before}`);

      // Drag α2 with the mouse from its value toward 0: the sum changes, the link follows on release.
      const alpha2 = page.locator('input[data-unit="2"][data-param="α"]');
      const box = await alpha2.boundingBox();
      await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2, { steps: 5 });
      await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
      await page.mouse.up();
      await page.waitForFunction(() => !/hand=40_-17_1_40_-23_-1(&|$)/.test(location.hash) && /hand=/.test(location.hash), null, WAIT);
      const hand = await hashParam(page, 'hand');
      assert.match(hand, /^40_-17_1_40_-23_-?0(\.\d+)?$/, `α2 dragged to about 0: ${hand}`);
      await readout.filter({ hasText: /^2 units by hand/ }).waitFor(WAIT);
      const shown = await readout.innerText();
      assert.notEqual(number(shown.match(/= (\S+) at/)[1]), before, 'the sum moved with the slider');
      await assertFitsSlide(page);
      await assertAccessible(page);
      await screenshot(page, 'uat-by-hand-dark');

      const again = await openPage(env.browser, page.url(), { viewport: SLIDE });
      try {
        await again.page.locator('.uat-widget .readout[data-state="hand"]').filter({ hasText: /^2 units by hand/ }).waitFor(WAIT);
        assert.equal(await again.page.locator('.uat-widget .readout').innerText(), shown, 'the link reopens on the same sum');
        again.assertClean();
      } finally {
        await again.close();
      }
      s.assertClean();
    } finally {
      await s.close();
    }
  });

  test('a curve drawn with a pen, then fitted', async () => {
    const s = await openPage(env.browser, `${env.server.url}#/uat?n=16`, { viewport: SLIDE });
    const { page } = s;
    try {
      await page.locator('.uat-widget .readout').filter({ hasText: /^Step 0 of/ }).waitFor(WAIT);
      await page.getByRole('combobox', { name: 'Target f' }).selectOption('drawn');
      await page.waitForFunction(() => /target=drawn/.test(location.hash) && /[?&]k=/.test(location.hash), null, WAIT);
      await page.locator('.uat-plot.drawable').waitFor(WAIT);

      // A pen stroke across the plot: a ramp from −0.5 at x = 0 up to 1 at x = 1 (plot.ts: 560 × 300, frame L 34, R 10, T 10, B 22, y ∈ ±1.35).
      const box = await page.locator('.uat-plot').boundingBox();
      const at = (x, y) => ({ x: box.x + ((34 + x * 516) / 560) * box.width, y: box.y + ((10 + ((1.35 - y) / 2.7) * 268) / 300) * box.height });
      const cdp = await page.context().newCDPSession(page);
      const pen = (type, p) => cdp.send('Input.dispatchMouseEvent', { type, x: p.x, y: p.y, button: 'left', buttons: type === 'mouseReleased' ? 0 : 1, clickCount: 1, pointerType: 'pen' });
      await pen('mousePressed', at(0, -0.5));
      for (let k = 1; k <= 20; k++) await pen('mouseMoved', at(k / 20, -0.5 + (1.5 * k) / 20));
      await pen('mouseReleased', at(1, 1));
      assert.equal(await page.locator('.uat-plot').getAttribute('data-pointer'), 'pen');
      await page.waitForFunction(() => {
        const k = new URLSearchParams(location.hash.split('?')[1]).get('k')?.split('_').map(Number) ?? [];
        return k.length === 33 && Math.abs(k[0] + 0.5) < 0.1 && Math.abs(k[16] - 0.25) < 0.1 && Math.abs(k[32] - 1) < 0.1;
      }, null, WAIT);

      await page.locator('.uat-widget .readout').filter({ hasText: /^Step 0 of.*press Fit/ }).waitFor(WAIT);
      await page.getByRole('button', { name: 'Fit', exact: true }).click();
      await page.waitForFunction(() => {
        const m = (document.querySelector('.uat-widget .readout')?.textContent ?? '').match(/best (\S+) \(step/);
        return m && Number(m[1].replace('−', '-')) < 0.1;
      }, null, { timeout: 60_000 });
      await page.getByRole('button', { name: 'Pause' }).click();
      const r = await fitReadout(page);
      console.log(`drawn ramp, 16 units: best ${r.best} after ${r.steps} steps`);
      await assertFitsSlide(page);
      await assertAccessible(page);
      await screenshot(page, 'uat-drawn-pen');
      s.assertClean();
    } finally {
      await s.close();
    }
  });
});
