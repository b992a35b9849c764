// Checks a widget as a slide would show it: an axe-core WCAG A/AA audit of its
// root, and its body fitting a 960 × 600 frame less the widget's own head
// (the embed mode hides the site's header; secondary panels may fold away).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe on the widget (injected through the debugger, so the page's CSP does not apply). */
export async function assertAccessible(page, selector = 'article.widget') {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async (sel) => {
    const r = await window.axe.run(document.querySelector(sel), { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }, selector);
  assert.deepEqual(violations, [], `axe found:\n${violations.join('\n')}`);
}

/** The widget's head fits ~70 px and its body the rest of a 960 × 600 slide, without horizontal overflow. */
export async function assertFitsSlide(page) {
  const box = await page.evaluate(() => {
    const head = document.querySelector('article.widget .widget-head')?.getBoundingClientRect();
    const body = document.querySelector('article.widget .widget-body');
    return { head: head?.height ?? 0, body: body?.getBoundingClientRect().height ?? 0, width: body?.scrollWidth ?? 0, client: body?.clientWidth ?? 0 };
  });
  assert.ok(box.head <= 80, `the widget's head is ${box.head} px tall`);
  assert.ok(box.body <= 600 - 80, `the widget's body is ${box.body} px tall`);
  assert.ok(box.width <= box.client + 1, `the widget's body overflows sideways (${box.width} > ${box.client})`);
  return box;
}
