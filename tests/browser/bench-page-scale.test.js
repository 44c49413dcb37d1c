'use strict';
// Smoke test of `scripts/bench page-scale` (the page driven at scale: load through the file input,
// search, export, reload): on 300 articles it must finish every step it knows and print its table
// with the load's document count. Benchmarks print numbers: no timing is asserted here.
// MIRSAD_BENCH_WEB names another built page (e.g. a checkout's build/web) than this one's.
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('path');
const { execFile } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');

test('scripts/bench page-scale --docs 300 drives every step and prints its table', { timeout: 300000 }, async () => {
  const args = ['page-scale', '--docs', '300', '--no-toggle'];
  if (process.env.MIRSAD_BENCH_WEB) args.push('--web', process.env.MIRSAD_BENCH_WEB);
  const stdout = await new Promise((resolve, reject) => {
    execFile(path.join(ROOT, 'scripts', 'bench'), args, { maxBuffer: 1 << 24, timeout: 280000 }, (err, out, errOut) => {
      if (err) reject(new Error(`${err.message}\n${errOut}`));
      else resolve(out);
    });
  });
  const row = (step) => stdout.split('\n').find((l) => l.startsWith(step));
  const load = row('load .jsonl through the file input');
  assert.ok(load, `no load row:\n${stdout}`);
  assert.match(load, / 300 documents/, 'the files make a collection of their own (the demo articles are apart)');
  for (const step of ['page ready', 'search «', 'export results CSV «', 'export results CSV, no query', 'export entities CSV «', 'reload until searchable again']) {
    assert.ok(row(step), `no row for "${step}":\n${stdout}`);
  }
  assert.match(row('reload until searchable again'), /300 documents restored/, 'the collection comes back after a reload');
  assert.doesNotMatch(stdout, /timed out|no download/);
  assert.match(stdout, /memory after the load/);
});
