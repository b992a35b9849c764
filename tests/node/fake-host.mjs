// The worker's Host (web/src/worker/controller.ts) with the event loop driven
// by the test: `later` queues, `drain` runs queued work until `until()` holds.
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
