// One epoch of the seed MLP with our WASM core, in a module worker, as the
// Train view's worker runs it (Trainer.trainBatches in a loop; the view adds
// only a yield between slices of ~12 ms). The threads flavour starts its
// pthread Workers from /generated/mlp-threads.worker.js, beside the glue.

const SEED_NET = {
  inputs: 784,
  layers: [{ units: 300, activation: 'relu' }, { units: 100, activation: 'relu' }, { units: 10 }],
  loss: 'softmax_cross_entropy',
  init: 'truncated_normal',
  seed: 42,
};

async function inflate(file) {
  const response = await fetch(`/mnist/${file}.gz`);
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  return new Uint8Array(await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
}

self.onmessage = async (e) => {
  const { flavour, warmup, batches, threads } = e.data;
  try {
    const { default: create } = await import(`/generated/mlp-${flavour}.mjs`);
    const M = await create(threads ? { mlpThreads: threads } : {});
    const all = M.parseMnist(await inflate('train-images-idx3-ubyte'), await inflate('train-labels-idx1-ubyte'));
    const test = M.parseMnist(await inflate('t10k-images-idx3-ubyte'), await inflate('t10k-labels-idx1-ubyte'));
    const train = all.slice(0, 55000);
    all.delete();
    const trainer = new M.Trainer(SEED_NET, { batchSize: 50, optimizer: 'sgd', learningRate: 0.01, shuffleSeed: 1 }, train);
    train.delete();
    const runBatches = (n) => {
      let done = 0;
      let last = null;
      while (done < n) {
        last = trainer.trainBatches(Math.min(100, n - done));
        if (last.diverged) throw new Error(last.message);
        done += last.losses.length;
      }
      return last;
    };
    runBatches(warmup);
    const t0 = performance.now();
    const report = runBatches(batches);
    const seconds = (performance.now() - t0) / 1000;
    const accuracy = trainer.evaluate(test).accuracy;
    trainer.delete();
    test.delete();
    self.postMessage({
      type: 'result',
      result: {
        build: `mlp-lab-${flavour}`,
        kernel: M.buildInfo().kernel,
        simd: M.buildInfo().simd,
        threads: M.buildInfo().threads,
        crossOriginIsolated: self.crossOriginIsolated,
        batches,
        seconds,
        examplesPerSecond: (batches * 50) / seconds,
        finalEpochLoss: report.epochLoss,
        testAccuracy: accuracy,
      },
    });
  } catch (err) {
    self.postMessage({ type: 'error', message: `${flavour}: ${err instanceof Error ? err.message : String(err)}` });
  }
};
