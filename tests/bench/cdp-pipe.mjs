// Chromium driven through one bare DevTools session on the page, over
// --remote-debugging-pipe: no Playwright. Playwright attaches to every worker
// as it starts and holds it until its own set-up is done, which on this
// machine adds ~100 ms to a worker's start (a one-line module worker: 50–100 ms
// to its first statement in plain headless Chromium, 90–200 ms under
// Playwright). Start-up is mostly a worker starting, so bench_startup.mjs
// measures it this way as well. Messages are JSON, each ended by a NUL byte.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../browser/helpers.mjs';

export async function launchBare() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'mlp-cdp-'));
  const proc = spawn(CHROMIUM, ['--headless=new', '--remote-debugging-pipe', `--user-data-dir=${profile}`, ...CHROMIUM_ARGS, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
  });
  const [, , , toBrowser, fromBrowser] = proc.stdio;
  const pending = new Map();
  let nextId = 0;
  let buffered = Buffer.alloc(0);
  fromBrowser.on('data', (chunk) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (let end = buffered.indexOf(0); end >= 0; end = buffered.indexOf(0)) {
      const message = JSON.parse(buffered.subarray(0, end).toString('utf8'));
      buffered = buffered.subarray(end + 1);
      const waiter = pending.get(message.id);
      if (!waiter) continue; // events: not needed here
      pending.delete(message.id);
      if (message.error) waiter.reject(new Error(`${waiter.method}: ${message.error.message}`));
      else waiter.resolve(message.result);
    }
  });
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  /** Sends a command (to the browser, or to an attached target's session) and resolves with its result. */
  const send = (method, params = {}, sessionId = undefined) =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve, reject, method });
      toBrowser.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  await send('Browser.getVersion');
  return {
    send,
    /** A fresh context (empty cache) with one page; its session id, for send(). */
    async newPage() {
      const { browserContextId } = await send('Target.createBrowserContext', { disposeOnDetach: true });
      const { targetId } = await send('Target.createTarget', { url: 'about:blank', browserContextId });
      const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
      return { sessionId, close: () => send('Target.disposeBrowserContext', { browserContextId }) };
    },
    async close() {
      await send('Browser.close').catch(() => {});
      await exited;
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Evaluates `expression` in the page and returns its value. */
export async function evaluate(browser, sessionId, expression) {
  const { result, exceptionDetails } = await browser.send('Runtime.evaluate', { expression, returnByValue: true }, sessionId);
  if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.text}`);
  return result.value;
}
