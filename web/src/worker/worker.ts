// The worker every page starts, but one that opens on the Draw view
// (worker-draw.ts): the full module, loaded at once.

import { boot } from './boot.ts';

void boot(null);
