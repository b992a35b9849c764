// A slide deck unloads embeds it has moved past, whatever they are doing. A
// Train embed unloaded while its worker downloads and inflates MNIST used to
// crash Chromium's renderer, and with it the deck around it (a TransformStream
// piped into DecompressionStream in a terminated worker): unload one at many
// moments of its start and check the host page lives on.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openPage, withBrowser } from './helpers.mjs';

describe('embeds unloaded mid-start', () => {
  const env = withBrowser();

  test('removing a Train embed while it loads MNIST leaves the host page alive', async () => {
    // The deck's page is a same-origin host, so its frames share its renderer.
    const s = await openPage(env.browser, `${env.server.url}slides/`);
    let crashed = false;
    s.page.on('crash', () => (crashed = true));
    try {
      for (let delay = 300; delay <= 2700 && !crashed; delay += 300) {
        await s.page.evaluate((src) => {
          const frame = Object.assign(document.createElement('iframe'), { src, id: 'unloaded' });
          frame.style.cssText = 'width:960px;height:600px';
          document.body.append(frame);
        }, `${env.server.url}?embed#/train`);
        await s.page.waitForTimeout(delay);
        await s.page.evaluate(() => document.getElementById('unloaded')?.remove());
        await s.page.waitForTimeout(200);
      }
      assert.equal(crashed, false, 'the host page crashed');
      assert.equal(await s.page.evaluate(() => 1 + 1), 2, 'the host page still answers');
    } finally {
      await s.close();
    }
  });
});
