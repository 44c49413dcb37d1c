'use strict';
// Exports of every result, not of the hundred shown: on thousands of real articles loaded through
// the page, the results, their entities and every keyword-in-context line come out complete,
// with the query's metadata, made in the worker while the page stays responsive (the longest
// main-thread task over the whole export is printed; the assertion is a freeze guard). The
// overview covers the whole collection and every result the same way.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { openPage } = require('./chromium');
const { realCorpus } = require('./real-corpus');
const { watch, longestTaskSince, longestTaskDuring, waitIdle, FREEZE_MS } = require('./long-tasks');

const ARTICLES = 2500;

// RFC 4180, as a spreadsheet reads it: quoted cells may hold commas, quotes and line breaks.
function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

// The CSV export: metadata rows (key, value), one empty row, then the table with its header.
function readExportCsv(text) {
  assert.equal(text.charCodeAt(0), 0xFEFF, 'a byte-order mark, so spreadsheets read the Arabic');
  const rows = parseCsv(text.slice(1));
  const blank = rows.findIndex((r) => r.length === 1 && r[0] === '');
  assert.ok(blank > 0, 'an empty row between the metadata and the table');
  const meta = Object.fromEntries(rows.slice(0, blank));
  return { meta, header: rows[blank + 1], rows: rows.slice(blank + 2) };
}

async function loadArticles(t, page, count) {
  const { docs, real } = realCorpus({ docs: count });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-export-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, 'news.json'), JSON.stringify(docs));
  await page.setInputFiles('#file-input', path.join(dir, 'news.json'));
  await waitIdle(page, docs.length);  // the user's first files are a collection of their own
  return { docs, real };
}

async function save(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 240000 }), page.click(button)]);
  return fs.readFileSync(await download.path(), 'utf8');
}

// The page's engine, asked directly for every result of the settled query (not the live prefix).
function fullSearch(page, query) {
  return page.evaluate((q) => {
    const r = window.MirsadApp.state.engine.search(q, { mode: 'word', limit: 100000 });
    return { total: r.total, matches_total: r.matches_total, ids: r.hits.map((h) => String(h.id)) };
  }, query);
}

test('exports hold every result of the query, its entities and every keyword-in-context line, without freezing', async (t) => {
  const { page, errors } = await openPage(t);
  // The overview folded: its own reading in the worker (and its redraws) is measured by the last
  // test; this one measures the exports.
  await page.evaluate(() => { document.getElementById('overview').open = false; });
  await watch(page);  // before the load: its long tasks are not delivered late into the export's figure
  const { docs, real } = await loadArticles(t, page, ARTICLES);
  const query = real ? 'السعودية' : 'طرابلس';
  await page.fill('#q', query);
  await page.waitForSelector('#results [data-id]');
  const expected = await fullSearch(page, query);
  assert.ok(expected.total > 100, `a common query: ${expected.total} results, more than the hundred shown`);
  const collectionSize = Number(await page.evaluate(() => document.body.dataset.documents));

  // Results as CSV, the freeze measured over the whole export (click to saved file).
  let csvText = '';
  const longest = await longestTaskDuring(page, async () => { csvText = await save(page, '#export-results-csv'); });
  const csv = readExportCsv(csvText);
  t.diagnostic(`${docs.length} ${real ? 'SaudiNewsNet' : 'generated'} articles, «${query}»: ${expected.total} results exported ` +
    `as CSV; longest main-thread task over the whole export ${longest.toFixed(0)} ms`);
  assert.deepEqual(csv.header, ['rank', 'id', 'title', 'date', 'source', 'score', 'matches', 'snippet']);
  assert.equal(csv.rows.length, expected.total, 'one row per result, all of them');
  assert.deepEqual(csv.rows.map((r) => r[1]), expected.ids, 'in the order of the engine\'s full result list');
  assert.equal(csv.meta.query, query);
  assert.equal(csv.meta.match_level, 'word');
  assert.equal(Number(csv.meta.documents_total), expected.total);
  assert.equal(Number(csv.meta.matches_total), expected.matches_total);
  assert.equal(Number(csv.meta.collection_documents), collectionSize);
  assert.ok(!Number.isNaN(Date.parse(csv.meta.exported_at)));
  assert.ok(longest < FREEZE_MS, `the page froze during the export (longest task ${longest.toFixed(0)} ms)`);

  // Results as JSON: {meta, rows}, the same rows.
  const json = JSON.parse(await save(page, '#export-results-json'));
  assert.equal(json.rows.length, expected.total);
  assert.deepEqual(json.rows.map((r) => r.id), expected.ids);
  assert.deepEqual(json.rows.slice(0, 3).map((r) => r.rank), [1, 2, 3]);
  assert.equal(json.meta.documents_total, expected.total);
  assert.equal(json.meta.matches_total, expected.matches_total);
  assert.equal(json.meta.sort, 'relevance');
  assert.deepEqual(json.meta.entity_filter, []);
  const matchesSum = json.rows.reduce((n, r) => n + r.matches, 0);
  assert.equal(matchesSum, expected.matches_total, 'the rows\' matches add up to the query\'s');

  // Every keyword-in-context line: as many as the query's matches (the view shows 500 at most).
  const kwic = JSON.parse(await save(page, '#export-kwic-json'));
  assert.equal(kwic.rows.length, expected.matches_total);
  assert.equal(kwic.meta.rows, expected.matches_total);
  assert.equal(kwic.meta.kwic_order, 'document');
  const texts = new Map(docs.map((d) => [d.id, d.text]));
  for (const line of kwic.rows.slice(0, 200)) assert.equal(texts.get(line.id).slice(line.start, line.end), line.keyword);
  // In the order the view shows: sorted by the words to the left, as the core sorts its lines.
  await page.evaluate(() => { document.getElementById('kwic-order').value = 'left'; });
  const sorted = JSON.parse(await save(page, '#export-kwic-json'));
  assert.equal(sorted.meta.kwic_order, 'left');
  const shownSorted = await page.evaluate((q) => window.MirsadApp.state.engine.concordance(q, 'word', 5000, 6, 'left').lines
    .map((l) => l.id + ':' + l.start), query);
  assert.deepEqual(sorted.rows.slice(0, shownSorted.length).map((l) => l.id + ':' + l.start), shownSorted);
  await page.evaluate(() => { document.getElementById('kwic-order').value = 'document'; });
  const kwicCsv = readExportCsv(await save(page, '#export-kwic-csv'));
  assert.deepEqual(kwicCsv.header, ['id', 'start', 'end', 'left', 'keyword', 'right']);
  assert.equal(kwicCsv.rows.length, expected.matches_total);

  // The entities of every result document; a sample checked against the engine, mention by mention.
  const entities = JSON.parse(await save(page, '#export-entities-json'));
  assert.equal(entities.meta.entity_documents, expected.total, 'every result document was read');
  const byDoc = new Map();
  for (const e of entities.rows) {
    if (!byDoc.has(e.document)) byDoc.set(e.document, []);
    byDoc.get(e.document).push(e);
  }
  const results = new Set(expected.ids);
  for (const id of byDoc.keys()) assert.ok(results.has(id), `${id} is a result`);
  assert.ok(byDoc.size > expected.total * 0.8, `${byDoc.size} of ${expected.total} result documents have entities`);
  const sample = expected.ids.filter((_, i) => i % Math.ceil(expected.total / 12) === 0);
  const fromEngine = await page.evaluate((ids) => ids.map((id) => window.MirsadApp.state.engine.entities(id).documents[0].entities
    .map((e) => [e.type, e.start, e.end, e.canonical])), sample);
  sample.forEach((id, i) => assert.deepEqual((byDoc.get(id) || []).map((e) => [e.type, e.start, e.end, e.canonical]), fromEngine[i], id));

  // No query: every document of the collection, in the list's order.
  await page.fill('#q', '');
  await page.waitForSelector('#doc-list:not([hidden])');
  let allText = '';
  const longestAll = await longestTaskDuring(page, async () => { allText = await save(page, '#export-results-csv'); });
  const all = readExportCsv(allText);
  t.diagnostic(`the whole collection (${collectionSize} documents) exported as CSV; longest main-thread task ${longestAll.toFixed(0)} ms`);
  assert.equal(all.rows.length, collectionSize);
  assert.deepEqual(all.rows.map((r) => r[1]), await page.evaluate(() => window.MirsadApp.state.docs.map((d) => String(d.id))));
  assert.equal(all.meta.query, '');
  assert.ok(longestAll < FREEZE_MS, `the page froze during the export (longest task ${longestAll.toFixed(0)} ms)`);
  assert.deepEqual(errors, []);
});

test('an export can be cancelled, and an entity filter is recorded and honoured', async (t) => {
  const { page, errors } = await openPage(t);
  const { real } = await loadArticles(t, page, ARTICLES);
  // Cancel, midway through the entities of the whole collection (no query: every document).
  let downloaded = false;
  page.on('download', () => { downloaded = true; });
  await page.click('#export-entities-json');
  await page.waitForFunction(() => /تصدير الكيانات: [0-9,]+ من/.test(document.getElementById('export-status').textContent));
  await page.click('#export-cancel');
  await page.waitForFunction(() => /أُلغي التصدير/.test(document.getElementById('export-status').textContent));
  assert.equal(await page.isDisabled('#export-results-csv'), false);
  assert.equal(downloaded, false);

  const query = real ? 'الرياض' : 'طرابلس';
  await page.fill('#q', query);
  await page.waitForSelector('#results [data-id]');
  // An entity filter: the export has exactly the filtered results and says which filter.
  const place = real ? 'جدة' : 'تونس';
  await page.evaluate((name) => window.MirsadApp.setEntityFilter({ canonical: name, text: name, type: 'LOCATION' }), place);
  await page.waitForSelector('#entity-filter:not([hidden])');
  const expected = await fullSearch(page, `${query} entity:"${place}"`);
  assert.ok(expected.total > 0);
  const json = JSON.parse(await save(page, '#export-results-json'));
  assert.deepEqual(json.rows.map((r) => r.id), expected.ids);
  assert.deepEqual(json.meta.entity_filter, [place]);
  assert.equal(json.meta.query_run, `${query} entity:"${place}"`);
  assert.deepEqual(json.meta.filters.map((f) => [f.field, f.value]), [['entity', place]]);
  assert.deepEqual(errors, []);
});

test('the overview covers the whole collection and every result, filling in as it reads', async (t) => {
  // The worker's core starts afresh after the load at any size here (the default is past 128 MB of
  // wasm memory): the overview and its numbers below come from the restarted worker.
  const { page, errors } = await openPage(t, (p) => p.addInitScript(() => { window.MIRSAD_WORKER_RESTART_MB = 1; }));
  await watch(page);
  const { real } = await loadArticles(t, page, ARTICLES);
  const load = await longestTaskSince(page);
  const collectionSize = Number(await page.evaluate(() => document.body.dataset.documents));
  // While the worker reads, the panel says how far it has got; then that it covers everything.
  await page.evaluate(() => { document.getElementById('overview').open = true; });
  await page.waitForFunction((n) => new RegExp('على أساس [0-9,]+ من ' + n.toLocaleString('en') + ' مستند')
    .test(document.getElementById('overview-scope').textContent), collectionSize, { timeout: 120000 });
  await page.waitForFunction((n) => document.getElementById('overview-scope').textContent.includes('في المجموعة كلها (' + n),
    collectionSize, { timeout: 240000 });
  const longest = await longestTaskSince(page);
  t.diagnostic(`${collectionSize} documents: longest main-thread task over the load ${load.toFixed(0)} ms, then over the overview ${longest.toFixed(0)} ms`);
  assert.ok(longest < FREEZE_MS, `the page froze (longest task ${longest.toFixed(0)} ms)`);

  // Every result of a query: the same numbers as the core's overview of all of them.
  const query = real ? 'الهلال' : 'اجتماع';
  await page.fill('#q', query);
  await page.waitForSelector('#results [data-id]');
  const expected = await fullSearch(page, query);
  await page.waitForFunction((n) => document.getElementById('overview-scope').textContent.includes('في كل النتائج') &&
    document.getElementById('overview-scope').textContent.includes(String(n)), expected.total, { timeout: 240000 });
  const core = await page.evaluate((ids) => window.MirsadApp.state.engine.entityOverview(ids, 80), expected.ids);
  const drawn = await page.evaluate(() => window.MirsadApp.views.overview.data);
  assert.equal(drawn.documents, expected.total);
  assert.deepEqual(drawn.entities, core.entities);
  assert.deepEqual(drawn.matrix, core.matrix);
  const shown = page.locator('#overview-entities button[data-index="0"]');
  assert.equal((await shown.locator('.entity__count').textContent()).trim(), String(core.entities[0].documents));
  assert.equal(await page.locator('#overview-matrix .matrix__value').count(), core.pairs.length * 2);
  const restart = await page.evaluate(() => window.MirsadApp.workerHost().lastRestart || null);
  assert.ok(restart, 'the worker started its core afresh from the index it wrote');
  t.diagnostic(`the worker's wasm memory: ${(restart.before / 1048576).toFixed(0)} MB after the load, ` +
    `${(restart.after / 1048576).toFixed(0)} MB once restarted from the index`);
  assert.ok(restart.after < restart.before, 'and holds less memory than before');
  assert.deepEqual(errors, []);
});
