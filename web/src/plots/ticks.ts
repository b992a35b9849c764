// "Nice" axis ticks (1, 2, 5 × 10^k), as in every plotting library since
// Heckbert's "Nice numbers for graph labels" (Graphics Gems, 1990).

export function niceStep(span: number, target: number): number {
  const raw = span / Math.max(1, target);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
}

/** About `target` round values inside [lo, hi]. */
export function niceTicks(lo: number, hi: number, target: number): number[] {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  const step = niceStep(hi - lo, target);
  const out: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
    out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  }
  return out;
}

/** A tick label without float noise (0.30000000000000004 → 0.3). */
export function formatTick(v: number): string {
  return String(Number(v.toPrecision(6)));
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** 10ⁿ as an axis label: 1, 10, 10², 10⁻³ … */
export function decadeLabel(e: number): string {
  if (e === 0) return '1';
  if (e === 1) return '10';
  const digits = String(Math.abs(e)).split('').map((d) => SUPERSCRIPT[Number(d)] ?? '').join('');
  return `10${e < 0 ? '⁻' : ''}${digits}`;
}
