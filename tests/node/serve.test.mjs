// scripts/serve.mjs: one malformed request answers 400 and the server goes
// on serving; only this machine's Host names are served (421 otherwise);
// files carry validators and conditional requests get 304 with no body, so a
// reload does not download the packed MNIST again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CSP, startServer } from '../../scripts/serve.mjs';

let server;
let dir;
const DATA = Buffer.alloc(200_000, 7);

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlp-serve-'));
  fs.mkdirSync(path.join(dir, 'data'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(dir, 'data', 'train.gz'), DATA);
  server = await startServer({ root: dir, port: 0 });
});

after(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// One raw HTTP/1.1 exchange, so request targets and Host headers go out
// exactly as written (fetch and http.request would normalise them).
function raw(target, { host = `127.0.0.1:${server.port}`, headers = {}, method = 'GET' } = {}) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1');
    const lines = [`${method} ${target} HTTP/1.1`, ...(host === null ? [] : [`Host: ${host}`])];
    for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
    lines.push('Connection: close', '', '');
    const chunks = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks);
      const split = text.indexOf('\r\n\r\n');
      const head = text.subarray(0, split).toString('latin1').split('\r\n');
      const status = Number(head[0].split(' ')[1]);
      const h = Object.fromEntries(head.slice(1).map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status, headers: h, body: text.subarray(split + 4) });
    });
    socket.write(lines.join('\r\n'));
  });
}

test('malformed request targets answer 400 and the server keeps serving', async () => {
  for (const target of ['//[', '//a:b@c:99999/', '/%zz', '/a%00b', 'http://[/', '*', '/[x]']) {
    const r = await raw(target);
    assert.equal(r.status, 400, `${target} → ${r.status}`);
    assert.equal(r.headers['content-security-policy'], CSP);
  }
  const ok = await raw('/index.html');
  assert.equal(ok.status, 200);
  assert.match(ok.body.toString(), /<title>t<\/title>/);
  assert.equal((await raw('http://localhost/data/train.gz', { method: 'HEAD' })).status, 200, 'absolute-form is fine');
});

test('only localhost, 127.0.0.1 and [::1] are served, with any port', async () => {
  for (const host of ['localhost', `localhost:${server.port}`, '127.0.0.1', '127.0.0.1:1', '[::1]', '[::1]:5173']) {
    assert.equal((await raw('/', { host })).status, 200, host);
  }
  for (const host of ['evil.example', 'localhost.evil.example', '127.0.0.2', `evil.example:${server.port}`, '127.0.0.1:99999']) {
    const r = await raw('/', { host });
    assert.equal(r.status, 421, host);
    assert.equal(r.body.length > 0, true);
  }
  // HTTP/1.1 without Host: Node itself answers 400.
  assert.equal((await raw('/', { host: null })).status, 400);
});

test('files carry validators and conditional requests get 304 without a body', async () => {
  const first = await raw('/data/train.gz');
  assert.equal(first.status, 200);
  assert.equal(first.body.length, DATA.length);
  const { etag, 'last-modified': lastModified } = first.headers;
  assert.match(etag, /^W\/"[0-9a-f]+-[0-9a-f]+"$/);
  assert.equal(new Date(lastModified).getTime(), Math.floor(fs.statSync(path.join(dir, 'data/train.gz')).mtimeMs / 1000) * 1000);
  assert.equal(first.headers['cache-control'], 'no-cache');
  assert.equal(first.headers['content-type'], 'application/gzip');

  const again = await raw('/data/train.gz', { headers: { 'If-None-Match': etag } });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
  assert.equal(again.headers.etag, etag);
  assert.equal(again.headers['content-security-policy'], CSP);
  assert.equal((await raw('/data/train.gz', { headers: { 'If-None-Match': `"nope", ${etag}` } })).status, 304, 'a list');
  assert.equal((await raw('/data/train.gz', { headers: { 'If-None-Match': etag.slice(2) } })).status, 304, 'weak comparison');
  assert.equal((await raw('/data/train.gz', { headers: { 'If-Modified-Since': lastModified } })).status, 304);
  const older = new Date(Date.parse(lastModified) - 1000).toUTCString();
  assert.equal((await raw('/data/train.gz', { headers: { 'If-Modified-Since': older } })).status, 200);
  // If-None-Match decides when both are sent.
  const both = await raw('/data/train.gz', { headers: { 'If-None-Match': '"other"', 'If-Modified-Since': lastModified } });
  assert.equal(both.status, 200);
  assert.equal(both.body.length, DATA.length);

  // A changed file gets a new ETag and is sent again.
  const later = new Date(Date.now() + 5000);
  fs.utimesSync(path.join(dir, 'data/train.gz'), later, later);
  const changed = await raw('/data/train.gz', { headers: { 'If-None-Match': etag } });
  assert.equal(changed.status, 200);
  assert.notEqual(changed.headers.etag, etag);
});
