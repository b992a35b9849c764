// The race tab's settings: the surface (and κ for the bowl), steps, gradient
// noise and its seed, and the start point, each field following the link
// (`sync`) and changing it. Each optimizer's own settings live in its legend row.

import { h } from '../../ui/dom.ts';
import { fieldBinder, numberField, roundValues, selectField, sliderField } from '../kit/fields.ts';
import { SURFACES, SURFACE_LABELS } from './presets.ts';
import { LAB_STATE, type LabState } from './state.ts';
import { card, type TabContext } from './tab.ts';

export function createRaceControls(ctx: TabContext, state: LabState) {
  const P = LAB_STATE;
  const { bind: set, sync } = fieldBinder<LabState>();
  const kappaBox = h('div', {});
  kappaBox.append(
    set('kappa', sliderField({ label: 'Condition number κ', name: 'kappa', values: roundValues(1, 1000), value: state.kappa, log: true, onChange: (v) => ctx.update({ kappa: v }) })),
  );
  const surfaceNote = h('p', { class: 'hint' });
  const controls = card(
    'Surface',
    'lab-controls',
    [],
    set('surface', selectField({ label: 'Surface', name: 'surface', options: SURFACES.map((v) => ({ value: v, label: SURFACE_LABELS[v] })), value: state.surface, onChange: (v) => ctx.update({ surface: v }) })),
    surfaceNote,
    kappaBox,
    set('steps', sliderField({ label: 'Steps', name: 'steps', values: [10, 20, 50, 80, 100, 150, 200, 300, 500, 1000, 2000, 5000], value: state.steps, log: true, onChange: (v) => ctx.update({ steps: v }) })),
    set('noise', sliderField({ label: 'Gradient noise σ', name: 'noise', values: [0, ...roundValues(0.01, 100)], value: state.noise, log: true, hint: 'Gaussian noise added to every gradient, as SGD’s mini-batches would', onChange: (v) => ctx.update({ noise: v }) })),
    set('seed', numberField({ label: 'Noise seed', name: 'seed', value: state.seed, min: 0, max: P.seed.max, integer: true, onChange: (v) => ctx.update({ seed: v }) })),
    h(
      'div',
      { class: 'pair' },
      set('x', numberField({ label: 'Start x', name: 'x', value: state.x, min: P.x.min, max: P.x.max, onChange: (v) => ctx.update({ x: v }) })),
      set('y', numberField({ label: 'Start y', name: 'y', value: state.y, min: P.y.min, max: P.y.max, onChange: (v) => ctx.update({ y: v }) })),
    ),
    h('p', { class: 'hint' }, 'Drag the start point on the plot, or focus the plot and use the arrow keys (Shift for bigger steps).'),
  );

  return { element: controls, kappaBox, surfaceNote, sync };
}
