'use strict';
// A static index (issue 17) answers as the in-memory engine does: on 3,000 real articles
// (SaudiNewsNet when it is beside the clone, generated articles otherwise), every level and
// operator gives the same top 10 (ids, scores, matches, snippets) and the same counts from the
// files written by `mirsad index --static`, read through the CLI and through mirsad.js; a second
// search reads nothing new; a damaged file is an error, never a wrong result.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { MODULE, Mirsad, cli, cliJson, inMemoryShape: comparable } = require('./helpers');
const { realCorpus } = require('../browser/real-corpus');

const LEVELS = ['exact', 'normalized', 'word', 'stem'];

function queriesFor(docs) {
  const source = docs.find((d) => d.source).source;
  const month = docs.find((d) => d.date).date.slice(0, 7);
  return [
    'مصر', 'الأمن', 'الرياض', 'ليبيا', 'وزير', 'في',
    '"وزير الخارجية"', '"ولي العهد"', 'وزير الخارجية السعودي',
    'مصر OR ليبيا', 'الأمن OR الأمنية', 'مصر -ليبيا', 'الرياض -جدة',
    'ليب*', 'الأم*', 'السعودي*', 'ا*',
    'السعوديه~', 'الرياظ~',
    `مصر source:${source}`, `date:${month}`, `الأمن date:${month}`, `الرياض -source:${source}`,
    'كلمةلاتوجد',
  ];
}


test('a static index gives the in-memory engine\'s answers, at every level and for every operator', async (t) => {
  const { docs, real } = realCorpus({ docs: 3000 });
  t.diagnostic(`${docs.length} ${real ? 'SaudiNewsNet' : 'generated'} articles`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-static-'));
  const corpus = path.join(dir, 'corpus.jsonl');
  fs.writeFileSync(corpus, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  const out = path.join(dir, 'index');
  const written = cliJson(['index', '--corpus', corpus, '--static', out, '--chunk-bytes', '8192']);
  t.diagnostic(`written: ${written.files} files, ${written.bytes_on_disk} bytes gzipped, ${written.seconds.total} s`);
  assert.equal(written.documents, docs.length);
  assert.equal(written.written, written.files);

  const engine = await Mirsad.create({ factory: require(MODULE) });
  engine.loadFile('corpus.jsonl', fs.readFileSync(corpus));
  const index = await Mirsad.openStaticIndex((name) => fs.promises.readFile(path.join(out, ...name.split('/'))),
    { factory: require(MODULE) });
  assert.equal(index.documents, docs.length);

  let compared = 0, withHits = 0;
  for (const mode of LEVELS) {
    for (const q of queriesFor(docs)) {
      const expected = comparable(engine.search(q, { mode, limit: 10 }));
      const actual = await index.search(q, { mode, limit: 10 });
      assert.deepEqual(comparable(actual), expected, `«${q}» (${mode})`);
      compared++;
      if (expected.hits.length) withHits++;
    }
  }
  for (const sort of ['date', 'date-asc']) {
    assert.deepEqual(comparable(await index.search('الرياض', { sort })), comparable(engine.search('الرياض', { limit: 10, sort })), sort);
  }
  const title = docs.find((d) => d.title.split(' ').length >= 5).title;
  assert.deepEqual(comparable(await index.search(title, { any: true })), comparable(engine.search(title, { limit: 10, any: true })),
    'a whole title, any word');
  t.diagnostic(`${compared} query-level pairs compared, ${withHits} with hits`);
  assert.ok(withHits > compared / 2);

  // Facets: the sources and days of every match, as the in-memory engine counts them (each facet
  // before its own filter), and of the whole collection for an empty query.
  const source = docs.find((d) => d.source).source;
  const month = docs.find((d) => d.date).date.slice(0, 7);
  for (const q of ['الرياض', `الرياض source:${source}`, `الأمن date:${month}`, 'مصر OR ليبيا', '', `source:${source}`]) {
    const expected = engine.search(q, { limit: 10, facets: true });
    const actual = await index.search(q, { limit: 10, facets: true });
    assert.deepEqual(actual.facets, expected.facets, `facets of «${q}»`);
    assert.deepEqual(comparable(actual), comparable(expected), `«${q}» with facets`);
  }
  const cliFacets = cliJson(['search', '--index-dir', out, '--facets', 'الرياض']);
  assert.deepEqual(cliFacets.facets, engine.search('الرياض', { facets: true }).facets);

  // Hits carry their document; their offsets index its text.
  const found = await index.search('الرياض');
  const first = found.hits[0];
  assert.equal(index.fragment(first.ordinal).id, first.id);
  assert.equal(index.text(first.ordinal), engine.text(first.id));

  // A search repeated reads nothing new.
  const before = index.stats().files_fetched;
  await index.search('الرياض');
  assert.equal(index.stats().files_fetched, before);

  // The CLI reads the same folder with the same JSON contract.
  const viaCli = cliJson(['search', '--index-dir', out, 'وزير الخارجية']);
  assert.deepEqual(comparable(viaCli), comparable(engine.search('وزير الخارجية', { limit: 10 })));

  // Rebuilt unchanged, nothing is rewritten.
  const again = cliJson(['index', '--corpus', corpus, '--static', out, '--chunk-bytes', '8192']);
  assert.equal(again.written, 1, 'only the manifest');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a damaged or missing file is an error naming it, and other queries keep working', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-static-bad-'));
  cliJson(['index', '--static', dir]);  // the bundled seeds
  const files = new Map();
  const read = (name) => {
    if (files.has(name)) return Promise.resolve(files.get(name));
    return fs.promises.readFile(path.join(dir, ...name.split('/')));
  };
  const index = await Mirsad.openStaticIndex(read, { factory: require(MODULE) });
  const good = await index.search('ليبيا');
  assert.ok(good.total > 0);
  // The chunk that holds تونس at the word level, damaged on the way.
  const table = JSON.parse(require('zlib').gunzipSync(fs.readFileSync(path.join(dir,
    JSON.parse(require('zlib').gunzipSync(fs.readFileSync(path.join(dir, 'manifest.json')))).levels.word.table))));
  const chunk = table.chunks.filter(([first]) => first <= 'تونس').pop()[1];
  const bytes = require('zlib').gunzipSync(fs.readFileSync(path.join(dir, chunk)));
  bytes[Math.floor(bytes.length / 2)] ^= 0x5a;
  files.set(chunk, bytes);
  const bad = await index.search('تونس');
  assert.match(bad.error, new RegExp(chunk.replace(/[.-]/g, '\\$&')));
  assert.equal(bad.hits, undefined);
  assert.equal((await index.search('ليبيا')).total, good.total);
  // A host without the file (404) is an error too, for the queries that need it.
  const missing = await Mirsad.openStaticIndex((name) => (name === chunk ? Promise.reject(new Error('HTTP 404')) : read(name)),
    { factory: require(MODULE) });
  assert.match((await missing.search('تونس')).error, /could not be fetched \(HTTP 404\)/);
  // The CLI says it and exits 1.
  fs.writeFileSync(path.join(dir, chunk), require('zlib').gzipSync(bytes));
  const r = cli(['search', '--index-dir', dir, 'تونس']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /damaged/);
  fs.rmSync(dir, { recursive: true, force: true });
});
