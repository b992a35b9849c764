// The lecture deck (examples/slides/, built into dist/slides/) walked with the
// keyboard as a lecturer would: every slide with an embed gets its `ready`
// message (a widget this build lacks says so, and is ready too), the arrow
// keys keep moving the deck, no frame logs an error, and never more than two
// embeds hold a running worker (embeds start their worker only when seen, and
// reveal.js unloads frames two slides away). On the XOR slide the deck's own
// buttons drive the widget through the postMessage API. Prints the memory of
// the browser with every embed visited.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import { openPage, screenshot, since, withBrowser } from './helpers.mjs';

const WAIT = { timeout: 30_000 };
const MAX_RUNNING = 2;

/** Embeds whose page has a running worker, from every frame's data-worker. */
async function runningWorkers(page) {
  const states = await Promise.all(
    page.frames().filter((f) => f !== page.mainFrame()).map((f) => f.evaluate(() => document.documentElement.dataset.worker ?? null).catch(() => null)),
  );
  return states.filter((s) => s === 'running').length;
}

const slideIndex = (page) => page.evaluate(() => window.__deck.reveal.getIndices().h);

/** The resident memory of every process of this browser, in MB (Linux /proc). */
async function browserMemoryMb(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  let kb = 0;
  for (const p of processInfo) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p.id}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // the process ended meanwhile
    }
  }
  await cdp.detach();
  return Math.round(kb / 1024);
}

describe('lecture deck', () => {
  const env = withBrowser();

  test('walked with the keyboard: every embed becomes ready, arrows move the deck, at most two running workers, no errors', async () => {
    const t0 = performance.now();
    const s = await openPage(env.browser, `${env.server.url}slides/`, { viewport: { width: 1280, height: 720 } });
    const { page } = s;
    // The browser's own count of live workers, beside each embed's data-worker. Playwright
    // reports a worker's close some time after reveal.js unloads its frame (over a second
    // during a full test run), so the count is read on each slide once it has settled: a
    // worker that is never closed still counts.
    let live = 0;
    let mostLive = 0;
    page.on('worker', (w) => {
      live++;
      w.on('close', () => live--);
    });
    const settledLive = async () => {
      for (const end = performance.now() + 3000; live > MAX_RUNNING && performance.now() < end; ) await page.waitForTimeout(50);
      return live;
    };
    try {
      await page.waitForFunction(() => window.__deck?.reveal.isReady(), null, WAIT);
      const baseline = await browserMemoryMb(env.browser);
      const total = await page.evaluate(() => window.__deck.reveal.getTotalSlides());
      const embedded = await page.locator('iframe.embed').count();
      assert.ok(embedded >= 8, `at least eight embeds (${embedded})`);
      const seen = [];
      let mostRunning = 0;
      for (let i = 0; i < total; i++) {
        assert.equal(await slideIndex(page), i, 'the arrow key moved the deck');
        const frame = page.locator('section.present iframe.embed');
        if ((await frame.count()) === 1) {
          const name = await frame.getAttribute('data-embed');
          const started = performance.now();
          await page.locator(`section.present iframe.embed[data-ready]`).waitFor(WAIT);
          const ready = await frame.getAttribute('data-ready');
          seen.push(`${name}: ${ready === 'yes' ? 'ready' : 'not in this build'} in ${since(started)} ms`);
          if (name === 'xor') await driveXor(page);
          if (i % 4 === 0 || name === 'train') await screenshot(page, `deck-${String(i).padStart(2, '0')}-${name}`);
        }
        mostLive = Math.max(mostLive, await settledLive());
        const running = await runningWorkers(page);
        mostRunning = Math.max(mostRunning, running);
        assert.ok(running <= MAX_RUNNING, `slide ${i}: ${running} embeds hold a running worker`);
        if (i < total - 1) {
          await page.keyboard.press('ArrowRight');
          await page.waitForFunction((n) => window.__deck.reveal.getIndices().h === n, i + 1, WAIT);
        }
      }
      console.log(seen.join('\n'));
      const available = seen.filter((l) => / ready in /.test(l)).length;
      assert.equal(available, seen.length, `every embed is a widget of this build:\n${seen.join('\n')}`);
      const log = await page.evaluate(() => window.__deck.log);
      assert.ok(log.every((m) => m.type !== 'ready' || m.available === false || /^http/.test(m.link)), 'ready messages carry the link');
      console.log(`${total} slides, ${embedded} embeds, at most ${mostRunning} running workers (${mostLive} live Worker objects), walked in ${since(t0)} ms`);
      assert.ok(mostLive <= MAX_RUNNING, `at most ${MAX_RUNNING} workers alive at once (${mostLive})`);
      console.log(`browser memory (all processes, RSS): ${baseline} MB on the title slide, ${await browserMemoryMb(env.browser)} MB with every embed visited`);
      // A frame reveal.js unloads (two slides on) aborts what it was still
      // loading, e.g. the Train embed's MNIST download: that is the unloading
      // working, not an error.
      const problems = s.problems.filter((p) => !/^request failed: .* \(net::ERR_ABORTED\)$/.test(p));
      assert.deepEqual(problems, [], `the deck or an embed reported errors:\n${problems.join('\n')}`);
    } finally {
      await s.close();
    }
  });
});

/** The deck's buttons on the XOR slide: set OR (a `state` with the new link comes back), train, pause; the deck keeps its keys. */
async function driveXor(page) {
  const frame = page.frameLocator('section.present iframe.embed');
  const states = () => page.evaluate(() => window.__deck.log.filter((m) => m.embed === 'xor' && m.type === 'state').map((m) => m.link));
  await page.locator('section.present [data-send*="\\"or\\""]').click();
  await page.waitForFunction(() => window.__deck.log.some((m) => m.embed === 'xor' && m.type === 'state' && /gate=or/.test(m.link)), null, WAIT);
  assert.equal(await frame.locator('select[name="gate"]').inputValue(), 'or', 'the widget shows OR');
  await page.locator('section.present [data-send*="xor"]').click();
  await page.waitForFunction(() => window.__deck.log.some((m) => m.embed === 'xor' && m.type === 'state' && !/gate=/.test(m.link)), null, WAIT);
  await page.locator('section.present [data-send*="play"]').click();
  await frame.locator('[data-action="pause"]:not([disabled])').waitFor(WAIT);
  await page.locator('section.present [data-send*="pause"]').click();
  await frame.locator('[data-action="pause"][disabled]').waitFor(WAIT);
  assert.ok((await states()).length >= 2);
}

