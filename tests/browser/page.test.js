'use strict';
// The page opened straight from disk (file://, no server) in Debian's Chromium.
const test = require('node:test');
const assert = require('node:assert/strict');
const { openPage, screenshotPath } = require('./chromium');
const { engineWithSeeds, seedTexts } = require('../node/helpers');

test('search as you type from file://: results, highlights and entities agree with the core', async (t) => {
  const expectedEngine = await engineWithSeeds();
  const texts = seedTexts();
  const query = 'ليبيا';
  // What the page shows once typing pauses: the query as written.
  const expected = expectedEngine.search(query, { mode: 'word', limit: 1000 });

  const warnings = [];
  const { page, errors } = await openPage(t, (p) => {
    p.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  });

  // Arabic, right to left, in the bundled font.
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  await page.evaluate(() => document.fonts.ready);
  assert.ok(await page.evaluate(() => document.fonts.check('20px "Noto Naskh Arabic"', 'ليبيا')),
    'Noto Naskh Arabic is loaded');
  assert.equal(await page.locator('#doc-list [data-id]').count(), texts.size, 'all bundled documents listed');

  // Type one key at a time: every keystroke searches.
  await page.click('#q');
  // Every keystroke searches, and a word still being typed already finds (ليب → ليبيا).
  await page.keyboard.type(query.slice(0, 3), { delay: 30 });
  await page.waitForFunction(() => document.querySelectorAll('#results .hit-item').length > 0, null, { timeout: 10000 });
  await page.keyboard.type(query.slice(3), { delay: 30 });
  await page.waitForFunction(() => !window.MirsadApp.state.live, null, { timeout: 10000 });  // typing paused
  await page.waitForFunction((n) => document.querySelectorAll('#results .hit-item').length === n,
    expected.total, { timeout: 10000 });
  const ids = await page.locator('#results .hit-item').evaluateAll((els) => els.map((e) => e.dataset.id));
  assert.deepEqual(ids, expected.hits.map((h) => h.id), 'same documents, same ranking as the core');
  assert.match(await page.textContent('#count'), new RegExp(String(expected.total)));

  // Snippet marks are the query word.
  const snippetMarks = await page.locator('#results .hit-item').first().locator('mark').allTextContents();
  assert.ok(snippetMarks.length > 0, 'snippet has highlights');

  // Open the best hit: the reader shows the full text with every match highlighted.
  const best = expected.hits[0];
  await page.locator('#results .hit-item').first().click();
  await page.waitForFunction((n) => document.querySelectorAll('#reader-text mark.hit').length === n,
    best.matches.length, { timeout: 10000 });
  const text = texts.get(best.id);
  assert.equal(await page.textContent('#reader-text'), text, 'reader shows the document text exactly');
  const marks = await page.locator('#reader-text mark.hit').allTextContents();
  assert.deepEqual(marks, best.matches.map(([s, e]) => text.slice(s, e)));
  // The marks sit at the reported offsets: the text before each mark has exactly `start` units.
  const starts = await page.evaluate(() => {
    const root = document.getElementById('reader-text');
    return Array.from(root.querySelectorAll('mark.hit')).map((m) => {
      const range = document.createRange();
      range.setStart(root, 0);
      range.setEndBefore(m);
      return range.toString().length;
    });
  });
  assert.deepEqual(starts, best.matches.map(([s]) => s));

  assert.ok(await page.locator('#entities').count() === 1);
  await page.screenshot({ path: screenshotPath('page-search.png'), fullPage: false });
  assert.deepEqual(errors, [], 'no console errors');
  assert.deepEqual(warnings.filter((w) => /index refused/.test(w)), [], 'the bundled index was loaded, not re-analysed');
});

test('a click on an entity filters the results to the documents that mention it', async (t) => {
  const expectedEngine = await engineWithSeeds();
  const { page, errors } = await openPage(t);

  // Open a document (no query): its entity panel lists what the core found.
  await page.locator('#doc-list [data-id]').first().click();
  await page.waitForSelector('#entities button.entity');
  // Pick the entity mentioned in the fewest documents, so that the filter visibly narrows.
  const candidates = await page.locator('#entities button.entity').evaluateAll((els) =>
    els.map((e) => ({ canonical: e.dataset.canonical, type: e.dataset.type })));
  const scored = candidates.map((c) => ({ ...c, total: expectedEngine.search(`entity:"${c.canonical}"`, { limit: 100 }).total }));
  scored.sort((a, b) => a.total - b.total);
  const pick = scored[0];
  assert.ok(pick.total >= 1 && pick.total < 5, `an entity found in some but not all documents (${pick.canonical}: ${pick.total})`);
  const expected = expectedEngine.search(`entity:"${pick.canonical}"`, { limit: 100 });

  await page.locator(`#entities button.entity[data-canonical="${pick.canonical}"]`).first().click();
  await page.waitForSelector('#entity-filter:not([hidden])');
  assert.equal(await page.textContent('#entity-filter-name'), pick.canonical);
  await page.waitForFunction((n) => document.querySelectorAll('#results .hit-item').length === n, expected.total, { timeout: 10000 });
  const ids = await page.locator('#results .hit-item').evaluateAll((els) => els.map((e) => e.dataset.id));
  assert.deepEqual(ids, expected.hits.map((h) => h.id), 'the documents the core finds for entity:"…"');
  for (const id of ids) {
    const found = expectedEngine.entities(id).documents[0].entities;
    assert.ok(found.some((e) => e.canonical === pick.canonical || e.text === pick.canonical), `${id} mentions ${pick.canonical}`);
  }

  // Typing narrows further within the filter; clearing the chip restores every document.
  await page.click('#q');
  await page.keyboard.type('ليبيا');
  const both = expectedEngine.search(`ليبيا entity:"${pick.canonical}"`, { limit: 100 });
  await page.waitForFunction(() => !window.MirsadApp.state.live, null, { timeout: 10000 });
  await page.waitForFunction((n) => document.querySelectorAll('#results .hit-item').length === n, both.total, { timeout: 10000 });
  await page.screenshot({ path: screenshotPath('page-entity-filter.png'), fullPage: false });
  await page.fill('#q', '');
  await page.click('#entity-filter-clear');
  await page.waitForSelector('#entity-filter', { state: 'hidden' });
  await page.waitForFunction(() => !document.body.classList.contains('has-query'));
  assert.deepEqual(errors, [], 'no console errors');
});

// Enter opens the first result and then steps through its matches; after a new query it opens
// that query's first result instead (a new user found the reader left on the old document, saying
// «لا تطابقات في هذا المستند», after a second search), and with no result it closes the reader.
test('Enter after a new query opens its first result, or closes the reader when there is none', async (t) => {
  const engine = await engineWithSeeds();
  const { page, errors } = await openPage(t);
  const openId = () => page.evaluate(() => window.MirsadApp.state.openId);
  const firstOf = (q) => String(engine.search(q, { limit: 1 }).hits[0].id);
  const enter = async (q) => {
    await page.fill('#q', q);
    await page.press('#q', 'Enter');
    await page.waitForFunction((query) => window.MirsadApp.state.query === query && !window.MirsadApp.state.live, q);
  };
  await enter('ليبيا');
  assert.equal(await openId(), firstOf('ليبيا'));
  const position = await page.textContent('#reader-pos');
  await page.press('#q', 'Enter');  // the same query: the next match of the open document
  assert.equal(await openId(), firstOf('ليبيا'));
  assert.notEqual(await page.textContent('#reader-pos'), position);

  // A query whose best document is another one.
  const other = ['تونس', 'الجزائر', 'مصر', 'الإرهاب'].find((q) => firstOf(q) !== firstOf('ليبيا'));
  assert.ok(other);
  await enter(other);
  assert.equal(await openId(), firstOf(other));
  assert.match(await page.textContent('#reader-pos'), /1/);

  // A query with no result: the reader closes (the results say there are none).
  await enter('event:FOO');
  assert.equal(await openId(), null);
  assert.equal(await page.evaluate(() => document.body.classList.contains('is-reading')), false);
  assert.deepEqual(errors, []);
});
