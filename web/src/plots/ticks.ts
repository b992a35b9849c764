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

/** A number for a log-scale reading: 0.5, 12, or 2.4 × 10⁻⁴ below 0.01 and from 10⁴ up. */
export function scientific(v: number, digits = 2): string {
  if (!Number.isFinite(v) || v === 0 || (Math.abs(v) >= 0.01 && Math.abs(v) < 1e4)) return String(Number(v.toPrecision(digits))).replace('-', '−');
  const e = Math.floor(Math.log10(Math.abs(v)));
  const m = Number((v / 10 ** e).toPrecision(digits));
  // 9.96 rounds up to 10: one decade on.
  return m === 10 || m === -10 ? `${m / 10} × ${decadeLabel(e + 1)}`.replace('-', '−') : `${m} × ${decadeLabel(e)}`.replace('-', '−');
}
