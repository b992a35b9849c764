// Checks a widget as a slide would show it: an axe-core WCAG A/AA audit of the
// page, and the widget's body fitting a 960 × 600 frame less the widget's own head
// (the embed mode hides the site's header; secondary panels may fold away).

import assert from 'node:assert/strict';
import { axeViolations } from './helpers.mjs';

/** No axe-core WCAG 2.1 A/AA violation on the page as it is now. */
export async function assertAccessible(page) {
  const violations = await axeViolations(page);
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
