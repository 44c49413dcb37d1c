'use strict';
// Phone layout and colour contrast (WCAG AA, 4.5:1 for text) in both themes, measured on the
// page's real elements with their computed colours.
const test = require('node:test');
const assert = require('node:assert/strict');
const { openPage, screenshotPath } = require('./chromium');

// Selectors of text the reader must be able to read, each with its own colours.
const TEXT = ['.site-tagline', '#count', '.mode-help', '#doc-list .meta', '#doc-list .item-title', '.export__button',
  '.view-switch__button[aria-pressed="true"]', '.view-switch__button[aria-pressed="false"]', '#results .item-title',
  '#results mark', '.legend__item', '#overview-entities .entity__text', '#overview-entities .entity__label',
  '#overview-entities .entity__count', '.matrix__name', '.matrix__value', '.timeline__label', '.timeline__count',
  '.overview__scope', '.entity-filter__label'];

async function contrasts(page) {
  return page.evaluate((selectors) => {
    // rgb(…)/rgba(…) in 0–255, or color(srgb r g b [/ a]) in 0–1 (what color-mix computes to).
    const rgb = (s) => {
      const n = (s.match(/[\d.]+/g) || []).map(Number);
      if (!s.startsWith('color(srgb')) return n;
      return [n[0] * 255, n[1] * 255, n[2] * 255].concat(n.length > 3 ? [n[3]] : []);
    };
    const lum = ([r, g, b]) => {
      const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    // The colour behind an element: the first ancestor with an opaque background.
    const background = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const out = [];
    for (const sel of selectors) {
      const el = document.querySelector(sel);
      if (!el || !el.getClientRects().length) continue;
      const fg = rgb(getComputedStyle(el).color).slice(0, 3);
      const bg = background(el);
      const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
      out.push({ sel, ratio: Math.round(((a + 0.05) / (b + 0.05)) * 100) / 100 });
    }
    return out;
  }, TEXT);
}

test('contrast: every kind of text reaches 4.5:1 in the light and the dark theme', async (t) => {
  const { page, errors } = await openPage(t);
  await page.fill('#q', 'الجزائر');
  await page.waitForSelector('#results [data-id]');
  await page.waitForSelector('#overview-entities .entity');
  for (const theme of ['light', 'dark']) {
    if (theme === 'dark') await page.click('#theme-toggle');
    const measured = await contrasts(page);
    assert.ok(measured.length >= 12, `measured ${measured.length} kinds of text`);
    const low = measured.filter((m) => m.ratio < 4.5);
    assert.deepEqual(low, [], `${theme}: ${JSON.stringify(low)}`);
  }
  assert.deepEqual(errors, []);
});

test('phone width: nothing overflows sideways; the reader takes the screen', async (t) => {
  const { page, errors } = await openPage(t, (p) => p.setViewportSize({ width: 390, height: 844 }));
  await page.fill('#q', 'ليبيا');
  await page.waitForSelector('#results [data-id]');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px`);
  await page.screenshot({ path: screenshotPath('page-phone.png') });
  assert.equal(await page.evaluate(() => document.getElementById('overview').open), false, 'the overview starts folded on a phone');
  assert.deepEqual(await page.evaluate(() => {
    const overview = document.getElementById('overview');
    return [overview.nextElementSibling.id, overview.nextElementSibling.nextElementSibling.tagName, document.getElementById('events').open];
  }), ['events', 'MAIN', false],
  'on a phone the overview, then the events (folded), sit above the list, not in the reader\'s pane (shown only with a document)');
  await page.click('#results [data-id] a');
  await page.waitForSelector('#reader:not([hidden])');
  const top = await page.evaluate(() => document.getElementById('reader-title').getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 844 / 2, `the document's title is on screen (top ${top})`);
  const overflowReading = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflowReading <= 0, `horizontal overflow of ${overflowReading}px while reading`);
  await page.screenshot({ path: screenshotPath('page-phone-reader.png') });
  assert.deepEqual(errors, []);
});

// A wide screen: the overview stands in the reader's pane, so the results list stays in view
// beside it, and a document opened from the list takes its place until it is closed.
test('wide screen: the results and the overview side by side; an open document takes the overview\'s place', async (t) => {
  const { page, errors } = await openPage(t, (p) => p.setViewportSize({ width: 1280, height: 900 }));
  await page.fill('#q', 'ليبيا');
  await page.waitForSelector('#results [data-id]');
  await page.waitForSelector('#overview-entities .entity');
  const inView = (sel) => page.evaluate((s) => {
    const r = document.querySelector(s).getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.top >= 0 && r.top < window.innerHeight && r.left < window.innerWidth && r.right > 0;
  }, sel);
  assert.equal(await page.evaluate(() => document.getElementById('overview').parentElement.id), 'reader-pane');
  assert.ok(await inView('#results [data-id] .item-title'), 'the first result is on screen');
  assert.ok(await inView('#overview-entities .entity'), 'the overview is on screen');
  assert.ok(await inView('#overview-matrix .matrix__value'), 'the matrix is on screen');
  const sideBySide = await page.evaluate(() => {
    const a = document.querySelector('#results [data-id]').getBoundingClientRect();
    const b = document.getElementById('overview').getBoundingClientRect();
    return a.left >= b.right || b.left >= a.right;
  });
  assert.ok(sideBySide, 'the list and the overview do not overlap');

  await page.click('#results [data-id] a');
  await page.waitForSelector('#reader:not([hidden])');
  assert.equal(await page.isVisible('#overview'), false, 'the document takes the overview\'s place');
  assert.ok(await inView('#reader-title'));
  await page.click('#reader-back');
  await page.waitForSelector('#reader', { state: 'hidden' });
  assert.ok(await inView('#overview-entities .entity'), 'closing the document brings the overview back');
  // The same from the keyboard: Escape in the reader closes the document.
  await page.click('#results [data-id] a');
  await page.waitForSelector('#reader:not([hidden])');
  await page.focus('#reader-text');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#reader', { state: 'hidden' });
  assert.ok(await inView('#overview-entities .entity'));
  await page.screenshot({ path: screenshotPath('page-wide-overview.png') });
  assert.deepEqual(errors, []);
});
