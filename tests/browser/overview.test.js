'use strict';
// The entity overview: legend, the entities most present, the co-occurrence matrix and the
// timeline, each checked against the core's own overview of the same documents.
const test = require('node:test');
const assert = require('node:assert/strict');
const { openPage, screenshotPath } = require('./chromium');
const { engineWithSeeds } = require('../node/helpers');

test('entity overview: counts, co-occurrence and timeline agree with the core; clicks filter', async (t) => {
  const engine = await engineWithSeeds();
  const expected = engine.entityOverview([], 80);
  const { page, errors } = await openPage(t);
  await page.waitForSelector('#overview-entities .entity');

  // Legend: one swatch per entity type, in the overview and above the reader's text.
  assert.equal(await page.locator('#overview-legend .legend__item').count(), 6);
  assert.equal(await page.locator('#reader-legend .legend__item').count(), 6);
  assert.match(await page.textContent('#overview-scope'), /المجموعة كلها/);

  // The most present entity, with the core's document count.
  const top = expected.entities[0];
  const first = page.locator('#overview-entities .entity').filter({ hasText: top.canonical }).first();
  assert.equal((await first.locator('.entity__count').textContent()).trim(), String(top.documents));

  // The matrix: one button per pair, showing documents, then sentences.
  const pairs = expected.pairs;
  assert.ok(pairs.length > 0, 'the seeds have entities that occur together');
  assert.equal(await page.locator('#overview-matrix .matrix__value').count(), pairs.length * 2, 'both halves of the symmetric matrix');
  const p = pairs[0];
  const cell = page.locator(`#overview-matrix button[data-a="${p.a}"][data-b="${p.b}"]`);
  assert.equal((await cell.textContent()).trim(), String(p.documents));
  await page.selectOption('#overview-unit', 'sentences');
  assert.equal((await cell.textContent()).trim(), String(p.sentences));

  // The timeline: one bar per period, in order, on a true time axis running right to left (a
  // later period stands further left, a year is wider than a month); a click lists its documents.
  const periods = expected.timeline.map((x) => x.period);
  assert.ok(periods.length > 0, 'the seeds mention dates');
  const bars = await page.locator('#overview-timeline .time-axis__bar').evaluateAll((bs) => bs.map((b) => ({
    key: b.dataset.key, start: b.dataset.start, x: Number(b.getAttribute('x')), width: Number(b.getAttribute('width')) })));
  assert.deepEqual(bars.map((b) => b.key), periods);
  for (let i = 1; i < bars.length; i++) {
    if (bars[i].start > bars[i - 1].start) assert.ok(bars[i].x + bars[i].width <= bars[i - 1].x + bars[i - 1].width + 0.5, `${bars[i].key} stands left of ${bars[i - 1].key}`);
  }
  const year = bars.find((b) => b.key.length === 4), month = bars.find((b) => b.key.length === 7);
  if (year && month) assert.ok(year.width > 5 * month.width, 'a year spans twelve months');
  const picked = expected.timeline.find((x) => x.period.length === 7) || expected.timeline[0];
  await page.click(`#overview-timeline .time-axis__bar[data-key="${picked.period}"]`);
  assert.equal(await page.locator('#overview-timeline-docs button[data-id]').count(), picked.ids.length);
  await page.screenshot({ path: screenshotPath('page-overview.png'), fullPage: false });

  // A matrix cell restricts the results to the documents that mention both.
  await page.click(`#overview-matrix button[data-a="${p.a}"][data-b="${p.b}"]`);
  await page.waitForSelector('#results:not([hidden])');
  const both = engine.search(`entity:"${expected.entities[p.a].canonical}" entity:"${expected.entities[p.b].canonical}"`, { mode: 'word', limit: 100 });
  assert.equal(await page.locator('#results [data-id]').count(), both.hits.length);
  assert.equal(both.hits.length, p.documents, 'the pair count is the number of documents the filter finds');
  assert.match(await page.textContent('#entity-filter-name'), / \+ /);
  // …and the overview now covers those documents only.
  await page.waitForFunction(() => /النتائج/.test(document.getElementById('overview-scope').textContent));

  await page.click('#entity-filter-clear');
  await page.waitForSelector('#doc-list:not([hidden])');
  assert.deepEqual(errors, []);
});

// Where the focus is in the matrix: {row, col}, or null outside it.
function activeCell(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el && el.closest('#overview-matrix') ? { row: Number(el.dataset.row), col: Number(el.dataset.col) } : null;
  });
}

test('the overview matrix is one tab stop, with the arrow keys, Home and End inside and Enter to filter', async (t) => {
  const engine = await engineWithSeeds();
  const expected = engine.entityOverview([], 80);
  const n = expected.matrix.length;
  assert.ok(n >= 3, 'the seeds fill a few rows');
  const { page, errors } = await openPage(t);
  await page.waitForSelector('#overview-matrix .matrix__value');
  assert.equal(await page.locator('#overview-matrix [data-row]').count(), n * n, 'every cell can be visited');
  assert.equal(await page.locator('#overview-matrix [tabindex="0"]').count(), 1, 'one tab stop');

  // Tab enters at the first cell with a count; Tab again leaves the matrix.
  await page.focus('#overview-unit');
  await page.keyboard.press('Tab');
  const entry = await activeCell(page);
  assert.ok(entry, 'Tab reaches the matrix');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'BUTTON');
  // The arrows, as the page reads (right to left: ArrowLeft is the next column).
  await page.keyboard.press('Home');
  assert.deepEqual(await activeCell(page), { row: entry.row, col: 0 });
  await page.keyboard.press('ArrowLeft');
  assert.deepEqual(await activeCell(page), { row: entry.row, col: 1 });
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await activeCell(page), { row: entry.row, col: 0 });
  await page.keyboard.press('ArrowRight');  // at the edge: stays
  assert.deepEqual(await activeCell(page), { row: entry.row, col: 0 });
  await page.keyboard.press('End');
  assert.deepEqual(await activeCell(page), { row: entry.row, col: n - 1 });
  await page.keyboard.press('Control+Home');
  assert.deepEqual(await activeCell(page), { row: 0, col: 0 });
  await page.keyboard.press('ArrowDown');
  assert.deepEqual(await activeCell(page), { row: 1, col: 0 });
  await page.keyboard.press('Control+End');
  assert.deepEqual(await activeCell(page), { row: n - 1, col: n - 1 });
  assert.equal(await page.locator('#overview-matrix [tabindex="0"]').count(), 1, 'still one tab stop');
  await page.keyboard.press('Tab');
  assert.equal(await activeCell(page), null, 'Tab leaves the matrix');
  await page.keyboard.press('Shift+Tab');
  assert.deepEqual(await activeCell(page), { row: n - 1, col: n - 1 }, 'and comes back to the cell last visited');

  // Enter on a cell with a count restricts the results to the documents that mention both.
  const p = expected.pairs[0];
  const row = expected.matrix.indexOf(p.a), col = expected.matrix.indexOf(p.b);
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < row; i++) await page.keyboard.press('ArrowDown');
  for (let i = 0; i < col; i++) await page.keyboard.press('ArrowLeft');
  assert.deepEqual(await activeCell(page), { row, col });
  await page.keyboard.press('Enter');
  await page.waitForSelector('#entity-filter:not([hidden])');
  assert.match(await page.textContent('#entity-filter-name'), / \+ /);
  assert.deepEqual(errors, []);
});

// Dates mentioned in 40,000 articles span centuries (a year 1400 beside 2015): the axis picks a
// tick step that fits without walking the span day by day (that walk froze the page for a second
// on every redraw), and the ticks it draws are years, a handful, in order along the axis.
test('a timeline that spans centuries gets year ticks that fit, and every bar', async (t) => {
  const { page, errors } = await openPage(t);
  const drawn = await page.evaluate(() => {
    const box = document.createElement('div');
    box.style.width = '600px';
    box.dir = 'rtl';
    document.body.appendChild(box);
    const year = (y) => Date.UTC(y, 0, 1);
    const items = [1400, 1805, 1990, 2011, 2015].map((y, i) => ({ start: year(y), end: year(y + 1), count: i + 1, title: String(y) }));
    window.MirsadUI.drawTimeAxis(box, { items, label: 'test' });
    const labels = [...box.querySelectorAll('.time-axis__label')].map((l) => l.textContent);
    const xs = [...box.querySelectorAll('.time-axis__tick')].map((l) => Number(l.getAttribute('x1')));
    const bars = box.querySelectorAll('.time-axis__bar').length;
    box.remove();
    return { labels, xs, bars };
  });
  assert.equal(drawn.bars, 5);
  assert.ok(drawn.labels.length >= 2 && drawn.labels.length <= 600 / 72, `a handful of ticks: ${drawn.labels.join(' ')}`);
  for (const label of drawn.labels) assert.match(label, /^\d{4}$/, 'labelled by year');
  const years = drawn.labels.map(Number);
  assert.ok(years[0] >= 1400 && years[years.length - 1] <= 2016);
  assert.deepEqual(drawn.xs, [...drawn.xs].sort((a, b) => b - a), 'right to left: later years further left');
  assert.deepEqual(errors, []);
});
