'use strict';
// <mirsad-search corpus="…"> over 1,000 real articles (SaudiNewsNet when it is beside the clone,
// generated otherwise): entity:, event: and with: test what is extracted from every candidate
// document, and the widget's first event:MEET once extracted them all in one task on the host
// page's thread. Now it reads them in slices with the progress in its count: the long tasks over
// the whole window, from typing to the results, stay short, and the results are the core's; a
// query typed while it reads cancels the reading.
const test = require('node:test');
const assert = require('node:assert/strict');
const { openUrl, serveWeb, screenshotPath } = require('./chromium');
const { realCorpus } = require('./real-corpus');
const { watch, longestTaskDuring, FREEZE_MS } = require('./long-tasks');
const Mirsad = require('../../web/js/mirsad.js');

const PREPARING = /جارٍ قراءة الكيانات والأحداث للتصفية/;
const PAGE = '<!doctype html><html lang="ar"><head><meta charset="utf-8"><link rel="icon" href="data:,">' +
  '<script src="/mirsad-widget.js"></script></head><body><mirsad-search id="w" corpus="/news.json"></mirsad-search></body></html>';

// The test page and the corpus over HTTP (the widget loads in a worker then).
async function openWidget(t, docs) {
  const base = await serveWeb(t, { '/test.html': ['text/html; charset=utf-8', PAGE], '/news.json': ['application/json', JSON.stringify(docs)] });
  const { page, errors } = await openUrl(t, base + '/test.html');
  await page.waitForSelector('#w[data-ready="1"]', { timeout: 120000 });
  // Every text the count shows, to see the reading's progress go by.
  await page.evaluate(() => {
    window.__counts = [];
    new MutationObserver(() => window.__counts.push(document.getElementById('w').shadowRoot.querySelector('.count').textContent))
      .observe(document.getElementById('w').shadowRoot.querySelector('.count'), { childList: true, characterData: true, subtree: true });
  });
  return { page, errors };
}

const shownState = (page) => page.evaluate(() => {
  const root = document.getElementById('w').shadowRoot;
  return { count: root.querySelector('.count').textContent, ids: [...root.querySelectorAll('.hit')].map((b) => b.dataset.id) };
});

// Types q, then waits for the settled results (typing over, nothing being read).
async function search(page, q) {
  await page.fill('#w input', q);
  await page.waitForFunction(() => {
    const w = document.getElementById('w');
    const count = w.shadowRoot.querySelector('.count').textContent;
    return !w.dataset.searching && !/جارٍ|أثناء الكتابة/.test(count) && w.shadowRoot.querySelectorAll('.hit').length > 0;
  }, null, { timeout: 240000 });
}

test('the widget over 1,000 real articles: the first event:, with: and entity: searches never freeze the host page, and find what the core finds', async (t) => {
  const { docs, real } = realCorpus({ docs: 1000 });
  const engine = await Mirsad.create({ factory: require('../../build/wasm/mirsad-core.js') });
  engine.addDocuments(docs);
  const place = engine.entities().documents.flatMap((d) => d.entities).find((e) => e.type === 'LOCATION' && e.canonical);
  const queries = ['event:MEET', `entity:"${place ? place.canonical : 'ليبيا'}" -event:ATTACK`];
  const expected = queries.map((q) => engine.search(q, { limit: 50 }));
  for (let i = 0; i < queries.length; i++) assert.ok(expected[i].total > 2, `${queries[i]}: ${expected[i].total}`);

  const { page, errors } = await openWidget(t, docs);
  await watch(page);
  for (let i = 0; i < queries.length; i++) {
    const started = Date.now();
    const longest = await longestTaskDuring(page, () => search(page, queries[i]));
    const now = await shownState(page);
    const counts = await page.evaluate(() => window.__counts.splice(0));
    t.diagnostic(`widget, ${real ? 'SaudiNewsNet' : 'generated'} ×${docs.length}, ${queries[i]}: ${expected[i].total} documents in ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s; longest main-thread task ${longest.toFixed(0)} ms; ` +
      `progress shown: ${counts.some((c) => PREPARING.test(c))}`);
    // A generous bound on the measured figure (printed above): the host page must not freeze.
    assert.ok(longest < FREEZE_MS, `${queries[i]}: longest task ${longest} ms`);
    assert.match(now.count, new RegExp(`\\b${expected[i].total.toLocaleString('en')}\\b`), queries[i]);
    assert.deepEqual(now.ids, expected[i].hits.map((h) => String(h.id)), queries[i]);
    if (i === 0) {
      assert.ok(counts.some((c) => PREPARING.test(c)), counts.join(' | '));
      await page.screenshot({ path: screenshotPath('widget-filter-event-meet.png'), fullPage: false });
    }
  }
  assert.deepEqual(errors, []);
});

test('a query typed while the widget reads event: cancels the reading: the results are the new query\'s, never overwritten', async (t) => {
  const { docs } = realCorpus({ docs: 400 });
  const engine = await Mirsad.create({ factory: require('../../build/wasm/mirsad-core.js') });
  engine.addDocuments(docs);
  const word = 'السعودية';
  const expected = engine.search(word, { limit: 50 });
  assert.ok(expected.total > 2);

  const { page, errors } = await openWidget(t, docs);
  await page.fill('#w input', 'event:ATTACK');
  await page.waitForFunction((re) => new RegExp(re).test(document.getElementById('w').shadowRoot.querySelector('.count').textContent),
    PREPARING.source, { timeout: 60000 });
  await search(page, word);
  const now = await shownState(page);
  assert.deepEqual(now.ids, expected.hits.map((h) => String(h.id)));
  // Long enough for the cancelled reading to have finished had it not been: nothing is touched again.
  await page.evaluate(() => {
    window.__touched = 0;
    const root = document.getElementById('w').shadowRoot;
    const observer = new MutationObserver((records) => { window.__touched += records.length; });
    for (const sel of ['.count', 'ol, ul']) observer.observe(root.querySelector(sel), { childList: true, characterData: true, subtree: true });
  });
  await page.waitForTimeout(3000);
  assert.equal(await page.evaluate(() => window.__touched), 0);
  assert.deepEqual(await shownState(page), now);
  assert.deepEqual(errors, []);
});
