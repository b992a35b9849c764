// Whether an element can be seen: on screen (IntersectionObserver; inside an
// iframe this is measured against the top page's viewport, so a slide that is
// not shown or is scrolled away counts as hidden) and in a tab that is not in
// the background (visibilitychange). Embeds use it to start their worker late
// and to pause what runs while nobody looks.

export type VisibilityListener = (visible: boolean) => void;

/** Calls `listener` with every change (the first call once the browser measured). Returns the stop function. */
export function watchVisibility(element: Element, listener: VisibilityListener): () => void {
  let onScreen = false;
  let last: boolean | null = null;
  const report = (): void => {
    const visible = onScreen && document.visibilityState === 'visible';
    if (visible === last) return;
    last = visible;
    listener(visible);
  };
  const observer = new IntersectionObserver((entries) => {
    const entry = entries[entries.length - 1];
    if (!entry) return;
    onScreen = entry.isIntersecting;
    report();
  });
  observer.observe(element);
  document.addEventListener('visibilitychange', report);
  return () => {
    observer.disconnect();
    document.removeEventListener('visibilitychange', report);
  };
}

/** Resolves the first time the element is visible. */
export function whenVisible(element: Element): Promise<void> {
  return new Promise((resolve) => {
    const stop = watchVisibility(element, (visible) => {
      if (!visible) return;
      queueMicrotask(() => stop());
      resolve();
    });
  });
}
