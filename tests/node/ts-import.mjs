// Imports the page's TypeScript modules under Node 20 (which cannot run .ts):
// each file and the relative modules it imports are transpiled with the
// TypeScript compiler's API (types erased, './x.ts' rewritten to './x.js') into
// a temporary folder mirroring web/src, and imported from there. Only for
// modules without DOM or bundler-only imports: the worker's logic, pure helpers.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { root } from './load-module.mjs';

const require = createRequire(import.meta.url);

/** Transpiles `entries` (paths from the repository root) and what they import; resolves to their modules. */
export async function importTs(...entries) {
  const ts = require('typescript');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'mlp-ts-'));
  const done = new Set();
  const queue = [...entries];
  while (queue.length > 0) {
    const rel = path.normalize(queue.pop());
    if (done.has(rel)) continue;
    done.add(rel);
    const { outputText, diagnostics } = ts.transpileModule(fs.readFileSync(path.join(root, rel), 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true,
        rewriteRelativeImportExtensions: true,
      },
      reportDiagnostics: true,
      fileName: rel,
    });
    assert.deepEqual(diagnostics, [], `${rel} transpiles cleanly`);
    for (const [, spec] of outputText.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)\.js["']/g)) {
      queue.push(path.join(path.dirname(rel), `${spec}.ts`));
    }
    const target = path.join(out, rel.replace(/\.ts$/, '.js'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, outputText);
  }
  fs.writeFileSync(path.join(out, 'package.json'), '{"type": "module"}\n');
  try {
    return await Promise.all(entries.map((e) => import(pathToFileURL(path.join(out, e.replace(/\.ts$/, '.js'))).href)));
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
