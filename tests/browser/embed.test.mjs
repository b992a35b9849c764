// The embed view (?embed), as a slide shows it: every widget (the Optimizers
// lab's three views too) at 960×600 and 1280×720 shows no site navigation,
// fits its frame without page scrolling (nothing hidden by overflow: the
// page's own scroll size is measured) and logs no error; screenshots kept.
// Then a 1920×1080 frame at scale 1.5 in the dark theme, where a 7 drawn with
// the mouse on the enlarged pad is still read as 7.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { drawAndRead, openPage, screenshot, since, withBrowser } from './helpers.mjs';
import { widgets } from './routes.mjs';

const WAIT = { timeout: 20_000 };

// What each view shows once it has drawn (the kit's data-ready only says its
// worker answered). A widget not named here (a new lesson) is checked once
// ready: the registry's routes (routes.mjs) are all visited.
const DRAWN = {
  draw: () => document.querySelector('.draw-widget')?.dataset.state === 'ready',
  xor: () => /^\d/.test(document.querySelector('td[data-col="mlp"]')?.textContent ?? ''),
  train: () => document.querySelector('.data-line')?.dataset.state === 'ready',
  optimizers: () => window.__mlpLab?.snapshot().view?.ready === true,
};
const TABS = { optimizers: ['gd', 'race', 'net'] };

export const VIEWS = widgets().flatMap((route) =>
  (TABS[route] ?? [null]).map((tab) => ({
    name: tab ? `${route}-${tab}` : route,
    hash: tab ? `#/${route}?tab=${tab}` : `#/${route}`,
    ready: DRAWN[route] ?? (() => true),
  })),
);

/** What a frame shows: site chrome, and the page's scroll size against the viewport. */
function measure(page) {
  return page.evaluate(() => ({
    header: document.querySelector('.app-header, .app-nav, .app-footer') !== null,
    scrollHeight: document.documentElement.scrollHeight,
    scrollWidth: document.documentElement.scrollWidth,
    innerHeight,
    innerWidth,
    tabs: [...document.querySelectorAll('.embed-tabs [role="tab"]')].filter((t) => t.offsetParent !== null).map((t) => t.textContent),
  }));
}

async function openEmbed(browser, url, view, viewport, options = {}) {
  const s = await openPage(browser, url, { viewport, ...options });
  await s.page.locator('.widget[data-ready]').waitFor(WAIT);
  await s.page.waitForFunction(view.ready, null, WAIT);
  return s;
}

describe('embed view', () => {
  const env = withBrowser();

  for (const [width, height] of [
    [960, 600],
    [1280, 720],
  ]) {
    test(`every widget fits a ${width}×${height} frame with no site around it`, async () => {
      const t0 = performance.now();
      for (const view of VIEWS) {
        const s = await openEmbed(env.browser, `${env.server.url}?embed${view.hash}`, view, { width, height });
        try {
          const m = await measure(s.page);
          assert.equal(m.header, false, `${view.name}: no site header, navigation or footer`);
          assert.ok(m.scrollHeight <= m.innerHeight, `${view.name} at ${width}×${height}: the page scrolls (${m.scrollHeight} px tall)`);
          assert.ok(m.scrollWidth <= m.innerWidth, `${view.name} at ${width}×${height}: the page scrolls sideways (${m.scrollWidth} px wide)`);
          for (const action of ['share', 'embed']) assert.equal(await s.page.locator(`[data-action="${action}"]`).count(), 1, `${view.name}: ${action} action`);
          assert.match(await s.page.locator('.open-site').getAttribute('href'), /^http:\/\/127\.0\.0\.1:\d+\/#\//, 'Open in MLP Lab leads to the site, not the embed');
          await screenshot(s.page, `embed-${view.name}-${width}x${height}`);
          console.log(`${view.name} ${width}×${height}: ${m.scrollWidth}×${m.scrollHeight}, panels: ${m.tabs.join(' | ') || '—'}`);
          s.assertClean();
        } finally {
          await s.close();
        }
      }
      console.log(`${VIEWS.length} embeds at ${width}×${height} in ${since(t0)} ms`);
    });
  }

  test('keys reach an embed only while it has focus', async () => {
    const view = VIEWS.find((v) => v.name === 'optimizers-race'); // → steps, r resets
    const s = await openEmbed(env.browser, `${env.server.url}?embed${view.hash}`, view, { width: 960, height: 600 });
    const { page } = s;
    const t = () => page.evaluate(() => window.__mlpLab.snapshot().view.t);
    try {
      await page.locator('.lab-race [data-action="reset"]').click();
      await page.waitForFunction(() => window.__mlpLab.snapshot().view.t === 0, null, WAIT);
      await page.evaluate(() => document.activeElement?.blur()); // focus on the page, as when the deck around it has it
      await page.keyboard.press('ArrowRight');
      assert.equal(await t(), 0, 'a key pressed outside the widget does not step it');
      await page.locator('.widget-head h1').click(); // clicking the widget gives it the keys
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => window.__mlpLab.snapshot().view.t > 0, null, WAIT);
      s.assertClean();
    } finally {
      await s.close();
    }
  });

  test('scale 1.5 and the dark theme in a 1920×1080 frame: it fits, and a 7 drawn on the enlarged pad reads as 7', async () => {
    const view = VIEWS.find((v) => v.name === 'draw');
    const s = await openEmbed(env.browser, `${env.server.url}?embed&scale=1.5&theme=dark#/draw?model=pretrained`, view, { width: 1920, height: 1080 });
    const { page } = s;
    try {
      const m = await measure(page);
      assert.ok(m.scrollHeight <= m.innerHeight && m.scrollWidth <= m.innerWidth, `fits: ${JSON.stringify(m)}`);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
      const box = await page.locator('.pad-canvas').boundingBox();
      assert.ok(box.width > 600, `the pad is large on screen (${Math.round(box.width)} px)`);
      assert.equal(await drawAndRead(page, 7, WAIT), '7');
      await screenshot(page, 'embed-draw-1920x1080-scale1.5-dark');
      s.assertClean();
    } finally {
      await s.close();
    }
  });
});
