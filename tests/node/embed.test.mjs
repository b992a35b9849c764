// The embed view's pure parts: the page options (?embed&scale=&theme=), the
// snippet a teacher pastes, and the host commands of the postMessage API
// (docs/embedding.md) — what is taken, what is turned into link text, what is
// ignored.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importTs } from './ts-import.mjs';

const [options, messages] = await importTs('web/src/widgets/kit/embed-options.ts', 'web/src/widgets/kit/embed-messages.ts');

test('embed options: off without ?embed; scale and theme from the query, bad values fall back', () => {
  assert.equal(options.embedOptions(''), null);
  assert.equal(options.embedOptions('?wasm=scalar'), null);
  assert.deepEqual(options.embedOptions('?embed'), { scale: 1, theme: null });
  assert.deepEqual(options.embedOptions('?embed&scale=1.5&theme=dark'), { scale: 1.5, theme: 'dark' });
  assert.deepEqual(options.embedOptions('?embed=1&scale=1.25&theme=light'), { scale: 1.25, theme: 'light' });
  assert.deepEqual(options.embedOptions('?embed&scale=3&theme=pink'), { scale: 1, theme: null });
});

test('withEmbed sets or removes the embed options and keeps the page’s other parameters', () => {
  assert.equal(options.withEmbed('', { scale: 1, theme: null }), '?embed');
  assert.equal(options.withEmbed('?wasm=scalar', { scale: 1.25, theme: 'dark' }), '?wasm=scalar&embed&scale=1.25&theme=dark');
  assert.equal(options.withEmbed('?embed&scale=1.5&wasm=simd', null), '?wasm=simd');
  assert.equal(options.withEmbed('?embed', null), '');
});

test('the iframe snippet escapes its attributes', () => {
  const s = options.iframeSnippet('https://x.org/?embed#/xor?gate=and&hidden=3', { width: 960, height: 600 }, 'Gates "A" & <B>');
  assert.equal(
    s,
    '<iframe src="https://x.org/?embed#/xor?gate=and&amp;hidden=3" width="960" height="600" title="Gates &quot;A&quot; &amp; &lt;B>" ' +
      'style="border:0;max-width:100%" loading="lazy" allow="clipboard-write"></iframe>',
  );
});

test('host commands: player commands and set are taken; other messages are not', () => {
  for (const type of ['play', 'pause', 'step', 'reset']) assert.deepEqual(messages.parseHostCommand({ mlpLab: 1, type }), { type });
  for (const other of ['slide:start', null, 42, { type: 'play' }, { mlpLab: 2, type: 'play' }, { mlpLab: 1, type: 'train' }, { mlpLab: 1, type: 'set' }, { mlpLab: 1, type: 'set', settings: [1] }]) {
    assert.equal(messages.parseHostCommand(other), null, JSON.stringify(other));
  }
});

test('set: values become link text (numbers, booleans as 1/0, lists joined by -); others pass as text to be refused like a bad link', () => {
  assert.deepEqual(messages.parseHostCommand({ mlpLab: 1, type: 'set', settings: { gate: 'and', hidden: 4, lr: 0.05, preview: false, units: [300, 100], bad: { x: 1 }, inf: Infinity } }), {
    type: 'set',
    settings: { gate: 'and', hidden: '4', lr: '0.05', preview: '0', units: '300-100', bad: '[object Object]', inf: 'Infinity' },
  });
});
