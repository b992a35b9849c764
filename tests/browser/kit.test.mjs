// The widget kit as people use it: every widget keeps its settings in its
// link (changed with the mouse, opened in a fresh browser, the same settings
// show); a Train run goes on while the person is in another view and comes
// back with live progress and full charts; new hyper-parameters continue the
// run; two saved models, and the Draw view switched between them; the second
// visit reads MNIST from the browser's cache.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { axeViolations, openPage, screenshot, since, withBrowser } from './helpers.mjs';

const WAIT = { timeout: 20_000 };
const stat = (page, key) => page.locator(`[data-stat="${key}"]`);
const steps = async (page) => Number(await page.locator('.progress-card').getAttribute('data-steps'));
const points = async (page, card) => Number(await page.locator(`.${card} .line-chart`).getAttribute('data-points'));
/** Where a curve ends, in epochs (a long curve is thinned, so its point count can fall). */
const curveEnd = async (page, card) => Number(await page.locator(`.${card} .line-chart`).getAttribute('data-x-max'));

async function waitForHash(page, pattern) {
  await page.waitForFunction((p) => new RegExp(p).test(location.hash), pattern.source, WAIT);
  return page.evaluate(() => location.href);
}

async function waitForTrainReady(page) {
  await page.waitForFunction(() => document.querySelector('.data-line')?.dataset.state === 'ready', null, WAIT);
  await page.locator('[data-action="train"]:enabled').waitFor(WAIT);
}

/** The Train form set to one small hidden layer: an epoch takes a second or two. */
async function smallNetwork(page, { units = 16, batch = 128, epochs = 1 } = {}) {
  while ((await page.locator('.layer-row').count()) > 1) await page.getByRole('button', { name: /^Remove hidden layer \d$/ }).last().click();
  await page.getByLabel('Units in hidden layer 1', { exact: true }).fill(String(units));
  await page.getByLabel('Batch size', { exact: true }).fill(String(batch));
  await page.getByLabel('Epochs', { exact: true }).fill(String(epochs));
}

describe('widget kit', () => {
  const env = withBrowser();

  test('every widget keeps its settings in its link: two changed settings reopen in a fresh browser', async () => {
    const t0 = performance.now();
    const cases = [
      {
        route: 'xor',
        change: async (page) => {
          await page.getByLabel('Logic gate').selectOption('or');
          await page.getByLabel('Hidden activation').selectOption('relu');
        },
        hash: /gate=or.*act=relu/,
        check: async (page) => {
          assert.equal(await page.getByLabel('Logic gate').inputValue(), 'or');
          assert.equal(await page.getByLabel('Hidden activation').inputValue(), 'relu');
        },
      },
      {
        route: 'draw',
        change: async (page) => {
          await page.getByLabel('Show what the network sees').uncheck();
          await page.getByLabel('Show all ten probabilities').uncheck();
        },
        hash: /preview=0.*bars=0/,
        check: async (page) => {
          assert.equal(await page.getByLabel('Show what the network sees').isChecked(), false);
          assert.equal(await page.getByLabel('Show all ten probabilities').isChecked(), false);
          assert.equal(await page.locator('.preview-card').isVisible(), false);
        },
      },
      {
        route: 'train',
        change: async (page) => {
          await page.getByLabel('Learning rate', { exact: true }).fill('0.003');
          await page.getByLabel('Units in hidden layer 1', { exact: true }).fill('96');
        },
        hash: /units=96-64.*lr=0\.003/,
        check: async (page) => {
          assert.equal(await page.getByLabel('Learning rate', { exact: true }).inputValue(), '0.003');
          assert.equal(await page.getByLabel('Units in hidden layer 1', { exact: true }).inputValue(), '96');
        },
      },
      {
        route: 'optimizers',
        change: async (page) => {
          await page.getByRole('tab', { name: 'Optimizer race' }).click();
          await page.locator('select[name="surface"]').selectOption('rosenbrock');
        },
        hash: /tab=race.*surface=rosenbrock/,
        check: async (page) => {
          assert.equal(await page.getByRole('tab', { name: 'Optimizer race' }).getAttribute('aria-selected'), 'true');
          assert.equal(await page.locator('select[name="surface"]').inputValue(), 'rosenbrock');
        },
      },
    ];
    for (const c of cases) {
      const a = await openPage(env.browser, `${env.server.url}#/${c.route}`);
      let link;
      try {
        await a.page.locator('.widget-body').waitFor(WAIT);
        await c.change(a.page);
        link = await waitForHash(a.page, c.hash);
        a.assertClean();
      } finally {
        await a.close();
      }
      const b = await openPage(env.browser, link); // a new context: nothing shared but the link
      try {
        await b.page.locator('.widget-body').waitFor(WAIT);
        await c.check(b.page);
        assert.equal(await b.page.locator('.widget-notice').isVisible(), false, 'the link is valid');
        b.assertClean();
        console.log(`${c.route}: ${link.slice(link.indexOf('#'))}`);
      } finally {
        await b.close();
      }
    }
    console.log(`links test ${since(t0)} ms`);
  });

  test('a run goes on in another view and comes back with live progress and full charts; a new rate continues it', async () => {
    const t0 = performance.now();
    const s = await openPage(env.browser, `${env.server.url}#/train`);
    const { page } = s;
    try {
      await waitForTrainReady(page);
      await smallNetwork(page, { units: 32, batch: 32, epochs: 30 });
      await page.locator('[data-action="train"]').click();
      await page.waitForFunction(() => Number(document.querySelector('.loss-card .line-chart')?.dataset.points) > 0, null, WAIT);
      const before = await steps(page);

      await page.getByRole('link', { name: 'Draw', exact: true }).click();
      await page.locator('.draw-widget').waitFor(WAIT);
      const chip = page.locator('[data-run-chip]');
      await chip.filter({ hasText: /^Training · [\d.]+ \/ 30 epochs$/ }).waitFor(WAIT);
      await page.waitForTimeout(3000);
      await screenshot(page, 'kit-draw-while-training');
      await chip.click(); // the header's note leads back to the run
      await page.locator('.train-widget').waitFor(WAIT);
      assert.equal(await page.locator('.progress-card').getAttribute('data-state'), 'running', 'still training');
      const after = await steps(page);
      assert.ok(after > before + 50, `it trained while away (${before} -> ${after} steps)`);
      assert.ok((await points(page, 'loss-card')) > 0, 'the loss chart is drawn again in full');
      const moving = after;
      await page.waitForFunction((n) => Number(document.querySelector('.progress-card')?.dataset.steps) > n, moving, WAIT);
      assert.match(await stat(page, 'run').innerText(), /of 30 epochs · training$/);

      // Pause, change only the learning rate: the form says it continues; Train more goes on from there.
      await page.getByRole('button', { name: 'Pause' }).click();
      await page.locator('.progress-card[data-state="paused"]').waitFor(WAIT);
      const pausedEpochs = await stat(page, 'epoch').innerText();
      const pausedSteps = await steps(page);
      await page.getByLabel('Learning rate', { exact: true }).fill('0.0005');
      await page.locator('[data-plan]').filter({ hasText: 'goes on from the current weights with the new learning rate' }).waitFor(WAIT);
      assert.equal(await page.locator('[data-action="train"]').innerText(), 'Train more');
      const endBefore = await curveEnd(page, 'loss-card');
      await page.locator('[data-action="train"]').click();
      await page.waitForFunction((n) => Number(document.querySelector('.progress-card')?.dataset.steps) > n + 20, pausedSteps, WAIT);
      await page.waitForFunction((e) => Number(document.querySelector('.loss-card .line-chart')?.dataset.xMax) > e, endBefore, WAIT);
      assert.ok((await points(page, 'loss-card')) > 0, 'the loss curve goes on from its history, not from zero');
      const [e0] = pausedEpochs.split(' / ').map(Number);
      await page.waitForFunction((e) => Number(document.querySelector('[data-stat="epoch"]')?.textContent?.split(' / ')[0]) > e, e0, { timeout: 60_000 });
      console.log(`continued at the new rate: epoch ${pausedEpochs} -> ${await stat(page, 'epoch').innerText()}`);
      await page.getByRole('button', { name: 'Stop' }).click();
      await stat(page, 'model-status').filter({ hasText: /when training stopped/ }).waitFor(WAIT);
      s.assertClean();
      console.log(`run-survives-navigation test ${since(t0)} ms`);
    } finally {
      await s.close();
    }
  });

  test('two saved models: the Draw view switches between them; a second visit reads MNIST from the cache', async () => {
    const t0 = performance.now();
    const s = await openPage(env.browser, `${env.server.url}#/train`);
    const { page } = s;
    const mnistDownloads = [];
    page.on('response', (r) => {
      if (/\/data\/mnist\/.*\.gz$/.test(r.url())) mnistDownloads.push(r.url());
    });
    try {
      await waitForTrainReady(page);
      assert.equal(mnistDownloads.length, 4, 'the first visit downloads the four files');
      const rows = page.locator('.model-row');
      for (const [k, units] of [16, 24].entries()) {
        await smallNetwork(page, { units, batch: 256, epochs: 1 });
        await page.locator('[data-action="train"]').click();
        await page.waitForFunction((n) => document.querySelectorAll('.model-row').length === n, k + 1, { timeout: 60_000 });
      }
      assert.equal(await rows.count(), 2, 'two models in the library');
      const names = await rows.locator('[data-stat="model-name"]').allInnerTexts();
      assert.match(names[0], /^784-24-10 ReLU/, 'newest first');
      assert.match(names[1], /^784-16-10 ReLU/);
      await screenshot(page, 'kit-library');
      // The full view (report, confusion matrix, library) passes the WCAG audit too, not only the empty one.
      assert.deepEqual(await axeViolations(page), [], 'axe on the Train view with a report and a library');

      // Nothing reads digits with a new model until the person says so.
      await rows.nth(1).getByRole('button', { name: /^Use in Draw: / }).click();
      await stat(page, 'model-status').filter({ hasText: /^The Draw view now reads with 784-16-10/ }).waitFor(WAIT);

      await page.getByRole('link', { name: 'Draw', exact: true }).click();
      const label = page.locator('.model-label');
      await label.filter({ hasText: /^784-16-10 ReLU/ }).waitFor(WAIT);
      const picker = page.getByLabel('Model', { exact: true });
      const options = await picker.locator('option').allInnerTexts();
      assert.equal(options.length, 3, `pretrained and the two models: ${options}`);
      await picker.selectOption({ label: options.find((o) => o.startsWith('784-24-10')) });
      await label.filter({ hasText: /^784-24-10 ReLU/ }).waitFor(WAIT);
      await picker.selectOption({ index: 0 });
      await label.filter({ hasText: /^pretrained model/ }).waitFor(WAIT);
      await waitForHash(page, /model=pretrained/);
      await picker.selectOption({ label: options.find((o) => o.startsWith('784-16-10')) });
      await label.filter({ hasText: /^784-16-10 ReLU/ }).waitFor(WAIT);
      await screenshot(page, 'kit-draw-picked-model');

      // A reload keeps the pick and reads MNIST from Cache Storage: no second 11 MB.
      await page.getByRole('link', { name: 'Train', exact: true }).click();
      await waitForTrainReady(page);
      mnistDownloads.length = 0;
      await page.reload();
      await waitForTrainReady(page);
      assert.deepEqual(mnistDownloads, [], 'no MNIST download on the second visit');
      await page.getByRole('link', { name: 'Draw', exact: true }).click();
      await label.filter({ hasText: /^784-16-10 ReLU/ }).waitFor(WAIT);
      s.assertClean();
      console.log(`library test ${since(t0)} ms`);
    } finally {
      await s.close();
    }
  });

  test('a full storage is said plainly and loses nothing already saved', async () => {
    const t0 = performance.now();
    const s = await openPage(env.browser, `${env.server.url}#/train`);
    const { page } = s;
    try {
      await waitForTrainReady(page);
      await smallNetwork(page, { units: 16, batch: 256, epochs: 1 });
      await page.locator('[data-action="train"]').click();
      await page.waitForFunction(() => document.querySelectorAll('.model-row').length === 1, null, { timeout: 60_000 });
      const saved = await page.locator('.model-row [data-stat="model-name"]').innerText();

      // The browser's quota is used up: every write fails as a full disk does.
      await page.evaluate(() => {
        IDBObjectStore.prototype.put = function () {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      });
      await page.getByLabel('Units in hidden layer 1', { exact: true }).fill('24');
      await page.locator('[data-action="train"]').click();
      const error = page.locator('[data-stat="model-error"]');
      await error.filter({ hasText: /^The model could not be saved in this browser: the browser’s storage for this page is full\. .*nothing already saved was lost\.$/ }).waitFor({ timeout: 60_000 });
      await screenshot(page, 'kit-storage-full');

      await page.reload(); // the real IndexedDB again: the first model is there, untouched
      await waitForTrainReady(page);
      assert.deepEqual(await page.locator('.model-row [data-stat="model-name"]').allInnerTexts(), [saved]);
      s.assertClean();
      console.log(`storage-full test ${since(t0)} ms`);
    } finally {
      await s.close();
    }
  });
});
