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

/**
 * Resolves once `element` has stayed visible for `dwellMs`: a lecturer
 * flipping past a slide does not start its embed's worker, and the frame the
 * deck just unloaded has let its worker go before the next one starts.
 */
export function whenVisibleFor(element: Element, dwellMs: number): Promise<void> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = watchVisibility(element, (visible) => {
      clearTimeout(timer);
      if (!visible) return;
      timer = setTimeout(() => {
        stop();
        resolve();
      }, dwellMs);
    });
  });
}
