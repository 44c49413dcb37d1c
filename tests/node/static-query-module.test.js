'use strict';
// The query-side module (build/wasm/mirsad-query.js: the analysis and the static index reader,
// with a smaller ICU data package and none of the builder or entity data) reads a static index
// written by the full module and answers as the in-memory engine does (here through the CLI, in
// its own process: one module per process). This is the module the light widget loads.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ROOT, Mirsad, cliJson, inMemoryShape: comparable } = require('./helpers');
const { realCorpus } = require('../browser/real-corpus');

const QUERY_MODULE = path.join(ROOT, 'build', 'wasm', 'mirsad-query.js');


test('the query-side module reads a static index with the in-memory engine\'s answers', async (t) => {
  const { docs, real } = realCorpus({ docs: 600 });
  t.diagnostic(`${docs.length} ${real ? 'SaudiNewsNet' : 'generated'} articles`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-query-module-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const corpus = path.join(dir, 'corpus.jsonl');
  fs.writeFileSync(corpus, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  const out = path.join(dir, 'index');
  cliJson(['index', '--corpus', corpus, '--static', out]);

  const index = await Mirsad.openStaticIndex((name) => fs.promises.readFile(path.join(out, ...name.split('/'))),
    { factory: require(QUERY_MODULE), wasmBinary: fs.readFileSync(QUERY_MODULE.replace(/\.js$/, '.wasm')) });
  assert.equal(index.documents, docs.length);
  // Words with harakat, hamza forms, clitics, presentation forms and Eastern digits go through
  // the same analysis (ICU normalization and word breaks from the smaller data package: nfkc_cf
  // and the word rules only, no locale data).
  const queries = [['الرياض', 'word'], ['وزير الخارجية', 'word'], ['"ولي العهد"', 'word'], ['السعودي*', 'word'],
    ['الأمن -الرياض', 'word'], ['المملكه~', 'word'], ['وَزِيرُ', 'word'], ['ﻭﺯﻳﺮ', 'normalized'], ['٢٠١٥', 'word'],
    ['للمملكة', 'exact'], ['المملكة', 'stem'], ['Saudi', 'word'], ['SAUDI ARAMCO', 'normalized'], ['ﷲ', 'word'], ['الرياض 2015', 'word']];
  for (const [q, mode] of queries) {
    const expected = cliJson(['search', '--corpus', corpus, '--mode', mode, q]);
    const actual = await index.search(q, { mode });
    assert.deepEqual(comparable(actual), comparable(expected), `«${q}» (${mode})`);
  }
  // It has no engine for a corpus, and says so.
  await assert.rejects(Mirsad.create(), /query-side module/);
});
