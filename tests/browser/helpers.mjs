// Shared plumbing for the browser tests: Debian's Chromium driven by
// playwright-core, the built page served by scripts/serve.mjs, console and
// page errors collected (any one fails the test), screenshots kept.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { DIGITS } from './digit-strokes.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// MLP_DIST points the tests at another build (e.g. `vite build --outDir /tmp/x`),
// so one developer's build does not empty dist/ under another's test run.
export const DIST = process.env.MLP_DIST ? path.resolve(process.env.MLP_DIST) : path.join(ROOT, 'dist');
export const SCREENSHOTS = path.join(ROOT, 'artifacts', 'screenshots');
export const CHROMIUM = '/usr/bin/chromium';

// The flags that work on our build machines (TOOLCHAIN.md). playwright gives
// every launch a fresh temporary profile, so no --user-data-dir is needed.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Fails early, and says what to do, when the page has not been built. */
export function requireBuild() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(
      `${path.relative(ROOT, DIST)}/index.html is missing: build the page first ` +
        '(sh scripts/build-wasm.sh && npx vite build --config vite.config.mjs)',
    );
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
}

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** The built page on a free port of 127.0.0.1. */
/**
 * Registers the suite's before/after: the built page served and one browser,
 * reachable as env.server / env.browser inside the tests.
 */
export function withBrowser() {
  const env = { server: null, browser: null };
  before(async () => {
    requireBuild();
    const t0 = performance.now();
    [env.server, env.browser] = await Promise.all([serveDist(), launchBrowser()]);
    console.log(`server + browser up in ${Math.round(performance.now() - t0)} ms (${env.server.url})`);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

export function serveDist() {
  return startServer({ root: DIST, port: 0 });
}

/**
 * A new page that records every console error, uncaught page error, failed
 * request and HTTP error. Call `assertClean()` at the end of a test.
 */
export async function openPage(
  browser,
  url,
  {
    viewport = { width: 1280, height: 720 },
    colorScheme = 'light',
    initScript = null,
    // A phone: HiDPI pixels and a touch screen (matching `pointer: coarse`).
    deviceScaleFactor = 1,
    hasTouch = false,
  } = {},
) {
  const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor, hasTouch });
  // Runs in every document before the page's own scripts (e.g. a PerformanceObserver).
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  const response = await page.goto(url);
  return {
    page,
    response,
    problems,
    assertClean() {
      assert.deepEqual(problems, [], `the page reported errors:\n${problems.join('\n')}`);
    },
    close: () => context.close(),
  };
}

export async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Milliseconds since `start`, for the timings the tests print. */
export const since = (start) => Math.round(performance.now() - start);

const AXE = fs.readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2.1 A/AA violations on the page as it is now, one line
 * each. axe is run through the DevTools protocol, so the page's CSP is not
 * loosened for it.
 */
export async function axeViolations(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id} (${v.help})\n    ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`).join('\n    ')}`);
  });
}

/** Draws DIGITS[digit] on the Draw view's pad with real mouse events. */
export async function drawWithMouse(page, digit) {
  const box = await page.locator('.pad-canvas').boundingBox();
  for (const stroke of DIGITS[digit]) {
    const [first, ...rest] = stroke.map(([x, y]) => [box.x + x * box.width, box.y + y * box.height]);
    await page.mouse.move(...first);
    await page.mouse.down();
    for (const p of rest) await page.mouse.move(...p);
    await page.mouse.up();
  }
}

/** Draws a digit and resolves to the digit the Draw view reads for it, once its answer is for that ink. */
export async function drawAndRead(page, digit, wait = { timeout: 20_000 }) {
  await drawWithMouse(page, digit);
  await page.waitForFunction(() => document.querySelector('.draw-widget')?.dataset.current === 'true', null, wait);
  return page.locator('.readout').getAttribute('data-digit');
}
