// Keyboard shortcuts of a widget: a key → action table, handled on the
// document while the widget is mounted, never stealing a key from the control
// that has focus (typing in a field, space on a button, arrows in a tab list).

export type KeyActions = Readonly<Record<string, () => boolean | void>>;

/** Keys that type or move inside the focused control are left to it. */
export function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('textarea, select, input:not([type="radio"], [type="checkbox"], [type="button"], [type="range"])')) return true;
  if (target.closest('input[type="range"]') && key.startsWith('Arrow')) return true;
  if (key === ' ' && target.closest('button, a, summary, [role="tab"], input')) return true;
  if (key.startsWith('Arrow') && target.closest('[role="application"], [role="tablist"], [role="radiogroup"], input[type="radio"]')) return true;
  return false;
}

/**
 * The name a key event has in an action table: the key itself ('r', ' ',
 * 'ArrowRight', 'Escape'), prefixed 'Mod+' when Ctrl or ⌘ is held ('Mod+z').
 * Alt combinations belong to the browser.
 */
export function keyName(e: KeyboardEvent): string | null {
  if (e.altKey) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return e.ctrlKey || e.metaKey ? `Mod+${key}` : key;
}

/**
 * Listens on `scope` until the returned function is called: the document in
 * the site; the widget's root in an embed, so keys reach the widget only while
 * it has focus and a slide deck around it keeps its arrow keys. An action
 * returning false did not handle the key.
 */
export function bindKeys(root: HTMLElement, actions: KeyActions, scope: HTMLElement | Document = document): () => void {
  const onKey = (e: Event): void => {
    if (!(e instanceof KeyboardEvent) || e.defaultPrevented || !root.isConnected || ownsKey(e.target, e.key)) return;
    const name = keyName(e);
    const action = name === null ? undefined : actions[name];
    if (!action || action() === false) return;
    e.preventDefault();
  };
  scope.addEventListener('keydown', onKey);
  return () => scope.removeEventListener('keydown', onKey);
}
