// A person's path through the logic-gates widget, against the built page
// (dist/) served with the production CSP: the perceptron learns AND but not
// XOR, the MLP learns XOR, in the SIMD build and in the forced scalar build.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CSP } from '../../scripts/serve.mjs';
import { openPage, screenshot, since, withBrowser } from './helpers.mjs';

const WAIT = { timeout: 10_000 };

/** The MLP and perceptron outputs and P(1) shown in the truth table, top to bottom. */
async function shownPredictions(page) {
  const rows = page.locator('table.truth-table tbody tr');
  const read = (col) => rows.locator(`td[data-col="${col}"]`).allInnerTexts();
  const digits = (texts) => texts.map((t) => Number.parseInt(t, 10));
  return {
    mlp: digits(await read('mlp')),
    perceptron: digits(await read('perceptron')),
    p1: (await read('probability')).map(Number.parseFloat),
  };
}

/**
 * The colour at the centre of each training point on the boundary canvas: a
 * class-1 point is a white disc and a class-0 point a dark square whatever
 * the map's colour under them (rows 00, 01, 10, 11).
 */
async function pointCentres(page) {
  return page.locator('.boundary-frame canvas').evaluate((canvas) => {
    const ctx = canvas.getContext('2d');
    return [[0, 0], [0, 1], [1, 0], [1, 1]].map(([a, b]) => {
      // The square shows [-0.5, 1.5]²; y grows upwards.
      const x = Math.round(((a + 0.5) / 2) * canvas.width);
      const y = Math.round((1 - (b + 0.5) / 2) * canvas.height);
      const [r, g, bl] = ctx.getImageData(x, y, 1, 1).data;
      return (r + g + bl) / 3;
    });
  });
}

async function waitForStat(page, key, pattern) {
  await page.waitForFunction(
    ([k, source]) => new RegExp(source).test(document.querySelector(`[data-stat="${k}"]`)?.textContent ?? ''),
    [key, pattern.source],
    WAIT,
  );
  return page.locator(`[data-stat="${key}"]`).innerText();
}

describe('logic gates widget', () => {
  const env = withBrowser();

  test('SIMD build: the perceptron learns AND, not XOR; the MLP learns XOR', async () => {
    const t0 = performance.now();
    const s = await openPage(env.browser, `${env.server.url}#/xor`);
    const { page } = s;
    try {
      assert.equal(s.response.headers()['content-security-policy'], CSP, 'the page is served with the strict CSP');

      const status = page.getByRole('status');
      await status.filter({ hasText: 'WASM SIMD' }).waitFor(WAIT);
      console.log(`${await status.innerText()} after ${since(t0)} ms`);
      assert.equal(await page.getByRole('link', { name: 'Logic gates' }).getAttribute('aria-current'), 'page');

      // AND is linearly separable: the perceptron converges.
      await page.getByLabel('Logic gate').selectOption('and');
      await page.getByRole('button', { name: 'Train' }).click();
      const andVerdict = await waitForStat(page, 'perceptron-status', /^converged after \d+ epochs?$/);
      assert.deepEqual((await shownPredictions(page)).perceptron, [0, 0, 0, 1], andVerdict);

      // XOR is not; the MLP learns it.
      await page.getByLabel('Logic gate').selectOption('xor');
      const tTrain = performance.now();
      await page.getByRole('button', { name: 'Train' }).click();
      await waitForStat(page, 'mlp-accuracy', /^100%$/);
      const reached = since(tTrain);
      const epochText = await page.locator('[data-stat="mlp-epoch"]').innerText();
      console.log(`MLP 100% on XOR ${reached} ms after Train (epoch ${epochText})`);
      assert.equal(
        await waitForStat(page, 'perceptron-status', /did not converge/),
        'did not converge in 1000 epochs',
      );

      const shown = await shownPredictions(page);
      assert.deepEqual(shown.mlp, [0, 1, 1, 0], 'the MLP predictions shown are XOR');
      shown.p1.forEach((p, i) => assert.ok(shown.mlp[i] === 1 ? p > 0.5 : p < 0.5, `row ${i}: P(1) = ${p}`));
      assert.notDeepEqual(shown.perceptron, [0, 1, 1, 0], 'a single perceptron cannot show XOR');

      // Trained, the map under (0,1) and (1,0) is yellow and under (0,0) and (1,1) purple: the
      // points still show their classes, white for 1 and dark for 0, and the figure states step(0) = 1.
      const centres = await pointCentres(page);
      [0, 1, 1, 0].forEach((t, i) => assert.ok(t === 1 ? centres[i] > 230 : centres[i] < 40, `point ${i}: brightness ${centres[i]} for class ${t}`));
      assert.match(await page.locator('[data-note="step-zero"]').innerText(), /step\(0\) = 1/);

      const points = Number(await page.locator('.loss-card .line-chart').getAttribute('data-points'));
      assert.ok(points > 0, `the loss chart has points (${points})`);

      // Pause is answered quickly and really stops training.
      const tPause = performance.now();
      await page.getByRole('button', { name: 'Pause' }).click();
      await page.getByRole('button', { name: 'Resume' }).waitFor(WAIT);
      const pausedIn = since(tPause);
      const epochAtPause = await page.locator('[data-stat="mlp-epoch"]').innerText();
      await page.waitForTimeout(300);
      assert.equal(await page.locator('[data-stat="mlp-epoch"]').innerText(), epochAtPause, 'no epochs while paused');
      console.log(`paused in ${pausedIn} ms at ${epochAtPause}`);

      await screenshot(page, 'xor-simd');
      assert.equal(await page.locator('.alert').count(), 0, 'no error banner');
      s.assertClean();
      console.log(`SIMD test ${since(t0)} ms`);
    } finally {
      await s.close();
    }
  });

  test('?wasm=scalar: the scalar build runs and still learns XOR (keyboard only)', async () => {
    const t0 = performance.now();
    const s = await openPage(env.browser, `${env.server.url}?wasm=scalar#/xor`, { colorScheme: 'dark' });
    const { page } = s;
    try {
      const status = page.getByRole('status');
      await status.filter({ hasText: 'WASM scalar' }).waitFor(WAIT);
      console.log(`${await status.innerText()} after ${since(t0)} ms`);

      await page.getByLabel('Logic gate').focus();
      await page.getByLabel('Logic gate').selectOption('xor');
      await page.getByLabel('Speed').selectOption('fast');
      const train = page.getByRole('button', { name: 'Train' });
      await train.focus();
      await page.keyboard.press('Enter');
      await waitForStat(page, 'mlp-accuracy', /^100%$/);
      await waitForStat(page, 'perceptron-status', /did not converge in 1000 epochs/);
      assert.deepEqual((await shownPredictions(page)).mlp, [0, 1, 1, 0]);

      await screenshot(page, 'xor-scalar-dark');
      s.assertClean();
      console.log(`scalar test ${since(t0)} ms`);
    } finally {
      await s.close();
    }
  });

  test('a core error is shown; a dead worker is reported and restarted', async () => {
    const t0 = performance.now();
    const s = await openPage(env.browser, `${env.server.url}#/xor`, { viewport: { width: 390, height: 844 } });
    const { page } = s;
    try {
      await page.getByRole('status').filter({ hasText: 'WASM SIMD' }).waitFor(WAIT);

      // A rate outside the link's range is refused at the field; the link and the network keep the last good one.
      const rate = page.getByLabel('Learning rate');
      await rate.fill('-1');
      await rate.press('Tab');
      assert.equal(await rate.getAttribute('aria-invalid'), 'true');
      const error = page.locator('.xor-widget .field-error');
      await error.filter({ hasText: 'A number from 0.0001 to 10' }).waitFor(WAIT);
      assert.doesNotMatch(page.url(), /lr=/, 'the link keeps the valid rate');
      await rate.fill('0.05');
      await rate.press('Tab');
      await error.waitFor({ state: 'hidden', ...WAIT });
      assert.equal(await rate.getAttribute('aria-invalid'), null);

      // Kill the worker from inside: the page must say so and start a new one.
      const [worker] = page.workers();
      assert.ok(worker, 'the page runs a worker');
      await worker.evaluate(() => {
        setTimeout(() => {
          throw new Error('simulated crash');
        });
      });
      await page.locator('.alert').filter({ hasText: 'The worker stopped unexpectedly' }).waitFor(WAIT);
      await page.getByRole('status').filter({ hasText: 'WASM SIMD' }).waitFor(WAIT);
      await page.getByLabel('Speed').selectOption('fast');
      await page.getByRole('button', { name: 'Train' }).click();
      await waitForStat(page, 'mlp-accuracy', /^100%$/);
      assert.deepEqual((await shownPredictions(page)).mlp, [0, 1, 1, 0]);

      await screenshot(page, 'xor-phone-after-restart');
      s.assertClean();
      console.log(`error + restart test ${since(t0)} ms`);
    } finally {
      await s.close();
    }
  });
});
