'use strict';
// Absurd queries and absurd documents: each gets an answer or a clear message in bounded time,
// and nothing escapes as an exception.
const test = require('node:test');
const assert = require('node:assert/strict');
const { engineWithSeeds, Mirsad, MODULE } = require('./helpers');

// The bound each query must answer within (on a shared 2-core CI machine, at every match level).
const BOUND_MS = 1000;

const QUERIES = [
  ['empty', ''],
  ['whitespace', ' \t\n\u00A0\u2003 '],
  ['only harakat', '\u064E\u064F\u0650\u0651\u0652\u064B'],
  ['only punctuation', '،؛؟!?.,:;«»"\'()[]{}'],
  ['lone surrogates', '\uD800 ليبيا \uDFFF\uDC00\uD83D'],
  ['100,000 characters', 'ليبيا '.repeat(16667)],
  ['1,000 terms', Array.from({ length: 1000 }, (_, i) => `كلمة${i}`).join(' ')],
  ['nested quotes and parentheses', '"((("ليبيا" OR "تونس" ((("'.repeat(50)],
  ['unbalanced', '"ليبيا ((( -"" OR OR - * ~ ~~ **'],
  ['regex metacharacters', '.*+?^${}()|[]\\ ليب.* (a|b)+ \\d+'],
  ['filters only', 'entity:"" date: source: id:"" -entity:ليبيا'],
  ['prefix of everything', 'ا* ل* و*'],
  ['fuzzy of long words', 'المستشفيات~ الاستراتيجيات~ والمفاوضات~'],
  ['NUL and controls', '\u0000\u0001\u001b[31mليبيا\u007f'],
  ['bidi controls', '\u202eليبيا\u202c\u2066تونس\u2069'],
];

test('absurd queries answer within the bound at every level, with warnings instead of exceptions', async () => {
  const engine = await engineWithSeeds();
  for (const [name, q] of QUERIES) {
    for (const mode of ['exact', 'normalized', 'word', 'stem']) {
      for (const opts of [{}, { live: true }, { any: true }]) {
        const started = performance.now();
        const r = engine.search(q, { mode, limit: 100, ...opts });
        const ms = performance.now() - started;
        assert.ok(Array.isArray(r.hits), `${name}/${mode}: hits`);
        assert.ok(Array.isArray(r.warnings), `${name}/${mode}: warnings`);
        assert.ok(ms < BOUND_MS, `${name}/${mode}: ${ms.toFixed(0)} ms`);
      }
    }
    // The other query-driven views too.
    const c = engine.concordance(q, 'word', 500, 6, 'left');
    assert.ok(Array.isArray(c.lines), `${name}: concordance`);
  }
  const long = engine.search('ليبيا '.repeat(16667), { mode: 'word', limit: 10 });
  assert.ok(long.warnings.some((w) => /too long/.test(w)), 'a cut query says so');
  const many = engine.search(Array.from({ length: 1000 }, (_, i) => `كلمة${i}`).join(' '), { mode: 'word', limit: 10 });
  assert.ok(many.warnings.some((w) => /too many words/.test(w)), 'dropped terms are reported');
});

test('documents: an empty file, a 20 MB document and 50,000 tiny ones load, with reports', async (t) => {
  const engine = await Mirsad.create({ factory: require(MODULE) });
  const empty = engine.loadFile('empty.txt', new Uint8Array(0));
  assert.equal(empty.added, 0);
  assert.deepEqual(empty.warnings.map((w) => w.code), ['empty_file'], 'an empty file is refused with a reason');
  for (const name of ['empty.json', 'empty.jsonl']) {
    const r = engine.loadFile(name, new Uint8Array(0));
    assert.equal(r.added, 0);
    assert.ok(r.warnings.length + r.errors.length > 0, `${name}: ${JSON.stringify(r)}`);
  }

  const sentence = 'أعلنت وزارة الداخلية الليبية في طرابلس عن خطة لتأمين الحدود مع تونس والجزائر ومصر. ';
  const big = sentence.repeat(Math.ceil(20e6 / Buffer.byteLength(sentence)));
  const started = performance.now();
  const bigReport = engine.addDocuments([{ id: 'big', text: big }]);
  const bigMs = performance.now() - started;
  assert.equal(bigReport.added, 1);
  const hits = engine.search('طرابلس', { mode: 'word', limit: 1 });
  assert.equal(hits.total, 1);
  assert.ok(hits.matches_total > 100000);

  // Its entities and the overview (hundreds of thousands of mentions) in bounded time: the
  // co-occurrence counting is linear in the mentions.
  const t1 = performance.now();
  const overview = engine.entityOverview(['big'], 40);
  const overviewMs = performance.now() - t1;
  assert.ok(overview.pairs.length > 0);
  assert.ok(overviewMs < 20000, `overview of a 20 MB document: ${overviewMs.toFixed(0)} ms`);
  t.diagnostic(`entities and overview of the 20 MB document: ${overviewMs.toFixed(0)} ms`);

  const lines = [];
  for (let i = 0; i < 50000; i++) lines.push(JSON.stringify({ id: `t${i}`, text: i % 2 ? 'ليبيا' : 'تونس' }));
  const t2 = performance.now();
  const tiny = engine.loadFile('tiny.jsonl', new TextEncoder().encode(lines.join('\n')));
  const tinyMs = performance.now() - t2;
  assert.equal(tiny.added, 50000);
  assert.equal(engine.search('تونس', { mode: 'word', limit: 10 }).total, 25000 + 1, 'the tiny ones and the big one');
  t.diagnostic(`20 MB document indexed in ${bigMs.toFixed(0)} ms; 50,000 tiny documents in ${tinyMs.toFixed(0)} ms`);
});

test('memory: past the budget, documents are refused with a clear message and the others stay searchable', async () => {
  const engine = await Mirsad.create({ factory: require(MODULE) });
  // The search cache's 32 MB and the analysis of one document are reserved in the budget; the
  // rest fits some of the documents.
  engine.setMemoryBudget(56);  // MB
  const text = 'قالت الحكومة في طرابلس إن الحدود مع تونس آمنة. '.repeat(8000);  // ~400k units each
  const docs = Array.from({ length: 120 }, (_, i) => ({ id: `d${i}`, text: `وثيقة${i} ${text}` }));
  const report = engine.addDocuments(docs);
  assert.ok(report.added >= 1 && report.added < docs.length, `added ${report.added}`);
  const stats = engine.stats();
  assert.ok(stats.memory_in_use <= stats.memory_budget, `${stats.memory_in_use} in use of ${stats.memory_budget}`);
  const refused = report.errors.filter((e) => e.code === 'memory_limit');
  assert.equal(refused.length, docs.length - report.added);
  assert.match(refused[0].message, /not enough memory: .* MB budget/);
  assert.equal(engine.search('طرابلس', { mode: 'word', limit: 100 }).total, report.added, 'what was added is searchable');
});

test('memory: a budget above what wasm can address is refused, not wrapped', async () => {
  const engine = await Mirsad.create({ factory: require(MODULE) });
  assert.throws(() => engine.setMemoryBudget(4096), /4096 MB is more than the 1920 MB/);
  assert.equal(engine.stats().memory_budget, 1536 * 1048576, 'the budget was left as it was');
});

test('memory: the CLI runs on the documents that fit, says what did not, and exits 1', () => {
  const fs = require('fs');
  const os = require('os');
  const path = require('path');
  const { cli } = require('./helpers');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-mem-'));
  try {
    for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(dir, `d${String(i).padStart(2, '0')}.txt`), `وثيقة${i} أمن الحدود في طرابلس. `.repeat(20000));
    const r = cli(['search', '--corpus', dir, '--memory-limit', '56', '--json', 'طرابلس']);
    assert.equal(r.status, 1, r.stderr);
    const loaded = JSON.parse(r.stdout).total;
    assert.ok(loaded > 0 && loaded < 30, `${loaded} documents searched`);
    assert.match(r.stderr, new RegExp(`out of memory: ${30 - loaded} document\\(s\\) did not fit .*\\(${loaded} loaded and used\\)`));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('memory: the CLI says so and exits non-zero', () => {
  const fs = require('fs');
  const os = require('os');
  const path = require('path');
  const { cli } = require('./helpers');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-mem-'));
  try {
    for (let i = 0; i < 3; i++) fs.writeFileSync(path.join(dir, `d${i}.txt`), 'أمن الحدود في طرابلس. '.repeat(40000));
    const r = cli(['search', '--corpus', dir, '--memory-limit', '2', 'طرابلس']);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /out of memory: \d+ document\(s\) did not fit/);
    // Issue 14.2: a limit beyond what wasm addresses wrapped to 0 MB; it is refused with a reason.
    const huge = cli(['search', '--corpus', dir, '--memory-limit', '4096', 'طرابلس']);
    assert.equal(huge.status, 2);
    assert.match(huge.stderr, /--memory-limit: memory limit 4096 MB is more than the 1920 MB/);
    const ok = cli(['search', '--corpus', dir, 'طرابلس']);
    assert.equal(ok.status, 0, ok.stderr);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// Issue 14.1: when the core runs out of memory the wasm instance aborts; every engine on it is
// gone. The page then starts a fresh instance and reloads its previous collection from the index
// file it keeps. Here the abort is real: three 900 MB load buffers cannot all fit in 2 GiB.
test('memory: after the core aborts, calls say so, and a fresh instance loads the previous collection', async () => {
  const fresh = require('path').join(__dirname, '..', '..', 'build', 'wasm', 'mirsad-core.js');
  delete require.cache[require.resolve(fresh)];
  const isolated = require('../../web/js/mirsad.js');
  const engine = await isolated.create({ factory: require(fresh) });
  engine.addDocuments([{ id: 'a', text: 'اجتماع أمني في طرابلس' }]);
  const saved = engine.saveIndex();
  const hogs = [];
  for (let i = 0; i < 3; i++) hogs.push(await isolated.create({ factory: require(fresh) }));
  assert.throws(() => {
    for (const hog of hogs) hog._api.beginLoadIndexOfSize(900 * 1048576);
  }, /Mirsad core aborted/);
  assert.equal(isolated.hasAborted(), true);
  assert.throws(() => engine.search('طرابلس'), /Mirsad core stopped earlier/);
  assert.equal(isolated.restartAfterAbort(), true);
  const again = await isolated.create({ factory: require(fresh) });
  const loaded = await again.loadIndexInSlices(saved);
  assert.equal(loaded.documents, 1);
  assert.equal(again.search('طرابلس', { mode: 'word' }).total, 1);
});
