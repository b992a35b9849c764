// The worker of a page that opens on the Draw view: the digit reader's glue is
// part of this script (one request fewer before the first reading), its .wasm
// and the model come from the page (web/src/digit-assets.ts), and the full
// module loads when another view asks for it (boot.ts).

import createMlpReader from '../../generated/mlp-reader.mjs';
import { boot } from './boot.ts';
import { instantiate } from './load-module.ts';

void boot((wasm) => instantiate(new URL('../../generated/mlp-reader.wasm', import.meta.url).href, createMlpReader, wasm));
