// Rosenblatt's rule as a student steps through it: an epoch of OR one example
// at a time, the numbers written in the rule checked against the weights
// shown (and against the rule itself); the run's end, the link reopened on
// the same step; XOR never converging, with its cycle in weight space; a
// clicked point; the convergence theorem's plot. Fits a slide, passes axe.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertAccessible, assertFitsSlide } from './audit.mjs';
import { openPage, screenshot, since, withBrowser } from './helpers.mjs';

const WAIT = { timeout: 10_000 };
const SLIDE = { width: 960, height: 600 };

/** "(−1, 0, 1)" → [-1, 0, 1] */
const vector = (text) => text.match(/\(([^()]*)\)\s*$/)[1].split(', ').map((v) => Number(v.replace('−', '-')));
const rule = async (page, key) => page.locator(`[data-rule="${key}"]`).innerText();
const shown = async (page) => vector(await page.locator('[data-weights]').innerText());

describe('the perceptron, step by step', () => {
  const env = withBrowser();

  test('an epoch of OR: each update in the rule is w + η(y − ŷ)x̂ and lands on the weights shown', async () => {
    const t0 = performance.now();
    const s = await openPage(env.browser, `${env.server.url}#/perceptron`, { viewport: SLIDE });
    const { page } = s;
    try {
      await page.locator('[data-status]').filter({ hasText: 'Step 0 of 16' }).waitFor(WAIT);
      assert.deepEqual(await shown(page), [0, 0, 0], 'weights start at zero');
      let w = [0, 0, 0];
      for (let k = 1; k <= 4; k++) {
        if (k === 1) await page.getByRole('button', { name: 'Step →' }).click();
        else await page.keyboard.press('ArrowRight');
        await page.locator('.where-now').filter({ hasText: `step ${k} of 16` }).waitFor(WAIT);
        const where = await rule(page, 'where');
        assert.match(where, new RegExp(`^Epoch 1, example ${k} of 4: `));
        const xHat = vector(where.replace(/, y = \d$/, ''));
        const y = Number(where.match(/y = (\d)$/)[1]);
        const yHat = Number((await rule(page, 'predict')).match(/ŷ = step\([^)]*\) = (\d)/)[1]);
        const err = Number((await rule(page, 'error')).match(/= (−?\d+)(:|$)/)[1].replace('−', '-'));
        assert.equal(err, y - yHat, 'error = y − ŷ');
        assert.deepEqual(vector(await rule(page, 'before')), w, 'the rule starts from the weights shown before');
        const after = vector(await rule(page, 'after'));
        assert.deepEqual(after, w.map((wj, j) => wj + 1 * err * xHat[j]), `step ${k}: w + η(y − ŷ)x̂ with η = 1`);
        assert.deepEqual(await shown(page), after, 'the weights shown are the rule’s result');
        w = after;
      }
      assert.deepEqual(w, [0, 0, 1], 'after the first epoch of OR');

      // On to the end: OR converges on the line through (0,1) and (1,0).
      await page.getByRole('button', { name: 'To the end' }).click();
      await page.locator('[data-status="converged"]').waitFor(WAIT);
      assert.deepEqual(await shown(page), [-1, 1, 1]);
      // Two steps back: (0, 1) lies on the final line, z = 0, and step(0) = 1 calls it 1.
      for (let k = 0; k < 2; k++) await page.keyboard.press('ArrowLeft');
      await page.locator('.where-now').filter({ hasText: 'step 14 of 16' }).waitFor(WAIT);
      assert.match(await rule(page, 'predict'), /= 0 → ŷ = step\(0\) = 1 \(on the line: step\(0\) = 1 by convention\)$/);

      // One more back; the link keeps the step.
      await page.keyboard.press('ArrowLeft');
      await page.locator('.where-now').filter({ hasText: 'step 13 of 16' }).waitFor(WAIT);
      await page.waitForFunction(() => /step=13/.test(location.hash), null, WAIT);
      const weights13 = await shown(page);
      await assertFitsSlide(page);
      await assertAccessible(page);
      await screenshot(page, 'perceptron-or-step');
      const again = await openPage(env.browser, page.url(), { viewport: SLIDE });
      try {
        await again.page.locator('.where-now').filter({ hasText: 'step 13 of 16' }).waitFor(WAIT);
        assert.deepEqual(await shown(again.page), weights13, 'a fresh browser shows the same step');
        again.assertClean();
      } finally {
        await again.close();
      }
      s.assertClean();
      console.log(`OR stepped ${since(t0)} ms`);
    } finally {
      await s.close();
    }
  });

  test('XOR does not converge: the weights cycle; a clicked point and the theorem', async () => {
    const s = await openPage(env.browser, `${env.server.url}#/perceptron`, { viewport: SLIDE });
    const { page } = s;
    try {
      await page.getByRole('combobox', { name: 'Data' }).selectOption('xor');
      await page.locator('[data-status="cycles"]').filter({ hasText: 'Does not converge' }).waitFor(WAIT);
      const verdict = await page.locator('[data-cycle="verdict"]').innerText();
      assert.match(verdict, /From epoch 3 the weights come back to w = \(0, −1, 0\) every epoch \(4 updates in 4 steps\), forever\./);
      assert.equal(await page.locator('.cycle-plot .dot').count(), 4, 'four weight vectors around the cycle');
      // Inside the cycle, the current weights are ringed on it.
      for (let k = 0; k < 10; k++) await page.keyboard.press('ArrowRight');
      await page.locator('.where-now').filter({ hasText: 'step 10 of' }).waitFor(WAIT);
      assert.equal(await page.locator('.cycle-plot .dot.now').count(), 1);
      await assertFitsSlide(page);
      await assertAccessible(page);
      await screenshot(page, 'perceptron-xor-cycle');

      // OR with a class-0 point clicked in at (0.9, 0.9) is no longer separable.
      await page.getByRole('combobox', { name: 'Data' }).selectOption('or');
      await page.locator('[data-status]').filter({ hasText: 'Step 0 of 16' }).waitFor(WAIT);
      await page.getByLabel('■ class 0').check();
      const box = await page.locator('.data-plot .frame').boundingBox();
      await page.locator('.data-plot').click({ position: { x: 0 + (box.x - (await page.locator('.data-plot').boundingBox()).x) + box.width * ((0.9 + 0.25) / 1.5), y: (box.y - (await page.locator('.data-plot').boundingBox()).y) + box.height * (1 - (0.9 + 0.25) / 1.5) } });
      await page.locator('[data-status="cycles"]').waitFor(WAIT);
      assert.equal(await page.locator('.data-plot .pt').count(), 5);
      assert.match(page.url(), /added=1\d{6}/);

      // The convergence theorem: every generated set within its bound.
      await page.getByText('The convergence theorem: updates against the margin').click();
      await page.locator('[data-theorem="summary"]').filter({ hasText: /^(\d+) of \1 sets converged within the theorem’s bound/ }).waitFor(WAIT);
      assert.ok((await page.locator('.theorem-plot .dot').count()) > 0);
      await assertAccessible(page);
      s.assertClean();
    } finally {
      await s.close();
    }
  });
});
