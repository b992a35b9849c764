// The page under its production Content-Security-Policy and when its worker
// dies: no view triggers a CSP violation while it loads and works; a worker
// killed in the middle of training is restarted, the page says so, and the
// saved models are all still there.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { widgets } from './routes.mjs';
import { openPage, screenshot, since, withBrowser } from './helpers.mjs';

const WAIT = { timeout: 30_000 };

/** Every CSP violation of the document, from the first script on. */
function recordViolations() {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(`${e.violatedDirective}: ${e.blockedURI || e.sample || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
  });
}

describe('hardening in the browser', () => {
  const env = withBrowser();

  test('no Content-Security-Policy violation in any view', async () => {
    const t0 = performance.now();
    const s = await openPage(env.browser, `${env.server.url}#/draw`, { initScript: recordViolations });
    const { page } = s;
    try {
      assert.match(s.response.headers()['content-security-policy'] ?? '', /script-src 'self' 'wasm-unsafe-eval'/, 'served with the production CSP');
      for (const route of widgets()) {
        await page.locator(`#nav a[href^="#/${route}"]`).click(); // the navigation, as a person moves between views
        await page.locator(`[data-route="${route}"] .widget-body`).waitFor(WAIT);
        await page.waitForTimeout(1500); // its worker requests, figures and fonts
      }
      assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no violation');
      s.assertClean();
      console.log(`${widgets().length} views without a CSP violation in ${since(t0)} ms`);
    } finally {
      await s.close();
    }
  });

  test('a worker killed mid-training is restarted and the saved models are intact', async () => {
    const t0 = performance.now();
    const s = await openPage(env.browser, `${env.server.url}#/train?units=16&batch=256&epochs=1`);
    const { page } = s;
    try {
      const train = page.locator('[data-action="train"]');
      await train.and(page.locator(':enabled')).waitFor(WAIT);
      await train.click();
      await page.waitForFunction(() => document.querySelectorAll('.model-row').length === 1, null, { timeout: 60_000 });
      const saved = await page.locator('.model-row [data-stat="model-accuracy"]').innerText();

      // A second, longer run; the worker dies while it trains.
      await page.getByLabel('Epochs', { exact: true }).fill('50');
      await page.getByLabel('Units in hidden layer 1', { exact: true }).fill('64');
      await train.click();
      await page.locator('.progress-card[data-state="running"]').waitFor(WAIT);
      const [worker] = page.workers();
      await worker.evaluate(() => {
        setTimeout(() => {
          throw new Error('simulated crash');
        });
      });
      await page.locator('.alert').filter({ hasText: 'The worker stopped unexpectedly' }).waitFor(WAIT);
      await page.locator('.train-widget .form-error').filter({ hasText: 'your saved models are safe' }).waitFor(WAIT);
      // The new worker loads MNIST again and brings back the last saved model.
      await page.locator('[data-stat="model-status"]').filter({ hasText: 'The worker restarted' }).waitFor(WAIT);
      await page.locator('[data-stat="test-accuracy"]').filter({ hasText: saved }).waitFor(WAIT);
      assert.deepEqual(await page.locator('.model-row [data-stat="model-accuracy"]').allInnerTexts(), [saved], 'the library is as it was');
      await train.and(page.locator(':enabled')).waitFor(WAIT);
      await screenshot(page, 'worker-killed-mid-training');
      // The alert is the page's own report of the crash, not an error of the page.
      s.assertClean();
      console.log(`worker-kill test ${since(t0)} ms`);
    } finally {
      await s.close();
    }
  });
});
