// A widget's one job in the worker (the theory lessons' deep network, fit or
// sweep): opening a new one replaces the last (the worker closes it once the
// new one is built), an answer overtaken by a newer open closes its job at
// once, events reach the widget only for its current job, and the job is
// closed when the widget goes.

import { fieldOf, messageOf } from '../../errors.ts';
import type { RequestBody } from '../../protocol.ts';
import type { TheoryAction, TheoryEvent, TheoryJobStatus } from '../../protocol-theory.ts';
import type { Kit, RequestFailure } from './widget.ts';
import type { Table } from '../../state/url-state.ts';

type OpenType = 'theory-vanishing-open' | 'theory-uat-open' | 'theory-uat-sweep';

export interface TheoryJob {
  /** The current job's id, or null while none is open. */
  readonly id: number | null;
  open(body: RequestBody<OpenType> & { type: OpenType }): Promise<TheoryJobStatus | null>;
  control(action: Exclude<TheoryAction, 'close'>): Promise<TheoryJobStatus | null>;
  /** Closes the current job (nothing when none is open). */
  close(): void;
}

export function theoryJob<T extends Table, E extends TheoryEvent>(
  kit: Kit<T>,
  type: E['type'],
  onEvent: (e: E) => void,
  onError: (f: RequestFailure) => void,
): TheoryJob {
  let id: number | null = null;
  let opened = 0;
  const closeJob = (job: number): void => {
    void kit.ctx.worker.request({ type: 'theory-control', job, action: 'close' }).catch(() => undefined);
  };
  const off = kit.ctx.worker.onTheory((e) => {
    if (e.type === type && id !== null && e.job === id && kit.alive()) onEvent(e as E);
  });
  kit.onDispose(() => {
    off();
    if (id !== null) closeJob(id);
    id = null;
  });
  return {
    get id() {
      return id;
    },
    async open(body) {
      const mine = ++opened;
      const replaces = id ?? undefined;
      id = null;
      let r: TheoryJobStatus;
      try {
        r = await kit.ctx.worker.request({ ...body, replaces } as typeof body);
      } catch (e) {
        if (kit.alive() && mine === opened) onError({ message: messageOf(e), field: fieldOf(e) });
        return null;
      }
      // Overtaken by a newer open, or the widget is gone: nobody will drive this job.
      if (mine !== opened || !kit.alive()) {
        closeJob(r.job);
        return null;
      }
      id = r.job;
      return r;
    },
    async control(action) {
      if (id === null) return null;
      return kit.request({ type: 'theory-control', job: id, action }, { onError });
    },
    close() {
      if (id !== null) closeJob(id);
      id = null;
    },
  };
}
