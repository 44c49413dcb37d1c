// scripts/bench memory: what the index holds in the core's memory, as built and after a save and
// load (the page's path: the worker builds, the page loads), on real and synthetic corpora, and
// what the memory budget does with documents of huge vocabularies. Prints numbers; asserts nothing.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const MODULE = path.join(ROOT, 'build', 'wasm', 'mirsad-core.js');
const Mirsad = require(path.join(ROOT, 'web', 'js', 'mirsad.js'));

const MB = (n) => (n / 1048576).toFixed(1);

// A new engine on the process's one wasm instance: the index figures are the engine's own; the
// heap figure is the instance's high-water mark across the cases so far (wasm memory never shrinks).
async function freshEngine() {
  return Mirsad.create({ factory: require(MODULE) });
}

function describe(label, stats) {
  const p = stats.index_parts;
  console.log(`  ${label.padEnd(22)} index ${MB(stats.index_bytes).padStart(7)} MB  (postings ${MB(p.postings)}, ` +
    `dictionaries ${MB(p.dictionaries)}, spans ${MB(p.spans)}, titles ${MB(p.title_index)})  heap high-water ${MB(stats.heap_footprint)} MB (the instance's, across cases)`);
}

async function roundTrip(label, name, bytes) {
  console.log(`${label}:`);
  const built = await freshEngine();
  let t = performance.now();
  const report = built.loadFile(name, bytes);
  const buildMs = performance.now() - t;
  describe(`built (${report.added} docs)`, built.stats());
  const index = built.saveIndex();
  built.dispose();
  const loaded = await freshEngine();
  t = performance.now();
  const r = loaded.loadIndex(index);
  const loadMs = performance.now() - t;
  if (r.error) throw new Error(r.error);
  describe('after save → load', loaded.stats());
  console.log(`  index file ${MB(index.length)} MB; built in ${buildMs.toFixed(0)} ms, loaded in ${loadMs.toFixed(0)} ms`);
}

function syntheticArticles(count, wordsEach, vocabulary, seed) {
  let x = seed >>> 0;
  const rand = () => { x = (x * 1664525 + 1013904223) >>> 0; return x; };
  const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
  const word = (k) => {
    let w = '';
    for (let i = 0, n = 3 + (k % 6); i < n; i++) { w += letters[k % 28]; k = Math.floor(k / 28) + 7919 * (i + 1); }
    return w;
  };
  const out = [];
  for (let d = 0; d < count; d++) {
    const words = [];
    for (let i = 0; i < wordsEach; i++) words.push(word(rand() % vocabulary));
    out.push({ id: `s${d}`, title: word(rand() % vocabulary), text: words.join(' ') });
  }
  return out;
}

async function main(corpusDir) {
  // Real news: the first day of SaudiNewsNet (2,972 articles), when the corpus is present.
  const zip = path.join(corpusDir, '2015-07-21.zip');
  if (fs.existsSync(zip)) {
    const articles = JSON.parse(execFileSync('unzip', ['-p', zip], { maxBuffer: 1 << 30, encoding: 'utf8' }));
    const docs = articles.map((a, i) => ({ id: String(i), title: a.title || '', text: a.content || '', source: a.source || '' }));
    await roundTrip(`SaudiNewsNet 2015-07-21 (${docs.length} articles)`, 'snn.json', Buffer.from(JSON.stringify(docs)));
  } else {
    console.log(`(no ${zip}: the real-news case is skipped)`);
  }
  // 50 MB of synthetic news: 63,000 short articles over a 400,000-word vocabulary.
  const synthetic = syntheticArticles(63000, 110, 400000, 7);
  const bytes = Buffer.from(JSON.stringify(synthetic));
  await roundTrip(`synthetic: ${synthetic.length} articles, ${MB(bytes.length)} MB of JSON`, 'synthetic.json', bytes);

  // Three documents of 2 million distinct words each under the default budget (1536 MB).
  console.log('three documents of 2,000,000 distinct words each, default budget:');
  const engine = await freshEngine();
  for (let d = 0; d < 3; d++) {
    const [doc] = syntheticArticles(1, 2000000, 2000000000, 100 + d);
    doc.id = `huge${d}`;
    const t = performance.now();
    const report = engine.addDocuments([doc]);
    const s = engine.stats();
    console.log(`  ${doc.id}: ${(doc.text.length / 1e6).toFixed(1)} M units, ${report.added ? 'added' : 'refused (' + report.errors[0].code + ')'} ` +
      `in ${(performance.now() - t).toFixed(0)} ms; in use ${MB(s.memory_in_use)} of ${MB(s.memory_budget)} MB budget; heap ${MB(s.heap_footprint)} MB`);
  }
  console.log(`  searchable: ${engine.search('ابت', { mode: 'word', limit: 1 }).total >= 0 ? 'yes' : 'no'} (${engine.documents().length} documents)`);
  // A keystroke's worth of fuzzy search on the page's thread: 64 fuzzy words over that vocabulary.
  const [probe] = syntheticArticles(1, 64, 2000000000, 100);
  const query = probe.text.split(' ').map((w) => w + '~').join(' ');
  const times = [];
  let warnings = [];
  for (let run = 0; run < 5; run++) {
    const t = performance.now();
    warnings = engine.search(query, { mode: 'word', limit: 10, any: true }).warnings;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`64 fuzzy words over ${engine.stats().terms.word} word-level terms: median ${times[2].toFixed(0)} ms of 5 ` +
    `(${warnings.length ? 'with a warning: ' + warnings[warnings.length - 1].slice(0, 60) + '…' : 'no warning'})`);
}

module.exports = { main };
