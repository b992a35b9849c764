// An embedded widget's end of the postMessage API (embed-messages.ts,
// docs/embedding.md): tells the page around it when it is ready, when its
// settings change and how tall it is, and takes play / pause / step / reset /
// set from it. Only the frame's own parent is listened to.

import { describeProblem, type StateProblem } from '../../state/url-state.ts';
import { MLP_LAB, parseHostCommand, type WidgetMessage } from './embed-messages.ts';
import { commandsOf, type PlayerHooks } from './player.ts';

export interface BridgeTarget {
  readonly route: string;
  readonly player: PlayerHooks;
  /** The widget's link in the site, with its settings. */
  link(): string;
  params(): Record<string, string>;
  /** Sets settings as link text; returns what could not be used. */
  set(settings: Readonly<Record<string, string>>): readonly StateProblem[];
  /** Calls `fn` after each write of the link. */
  onWrite(fn: () => void): () => void;
}

const framed = (): boolean => window.parent !== window;

export function postToHost(message: WidgetMessage): void {
  if (framed()) window.parent.postMessage(message, '*');
}

/** Connects a mounted widget to its host once `ready` resolves; returns the disconnect. */
export function connectToHost(target: BridgeTarget, ready: Promise<unknown>): () => void {
  if (!framed()) return () => undefined;
  let connected = false;
  let stopped = false;
  let lastLink = '';
  let lastHeight = -1;
  let setting = false;
  const state = (problems: readonly StateProblem[] = []): void => {
    const link = target.link();
    if (!connected || setting || (link === lastLink && problems.length === 0)) return;
    lastLink = link;
    postToHost({ mlpLab: MLP_LAB, type: 'state', route: target.route, link, settings: target.params(), problems: problems.map(describeProblem) });
  };
  const height = (): void => {
    const now = Math.ceil(document.documentElement.scrollHeight * (Number(document.documentElement.style.getPropertyValue('zoom')) || 1));
    if (!connected || now === lastHeight) return;
    lastHeight = now;
    postToHost({ mlpLab: MLP_LAB, type: 'height', height: now });
  };
  const onMessage = (e: MessageEvent): void => {
    if (e.source !== window.parent || !connected) return;
    const command = parseHostCommand(e.data);
    if (!command) return;
    if (command.type !== 'set') {
      target.player[command.type]?.();
      return;
    }
    // One state message for a set, with what it could not use.
    setting = true;
    const problems = target.set(command.settings);
    setting = false;
    state(problems);
  };
  const resize = new ResizeObserver(height);
  const stopWrites = target.onWrite(() => state());
  void ready.then(() => {
    if (connected || stopped) return;
    connected = true;
    lastLink = target.link();
    postToHost({ mlpLab: MLP_LAB, type: 'ready', route: target.route, available: true, link: lastLink, settings: target.params(), commands: commandsOf(target.player) });
    window.addEventListener('message', onMessage);
    resize.observe(document.documentElement);
    height();
  });
  return () => {
    stopped = true;
    connected = false;
    stopWrites();
    resize.disconnect();
    window.removeEventListener('message', onMessage);
  };
}
