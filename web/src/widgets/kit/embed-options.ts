// The embed view's options, read from the page's own query string (the hash
// holds the widget's settings): `?embed` shows one widget without the site
// around it, `&scale=1.25` enlarges it for the back of a lecture hall and
// `&theme=dark` fixes its colours. Pure functions, so Node tests them.

export const SCALES = [1, 1.25, 1.5] as const;
export type Scale = (typeof SCALES)[number];
export type EmbedTheme = 'light' | 'dark';

export interface EmbedOptions {
  readonly scale: Scale;
  /** null follows the viewer's system setting. */
  readonly theme: EmbedTheme | null;
}

/** Frame sizes offered for a snippet: slide sizes in 16:9 and 4:3. */
export const FRAME_SIZES = [
  { width: 960, height: 540 },
  { width: 960, height: 600 },
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;
export type FrameSize = (typeof FRAME_SIZES)[number];

/** The page's embed options, or null when the page is not an embed. A bad scale or theme falls back to the default. */
export function embedOptions(search: string): EmbedOptions | null {
  const q = new URLSearchParams(search);
  if (!q.has('embed')) return null;
  const scale = SCALES.find((s) => String(s) === q.get('scale')) ?? 1;
  const t = q.get('theme');
  return { scale, theme: t === 'light' || t === 'dark' ? t : null };
}

/** The page's query with the embed options set (or removed, for null), other parameters (e.g. ?wasm=) kept. */
export function withEmbed(search: string, options: EmbedOptions | null): string {
  const q = new URLSearchParams(search);
  for (const k of ['embed', 'scale', 'theme']) q.delete(k);
  if (options) {
    q.set('embed', '');
    if (options.scale !== 1) q.set('scale', String(options.scale));
    if (options.theme) q.set('theme', options.theme);
  }
  // `embed=` reads better as a bare flag: `?embed&scale=1.25`.
  const s = q.toString().replace(/(^|&)embed=(&|$)/, '$1embed$2');
  return s ? `?${s}` : '';
}

/** Escapes text for an HTML attribute value in double quotes. */
function attr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The <iframe> a page author pastes. */
export function iframeSnippet(src: string, size: { width: number; height: number }, title: string): string {
  return (
    `<iframe src="${attr(src)}" width="${size.width}" height="${size.height}" ` +
    `title="${attr(title)}" style="border:0;max-width:100%" loading="lazy" allow="clipboard-write"></iframe>`
  );
}
