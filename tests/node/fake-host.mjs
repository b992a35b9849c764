// The worker's Host (web/src/worker/controller.ts) with the event loop driven
// by the test: `later` queues, `drain` runs queued work until `until()` holds;
// and `ask`, one request to a Controller and its one answer.
import assert from 'node:assert/strict';

export function fakeHost() {
  const messages = [];
  const queue = [];
  return {
    messages,
    post: (m) => messages.push(m),
    now: () => performance.now(),
    later: (fn) => queue.push(fn),
    fatal: (e) => {
      throw e;
    },
    drain(until, limit = 1e6) {
      for (let n = 0; n < limit && !until(); n++) {
        const fn = queue.shift();
        if (!fn) break;
        fn();
      }
    },
  };
}

/** Sends one request to a Controller and returns its one answer: the result's value, or { error: message }. */
export function ask(runner, host, body, id = 1) {
  const before = host.messages.length;
  runner.handle({ ...body, id });
  const answer = host.messages.slice(before).find((m) => m.id === id);
  assert.ok(answer, `an answer to ${body.type}`);
  return answer.type === 'error' ? { error: answer.message } : answer.value;
}
