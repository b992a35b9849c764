// Marker shapes for points on canvas plots, so series differ by shape as well
// as by colour. Sizes are in canvas pixels (already scaled by the device ratio).

export type MarkerShape = 'circle' | 'square' | 'diamond' | 'triangle' | 'triangle-down' | 'cross' | 'star';

export function markerPath(ctx: CanvasRenderingContext2D, shape: MarkerShape, x: number, y: number, r: number): void {
  ctx.beginPath();
  switch (shape) {
    case 'circle':
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      return;
    case 'square':
      ctx.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      return;
    case 'diamond':
      ctx.moveTo(x, y - r * 1.2);
      ctx.lineTo(x + r * 1.2, y);
      ctx.lineTo(x, y + r * 1.2);
      ctx.lineTo(x - r * 1.2, y);
      ctx.closePath();
      return;
    case 'triangle':
    case 'triangle-down': {
      const s = shape === 'triangle' ? 1 : -1;
      ctx.moveTo(x, y - s * r * 1.25);
      ctx.lineTo(x + r * 1.15, y + s * r * 0.8);
      ctx.lineTo(x - r * 1.15, y + s * r * 0.8);
      ctx.closePath();
      return;
    }
    case 'cross': {
      const a = r * 0.45;
      const b = r * 1.15;
      ctx.moveTo(x - a, y - b);
      for (const [dx, dy] of [[a, -b], [a, -a], [b, -a], [b, a], [a, a], [a, b], [-a, b], [-a, a], [-b, a], [-b, -a], [-a, -a]] as const)
        ctx.lineTo(x + dx, y + dy);
      ctx.closePath();
      return;
    }
    case 'star': {
      for (let k = 0; k < 10; k++) {
        const rr = k % 2 === 0 ? r * 1.35 : r * 0.6;
        const a = -Math.PI / 2 + (k * Math.PI) / 5;
        if (k === 0) ctx.moveTo(x + rr * Math.cos(a), y + rr * Math.sin(a));
        else ctx.lineTo(x + rr * Math.cos(a), y + rr * Math.sin(a));
      }
      ctx.closePath();
      return;
    }
  }
}

/** A filled marker with an outline that separates it from any background. */
export function drawMarker(
  ctx: CanvasRenderingContext2D,
  shape: MarkerShape,
  x: number,
  y: number,
  r: number,
  fill: string,
  outline = 'rgba(255, 255, 255, 0.95)',
): void {
  markerPath(ctx, shape, x, y, r);
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.lineWidth = Math.max(1, r * 0.35);
  ctx.strokeStyle = outline;
  ctx.stroke();
}
