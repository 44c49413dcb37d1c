'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { Mirsad, MODULE } = require('./helpers');

test('engines share one module and keep separate corpora', async () => {
  const a = await Mirsad.create({ factory: require(MODULE) });
  const b = await Mirsad.create({ factory: require(MODULE) });
  a.addDocuments([{ id: 'x', text: 'ليبيا' }]);
  assert.equal(a.documents().length, 1);
  assert.equal(b.documents().length, 0);
});

test('lone surrogates keep their one code unit, so offsets after them stay exact', async () => {
  const engine = await Mirsad.create({ factory: require(MODULE) });
  const text = 'a\uD800 ليبيا \uDC00b ليبيا';
  engine.addDocuments([{ id: 'x', text }]);
  assert.equal(engine.text('x').length, text.length);
  const hit = engine.search('ليبيا').hits[0];
  assert.deepEqual(hit.matches.map(([s, e]) => text.slice(s, e)), ['ليبيا', 'ليبيا']);
});

test('a file with invalid UTF-8 loads with a warning naming it', async () => {
  const engine = await Mirsad.create({ factory: require(MODULE) });
  const bytes = new Uint8Array([0xd9, 0x84, 0xff, 0x20, 0xd9, 0x84]);
  const report = engine.loadFile('bad.txt', bytes);
  assert.equal(report.added, 1);
  assert.equal(report.warnings.length, 1);
  assert.equal(report.warnings[0].source, 'bad.txt');
  assert.equal(report.warnings[0].code, 'invalid_utf8');
  assert.equal(report.warnings[0].count, 1);
  assert.equal(engine.text('bad'), 'ل\uFFFD ل');
});

test('hostile HTML in a document is just text to the core', async () => {
  const engine = await Mirsad.create({ factory: require(MODULE) });
  const text = '<img src=x onerror=alert(1)> ليبيا </mark><script>alert(2)</script>';
  engine.addDocuments([{ id: 'h', text }]);
  const hit = engine.search('ليبيا').hits[0];
  assert.equal(text.slice(...hit.matches[0]), 'ليبيا');
  assert.equal(engine.text('h'), text);
});

test('absurd queries return results or warnings, never throw', async () => {
  const engine = await Mirsad.create({ factory: require(MODULE) });
  engine.addDocuments([{ id: 'x', text: 'ليبيا وتونس' }]);
  const queries = ['', ' ', '\u064E', '(((', '"""', '\uD800', 'ليبيا '.repeat(20000), '.*+?[]{}|\\^$',
    Array.from({ length: 1000 }, (_, i) => 'w' + i).join(' ')];
  for (const q of queries) {
    const r = engine.search(q, { mode: 'word' });
    assert.equal(typeof r.total, 'number');
  }
});

test('texts stay JavaScript strings: the wasm heap holds the index, not a copy of the corpus', async () => {
  const engine = await Mirsad.create({ factory: require(MODULE) });
  const text = 'وصل وزير الخارجية إلى طرابلس. ' + 'تنسيق أمني بين ليبيا وتونس. '.repeat(2000);
  engine.addDocuments([{ id: 'long', text, title: 'عنوان' }, { id: 'short', text: 'ليبيا' }]);
  const stats = engine.stats();
  assert.equal(stats.text_bytes, 0, 'no document text on the wasm heap');
  assert.ok(stats.index_bytes > 0);
  assert.equal(engine.text('long'), text);
  assert.equal(engine.documents()[0].length, text.length);
  assert.ok(engine.entities('long').documents[0].entities.some((e) => e.canonical === 'طرابلس'),
    'entities read the text back from the JS side');
  // An index file carries the texts; a fresh engine loading it serves them again.
  const copy = await Mirsad.create({ factory: require(MODULE) });
  assert.deepEqual(copy.loadIndex(engine.saveIndex()), { documents: 2 });
  assert.equal(copy.text('long'), text);
  assert.equal(copy.search('وتونس', { mode: 'word' }).hits[0].id, 'long');
  engine.dispose();
  copy.dispose();
});
