// Every view against axe-core's WCAG 2 A and AA rules, in the light and the
// dark theme, once it has drawn its figures (and, for Train, a report): no
// violation. axe runs through the DevTools protocol, so the page's CSP is as
// strict as in production.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { widgets } from './routes.mjs';
import { axeViolations, openPage, since, withBrowser } from './helpers.mjs';

const WAIT = { timeout: 20_000 };

/** What each view needs before it is audited: its main figure drawn. */
const READY = {
  draw: '.draw-widget[data-state="ready"]',
  xor: '.xor-widget .heatmap',
  train: '.train-widget .data-line[data-state="ready"]',
  optimizers: '.opt-lab canvas',
  neuron: '.neuron-widget .verdict[data-verdict="bad"]',
  perceptron: '.perceptron-widget [data-status="running"]',
  backprop: '.backprop-widget .graph .node.input',
  playground: '.playground-widget .output-frame[data-digest]',
  activations: '.activations-widget .curve-grid[data-state="ready"]',
  vanishing: '.vanishing-widget .figure[data-state="ready"]',
  uat: '.uat-widget .readout[data-state="idle"]',
};

describe('accessibility (axe-core, WCAG 2.1 A/AA)', () => {
  const env = withBrowser();

  for (const colorScheme of ['light', 'dark']) {
    test(`every view, ${colorScheme} theme`, async () => {
      const t0 = performance.now();
      const found = [];
      for (const route of widgets()) {
        const s = await openPage(env.browser, `${env.server.url}#/${route}`, { colorScheme });
        try {
          if (READY[route]) await s.page.locator(READY[route]).first().waitFor(WAIT);
          else await s.page.locator('.widget-body').waitFor(WAIT);
          await s.page.waitForTimeout(300); // the last paint of the figures
          for (const v of await axeViolations(s.page)) found.push(`${route}: ${v}`);
          s.assertClean();
        } finally {
          await s.close();
        }
      }
      assert.deepEqual(found, [], `axe found:\n${found.join('\n')}`);
      console.log(`${widgets().length} views audited (${colorScheme}) in ${since(t0)} ms`);
    });
  }
});
