// Saving a plot as a PNG: the plot draws itself onto a canvas, the canvas
// becomes a Blob and a temporary link downloads it. Works under the page's
// strict CSP (blob: URLs are allowed for downloads).

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG'))), 'image/png');
  });
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled; the download keeps its own reference.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function savePng(canvas: HTMLCanvasElement, fileName: string): Promise<void> {
  downloadBlob(await canvasToPng(canvas), fileName.endsWith('.png') ? fileName : `${fileName}.png`);
}

/**
 * A copy of `source` on an opaque background with a title line above it, for
 * charts whose own canvas is transparent (uPlot).
 */
export function framedCopy(source: HTMLCanvasElement, title: string, background: string, text: string): HTMLCanvasElement {
  const dpr = window.devicePixelRatio || 1;
  const pad = Math.round(10 * dpr);
  const titleH = Math.round(22 * dpr);
  const out = document.createElement('canvas');
  out.width = source.width + 2 * pad;
  out.height = source.height + titleH + 2 * pad;
  const ctx = out.getContext('2d');
  if (!ctx) return source;
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = text;
  ctx.font = `600 ${Math.round(13 * dpr)}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  ctx.fillText(title, pad, pad + titleH / 2);
  ctx.drawImage(source, pad, pad + titleH);
  return out;
}
