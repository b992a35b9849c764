// The Draw view's messages, part of the one page ↔ worker schema:
// protocol.ts adds them to `Request` and `Results`. The worker keeps the
// digit models (web/src/worker/digits.ts): the pretrained one, fetched on
// first use, and the user's own once the Train view hands it over with
// `useDigitModel`. One of them reads drawn digits. The digit reader answers
// these alone, before the full module is there (worker/boot.ts).

/** Makes a model file the Draw view's model (e.g. the user's saved model), or goes back to the pretrained one. */
export interface UseDigitModelRequest {
  type: 'useDigitModel';
  id: number;
  /** null: the pretrained model. */
  model: { bytes: Uint8Array; label: string } | null;
}

export type DigitModelKind = 'pretrained' | 'user';

/** The digit models and which one reads; `use` switches (keeping both). Answers once the pretrained model loaded or failed. */
export interface DigitModelRequest {
  type: 'digitModel';
  id: number;
  use?: DigitModelKind;
}

/**
 * Reads a drawn digit, given as strokes (what the Draw view sends: the core
 * rasterises them with a pen proportional to the digit's size, Module.rasterizeStrokes)
 * or as ink; then the core preprocesses it (Module.preprocessDigit) and the active model predicts.
 */
export interface DigitPredictRequest {
  type: 'digitPredict';
  id: number;
  /** The drawing as vectors; when present, ink/width/height are not read. Transfer both buffers. */
  strokes?: DigitStrokes;
  /** width × height, row-major, in [0, 1], 1 = ink (a canvas' alpha / 255). Transfer its buffer. */
  ink?: Float32Array;
  width?: number;
  height?: number;
}

/** Pen strokes: every stroke's points with x, y interleaved (fractions of the pad, y down), and each stroke's point count. */
export interface DigitStrokes {
  xy: Float32Array;
  lengths: Int32Array;
}

export interface DigitModelStatus {
  /** The model that reads digits; null when there is none (the pretrained one is loading or failed, and no user model). */
  active: DigitModelKind | null;
  /** The active model's label, e.g. "pretrained model (99.0%)"; '' when none. */
  label: string;
  /** The shipped model; `error` says why it failed ('' otherwise). */
  pretrained: { state: 'loading' | 'ready' | 'failed'; label: string; error: string };
  /** The user's model, when the Train view set one. */
  user: { label: string } | null;
}

export interface DigitPrediction {
  /** No ink: nothing was predicted (probabilities are all 0). */
  empty: boolean;
  /** The 28×28 image the network read, row-major, 1 = ink. */
  pixels: Float32Array;
  /** P(digit) for 0..9. */
  probabilities: Float32Array;
  /** Preprocessing + forward pass in the worker, milliseconds. */
  milliseconds: number;
  /** Which model read it (it can change under the page, e.g. after a worker restart). */
  model: DigitModelKind;
  label: string;
}

export type DigitRequest = UseDigitModelRequest | DigitModelRequest | DigitPredictRequest;

/** What each digit request answers with. */
export interface DigitResults {
  /** The active digit model's label. */
  useDigitModel: { label: string };
  digitModel: DigitModelStatus;
  digitPredict: DigitPrediction;
}
