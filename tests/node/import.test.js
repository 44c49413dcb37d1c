// Importing real-world files through the module and the CLI: a .csv with a header, records whose
// fields have other names (recognised or mapped), dates as ISO 8601, and the peek behind the
// page's mapping form.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { MODULE, Mirsad, cli } = require('./helpers');

// Spreadsheet-style: BOM, CRLF, ';' separator, a quoted field with the separator, doubled quotes
// and a line break, a bad row in the middle.
const CSV = '\uFEFFheadline;body;published;publisher\r\n' +
  'أمطار في الرياض;"هطلت أمطار غزيرة على الرياض; وقال ""الدفاع المدني"" إن\r\nالطرق مغلقة";25/07/2015;الرياض\r\n' +
  'خبر مكسور;بلا نهاية;زائد;حقل;آخر\r\n' +
  'اقتصاد;ارتفع مؤشر السوق السعودية اليوم;Sat, 25 Jul 2015 10:20:00 +0300;الاقتصادية\r\n';

const bytes = (s) => new TextEncoder().encode(s);

test('a .csv loads through the module: fields recognised, dates ISO, the bad row named', async () => {
  const engine = await Mirsad.create({ factory: require(MODULE) });
  const report = engine.loadFile('news.csv', bytes(CSV));
  assert.equal(report.added, 2);
  assert.equal(report.warnings.length, 1);
  assert.deepEqual([report.warnings[0].code, report.warnings[0].line], ['bad_row', 4]);
  assert.deepEqual([report.mapping.text, report.mapping.title, report.mapping.date, report.mapping.source],
    ['body', 'headline', 'published', 'publisher']);
  assert.deepEqual(report.mapping.automatic, ['text', 'title', 'date', 'source']);
  assert.equal(report.mapping.generated_ids, true);
  const docs = engine.documents();
  assert.deepEqual(docs.map((d) => [d.id, d.title, d.date, d.source]), [
    ['news:1', 'أمطار في الرياض', '2015-07-25', 'الرياض'],
    ['news:3', 'اقتصاد', '2015-07-25T10:20:00+03:00', 'الاقتصادية'],
  ]);
  assert.equal(engine.text('news:1'), 'هطلت أمطار غزيرة على الرياض; وقال "الدفاع المدني" إن\r\nالطرق مغلقة');
  const found = engine.search('الدفاع المدني');
  assert.deepEqual(found.hits.map((h) => h.id), ['news:1']);
  // The date filter reads the ISO form whatever the file wrote.
  assert.equal(engine.search('date:2015-07 السوق').total, 1);
  engine.dispose();
});

test('a mapping names the fields; a .json with other names is recognised', async () => {
  const engine = await Mirsad.create({ factory: require(MODULE) });
  const csv = 'ref,a,b\nx1,نص المقال الأول,عنوان أول\n';
  const unmapped = engine.loadFile('odd.csv', bytes(csv));
  assert.equal(unmapped.added, 0);
  assert.equal(unmapped.warnings[0].code, 'no_text_field');
  const mapped = engine.loadFile('odd.csv', bytes(csv), { mapping: { text: 'a', title: 'b', id: 'ref' } });
  assert.equal(mapped.added, 1);
  assert.deepEqual(mapped.mapping.automatic, []);
  assert.equal(engine.documents()[0].title, 'عنوان أول');

  const json = JSON.stringify([{ guid: 'g1', content: 'محتوى الخبر', headline: 'عنوان', pubDate: 'July 25, 2015', site: 'سبق' }]);
  const report = engine.loadFile('feed.json', bytes(json));
  assert.equal(report.added, 1);
  assert.deepEqual(engine.documents()[1], { id: 'g1', title: 'عنوان', date: '2015-07-25', source: 'سبق', url: '', length: 11 });
  engine.dispose();
});

test('peekFile shows the fields, a few values and the mapping that would be used', async () => {
  await Mirsad.create({ factory: require(MODULE) });
  const peek = await Mirsad.peekFile('news.csv', bytes(CSV).subarray(0, 200), 3);
  assert.equal(peek.format, 'csv');
  assert.deepEqual(peek.fields, ['headline', 'body', 'published', 'publisher']);
  assert.equal(peek.samples[0].headline, 'أمطار في الرياض');
  assert.equal(peek.mapping.text, 'body');
  assert.equal(peek.mapping.id, null);
});

test('the CLI searches a .csv, with and without --mapping', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-import-'));
  const file = path.join(dir, 'news.csv');
  fs.writeFileSync(file, CSV);
  const auto = cli(['search', '--corpus', file, '--json', 'الرياض']);
  assert.equal(auto.status, 0, auto.stderr);
  assert.deepEqual(JSON.parse(auto.stdout).hits.map((h) => h.id), ['news:1']);
  assert.match(auto.stderr, /mapping: news\.csv: text ← body, title ← headline, date ← published, source ← publisher/);
  assert.match(auto.stderr, /news\.csv:4: row refused: 5 field\(s\) where the header has 4/);

  const odd = path.join(dir, 'odd.csv');
  fs.writeFileSync(odd, 'ref,a,b\nx1,نص المقال عن جدة,عنوان\n');
  const refused = cli(['search', '--corpus', odd, 'جدة']);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /no text field/);
  const mapped = cli(['search', '--corpus', odd, '--mapping', 'text=a,title=b,id=ref', '--json', 'جدة']);
  assert.equal(mapped.status, 0, mapped.stderr);
  assert.deepEqual(JSON.parse(mapped.stdout).hits.map((h) => h.id), ['x1']);
  const json = cli(['search', '--corpus', odd, '--mapping', '{"text":"a","id":"ref"}', '--json', 'جدة']);
  assert.deepEqual(JSON.parse(json.stdout).hits.map((h) => h.id), ['x1']);
  const bad = cli(['search', '--corpus', odd, '--mapping', 'body', 'جدة']);
  assert.equal(bad.status, 2);
  fs.rmSync(dir, { recursive: true });
});
