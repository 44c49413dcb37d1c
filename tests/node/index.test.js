'use strict';
// Saved indexes: built once by the CLI, loaded without re-analysis, refused when damaged.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { cli, cliJson } = require('./helpers');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-index-'));
const indexFile = path.join(tmp, 'seeds.idx');

test('mirsad index writes a file that answers exactly like the corpus', () => {
  const built = cli(['index', '--out', indexFile, '--json']);
  assert.equal(built.status, 0, built.stderr);
  assert.equal(JSON.parse(built.stdout).documents, 5);
  for (const q of ['ليبيا', '"التنسيق الأمني"', 'الإرها*', 'تونس OR القاهرة']) {
    assert.deepEqual(cliJson(['search', '--index', indexFile, '--limit', '100', q]),
      cliJson(['search', '--limit', '100', q]), q);
  }
  assert.deepEqual(cliJson(['entities', '--index', indexFile]), cliJson(['entities']));
});

test('a damaged or foreign index is refused with a message and exit status 1', () => {
  const good = fs.readFileSync(indexFile);
  const cases = {
    'not-an-index.idx': Buffer.from('hello world'),
    'truncated.idx': good.subarray(0, good.length - 100),
    'flipped.idx': Buffer.from(good.map((b, i) => (i === Math.floor(good.length / 2) ? b ^ 0xff : b))),
  };
  for (const [name, bytes] of Object.entries(cases)) {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, bytes);
    const run = cli(['search', '--index', file, 'ليبيا']);
    assert.equal(run.status, 1, name);
    assert.match(run.stderr, /not a Mirsad index|truncated|corrupt/, name);
  }
});
