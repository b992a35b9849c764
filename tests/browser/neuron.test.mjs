// The McCulloch–Pitts lesson as a student uses it: wire XOR from threshold
// units by hand (clicks, a drag, a threshold changed from the keyboard) and
// see the truth table come out right; the link reopens on the same network;
// Hebb's weights only grow. Fits a slide, passes an axe audit.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertAccessible, assertFitsSlide } from './audit.mjs';
import { openPage, screenshot, since, withBrowser } from './helpers.mjs';

const WAIT = { timeout: 10_000 };
const SLIDE = { width: 960, height: 600 };

const column = (page, col) => page.locator(`table.truth tbody td[data-col="${col}"]`).allInnerTexts();
const link = (page, from, to) => page.getByRole('button', { name: new RegExp(`^${from} to ${to}:`) });

/** Clicks a link until it is of `kind` (none → excitatory → inhibitory → none). */
async function setLink(page, from, to, kind) {
  for (let i = 0; i < 3; i++) {
    if ((await link(page, from, to).getAttribute('aria-label'))?.endsWith(kind)) return;
    await link(page, from, to).locator('.badge').click(); // where the link shows its + or −
  }
  assert.fail(`${from} to ${to} never became ${kind}`);
}

async function centre(page, node) {
  const b = await page.locator(`[data-node="${node}"] circle`).boundingBox();
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

describe('McCulloch–Pitts and Hebb', () => {
  const env = withBrowser();

  test('XOR wired by hand from threshold units: the truth table is right, and the link keeps it', async () => {
    const t0 = performance.now();
    const s = await openPage(env.browser, `${env.server.url}#/neuron`, { viewport: SLIDE });
    const { page } = s;
    try {
      const verdict = page.locator('.neuron-widget .verdict');
      await verdict.filter({ hasText: 'y matches XOR on 3 of 4 rows' }).waitFor(WAIT); // y starts as x₁ OR x₂

      // h₁ = x₁ AND NOT x₂, h₂ = x₂ AND NOT x₁, y = h₁ OR h₂.
      await setLink(page, 'x₁', 'h₁', 'excitatory');
      await setLink(page, 'x₂', 'h₁', 'inhibitory');
      await setLink(page, 'x₁', 'h₂', 'inhibitory');
      await setLink(page, 'x₂', 'h₂', 'excitatory');
      await setLink(page, 'x₁', 'y', 'not connected');
      await setLink(page, 'x₂', 'y', 'not connected');
      await setLink(page, 'h₁', 'y', 'excitatory');
      // The last link by dragging from h₂ to y.
      const [from, to] = [await centre(page, 'h2'), await centre(page, 'y')];
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
      await page.mouse.move(to.x, to.y, { steps: 4 });
      await page.mouse.up();
      assert.match(await link(page, 'h₂', 'y').getAttribute('aria-label'), /excitatory$/, 'the drag connected h₂ to y');

      // y's threshold up and back down from the keyboard: θ = 2 would make y an AND.
      const theta = page.getByRole('spinbutton', { name: 'Threshold of y' });
      await theta.focus();
      await page.keyboard.press('ArrowUp');
      await page.waitForFunction(() => document.querySelector('[data-node="y"]')?.getAttribute('aria-valuenow') === '2');
      await verdict.filter({ hasText: 'on 2 of 4 rows' }).waitFor(WAIT);
      await page.keyboard.press('ArrowDown');

      await verdict.filter({ hasText: '✓ y is XOR on every row.' }).waitFor(WAIT);
      assert.deepEqual(await column(page, 'y'), ['0', '1', '1', '0']);
      assert.deepEqual(await column(page, 'h1'), ['0', '0', '1', '0']);
      assert.deepEqual(await column(page, 'h2'), ['0', '1', '0', '0']);
      assert.deepEqual(await page.locator('table.truth tbody td[data-col="mark"]').allInnerTexts(), ['✓', '✓', '✓', '✓']);

      // Feed row (1, 0) by flipping x₂ off: h₁ and y fire.
      await page.getByRole('switch', { name: 'Input x₂' }).click();
      await page.waitForFunction(() => document.querySelector('[data-node="y"]')?.dataset.on === 'true' && document.querySelector('[data-node="h1"]')?.dataset.on === 'true');

      await page.waitForFunction(() => /syn=e-i-i-e-n-n-e-e.*row=2/.test(location.hash), null, WAIT);
      const href = page.url();
      await assertFitsSlide(page);
      await assertAccessible(page);
      await screenshot(page, 'neuron-xor-built');
      s.assertClean();

      const again = await openPage(env.browser, href, { viewport: SLIDE });
      try {
        await again.page.locator('.neuron-widget .verdict').filter({ hasText: '✓ y is XOR on every row.' }).waitFor(WAIT);
        assert.deepEqual(await column(again.page, 'y'), ['0', '1', '1', '0'], 'the link reopens on the same network');
        assert.equal(await again.page.locator('table.truth tr[aria-current="true"]').getAttribute('data-row'), '2', 'and the same row fed in');
        again.assertClean();
      } finally {
        await again.close();
      }
      console.log(`XOR wired ${since(t0)} ms`);
    } finally {
      await s.close();
    }
  });

  test('Hebb’s rule: weights only grow and AND is never learned; the perceptron learns it', async () => {
    const s = await openPage(env.browser, `${env.server.url}#/neuron?hgate=and`, { viewport: SLIDE, colorScheme: 'dark' });
    const { page } = s;
    try {
      const weights = async (rule) => {
        const label = await page.locator('.weight-bars').nth(rule === 'hebb' ? 0 : 1).getAttribute('aria-label');
        return label.match(/\(([^)]*)\)/)[1].split(', ').map((v) => Number(v.replace('−', '-')));
      };
      await page.locator('[data-hebb="presented"]').filter({ hasText: 'Present next' }).waitFor(WAIT);
      let before = [0, 0, 0];
      const next = page.getByRole('button', { name: 'Present next →' });
      for (let k = 1; k <= 8; k++) {
        await next.click();
        await page.locator('[data-hebb="presented"]').filter({ hasText: `Presentation ${k}:` }).waitFor(WAIT);
        const w = await weights('hebb');
        w.forEach((v, j) => assert.ok(v >= before[j], `presentation ${k}: Hebb's w${j} went from ${before[j]} to ${v}`));
        before = w;
      }
      assert.deepEqual(before, [2, 2, 2], 'two presentations of (1, 1) → 1 in two epochs, each adding (1, 1, 1)');
      // Four more epochs from the keyboard.
      await page.locator('.neuron-widget h1').click();
      for (let k = 9; k <= 24; k++) await page.keyboard.press('ArrowRight');
      await page.locator('[data-hebb="presented"]').filter({ hasText: 'Presentation 24:' }).waitFor(WAIT);
      assert.deepEqual(await weights('hebb'), [6, 6, 6], 'Hebb’s unit fires on every row');
      assert.match(await page.locator('[data-hebb="hebb"]').innerText(), /right on 1 of 4/);
      assert.match(await page.locator('[data-hebb="perceptron"]').innerText(), /right on 4 of 4/);
      assert.ok((await weights('perceptron')).some((v) => v < 0), 'the perceptron’s rule can lower a weight');
      await page.keyboard.press('ArrowLeft');
      await page.locator('[data-hebb="presented"]').filter({ hasText: 'Presentation 23:' }).waitFor(WAIT);
      await assertAccessible(page);
      await screenshot(page, 'neuron-hebb-dark');
      s.assertClean();
    } finally {
      await s.close();
    }
  });
});
