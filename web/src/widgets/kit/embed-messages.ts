// The postMessage API between an embedded widget and the page around it (a
// slide deck), documented in docs/embedding.md. Every message is a plain
// object marked `mlpLab: 1`, so other messages on the same window (reveal.js
// sends 'slide:start' strings) are told apart. A host command can only do what
// a person could do with the mouse: press play, pause, step or reset, or
// change settings (checked like a link). Pure, so Node tests it.

export const MLP_LAB = 1;

export type PlayerCommand = 'play' | 'pause' | 'step' | 'reset';

export type HostCommand =
  | { readonly type: PlayerCommand }
  /** Settings as the link writes them (`{ gate: 'and', hidden: 4 }`); lists as arrays or `128-64`. */
  | { readonly type: 'set'; readonly settings: Readonly<Record<string, string>> };

export type WidgetMessage =
  /** Mounted and its WebAssembly worker answered; `available` is false for a widget this build does not have. */
  | { mlpLab: 1; type: 'ready'; route: string; available: boolean; link: string; settings: Record<string, string>; commands: PlayerCommand[] }
  /** The settings changed (a control, a `set`, an edited link): the link that reopens them. `problems` names what a `set` could not use. */
  | { mlpLab: 1; type: 'state'; route: string; link: string; settings: Record<string, string>; problems: string[] }
  /** The height the page needs, in CSS pixels of the host (a host may size the frame to it). */
  | { mlpLab: 1; type: 'height'; height: number };

const PLAYER_COMMANDS: readonly string[] = ['play', 'pause', 'step', 'reset'] satisfies PlayerCommand[];

/** A setting's value as link text: numbers and booleans as the link writes them, lists joined by '-'. */
function linkText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (Array.isArray(value)) {
    const items = value.map(linkText);
    return items.every((v) => v !== null) ? items.join('-') : null;
  }
  return null;
}

/** The host's command in `data`, or null for anything else (other protocols, malformed messages). */
export function parseHostCommand(data: unknown): HostCommand | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as { mlpLab?: unknown; type?: unknown; settings?: unknown };
  if (m.mlpLab !== MLP_LAB || typeof m.type !== 'string') return null;
  if (PLAYER_COMMANDS.includes(m.type)) return { type: m.type as PlayerCommand };
  if (m.type !== 'set' || typeof m.settings !== 'object' || m.settings === null || Array.isArray(m.settings)) return null;
  const settings: Record<string, string> = {};
  for (const [key, value] of Object.entries(m.settings)) {
    const text = linkText(value);
    // A value that cannot be link text is passed on as such, so it is reported like a bad link value.
    settings[key] = text ?? String(value);
  }
  return { type: 'set', settings };
}
