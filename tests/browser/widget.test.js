'use strict';
// <mirsad-search> on a hostile host page under a strict Content-Security-Policy (no eval, no
// inline script or style): two widgets, one wasm module, no CSS crossing the shadow boundary,
// events the host can hear.
const test = require('node:test');
const assert = require('node:assert/strict');
const { launch, watchErrors, screenshotPath, WEB } = require('./chromium');

async function openDemo(t) {
  const { context, close } = await launch();
  t.after(close);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    window.__instantiations = 0;
    window.__csp = [];
    for (const name of ['instantiate', 'instantiateStreaming']) {
      const original = WebAssembly[name];
      if (!original) continue;
      WebAssembly[name] = function (...args) { window.__instantiations++; return original.apply(this, args); };
    }
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto('file://' + WEB + '/widget-demo.html');
  await page.waitForSelector('#w1[data-ready="1"]', { timeout: 20000 });
  await page.waitForSelector('#w2[data-ready="1"]', { timeout: 20000 });
  return { page, errors };
}

test('two widgets among hostile host CSS under a strict CSP: isolated, one module, events', async (t) => {
  const { page, errors } = await openDemo(t);
  assert.equal(await page.evaluate(() => window.__instantiations), 1, 'both widgets share one wasm module');
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.doesNotMatch(csp, /'unsafe-eval'|'unsafe-inline'/);

  await page.fill('#w1 input', 'ليبيا');
  await page.waitForSelector('#w1 .hit');
  const total = await page.locator('#w1 .hit').count();
  assert.equal(total, 2);
  await page.fill('#w2 input', 'لاجئ');
  await page.waitForSelector('#w2 .hit');

  // The host's hostile rules do not reach inside…
  const inside = await page.evaluate(() => {
    const root = document.getElementById('w1').shadowRoot;
    const box = getComputedStyle(root.querySelector('.box'));
    const hit = getComputedStyle(root.querySelector('.hit'));
    return { color: box.color, size: box.fontSize, dir: box.direction, transform: box.textTransform, hitDisplay: hit.display,
      mark: getComputedStyle(root.querySelector('mark')).backgroundColor };
  });
  assert.notEqual(inside.color, 'rgb(224, 0, 224)');
  assert.equal(inside.size, '16px');
  assert.equal(inside.dir, 'rtl');
  assert.equal(inside.transform, 'none');
  assert.equal(inside.hitDisplay, 'block', 'the host hides .hit, the widget\'s .hit stays');
  assert.notEqual(inside.mark, 'rgb(0, 0, 0)');
  // …and the widget's rules do not leak out: the host's own .snippet and mark keep the host's style.
  const outside = await page.evaluate(() => ({
    snippet: getComputedStyle(document.querySelector('.host-note .snippet')).color,
    mark: getComputedStyle(document.querySelector('.host-note mark')).backgroundColor,
  }));
  assert.equal(outside.snippet, 'rgb(224, 0, 224)');
  assert.equal(outside.mark, 'rgb(0, 0, 0)');
  // The dark widget is dark.
  assert.equal(await page.getAttribute('#w2', 'data-theme'), 'dark');

  // Events: searches, an opened document, an entity click.
  await page.click('#w1 .hit');
  await page.waitForSelector('#w1 .reader:not([hidden]) mark');
  await page.click('#w1 .entity >> nth=0');
  const events = await page.locator('#events li').evaluateAll((lis) => lis.map((li) => `${li.dataset.widget} ${li.dataset.type}`));
  assert.ok(events.includes('w1 mirsad-search'));
  assert.ok(events.includes('w2 mirsad-search'));
  assert.ok(events.includes('w1 mirsad-open'));
  assert.ok(events.includes('w1 mirsad-entity'));
  await page.screenshot({ path: screenshotPath('widget-host.png'), fullPage: true });

  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no Content-Security-Policy violation');
  assert.deepEqual(errors, []);
});

// More hits than one page: the widget lists 50, then the next 50 on "more", to the last one.
test('a widget with 120 matching documents pages through them with its "more" button', async (t) => {
  const { page, errors } = await openDemo(t);
  await page.evaluate(() => {
    const docs = [];
    for (let i = 1; i <= 120; i++) docs.push({ id: `n${i}`, title: `خبر ${i}`, text: `زار الوفد ليبيا في اليوم ${i} من الشهر وبحث الأمن.` });
    const data = document.createElement('script');
    data.type = 'application/json';
    data.id = 'many-news';
    data.textContent = JSON.stringify(docs);
    document.body.appendChild(data);
    const w = document.createElement('mirsad-search');
    w.id = 'w3';
    w.setAttribute('corpus', '#many-news');
    document.body.appendChild(w);
  });
  await page.waitForSelector('#w3[data-ready="1"]', { timeout: 20000 });
  await page.fill('#w3 input', 'ليبيا');
  await page.waitForSelector('#w3 .hit');
  const state = () => page.evaluate(() => {
    const root = document.getElementById('w3').shadowRoot;
    const more = root.querySelector('.more');
    return { hits: root.querySelectorAll('.hit').length, more: more.hidden ? null : more.textContent,
      ids: new Set([...root.querySelectorAll('.hit')].map((b) => b.dataset.id)).size };
  });
  let s = await state();
  assert.equal(s.hits, 50);
  assert.match(s.more, /70/, 'the button says how many are left');
  await page.click('#w3 .more');
  s = await state();
  assert.equal(s.hits, 100);
  assert.equal(s.ids, 100, 'no document listed twice');
  assert.match(s.more, /20/);
  await page.click('#w3 .more');
  s = await state();
  assert.equal(s.hits, 120);
  assert.equal(s.ids, 120);
  assert.equal(s.more, null, 'no button once every hit is listed');
  // Opening a hit hides the button with the list; going back shows the list, still complete.
  await page.click('#w3 .hit >> nth=119');
  assert.equal(await page.evaluate(() => document.getElementById('w3').shadowRoot.querySelector('.more').hidden), true);
  await page.click('#w3 .back');
  assert.equal((await state()).hits, 120);
  // A new query starts again from its first page.
  await page.fill('#w3 input', 'الأمن');
  await page.waitForFunction(() => document.getElementById('w3').shadowRoot.querySelectorAll('.hit').length === 50);
  assert.deepEqual(errors, []);
});

// Issue 14: bidi controls in a document's title, text or names must not reorder the widget's own
// text: the title, the snippet and the entity names are isolated and lose their controls; the
// reader's text stays exact.
test('a widget isolates document data and drops its bidi controls; the reader text stays exact', async (t) => {
  const { page, errors } = await openDemo(t);
  const text = 'وأكد العقيد سليم\u202D بن عيسى أن الدوريات مستمرة في طرابلس\u2069 منذ يومين\u202E.';
  await page.evaluate((body) => {
    const data = document.createElement('script');
    data.type = 'application/json';
    data.id = 'bidi-news';
    data.textContent = JSON.stringify([{ id: 'b\u2069\u202E1', title: 'عنوان\u202E مقلوب \u2066x', text: body }]);
    document.body.appendChild(data);
    const w = document.createElement('mirsad-search');
    w.id = 'w4';
    w.setAttribute('corpus', '#bidi-news');
    document.body.appendChild(w);
  }, text);
  await page.waitForSelector('#w4[data-ready="1"]', { timeout: 20000 });
  await page.fill('#w4 input', 'طرابلس');
  await page.waitForSelector('#w4 .hit');
  const controls = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
  const hit = await page.evaluate(() => {
    const b = document.getElementById('w4').shadowRoot.querySelector('.hit');
    return { title: b.querySelector('.title').textContent, isolated: b.querySelector('.title bdi[dir="auto"]') !== null,
      snippet: b.querySelector('.snippet').textContent };
  });
  assert.equal(hit.title, 'عنوان مقلوب x');
  assert.ok(hit.isolated, 'the title sits in its own isolate');
  assert.doesNotMatch(hit.snippet, controls);
  await page.click('#w4 .hit');
  const reader = await page.evaluate(() => {
    const root = document.getElementById('w4').shadowRoot;
    return { entities: [...root.querySelectorAll('.entity')].map((b) => b.textContent), text: root.querySelector('.reader p').textContent };
  });
  assert.ok(reader.entities.includes('سليم بن عيسى'), reader.entities.join(' | '));
  for (const name of reader.entities) assert.doesNotMatch(name, controls);
  assert.equal(reader.text, text, 'the reader shows the text exactly');
  assert.deepEqual(errors, []);
});
