// Requests a widget sends again whenever its settings change: each takes a
// ticket, and an answer counts only while its ticket is the newest, so a slow
// answer overtaken by a newer request never paints over it.

export interface Tickets {
  take(): number;
  current(ticket: number): boolean;
}

export function createTickets(): Tickets {
  let last = 0;
  return {
    take: () => ++last,
    current: (ticket) => ticket === last,
  };
}
