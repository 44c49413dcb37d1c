'use strict';
// The keyword-in-context view and keyboard-only use of the search and the reader.
const test = require('node:test');
const assert = require('node:assert/strict');
const { openPage, screenshotPath } = require('./chromium');
const { engineWithSeeds } = require('../node/helpers');

test('keyword in context: the core\'s lines, sorted either side; a line opens its match', async (t) => {
  const engine = await engineWithSeeds();
  const { page, errors } = await openPage(t);
  await page.fill('#q', 'تونس');
  await page.waitForSelector('#results [data-id]');
  await page.click('#view-kwic');
  await page.waitForSelector('#concordance:not([hidden]) .kwic__line');
  const expected = engine.concordance('تونس', 'word', 500, 6, 'document');
  assert.equal(await page.locator('#kwic .kwic__line').count(), expected.lines.length);
  // Wide screen: the lines take the wide pane in place of the overview; the results stay listed.
  assert.equal(await page.isVisible('#results'), true);
  assert.equal(await page.isVisible('#overview'), false);
  assert.equal(await page.evaluate(() => document.getElementById('concordance').parentElement.id), 'reader-pane');

  // The context width is the user's: ten words each side are the core's ten-word lines.
  await page.selectOption('#kwic-context', '10');
  const wider = engine.concordance('تونس', 'word', 500, 10, 'document');
  await page.waitForFunction((first) => document.querySelector('#kwic .kwic__before').textContent === first, wider.lines[0].left);
  assert.deepEqual(await page.locator('#kwic .kwic__after').allTextContents(), wider.lines.map((l) => l.right));
  await page.selectOption('#kwic-context', '6');

  await page.selectOption('#kwic-order', 'right');
  const right = engine.concordance('تونس', 'word', 500, 6, 'right');
  await page.waitForFunction((first) => document.querySelector('#kwic .kwic__after').textContent === first, right.lines[0].right);
  assert.deepEqual(await page.locator('#kwic .kwic__after').allTextContents(), right.lines.map((l) => l.right));
  assert.match(await page.evaluate(() => location.hash), /view=kwic/);
  await page.screenshot({ path: screenshotPath('page-kwic.png') });

  // A line opens the document with that match current.
  const line = right.lines[2];
  await page.click(`#kwic button[data-id="${line.id}"][data-start="${line.start}"]`);
  await page.waitForSelector('#reader:not([hidden])');
  const current = await page.getAttribute('#reader-text mark.is-current', 'data-start').catch(() => null);
  const pos = await page.textContent('#reader-pos');
  const hit = engine.search('تونس', { mode: 'word', limit: 100, live: true }).hits.find((h) => String(h.id) === String(line.id));
  const index = hit.matches.findIndex((m) => m[0] === line.start);
  assert.ok(index >= 0);
  assert.match(pos, new RegExp(`التطابق ${index + 1} من ${hit.matches.length}`), pos);
  void current;
  // Closing the document brings the lines back in the wide pane.
  await page.click('#reader-back');
  await page.waitForSelector('#concordance:not([hidden]) .kwic__line');
  assert.equal(await page.isVisible('#kwic'), true);
  assert.deepEqual(errors, []);
});

test('keyword in context on a phone: the lines replace the results in the one column', async (t) => {
  const { page, errors } = await openPage(t, (p) => p.setViewportSize({ width: 390, height: 844 }));
  await page.fill('#q', 'تونس');
  await page.waitForSelector('#results [data-id]');
  await page.click('#view-kwic');
  await page.waitForSelector('#concordance:not([hidden]) .kwic__line');
  assert.equal(await page.isVisible('#results'), false);
  assert.ok(await page.evaluate(() => document.getElementById('concordance').parentElement.classList.contains('pane--list')));
  await page.screenshot({ path: screenshotPath('page-kwic-phone.png') });
  assert.deepEqual(errors, []);
});

test('keyboard only: / focuses the search, Enter opens the first result and steps through its matches', async (t) => {
  const { page, errors } = await openPage(t);
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
  await page.keyboard.type('الإرهاب');
  await page.waitForSelector('#results [data-id]');
  const firstId = await page.getAttribute('#results [data-id]', 'data-id');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#reader:not([hidden])');
  assert.equal(await page.getAttribute('#reader', 'data-id'), firstId);
  const n = Number(await page.getAttribute('#reader-text', 'data-matches'));
  assert.ok(n >= 2, 'a document with several matches');
  assert.match(await page.textContent('#reader-pos'), new RegExp(`التطابق 1 من ${n}`));
  await page.keyboard.press('Enter');
  assert.match(await page.textContent('#reader-pos'), new RegExp(`التطابق 2 من ${n}`));
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.press('Shift+Enter');
  assert.match(await page.textContent('#reader-pos'), new RegExp(`التطابق ${n} من ${n}`), 'wraps around');
  // Tab reaches the reader's buttons, and every focused control shows a visible outline.
  await page.focus('#reader-next');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
  await page.keyboard.press('Enter');
  assert.match(await page.textContent('#reader-pos'), new RegExp(`التطابق 1 من ${n}`));
  assert.deepEqual(errors, []);
});

test('Escape closes the open document even from the search box; the query and the focus stay', async (t) => {
  const { page, errors } = await openPage(t);
  await page.fill('#q', 'الإرهاب');
  await page.waitForSelector('#results [data-id]');
  await page.click('#results [data-id] a');
  await page.waitForSelector('#reader:not([hidden])');
  await page.focus('#q');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#reader', { state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
  assert.equal(await page.inputValue('#q'), 'الإرهاب', 'Escape closed the document, it did not clear the query');
  assert.doesNotMatch(await page.evaluate(() => location.hash), /doc=/);
  // With no document open, Escape keeps the browser's own meaning in a search field.
  await page.keyboard.press('Escape');
  assert.equal(await page.inputValue('#q'), '');
  assert.deepEqual(errors, []);
});

test('focus ring: a solid ring of 3 px or more on the fields, buttons, KWIC lines and matrix cells', async (t) => {
  const { page, errors } = await openPage(t);
  const ring = (selector) => page.evaluate((sel) => {
    const el = document.querySelector(sel);
    el.focus();
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor, focused: document.activeElement === el };
  }, selector);
  await page.keyboard.press('Tab');  // keyboard modality, so :focus-visible applies to buttons too
  for (const sel of ['#q', '#mode', '#file-button', '#export-results-csv']) {
    const r = await ring(sel);
    assert.ok(r.focused, sel);
    assert.equal(r.style, 'solid', sel);
    assert.ok(r.width >= 3, `${sel}: ${r.width}px`);
  }
  await page.fill('#q', 'تونس');
  await page.waitForSelector('#results [data-id]');
  await page.click('#view-kwic');
  await page.waitForSelector('#kwic .kwic__line');
  await page.keyboard.press('Tab');
  const line = await ring('#kwic .kwic__button');
  assert.equal(line.style, 'solid');
  assert.ok(line.width >= 3);
  assert.deepEqual(errors, []);
});

test('print view: the open article alone, its highlights, and a line saying where it came from', async (t) => {
  const { page, errors } = await openPage(t);
  await page.fill('#q', 'تونس');
  await page.waitForSelector('#results [data-id]');
  const id = await page.getAttribute('#results [data-id]', 'data-id');
  await page.click('#results [data-id] a');
  await page.waitForSelector('#reader-text mark.hit');
  await page.evaluate(() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; });
  await page.click('#reader-print');
  assert.equal(await page.evaluate(() => window.printed), 1);
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.site-header', '.search-bar', '.pane--list', '#reader-print', '#entities']) {
    assert.equal(await page.isVisible(hidden), false, hidden);
  }
  assert.equal(await page.isVisible('#reader-title'), true);
  assert.ok(await page.locator('#reader-text mark.hit').count() > 0);
  const line = await page.textContent('#reader-source-line');
  assert.match(line, new RegExp(`المعرّف: ${id}`));
  assert.match(line, /البحث: «تونس» \(مطابقة كلمة\)/);
  assert.match(line, /طُبع من مرصد في \d{4}-\d\d-\d\d/);
  await page.screenshot({ path: screenshotPath('page-print.png'), fullPage: true });
  assert.deepEqual(errors, []);
});

test('themes: the switch turns the page dark and back, and remembers it', async (t) => {
  const { page, errors } = await openPage(t);
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
  assert.equal(await theme(), 'light');
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await bg();
  await page.click('#theme-toggle');
  assert.equal(await theme(), 'dark');
  assert.notEqual(await bg(), light);
  assert.equal(await page.getAttribute('#theme-toggle', 'aria-pressed'), 'true');
  await page.fill('#q', 'ليبيا');
  await page.waitForSelector('#results [data-id]');
  await page.screenshot({ path: screenshotPath('page-dark.png') });
  await page.reload();
  await page.waitForSelector('body[data-ready="1"]');
  assert.equal(await theme(), 'dark', 'the choice is saved');
  await page.click('#theme-toggle');
  assert.equal(await theme(), 'light');
  assert.deepEqual(errors, []);
});
