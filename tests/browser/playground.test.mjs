// The decision-boundary playground as a student uses it: pick the spiral,
// take the preset, press play and watch the test loss fall and the accuracy
// climb; look at one neuron's own map by hovering it and from the keyboard;
// add a point by clicking the map; pause, and the link reopens the same
// picture, bit for bit. Passes an axe audit with a trained network on screen.
// On a touch screen: a tap adds a point, a tapped neuron stays large.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertAccessible } from './audit.mjs';
import { openPage, screenshot, since, withBrowser } from './helpers.mjs';

const WAIT = { timeout: 20_000 };
const VIEW = { width: 1280, height: 800 };

const widget = '.playground-widget';
const text = (page, role) => page.locator(`${widget} [data-role="${role}"]`).innerText();
const epochOf = async (page) => Number((await text(page, 'epoch')).replace(/,/g, ''));
const number = async (page, role) => Number(await text(page, role));
const digest = (page) => page.locator(`${widget} .output-frame`).getAttribute('data-digest');
/** Test accuracy in percent from "Accuracy: training 97.2%, test 96.4%". */
const testAccuracy = async (page) => Number(/test ([\d.]+)%/.exec(await text(page, 'accuracy'))?.[1] ?? NaN);
const state = (page) => page.locator(widget).getAttribute('data-state');

/** Waits until the widget stands idle or paused (not building, replaying or running) with its maps at `steps`. */
async function settled(page) {
  await page.waitForFunction(
    (w) => {
      const el = document.querySelector(w);
      return el && (el.dataset.state === 'idle' || el.dataset.state === 'paused') && el.querySelector('.output-frame')?.dataset.digest;
    },
    widget,
    WAIT,
  );
  // The last maps' answer after the last progress event.
  await page.waitForTimeout(300);
}

/** The client point of (x1, x2) on the output map (the plane [−6, 6]²). */
async function mapPoint(page, x1, x2) {
  const b = await page.locator(`${widget} .output-frame canvas`).first().boundingBox();
  return { x: b.x + ((x1 + 6) / 12) * b.width, y: b.y + ((6 - x2) / 12) * b.height };
}

describe('decision-boundary playground', () => {
  const env = withBrowser();

  test('spiral: play, the loss falls and the accuracy shows; a neuron enlarged; a point added by a click; the link reopens the same picture', async () => {
    const t0 = performance.now();
    const s = await openPage(env.browser, `${env.server.url}#/playground`, { viewport: VIEW });
    const { page } = s;
    try {
      await settled(page);
      await page.getByText('Spiral', { exact: true }).click();
      await page.waitForFunction(() => location.hash.includes('data=spiral'), null, WAIT);
      await page.getByLabel('Preset').selectOption('spiral');
      await page.waitForFunction(() => location.hash.includes('features=x1_x2_sinx1_sinx2'), null, WAIT);
      await settled(page);
      assert.equal(await page.getByRole('radio', { name: 'Spiral' }).isChecked(), true, 'the spiral is the chosen set');
      const lossBefore = await number(page, 'test-loss');
      const accuracyBefore = await testAccuracy(page);
      console.log(`spiral preset at epoch 0: test loss ${lossBefore}, test accuracy ${accuracyBefore}%`);
      assert.ok(lossBefore > 0.5, `an untrained network's test loss is high (${lossBefore})`);

      // Play, and watch while it trains: the page stays responsive.
      await page.getByRole('button', { name: /^Play/ }).click();
      await page.waitForFunction((w) => document.querySelector(w)?.dataset.state === 'running', widget, WAIT);
      let longest = 0;
      let looks = 0;
      const t1 = performance.now();
      while (!((await testAccuracy(page)) >= 95) && performance.now() - t1 < 40_000) {
        // How long the page takes to paint the next frame while it trains.
        longest = Math.max(longest, await page.evaluate(() => new Promise((done) => { const a = performance.now(); requestAnimationFrame(() => done(performance.now() - a)); })));
        looks++;
        await page.waitForTimeout(200);
      }
      await page.getByRole('button', { name: /^Pause/ }).click();
      await settled(page);
      const epoch = await epochOf(page);
      const lossAfter = await number(page, 'test-loss');
      const accuracyAfter = await testAccuracy(page);
      console.log(`after ${epoch} epochs (${since(t1)} ms of play): test loss ${lossAfter}, test accuracy ${accuracyAfter}%; longest wait for a frame over ${looks} looks ${Math.round(longest)} ms`);
      assert.ok(accuracyAfter >= 95, `the preset solves the spiral (test accuracy ${accuracyAfter}%)`);
      assert.ok(lossAfter < lossBefore / 3, `the test loss fell (${lossBefore} → ${lossAfter})`);
      assert.ok(longest < 500, `the page never froze (longest wait for a frame ${Math.round(longest)} ms)`);
      const curve = await page.locator(`${widget} .loss-card canvas`).count();
      assert.ok(curve > 0, 'the loss curves are drawn');
      assert.match(page.url(), new RegExp(`at=${epoch}(&|$)`), 'the link holds the epoch the picture was taken at');
      await screenshot(page, 'playground-spiral-trained');

      // A neuron's own map, large: hovered with the mouse, then focused from the keyboard.
      const caption = page.locator(`${widget} [data-role="caption"]`);
      await page.getByRole('button', { name: 'Hidden layer 1, neuron 1', exact: true }).hover();
      await caption.filter({ hasText: 'Hidden layer 1, neuron 1, shown large' }).waitFor(WAIT);
      await screenshot(page, 'playground-neuron-enlarged');
      await page.mouse.move(5, 5);
      await caption.filter({ hasText: /^Output: the class/ }).waitFor(WAIT);
      await page.getByRole('button', { name: 'Hidden layer 2, neuron 3', exact: true }).focus();
      await caption.filter({ hasText: 'Hidden layer 2, neuron 3, shown large' }).waitFor(WAIT);
      await page.getByRole('button', { name: 'Hidden layer 2, neuron 3', exact: true }).blur();
      await caption.filter({ hasText: /^Output: the class/ }).waitFor(WAIT);

      // Add a blue point by clicking the map where the orange arm runs.
      await page.getByText('blue', { exact: true }).click();
      const at = await mapPoint(page, 4.5, -4.5);
      await page.mouse.click(at.x, at.y);
      await page.waitForFunction(() => /pts=4\.5_-4\.5_1(&|$)/.test(location.hash), null, WAIT);
      await page.locator(`${widget} .drawn-count`).filter({ hasText: '1 point drawn' }).waitFor(WAIT);
      await page.locator(`${widget} [data-role="counts"]`).filter({ hasText: '251 training and 250 test points' }).waitFor(WAIT);
      await settled(page);
      assert.equal(await epochOf(page), 0, 'new data: a new network, from epoch 0');

      // One epoch from the keyboard (→ on the widget), two with the button, then play and pause.
      await page.getByText('Look', { exact: true }).click(); // the brush put away
      await page.locator(`${widget} .loss-card h2`).click(); // focus off the map and its tools
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => /[?&]at=1(&|$)/.test(location.hash), null, WAIT);
      for (let i = 0; i < 2; i++) {
        await page.getByRole('button', { name: /^Train one epoch/ }).click();
        await page.waitForFunction((n) => new RegExp(`[?&]at=${n}(&|$)`).test(location.hash), i + 2, WAIT);
      }
      await page.getByRole('button', { name: /^Play/ }).click();
      await page.waitForTimeout(700);
      await page.getByRole('button', { name: /^Pause/ }).click();
      await settled(page);
      const shared = { url: page.url(), digest: await digest(page), epoch: await epochOf(page), steps: await page.locator(widget).getAttribute('data-steps') };
      console.log(`shared at epoch ${shared.epoch}, ${shared.steps} steps, output digest ${shared.digest}: ${shared.url.replace(/^.*#/, '#')}`);
      assert.ok(shared.epoch > 3, 'play trained on');
      await screenshot(page, 'playground-drawn-point');
      await assertAccessible(page);
      s.assertClean();

      // The link in a fresh page: the same settings, trained again to the same epoch, the same output bits.
      const again = await openPage(env.browser, shared.url, { viewport: VIEW });
      try {
        await again.page.waitForFunction((n) => document.querySelector('.playground-widget')?.dataset.steps === n, shared.steps, WAIT);
        await settled(again.page);
        assert.equal(await epochOf(again.page), shared.epoch, 'the same epoch');
        assert.equal(await digest(again.page), shared.digest, 'the same output, bit for bit');
        assert.equal(await again.page.getByRole('radio', { name: 'Spiral' }).isChecked(), true);
        await again.page.locator(`${widget} .drawn-count`).filter({ hasText: '1 point drawn' }).waitFor(WAIT);
        assert.equal(await state(again.page), 'idle');
        await screenshot(again.page, 'playground-link-reopened');
        again.assertClean();
      } finally {
        await again.close();
      }
      console.log(`playground test in ${since(t0)} ms`);
    } finally {
      await s.close();
    }
  });

  test('touch: a tap on the map adds a point, a tapped neuron stays shown large, the data can be cleared', async () => {
    const s = await openPage(env.browser, `${env.server.url}#/playground?data=gauss`, { viewport: { width: 960, height: 900 }, hasTouch: true });
    const { page } = s;
    try {
      await settled(page);
      await page.getByText('orange', { exact: true }).tap();
      const at = await mapPoint(page, -3, 3);
      await page.touchscreen.tap(at.x, at.y);
      await page.waitForFunction(() => /pts=-3_3_0(&|$)/.test(location.hash), null, WAIT);
      await page.locator(`${widget} .drawn-count`).filter({ hasText: '1 point drawn' }).waitFor(WAIT);
      await settled(page);

      const neuron = page.getByRole('button', { name: 'Hidden layer 1, neuron 2', exact: true });
      await neuron.tap();
      await page.locator(`${widget} [data-role="caption"]`).filter({ hasText: 'Hidden layer 1, neuron 2, shown large' }).waitFor(WAIT);
      assert.equal(await neuron.getAttribute('aria-pressed'), 'true', 'the tapped neuron is pinned');
      await page.waitForTimeout(300);
      assert.match(await text(page, 'caption'), /Hidden layer 1, neuron 2, shown large/, 'still shown after the finger lifts');
      await screenshot(page, 'playground-touch');

      await page.getByRole('button', { name: 'Clear drawn' }).tap();
      await page.waitForFunction(() => !location.hash.includes('pts='), null, WAIT);
      s.assertClean();
    } finally {
      await s.close();
    }
  });

  test('in a 960×600 embed: the figure and its tabs fit, play trains, axe finds nothing', async () => {
    const s = await openPage(env.browser, `${env.server.url}?embed#/playground?data=xor&features=x1x2&layers=`, { viewport: { width: 960, height: 600 } });
    const { page } = s;
    try {
      await settled(page);
      const size = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
      assert.ok(size.w <= 960 && size.h <= 600, `the embed fits its frame (${size.w}×${size.h})`);
      await page.locator(widget).focus(); // an embed takes keys only while focused
      await page.keyboard.press(' ');
      await page.waitForFunction(() => Number(document.querySelector('.playground-widget [data-role="epoch"]')?.textContent?.replace(/,/g, '')) >= 10, null, WAIT);
      await page.keyboard.press(' ');
      await settled(page);
      assert.ok((await testAccuracy(page)) >= 95, 'XOR from x₁x₂ alone, with no hidden layer');
      await page.getByRole('tab', { name: 'Data' }).click();
      await page.getByRole('radio', { name: 'Spiral' }).waitFor(WAIT);
      await screenshot(page, 'playground-embed-960x600');
      await assertAccessible(page);
      s.assertClean();
    } finally {
      await s.close();
    }
  });
});
