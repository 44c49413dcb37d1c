'use strict';
// The page opens a static index folder from disk (issue 17): 3,000 real articles written by
// `mirsad index --static`, picked with the page's folder input (file://, the page's own CSP).
// Only the files a query needs are read (File.arrayBuffer calls are counted: the manifest on
// opening, a few dozen files a query, never the folder), the top 10 are the in-memory engine's,
// the reader shows the article with its words marked, and a folder that is not an index says so.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { openPage, screenshotPath, ROOT } = require('./chromium');
const { watch, longestTaskDuring, FREEZE_MS } = require('./long-tasks');
const { realCorpus } = require('./real-corpus');
const { MODULE, Mirsad } = require('../node/helpers');

// Counts the files the page reads (File.arrayBuffer) before any script of the page runs.
function countReads(page) {
  return page.addInitScript(() => {
    window.__reads = [];
    const read = File.prototype.arrayBuffer;
    File.prototype.arrayBuffer = function () {
      window.__reads.push(this.webkitRelativePath || this.name);
      return read.call(this);
    };
  });
}

async function searchWidget(page, query) {
  await page.evaluate((q) => {
    window.__reads = [];
    const input = document.querySelector('#disk-index-search').shadowRoot.querySelector('input');
    input.value = q;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  }, query);
  await page.waitForFunction(() => {
    const w = document.querySelector('#disk-index-search');
    return !w.dataset.searching && (w.shadowRoot.querySelector('.hit') || w.shadowRoot.querySelector('.error'));
  }, null, { timeout: 30000 });
  return page.evaluate(() => ({
    ids: [...document.querySelector('#disk-index-search').shadowRoot.querySelectorAll('.hit')].map((b) => b.dataset.id),
    reads: window.__reads.length,
  }));
}

test('the page searches a static index folder from disk, reading only what a query needs', async (t) => {
  const { docs, real } = realCorpus({ docs: 3000 });
  t.diagnostic(`${docs.length} ${real ? 'SaudiNewsNet' : 'generated'} articles`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-disk-index-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const corpus = path.join(dir, 'corpus.jsonl');
  fs.writeFileSync(corpus, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  const indexDir = path.join(dir, 'news-index');
  const written = JSON.parse(execFileSync(path.join(ROOT, 'scripts', 'mirsad'), ['index', '--corpus', corpus, '--static', indexDir, '--json'],
    { encoding: 'utf8' }));
  t.diagnostic(`index: ${written.files} files`);
  const engine = await Mirsad.create({ factory: require(MODULE) });
  engine.loadFile('corpus.jsonl', fs.readFileSync(corpus));

  const { page, errors } = await openPage(t, countReads);
  await watch(page);
  // The folder's files reach the input before its change event: with Playwright that is
  // DOM.setFileInputFiles, where the renderer makes a File of each of the thousands of paths on
  // its main thread (a picker in the browser hands over the list made). That window is printed;
  // the page's own work starts at the change event, and is what the freeze guard covers.
  await page.evaluate(() => document.getElementById('disk-index-input').addEventListener('change', () => {
    window.__changedAt = performance.now();
  }, true));
  const whole = await longestTaskDuring(page, async () => {
    await page.setInputFiles('#disk-index-input', indexDir);
    await page.waitForSelector('#disk-index-search[data-ready="1"]', { timeout: 30000 });
  });
  const openPause = await page.evaluate(() => window.__longTasks.filter((e) => e.start >= window.__changedAt)
    .reduce((m, e) => Math.max(m, e.duration), 0));
  t.diagnostic(`picking the folder: longest task ${whole.toFixed(0)} ms with the files' delivery, ${openPause.toFixed(0)} ms from the change event to ready`);
  assert.equal(await page.locator('#disk-index-panel').isVisible(), true);
  assert.equal(await page.locator('#disk-index-name').textContent(), 'news-index');
  const countText = await page.evaluate(() => document.querySelector('#disk-index-search').shadowRoot.querySelector('.count').textContent);
  assert.match(countText, /3[,٬]?000|٣٬?٠٠٠/, countText);
  const openedWith = await page.evaluate(() => window.__reads);
  assert.deepEqual(openedWith, ['news-index/manifest.json'], 'opening reads the manifest alone');

  let longest = openPause;
  for (const query of ['وزير الخارجية', 'الرياض', '"ولي العهد"', 'السعودي*']) {
    let shown;
    const pause = await longestTaskDuring(page, async () => { shown = await searchWidget(page, query); });
    longest = Math.max(longest, pause);
    const expected = engine.search(query, { mode: 'word', limit: 10 }).hits.map((h) => String(h.id));
    assert.deepEqual(shown.ids, expected, `«${query}»: the in-memory engine's top 10`);
    assert.ok(shown.reads > 0 && shown.reads < 60, `«${query}» read ${shown.reads} of ${written.files} files`);
    t.diagnostic(`«${query}»: ${shown.reads} files read, longest task ${pause.toFixed(0)} ms`);
  }
  t.diagnostic(`longest main-thread task while opening and searching: ${longest.toFixed(0)} ms (guard ${FREEZE_MS} ms)`);
  assert.ok(longest < FREEZE_MS, `a ${longest} ms pause`);

  // The reader: the article's text, the query's words marked.
  const reader = await page.evaluate(() => {
    const root = document.querySelector('#disk-index-search').shadowRoot;
    root.querySelector('.hit').click();
    const r = root.querySelector('.reader');
    return { hidden: r.hidden, marks: r.querySelectorAll('mark').length, text: r.textContent.length };
  });
  assert.equal(reader.hidden, false);
  assert.ok(reader.marks > 0 && reader.text > 100, JSON.stringify(reader));
  await page.screenshot({ path: screenshotPath('disk-index.png'), fullPage: true });

  // A folder without a manifest is not an index: said, and nothing is searched.
  const notIndex = path.join(dir, 'not-an-index');
  fs.mkdirSync(notIndex);
  fs.writeFileSync(path.join(notIndex, 'a.txt'), 'ليبيا');
  await page.setInputFiles('#disk-index-input', notIndex);
  await page.waitForFunction(() => document.getElementById('disk-index-status').dataset.kind === 'error');
  assert.match(await page.locator('#disk-index-status').textContent(), /manifest\.json/);
  assert.equal(await page.locator('#disk-index-search').count(), 0);

  // A damaged file gives the widget's error naming it, and the page keeps working.
  const damaged = path.join(dir, 'damaged-index');
  fs.cpSync(indexDir, damaged, { recursive: true });
  const chunk = fs.readdirSync(damaged).find((f) => f.startsWith('postings-word'));
  for (const f of fs.readdirSync(damaged).filter((f) => f.startsWith('postings-word'))) fs.writeFileSync(path.join(damaged, f), 'not gzip');
  await page.setInputFiles('#disk-index-input', damaged);
  await page.waitForSelector('#disk-index-search[data-ready="1"]', { timeout: 30000 });
  await searchWidget(page, 'الرياض');
  const error = await page.evaluate(() => document.querySelector('#disk-index-search').shadowRoot.querySelector('.error').textContent);
  assert.match(error, /تعذّر البحث في الفهرس/);
  assert.ok(/postings-word/.test(error), `${error} (e.g. ${chunk})`);
  assert.deepEqual(errors, []);
});
