// The archive-search options through the module's JS face and the CLI: sort by date over every
// match, date ranges, source and day facets; and their cost over the whole real corpus (printed).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { MODULE, Mirsad, cli, cliJson } = require('./helpers');
const { realCorpus } = require('../browser/real-corpus');

// Twelve articles over three weeks from three papers; one undated.
const ARTICLES = Array.from({ length: 12 }, (_, i) => ({
  id: `n${i}`,
  text: `قال وزير الداخلية إن الأمن مستتب في المنطقة رقم ${i}` + (i % 3 === 0 ? ' والحدود آمنة' : ''),
  date: i === 11 ? '' : `2015-07-${String(1 + ((i * 5) % 21)).padStart(2, '0')} 0${i % 10}:00:00`,
  source: ['okaz', 'sabq', 'alriyadh'][i % 3],
}));

async function engineWith(docs) {
  const engine = await Mirsad.create({ factory: require(MODULE) });
  engine.addDocuments(docs);
  return engine;
}

const dateOf = (engine) => new Map(engine.documents().map((d) => [d.id, d.date]));

test('sort by date orders every match newest or oldest first, undated last, whatever the limit', async () => {
  const engine = await engineWith(ARTICLES);
  const dates = dateOf(engine);
  const all = engine.search('الأمن', { sort: 'date', limit: 100 });
  assert.equal(all.sort, 'date');
  assert.equal(all.hits.length, 12);
  const seen = all.hits.map((h) => dates.get(h.id));
  assert.equal(seen[11], '', 'the undated article comes last');
  for (let i = 1; i < 11; i++) assert.ok(seen[i - 1] >= seen[i], `non-increasing: ${seen[i - 1]} then ${seen[i]}`);
  const newest = [...dates.values()].filter(Boolean).sort().pop();
  assert.equal(dates.get(engine.search('الأمن', { sort: 'date', limit: 1 }).hits[0].id), newest, 'over every match, not the best few');
  const oldest = engine.search('الأمن', { sort: 'date-asc', limit: 100 }).hits.map((h) => dates.get(h.id));
  assert.deepEqual(oldest.slice(0, 11), seen.slice(0, 11).reverse());
  assert.equal(engine.search('الأمن').sort, 'relevance');
  // Filters alone sort too.
  const okaz = engine.search('source:okaz', { sort: 'date-asc', limit: 100 }).hits.map((h) => dates.get(h.id));
  assert.deepEqual(okaz, okaz.slice().sort());
});

test('a date range keeps its matches in it, and the day histogram sums to its total', async () => {
  const engine = await engineWith(ARTICLES);
  const dates = dateOf(engine);
  const ranged = engine.search('الأمن date:2015-07-05..2015-07-15', { limit: 100, facets: true });
  assert.ok(ranged.total > 0);
  for (const h of ranged.hits) {
    const day = dates.get(h.id).slice(0, 10);
    assert.ok(day >= '2015-07-05' && day <= '2015-07-15', `${h.id} on ${day}`);
  }
  const inRange = ranged.facets.dates.filter((d) => d.date >= '2015-07-05' && d.date <= '2015-07-15');
  assert.equal(inRange.reduce((n, d) => n + d.documents, 0), ranged.total);
  assert.equal(ranged.facets.undated, 1, 'the histogram is not cut by its own range');
  const open = engine.search('date:2015-07-15..', { limit: 100 });
  assert.ok(open.hits.every((h) => dates.get(h.id).slice(0, 10) >= '2015-07-15'));
  const bad = engine.search('الأمن date:2015-07-32..');
  assert.equal(bad.total, 12);
  assert.match(bad.warnings.join(' '), /date:2015-07-32\.\. was ignored.*date:2015-07-01\.\.2015-07-15/);
});

test('source facets count before the source filter, and a chosen source gives its count as the total', async () => {
  const engine = await engineWith(ARTICLES);
  const open = engine.search('الحدود', { facets: true });
  assert.deepEqual(open.facets.sources, [{ value: 'okaz', documents: 4 }]);
  const all = engine.search('الأمن', { facets: true });
  assert.deepEqual(all.facets.sources.map((s) => s.documents), [4, 4, 4]);
  for (const s of all.facets.sources) {
    const chosen = engine.search(`الأمن source:${s.value}`, { facets: true });
    assert.equal(chosen.total, s.documents);
    assert.deepEqual(chosen.facets.sources, all.facets.sources, 'the other sources stay listed');
  }
  const whole = engine.search('', { facets: true });
  assert.equal(whole.total, 0);
  assert.equal(whole.facets.dates.reduce((n, d) => n + d.documents, 0) + whole.facets.undated, 12, 'no query: the whole collection');
});

test('CLI: --sort date and --facets, usage errors for an unknown sort', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-sort-'));
  const file = path.join(dir, 'news.json');
  fs.writeFileSync(file, JSON.stringify(ARTICLES));
  const dates = new Map(ARTICLES.map((a) => [a.id, a.date]));
  const byDate = cliJson(['search', '--corpus', file, '--sort', 'date', '--limit', '5', 'الأمن']);
  assert.equal(byDate.sort, 'date');
  const newestFirst = ARTICLES.map((a) => a.date).filter(Boolean).sort().reverse().slice(0, 5);
  assert.deepEqual(byDate.hits.map((h) => dates.get(h.id)), newestFirst);
  const oldest = cliJson(['search', '--corpus', file, '--sort', 'date-asc', '--limit', '1', '--facets', 'الأمن']);
  assert.equal(dates.get(oldest.hits[0].id), ARTICLES.map((a) => a.date).filter(Boolean).sort()[0]);
  assert.equal(oldest.facets.sources.length, 3);
  const human = cli(['search', '--corpus', file, '--sort', 'date', '--facets', '--limit', '2', 'الأمن']);
  assert.equal(human.status, 0, human.stderr);
  assert.match(human.stdout, /by date/);
  assert.match(human.stdout, /sources: okaz 4, alriyadh 4, sabq 4|sources: alriyadh 4, okaz 4, sabq 4/);
  // The CLI prints the date as the core keeps it: ISO 8601 (2015-07-21 04:00:00 → 2015-07-21T04:00:00).
  assert.match(human.stdout, new RegExp(newestFirst[0].replace(' ', 'T')));
  const bad = cli(['search', '--corpus', file, '--sort', 'popularity', 'الأمن']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--sort must be one of relevance, date, date-asc/);
});

test('facets and date sort over the whole corpus stay fast (timings printed)', async (t) => {
  const { docs, real } = realCorpus({ docs: 31030 });
  const engine = await Mirsad.create({ factory: require(MODULE) });
  let t0 = performance.now();
  for (let i = 0; i < docs.length; i += 2000) engine.addDocuments(docs.slice(i, i + 2000));
  const loadMs = performance.now() - t0;
  const time = (q, options) => {
    engine.search(q, options);  // first use builds what searching caches
    const runs = [];
    let result;
    for (let i = 0; i < 5; i++) {
      t0 = performance.now();
      result = engine.search(q, options);
      runs.push(performance.now() - t0);
    }
    return { ms: runs.sort((a, b) => a - b)[2], result };
  };
  const rows = [];
  for (const q of ['', 'السعودية', 'الرياض', 'date:2015-07-25..2015-08-05', 'الأمن source:okaz']) {
    const plain = time(q, { limit: 100 });
    const byDate = time(q, { limit: 100, sort: 'date' });
    const withFacets = time(q, { limit: 100, sort: 'date', facets: true });
    rows.push(`«${q}» ${withFacets.result.total} matches: relevance ${plain.ms.toFixed(1)} ms, by date ${byDate.ms.toFixed(1)} ms, by date + facets ${withFacets.ms.toFixed(1)} ms`);
    if (q) assert.equal(byDate.result.total, plain.result.total);
    const f = withFacets.result.facets;
    if (!q) assert.equal(f.dates.reduce((n, d) => n + d.documents, 0) + f.undated, docs.length);
  }
  t.diagnostic(`${docs.length} ${real ? 'real' : 'generated'} articles indexed in ${(loadMs / 1000).toFixed(1)} s (median of 5 runs each):`);
  for (const r of rows) t.diagnostic(r);
});
