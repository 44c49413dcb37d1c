'use strict';
// The archive tools on thousands of real articles (SaudiNewsNet, built at test time; generated
// articles with dates and sources otherwise): sorting by date across pages of results, a date
// range from the «من» / «إلى» inputs and from brushing the histogram (its count equal to the
// histogram's sum over the range), and a source facet whose count is the total after a click.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { openPage, screenshotPath } = require('./chromium');
const { realCorpus } = require('./real-corpus');

const ARTICLES = 2500;

async function waitIdle(page, count) {
  await page.waitForFunction((n) => !document.body.dataset.loading && !document.body.dataset.swapping &&
    document.getElementById('load-progress').hidden && Number(document.body.dataset.documents) === n, count, { timeout: 240000 });
}

// Waits until the page has searched for exactly this query (the box and the state agree).
async function searched(page, predicate) {
  await page.waitForFunction(predicate, null, { timeout: 20000 });
  return page.evaluate(() => ({ query: MirsadApp.state.query, total: MirsadApp.state.hitsTotal, sort: MirsadApp.state.sort,
    ids: Array.from(document.querySelectorAll('#results [data-id]')).map((e) => e.dataset.id), hash: location.hash }));
}

const datesOf = (page, ids) => page.evaluate((list) => list.map((id) => MirsadApp.state.byId.get(id).date), ids);

// The histogram's bars: {start, end, count, selected}.
const histogram = (page) => page.locator('#date-histogram .time-axis__bar').evaluateAll((bs) => bs.map((b) => ({
  start: b.dataset.start, end: b.dataset.end, count: Number(b.dataset.count), selected: b.classList.contains('is-selected'),
  x: Number(b.getAttribute('x')), width: Number(b.getAttribute('width')) })));

async function loadNews(t, page) {
  // Every k-th article of the whole corpus, so that the sample spans all its days (each zip holds
  // a day or two of articles).
  const { docs: all, real } = realCorpus();
  const step = Math.max(1, Math.floor(all.length / ARTICLES));
  const docs = all.filter((_, i) => i % step === 0).slice(0, ARTICLES);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-archive-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, 'news.json'), JSON.stringify(docs));
  await page.setInputFiles('#file-input', path.join(dir, 'news.json'));
  await waitIdle(page, docs.length);  // the user's files are a collection of their own
  t.diagnostic(`${docs.length} ${real ? 'real SaudiNewsNet' : 'generated'} articles loaded`);
  return docs;
}

test('archive tools on a real corpus: date sort, date range, histogram and source facets agree', async (t) => {
  const { page, errors } = await openPage(t);
  const docs = await loadNews(t, page);
  const dated = await page.evaluate(() => MirsadApp.state.docs.filter((d) => /^\d{4}-\d{2}-\d{2}/.test(d.date)).length);
  assert.ok(dated >= docs.length * 0.9, `${dated} dated documents`);

  // No query: the histogram covers the whole collection.
  await page.waitForSelector('#date-histogram .time-axis__bar');
  const whole = await histogram(page);
  assert.ok(whole.length >= 5, `the sample spans ${whole.length} days`);
  assert.equal(whole.reduce((n, b) => n + b.count, 0), dated, 'every dated article is in the histogram');
  // A true time axis running right to left: a later period stands further left.
  for (let i = 1; i < whole.length; i++) assert.ok(whole[i].x < whole[i - 1].x, `${whole[i].start} left of ${whole[i - 1].start}`);

  // 1. Sort by date: non-increasing dates across the first pages of results.
  await page.fill('#q', 'السعودية ');
  await searched(page, () => MirsadApp.state.query === 'السعودية ');
  await page.selectOption('#sort', 'date');
  let r = await searched(page, () => MirsadApp.state.sort === 'date');
  assert.ok(r.total > 200, `a common word (${r.total} articles)`);
  assert.match(r.hash, /sort=date/);
  // Pages of 50, the core asked for the next hundred after the first: past that boundary too.
  for (let shown = 50; shown < 250; shown += 50) {
    await page.click('#more');
    await page.waitForFunction((n) => document.querySelectorAll('#results [data-id]').length >= n, shown + 50);
  }
  r = await searched(page, () => true);
  const dates = await datesOf(page, r.ids);
  for (let i = 1; i < dates.length; i++) {
    if (dates[i]) assert.ok(dates[i - 1] && dates[i - 1] >= dates[i], `result ${i}: ${dates[i - 1]} then ${dates[i]}`);
  }
  t.diagnostic(`by date: ${r.ids.length} results from ${dates[0]} down to ${dates[dates.length - 1]}`);
  await page.selectOption('#sort', 'date-asc');
  r = await searched(page, () => MirsadApp.state.sort === 'date-asc');
  const ascending = await datesOf(page, r.ids);
  for (let i = 1; i < ascending.length; i++) if (ascending[i]) assert.ok(ascending[i - 1] <= ascending[i]);
  await page.selectOption('#sort', 'relevance');

  // 2. A date range from the inputs: every result is in it, and the count is the histogram's sum.
  const days = (await histogram(page)).map((b) => b.start);
  const from = days[Math.floor(days.length / 4)], to = days[Math.floor(days.length / 2)];
  await page.fill('#date-from', from);
  await page.fill('#date-to', to);
  r = await searched(page, () => /date:\S+\.\.\S+/.test(MirsadApp.state.query) && MirsadApp.state.query.includes(document.getElementById('date-to').value));
  assert.match(r.query, new RegExp(`date:${from}\\.\\.${to}`));
  assert.match(decodeURIComponent(r.hash), new RegExp(`date:${from}\\.\\.${to}`), 'the range is in the URL with the query');
  for (const d of await datesOf(page, r.ids)) assert.ok(d >= from && d.slice(0, 10) <= to, `${d} in ${from}..${to}`);
  let bars = await histogram(page);
  const inRange = bars.filter((b) => b.start >= from && b.end <= to);
  assert.equal(r.total, inRange.reduce((n, b) => n + b.count, 0), 'the count equals the histogram over the range');
  assert.deepEqual(bars.filter((b) => b.selected).map((b) => b.start), inRange.map((b) => b.start), 'the range is marked');
  await page.screenshot({ path: screenshotPath('archive-desktop.png'), fullPage: false });

  // Brushing across three bars sets the range to their days.
  const box = await page.locator('#date-histogram svg').boundingBox();
  const picked = bars.slice(1, 4);
  const scale = box.width / Number(await page.locator('#date-histogram svg').getAttribute('width'));
  const xs = picked.map((b) => box.x + (b.x + b.width / 2) * scale);
  await page.mouse.move(Math.max(...xs), box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move((Math.max(...xs) + Math.min(...xs)) / 2, box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(Math.min(...xs), box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  const brushed = `date:${picked[0].start}..${picked[picked.length - 1].end}`;
  r = await searched(page, new Function(`return MirsadApp.state.query.includes(${JSON.stringify(brushed)})`));
  assert.equal(r.total, picked.reduce((n, b) => n + b.count, 0), 'brushed: the count is the sum of the bars');
  assert.equal(await page.inputValue('#date-from'), picked[0].start, 'the inputs read the range back');
  // Keyboard: the chart is one tab stop; End goes to the latest bar, ArrowRight (earlier, time
  // running right to left) to the one before, Enter picks it.
  await page.focus('#date-histogram svg');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  const before = bars[bars.length - 2];
  r = await searched(page, new Function(`return MirsadApp.state.query.includes('date:${before.start}..${before.end}')`));
  assert.equal(r.total, before.count, 'the bar picked by keyboard');
  await page.click('#date-clear');
  r = await searched(page, () => !/date:/.test(MirsadApp.state.query));

  // 3. A source facet: its count is the total after clicking it, and the selection shows.
  const facet = page.locator('#source-facets button[aria-pressed="false"]').first();
  const source = await facet.getAttribute('data-source');
  const count = Number(await facet.locator('.facet__count').textContent());
  await facet.click();
  r = await searched(page, new Function(`return MirsadApp.state.query.includes('source:${source}')`));
  assert.equal(r.total, count, `source:${source}`);
  assert.equal(await page.getAttribute(`#source-facets button[data-source="${source}"]`, 'aria-pressed'), 'true');
  assert.match(decodeURIComponent(r.hash), new RegExp(`source:${source}`));
  // The histogram is now that of the source: its sum is the source's dated articles.
  bars = await histogram(page);
  const undated = await page.evaluate(() => MirsadApp.state.engine.search(MirsadApp.state.query, { facets: true }).facets.undated);
  assert.equal(bars.reduce((n, b) => n + b.count, 0) + undated, count);
  // A second source adds to the first (a document has one source).
  const other = page.locator('#source-facets button[aria-pressed="false"]').first();
  const otherCount = Number(await other.locator('.facet__count').textContent());
  await other.click();
  r = await searched(page, () => (MirsadApp.state.query.match(/source:/g) || []).length === 2);
  assert.equal(r.total, count + otherCount);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: screenshotPath('archive-phone.png'), fullPage: false });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.click(`#source-facets button[data-source="${source}"]`);
  r = await searched(page, new Function(`return !MirsadApp.state.query.includes('source:${source}')`));
  assert.equal(r.total, otherCount);

  // The state comes back from the URL (a shared link).
  await page.selectOption('#sort', 'date');
  const link = await page.evaluate(() => location.href);
  await page.goto('about:blank');
  await page.goto(link);
  await page.waitForSelector('body[data-ready="1"]');
  assert.equal(await page.inputValue('#sort'), 'date');
  assert.deepEqual(errors, []);
});
