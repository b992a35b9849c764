// Where the browser keeps no data for this page (a file opened from disk in
// some browsers, a sandboxed frame, strict private modes), the model library
// works from memory for the page's life. The page says so once, here, instead
// of every save failing with an error.

import { STORAGE_UNAVAILABLE } from '../model/library.ts';
import { showAlert } from './alerts.ts';

export function watchStorageNotice(): void {
  window.addEventListener(
    STORAGE_UNAVAILABLE,
    () =>
      showAlert(
        'This browser keeps no data for this page here, so trained models last until the page is closed. Download a model (Train → library) to keep it.',
        'info',
      ),
    { once: true },
  );
}
