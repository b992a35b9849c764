// The widgets' routes as the registry lists them (web/src/widgets/registry.ts),
// so suites that visit every view (accessibility, embeds, CSP) pick up a new
// widget without being edited.

import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers.mjs';

export function widgets() {
  const registry = fs.readFileSync(path.join(ROOT, 'web/src/widgets/registry.ts'), 'utf8');
  return [...registry.matchAll(/route: '([a-z0-9-]+)'/g)].map((m) => m[1]);
}
