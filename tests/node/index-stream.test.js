'use strict';
// Issue 15: an index file streamed into the core piece by piece. The core holds a window of the
// file, never the whole of it: a page's wasm memory (which never shrinks) grows by the engine
// it builds, not by the engine plus the file.
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('path');
const { realCorpus } = require('../browser/real-corpus.js');

const MODULE = path.join(__dirname, '..', '..', 'build', 'wasm', 'mirsad-core.js');
const Mirsad = require('../../web/js/mirsad.js');

// An engine on a module instance of its own, so that its wasm memory is measured alone.
// (mirsad.js keeps its module instance: it is required afresh too.)
async function isolatedEngine() {
  const js = require.resolve('../../web/js/mirsad.js');
  delete require.cache[require.resolve(MODULE)];
  delete require.cache[js];
  return require(js).create({ factory: require(MODULE) });
}

const MB = 1048576;
const mb = (n) => (n / MB).toFixed(1);

test('an index streamed from a Blob or a Uint8Array is the engine loadIndex gives, in a bounded window', async () => {
  // MIRSAD_STREAM_DOCS: a larger collection for a measurement (the test's own size is 2500).
  const { docs, real } = realCorpus({ docs: Number(process.env.MIRSAD_STREAM_DOCS) || 2500 });
  const source = await isolatedEngine();
  source.addDocuments(docs);
  const file = source.saveIndex();

  const whole = await isolatedEngine();
  const wholeBefore = whole.stats().heap_footprint;
  assert.equal(whole.loadIndex(file).documents, docs.length);
  const wholeGrowth = whole.stats().heap_footprint - wholeBefore;

  const streamed = await isolatedEngine();
  const streamedBefore = streamed.stats().heap_footprint;
  const progress = [];
  // The longest call into the core while loading (a slice of work, or a piece copied in).
  let longestSlice = 0;
  const inner = streamed._api;
  streamed._api = new Proxy(inner, { get(target, name) {
    const call = target[name];
    if (name !== 'continueLoadIndex' && name !== 'pushIndexBytes') return call;
    return (...args) => {
      const t = performance.now();
      try { return call(...args); } finally { longestSlice = Math.max(longestSlice, performance.now() - t); }
    };
  } });
  const report = await streamed.loadIndexStream(new Blob([file]), { sliceMs: 20, onProgress: (p) => progress.push(p) });
  assert.equal(report.documents, docs.length, JSON.stringify(report));
  const streamedGrowth = streamed.stats().heap_footprint - streamedBefore;
  const engineBytes = streamed.stats().index_bytes;
  console.log(`${docs.length} ${real ? 'real' : 'generated'} articles: file ${mb(file.length)} MB, engine index ${mb(engineBytes)} MB; ` +
    `wasm heap growth: whole ${mb(wholeGrowth)} MB, streamed ${mb(streamedGrowth)} MB (window at most ${mb(report.peakWindowBytes)} MB); ` +
    `longest call into the core ${longestSlice.toFixed(0)} ms`);

  for (const q of ['السعودية', '"وزير الخارجية"', 'الرياض OR جدة', 'الرياض*']) {
    for (const mode of ['exact', 'word', 'stem']) {
      assert.deepEqual(streamed.search(q, { mode }), whole.search(q, { mode }), `${q} ${mode}`);
    }
  }
  assert.deepEqual(streamed.documents(), whole.documents());
  assert.equal(streamed.text(docs[7].id), docs[7].text);
  assert.deepEqual(Buffer.from(streamed.saveIndex()), Buffer.from(file), 'the same engine saves the same bytes');
  assert.ok(progress.length > 0 && progress.every((p, i) => i === 0 || p >= progress[i - 1]));

  // The window: a piece (4 MB) and the largest item, far below the file; the heap grows by the
  // engine and that window, where a whole load also kept the file.
  assert.ok(report.peakWindowBytes <= (4 << 20) + 16 * MB, `window ${report.peakWindowBytes}`);
  // (The heap grows less than the engine's size: a fresh module's heap already has room.)
  assert.ok(streamedGrowth + file.length / 4 < wholeGrowth, `streamed ${streamedGrowth} vs whole ${wholeGrowth}, file ${file.length}`);

  // loadIndexInSlices (a Uint8Array) streams too.
  const sliced = await isolatedEngine();
  const r2 = await sliced.loadIndexInSlices(file, { sliceMs: 20 });
  assert.equal(r2.documents, docs.length);
  assert.deepEqual(sliced.search('السعودية', { mode: 'word' }), whole.search('السعودية', { mode: 'word' }));
});

test('the documents list read a page at a time is the whole list, in order', async () => {
  const { docs } = realCorpus({ docs: 300 });
  const engine = await isolatedEngine();
  engine.addDocuments(docs);
  const whole = JSON.parse(engine._api.documents());
  const paged = await engine.documentsInSlices({ pageSize: 7 });
  assert.equal(paged.length, docs.length);
  assert.deepEqual(paged, whole);
  assert.equal(engine.documents(), paged, 'documents() answers from the list read');
});

test('a damaged or truncated stream is refused and leaves the engine empty', async () => {
  const source = await Mirsad.create({ factory: require(MODULE) });
  source.addDocuments([{ id: 'a', text: 'اجتماع أمني في طرابلس' }, { id: 'b', text: 'خبر عن الرياض وجدة' }]);
  const file = source.saveIndex();
  const damaged = file.slice();
  damaged[damaged.length - 3] ^= 0x41;
  for (const [bytes, pattern] of [[damaged, /corrupt/], [file.subarray(0, file.length - 4), /truncated/], [new Uint8Array(3), /not a Mirsad/]]) {
    for (const asBlob of [false, true]) {
      const engine = await Mirsad.create({ factory: require(MODULE) });
      const report = await engine.loadIndexStream(asBlob ? new Blob([bytes]) : bytes, { pieceBytes: 7 });
      assert.match(report.error || '', pattern);
      assert.equal(engine.documents().length, 0);
      assert.equal(engine.search('طرابلس', { mode: 'word' }).total, 0);
    }
  }
});
