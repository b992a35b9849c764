// The embed view (?embed), as a slide shows it: every widget (the Optimizers
// lab's three views too) at 960×600 and 1280×720 shows no site navigation,
// fits its frame without page scrolling (nothing hidden by overflow: the
// page's own scroll size is measured, and every panel tab is opened to see
// that it does not scroll inside either) and logs no error; screenshots kept.
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
  playground: () => document.querySelector('.playground-widget .output-frame')?.dataset.digest !== undefined,
  activations: () => document.querySelector('.activations-widget .curve-grid')?.dataset.state === 'ready',
  vanishing: () => document.querySelector('.vanishing-widget .figure')?.dataset.state === 'ready',
  uat: () => document.querySelector('.uat-widget .readout')?.dataset.state === 'idle',
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

/** The embed's panels (its tabs) that would scroll inside themselves; each tab is opened in turn, then the first again. */
function overflowingPanels(page) {
  return page.evaluate(async () => {
    const over = [];
    for (const side of document.querySelectorAll('.embed-side')) {
      if (side.offsetParent === null) continue; // an Optimizers view not shown
      const tabs = [...side.querySelectorAll('[role="tab"]')].filter((t) => !t.hidden);
      for (const tab of tabs) {
        tab.click();
        await new Promise(requestAnimationFrame);
        const panel = document.getElementById(tab.getAttribute('aria-controls'));
        if (panel.scrollHeight > panel.clientHeight + 1) over.push(`${tab.textContent} (${panel.scrollHeight - panel.clientHeight} px)`);
      }
      tabs[0]?.click();
    }
    return over;
  });
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
          assert.deepEqual(await overflowingPanels(s.page), [], `${view.name} at ${width}×${height}: panels that scroll inside`);
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

  test('the Embed action in the site: a snippet with the settings, the size chosen, a live preview of exactly that frame', async () => {
    const s = await openPage(env.browser, `${env.server.url}#/xor?gate=and&hidden=3`);
    const { page } = s;
    try {
      await page.locator('.widget[data-ready]').waitFor(WAIT);
      await page.getByRole('button', { name: 'Embed' }).click();
      const dialog = page.getByRole('dialog', { name: 'Embed this widget' });
      await dialog.waitFor(WAIT);
      const code = () => dialog.getByRole('textbox', { name: 'The iframe to paste' }).inputValue();
      assert.match(await code(), /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed#\/xor\?gate=and&amp;hidden=3" width="960" height="600" title="Perceptron vs MLP on logic gates"/);
      await dialog.getByLabel('Frame', { exact: true }).selectOption({ label: '1280 × 720' });
      await dialog.getByLabel('Text size', { exact: true }).selectOption({ label: '1.25×' });
      await dialog.getByLabel('Colours', { exact: true }).selectOption('dark');
      assert.match(await code(), /\?embed&amp;scale=1\.25&amp;theme=dark#\/xor\?gate=and&amp;hidden=3" width="1280" height="720"/);
      const preview = dialog.locator('.embed-preview iframe');
      assert.match(await preview.getAttribute('src'), /\?embed&scale=1\.25&theme=dark#\/xor\?gate=and&hidden=3$/);
      const inner = await (await preview.elementHandle()).contentFrame();
      await inner.locator('.widget[data-ready]').waitFor(WAIT);
      assert.equal(await inner.evaluate(() => document.documentElement.dataset.theme), 'dark');
      assert.equal(await inner.locator('select[name="gate"]').inputValue(), 'and', 'the preview opens with the settings');
      await screenshot(page, 'embed-dialog-xor');
      await dialog.getByRole('button', { name: 'Close' }).click();
      assert.equal(await page.locator('.embed-preview iframe').count(), 0, 'closing drops the preview and its worker');
      // Each choice replaces the preview: the one it replaces stops loading (aborted), which is no error.
      assert.deepEqual(s.problems.filter((p) => !/^request failed: .* \(net::ERR_ABORTED\)$/.test(p)), []);
    } finally {
      await s.close();
    }
  });

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

  test('in a host page: a frame below the fold starts no worker until seen; hidden, a playing race pauses and plays again when seen; ready, state and height arrive', async () => {
    const s = await openPage(env.browser, 'about:blank', { viewport: { width: 1100, height: 700 } });
    const { page } = s;
    const embed = (hash) => `${env.server.url}?embed${hash}`;
    // A course page: one frame at the top, one far below it.
    await page.route(`${env.server.url}host.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><body style="margin:0">
          <iframe id="top" src="${embed('#/optimizers?tab=race&speed=slow')}" width="960" height="600"></iframe>
          <div style="height:1600px"></div>
          <iframe id="below" src="${embed('#/xor')}" width="960" height="600"></iframe>
          <script>
            window.heard = [];
            addEventListener('message', (e) => {
              const id = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === e.source)?.id;
              if (e.data?.mlpLab === 1) heard.push({ id, ...e.data });
            });
          </script></body>`,
      }),
    );
    try {
      await page.goto(`${env.server.url}host.html`);
      const frame = async (id) => (await page.locator(`#${id}`).elementHandle()).contentFrame();
      const heard = (id, type) => page.evaluate(([i, t]) => window.heard.filter((m) => m.id === i && m.type === t), [id, type]);
      await page.waitForFunction(() => window.heard.some((m) => m.id === 'top' && m.type === 'ready'), null, WAIT);
      const top = await frame('top');
      const below = await frame('below');
      await below.locator('.widget').waitFor(WAIT);
      assert.equal(await below.evaluate(() => document.documentElement.dataset.worker), 'waiting', 'the frame below the fold has not started its worker');
      assert.equal((await heard('top', 'height')).length > 0, true, 'a height message');
      const [ready] = await heard('top', 'ready');
      assert.deepEqual(ready.commands, ['play', 'pause', 'step', 'reset']);

      await page.evaluate(() => document.getElementById('top').contentWindow.postMessage({ mlpLab: 1, type: 'play' }, '*'));
      await top.waitForFunction(() => window.__mlpLab.snapshot().view.playing, null, WAIT);
      await page.evaluate(() => window.scrollTo(0, 1800)); // the top frame leaves the screen, the other comes in
      await top.waitForFunction(() => !window.__mlpLab.snapshot().view.playing, null, WAIT);
      const paused = await top.evaluate(() => window.__mlpLab.snapshot().view);
      assert.ok(paused.t < paused.end, `paused mid-way (step ${paused.t} of ${paused.end}), not finished`);
      await page.waitForFunction(() => window.heard.some((m) => m.id === 'below' && m.type === 'ready'), null, WAIT);
      assert.equal(await below.evaluate(() => document.documentElement.dataset.worker), 'running', 'seen, it started its worker');
      await page.evaluate(() => window.scrollTo(0, 0));
      await top.waitForFunction(() => window.__mlpLab.snapshot().view.playing, null, WAIT);

      await page.evaluate(() => document.getElementById('top').contentWindow.postMessage({ mlpLab: 1, type: 'set', settings: { surface: 'rosenbrock', nope: 1 } }, '*'));
      await page.waitForFunction(() => window.heard.some((m) => m.type === 'state' && /surface=rosenbrock/.test(m.link)), null, WAIT);
      const state = (await heard('top', 'state')).find((m) => /surface=rosenbrock/.test(m.link));
      assert.match(state.link, /^http:\/\/127\.0\.0\.1:\d+\/#\/optimizers\?.*tab=race/, 'the link reopens it in the site');
      assert.deepEqual(state.problems, ['Unknown setting “nope” in the link was ignored.']);
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
