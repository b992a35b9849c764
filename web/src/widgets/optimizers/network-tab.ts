// "Real network": a small MLP (2-h-h-2) trained on two moons or circles by
// batch GD, SGD and mini-batch GD side by side in the worker — loss against
// epochs and against each run's own training time — then a filter-normalised
// 2-D slice of its loss landscape around one run's trained weights, with
// every run's path projected onto it. Training and the landscape run in the
// worker in slices; this file only sends settings and draws.

import type { ActivationName } from '../../../generated/mlp-simd.mjs';
import type { LabNetEvent, LandscapeConfig, LandscapeResult, NetJobConfig, NetPhase, NetRunKey } from '../../protocol-lab.ts';
import { NET_RUNS } from '../../protocol-lab.ts';
import { formatNumber } from '../kit/fields.ts';
import { createNetworkControls } from './network-controls.ts';
import { REGIMES, REGIME_COLORS, REGIME_LABELS, REGIME_MARKERS } from './presets.ts';
import type { LabState } from './state.ts';
import { createNetworkView } from './network-view.ts';
import { errorText, type LabTab, type TabContext, type TabDebug } from './tab.ts';

interface RunSeries {
  epoch: number[];
  loss: number[];
  accuracy: number[];
  ms: number[];
  diverged: boolean;
  message: string;
}

const emptySeries = (): Record<NetRunKey, RunSeries> => ({
  batch: { epoch: [], loss: [], accuracy: [], ms: [], diverged: false, message: '' },
  sgd: { epoch: [], loss: [], accuracy: [], ms: [], diverged: false, message: '' },
  mini: { epoch: [], loss: [], accuracy: [], ms: [], diverged: false, message: '' },
});

function jobConfig(s: LabState): NetJobConfig {
  const activation: ActivationName = s['net.act'];
  return {
    data: s['net.data'],
    n: s['net.n'],
    noise: s['net.noise'],
    seed: s['net.seed'],
    hidden: s['net.hidden'],
    activation,
    optimizer: s['net.opt'],
    learningRate: s['net.lr'],
    batchSize: s['net.b'],
    epochs: s['net.epochs'],
    landscape: landscapeConfig(s),
  };
}

const landscapeConfig = (s: LabState): LandscapeConfig => ({
  centre: s['net.centre'],
  span: s['net.span'],
  resolution: s['net.res'],
  seed: s['net.seed'],
});

const trainKey = (s: LabState): string => JSON.stringify({ ...jobConfig(s), landscape: null });
const landscapeKey = (c: LandscapeConfig): string => JSON.stringify(c);

export function createNetworkTab(ctx: TabContext, initial: LabState): LabTab {
  let state = initial;
  let started = false;
  let job: number | null = null;
  let jobKey = '';
  let phase: NetPhase | 'idle' = 'idle';
  let series = emptySeries();
  let landscape: LandscapeResult | null = null;
  let landscapeBusy = false;
  /** The slice being computed or shown. */
  let landscapeAsked: LandscapeConfig = landscapeConfig(state);
  /** Answers to earlier train requests are ignored. */
  let trainToken = 0;
  let error = '';
  let epochsNow = 0;
  let target = state['net.epochs'];

  // ---- controls
  const { element: controls, sync, trainButton, pauseButton } = createNetworkControls(ctx, state);
  trainButton.addEventListener('click', () => train());
  pauseButton.addEventListener('click', () => togglePause());

  // ---- progress, runs, charts, the landscape map
  const { element, trainBar, trainText, landBar, landText, runRows, byEpoch, byTime, map, errorBox, divergedNote } = createNetworkView(ctx, controls);

  // ---- the job
  function showError(message: string): void {
    error = message;
    errorBox.hidden = message === '';
    errorBox.textContent = message;
  }

  function train(): void {
    const config = jobConfig(state);
    const token = ++trainToken;
    jobKey = trainKey(state);
    landscapeAsked = config.landscape;
    series = emptySeries();
    landscape = null;
    landscapeBusy = false;
    epochsNow = 0;
    target = config.epochs;
    phase = 'training';
    const previous = job;
    job = null;
    map.setField(null);
    map.setPaths([]);
    map.setPoints([]);
    showError('');
    render();
    // The worker closes this tab's previous job once the new one is built (jobs are per widget).
    ctx.worker.request({ type: 'lab-net-train', config, replaces: previous ?? undefined }).then(
      (r) => {
        if (token === trainToken) job = r.job;
        else void ctx.worker.request({ type: 'lab-net-control', job: r.job, action: 'close' }).catch(() => undefined);
      },
      (e: unknown) => {
        if (token !== trainToken) return;
        phase = 'failed';
        showError(errorText(e));
        render();
      },
    );
  }

  function togglePause(): void {
    if (job === null) return;
    const action = phase === 'paused' ? 'resume' : phase === 'training' ? 'pause' : null;
    if (!action) return;
    ctx.worker.request({ type: 'lab-net-control', job, action }).then(
      (r) => {
        if (r.job === job) {
          phase = r.phase;
          render();
        }
      },
      (e: unknown) => showError(errorText(e)),
    );
  }

  function requestLandscape(): void {
    if (job === null || landscapeBusy) return;
    landscapeBusy = true;
    landscape = null;
    landscapeAsked = landscapeConfig(state);
    ctx.worker.request({ type: 'lab-net-landscape', job, landscape: landscapeAsked }).catch((e: unknown) => {
      landscapeBusy = false;
      showError(errorText(e));
    });
  }

  function onEvent(e: LabNetEvent): void {
    if (job === null || e.job !== job) return;
    phase = e.phase;
    target = e.targetEpochs;
    for (const add of e.added) {
      const s = series[add.key];
      add.epoch.forEach((v, i) => {
        s.epoch.push(v);
        s.loss.push(add.loss[i] ?? NaN);
        s.accuracy.push(add.accuracy[i] ?? NaN);
        s.ms.push(add.ms[i] ?? NaN);
      });
    }
    for (const r of e.runs) {
      if (r.diverged && !series[r.key].diverged) ctx.announce(`${REGIME_LABELS[r.key]} diverged and stopped: ${r.message}`);
      series[r.key].diverged = r.diverged;
      series[r.key].message = r.message;
    }
    epochsNow = Math.min(...e.runs.map((r) => (r.diverged ? e.targetEpochs : r.epoch)));
    landBar.max = Math.max(1, e.landscapeResolution);
    landBar.value = e.phase === 'done' ? e.landscapeResolution : e.landscapeRows;
    landText.textContent = e.phase === 'landscape' ? `${e.landscapeRows} / ${e.landscapeResolution} rows` : e.phase === 'done' ? 'done' : '';
    if (e.message) showError(e.message);
    if (e.landscape) {
      landscape = e.landscape;
      landscapeBusy = false;
      showLandscape(e.landscape);
      // Settings changed while it was computed: one more slice with the new ones.
      if (landscapeKey(landscapeAsked) !== landscapeKey(landscapeConfig(state))) requestLandscape();
      else ctx.announce('Loss landscape ready.');
    }
    render();
  }

  function showLandscape(l: LandscapeResult): void {
    map.setField({ values: l.values, nx: l.resolution, ny: l.resolution, view: [-l.span, l.span, -l.span, l.span] });
    map.setPoints([{ x: 0, y: 0, shape: 'star', color: '#ffffff' }]);
    map.setPaths(
      l.paths.map((p) => ({
        key: p.key,
        color: REGIME_COLORS[p.key],
        marker: REGIME_MARKERS[p.key],
        x: p.alpha,
        y: p.beta,
        dots: p.alpha.length <= 120,
        origin: true,
        diverged: series[p.key].diverged,
      })),
    );
    map.setCaption(`★ = ${REGIME_LABELS[l.centre]}, trained`);
  }

  function render(): void {
    const n = state['net.n'];
    trainBar.max = Math.max(1, target);
    trainBar.value = epochsNow;
    trainText.textContent = phase === 'idle' ? '' : `epoch ${epochsNow} / ${target}${phase === 'paused' ? ' (paused)' : ''}`;
    pauseButton.textContent = phase === 'paused' ? 'Resume' : 'Pause';
    pauseButton.disabled = !(phase === 'training' || phase === 'paused') || job === null;
    for (const r of NET_RUNS) {
      const s = series[r];
      const row = runRows.get(r);
      if (!row) continue;
      const k = s.epoch.length - 1;
      const b = r === 'batch' ? n : r === 'sgd' ? 1 : Math.min(state['net.b'], n);
      row.name.textContent = `${REGIME_LABELS[r]} · b = ${b}`;
      row.stats.textContent = s.diverged
        ? `diverged at epoch ${s.epoch[k] ?? 0}`
        : k < 0
          ? '—'
          : `epoch ${s.epoch[k]} · loss ${formatNumber(s.loss[k] ?? NaN)} · ${Math.round(100 * (s.accuracy[k] ?? 0))}% · ${formatNumber(s.ms[k] ?? NaN)} ms`;
      row.row.dataset.diverged = String(s.diverged);
    }
    const stopped = NET_RUNS.filter((r) => series[r].diverged).map((r) => `${REGIME_LABELS[r]} diverged and stopped: ${series[r].message}`);
    divergedNote.hidden = stopped.length === 0;
    divergedNote.textContent = stopped.join(' ');
    byEpoch.setData(REGIMES.map((r) => ({ x: series[r].epoch, y: series[r].loss })), [0, target]);
    byTime.setData(REGIMES.map((r) => ({ x: series[r].ms, y: series[r].loss })));
  }

  function apply(next: LabState): void {
    const prev = state;
    state = next;
    sync(next);
    if (trainKey(next) !== jobKey) {
      train();
      return;
    }
    const wanted = landscapeKey(landscapeConfig(next));
    if (landscapeKey(landscapeConfig(prev)) !== wanted && phase === 'done') requestLandscape();
    render();
  }

  const offLab = ctx.worker.onLab(onEvent);

  return {
    element,
    apply(next) {
      if (started) apply(next);
      else state = next;
    },
    setActive(active) {
      element.hidden = !active;
      if (active && !started) {
        started = true;
        sync(state);
        train();
      }
    },
    toggle: () => togglePause(),
    step: () => undefined,
    reset: () => train(),
    reload() {
      jobKey = '';
      if (started) train();
    },
    debug(): TabDebug {
      const paths = landscape
        ? landscape.paths.map((p) => ({ key: p.key, shown: p.alpha.length, length: p.alpha.length, diverged: series[p.key].diverged, x: Array.from(p.alpha), y: Array.from(p.beta) }))
        : [];
      return {
        tab: 'net',
        ready: phase === 'done' && landscape !== null,
        t: epochsNow,
        end: target,
        playing: phase === 'training' || phase === 'landscape',
        paths,
        diverged: NET_RUNS.filter((r) => series[r].diverged),
        error,
      };
    },
    destroy() {
      offLab();
      if (job !== null) void ctx.worker.request({ type: 'lab-net-control', job, action: 'close' }).catch(() => undefined);
      map.destroy();
      byEpoch.destroy();
      byTime.destroy();
      element.remove();
    },
  };
}
