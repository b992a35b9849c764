// One small picture of a node's map (a feature's or a neuron's), painted at
// its grid's resolution and scaled up by CSS, so forty of them cost little.

export interface Tile {
  readonly canvas: HTMLCanvasElement;
  paint(rgba: Uint8ClampedArray, nx: number, ny: number): void;
}

export function createTile(label: string): Tile {
  const canvas = document.createElement('canvas');
  canvas.className = 'node-map';
  canvas.setAttribute('aria-hidden', 'true');
  canvas.dataset.label = label;
  return {
    canvas,
    paint(rgba, nx, ny) {
      if (canvas.width !== nx || canvas.height !== ny) {
        canvas.width = nx;
        canvas.height = ny;
      }
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      const img = ctx.createImageData(nx, ny);
      // Grid row 0 is the bottom of the plane, the canvas' top row is its top.
      for (let j = 0; j < ny; j++) img.data.set(rgba.subarray(4 * j * nx, 4 * (j + 1) * nx), 4 * (ny - 1 - j) * nx);
      ctx.putImageData(img, 0, 0);
    },
  };
}
