// The Draw view reads small digits drawn anywhere: the strokes go to the
// worker as vectors and the core draws them again with a pen proportional to
// the digit's size, so a 3 and a 5 drawn small in a corner with real pointer
// events (they were read at 62% and 53% with the fixed pen) read like large ones.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DIGITS } from './digit-strokes.mjs';
import { openPage, screenshot, withBrowser } from './helpers.mjs';

const WAIT = { timeout: 10_000 };

/** Draws a digit of tests/browser/digit-strokes.mjs with the mouse, scaled by `scale` about `centre` (pad fractions). */
async function drawSmall(page, digit, scale, centre) {
  const box = await page.locator('.pad-canvas').boundingBox();
  const at = ([x, y]) => [box.x + (centre[0] + (x - 0.5) * scale) * box.width, box.y + (centre[1] + (y - 0.5) * scale) * box.height];
  for (const stroke of DIGITS[digit]) {
    const [first, ...rest] = stroke.map(at);
    await page.mouse.move(...first);
    await page.mouse.down();
    for (const p of rest) await page.mouse.move(...p);
    await page.mouse.up();
  }
}

async function reading(page) {
  await page.waitForFunction(() => document.querySelector('.draw-widget')?.dataset.current === 'true', null, WAIT);
  return page.evaluate(() => {
    const readout = document.querySelector('.draw-widget .readout');
    const preview = document.querySelector('.draw-widget .digit-preview');
    return { digit: readout.dataset.digit === undefined ? null : Number(readout.dataset.digit), detail: readout.querySelector('.verdict-detail').textContent, ink: Number(preview.dataset.ink) };
  });
}

describe('draw: small digits in a corner', () => {
  const env = withBrowser();

  test('a 3, a 5 and a 7 drawn at 15–20% of the pad in its corners read correctly', async () => {
    const s = await openPage(env.browser, `${env.server.url}#/draw`);
    const { page } = s;
    try {
      await page.waitForFunction(() => document.querySelector('.draw-widget')?.dataset.state === 'ready', null, WAIT);
      const cases = [
        [3, 0.25, [0.12, 0.13]], // top left: the digit ~15% of the pad
        [5, 0.3, [0.86, 0.87]], // bottom right
        [7, 0.25, [0.88, 0.12]], // top right
      ];
      for (const [digit, scale, centre] of cases) {
        await page.keyboard.press('Escape');
        await drawSmall(page, digit, scale, centre);
        const r = await reading(page);
        console.log(`small ${digit} at (${centre}): ${r.detail}, ${r.ink.toFixed(1)} ink in the 28×28 view`);
        assert.equal(r.digit, digit, `drew a small ${digit}, the page says ${r.digit} (${r.detail})`);
        assert.ok(r.ink > 40 && r.ink < 200, `MNIST-like ink, not a blob: ${r.ink}`);
      }
      await page.waitForTimeout(200);
      await screenshot(page, 'draw-small-7-corner');
      s.assertClean();
    } finally {
      await s.close();
    }
  });
});
