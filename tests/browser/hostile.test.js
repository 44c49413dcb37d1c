'use strict';
// A document full of markup is text everywhere: results, snippets, reader, keyword in context,
// entity panel, overview and exports. Nothing from it becomes an element or runs.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const { openPage } = require('./chromium');

const HOSTILE = 'عاجل <script>window.__pwned = 1</script> في طرابلس <img src=x onerror="window.__pwned = 2"> ' +
  '<a href="javascript:window.__pwned=3">رابط</a> </mark><b>غامق</b> &lt;i&gt; قال أحمد الشريف إن الوضع هادئ.';

test('hostile markup in a document renders as text everywhere, and nothing runs', async (t) => {
  const { page, errors } = await openPage(t);
  const before = await page.evaluate(() => ({ script: document.querySelectorAll('script').length, img: document.querySelectorAll('img').length }));
  await page.click('#paste-toggle');
  await page.fill('#paste-text', HOSTILE);
  await page.click('#paste-add');
  await page.waitForFunction(() => !document.body.dataset.loading && document.getElementById('load-progress').hidden
    && Number(document.body.dataset.documents) === 1, null, { timeout: 60000 });

  // Results and snippets.
  await page.fill('#q', 'طرابلس');
  await page.waitForSelector('#results [data-id]');
  const snippets = await page.locator('#results').textContent();
  assert.match(snippets, /<script>window.__pwned = 1<\/script>/);
  // Keyword in context.
  await page.click('#view-kwic');
  await page.waitForSelector('#kwic .kwic__line');
  assert.match(await page.locator('#kwic').textContent(), /<script>|<img src=x/);
  await page.click('#view-results');
  // Reader: open the pasted document.
  const pastedId = await page.locator('#results [data-id]').evaluateAll((els) => els.map((e) => e.dataset.id).find((id) => /نص-ملصق/.test(id)));
  await page.click(`#results [data-id="${pastedId}"] a`);
  await page.waitForSelector('#reader:not([hidden])');
  const readerText = await page.textContent('#reader-text');
  assert.ok(readerText.includes('<img src=x onerror="window.__pwned = 2">'), 'the reader shows the markup as text');
  assert.ok(readerText.includes('</mark><b>غامق</b> &lt;i&gt;'));
  // Entity panel (no query: the text shows entity colours).
  await page.fill('#q', '');
  await page.waitForSelector('#entities:not([hidden]) .entity');
  // Exports.
  await page.fill('#q', 'طرابلس');
  await page.waitForSelector('#results [data-id]');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-results-json')]);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.ok(exported.rows.some((r) => r.snippet.includes('<script>')), 'exports carry the text as it is');

  // Nothing from the document became an element, and nothing ran.
  const after = await page.evaluate(() => ({
    script: document.querySelectorAll('script').length, img: document.querySelectorAll('img').length,
    js: document.querySelectorAll('a[href^="javascript"]').length, b: document.querySelectorAll('#reader-text b, #results b').length,
    pwned: window.__pwned || 0,
  }));
  assert.deepEqual(after, { script: before.script, img: before.img, js: 0, b: 0, pwned: 0 });
  assert.deepEqual(errors, []);
});
