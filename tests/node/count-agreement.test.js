'use strict';
// One query, one count (issue 15): on 2,000 real articles (SaudiNewsNet when it is beside the
// clone, generated articles otherwise), search, the keyword-in-context view and the CLI report the
// same documents, matches in texts and matches in titles for the same query and match level; the
// matches counted are the ones highlighted; a trailing space or a pause in typing changes nothing.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { MODULE, Mirsad, cliJson } = require('./helpers');
const { realCorpus } = require('../browser/real-corpus');

const LEVELS = ['exact', 'normalized', 'word', 'stem'];

function queriesFor(docs) {
  const source = docs.find((d) => d.source).source;
  const month = docs.find((d) => d.date).date.slice(0, 7);
  return [
    'مصر', 'الأمن', 'الرياض', 'ليبيا', 'وزير',
    '"وزير الخارجية"', '"ولي العهد"',
    'مصر OR ليبيا', 'مصر OR مصر', '"في مصر" OR مصر', 'الأمن OR الأمنية',
    'مصر -ليبيا', 'الرياض -جدة',
    'ليب*', 'الأم*', 'السعودي*',
    'السعوديه~', 'الرياظ~',
    `مصر source:${source}`, `source:${source}`, `date:${month}`, `الأمن date:${month}`, `الرياض -source:${source}`,
    'مصر entity:"مصر"',
  ];
}

test('search, the concordance and the CLI agree on every count, at every level', async (t) => {
  const { docs, real } = realCorpus({ docs: 2000 });
  assert.ok(docs.length >= 2000, `${docs.length} articles`);
  const engine = await Mirsad.create({ factory: require(MODULE) });
  const report = engine.addDocuments(docs);
  assert.equal(report.errors.length, 0);
  t.diagnostic(`${docs.length} ${real ? 'SaudiNewsNet' : 'generated'} articles`);

  const queries = queriesFor(docs);
  let withMatches = 0, withTitleMatches = 0;
  for (const mode of LEVELS) {
    for (const q of queries) {
      const where = `«${q}» (${mode})`;
      const s = engine.search(q, { mode, limit: 100000 });
      const k = engine.concordance(q, mode, 5000, 3, 'document');
      assert.equal(s.hits.length, s.total, where);
      // The counts are the highlights: one per mark in the text, one per mark in the title.
      assert.equal(s.matches_total, s.hits.reduce((n, h) => n + h.matches.length, 0), `${where}: matches are the highlights`);
      assert.equal(s.title_matches_total, s.hits.reduce((n, h) => n + h.title_matches.length, 0), `${where}: title matches`);
      // The concordance: the same documents and matches; a line for each match, at its offsets.
      assert.deepEqual([k.total, k.matches_total, k.title_matches_total], [s.total, s.matches_total, s.title_matches_total],
        `${where}: concordance counts`);
      assert.equal(k.lines.length, Math.min(5000, s.matches_total), `${where}: a line per match`);
      if (!k.truncated) {
        const fromHits = s.hits.flatMap((h) => h.matches.map(([a, b]) => `${h.id}:${a}-${b}`)).sort();
        const fromLines = k.lines.map((l) => `${l.id}:${l.start}-${l.end}`).sort();
        assert.deepEqual(fromLines, fromHits, `${where}: the lines are the highlighted matches`);
      }
      // Settled is settled: a trailing space (typed or not) and the live flag change nothing.
      const spaced = engine.search(q + ' ', { mode, limit: 1, live: true });
      assert.equal(spaced.live_prefix, undefined, `${where}: no prefix after a space`);
      assert.deepEqual([spaced.total, spaced.matches_total], [s.total, s.matches_total], `${where}: trailing space`);
      if (s.matches_total > 0) withMatches++;
      if (s.title_matches_total > 0) withTitleMatches++;
    }
  }
  t.diagnostic(`${withMatches} of ${queries.length * LEVELS.length} query-level pairs with matches, ${withTitleMatches} with title matches`);
  assert.ok(withMatches >= queries.length * LEVELS.length / 2, 'the queries find something');
  assert.ok(withTitleMatches > 0, 'titles are counted');

  // Live search reads the word being typed as a prefix (never at the exact level) and says so.
  const typing = engine.search('ليب', { mode: 'word', live: true });
  assert.equal(typing.live_prefix, 'ليب');
  assert.ok(typing.total > engine.search('ليب', { mode: 'word' }).total, 'the prefix reading finds more while typing');
  assert.equal(engine.search('الأمن', { mode: 'exact', live: true }).live_prefix, undefined);
  assert.equal(engine.search('الأمن', { mode: 'exact', live: true }).matches_total,
    engine.search('الأمن', { mode: 'exact' }).matches_total, 'the exact level means the word as written');

  // The CLI (the same module, another process) on the same documents says the same.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-counts-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const corpus = path.join(dir, 'news.json');
  fs.writeFileSync(corpus, JSON.stringify(docs));
  const index = path.join(dir, 'news.mirsad');
  cliJson(['index', '--corpus', corpus, '--out', index]);
  for (const [q, mode] of [['مصر', 'word'], ['"وزير الخارجية"', 'stem'], ['مصر OR مصر', 'normalized'], ['الأم*', 'exact'],
    [queries[queries.length - 5], 'word']]) {
    const s = engine.search(q, { mode, limit: 1 });
    const cs = cliJson(['search', '--index', index, '--mode', mode, '--limit', '1', q]);
    const ck = cliJson(['concordance', '--index', index, '--mode', mode, '--limit', '10', q]);
    for (const r of [cs, ck]) {
      assert.deepEqual([r.total, r.matches_total, r.title_matches_total], [s.total, s.matches_total, s.title_matches_total],
        `CLI «${q}» (${mode})`);
    }
  }
});
