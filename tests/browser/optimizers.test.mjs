// A person's path through the optimizer lab, against the built page (dist/):
// play moves the paths, a shared link reproduces the same trajectories in a
// fresh page, a diverging learning rate ends its path at a "diverged" marker,
// a bad link value falls back with a notice naming it, the keys work, and the
// real network trains and gets its landscape. Coordinates are read through
// the lab's debug hook (window.__mlpLab.snapshot()).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openPage, screenshot, since, withBrowser } from './helpers.mjs';

const WAIT = { timeout: 15_000 };

const snapshot = (page) => page.evaluate(() => window.__mlpLab?.snapshot() ?? null);

/** Waits until the current view has its data from the worker. */
async function ready(page) {
  await page.waitForFunction(() => window.__mlpLab?.snapshot().view?.ready === true, null, WAIT);
  return snapshot(page);
}

/** The parameters of a hash route, sorted, for comparing links. */
const params = (hash) => [...new URLSearchParams(hash.slice(hash.indexOf('?') + 1))].sort();

/** Keys go to the page, not to a focused control. */
async function press(page, key) {
  await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
  await page.keyboard.press(key);
}

const heads = (view) => view.paths.map((p) => [p.key, p.shown, p.x[p.shown - 1], p.y[p.shown - 1]]);

describe('optimizer lab', () => {
  const env = withBrowser();

  test('GD vs SGD vs mini-batch: play moves all three paths', async () => {
    const t0 = performance.now();
    const s = await openPage(env.browser, `${env.server.url}#/optimizers`);
    const { page } = s;
    try {
      assert.equal(await page.getByRole('link', { name: 'Optimizers' }).getAttribute('aria-current'), 'page');
      const first = await ready(page);
      assert.equal(first.tab, 'gd');
      assert.deepEqual(first.view.paths.map((p) => p.key), ['batch', 'sgd', 'mini']);
      // Loaded whole: every path is drawn to its end, none diverged.
      for (const p of first.view.paths) {
        assert.equal(p.shown, p.length, `${p.key} drawn whole`);
        assert.ok(p.x.every(Number.isFinite) && p.y.every(Number.isFinite), `${p.key} coordinates are finite`);
      }
      // 50 epochs of m = 100: one update per epoch, 100, and 5 (b = 20).
      assert.deepEqual(first.view.paths.map((p) => p.length), [51, 5001, 251]);

      await page.getByRole('button', { name: 'Replay' }).first().click();
      await page.waitForFunction(() => {
        const v = window.__mlpLab?.snapshot().view;
        return v && v.playing && v.t > 0.5;
      }, null, WAIT);
      const a = await snapshot(page);
      await page.waitForTimeout(400);
      const b = await snapshot(page);
      assert.ok(b.view.t > a.view.t, `the clock advances (${a.view.t} → ${b.view.t})`);
      const moved = b.view.paths.filter((p, i) => p.shown > a.view.paths[i].shown).map((p) => p.key);
      assert.ok(moved.includes('sgd') && moved.includes('mini'), `paths advance: ${moved}`);
      assert.notDeepEqual(heads(b.view), heads(a.view), 'the drawn heads moved');
      const points = Number(await page.locator('.lab-gd .lab-chart .line-chart').first().getAttribute('data-points'));
      assert.ok(points > 0, `the loss chart has points (${points})`);

      // Each plot saves as a PNG.
      const [download] = await Promise.all([
        page.waitForEvent('download', WAIT),
        page.getByRole('button', { name: 'Save the MSE contour plot as PNG' }).click(),
      ]);
      assert.equal(download.suggestedFilename(), 'mse-contour.png');
      const [chartDownload] = await Promise.all([
        page.waitForEvent('download', WAIT),
        page.getByRole('button', { name: 'Save loss against epochs as PNG' }).click(),
      ]);
      assert.equal(chartDownload.suggestedFilename(), 'mse-vs-epochs.png');

      await screenshot(page, 'optimizers-gd');
      s.assertClean();
      console.log(`GD test ${since(t0)} ms`);
    } finally {
      await s.close();
    }
  });

  test('a shared link reproduces the same trajectories in a fresh page', async () => {
    const t0 = performance.now();
    const links = [
      '#/optimizers?tab=race&surface=rosenbrock&noise=0.5&seed=7&lr.adam=0.05&on.adagrad=0&steps=300',
      '#/optimizers?gd.seed=3&gd.b=10&gd.lr=0.05&gd.schedule=1&gd.x=1.5&gd.y=-1',
    ];
    for (const link of links) {
      const views = [];
      for (let i = 0; i < 2; i++) {
        const s = await openPage(env.browser, `${env.server.url}${link}`);
        try {
          const snap = await ready(s.page);
          // The link round-trips: what the page writes back is what it read.
          assert.deepEqual(params(snap.hash), params(link));
          views.push(snap.view);
          s.assertClean();
        } finally {
          await s.close();
        }
      }
      const [one, two] = views;
      assert.ok(one.paths.length >= 3, `${link}: paths`);
      assert.deepEqual(two.paths, one.paths, `${link}: identical coordinates`);
    }
    const race = links[0];
    console.log(`${race} → identical paths in two fresh pages; shared links test ${since(t0)} ms`);
  });

  test('a diverging learning rate ends its path at a "diverged" marker', async () => {
    const t0 = performance.now();
    const s = await openPage(env.browser, `${env.server.url}#/optimizers?tab=race&surface=bowl&lr.sgd=3`);
    const { page } = s;
    try {
      const snap = await ready(page);
      const gd = snap.view.paths.find((p) => p.key === 'sgd');
      assert.ok(gd, 'GD is in the race');
      assert.ok(gd.diverged && gd.length < 150, `GD diverged after ${gd.length - 1} steps`);
      assert.ok(gd.x.every(Number.isFinite) && gd.y.every(Number.isFinite), 'no NaN or Inf reaches the drawing');
      assert.deepEqual(snap.view.diverged, ['sgd'], 'only GD is marked diverged');
      const row = page.locator('.race-row[data-optimizer="sgd"]');
      assert.equal(await row.getAttribute('data-diverged'), 'true');
      assert.equal(await row.locator('[data-stat="loss"]').innerText(), 'diverged');
      // Rewind: before its end the path is not marked yet.
      await press(page, 'r');
      assert.deepEqual((await snapshot(page)).view.diverged, []);
      assert.equal(await row.getAttribute('data-diverged'), 'false');
      await page.getByRole('button', { name: 'Play' }).click();
      await page.waitForFunction(() => window.__mlpLab?.snapshot().view?.diverged.includes('sgd'), null, WAIT);
      await screenshot(page, 'optimizers-race-diverged');
      s.assertClean();
      console.log(`diverged test ${since(t0)} ms`);
    } finally {
      await s.close();
    }
  });

  test('an invalid link value falls back to its default with a notice naming it', async () => {
    const t0 = performance.now();
    const s = await openPage(env.browser, `${env.server.url}#/optimizers?tab=race&surface=himmelblau&lr.adam=banana&steps=0`);
    const { page } = s;
    try {
      const snap = await ready(page);
      const notice = page.locator('.widget-notice');
      await notice.waitFor(WAIT);
      const text = await notice.innerText();
      assert.match(text, /lr\.adam=banana/);
      assert.match(text, /steps=0/);
      assert.equal(snap.view.end, 200, 'Himmelblau’s default length');
      assert.equal(await page.locator('.race-row[data-optimizer="adam"] input[name="lr.adam"]').inputValue(), '0.1');
      // The link is rewritten without the bad values; the good ones stay.
      assert.equal(snap.hash, '#/optimizers?tab=race&surface=himmelblau');
      await notice.getByRole('button', { name: 'Dismiss' }).click();
      await notice.waitFor({ state: 'hidden', ...WAIT });
      // A link edited while the lab is open is read again.
      await page.evaluate(() => {
        location.hash = '#/optimizers?tab=race&surface=beale&kappa=huge';
      });
      await notice.filter({ hasText: 'kappa=huge' }).waitFor(WAIT);
      await page.waitForFunction(() => window.__mlpLab?.snapshot().view?.end === 500, null, WAIT);
      assert.equal(await page.locator('select[name="surface"]').inputValue(), 'beale');
      // Picking a surface brings its own start, length and learning rates.
      await page.locator('select[name="surface"]').selectOption('rosenbrock');
      await page.waitForFunction(() => window.__mlpLab?.snapshot().view?.end === 1000, null, WAIT);
      await page.waitForFunction(() => location.hash === '#/optimizers?tab=race&surface=rosenbrock', null, WAIT);
      assert.equal(await page.locator('input[name="lr.adam"]').inputValue(), '0.1');
      s.assertClean();
      console.log(`notice test ${since(t0)} ms`);
    } finally {
      await s.close();
    }
  });

  test('keys: r resets, → steps, space plays and pauses (not while typing)', async () => {
    const t0 = performance.now();
    const s = await openPage(env.browser, `${env.server.url}#/optimizers?tab=race&surface=rosenbrock`, { colorScheme: 'dark' });
    const { page } = s;
    try {
      await ready(page);
      await press(page, 'r');
      let v = (await snapshot(page)).view;
      assert.equal(v.t, 0);
      assert.ok(v.paths.every((p) => p.shown === 1), 'only the start is drawn');
      await press(page, 'ArrowRight');
      await press(page, 'ArrowRight');
      v = (await snapshot(page)).view;
      assert.equal(v.t, 2);
      assert.ok(v.paths.every((p) => p.shown === 3), 'two steps drawn');
      // Typing in a field does not drive the animation.
      const lr = page.locator('input[name="lr.sgd"]');
      await lr.focus();
      await lr.press('ArrowRight');
      await lr.press('r');
      assert.equal((await snapshot(page)).view.t, 2);
      await press(page, ' ');
      await page.waitForFunction(() => window.__mlpLab?.snapshot().view?.t > 20, null, WAIT);
      await press(page, ' ');
      const paused = (await snapshot(page)).view;
      assert.equal(paused.playing, false);
      await page.waitForTimeout(200);
      assert.equal((await snapshot(page)).view.t, paused.t, 'paused means paused');
      // The start point moves with the arrow keys when the plot has focus.
      const map = page.locator('.lab-race canvas[role="application"]');
      await map.focus();
      await map.press('ArrowUp');
      await page.waitForFunction(() => /[?&]y=/.test(location.hash), null, WAIT);
      await ready(page);
      // Dragging the start point: every path then starts where it was dropped.
      const box = await map.boundingBox();
      await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
      await page.mouse.down();
      for (let k = 1; k <= 8; k++) await page.mouse.move(box.x + box.width * (0.3 + k * 0.03), box.y + box.height * (0.3 + k * 0.02));
      await page.mouse.up();
      await page.waitForFunction(() => /[?&]x=/.test(location.hash), null, WAIT);
      await page.waitForFunction(() => {
        const q = new URLSearchParams(location.hash.split('?')[1]);
        const v = window.__mlpLab?.snapshot().view;
        return v?.paths.every((p) => p.x[0] === Math.fround(Number(q.get('x'))) && p.y[0] === Math.fround(Number(q.get('y'))));
      }, null, WAIT);
      const dropped = (await snapshot(page)).view;
      assert.ok(dropped.paths[0].x[0] > -1.2, `the start moved right (${dropped.paths[0].x[0]})`);
      await screenshot(page, 'optimizers-race-dark');
      s.assertClean();
      console.log(`keyboard test ${since(t0)} ms`);
    } finally {
      await s.close();
    }
  });

  test('real network: three runs train in the worker, then the landscape slice', async () => {
    const t0 = performance.now();
    const s = await openPage(env.browser, `${env.server.url}#/optimizers?tab=net&net.epochs=30`, { viewport: { width: 390, height: 844 } });
    const { page } = s;
    try {
      const snap = await ready(page);
      console.log(`trained + landscape in ${since(t0)} ms`);
      assert.deepEqual(snap.view.paths.map((p) => p.key), ['batch', 'sgd', 'mini']);
      for (const p of snap.view.paths) {
        assert.ok(p.length >= 2, `${p.key} has a projected path`);
        assert.ok(p.x.every(Number.isFinite) && p.y.every(Number.isFinite));
      }
      assert.equal(await page.locator('.net-progress progress').first().getAttribute('value'), '30');
      await page.getByText('Random directions capture only part of the path').waitFor(WAIT);
      await screenshot(page, 'optimizers-network-phone');
      s.assertClean();
      console.log(`network test ${since(t0)} ms`);
    } finally {
      await s.close();
    }
  });

  test('real network at η = 10 (ReLU, Adam): every run’s loss explodes without NaN, each stops and the tab says why', async () => {
    const s = await openPage(env.browser, `${env.server.url}#/optimizers?tab=net&net.n=200&net.hidden=8&net.act=relu&net.opt=adam&net.lr=10&net.epochs=10&net.res=11`);
    const { page } = s;
    try {
      const note = page.locator('[data-diverged-note]');
      const why = String.raw`diverged and stopped: the loss exploded: averaged over recent batches it reached \S+, over 100 × its start \(\S+\) at epoch \d+, batch \d+; weights restored to their last good values\. Try a smaller learning rate\.`;
      await note.filter({ hasText: new RegExp(`^Batch GD ${why} SGD ${why} Mini-batch GD ${why}$`) }).waitFor(WAIT);
      for (const key of ['batch', 'sgd', 'mini']) {
        assert.match(await page.locator(`.net-runs li[data-path="${key}"] .path-stat`).innerText(), /^diverged at epoch \d+$/);
      }
      await screenshot(page, 'optimizers-network-diverged');
      s.assertClean();
    } finally {
      await s.close();
    }
  });
});
