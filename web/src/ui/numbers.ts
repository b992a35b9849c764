// Numbers as the lessons print them inside formulas: a real minus sign, no
// float noise (0.1 + 0.2 shows as 0.3), vectors in parentheses.

/** Up to `digits` significant digits; −0 shows as 0. */
export function num(v: number, digits = 4): string {
  if (Number.isNaN(v)) return '—';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  const t = v === 0 ? '0' : String(Number(v.toPrecision(digits)));
  return t.replace('-', '−');
}

/** (a, b, c) */
export function vec(values: ArrayLike<number>, digits = 4): string {
  return `(${Array.from(values, (v) => num(v, digits)).join(', ')})`;
}

/** A parenthesised number when negative, so "w · −1" reads "w · (−1)". */
export function factor(v: number, digits = 4): string {
  return v < 0 ? `(${num(v, digits)})` : num(v, digits);
}

/** The shortest decimal that reads back as the same float32 (for links holding weights). */
export function float32Text(v: number): number {
  const f = Math.fround(v);
  for (let p = 1; p <= 9; p++) {
    const d = Number(f.toPrecision(p));
    if (Math.fround(d) === f) return d;
  }
  return f;
}
