// Backprop as a student steps through it: one XOR example forward and back
// with → (and ← once), every gradient read beside its finite difference and
// matching to 4 digits, the chain rule of an output weight and of a hidden
// one, the update landing on the next example's weights, the link reopened
// on the same numbers, and XOR trained with the error falling. Fits a slide,
// passes axe.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertAccessible, assertFitsSlide } from './audit.mjs';
import { openPage, screenshot, since, withBrowser } from './helpers.mjs';

const WAIT = { timeout: 10_000 };
const SLIDE = { width: 960, height: 600 };
const number = (t) => Number(t.trim().replace('−', '-'));

/** Two numbers agree to 4 significant digits. */
function sameTo4(a, b, what) {
  assert.ok(Number.isFinite(a) && Number.isFinite(b), `${what}: ${a} and ${b}`);
  assert.ok(Math.abs(a - b) <= 5e-5 * Math.max(Math.abs(a), Math.abs(b), 1e-3), `${what}: backprop ${a} vs finite difference ${b}`);
}

async function columns(page) {
  const read = (col) => page.locator(`table.params td[data-col="${col}"]`).allInnerTexts();
  return { backprop: await read('backprop'), finite: await read('finite'), next: await read('next') };
}

describe('backprop, step by step', () => {
  const env = withBrowser();

  test('forward and back through one XOR example: each gradient matches its finite difference to 4 digits', async () => {
    const t0 = performance.now();
    const s = await openPage(env.browser, `${env.server.url}#/backprop`, { viewport: SLIDE });
    const { page } = s;
    try {
      const phase = page.locator('[data-phase]');
      await phase.filter({ hasText: 'Step 1 of 7' }).waitFor(WAIT);
      await page.locator('.graph .node.input').first().filter({ hasText: 'x₁ = 1' }).waitFor(WAIT);
      await page.locator('.backprop-widget h1').click();
      for (const [k, text] of [[2, 'Forward, hidden layer'], [3, 'Forward, output layer'], [4, 'The error E'], [5, 'Backward, output layer']]) {
        await page.keyboard.press('ArrowRight');
        await phase.filter({ hasText: `Step ${k} of 7. ${text}` }).waitFor(WAIT);
      }
      // The output layer's gradients are known, the hidden layer's not yet.
      let c = await columns(page);
      assert.deepEqual(c.backprop.slice(0, 6), ['', '', '', '', '', ''], 'no hidden gradient before the backward pass reaches it');
      assert.ok(c.backprop.slice(6).every((t) => t !== ''), 'every output-layer gradient is shown');
      // The chain rule for the selected weight h₁→o₁, factor by factor.
      const chain = page.locator('.chain');
      await chain.filter({ hasText: 'The chain rule for w h₁→o₁' }).waitFor(WAIT);
      const formula = await page.locator('[data-chain="formula"]').innerText();
      const [dEdx, dxds, xj, g] = formula.match(/= (\S+) · (\S+) · (\S+) = (\S+)$/).slice(1).map((t) => number(t.replace(/[()]/g, '')));
      sameTo4(dEdx * dxds * xj, g, 'the product of the three factors');
      const backprop = number(await chain.locator('[data-value="backprop"]').innerText());
      const finite = number(await chain.locator('[data-value="finite"]').innerText());
      sameTo4(backprop, finite, 'w h₁→o₁');
      console.log(`w h₁→o₁: backprop ${backprop}, finite difference ${finite}`);

      // One step back and on again, then the hidden layer.
      await page.keyboard.press('ArrowLeft');
      await phase.filter({ hasText: 'Step 4 of 7' }).waitFor(WAIT);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await phase.filter({ hasText: 'Step 6 of 7. Backward, hidden layer' }).waitFor(WAIT);
      c = await columns(page);
      c.backprop.forEach((b, k) => sameTo4(number(b), number(c.finite[k]), `parameter ${k}`));
      // A hidden weight's chain rule, picked on the graph.
      await page.getByRole('button', { name: /^w x₁→h₂:/ }).click();
      await chain.filter({ hasText: 'The chain rule for w x₁→h₂' }).waitFor(WAIT);
      assert.match(await page.locator('[data-chain="where"]').innerText(), /∂E\/∂x = Σᵢ ∂E\/∂sᵢ · w\(h₂→oᵢ\)/);
      sameTo4(number(await chain.locator('[data-value="backprop"]').innerText()), number(await chain.locator('[data-value="finite"]').innerText()), 'w x₁→h₂');

      // The update, then the next example starts from the updated weights.
      await page.getByRole('button', { name: 'Update →' }).click();
      await phase.filter({ hasText: 'Step 7 of 7. The update' }).waitFor(WAIT);
      const updated = (await columns(page)).next.map(number);
      await assertFitsSlide(page);
      await assertAccessible(page);
      await screenshot(page, 'backprop-update');
      await page.getByRole('button', { name: 'Next example →' }).click();
      await phase.filter({ hasText: 'Step 1 of 7' }).waitFor(WAIT);
      await page.locator('.graph .node.input').first().filter({ hasText: 'x₁ = 0' }).waitFor(WAIT); // XOR's next row: (0, 0)
      const values = async (p) => (await p.locator('table.params input').evaluateAll((els) => els.map((e) => e.value))).map(Number);
      (await values(page)).forEach((v, k) => sameTo4(v, updated[k], `weight ${k} after the update`));

      await page.waitForFunction(() => /trained=1/.test(location.hash) && /w=/.test(location.hash), null, WAIT);
      const again = await openPage(env.browser, page.url(), { viewport: SLIDE });
      try {
        await again.page.locator('.graph .node.input').first().filter({ hasText: 'x₁ = 0' }).waitFor(WAIT);
        await again.page.waitForFunction(() => document.querySelector('table.params input')?.value !== '0');
        assert.deepEqual(await values(again.page), await values(page), 'the link reopens on the same weights');
        again.assertClean();
      } finally {
        await again.close();
      }
      s.assertClean();
      console.log(`backprop stepped ${since(t0)} ms`);
    } finally {
      await s.close();
    }
  });

  test('XOR as a preset: training many examples lowers the mean error; softmax and tanh too', async () => {
    const s = await openPage(env.browser, `${env.server.url}#/backprop?hidden=3`, { viewport: SLIDE, colorScheme: 'dark' });
    const { page } = s;
    try {
      const trained = page.locator('[data-trained]');
      await page.getByRole('button', { name: 'Train 1000' }).click();
      await trained.filter({ hasText: 'Trained on 1000 examples' }).waitFor(WAIT);
      const first = Number.parseFloat((await trained.innerText()).match(/mean E over XOR (\S+)/)[1]);
      for (let k = 2; k <= 4; k++) {
        await page.getByRole('button', { name: 'Train 1000' }).click();
        await trained.filter({ hasText: `Trained on ${k}000 examples` }).waitFor(WAIT);
      }
      const last = Number.parseFloat((await trained.innerText()).match(/mean E over XOR (\S+)/)[1]);
      assert.ok(last < first && last < 0.1, `mean E fell from ${first} to ${last}`);
      await page.getByText('Mean E over XOR as it trains').click();
      assert.equal(await page.locator('.loss-chart .line-chart').getAttribute('data-points'), '4');

      // Softmax outputs and tanh units: the gradients still match their finite differences.
      await page.getByRole('combobox', { name: 'Output' }).selectOption('softmax');
      await page.getByRole('combobox', { name: 'Hidden f' }).selectOption('tanh');
      await page.locator('[data-trained]').filter({ hasText: 'not trained yet' }).waitFor(WAIT);
      await page.locator('.backprop-widget h1').click();
      for (let k = 0; k < 5; k++) await page.keyboard.press('ArrowRight');
      await page.locator('[data-phase]').filter({ hasText: 'Step 6 of 7' }).waitFor(WAIT);
      await page.waitForFunction(() => [...document.querySelectorAll('table.params td[data-col="backprop"]')].every((td) => td.textContent !== ''));
      const c = await columns(page);
      assert.equal(c.backprop.length, 17, 'a 2-3-2 network has 17 parameters');
      c.backprop.forEach((b, k) => sameTo4(number(b), number(c.finite[k]), `softmax parameter ${k}`));
      await assertAccessible(page);
      await screenshot(page, 'backprop-softmax-dark');
      s.assertClean();
    } finally {
      await s.close();
    }
  });

  test('η = 10 with ReLU units: the error explodes without NaN, training stops on the last good weights and says why', async () => {
    const s = await openPage(env.browser, `${env.server.url}#/backprop?hidden=3&act=relu&lr=10&ex=0`, { viewport: SLIDE });
    const { page } = s;
    try {
      await page.locator('[data-trained]').filter({ hasText: 'not trained yet' }).waitFor(WAIT);
      await page.getByRole('button', { name: 'Train 100', exact: true }).click();
      const note = page.locator('[data-diverged]');
      await note.filter({ hasText: /^Training diverged and stopped: the loss exploded: averaged over recent steps it reached \S+, over 100 × its start \(0\.693\) at step 8 of 100; weights restored to their last good values\. Try a smaller learning rate\.$/ }).waitFor(WAIT);
      await page.locator('[data-trained]').filter({ hasText: 'Trained on 7 examples' }).waitFor(WAIT);
      await page.waitForFunction(() => /trained=7/.test(location.hash) && /w=/.test(location.hash), null, WAIT);
      const weights = (await page.evaluate(() => new URLSearchParams(location.hash.split('?')[1]).get('w'))).split('_').map(Number);
      assert.equal(weights.length, 13);
      assert.ok(weights.every((v) => Number.isFinite(v) && Math.abs(v) <= 1000), `the link keeps the last good weights: ${weights}`);
      await screenshot(page, 'backprop-diverged');
      // Reset clears the note.
      await page.getByRole('button', { name: 'Reset' }).click();
      await note.waitFor({ state: 'hidden', ...WAIT });
      s.assertClean();
    } finally {
      await s.close();
    }
  });
});
