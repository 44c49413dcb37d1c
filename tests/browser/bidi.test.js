'use strict';
// Bidi controls in document data (issue 14): an override (U+202D LRO, U+202E RLO) or an isolate
// pop (U+2069 PDI) in a source, an id, a file name, a title or a name must not reorder the page's
// own text around it. Every such label sits in its own isolating element without the controls;
// the reader's full text stays exact.
const test = require('node:test');
const assert = require('node:assert/strict');
const { openPage } = require('./chromium');

const CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const ID = 'بيان\u2069\u202D-7';
const TEXT = 'وأكد العقيد سليم\u202D بن عيسى أن الدوريات مستمرة في طرابلس\u2069 وطرابلس\u202E منذ يومين.';
const RECORDS = [
  { id: ID, title: 'عنوان\u202E مقلوب \u2067x', source: 'مصدر\u202D', date: '2020-01-02', text: TEXT },
  { id: ID, text: 'نسخة ثانية بالمعرّف نفسه.' },  // refused as a duplicate: a note names the id
];
const FILE = { name: 'ملف\u2069\u202E.jsonl', mimeType: 'application/x-ndjson',
  buffer: Buffer.from(RECORDS.map((r) => JSON.stringify(r)).join('\n') + '\n{broken\n') };

// Where a piece of text is drawn: the box of the first text node under `root` holding `needle`.
function boxOf(page, root, needle) {
  return page.evaluate(([sel, text]) => {
    const walker = document.createTreeWalker(document.querySelector(sel), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.data.indexOf(text);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + text.length);
      const r = range.getBoundingClientRect();
      return { left: r.left, right: r.right };
    }
    return null;
  }, [root, needle]);
}

// The boxes of the first and the last character of an element's text.
function endsOf(page, sel) {
  return page.evaluate((s) => {
    const node = document.querySelector(s).firstChild;
    const box = (at) => {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const r = range.getBoundingClientRect();
      return { left: r.left, right: r.right };
    };
    return [box(0), box(node.data.length - 1)];
  }, sel);
}

const rectOf = (page, sel) => page.evaluate((s) => {
  const r = document.querySelector(s).getBoundingClientRect();
  return { left: r.left, right: r.right };
}, sel);

test('bidi controls in a source, an id, a file name, a title or a name do not reorder the page', async (t) => {
  const { page, errors } = await openPage(t);
  await page.setInputFiles('#file-input', [FILE]);
  await page.waitForFunction((n) => !document.body.dataset.loading && document.getElementById('load-progress').hidden
    && Number(document.body.dataset.documents) === n, 1, { timeout: 60000 });

  // The load notes: file name and id are isolated labels without controls.
  const notes = await page.textContent('#load-messages');
  assert.match(notes, /ملف\.jsonl/, 'the file is named');
  assert.ok(notes.includes('بيان-7'), 'the refused id is named');
  assert.doesNotMatch(notes, CONTROLS, 'no bidi control in the notes');
  const fileLabels = await page.locator('#load-messages .load-note__file').evaluateAll((els) =>
    els.map((e) => [e.tagName, e.getAttribute('dir')]));
  assert.ok(fileLabels.length >= 1);
  for (const [tag, dir] of fileLabels) assert.deepEqual([tag, dir], ['BDI', 'auto']);

  // A result: title without controls; the count stays after the source (to its left, in Arabic).
  await page.fill('#q', 'طرابلس');
  const item = `#results [data-id="${ID}"]`;
  await page.waitForSelector(item);
  assert.doesNotMatch(await page.textContent(`${item} .item-title`), CONTROLS);
  assert.doesNotMatch(await page.textContent(`${item} .meta`), CONTROLS);
  assert.doesNotMatch(await page.textContent(`${item} .snippet`), CONTROLS, 'the snippet shows no live control');
  // An override left open in the source (U+202D) drew the count's Arabic letters left to right.
  const source = await boxOf(page, `${item} .meta`, 'مصدر');
  const count = await rectOf(page, `${item} .hit-count`);
  assert.ok(source && count.right <= source.left + 1,
    `the match count is drawn after the source, to its left: count ${JSON.stringify(count)}, source ${JSON.stringify(source)}`);
  const [first, last] = await endsOf(page, `${item} .hit-count`);
  assert.ok(first.left > last.left, `the count reads right to left: first letter ${JSON.stringify(first)}, last ${JSON.stringify(last)}`);

  // Keyword in context.
  await page.click('#view-kwic');
  await page.waitForSelector('#kwic .kwic__line');
  assert.doesNotMatch(await page.textContent('#kwic'), CONTROLS);
  await page.click('#view-results');

  // The reader: title and meta as labels, the text exactly as written.
  await page.click(`${item} a`);
  await page.waitForSelector('#reader:not([hidden])');
  assert.equal(await page.textContent('#reader-text'), TEXT, 'the reader shows the text exactly');
  assert.doesNotMatch(await page.textContent('#reader-title'), CONTROLS);
  assert.doesNotMatch(await page.textContent('#reader-meta'), CONTROLS);

  // Entities of the open document: names without controls; the chip's ✕ stays after the name.
  await page.fill('#q', '');
  await page.waitForSelector('#entities:not([hidden]) .entity');
  assert.doesNotMatch(await page.textContent('#entities-body'), CONTROLS);
  const person = page.locator('#entities-body .entity-group[data-type="PERSON"] button.entity').first();
  assert.equal(await person.getAttribute('data-canonical'), 'سليم بن عيسى', 'one canonical form, no control in it');
  await person.click();
  await page.waitForSelector('#entity-filter:not([hidden])');
  assert.doesNotMatch(await page.textContent('#entity-filter'), CONTROLS);
  const name = await rectOf(page, '#entity-filter-name');
  const cross = await rectOf(page, '#entity-filter-clear [aria-hidden="true"]');
  assert.ok(cross.right <= name.left + 1, `the ✕ is drawn after the name: ✕ ${JSON.stringify(cross)}, name ${JSON.stringify(name)}`);

  // The overview of the results in scope: names without controls.
  assert.doesNotMatch(await page.textContent('#overview-entities'), CONTROLS);
  assert.deepEqual(errors, []);
});
