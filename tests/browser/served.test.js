'use strict';
// The page and the widget from a static HTTP server (as a site would host them), and a file
// dropped onto the page.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const http = require('http');
const path = require('path');
const { launch, openPage, watchErrors, WEB } = require('./chromium');
const { seedTexts } = require('../node/helpers');

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.woff2': 'font/woff2', '.svg': 'image/svg+xml' };

// A minimal static server for build/web: GET only, no directory listing, no path escape.
function serve() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const file = path.normalize(path.join(WEB, decodeURIComponent(url.pathname)));
    if (!file.startsWith(WEB + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test('from a static server: the page searches, and a widget loads its corpus from a URL', async (t) => {
  const server = await serve();
  t.after(() => server.close());
  const base = `http://127.0.0.1:${server.address().port}`;
  const { context, close } = await launch();
  t.after(close);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(base + '/index.html');
  await page.waitForSelector('body[data-ready="1"]');
  assert.equal(await page.locator('#doc-list [data-id]').count(), seedTexts().size);
  await page.fill('#q', 'ليبيا');
  await page.waitForSelector('#results [data-id]');
  assert.ok(await page.locator('#results [data-id]').count() > 0);

  // A third widget added at run time, its corpus fetched from a URL (http only).
  await page.goto(base + '/widget-demo.html');
  await page.waitForSelector('#w1[data-ready="1"]');
  await page.evaluate(() => {
    const w = document.createElement('mirsad-search');
    w.id = 'w3';
    w.setAttribute('corpus', 'widget/demo-news.json');
    w.setAttribute('height', '250px');
    document.body.appendChild(w);
  });
  await page.waitForSelector('#w3[data-ready="1"]');
  await page.fill('#w3 input', 'الطوارئ');
  await page.waitForSelector('#w3 .hit');
  assert.equal(await page.locator('#w3 .hit').count(), 1);
  const height = await page.evaluate(() => document.getElementById('w3').shadowRoot.querySelector('.box').getBoundingClientRect().height);
  assert.equal(Math.round(height), 250, 'the height attribute');
  assert.deepEqual(errors, []);
});

test('a file dropped onto the page is analysed with a progress bar that reaches its end', async (t) => {
  const { page, errors } = await openPage(t);
  await page.evaluate(() => {
    const bar = document.getElementById('load-progress');
    window.__progress = [];
    new MutationObserver(() => window.__progress.push({ value: bar.getAttribute('value'), max: bar.getAttribute('max'), hidden: bar.hidden }))
      .observe(bar, { attributes: true });
  });
  const text = 'سقط نيزك مضيء فوق مدينة غات الليبية، ورآه السكان قرابة منتصف الليل.';
  const dataTransfer = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'dropped.txt', { type: 'text/plain' }));
    return dt;
  }, text);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await page.dispatchEvent('body', 'dragover', { dataTransfer });
  assert.equal(await page.isVisible('#drop-hint'), true, 'the drop hint shows while dragging');
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await page.waitForFunction((n) => !document.body.dataset.loading && document.getElementById('load-progress').hidden
    && Number(document.body.dataset.documents) === n, 1, { timeout: 60000 });
  const states = await page.evaluate(() => window.__progress);
  assert.ok(states.some((s) => !s.hidden && s.max !== null && s.value === s.max), 'progress value reached max');
  await page.fill('#q', 'نيزك');
  await page.waitForSelector('#results [data-id]');
  assert.equal(await page.locator('#results [data-id]').count(), 1);
  assert.deepEqual(errors, []);
});
