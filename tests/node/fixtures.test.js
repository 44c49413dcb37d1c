'use strict';
// The hand-annotated entity fixtures stay well-formed, and the scorer that reads them runs.
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('path');
const { spawnSync } = require('child_process');
const { ROOT } = require('./helpers');

test('entity gold fixtures: every span slices its text, no overlaps, known types', () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'tests', 'fixtures', 'entities', 'check-gold.js')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('scripts/score-entities scores both fixture sets per type', () => {
  const r = spawnSync(path.join(ROOT, 'scripts', 'score-entities'), ['--json'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  for (const set of ['seeds', 'unseen']) {
    for (const type of ['PERSON', 'LOCATION', 'ORGANIZATION', 'DATE', 'NUMBER', 'NATIONALITY', 'ALL']) {
      const row = report[set].mentions[type];
      assert.ok(row.gold > 0, `${set} ${type} has gold mentions`);
      assert.ok(row.strict <= row.gold && row.strict <= row.found, `${set} ${type}: matches cannot exceed either side`);
    }
    const rows = report[set].mentions;
    assert.equal(rows.ALL.gold, Object.entries(rows).filter(([t]) => t !== 'ALL').reduce((n, [, r]) => n + r.gold, 0));
  }
});
