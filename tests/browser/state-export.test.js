'use strict';
// The page state in the URL (shareable, back/forward) and the CSV/JSON exports.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const { openPage, pageUrl } = require('./chromium');
const { engineWithSeeds, seedTexts } = require('../node/helpers');

test('URL state: a search, its level, a filter and the open document survive a reload; back closes the document', async (t) => {
  const { page, errors } = await openPage(t);
  await page.fill('#q', 'الجزائر');
  await page.selectOption('#mode', 'stem');
  await page.waitForSelector('#results [data-id]');
  const firstId = await page.getAttribute('#results [data-id]', 'data-id');
  await page.click('#results [data-id] a');
  await page.waitForSelector('#reader:not([hidden])');
  const hash = await page.evaluate(() => location.hash);
  const params = new URLSearchParams(hash.slice(1));
  assert.equal(params.get('q'), 'الجزائر');
  assert.equal(params.get('mode'), 'stem');
  assert.equal(params.get('doc'), firstId);

  // The link, opened afresh, restores all of it.
  const other = await page.context().newPage();
  await other.goto(pageUrl() + hash);
  await other.waitForSelector('body[data-ready="1"]');
  assert.equal(await other.inputValue('#q'), 'الجزائر');
  assert.equal(await other.inputValue('#mode'), 'stem');
  await other.waitForSelector('#reader:not([hidden])');
  assert.equal(await other.textContent('#count'), await page.textContent('#count'));
  assert.equal(await other.textContent('#reader-title'), await page.textContent('#reader-title'));
  await other.close();

  // Back: the document closes, the search stays.
  await page.goBack();
  await page.waitForSelector('#reader', { state: 'hidden' });
  assert.equal(await page.inputValue('#q'), 'الجزائر');
  // Forward: it opens again.
  await page.goForward();
  await page.waitForSelector('#reader:not([hidden])');

  // An entity filter in the link.
  const filtered = await page.context().newPage();
  await filtered.goto(pageUrl() + '#entity=' + encodeURIComponent('تونس'));
  await filtered.waitForSelector('body[data-ready="1"]');
  assert.equal(await filtered.isVisible('#entity-filter'), true);
  assert.equal((await filtered.textContent('#entity-filter-name')).trim(), 'تونس');
  await filtered.close();
  assert.deepEqual(errors, []);
});

test('export: results and entities as CSV and JSON, and no cell can become a formula', async (t) => {
  const engine = await engineWithSeeds();
  const texts = seedTexts();
  const { page, errors } = await openPage(t);
  await page.fill('#q', 'ليبيا');
  await page.waitForSelector('#results [data-id]');
  const ids = await page.locator('#results [data-id]').evaluateAll((els) => els.map((e) => e.dataset.id));

  const save = async (button) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    return fs.readFileSync(await download.path(), 'utf8');
  };
  const csv = await save('#export-results-csv');
  assert.equal(csv.charCodeAt(0), 0xFEFF, 'a byte-order mark, so spreadsheets read the Arabic');
  // What the file holds first (key,value rows), an empty row, then the table.
  const [head, table] = csv.slice(1).split('\r\n\r\n');
  assert.match(head, /^export,results\r\nquery,ليبيا\r\n/);
  assert.match(head, /\r\nmatch_level,word\r\n/);
  const lines = table.trim().split('\r\n');
  assert.equal(lines[0], 'rank,id,title,date,source,score,matches,snippet');
  assert.equal(lines.length - 1, ids.length);
  assert.ok(lines[1].startsWith('1,' + ids[0] + ','), lines[1]);

  const results = JSON.parse(await save('#export-results-json'));
  const expected = engine.search('ليبيا', { mode: 'word', limit: 100000 });
  assert.deepEqual(results.rows.map((r) => r.id), expected.hits.map((h) => String(h.id)));
  assert.deepEqual(results.rows.map((r) => r.matches), expected.hits.map((h) => h.matches.length));
  assert.equal(results.meta.query, 'ليبيا');
  assert.equal(results.meta.documents_total, expected.total);

  const entities = JSON.parse(await save('#export-entities-json'));
  assert.ok(entities.rows.length > 0);
  for (const e of entities.rows) assert.equal(texts.get(e.document).slice(e.start, e.end), e.text);
  const entityCsv = await save('#export-entities-csv');
  assert.equal(entityCsv.slice(1).split('\r\n\r\n')[1].trim().split('\r\n').length - 1, entities.rows.length);

  // CSV injection: text that starts like a formula is defused, quotes and commas are quoted.
  const cells = await page.evaluate(() => ['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', 'a,b', 'قال "نعم"', 'ليبيا']
    .map((v) => window.MirsadUI.csvCell(v)));
  assert.deepEqual(cells, ['"\'=HYPERLINK(""http://x"")"', "'+1", "'-2", "'@SUM(A1)", '"a,b"', '"قال ""نعم"""', 'ليبيا']);
  assert.deepEqual(errors, []);
});
