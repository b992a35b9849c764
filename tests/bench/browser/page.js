// The benchmark page: runs each contender in its own fresh worker, one after
// the other (never two at once), and hands back what the worker measured.
// tests/bench/bench_browser.mjs calls window.bench.* through Playwright.

const log = document.getElementById('log');

function run(url, options, params) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, options);
    worker.onmessage = (e) => {
      if (e.data.type === 'log') {
        log.textContent += `${e.data.text}\n`;
        return;
      }
      worker.terminate();
      if (e.data.type === 'error') reject(new Error(e.data.message));
      else {
        log.textContent += `${JSON.stringify(e.data.result)}\n`;
        resolve(e.data.result);
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'the worker failed'));
    };
    worker.postMessage(params);
  });
}

window.bench = {
  /** Our core, flavour 'simd' or 'scalar', in a module worker. */
  ours: (params) => run('/bench-ours.js', { type: 'module' }, params),
  /** TensorFlow.js with its wasm backend, in a classic worker (its UMD builds need importScripts). */
  tfjs: (params) => run('/bench-tfjs.js', {}, params),
};
