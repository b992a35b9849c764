// The ink the worker reads: the drawing rendered at a fixed working
// resolution (INK_SIDE², whatever the pad's size on screen), its alpha / 255
// as floats in [0, 1], 1 = ink. A fresh array each time, so its buffer can be
// transferred to the worker rather than copied.

import { INK_SIDE, type Stroke, traceStrokes } from './strokes.ts';

export interface InkReader {
  readonly side: number;
  read(strokes: readonly Stroke[]): Float32Array;
}

export function createInkReader(side: number = INK_SIDE): InkReader {
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  // Read back every frame while drawing: keep the bitmap in CPU memory.
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  return {
    side,
    read(strokes) {
      ctx.clearRect(0, 0, side, side);
      ctx.fillStyle = '#000';
      ctx.strokeStyle = '#000';
      traceStrokes(ctx, strokes, side);
      const rgba = ctx.getImageData(0, 0, side, side).data;
      const ink = new Float32Array(side * side);
      for (let i = 0; i < ink.length; i++) ink[i] = (rgba[4 * i + 3] ?? 0) / 255;
      return ink;
    },
  };
}
