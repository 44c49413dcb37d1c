'use strict';
// Huge input through the page: a 20 MB single document and 50,000 tiny documents are analysed in
// the worker while the page stays responsive, and both end searchable.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { openPage } = require('./chromium');
const { realCorpus } = require('./real-corpus');
const { watch, longestTaskSince, waitIdle, FREEZE_MS } = require('./long-tasks');

test('a 20 MB document and 50,000 tiny documents load without freezing the page', async (t) => {
  const { page, errors } = await openPage(t);
  await watch(page);
  // Big files go to the page from disk (a buffer this size is slow through the test protocol).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-large-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const sentence = 'أعلنت وزارة الداخلية في طرابلس خطة جديدة لتأمين الحدود الجنوبية مع النيجر وتشاد. ';
  const big = Buffer.from(sentence.repeat(Math.ceil(20e6 / Buffer.byteLength(sentence))));
  fs.writeFileSync(path.join(dir, 'huge.txt'), big);
  await longestTaskSince(page);
  await page.setInputFiles('#file-input', path.join(dir, 'huge.txt'));
  await waitIdle(page, 1);
  const gapBig = await longestTaskSince(page);

  const lines = [];
  for (let i = 0; i < 50000; i++) lines.push(JSON.stringify({ id: `tiny-${i}`, text: `خبر قصير رقم ${i} عن غدامس` }));
  fs.writeFileSync(path.join(dir, 'tiny.jsonl'), lines.join('\n'));
  await page.setInputFiles('#file-input', path.join(dir, 'tiny.jsonl'));
  await waitIdle(page, 1 + 50000);
  const gapTiny = await longestTaskSince(page);
  // The list shows the first 500 and says how many more there are; search reaches them all.
  assert.equal(await page.locator('#doc-list [data-id]').count(), 500);
  assert.match(await page.textContent('#doc-list .doc-more'), /أخرى/);
  t.diagnostic(`longest main-thread task over the whole load: 20 MB document ${gapBig.toFixed(0)} ms, 50,000 documents ${gapTiny.toFixed(0)} ms`);

  await page.fill('#q', 'غدامس');
  await page.waitForFunction(() => /50000|50٬000|50,000/.test(document.getElementById('count').textContent) ||
    document.querySelectorAll('#results [data-id]').length > 0);
  await page.fill('#q', 'النيجر');
  await page.waitForSelector('#results [data-id="huge"]');
  assert.ok(gapBig < FREEZE_MS && gapTiny < FREEZE_MS, `the page froze (longest tasks ${gapBig.toFixed(0)} / ${gapTiny.toFixed(0)} ms)`);
  assert.deepEqual(errors, []);
});

test('about 40 MB of news articles in one .json file load without a long task', async (t) => {
  const { docs, real } = realCorpus({ bytes: 40e6 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-news-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, 'news.json'), JSON.stringify(docs));
  const { page, errors } = await openPage(t);
  await watch(page);
  await longestTaskSince(page);
  await page.setInputFiles('#file-input', path.join(dir, 'news.json'));
  await waitIdle(page, docs.length);
  const longest = await longestTaskSince(page);
  t.diagnostic(`${docs.length} ${real ? 'SaudiNewsNet' : 'generated'} articles: longest main-thread task over the whole load ${longest.toFixed(0)} ms`);
  await page.fill('#q', real ? 'الرياض' : 'طرابلس');
  await page.waitForSelector('#results [data-id]');
  assert.ok(longest < FREEZE_MS, `the page froze (longest task ${longest.toFixed(0)} ms)`);
  assert.deepEqual(errors, []);
});

test('past the memory budget, the page says so and keeps everything it had', async (t) => {
  const { page, errors } = await openPage(t, (p) => p.addInitScript(() => { window.MIRSAD_MEMORY_BUDGET_MB = 48; }));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-budget-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const sentence = 'قال المتحدث إن الدوريات مستمرة على الحدود مع تونس والجزائر. ';
  fs.writeFileSync(path.join(dir, 'small.txt'), sentence.repeat(100));
  fs.writeFileSync(path.join(dir, 'large.txt'), sentence.repeat(60000));  // ~5 MB of text
  await page.setInputFiles('#file-input', [path.join(dir, 'small.txt'), path.join(dir, 'large.txt')]);
  await waitIdle(page, 1);
  const notes = (await page.locator('#load-messages li').allTextContents()).join('\n');
  assert.match(notes, /لا تتّسع الذاكرة لهذا المستند/);
  // The page is alive: the small file is searched.
  await page.fill('#q', 'الدوريات');
  await page.waitForSelector('#results [data-id="small"]');
  assert.deepEqual(errors, []);
});

// Issue 14.1: the page frees its engine before loading the next collection, so a load that fails
// (out of memory ends the wasm instance) must bring the previous collection back, searchable.
// The failure is simulated on the page's side: the first attempt to load the new index throws.
test('when a new collection cannot be loaded, the previous one comes back and stays searchable', async (t) => {
  const { page, errors } = await openPage(t);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-restore-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, 'first.txt'), 'وصل وفد من غدامس إلى العاصمة لبحث أمن الحدود.');
  fs.writeFileSync(path.join(dir, 'second.txt'), 'خبر ثان عن مرزق.');
  await page.setInputFiles('#file-input', path.join(dir, 'first.txt'));
  await waitIdle(page, 1);
  await page.evaluate(() => {
    const proto = window.Mirsad.MirsadEngine.prototype;
    const original = proto.loadIndexInSlices;
    let failures = 1;
    proto.loadIndexInSlices = function (bytes, options) {
      if (failures-- > 0) return Promise.reject(new Error('Mirsad core aborted: simulated out of memory'));
      return original.call(this, bytes, options);
    };
  });
  await page.setInputFiles('#file-input', path.join(dir, 'second.txt'));
  await page.waitForFunction(() => /أُعيدت المجموعة السابقة/.test(document.getElementById('load-status').textContent),
    null, { timeout: 60000 });
  await waitIdle(page, 1);
  await page.fill('#q', 'غدامس');
  await page.waitForSelector('#results [data-id="first"]');
  assert.equal(await page.locator('#results [data-id="second"]').count(), 0);
  // The worker was stopped (it held the collection that did not load): the next file starts it
  // again from the page's collection.
  await page.setInputFiles('#file-input', path.join(dir, 'second.txt'));
  await waitIdle(page, 2);
  assert.deepEqual(errors.filter((e) => !/simulated out of memory/.test(e)), []);
});
