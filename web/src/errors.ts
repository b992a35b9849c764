// What a failure says, wherever it was caught: the page and the worker both
// turn unknown throwables into one line for a person, and keep the core's
// refused field (bindings' MlpError.field) as data so a form can point at it.

/** The message of anything thrown. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The core field a failure names (MlpError.field, or `field` carried across the worker), or null. */
export function fieldOf(e: unknown): string | null {
  if (typeof e === 'object' && e !== null && 'field' in e && typeof e.field === 'string' && e.field !== '') return e.field;
  return null;
}

/** An Error that carries the core's field name from the worker to the page. */
export class FieldError extends Error {
  constructor(
    message: string,
    readonly field: string | null,
  ) {
    super(message);
    this.name = 'FieldError';
  }
}
