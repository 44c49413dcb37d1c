'use strict';
// Importing a spreadsheet of real articles through the page: a .csv whose text column has a name
// the core does not know, so the field mapping form asks; the choice is remembered for the next
// file with the same fields; progress is reported in documents. The first file starts a collection
// of its own; the next ones are added to it.
const test = require('node:test');
const assert = require('node:assert/strict');
const { openPage, screenshotPath } = require('./chromium');
const { realCorpus } = require('./real-corpus');

const COLUMNS = ['ref', 'headline', 'story_body', 'published', 'publisher'];

function cell(s) { return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; }
// 2015-07-21 → 21/07/2015: the page must show it as ISO again.
function dayFirst(iso) { return iso ? iso.slice(8, 10) + '/' + iso.slice(5, 7) + '/' + iso.slice(0, 4) : ''; }
function toCsv(docs, columns) {
  const rows = docs.map((d) => {
    const values = { ref: d.ref, headline: d.title, story_body: d.text, published: dayFirst(d.date), publisher: d.source };
    return columns.map((c) => cell(values[c])).join(',');
  });
  return Buffer.from('\uFEFF' + [columns.join(',')].concat(rows).join('\r\n') + '\r\n');
}

async function waitIdle(page, count) {
  await page.waitForFunction((n) => !document.body.dataset.loading
    && document.getElementById('load-progress').hidden
    && Number(document.body.dataset.documents) === n, count, { timeout: 180000 });
}

test('a .csv of 2,000 real articles imports through the mapping form, which is remembered', async (t) => {
  const { docs, real } = realCorpus({ docs: 2050 });
  docs.forEach((d, i) => { d.ref = 'art-' + i; });
  const first = docs.slice(0, 2000);
  const second = docs.slice(2000);
  console.log(`# ${real ? 'real SaudiNewsNet' : 'generated'} articles: ${first.length} + ${second.length}`);

  const { page, errors } = await openPage(t);
  await page.evaluate(() => {
    window.__statuses = [];
    window.__formShown = 0;
    const status = document.getElementById('load-status');
    new MutationObserver(() => window.__statuses.push(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
    const panel = document.getElementById('mapping-panel');
    new MutationObserver(() => { if (!panel.hidden) window.__formShown++; }).observe(panel, { attributes: true, attributeFilter: ['hidden'] });
  });
  assert.equal(await page.getAttribute('#file-input', 'accept'), '.txt,.html,.htm,.json,.jsonl,.csv');

  // No column is known as the text: the form asks, with what was recognised preselected.
  await page.setInputFiles('#file-input', [{ name: 'articles.csv', mimeType: 'text/csv', buffer: toCsv(first, COLUMNS) }]);
  await page.waitForSelector('#mapping-panel:not([hidden]) #mapping-text');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'mapping-text', 'focus on the text select');
  assert.deepEqual(await page.evaluate(() => ['text', 'title', 'date', 'source', 'id'].map((r) => document.getElementById('mapping-' + r).value)),
    ['', 'headline', 'published', 'publisher', '']);
  assert.equal(await page.getAttribute('#mapping-text', 'aria-invalid'), 'true');
  assert.equal(await page.textContent('#mapping-title-sample'), first[0].title.replace(/\s+/g, ' '));
  assert.deepEqual(await page.locator('#mapping-text option').allTextContents(), ['— اختر حقل النص —', ...COLUMNS]);
  await page.selectOption('#mapping-text', 'story_body');
  await page.selectOption('#mapping-id', 'ref');
  assert.ok((await page.textContent('#mapping-text-sample')).length > 0, 'a sample of the chosen field');
  await page.screenshot({ path: screenshotPath('import-mapping-form.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: screenshotPath('import-mapping-form-phone.png'), fullPage: false });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.click('#mapping-apply');

  await waitIdle(page, first.length);
  assert.equal(await page.isHidden('#mapping-panel'), true);
  const statuses = await page.evaluate(() => window.__statuses);
  const counted = statuses.filter((s) => /^تحليل [\d,]+ من 2,000 مستند…/.test(s));
  console.log(`# progress lines in documents: ${counted.length} (${counted.slice(0, 3).join(' | ')})`);
  assert.ok(counted.length >= 1, 'progress in documents: ' + statuses.join(' | '));
  assert.match(await page.textContent('#load-status'), /أُضيف 2,?000|أُضيف ٢٠٠٠|أُضيف/);

  // A search finds an article by its title, and the reader shows its title, ISO date and source.
  const k = first.findIndex((d, i) => i > 100 && d.title.split(/\s+/).length >= 4 && d.date && d.source);
  const doc = first[k];
  const phrase = '"' + doc.title.split(/\s+/).slice(0, 4).join(' ').replace(/["«»]/g, '') + '"';
  await page.fill('#q', phrase);
  const item = page.locator(`#results .hit-item[data-id="${doc.ref}"] a`);
  await item.waitFor({ timeout: 30000 });
  await item.click();
  await page.waitForFunction((title) => document.getElementById('reader-title').textContent === title, doc.title);
  assert.equal(await page.textContent('#reader-meta .meta__date'), doc.date);
  assert.equal(await page.textContent('#reader-meta .meta__source'), doc.source);
  await page.screenshot({ path: screenshotPath('import-reader.png') });

  // The same fields in another order: the remembered mapping applies without asking.
  const shown = await page.evaluate(() => window.__formShown);
  await page.setInputFiles('#file-input', [{ name: 'more.csv', mimeType: 'text/csv',
    buffer: toCsv(second, ['published', 'story_body', 'publisher', 'ref', 'headline']) }]);
  await waitIdle(page, first.length + second.length);
  assert.equal(await page.evaluate(() => window.__formShown), shown, 'the form was not shown again');
  assert.equal(await page.evaluate(() => document.getElementById('doc-list') !== null), true);

  // «تعيين الحقول» asks even then, with the remembered choice preselected; cancelling adds nothing.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#mapping-button')]);
  await chooser.setFiles([{ name: 'again.csv', mimeType: 'text/csv', buffer: toCsv(second.slice(0, 2), COLUMNS) }]);
  await page.waitForSelector('#mapping-panel:not([hidden]) #mapping-text');
  assert.equal(await page.inputValue('#mapping-text'), 'story_body');
  assert.equal(await page.inputValue('#mapping-id'), 'ref');
  await page.click('#mapping-cancel');
  await page.waitForFunction(() => !document.body.dataset.loading);
  assert.match(await page.textContent('#load-status'), /لم يُضف أيّ مستند/);
  assert.equal(await page.evaluate(() => Number(document.body.dataset.documents)), first.length + second.length);

  // Records in SaudiNewsNet's own shape load without asking; the summary says which fields the
  // core took, and the url names each article.
  const own = second.slice(0, 3).map((d) => ({ source: d.source, url: d.url || 'http://x/' + d.ref, date_extracted: d.date + ' 08:15:00',
    title: d.title, author: '', content: d.text }));
  own.forEach((r, i) => { r.url += '#own-' + i; });
  await page.setInputFiles('#file-input', [{ name: 'own.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(own)) }]);
  await waitIdle(page, first.length + second.length + 3);
  assert.match(await page.textContent('#load-status'),
    /حقول \u2068own\.json\u2069: النص ← content، التاريخ ← date_extracted، المعرّف ← url\./);
  const held = await page.evaluate((id) => window.MirsadApp.state.byId.get(id) || null, own[0].url);
  assert.ok(held, 'the article is held under its url');
  assert.deepEqual([held.title, held.date, held.source], [own[0].title, own[0].date_extracted.replace(' ', 'T'), own[0].source]);
  assert.deepEqual(errors, []);
});
