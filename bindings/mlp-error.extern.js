
// Appended after the module factory (emcc --extern-post-js): the error class
// every call of either build throws, exported beside createMlpModule.

/** A call the core refused: `message` names field and value, `field` is the core's field id (or null). */
export class MlpError extends Error {
  constructor(message, field) {
    super(message);
    this.name = 'MlpError';
    this.field = field;
  }
}
