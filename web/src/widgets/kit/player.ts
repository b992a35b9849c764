// What a widget's play / pause / step / reset buttons do, declared once for
// the kit: a slide around an embed presses them by postMessage, and an embed
// that nobody sees pauses what runs and plays it again when it is seen.

import { watchVisibility } from './visibility.ts';
import type { PlayerCommand } from './embed-messages.ts';

export interface PlayerHooks {
  play?(): void;
  pause?(): void;
  step?(): void;
  reset?(): void;
  /** Whether an animation or training runs now. */
  running?(): boolean;
}

/** The commands this player answers, for the host. */
export function commandsOf(player: PlayerHooks): PlayerCommand[] {
  return (['play', 'pause', 'step', 'reset'] as const).filter((c) => typeof player[c] === 'function');
}

/** Pauses the player while `element` cannot be seen; plays it again when it can, if it was running. */
export function pauseWhileHidden(element: Element, player: PlayerHooks): () => void {
  let resume = false;
  return watchVisibility(element, (visible) => {
    if (!visible) {
      resume = player.running?.() ?? false;
      if (resume) player.pause?.();
    } else if (resume) {
      resume = false;
      player.play?.();
    }
  });
}
