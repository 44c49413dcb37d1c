'use strict';
// Counts a journalist can quote (issue 15), in Chromium on 2,000 real articles (SaudiNewsNet when
// it is beside the clone, generated articles otherwise): the results' count is the keyword-in-
// context view's and the core's for the same query as written; the word being typed is read as a
// prefix only while typing, and says so; titles' matches are counted apart and highlighted; a
// filter-only query counts documents; an empty result says why and offers the nearest words.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { openPage, screenshotPath } = require('./chromium');
const { realCorpus } = require('./real-corpus');

async function waitIdle(page, count) {
  await page.waitForFunction((n) => !document.body.dataset.loading && !document.body.dataset.swapping &&
    document.getElementById('load-progress').hidden && Number(document.body.dataset.documents) === n, count, { timeout: 240000 });
}

// The core's own answer for a query as written, worded as the page words counts.
function coreCount(page, q, mode) {
  return page.evaluate(([query, m]) => window.MirsadUI.resultCount(
    window.MirsadApp.state.engine.search(query, { mode: m, limit: 1 })), [q, mode]);
}

// Types the query (keystrokes, not a paste) and waits until typing has settled.
async function typeQuery(page, q) {
  await page.fill('#q', '');
  await page.type('#q', q, { delay: 20 });
  await page.waitForFunction((query) => document.getElementById('q').value === query &&
    document.getElementById('count-live').hidden && !window.MirsadApp.state.live, q, { timeout: 5000 });
}

async function setMode(page, mode) {
  await page.selectOption('#mode', mode);
}

test('on 2,000 real articles the page counts what the core, the KWIC view and the CLI count', async (t) => {
  const { docs, real } = realCorpus({ docs: 2000 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-counts-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, 'news.json'), JSON.stringify(docs));
  const { page, errors } = await openPage(t);
  await page.setInputFiles('#file-input', path.join(dir, 'news.json'));
  await waitIdle(page, docs.length);  // the user's first files are a collection of their own
  t.diagnostic(`${docs.length} ${real ? 'SaudiNewsNet' : 'generated'} articles`);

  // Results and KWIC: the same count line, the core's, and a KWIC line for each match.
  const source = docs.find((d) => d.source).source;
  for (const [q, mode] of [['مصر', 'word'], ['مصر', 'exact'], ['"وزير الخارجية"', 'stem'], ['الرياض OR جدة', 'normalized'],
    ['مصر -ليبيا', 'word'], [`الأمن source:${source}`, 'word']]) {
    await setMode(page, mode);
    await typeQuery(page, q);
    const count = await page.textContent('#count');
    assert.equal(count, await coreCount(page, q, mode), `«${q}» (${mode}): the page's count is the core's as written`);
    await page.click('#view-kwic');
    await page.waitForSelector('#concordance:not([hidden])');
    const note = await page.textContent('#kwic-note');
    assert.ok(note.includes(count), `«${q}» (${mode}): KWIC «${note}» counts «${count}»`);
    const lines = await page.locator('#kwic li').count();
    const core = await page.evaluate(([query, m]) => window.MirsadApp.state.engine.search(query, { mode: m, limit: 1 }), [q, mode]);
    assert.equal(lines, Math.min(500, core.matches_total), `«${q}» (${mode}): a KWIC line per match`);
    await page.click('#view-results');
    t.diagnostic(`«${q}» (${mode}): ${count}`);
  }
  await setMode(page, 'word');

  // Typing: the prefix reading is shown as such, then dropped; the link never holds it.
  await page.fill('#q', '');
  await page.type('#q', 'ليب', { delay: 20 });
  await page.waitForFunction(() => !document.getElementById('count-live').hidden);
  assert.equal(await page.textContent('#count-live'), 'أثناء الكتابة: ليب…');
  const typingCount = await page.textContent('#count');
  await page.waitForFunction(() => document.getElementById('count-live').hidden, null, { timeout: 3000 });
  const settled = await page.textContent('#count');
  assert.equal(settled, await coreCount(page, 'ليب', 'word'), 'after the pause: the word as written');
  assert.notEqual(typingCount, settled, 'the prefix reading counted more while typing');
  assert.match(decodeURIComponent(await page.evaluate(() => location.hash)), /q=ليب(&|$)/);
  // Enter ends typing at once; a trailing space changes nothing.
  await page.type('#q', 'يا', { delay: 20 });
  await page.press('#q', 'Enter');
  assert.equal(await page.isHidden('#count-live'), true, 'Enter drops the prefix reading at once');
  assert.equal(await page.textContent('#count'), await coreCount(page, 'ليبيا', 'word'));
  await typeQuery(page, 'ليبيا ');
  assert.equal(await page.textContent('#count'), await coreCount(page, 'ليبيا', 'word'), 'a trailing space');
  // «حرفي»: never a prefix, even while typing.
  await setMode(page, 'exact');
  await page.fill('#q', '');
  await page.type('#q', 'الأمن', { delay: 20 });
  assert.equal(await page.isHidden('#count-live'), true);
  assert.equal(await page.textContent('#count'), await coreCount(page, 'الأمن', 'exact'));
  await setMode(page, 'word');

  // Titles: counted apart and highlighted in the list and the reader.
  const titleWord = real ? 'السعودية' : 'خبر';
  await typeQuery(page, titleWord);
  assert.match(await page.textContent('#count'), /في النصوص و.* في العناوين، في /);
  const titled = page.locator('#results .hit-item').filter({ has: page.locator('.item-title mark.hit') }).first();
  assert.ok(await titled.count() > 0, 'a title match is highlighted in the list');
  await titled.locator('a').click();
  await page.waitForSelector('#reader-title mark.hit');
  assert.ok((await page.locator('#reader-title mark.hit').count()) > 0, 'and in the reader');
  await page.screenshot({ path: screenshotPath('counts-titles.png') });
  await page.click('#reader-back');

  // A filter alone counts documents.
  await typeQuery(page, `source:${source}`);
  const n = await page.evaluate((s) => window.MirsadApp.state.engine.search('source:' + s, { limit: 1 }).total, source);
  assert.ok(n > 2);
  assert.match(await page.textContent('#count'), new RegExp(`^${n} مستند\\S* تطابق المرشّح$`));

  // A misspelling: nothing found, the nearest words offered; one click searches it.
  await typeQuery(page, 'الرياظ');
  assert.equal(await page.textContent('#count'), 'لا نتائج');
  await page.waitForSelector('#no-results:not([hidden]) .no-results__word');
  assert.match(await page.textContent('#no-results'), /هل تقصد: .*الرياض/);
  assert.match(await page.textContent('#no-results'), /الرياظ~/);
  await page.screenshot({ path: screenshotPath('counts-suggest.png') });
  await page.locator('#no-results .no-results__word', { hasText: /^الرياض/ }).first().click();
  assert.equal(await page.inputValue('#q'), 'الرياض');
  assert.equal(await page.isHidden('#no-results'), true);
  assert.equal(await page.textContent('#count'), await coreCount(page, 'الرياض', 'word'));
  assert.deepEqual(errors, []);
});

test('an empty result says why; the query syntax is one click away; pasted text is not a file', async (t) => {
  const { page, errors } = await openPage(t);
  await typeQuery(page, '-ليبيا');
  assert.match(await page.textContent('#no-results'), /علامة الطرح/);
  await typeQuery(page, 'sorce:okaz');
  assert.match(await page.textContent('#no-results'), /sorce:/);

  // «?»: opens the examples, focus on the first; Escape closes and returns to the button.
  await page.focus('#syntax-help-toggle');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#syntax-help:not([hidden])');
  assert.equal(await page.getAttribute('#syntax-help-toggle', 'aria-expanded'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.query), 'ليبيا تونس');
  await page.screenshot({ path: screenshotPath('syntax-help.png') });
  await page.keyboard.press('Escape');
  assert.equal(await page.isHidden('#syntax-help'), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'syntax-help-toggle');
  // An example fills the box and searches it.
  await page.click('#syntax-help-toggle');
  await page.click('#syntax-help button[data-query="ليب*"]');
  assert.equal(await page.inputValue('#q'), 'ليب*');
  assert.equal(await page.isHidden('#syntax-help'), true);
  assert.equal(await page.textContent('#count'), await coreCount(page, 'ليب*', 'word'));
  assert.ok(await page.locator('#results .hit-item').count() > 0);

  // A result clicked while a word is still being typed opens that result (the list is not redrawn
  // under the pointer when the box loses focus to it).
  await page.fill('#q', '');
  await page.type('#q', 'ليب', { delay: 20 });
  const firstId = await page.getAttribute('#results .hit-item', 'data-id');
  await page.click('#results .hit-item a');
  await page.waitForSelector('#reader:not([hidden])');
  assert.equal(await page.getAttribute('#reader', 'data-id'), firstId);
  await page.click('#reader-back');

  // Pasted text: «من نص ملصق», not «من ملف واحد».
  await page.click('#paste-toggle');
  await page.fill('#paste-text', 'شاهد صيادون بطريقاً تائهاً على شاطئ مدينة سرت صباح اليوم.');
  await page.click('#paste-add');
  await waitIdle(page, 1);  // pasted into the demo: a new collection of its own
  assert.match(await page.textContent('#load-status'), /أُضيف مستند واحد من نص ملصق؛/);
  assert.deepEqual(errors, []);
});
