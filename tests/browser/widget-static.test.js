'use strict';
// Issue 17: <mirsad-search index="…/"> searches a static index (`mirsad index --static`) of a few
// hundred real articles served over HTTP, under a strict CSP, fetching only the files a query
// needs. The light bundle (mirsad-search-static.js, the query-side module with its wasm beside it)
// runs #good and #bad; the full widget bundle runs #full on the same index: the hits are the in-memory engine's top 10 with the same highlighted words, a repeated
// query fetches nothing, and a missing or damaged file is a clear message, never a wrong result.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { execFileSync } = require('child_process');
const { launch, watchErrors, screenshotPath, WEB, ROOT } = require('./chromium');
const { realCorpus } = require('./real-corpus');
const Mirsad = require(path.join(ROOT, 'web', 'js', 'mirsad.js'));
const MODULE = path.join(ROOT, 'build', 'wasm', 'mirsad-core.js');

const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; font-src 'self'; connect-src 'self'; img-src data:";

test('the widget searches a static index over HTTP with the in-memory engine\'s answers', async (t) => {
  const { docs, real } = realCorpus({ docs: 400 });
  t.diagnostic(`${docs.length} ${real ? 'SaudiNewsNet' : 'generated'} articles`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-widget-static-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const corpus = path.join(dir, 'corpus.jsonl');
  // Every other article's link is hostile: the reader must never make it a link.
  const linked = docs.map((d, i) => ({ ...d, url: i % 2 ? 'javascript:alert(document.domain)' : (d.url || `https://news.example/${d.id}`) }));
  const urlOf = new Map(linked.map((d) => [String(d.id), d.url]));
  fs.writeFileSync(corpus, linked.map((d) => JSON.stringify(d)).join('\n') + '\n');
  const out = path.join(dir, 'index');
  execFileSync(path.join(ROOT, 'scripts', 'mirsad'), ['index', '--corpus', corpus, '--static', out, '--entities', '--json']);
  const engine = await Mirsad.create({ factory: require(MODULE) });
  engine.loadFile('corpus.jsonl', fs.readFileSync(corpus));

  // The chunk of the word level that holds «الرياض» (seen when #good searches it) is served
  // damaged under /bad/.
  let damagedChunk = null;

  const served = [];  // index files served: [path, bytes]
  const page = `<!doctype html><html lang="ar"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script src="/mirsad-search-static.js"></script></head>
<body><mirsad-search id="good" index="/index/"></mirsad-search>
<mirsad-search id="bad" index="/bad/"></mirsad-search>
<mirsad-search id="none" index="/nowhere/"></mirsad-search></body></html>`;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/test.html') {
      return res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CSP }).end(page);
    }
    if (url.pathname === '/full.html') {
      return res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CSP }).end(
        '<!doctype html><html lang="ar"><head><meta charset="utf-8"><script src="/mirsad-widget.js"></script></head>' +
        '<body><mirsad-search id="full" index="/index/"></mirsad-search></body></html>');
    }
    const m = /^\/(index|bad)\/(.+)$/.exec(url.pathname);
    if (m) {
      const file = path.normalize(path.join(out, decodeURIComponent(m[2])));
      if (!file.startsWith(out + path.sep) || !fs.existsSync(file)) return res.writeHead(404).end();
      let bytes = fs.readFileSync(file);
      if (m[1] === 'bad' && m[2] === damagedChunk) {
        const raw = zlib.gunzipSync(bytes);
        raw[Math.floor(raw.length / 2)] ^= 0x5a;
        bytes = zlib.gzipSync(raw);
      }
      if (m[1] === 'index') served.push([m[2], bytes.length]);
      return res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(bytes);
    }
    const file = path.normalize(path.join(WEB, decodeURIComponent(url.pathname)));
    if (!file.startsWith(WEB + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return res.writeHead(404).end();
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.woff2') ? 'font/woff2'
      : file.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());

  const { context, close } = await launch();
  t.after(close);
  const browser = await context.newPage();
  const errors = watchErrors(browser);
  await browser.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await browser.goto(`http://127.0.0.1:${server.address().port}/test.html`);
  await browser.waitForFunction(() => [...document.querySelectorAll('mirsad-search')].every((w) => w.dataset.ready || w.dataset.error),
    null, { timeout: 30000 });
  assert.deepEqual(served.map(([p]) => p), ['manifest.json'], 'opening reads the manifest alone');
  assert.match(await browser.evaluate(() => document.querySelector('#none').shadowRoot.querySelector('.error').textContent),
    /تعذّر فتح الفهرس: manifest.json could not be fetched \(HTTP 404\)/);

  const hitsOf = (id) => browser.evaluate((sel) => [...document.querySelector(sel).shadowRoot.querySelectorAll('.hit')].map((b) => ({
    id: b.dataset.id,
    marks: [...b.querySelectorAll('.snippet mark')].map((m) => m.textContent),
  })), id);
  const search = async (id, query) => {
    await browser.evaluate(([sel, q]) => {
      const w = document.querySelector(sel);
      const input = w.shadowRoot.querySelector('input');
      input.value = q;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('blur'));  // settled: searched as written
    }, [id, query]);
    await browser.waitForFunction((sel) => {
      const w = document.querySelector(sel);
      return !w.dataset.searching && (w.shadowRoot.querySelector('.hit') || w.shadowRoot.querySelector('.error'));
    }, id, { timeout: 20000 });
  };

  for (const query of ['الرياض', 'وزير الخارجية', '"ولي العهد"', 'السعودي*', 'الأمن -الرياض']) {
    const before = served.length;
    await search('#good', query);
    const expected = engine.search(query, { limit: 10 });
    const shown = await hitsOf('#good');
    assert.deepEqual(shown.map((h) => h.id), expected.hits.map((h) => h.id), `«${query}»: the same top 10`);
    // The words marked in each snippet are the in-memory engine's matches inside it.
    for (let i = 0; i < shown.length; i++) {
      const hit = expected.hits[i];
      const text = engine.text(hit.id);
      const inSnippet = hit.matches.filter(([s, e]) => s >= hit.snippet.start && e <= hit.snippet.end).map(([s, e]) => text.slice(s, e));
      assert.deepEqual(shown[i].marks, inSnippet, `«${query}» hit ${i}`);
    }
    const files = served.slice(before);
    if (query === 'الرياض') damagedChunk = files.map(([p]) => p).find((p) => p.startsWith('postings-word'));
    t.diagnostic(`«${query}»: ${files.length} files, ${files.reduce((n, [, b]) => n + b, 0)} bytes`);
    assert.ok(files.every(([p]) => !p.startsWith('postings-') || p.startsWith('postings-word')), 'only the word level is read');
  }
  const before = served.length;
  await search('#good', 'وزير الخارجية');
  assert.equal(served.length, before, 'a repeated query fetches nothing');
  await browser.screenshot({ path: screenshotPath('widget-static.png'), fullPage: true });

  // Each hit's reader links to the article's own page, and only when that is an http(s) link.
  const kinds = new Set();
  for (const { id } of await hitsOf('#good')) {
    const link = await browser.evaluate((docId) => {
      const root = document.querySelector('#good').shadowRoot;
      root.querySelector(`.hit[data-id="${CSS.escape(docId)}"]`).click();
      const a = root.querySelector('.reader .source-link');
      const found = a ? { href: a.getAttribute('href'), target: a.target, rel: a.rel } : null;
      root.querySelector('.reader .back').click();
      return found;
    }, id);
    const url = urlOf.get(id);
    if (url.startsWith('javascript:')) {
      assert.equal(link, null, `${id}: a javascript: url is not a link`);
      kinds.add('hostile');
    } else {
      assert.deepEqual(link, { href: new URL(url).href, target: '_blank', rel: 'noopener noreferrer' }, id);
      kinds.add('linked');
    }
  }
  assert.deepEqual([...kinds].sort(), ['hostile', 'linked']);

  // Entity facets (the index was written with --entities): on a click, who and what the results
  // mention, each with the number of results its filter leaves; a click on one adds the filter.
  await search('#good', 'السعودية');
  assert.equal(await browser.evaluate(() => document.querySelector('#good').shadowRoot.querySelector('.facets').hidden), false);
  await browser.evaluate(() => document.querySelector('#good').shadowRoot.querySelector('.facets-toggle').click());
  await browser.waitForFunction(() => document.querySelector('#good').shadowRoot.querySelector('button.facet'), null, { timeout: 20000 });
  const facets = await browser.evaluate(() => [...document.querySelector('#good').shadowRoot.querySelectorAll('.facet-row')].map((row) => ({
    type: row.querySelector('.facet-type').textContent,
    entities: [...row.querySelectorAll('button.facet')].map((b) => ({ entity: b.dataset.entity, n: Number(b.querySelector('.n').textContent) })),
  })));
  t.diagnostic(`facets: ${facets.map((r) => `${r.type} ${r.entities.map((e) => `${e.entity} ${e.n}`).join(', ')}`).join(' | ')}`);
  assert.ok(facets.some((r) => r.type.startsWith('أماكن')), 'places among the facets');
  for (const row of facets) {
    for (const e of row.entities) assert.equal(engine.search(`السعودية entity:"${e.entity}"`, { limit: 1 }).total, e.n, e.entity);
  }
  const chosen = facets.find((r) => r.type.startsWith('أماكن')).entities[0];
  await browser.evaluate((entity) => document.querySelector('#good').shadowRoot.querySelector(`button.facet[data-entity="${CSS.escape(entity)}"]`).click(), chosen.entity);
  await browser.waitForFunction((entity) => {
    const w = document.querySelector('#good');
    return !w.dataset.searching && w.shadowRoot.querySelector('input').value.includes(entity) && w.shadowRoot.querySelector('.hit');
  }, chosen.entity, { timeout: 20000 });
  const narrowed = `السعودية entity:"${chosen.entity}"`;
  assert.equal(await browser.evaluate(() => document.querySelector('#good').shadowRoot.querySelector('input').value), narrowed);
  assert.deepEqual((await hitsOf('#good')).map((h) => h.id), engine.search(narrowed, { limit: 10 }).hits.map((h) => h.id));
  await browser.evaluate(() => document.querySelector('#good').shadowRoot.querySelector('.facets-toggle').click());
  await browser.waitForFunction(() => document.querySelector('#good').shadowRoot.querySelector('button.facet'), null, { timeout: 20000 });
  await browser.screenshot({ path: screenshotPath('widget-static-facets.png'), fullPage: true });

  await search('#bad', 'الرياض');
  const error = await browser.evaluate(() => document.querySelector('#bad').shadowRoot.querySelector('.error').textContent);
  assert.match(error, /تعذّر البحث في الفهرس/);
  assert.ok(error.includes(damagedChunk), error);
  assert.deepEqual(await hitsOf('#bad'), [], 'no result from a damaged chunk');
  await search('#bad', 'وزير الخارجية');  // its chunks are sound
  assert.deepEqual((await hitsOf('#bad')).map((h) => h.id), engine.search('وزير الخارجية', { limit: 10 }).hits.map((h) => h.id));

  // The full widget bundle reads the same index the same way.
  const full = await context.newPage();
  const fullErrors = watchErrors(full);
  await full.goto(`http://127.0.0.1:${server.address().port}/full.html`);
  await full.waitForSelector('#full[data-ready="1"]', { timeout: 30000 });
  await full.evaluate(() => {
    const input = document.querySelector('#full').shadowRoot.querySelector('input');
    input.value = 'وزير الخارجية';
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  });
  await full.waitForFunction(() => {
    const w = document.querySelector('#full');
    return !w.dataset.searching && w.shadowRoot.querySelector('.hit');
  }, null, { timeout: 20000 });
  assert.deepEqual(await full.evaluate(() => [...document.querySelector('#full').shadowRoot.querySelectorAll('.hit')].map((b) => b.dataset.id)),
    engine.search('وزير الخارجية', { limit: 10 }).hits.map((h) => h.id));
  assert.deepEqual(fullErrors, []);

  assert.deepEqual(await browser.evaluate(() => window.__csp), [], 'no Content-Security-Policy violation');
  // The one failed load is #none's manifest, which the host does not have.
  assert.deepEqual(errors, ['console: Failed to load resource: the server responded with a status of 404 (Not Found)']);
});
