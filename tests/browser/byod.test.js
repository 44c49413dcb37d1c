'use strict';
// "Bring your own documents" from file:// in Debian's Chromium: files picked or pasted are analysed
// in a Web Worker (built from a Blob under the page's CSP), then searched as the user's own
// collection (the bundled demo articles are a collection apart: collections.test.js).
const test = require('node:test');
const assert = require('node:assert/strict');
const { openPage, screenshotPath } = require('./chromium');
const { Mirsad, MODULE, seedTexts } = require('../node/helpers');

const WORD = 'نيزك';  // in the new documents only (not in seeds/)
const JSONL = [
  '{"id":"byod-1","title":"نيزك فوق الصحراء","text":"سقط نيزك صغير في الصحراء الليبية قرب غدامس، وقال الرعاة إنهم رأوا ضوءاً ساطعاً."}',
  '{"id":"byod-2","text":"علماء من جامعة طرابلس يدرسون شظايا النيزك التي جمعها الرعاة.","date":"2015-03-01","source":"اختبار"}',
  '{"id": "byod-bad", "text": نص بلا علامات تنصيص}',
  '{"id":"byod-3","text":"خبر ثالث عن الطقس: أمطار غزيرة على الساحل."}',
].join('\n') + '\n';
const TXT = Buffer.concat([Buffer.from('رصد هواة الفلك نيزكاً آخر ليلة أمس '), Buffer.from([0xff, 0xc3, 0x28]),
  Buffer.from(' ثم اختفى نيزك الليل خلف الجبال.\n')]);
const FILES = [
  { name: 'extra.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(JSONL) },
  { name: 'broken.txt', mimeType: 'text/plain', buffer: TXT },
];

async function open(t) {
  const { page, errors } = await openPage(t);
  // Record every state of the progress bar (value/max/hidden are reflected attributes).
  await page.evaluate(() => {
    const bar = document.getElementById('load-progress');
    window.__progress = [];
    new MutationObserver(() => {
      window.__progress.push({ value: bar.getAttribute('value'), max: bar.getAttribute('max'), hidden: bar.hidden });
    }).observe(bar, { attributes: true });
  });
  return { page, errors };
}

const docCount = (page) => page.locator('#doc-list [data-id]').count();

async function waitIdle(page, count) {
  await page.waitForFunction((n) => !document.body.dataset.loading
    && document.getElementById('load-progress').hidden
    && Number(document.body.dataset.documents) === n, count, { timeout: 60000 });
}

// Searches q and waits until typing has paused (the page then shows the query as written).
async function search(page, q) {
  await page.fill('#q', q);
  await page.waitForFunction((query) => document.body.classList.contains('has-query')
    && document.getElementById('q').value === query && !window.MirsadApp.state.live, q);
}

test('files and pasted text are analysed in a worker and searched as a collection of their own', async (t) => {
  // The same files in the Node build of the core: what the page must show.
  const expectedEngine = await Mirsad.create({ factory: require(MODULE) });
  for (const f of FILES) expectedEngine.loadFile(f.name, new Uint8Array(f.buffer));
  // As written: the page drops the prefix reading of the last word once typing pauses.
  const expected = expectedEngine.search(WORD, { mode: 'word', limit: 1000 });
  const bundled = seedTexts().size;

  const { page, errors } = await open(t);
  assert.equal(await docCount(page), bundled, 'the bundled corpus is listed');
  assert.equal(await page.isHidden('#load-progress'), true, 'no progress bar while idle');

  await page.setInputFiles('#file-input', FILES);
  await waitIdle(page, 4);

  // The bar reached its end, then went away.
  const states = await page.evaluate(() => window.__progress);
  assert.ok(states.some((s) => !s.hidden && s.max !== null && s.value === s.max), 'progress value reached max');
  assert.equal(states[states.length - 1].hidden, true, 'progress hidden when done');

  // 3 valid .jsonl lines + 1 .txt; the malformed line and the bad bytes are reported by file and line.
  assert.equal(await docCount(page), 4, 'a new collection, without the demo articles');
  const status = await page.textContent('#load-status');
  assert.match(status, /أُضيف 4 مستندات/);
  const notes = await page.locator('#load-messages li').allTextContents();
  assert.equal(notes.length, 2, notes.join('\n'));
  assert.match(notes[0], /extra\.jsonl، السطر 3: نصّ JSON غير صالح/);
  assert.match(notes[1], /broken\.txt: ترميز UTF-8 غير صالح/);
  assert.equal(await page.isVisible('#load-panel'), true);

  // The new documents are searched: same hits, same highlights as the core.
  await search(page, WORD);
  await page.waitForFunction((n) => document.querySelectorAll('#results .hit-item').length === n, expected.total);
  assert.ok(expected.total >= 3, 'the word is in three of the new documents');
  const ids = await page.locator('#results .hit-item').evaluateAll((els) => els.map((e) => e.dataset.id));
  assert.deepEqual(ids, expected.hits.map((h) => h.id));
  for (const [i, hit] of expected.hits.entries()) {
    const text = expectedEngine.text(hit.id);
    const marks = await page.locator('#results .hit-item').nth(i).locator('.snippet mark').allTextContents();
    assert.ok(marks.length > 0, `snippet of ${hit.id} is highlighted`);
    const want = hit.matches.map(([s, e]) => text.slice(s, e));
    for (const m of marks) assert.ok(want.includes(m), `mark "${m}" is a match of ${hit.id}`);
  }
  // The .txt document (id = file name) in the reader: its text with U+FFFD, every match marked.
  const txtHit = expected.hits.find((h) => h.id === 'broken');
  assert.ok(txtHit, 'the .txt file is a document named after the file');
  await page.locator('#results .hit-item[data-id="broken"] a').click();
  await page.waitForFunction((n) => document.querySelectorAll('#reader-text mark.hit').length === n, txtHit.matches.length);
  const txtText = expectedEngine.text('broken');
  assert.ok(txtText.includes('\uFFFD'));
  assert.equal(await page.textContent('#reader-text'), txtText);
  assert.deepEqual(await page.locator('#reader-text mark.hit').allTextContents(),
    txtHit.matches.map(([s, e]) => txtText.slice(s, e)));
  // The load report (file and line of each problem), the hits and the reader, in one picture.
  await page.screenshot({ path: screenshotPath('byod.png'), fullPage: false });

  // Pasted text becomes one more document, نص-ملصق-1, found by a word only it has.
  await page.click('#paste-toggle');
  assert.equal(await page.getAttribute('#paste-toggle', 'aria-expanded'), 'true');
  const pasted = 'شاهد صيادون بطريقاً تائهاً على شاطئ مدينة سرت صباح اليوم.';
  await page.fill('#paste-text', pasted);
  await page.click('#paste-add');
  await page.fill('#q', '');
  await waitIdle(page, 5);
  assert.match(await page.textContent('#load-status'), /أُضيف مستند واحد من نص ملصق؛/);  // not «من ملف واحد»
  await search(page, 'بطريقا');
  await page.waitForFunction(() => document.querySelectorAll('#results .hit-item').length === 1);
  assert.equal(await page.getAttribute('#results .hit-item', 'data-id'), 'نص-ملصق-1');
  assert.deepEqual(await page.locator('#results .hit-item .snippet mark').allTextContents(), ['بطريقاً']);
  // Back to the first query, with the reader still on the .txt document.
  await search(page, WORD);
  await page.waitForFunction((n) => document.querySelectorAll('#results .hit-item').length === n, expected.total);

  // The same file again: its id is taken, and the page says so (the collection is unchanged).
  await page.setInputFiles('#file-input', [FILES[1]]);
  await waitIdle(page, 5);
  const again = await page.locator('#load-messages li').allTextContents();
  assert.equal(again.length, 2, again.join('\n'));
  assert.match(again.join('\n'), /المستند broken: المعرّف مستعمل من قبل/);
  assert.match(await page.textContent('#load-status'), /لم يُضف أيّ مستند/);

  assert.deepEqual(errors, [], 'no console errors');
});

test('a large .jsonl loads in chunks without blocking the page', async (t) => {
  const texts = [...seedTexts().values()];
  const bundled = texts.length;
  const N = 2000;
  const lines = [];
  for (let i = 1; i <= N; i++) {
    if (i === 1234) lines.push('{"id": "big-1234", "text": }');
    else if (i === 1777) lines.push('{"id": "big-1777", "title": "بلا نصّ"}');
    else lines.push(JSON.stringify({ id: `big-${i}`, title: `خبر رقم ${i}`, text: `${texts[i % bundled]}\nمرصد كبير ${i}` }));
  }
  const big = { name: 'big.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(lines.join('\r\n')) };

  const { page, errors } = await open(t);
  // Main-thread responsiveness while the worker analyses: the largest gap between 10 ms timer ticks.
  await page.evaluate(() => {
    window.__gap = 0;
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      const status = document.getElementById('load-status').textContent;
      if (document.body.dataset.loading && /^تحليل/.test(status)) window.__gap = Math.max(window.__gap, now - last);
      last = now;
    }, 10);
  });
  await page.setInputFiles('#file-input', [big]);
  await waitIdle(page, N - 2);

  const states = await page.evaluate(() => window.__progress);
  const values = new Set(states.filter((s) => !s.hidden && s.value !== null).map((s) => s.value));
  assert.ok(values.size >= 4, `the bar moved chunk by chunk (${[...values].join(', ')})`);
  const gap = await page.evaluate(() => window.__gap);
  t.diagnostic(`progress values: ${values.size}; longest main-thread gap while analysing: ${gap.toFixed(0)} ms`);
  assert.ok(gap < 250, `the page stayed responsive while analysing (longest gap ${gap.toFixed(0)} ms)`);

  const notes = await page.locator('#load-messages li').allTextContents();
  assert.equal(notes.length, 2, notes.join('\n'));
  assert.match(notes[0], /big\.jsonl، السطر 1234: نصّ JSON غير صالح/, 'line numbers count from the start of the file, not the chunk');
  assert.match(notes[1], /big\.jsonl، السطر 1777: ينقصه الحقل النصّي "text"/);

  // Paging: the core is asked for a hundred hits at a time, the counts still cover every match.
  await page.fill('#q', 'كبير');
  await page.waitForFunction(() => document.querySelectorAll('#results .hit-item').length === 50, null, { timeout: 10000 });
  const inDocs = Number((await page.textContent('#count')).match(/في (\d+) مستند/)[1]);
  assert.ok(inDocs >= N - 2, `the count covers every matching document, not the fetched hundred (${inDocs})`);
  for (const shown of [100, 150]) {
    await page.click('#more');
    await page.waitForFunction((n) => document.querySelectorAll('#results .hit-item').length === n, shown, { timeout: 10000 });
  }
  const pagedIds = await page.locator('#results .hit-item').evaluateAll((els) => els.map((e) => e.dataset.id));
  assert.equal(new Set(pagedIds).size, 150, 'no document twice across pages');
  assert.ok(pagedIds.every((id) => id.startsWith('big-')));
  await page.fill('#q', '');

  const bundledIds = [...seedTexts().keys()];
  const listed = (page) => page.locator('#doc-list [data-id]').evaluateAll((els) => els.map((e) => e.dataset.id));
  const mine = await listed(page);
  assert.equal(mine.filter((id) => bundledIds.includes(id)).length, 0, 'no demo article in the user\'s collection');
  // The list shows the first 500; the engine's count covers every added document.
  assert.ok(mine.length === 500 && mine.every((id) => id.startsWith('big-')), 'the list shows the user\'s documents');

  // Cancel a load: nothing changes; the next load starts a fresh worker from the page's documents.
  await page.setInputFiles('#file-input', [{ ...big, name: 'big2.jsonl', buffer: Buffer.from(lines.join('\n').replace(/"big-/g, '"big2-')) }]);
  await page.waitForSelector('#load-cancel:visible');
  await page.click('#load-cancel');
  await page.waitForFunction(() => !document.body.dataset.loading);
  assert.match(await page.textContent('#load-status'), /أُلغي التحميل/);
  assert.equal(await page.evaluate(() => Number(document.body.dataset.documents)), N - 2);
  const json = JSON.stringify([{ id: 'j-1', text: 'سجلّ من ملف JSON بعد الإلغاء', title: 'ملف JSON' }, { id: 'j-2', title: 'بلا نصّ' }]);
  await page.setInputFiles('#file-input', [
    { name: 'one.txt', mimeType: 'text/plain', buffer: Buffer.from('مستند واحد بعد الإلغاء') },
    { name: 'two.json', mimeType: 'application/json', buffer: Buffer.from(json) },
    { name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') },
  ]);
  await waitIdle(page, N);
  const last = await page.locator('#load-messages li').allTextContents();
  assert.match(last.join('\n'), /notes\.pdf: نوع ملف غير مدعوم/);
  assert.match(last.join('\n'), /two\.json، السطر 1: السجلّ 2: ينقصه الحقل النصّي "text"/, 'a .json record is named by its line too');
  await search(page, 'الإلغاء');
  await page.waitForFunction(() => document.querySelectorAll('#results .hit-item').length === 2);
  assert.deepEqual((await page.locator('#results .hit-item').evaluateAll((els) => els.map((e) => e.dataset.id))).sort(), ['j-1', 'one']);

  assert.deepEqual(errors, [], 'no console errors');
});

// Issue 14: a record nested ~4,000 levels deep overflowed the worker's stack and every file of the
// batch was dropped without a note. Now that record alone is refused, named by file and line, and
// a duplicate id names its file and line too.
test('a batch with a too-deep record: the other file and the valid records load, the notes name the refused ones', async (t) => {
  const deep = '['.repeat(4000) + ']'.repeat(4000);
  const json = [
    '[{"id":"deep-1","text":"سقط نيزك أول فوق غات."},',
    '{"id":"deep-x","text":"نيزك","title":' + deep + '},',
    '{"id":"deep-2","text":"سقط نيزك ثانٍ قرب سبها."}]',
  ].join('\n');
  const jsonl = [
    '{"id":"other-1","text":"نيزك ثالث في الجنوب."}',
    '{"id":"other-2","text":"خبر عن الطقس."}',
    '{"id":"deep-1","text":"نسخة مكرّرة."}',
  ].join('\n');
  const { page, errors } = await open(t);
  await page.setInputFiles('#file-input', [
    { name: 'deep.json', mimeType: 'application/json', buffer: Buffer.from(json) },
    { name: 'other.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(jsonl) },
  ]);
  await waitIdle(page, 4);
  const ids = await page.locator('#doc-list [data-id]').evaluateAll((els) => els.map((e) => e.dataset.id));
  for (const id of ['deep-1', 'deep-2', 'other-1', 'other-2']) assert.ok(ids.includes(id), id);
  assert.ok(!ids.includes('deep-x'));
  assert.match(await page.textContent('#load-status'), /أُضيف 4 مستندات/);
  const notes = await page.locator('#load-messages li').allTextContents();
  assert.equal(notes.length, 2, notes.join('\n'));
  assert.match(notes[0], /deep\.json، السطر 2: السجلّ 2: بنية متداخلة أعمق من المسموح/);
  assert.match(notes[1], /other\.jsonl، السطر 3: المستند deep-1: المعرّف مستعمل من قبل/);
  assert.deepEqual(errors, []);
});

test('a saved news page (.html) is read as its article, with its own address as the link', async (t) => {
  const saved = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>نيزك فوق غدامس | صحيفة الاختبار</title><meta property="og:site_name" content="صحيفة الاختبار">
<link rel="canonical" href="https://news.example/2015/03/meteor">
<meta property="article:published_time" content="2015-03-02T08:00:00Z">
<script>document.title = "كلمةالسكربت";</script></head><body>
<nav><a href="/">كلمةالقائمة</a></nav>
<article><h1>نيزك فوق غدامس</h1><p>سقط نيزك صغير قرب غدامس &amp; رآه الرعاة.</p><p>&lt;b&gt;ليس وسماً&lt;/b&gt;</p></article>
<footer>كلمةالتذييل</footer></body></html>`;
  const old = Buffer.concat([Buffer.from('<meta charset="windows-1256"><article>'), Buffer.from([0xe1, 0xed, 0xc8, 0xed, 0xc7]),
    Buffer.from('</article>')]);
  const { page, errors } = await open(t);
  await page.setInputFiles('#file-input', [
    { name: 'meteor.html', mimeType: 'text/html', buffer: Buffer.from(saved) },
    { name: 'old.htm', mimeType: 'text/html', buffer: old },
  ]);
  await waitIdle(page, 1);
  const notes = await page.locator('#load-messages li').allTextContents();
  assert.equal(notes.length, 1, notes.join('\n'));
  assert.match(notes[0], /old\.htm: الصفحة بترميز غير UTF-8 فلم تُقرأ/);
  assert.match(notes[0], /windows-1256/);
  await page.click('#doc-list [data-id="meteor.html"] a');
  await page.waitForFunction(() => document.getElementById('reader-title').textContent === 'نيزك فوق غدامس');
  assert.equal(await page.textContent('#reader-text'), 'نيزك فوق غدامس\nسقط نيزك صغير قرب غدامس & رآه الرعاة.\n<b>ليس وسماً</b>');
  const link = await page.locator('#reader-meta a.source-link');
  assert.equal(await link.getAttribute('href'), 'https://news.example/2015/03/meteor');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  assert.match(await page.textContent('#reader-meta'), /2015-03-02.*صحيفة الاختبار/);
  for (const word of ['كلمةالسكربت', 'كلمةالقائمة', 'كلمةالتذييل']) {
    await search(page, word);
    assert.equal(await page.evaluate(() => window.MirsadApp.state.hitsTotal), 0, word);
  }
  assert.deepEqual(errors, []);
});
