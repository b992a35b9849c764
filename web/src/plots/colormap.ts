// Viridis (matplotlib): perceptually uniform, readable in greyscale and by
// the common forms of colour blindness. Stops every 1/8, linearly blended.

export type RGB = readonly [number, number, number];

const VIRIDIS_STOPS: readonly RGB[] = [
  [68, 1, 84],
  [71, 44, 122],
  [59, 81, 139],
  [44, 113, 142],
  [33, 145, 140],
  [40, 174, 128],
  [94, 201, 98],
  [173, 220, 48],
  [253, 231, 37],
];

/** 256 RGB entries, flat: lut[3 * i + channel]. */
export type Colormap = Uint8ClampedArray;

export function buildLut(stops: readonly RGB[]): Colormap {
  const lut = new Uint8ClampedArray(256 * 3);
  const last = stops.length - 1;
  for (let i = 0; i < 256; i++) {
    const t = (i / 255) * last;
    const k = Math.min(last - 1, Math.floor(t));
    const f = t - k;
    const a = stops[k] ?? [0, 0, 0];
    const b = stops[k + 1] ?? a;
    for (let c = 0; c < 3; c++) lut[3 * i + c] = Math.round(a[c] + (b[c] - a[c]) * f);
  }
  return lut;
}

export const viridis: Colormap = buildLut(VIRIDIS_STOPS);

// ColorBrewer's RdBu, blue for 0 (negative), white for 0.5, red for 1
// (positive): a diverging map readable by the common forms of colour
// blindness. For signed values, e.g. weights, mapped with 0.5 + v / (2 max|v|).
const RDBU_STOPS: readonly RGB[] = [
  [5, 48, 97],
  [33, 102, 172],
  [67, 147, 195],
  [146, 197, 222],
  [209, 229, 240],
  [247, 247, 247],
  [253, 219, 199],
  [244, 165, 130],
  [214, 96, 77],
  [178, 24, 43],
  [103, 0, 31],
];

export const rdbu: Colormap = buildLut(RDBU_STOPS);

/** The colour of v in [0, 1] (clamped; NaN maps to 0). */
export function colorAt(map: Colormap, v: number): RGB {
  const i = 3 * lutIndex(v);
  return [map[i] ?? 0, map[i + 1] ?? 0, map[i + 2] ?? 0];
}

export function lutIndex(v: number): number {
  return v > 0 ? Math.min(255, Math.round(v * 255)) : 0;
}

export function cssColor(rgb: RGB): string {
  return `rgb(${rgb[0]} ${rgb[1]} ${rgb[2]})`;
}
