// Every batch loss of a run, in order, in one growing Float32Array: 40 epochs
// of the book's network are 44,000 numbers (176 KB), kept so the charts can be
// drawn again in full when the view comes back, and saved with the model.

export class LossHistory {
  private data = new Float32Array(1024);
  private length = 0;
  batchesPerEpoch = 1;

  reset(losses?: Float32Array, batchesPerEpoch = 1): void {
    this.length = 0;
    this.batchesPerEpoch = Math.max(1, batchesPerEpoch);
    if (losses) this.append(losses);
  }

  /** The next losses (the worker sends every loss exactly once, in order). */
  add(losses: Float32Array, batchesPerEpoch: number): void {
    this.batchesPerEpoch = Math.max(1, batchesPerEpoch);
    if (losses.length > 0) this.append(losses);
  }

  private append(losses: Float32Array): void {
    if (this.length + losses.length > this.data.length) {
      const next = new Float32Array(Math.max(this.data.length * 2, this.length + losses.length));
      next.set(this.data.subarray(0, this.length));
      this.data = next;
    }
    this.data.set(losses, this.length);
    this.length += losses.length;
  }

  get size(): number {
    return this.length;
  }

  /** A copy of the losses so far. */
  values(): Float32Array {
    return this.data.slice(0, this.length);
  }
}
