'use strict';
// An archive too large for one engine is indexed in segments and merged (issue 17, "310,000
// articles"): on 2,000 real articles (SaudiNewsNet when it is beside the clone, generated
// otherwise), `mirsad index --static --segment-docs 500` over a .jsonl read in small pieces
// writes, file for file and byte for byte, the index the one-engine build writes, entities
// included, and says the same about the same bad lines (with the file's own line numbers) and
// about an id repeated across segments.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { cli } = require('./helpers');
const { realCorpus } = require('../browser/real-corpus');

function listFiles(root) {
  const out = [];
  const walk = (rel) => {
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const name = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(name); else out.push(name);
    }
  };
  walk('');
  return out.sort();
}

test('segments merged give the one-engine index byte for byte, with the same warnings', (t) => {
  const { docs, real } = realCorpus({ docs: 2000 });
  t.diagnostic(`${docs.length} ${real ? 'SaudiNewsNet' : 'generated'} articles`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-segments-test-'));
  const lines = docs.map((d) => JSON.stringify(d));
  // A bad line and an id already used, both in late pieces (the second one in another segment).
  lines.splice(1200, 0, '{"id": "broken", "text": ');
  lines.push(JSON.stringify({ ...docs[10], text: 'نص آخر بالمعرّف نفسه' }));
  const corpus = path.join(dir, 'corpus.jsonl');
  fs.writeFileSync(corpus, lines.join('\n') + '\n');

  const build = (out, extra, env = {}) => {
    const r = cli(['index', '--corpus', corpus, '--static', out, '--entities', '--json', ...extra],
      { env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
    assert.equal(r.status, 0, r.stderr);
    return { report: JSON.parse(r.stdout), warnings: r.stderr.trim().split('\n').filter((l) => l.startsWith('warning')) };
  };
  const whole = build(path.join(dir, 'whole'), []);
  const scratch = path.join(dir, 'tmp');
  fs.mkdirSync(scratch);
  const parts = build(path.join(dir, 'parts'), ['--segment-docs', '500'], { MIRSAD_JSONL_PIECE_BYTES: '400000', TMPDIR: scratch });
  t.diagnostic(`one engine: ${whole.report.files} files in ${whole.report.seconds.total} s; ` +
    `${parts.report.segments} segments: ${parts.report.files} files in ${parts.report.seconds.total} s`);
  assert.equal(whole.report.segments, 1);
  assert.ok(parts.report.segments >= 4, `${parts.report.segments} segments`);
  assert.equal(parts.report.documents, docs.length);

  // The same complaints, at the file's own line numbers.
  assert.deepEqual(parts.warnings, whole.warnings);
  assert.ok(whole.warnings.some((w) => w.includes('corpus.jsonl:1201')), whole.warnings.join('\n'));
  assert.ok(whole.warnings.some((w) => w.includes('duplicate id')), whole.warnings.join('\n'));

  const names = listFiles(path.join(dir, 'whole'));
  assert.deepEqual(listFiles(path.join(dir, 'parts')), names);
  let differ = 0;
  for (const name of names) {
    if (!fs.readFileSync(path.join(dir, 'whole', name)).equals(fs.readFileSync(path.join(dir, 'parts', name)))) differ += 1;
  }
  assert.equal(differ, 0, `${differ} of ${names.length} files differ`);
  // The segments' scratch folders are gone.
  assert.deepEqual(fs.readdirSync(scratch), []);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a .jsonl read in pieces whose records have no ids is refused with what to do', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-segments-test-'));
  const corpus = path.join(dir, 'noids.jsonl');
  fs.writeFileSync(corpus, Array.from({ length: 400 }, (_, i) => JSON.stringify({ text: `خبر رقم ${i} عن ليبيا وتونس ومصر` })).join('\n') + '\n');
  const r = cli(['index', '--corpus', corpus, '--static', path.join(dir, 'out')], { env: { ...process.env, MIRSAD_JSONL_PIECE_BYTES: '4000' } });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /no id field.*--mapping id=FIELD/s);
  fs.rmSync(dir, { recursive: true, force: true });
});
