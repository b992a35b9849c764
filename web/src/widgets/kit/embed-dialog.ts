// "Embed": a ready <iframe> snippet for this widget with its current settings,
// a frame size, text scale and theme to choose, and a live preview of exactly
// that frame. The preview is a real embed (its own worker), made when the
// dialog opens and dropped when it closes.

import { h, uid } from '../../ui/dom.ts';
import { FRAME_SIZES, SCALES, iframeSnippet, withEmbed, type EmbedOptions, type EmbedTheme, type FrameSize } from './embed-options.ts';

/** The widget's link as `#/route?…` (its settings) and its title, when the dialog opens. */
export interface EmbedSource {
  hash(): string;
  readonly title: string;
}

const PREVIEW_WIDTH = 440;

/** The page's URL with `query` and `hash`; opened from disk, only the file's name (the snippet lives beside it). */
function pageUrl(query: string, hash: string, absolute: boolean): string {
  const url = new URL(location.href);
  url.search = query;
  url.hash = hash;
  if (!absolute && url.protocol === 'file:') return `${url.pathname.slice(url.pathname.lastIndexOf('/') + 1)}${url.search}${url.hash}`;
  return url.href;
}

export function createEmbedButton(source: EmbedSource, announce: (text: string) => void): HTMLElement {
  const button = h('button', { type: 'button', class: 'button small', 'data-action': 'embed', 'aria-haspopup': 'dialog', title: 'An <iframe> for slides or a web page, with these settings' }, 'Embed');
  const id = uid('embed');
  const size = h('select', { name: 'size', id: `${id}-size` });
  FRAME_SIZES.forEach((s, i) => size.append(h('option', { value: i }, `${s.width} × ${s.height}`)));
  size.value = '1';
  const scale = h('select', { name: 'scale', id: `${id}-scale` });
  for (const s of SCALES) scale.append(h('option', { value: s }, `${s}×`));
  const theme = h('select', { name: 'theme', id: `${id}-theme` }, h('option', { value: '' }, 'the viewer’s'), h('option', { value: 'light' }, 'light'), h('option', { value: 'dark' }, 'dark'));
  const code = h('textarea', { class: 'embed-code', readonly: true, rows: 4, spellcheck: 'false', 'aria-label': 'The iframe to paste' });
  const copy = h('button', { type: 'button', class: 'button small primary', 'data-action': 'copy-embed' }, 'Copy');
  const note = h('p', { class: 'hint' });
  const previewBox = h('div', { class: 'embed-preview', 'aria-label': 'Preview' });
  const close = h('button', { type: 'button', class: 'button small', 'data-action': 'close' }, 'Close');
  // The label beside its control, not around it: a select's options would join its name.
  const field = (label: string, control: HTMLElement): HTMLElement => h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
  const dialog = h(
    'dialog',
    { class: 'embed-dialog', 'aria-labelledby': `${id}-title` },
    h('div', { class: 'card-head' }, h('h2', { id: `${id}-title` }, 'Embed this widget'), close),
    h('div', { class: 'embed-options' }, field('Frame', size), field('Text size', scale), field('Colours', theme)),
    code,
    h('div', { class: 'button-row' }, copy),
    note,
    previewBox,
  );

  const chosen = (): { frame: FrameSize; options: EmbedOptions } => ({
    frame: FRAME_SIZES[Number(size.value)] ?? FRAME_SIZES[1],
    options: { scale: SCALES.find((s) => String(s) === scale.value) ?? 1, theme: (theme.value || null) as EmbedTheme | null },
  });

  function refresh(): void {
    const { frame, options } = chosen();
    const query = withEmbed(location.search, options);
    code.value = iframeSnippet(pageUrl(query, source.hash(), false), frame, source.title);
    note.textContent =
      location.protocol === 'file:'
        ? 'This page was opened from a file: keep it beside your slides, where the snippet looks for it.'
        : 'Every setting is in the link: the frame opens as you see it now.';
    // The preview is the frame itself, shrunk to fit the dialog.
    const shrink = Math.min(1, PREVIEW_WIDTH / frame.width);
    const frameEl = h('iframe', { src: pageUrl(query, source.hash(), true), width: frame.width, height: frame.height, title: `Preview: ${source.title}`, tabindex: -1 });
    frameEl.style.transform = `scale(${shrink})`;
    previewBox.style.width = `${Math.round(frame.width * shrink)}px`;
    previewBox.style.height = `${Math.round(frame.height * shrink)}px`;
    previewBox.replaceChildren(frameEl);
  }

  for (const control of [size, scale, theme]) control.addEventListener('change', refresh);
  button.addEventListener('click', () => {
    refresh();
    dialog.showModal();
  });
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => previewBox.replaceChildren()); // the preview's worker goes with it
  copy.addEventListener('click', () => {
    code.select();
    const done = (): void => announce('The iframe is copied: paste it into your slides or page.');
    if (!navigator.clipboard) {
      announce('The iframe is selected: copy it with Ctrl+C.');
      return;
    }
    navigator.clipboard.writeText(code.value).then(done, () => announce('The iframe is selected: copy it with Ctrl+C.'));
  });
  return h('span', { class: 'embed-action' }, button, dialog);
}
