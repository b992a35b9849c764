// Vanishing and exploding gradients as a student explores them: the vanishing
// preset's first layer starved of gradient (over 1000× less than the last
// hidden layer), ReLU + He level, the healthy network trained with play,
// pause, one step and reset, Glorot & Bengio's top layer driven to 0 and
// saturating as it trains, the link reopened on the same numbers. Fits a
// slide, passes axe.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertAccessible, assertFitsSlide } from './audit.mjs';
import { openPage, screenshot, since, withBrowser } from './helpers.mjs';

const WAIT = { timeout: 20_000 };
const SLIDE = { width: 960, height: 600 };

const ready = (page) => page.locator('.vanishing-widget .figure[data-state="ready"]').waitFor(WAIT);
/** The gradient per weight of each layer, as the bars show it. */
const bars = (page) => page.locator('.grad-bars .bar.now').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
const ratio = async (page) => {
  const v = await bars(page);
  return v[0] / v[v.length - 2];
};
const steps = async (page) => Number(((await page.locator('[data-status]').innerText()).match(/^Step ([\d,]+)/)?.[1] ?? '0').replaceAll(',', ''));

describe('vanishing gradients', () => {
  const env = withBrowser();

  test('the presets: sigmoid starves its first layer, ReLU + He does not; training played, paused, stepped and reset', async () => {
    const t0 = performance.now();
    const s = await openPage(env.browser, `${env.server.url}#/vanishing`, { viewport: SLIDE });
    const { page } = s;
    try {
      await ready(page);
      await page.getByRole('button', { name: 'Vanishing: sigmoid' }).and(page.locator('[aria-pressed="true"]')).waitFor(WAIT);
      assert.equal((await bars(page)).length, 9, '8 hidden layers and the output');
      const vanishing = await ratio(page);
      assert.ok(vanishing < 1e-3, `sigmoid, σ = 2/√n: first/last hidden ${vanishing}`);
      assert.match(await page.locator('[data-ratio]').innerText(), /^first ÷ last hidden layer: \d(\.\d)? × 10⁻[⁴⁵⁶⁷⁸⁹]$/);
      assert.equal(await page.locator('.histograms .stat').count(), 8, 'one histogram per hidden layer');
      await assertFitsSlide(page);
      await assertAccessible(page);
      await screenshot(page, 'vanishing-sigmoid');

      await page.getByRole('button', { name: 'Healthy: ReLU + He' }).click();
      await page.waitForFunction(() => /act=relu/.test(location.hash) && /init=he_normal/.test(location.hash), null, WAIT);
      await page.locator('[data-status="idle"]').waitFor(WAIT);
      await ready(page);
      const healthy = await ratio(page);
      assert.ok(healthy > 0.1 && healthy < 10, `ReLU + He: first/last hidden ${healthy}`);

      // Play (20 steps a second), then pause with the space bar.
      await page.getByRole('button', { name: 'Play' }).click();
      await page.waitForFunction(() => /^Step \d+\./.test(document.querySelector('[data-status]')?.textContent ?? '') && Number(document.querySelector('[data-status]').textContent.match(/^Step (\d+)/)[1]) >= 20, null, WAIT);
      await page.locator('.vanishing-widget h1').click();
      await page.keyboard.press(' ');
      await page.locator('[data-status="paused"]').waitFor(WAIT);
      const paused = await steps(page);
      assert.ok(paused >= 20, `trained ${paused} steps`);
      await page.keyboard.press('ArrowRight');
      await page.locator('[data-status]').filter({ hasText: `Step ${paused + 1} (paused)` }).waitFor(WAIT);
      await page.getByText('Training loss').click();
      assert.ok(Number(await page.locator('.loss-chart .line-chart').getAttribute('data-points')) >= paused, 'every step’s loss is charted');
      // Dashed outlines keep the start; filled bars show now.
      assert.equal(await page.locator('.grad-bars .bar.start').count(), 9);
      await screenshot(page, 'vanishing-relu-he-trained');
      await page.keyboard.press('r');
      await page.locator('[data-status="idle"]').filter({ hasText: 'At the initial weights' }).waitFor(WAIT);
      assert.equal(await ratio(page), healthy, 'reset: the same initial weights, the same numbers');

      // The link reopens on the same network and the same numbers.
      const shown = await bars(page);
      const again = await openPage(env.browser, page.url(), { viewport: SLIDE });
      try {
        await ready(again.page);
        assert.deepEqual(await bars(again.page), shown);
        again.assertClean();
      } finally {
        await again.close();
      }
      s.assertClean();
      console.log(`vanishing presets ${since(t0)} ms`);
    } finally {
      await s.close();
    }
  });

  test('Glorot & Bengio 2010: the top hidden layer is driven to 0 and saturates while the lower layers stay near ½', async () => {
    const s = await openPage(env.browser, `${env.server.url}#/vanishing`, { viewport: SLIDE, colorScheme: 'dark' });
    const { page } = s;
    try {
      await ready(page);
      await page.getByRole('button', { name: 'Glorot & Bengio 2010' }).click();
      await page.getByRole('combobox', { name: 'Pace' }).selectOption('fast');
      await page.locator('[data-status="idle"]').waitFor(WAIT);
      await ready(page);
      const top = page.locator('.histograms .stat[data-layer="5"]');
      const start = Number(await top.getAttribute('data-mean'));
      assert.ok(start > 0.3, `at the start the top layer’s mean is ${start}`);
      await page.getByRole('button', { name: 'Play' }).click();
      await page.waitForFunction(() => {
        const el = document.querySelector('.histograms .stat[data-layer="5"]');
        return Number(el?.getAttribute('data-mean')) < 0.15 && Number(el?.getAttribute('data-saturated')) > 0.5;
      }, null, { timeout: 60_000 });
      await page.getByRole('button', { name: 'Pause' }).click();
      const lower = Number(await page.locator('.histograms .stat[data-layer="1"]').getAttribute('data-mean'));
      assert.ok(Math.abs(lower - 0.5) < 0.1, `the first layer’s mean stays near ½: ${lower}`);
      console.log(`Glorot & Bengio: top layer saturated after ${await steps(page)} steps`);
      await assertFitsSlide(page);
      await assertAccessible(page);
      await screenshot(page, 'vanishing-glorot-bengio');
      s.assertClean();
    } finally {
      await s.close();
    }
  });
});
