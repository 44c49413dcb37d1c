'use strict';
// entity:, event: and with: on 1,000 real articles (SaudiNewsNet when it is beside the clone,
// generated otherwise). These filters test what is extracted from every candidate document, and
// the page's first event:MEET once held its main thread for 2.6 s while its own engine extracted
// them all. Now the worker prepares them, a batch at a time with its progress shown, and the page's
// engine adopts the verdicts: the long tasks over the whole window, from Enter to the results,
// stay short, and the results are the core's.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { openPage, screenshotPath } = require('./chromium');
const { realCorpus } = require('./real-corpus');
const { watch, longestTaskDuring, waitIdle, FREEZE_MS } = require('./long-tasks');
const Mirsad = require('../../web/js/mirsad.js');

const PREPARING = /جارٍ قراءة الكيانات والأحداث للتصفية/;

// Enter on q, then the settled results: the count is no longer the preparation's progress.
async function search(page, q) {
  await page.fill('#q', q);
  await page.press('#q', 'Enter');
  await page.waitForFunction((query) => document.getElementById('q').value === query && document.body.classList.contains('has-query') &&
    !/جارٍ/.test(document.getElementById('count').textContent) && document.querySelectorAll('#results .hit-item').length > 0, q, { timeout: 240000 });
}

test('1,000 real articles: the first event:, with: and entity: searches never freeze the page, and find what the core finds', async (t) => {
  const { docs, real } = realCorpus({ docs: 1000 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-filters-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, 'news.json'), JSON.stringify(docs));
  const engine = await Mirsad.create({ factory: require('../../build/wasm/mirsad-core.js') });
  engine.addDocuments(docs);
  // The party of the most documents' events, and a place: counts written as numbers (three or more).
  const documentsOf = new Map();
  for (const d of engine.events().documents) {
    for (const p of d.events.flatMap((e) => e.participants)) {
      if (!p.resolved) documentsOf.set(p.canonical, (documentsOf.get(p.canonical) || new Set()).add(d.id));
    }
  }
  // (The generated articles, without the corpus, name no party: their words stand in.)
  const party = [...documentsOf].sort((a, b) => b[1].size - a[1].size).map(([name]) => name)[0];
  const place = engine.entities().documents.flatMap((d) => d.entities).find((e) => e.type === 'LOCATION' && e.canonical);
  const queries = ['event:MEET', party ? `with:"${party}"` : 'وزير event:MEET',
    `entity:"${place ? place.canonical : 'ليبيا'}" -event:ATTACK`];
  const expected = queries.map((q) => engine.search(q, { limit: 10 }));
  for (let i = 0; i < queries.length; i++) assert.ok(expected[i].total > 2, `${queries[i]}: ${expected[i].total}`);

  const { page, errors } = await openPage(t);
  await page.setInputFiles('#file-input', path.join(dir, 'news.json'));
  await waitIdle(page, docs.length);
  // Every text the count shows, to see the preparation's progress go by.
  await page.evaluate(() => {
    window.__counts = [];
    new MutationObserver(() => window.__counts.push(document.getElementById('count').textContent))
      .observe(document.getElementById('count'), { childList: true, characterData: true, subtree: true });
  });
  await watch(page);
  for (let i = 0; i < queries.length; i++) {
    const started = Date.now();
    const longest = await longestTaskDuring(page, () => search(page, queries[i]));
    const shown = await page.locator('#results .hit-item').evaluateAll((els) => els.map((e) => e.dataset.id));
    const counts = await page.evaluate(() => window.__counts.splice(0));
    t.diagnostic(`${real ? 'SaudiNewsNet' : 'generated'} ×${docs.length}, ${queries[i]}: ${expected[i].total} documents in ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s; longest main-thread task ${longest.toFixed(0)} ms; ` +
      `preparation shown: ${counts.some((c) => PREPARING.test(c))}`);
    // A generous bound on the measured figure (printed above): the page must not freeze.
    assert.ok(longest < FREEZE_MS, `${queries[i]}: longest task ${longest} ms`);
    assert.match(await page.textContent('#count'), new RegExp(`\\b${expected[i].total.toLocaleString('en')}\\b`), queries[i]);
    assert.deepEqual(shown.slice(0, 10), expected[i].hits.map((h) => h.id), queries[i]);
    // The first query finds every document to extract: the worker prepared it, with its progress shown.
    if (i === 0) {
      assert.ok(counts.some((c) => PREPARING.test(c)), counts.join(' | '));
      await page.screenshot({ path: screenshotPath('page-filter-event-meet.png'), fullPage: false });
    }
  }
  assert.deepEqual(errors, []);
});

test('a new query while the worker prepares event: cancels it: the results are the new query\'s, never overwritten by the old', async (t) => {
  const { docs } = realCorpus({ docs: 400 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-filters-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, 'news.json'), JSON.stringify(docs));
  const engine = await Mirsad.create({ factory: require('../../build/wasm/mirsad-core.js') });
  engine.addDocuments(docs);
  const word = 'السعودية';
  const expected = engine.search(word, { limit: 10 });
  assert.ok(expected.total > 2);

  const { page, errors } = await openPage(t);
  await page.setInputFiles('#file-input', path.join(dir, 'news.json'));
  await waitIdle(page, docs.length);
  await page.fill('#q', 'event:ATTACK');
  await page.press('#q', 'Enter');
  await page.waitForFunction((re) => new RegExp(re).test(document.getElementById('count').textContent), PREPARING.source);
  // Before the worker is done: another query, without filters.
  await search(page, word);
  const settle = () => page.evaluate(() => ({ count: document.getElementById('count').textContent,
    ids: [...document.querySelectorAll('#results .hit-item')].map((e) => e.dataset.id) }));
  const now = await settle();
  assert.deepEqual(now.ids.slice(0, 10), expected.hits.map((h) => h.id));
  // Long enough for the cancelled preparation to have finished had it not been: the count and the
  // results are not touched again (no progress, no search run a second time).
  await page.evaluate(() => {
    window.__touched = 0;
    const observer = new MutationObserver((records) => { window.__touched += records.length; });
    for (const id of ['count', 'results']) observer.observe(document.getElementById(id), { childList: true, characterData: true, subtree: true });
  });
  await page.waitForTimeout(3000);
  assert.equal(await page.evaluate(() => window.__touched), 0);
  assert.deepEqual(await settle(), now);
  assert.equal(await page.inputValue('#q'), word);
  assert.deepEqual(errors, []);
});
