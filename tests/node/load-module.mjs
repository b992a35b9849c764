// Loads a WASM flavour under Node. The glue cannot fetch files in Node, so the
// .wasm bytes are handed over directly (see TOOLCHAIN.md).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const flavours = ['simd', 'scalar'];

export async function loadModule(flavour) {
  const base = path.join(root, 'web/generated', `mlp-${flavour}`);
  if (!fs.existsSync(`${base}.wasm`)) throw new Error(`${base}.wasm is missing: run sh scripts/build-wasm.sh`);
  const { default: create } = await import(`${base}.mjs`);
  return create({ wasmBinary: fs.readFileSync(`${base}.wasm`) });
}

export const cliPath = path.join(root, 'build/native/mlp-cli');
