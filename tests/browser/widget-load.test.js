'use strict';
// Issue 14: <mirsad-search corpus="URL"> hid what went wrong while loading (a trailing comma, a
// non-array, a bad JSONL line, an HTML page at a .json URL) and went by the URL's last segment
// only (news.json?v=2 and /api/news loaded nothing). Each case is served by a local HTTP server.
const test = require('node:test');
const assert = require('node:assert/strict');
const { launch, openUrl, serveWeb, watchErrors } = require('./chromium');

const A = JSON.stringify({ id: 'a', text: 'سقط نيزك فوق غات الليبية.' });
const B = JSON.stringify({ id: 'b', text: 'رأى الرعاة النيزك قرب غدامس.' });
const C = JSON.stringify({ id: 'c', text: 'خبر عن الطقس.' });

// path → [content type, body]
const ROUTES = {
  '/trailing.json': ['application/json', `[${A},\n${B},\n]`],
  '/not-array.json': ['application/json', '"news"'],
  '/bad-line.jsonl': ['application/x-ndjson', `${A}\n{"id": "x", "text": بلا تنصيص}\n${B}\n`],
  '/html.json': ['text/html; charset=utf-8', '<!doctype html><html><body>Please log in</body></html>'],
  '/html-as-json.json': ['application/json', '\n  <html><body>Not found</body></html>'],
  '/news.json': ['application/octet-stream', `[${A},${B}]`],
  '/api/news': ['text/plain; charset=utf-8', `${A}\n${B}\n${C}\n`],
  '/api/feed': ['application/x-ndjson', `${A}\n${C}\n`],
  '/api/array': ['application/octet-stream', `\ufeff [${A},${B},${C}]`],
  // A spreadsheet export: columns named otherwise, a bad row; by its extension, then by its type.
  '/news.csv': ['application/octet-stream', 'headline;body;published\r\nنيزك;"سقط نيزك فوق غات; الليبية.";25/07/2015\r\nزائد;a;b;c\r\nطقس;خبر عن الطقس.;\r\n'],
  '/api/sheet': ['text/csv; charset=utf-8', 'title,content\nنيزك,رأى الرعاة النيزك قرب غدامس.\n'],
};

const PAGE = `<!doctype html><html lang="ar"><head><meta charset="utf-8"><link rel="icon" href="data:,"><script src="/mirsad-widget.js"></script></head>
<body>${Object.keys(ROUTES).concat(['/news.json?v=2#top']).map((u, i) => `<mirsad-search id="w${i}" corpus="${u}"></mirsad-search>`).join('\n')}</body></html>`;

test('the widget says what it refused while loading, and finds the format without the URL\'s extension', async (t) => {
  const base = await serveWeb(t, { ...ROUTES, '/test.html': ['text/html; charset=utf-8', PAGE] });
  const { page, errors } = await openUrl(t, base + '/test.html');
  await page.waitForFunction(() => [...document.querySelectorAll('mirsad-search')].every((w) => w.dataset.ready || w.dataset.error),
    null, { timeout: 30000 });
  const state = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('mirsad-search')].map((w) => {
    const root = w.shadowRoot;
    return [w.getAttribute('corpus'), {
      ready: w.dataset.ready === '1',
      count: root.querySelector('.count').textContent,
      notes: [...root.querySelectorAll('.notes li')].map((li) => li.textContent),
      codes: [...root.querySelectorAll('.notes li')].map((li) => li.dataset.code),
      error: [...root.querySelectorAll('.error')].map((e) => e.textContent).join(' '),
      elements: root.querySelectorAll('.notes li *:not(bdi)').length,
    }];
  })));

  const trailing = state['/trailing.json'];
  assert.match(trailing.count, /^مستندان/, trailing.count);
  assert.deepEqual(trailing.codes, ['malformed_json']);
  assert.match(trailing.notes[0], /trailing\.json، السطر 3: نصّ JSON غير صالح \(a trailing comma/);

  const notArray = state['/not-array.json'];
  assert.deepEqual(notArray.codes, ['not_an_array']);
  assert.match(notArray.notes[0], /يُنتظر مصفوفة/);

  const badLine = state['/bad-line.jsonl'];
  assert.match(badLine.count, /^مستندان/);
  assert.deepEqual(badLine.codes, ['malformed_json']);
  assert.match(badLine.notes[0], /bad-line\.jsonl، السطر 2: نصّ JSON غير صالح/);

  for (const u of ['/html.json', '/html-as-json.json']) {
    assert.equal(state[u].ready, false, u);
    assert.match(state[u].error, /صفحة HTML/, u);
  }

  for (const [u, n] of [['/news.json', /^مستندان/], ['/news.json?v=2#top', /^مستندان/], ['/api/news', /^3 مستندات/],
    ['/api/feed', /^مستندان/], ['/api/array', /^3 مستندات/]]) {
    assert.match(state[u].count, n, `${u}: ${state[u].count}`);
    assert.deepEqual(state[u].notes, [], u);
  }
  const csv = state['/news.csv'];
  assert.match(csv.count, /^مستندان/, csv.count);
  assert.deepEqual(csv.codes, ['bad_row']);
  assert.match(csv.notes[0], /news\.csv، السطر 3: صفّ مرفوض: فيه 4 حقل وفي صفّ العناوين 3/);
  assert.match(state['/api/sheet'].count, /^مستند واحد/, state['/api/sheet'].count);
  for (const s of Object.values(state)) assert.equal(s.elements, 0, 'notes are text (and bdi), nothing else');
  assert.deepEqual(errors, []);
});

// Issue 14.7: a corpus URL serving 122 MB held the host page's thread for 24.5 s (the widget
// analysed it there). It is analysed in a worker running the widget's own script, allowed by a
// CSP that allows scripts from 'self' only, and the index loads in slices. Every long task over
// the whole load is measured (PerformanceObserver) and printed; the bound is a freeze guard.
test('a large corpus URL loads in the widget without a long task, under a strict CSP', async (t) => {
  const docs = [];
  let bytes = 0;
  const words = ['الحكومة', 'طرابلس', 'الحدود', 'تونس', 'الجزائر', 'مصر', 'الأمن', 'وزير', 'الداخلية', 'اجتماع'];
  for (let i = 0; bytes < 30e6; i++) {
    const text = Array.from({ length: 300 }, (_, k) => words[(i * 7 + k * 3) % words.length] + (k % 40 === 0 ? `${i}` : '')).join(' ');
    docs.push({ id: `n${i}`, title: `خبر ${i}`, text });
    bytes += Buffer.byteLength(text);
  }
  const body = JSON.stringify(docs);
  const csp = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; font-src 'self'; connect-src 'self'";
  const page = `<!doctype html><html lang="ar"><head><meta charset="utf-8"><script src="/mirsad-widget.js"></script></head>
<body><mirsad-search id="big" corpus="/big.json"></mirsad-search></body></html>`;
  const base = await serveWeb(t, { '/big.html': ['text/html; charset=utf-8', page, { 'Content-Security-Policy': csp }],
    '/big.json': ['application/json', body] });
  const { context, close } = await launch();
  t.after(close);
  const tab = await context.newPage();
  const errors = watchErrors(tab);
  tab.on('console', (m) => { if (m.type() === 'warning') errors.push(`console warning: ${m.text()}`); });
  await tab.addInitScript(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await tab.goto(base + '/big.html');
  await tab.waitForFunction(() => document.getElementById('big').dataset.ready || document.getElementById('big').dataset.error,
    null, { timeout: 240000 });
  await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
  // The module's start-up (the same for five documents as for fifty thousand) and the load after it.
  const { startup, longest } = await tab.evaluate(() => {
    const mark = performance.getEntriesByName('mirsad-widget:load-start')[0].startTime;
    const max = (tasks) => tasks.reduce((m, t) => Math.max(m, t.duration), 0);
    return { startup: max(window.__tasks.filter((t) => t.start < mark)), longest: max(window.__tasks.filter((t) => t.start >= mark)) };
  });
  const count = await tab.evaluate(() => document.getElementById('big').shadowRoot.querySelector('.count').textContent);
  t.diagnostic(`${docs.length} documents (${(body.length / 1e6).toFixed(0)} MB of JSON): longest task of the host page ` +
    `while loading the corpus ${longest.toFixed(0)} ms (module start-up before it: ${startup.toFixed(0)} ms)`);
  assert.match(count, new RegExp(String(docs.length)), count);
  assert.ok(longest < 1000, `the host page froze (longest task ${longest.toFixed(0)} ms)`);
  assert.deepEqual(errors, []);
});
