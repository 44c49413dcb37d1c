'use strict';
// Named collections kept in the browser (issue 15, "nothing lost"): the user's corpus survives a
// reload (same documents, same results), collections can be switched, renamed and removed, the
// bundled demo is a collection of its own, and a browser that keeps nothing says so.
// MIRSAD_PERSIST_DOCS=5000 measures the restore on 5,000 articles (default 2,000).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { launch, openPage, watchErrors, pageUrl, screenshotPath } = require('./chromium');
const { seedTexts } = require('../node/helpers');
const { realCorpus } = require('./real-corpus');

const FREEZE_MS = 1000;  // a freeze guard on a printed figure, not a speed target

async function waitIdle(page, count) {
  await page.waitForFunction((n) => !document.body.dataset.loading && !document.body.dataset.swapping &&
    document.getElementById('load-progress').hidden && Number(document.body.dataset.documents) === n, count, { timeout: 240000 });
}

// The collection is kept once its record is listed with its size (written after the engine swap).
async function waitKept(page, name) {
  await page.waitForFunction((n) => [...document.querySelectorAll('#collections-list li')]
    .some((li) => li.querySelector('.collections__name').textContent === n && !/لهذه الجلسة فقط/.test(li.textContent)), name);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
}

// The settled results of q: Enter ends typing at once, so the count is never the live prefix
// reading of a word being typed (الرياض… while typing also counts الرياضية: a count read before
// the pause failed this test on a busy machine).
async function results(page, q) {
  await page.fill('#q', q);
  await page.press('#q', 'Enter');
  await page.waitForFunction((query) => document.body.classList.contains('has-query') && document.getElementById('q').value === query
    && document.querySelectorAll('#results .hit-item').length > 0 && document.getElementById('count-live').hidden, q);
  return {
    count: await page.textContent('#count'),
    ids: await page.locator('#results .hit-item').evaluateAll((els) => els.map((e) => e.dataset.id)),
  };
}

const listedNames = (page) => page.locator('#collections-list .collections__name').allTextContents();

async function openMenu(page) {
  if (await page.isHidden('#collections-panel')) await page.click('#collections-button');
  await page.waitForSelector('#collections-panel:not([hidden])');
}

async function menuAction(page, name, action) {
  await openMenu(page);
  const item = page.locator('#collections-list li', { has: page.locator('.collections__name', { hasText: name }) });
  if (action === 'open') await item.locator('.collections__open').click();
  else await item.locator('.collections__action', { hasText: action }).click();
}

async function answerDialog(page, value) {
  await page.waitForSelector('#collections-dialog[open]');
  if (value !== null) await page.fill('#collections-dialog-input', value);
  await page.click('#collections-dialog-ok');
}

test('a collection of real articles survives a reload: same documents, same results, restored without a long task', async (t) => {
  const n = Number(process.env.MIRSAD_PERSIST_DOCS) || 2000;
  const { docs, real } = realCorpus({ docs: n });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-persist-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, 'saudi-news.json'), JSON.stringify(docs));

  const { context, close } = await launch();
  t.after(close);
  const page = await context.newPage();
  const errors = watchErrors(page);
  // Every long task from the page's first script on (the observer is installed before it runs).
  await page.addInitScript(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(pageUrl());
  await page.waitForSelector('body[data-ready="1"]', { timeout: 20000 });
  const readyAt = () => page.evaluate(() => performance.getEntriesByName('mirsad:ready')[0].startTime);
  const demoReady = await readyAt();  // the same page with the five demo articles: the baseline
  await page.setInputFiles('#file-input', path.join(dir, 'saudi-news.json'));
  await waitIdle(page, docs.length);
  // Writing the collection to IndexedDB (the index file as a Blob the worker made) is no pause.
  const storeFrom = await page.evaluate(() => performance.now());
  await waitKept(page, 'saudi-news');
  const storeTasks = await page.evaluate((from) => window.__tasks.filter((e) => e.start + e.duration > from), storeFrom);
  const query = real ? 'الرياض' : 'طرابلس';
  const before = await results(page, query);
  const bytes = await page.evaluate(() => window.MirsadApp.state.active.bytes);
  // The page holds the index file only as the Blob read back from storage, not as bytes of its own.
  assert.deepEqual(await page.evaluate(() => {
    const s = window.MirsadApp.state;
    return [s.indexBytes, s.indexBlob instanceof Blob, s.indexBlob.size === s.active.bytes];
  }), [undefined, true, true]);

  await page.reload();
  await page.waitForFunction((count) => document.body.dataset.ready === '1' && Number(document.body.dataset.documents) === count,
    docs.length, { timeout: 60000 });
  const searchable = await readyAt();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
  const at = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
  const tasks = await page.evaluate(() => window.__tasks);
  const longestOf = (list) => list.reduce((m, e) => Math.max(m, e.duration), 0);
  // The restore's own work starts once the page's scripts have run (the core's 5 MB script and the
  // module's compilation before that are the same with the demo alone).
  const longest = longestOf(tasks.filter((e) => e.start + e.duration > at['mirsad:scripts']));
  const ms = (v) => `${v.toFixed(0)} ms`;
  t.diagnostic(`${docs.length} ${real ? 'SaudiNewsNet' : 'generated'} articles (index file ${(bytes / 1048576).toFixed(1)} MB): ` +
    `searchable ${ms(searchable)} after navigation start (the demo alone: ${ms(demoReady)}); scripts run ${ms(at['mirsad:scripts'])}, ` +
    `file read from storage ${ms(at['mirsad:collection-read'])}, engine ${ms(at['mirsad:engine'])}, ` +
    `index loaded ${ms(at['mirsad:collection-loaded'])}; longest main-thread task during the restore ${ms(longest)}, ` +
    `over the whole page load ${ms(longestOf(tasks))}; while storing it ${ms(longestOf(storeTasks))}; ` +
    `machine load ${os.loadavg()[0].toFixed(1)}`);
  assert.ok(longestOf(storeTasks) < FREEZE_MS, `the page froze while storing (longest task ${ms(longestOf(storeTasks))})`);
  assert.match(await page.textContent('#collections-button'), /saudi-news/, 'the last collection shown is shown again');
  const after = await results(page, query);
  assert.equal(after.count, before.count, 'the same count for the same query');
  assert.deepEqual(after.ids, before.ids, 'the same results, in the same order');
  assert.ok(longest < FREEZE_MS, `the page froze while restoring (longest task ${longest.toFixed(0)} ms)`);
  assert.deepEqual(errors, []);
});

test('the demo is a collection of its own; two collections are switched, renamed and one removed', async (t) => {
  const seeds = [...seedTexts().keys()];
  const { page, errors } = await openPage(t);
  assert.match(await page.textContent('#collections-button'), /الأخبار المضمّنة/);
  assert.equal(await page.locator('#include-bundled').count(), 0, 'no rebuild-everything switch any more');

  // The first file, added while the demo is shown, starts a collection named after it, without the demo.
  await page.setInputFiles('#file-input', [{ name: 'غدامس.txt', mimeType: 'text/plain', buffer: Buffer.from('وصل وفد من غدامس إلى العاصمة لبحث أمن الحدود.') }]);
  await waitIdle(page, 1);
  const listed = () => page.locator('#doc-list [data-id]').evaluateAll((els) => els.map((e) => e.dataset.id));
  assert.deepEqual(await listed(page), ['غدامس']);
  assert.match(await page.textContent('#collections-button'), /غدامس/);
  await waitKept(page, 'غدامس');

  // «مجموعة جديدة»: an empty collection; the next file goes into it.
  await openMenu(page);
  await page.click('#collections-new');
  await answerDialog(page, 'ملف مرزق');
  await waitIdle(page, 0);
  await page.setInputFiles('#file-input', [{ name: 'b.txt', mimeType: 'text/plain', buffer: Buffer.from('خبر عن مرزق والجنوب.') }]);
  await waitIdle(page, 1);
  assert.deepEqual(await listed(page), ['b']);
  await waitKept(page, 'ملف مرزق');
  // A later file goes into the collection shown.
  await page.setInputFiles('#file-input', [{ name: 'c.txt', mimeType: 'text/plain', buffer: Buffer.from('خبر ثالث عن سبها.') }]);
  await waitIdle(page, 2);
  await waitKept(page, 'ملف مرزق');
  await openMenu(page);
  assert.deepEqual((await listedNames(page)).sort(), ['الأخبار المضمّنة', 'غدامس', 'ملف مرزق'].sort());
  const facts = await page.locator('#collections-list li[aria-current="true"] .collections__facts').textContent();
  assert.match(facts, /مستندان/, 'the list gives the number of documents');
  await page.screenshot({ path: screenshotPath('collections-menu.png') });
  await page.setViewportSize({ width: 390, height: 800 });
  await page.screenshot({ path: screenshotPath('collections-menu-phone.png') });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.keyboard.press('Escape');
  assert.equal(await page.isHidden('#collections-panel'), true, 'Escape closes the menu');

  // Switch: the other collection, then the demo, each alone.
  await menuAction(page, 'غدامس', 'open');
  await waitIdle(page, 1);
  assert.equal((await results(page, 'غدامس')).ids[0], 'غدامس');
  assert.equal(await page.locator('#results [data-id="b"]').count(), 0);
  await page.fill('#q', '');
  await menuAction(page, 'الأخبار المضمّنة', 'open');
  await waitIdle(page, seeds.length);
  assert.deepEqual((await listed(page)).sort(), seeds.sort(), 'the demo holds the seeds only');

  // Rename one, remove the other (after a confirmation), and the next visit shows the same.
  await menuAction(page, 'غدامس', 'تسمية');
  await answerDialog(page, 'أخبار غدامس');
  await page.waitForFunction(() => /أخبار غدامس/.test(document.getElementById('collections-list').textContent));
  await menuAction(page, 'ملف مرزق', 'حذف');
  await page.waitForSelector('#collections-dialog[open]');
  assert.match(await page.textContent('#collections-dialog-text'), /حذف المجموعة «.ملف مرزق.» \(مستندان\)/);
  await page.click('#collections-dialog button[value="cancel"]');
  assert.equal((await listedNames(page)).length, 3, 'cancelled: nothing removed');
  await menuAction(page, 'ملف مرزق', 'حذف');
  await answerDialog(page, null);
  await page.waitForFunction(() => document.querySelectorAll('#collections-list li').length === 2);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));

  await page.reload();
  await page.waitForSelector('body[data-ready="1"]');
  assert.equal(Number(await page.evaluate(() => document.body.dataset.documents)), seeds.length, 'the demo was shown last');
  await openMenu(page);
  assert.deepEqual((await listedNames(page)).sort(), ['أخبار غدامس', 'الأخبار المضمّنة'].sort());
  await menuAction(page, 'أخبار غدامس', 'open');
  await waitIdle(page, 1);
  // Removing the collection shown brings the demo back.
  await menuAction(page, 'أخبار غدامس', 'حذف');
  await answerDialog(page, null);
  await waitIdle(page, seeds.length);
  assert.deepEqual(await listedNames(page), ['الأخبار المضمّنة']);
  assert.deepEqual(errors, []);
});

test('a browser that keeps nothing says so, and the collection still works for the session', async (t) => {
  const { page, errors } = await openPage(t, (p) => p.addInitScript(() => {
    // Private mode or storage disabled: the database cannot be opened.
    window.indexedDB.open = function () { throw new DOMException('simulated: no storage', 'SecurityError'); };
  }));
  await page.setInputFiles('#file-input', [{ name: 'one.txt', mimeType: 'text/plain', buffer: Buffer.from('خبر عن غدامس.') }]);
  await waitIdle(page, 1);
  await page.waitForFunction(() => /تخزين المتصفّح غير متاح/.test(document.getElementById('status').textContent));
  assert.equal(await page.isVisible('#status'), true);
  assert.equal((await results(page, 'غدامس')).ids[0], 'one');
  await openMenu(page);
  assert.match(await page.textContent('#collections-list'), /لهذه الجلسة فقط/);
  assert.match(await page.textContent('#collections-note'), /لن تُحفظ لزيارة قادمة/);
  // Switching away and back still works within the session.
  await menuAction(page, 'الأخبار المضمّنة', 'open');
  await waitIdle(page, seedTexts().size);
  await menuAction(page, 'one', 'open');
  await waitIdle(page, 1);
  assert.deepEqual(errors.filter((e) => !/simulated/.test(e)), []);
});

test('a full storage quota is reported; the collection still works for the session', async (t) => {
  const { page, errors } = await openPage(t, (p) => p.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, key) {
      if (value instanceof Blob) throw new DOMException('simulated: quota', 'QuotaExceededError');
      return put.call(this, value, key);
    };
  }));
  await page.setInputFiles('#file-input', [{ name: 'one.txt', mimeType: 'text/plain', buffer: Buffer.from('خبر عن غدامس.') }]);
  await waitIdle(page, 1);
  await page.waitForFunction(() => /لا مساحة كافية في تخزين المتصفّح/.test(document.getElementById('status').textContent));
  assert.equal((await results(page, 'غدامس')).ids[0], 'one');
  assert.deepEqual(errors.filter((e) => !/simulated/.test(e)), []);
});

test('a stored collection this version cannot read is reported and kept, not silently lost', async (t) => {
  const { page, errors } = await openPage(t);
  await page.setInputFiles('#file-input', [{ name: 'old.txt', mimeType: 'text/plain', buffer: Buffer.from('خبر قديم عن غدامس.') }]);
  await waitIdle(page, 1);
  await waitKept(page, 'old');
  // As if written by another build of the core: the analysis fingerprint (bytes 16-23) differs.
  await page.evaluate(async () => {
    const id = window.MirsadApp.state.active.id;
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('mirsad-collections');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const blob = await new Promise((resolve) => { db.transaction('indexes').objectStore('indexes').get(id).onsuccess = (e) => resolve(e.target.result); });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    bytes[16] ^= 0xff;
    await new Promise((resolve) => {
      const tx = db.transaction('indexes', 'readwrite');
      tx.objectStore('indexes').put(new Blob([bytes]), id);
      tx.oncomplete = resolve;
    });
    db.close();
  });
  await page.reload();
  await page.waitForSelector('body[data-ready="1"]');
  assert.match(await page.textContent('#status'), /تعذّر فتح المجموعة المحفوظة «.old.»: بُنيت بإصدار آخر من المحلّل.*بقيت محفوظة كما هي/);
  assert.equal(Number(await page.evaluate(() => document.body.dataset.documents)), seedTexts().size, 'the demo is shown instead');
  await openMenu(page);
  assert.match(await page.textContent('#collections-list'), /old.*لا يقرؤها هذا الإصدار/s, 'still listed, marked');
  // Opening it again says why, and the page stays on the demo.
  await menuAction(page, 'old', 'open');
  await page.waitForFunction(() => /بُنيت بإصدار آخر من المحلّل/.test(document.getElementById('load-status').textContent));
  await waitIdle(page, seedTexts().size);
  await openMenu(page);
  assert.equal((await listedNames(page)).length, 2, 'nothing removed');
  assert.deepEqual(errors.filter((e) => !/different analyzer/.test(e)), []);
});
