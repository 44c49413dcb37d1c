// scripts/bench page: how fast the page gives its first result, and what it weighs.
// Opens build/web/index.html#q=ليبيا from file:// in headless Debian Chromium, each run in a fresh
// browser profile (nothing cached), and reads the page's own performance marks:
//   mirsad:ready         the engine is up and the bundled corpus (with its prebuilt index) loaded
//   mirsad:first-result  the first results of the URL's query are in the DOM
// both in ms from navigation start, plus when the first result was painted (Element Timing).
// Three cases: a first visit in a browser already running, a first visit as the browser
// launches, and a returning reader. Then lists what the page loads (JS, wasm inlined in the
// module, data, CSS; fonts apart) with raw and gzip sizes: what a static host would transfer.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');

const ROOT = path.resolve(__dirname, '..', '..');
const { launch, WEB } = require(path.join(ROOT, 'tests', 'browser', 'chromium.js'));

function median(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// Reads the page's marks, and when the first result was painted (Element Timing: the first
// result's title carries elementtiming="mirsad-first-result"), all in ms from navigation start.
function measure(p) {
  return p.evaluate(() => new Promise((resolve) => {
    const at = (n) => (performance.getEntriesByName(n)[0] || { startTime: NaN }).startTime;
    const marks = { scripts: at('mirsad:scripts'), module: at('mirsad:module'), engine: at('mirsad:engine'),
      index: at('mirsad:index'), ready: at('mirsad:ready'), first: at('mirsad:first-result') };
    const done = (painted) => resolve({ ...marks, painted });
    try {
      const observer = new PerformanceObserver((list) => {
        const e = list.getEntries().find((x) => x.identifier === 'mirsad-first-result');
        if (e) { observer.disconnect(); done(e.renderTime || e.loadTime); }
      });
      observer.observe({ type: 'element', buffered: true });
      setTimeout(() => { observer.disconnect(); done(NaN); }, 5000);
    } catch (e) {
      done(NaN);
    }
  }));
}

// Opens the page and leaves it alone until it has surely painted its results: Playwright's
// waiting helpers inject and compile a script in the page (~12 ms of its main thread), which
// would land between the results and their paint.
async function load(p, url) {
  await p.goto(url, { waitUntil: 'commit' });
  await new Promise((resolve) => setTimeout(resolve, 2500));
  await p.waitForSelector('#results [data-id]', { timeout: 30000 });  // a slow machine: wait on
  return measure(p);
}

async function page(argv) {
  let runs = 10;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') runs = Number(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!fs.existsSync(path.join(WEB, 'index.html'))) throw new Error('build/web is missing: run scripts/build.sh first');
  const url = 'file://' + path.join(WEB, 'index.html') + '#q=' + encodeURIComponent('ليبيا');
  const SETTLE_MS = 1500;
  // The browser's own share: an almost empty Arabic page, opened the same two ways.
  const blankDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-bench-blank-'));
  const blankUrl = 'file://' + path.join(blankDir, 'blank.html');
  fs.writeFileSync(path.join(blankDir, 'blank.html'), '<!doctype html><html lang="ar" dir="rtl"><meta charset="utf-8"><title>مرصد</title><p>مرصد</p>');
  const firstPaint = (p) => p.evaluate(() => (performance.getEntriesByName('first-contentful-paint')[0] || { startTime: NaN }).startTime);
  const blank = { running: [], launched: [] };
  const running = {}, launched = {}, returning = {};
  const keep = (into, m) => { for (const k of Object.keys(m)) (into[k] = into[k] || []).push(m[k]); };
  for (let r = 0; r < runs; r++) {
    // A first visit in a browser that is already running: a fresh profile (nothing of the page
    // cached), the page opened once Chromium has finished starting.
    let b = await launch();
    try {
      const p = await b.context.newPage();
      await p.goto('about:blank');
      await p.waitForTimeout(SETTLE_MS);
      keep(running, await load(p, url));
    } finally {
      await b.close();
    }
    for (const settle of [true, false]) {
      b = await launch();
      try {
        const p = await b.context.newPage();
        if (settle) {
          await p.goto('about:blank');
          await p.waitForTimeout(SETTLE_MS);
        }
        await p.goto(blankUrl, { waitUntil: 'commit' });
        await new Promise((resolve) => setTimeout(resolve, 1000));
        blank[settle ? 'running' : 'launched'].push(await firstPaint(p));
      } finally {
        await b.close();
      }
    }
    // The page opened as Chromium starts (its own start-up tasks share the two cores), then the
    // same page again in that browser, as a returning reader.
    b = await launch();
    try {
      const p = await b.context.newPage();
      keep(launched, await load(p, url));
      await p.goto('about:blank');
      keep(returning, await load(p, url));
    } finally {
      await b.close();
    }
  }
  const fmt = (xs) => {
    const ok = xs.filter((x) => Number.isFinite(x));
    if (!ok.length) return 'n/a';
    return `median ${median(ok).toFixed(0)} ms (min ${Math.min(...ok).toFixed(0)}, max ${Math.max(...ok).toFixed(0)})`;
  };
  const block = (title, m, blankPaints) => {
    console.log(title);
    if (blankPaints) console.log(`  (an almost empty page's first paint: ${fmt(blankPaints)})`);
    if (m.scripts) {
      console.log(`  scripts run (module parsed):   ${fmt(m.scripts)}`);
      console.log(`  module compiled and started:  ${fmt(m.module)}`);
      console.log(`  engine created (lexicon):     ${fmt(m.engine)}`);
      console.log(`  bundled index loaded:         ${fmt(m.index)}`);
    }
    console.log(`  first result in the page:     ${fmt(m.first)}`);
    console.log(`  first result painted:         ${fmt(m.painted)}`);
  };
  console.log(`page from file://#q=ليبيا, ${runs} runs, ms from navigation start, each run in fresh browser profiles:`);
  block(`first visit, browser already running (opened ${SETTLE_MS} ms after Chromium started):`, running, blank.running);
  block('first visit, browser launched with the page (Chromium\'s own start-up shares the two cores):', launched, blank.launched);
  fs.rmSync(blankDir, { recursive: true, force: true });
  block('returning reader (the same page again, same browser):', { first: returning.first, painted: returning.painted });

  // What index.html references (scripts, style sheets) and the fonts its CSS names. (Resource
  // timing is not recorded for file:// pages, so the list comes from the files themselves.)
  const html = fs.readFileSync(path.join(WEB, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g)].map((x) => x[1]);
  const css = refs.filter((r) => r.endsWith('.css')).map((r) => fs.readFileSync(path.join(WEB, r), 'utf8')).join('\n');
  const fonts = [...css.matchAll(/url\('\.\.\/(fonts\/[^']+)'\)/g)].map((x) => x[1]);
  const files = ['index.html', ...refs, ...fonts];
  let raw = 0, gz = 0, fontRaw = 0;
  console.log('\nwhat the page loads (KB = 1000 bytes):');
  console.log('  file'.padEnd(44) + 'raw KB'.padStart(10) + 'gzip KB'.padStart(10));
  for (const f of [...new Set(files)].sort()) {
    const bytes = fs.readFileSync(path.join(WEB, f));
    const g = zlib.gzipSync(bytes, { level: 9 }).length;
    const font = f.endsWith('.woff2');
    if (font) fontRaw += bytes.length; else { raw += bytes.length; gz += g; }
    console.log(`  ${f}`.padEnd(44) + (bytes.length / 1000).toFixed(1).padStart(10) + (font ? '(font)' : (g / 1000).toFixed(1)).padStart(10));
  }
  console.log(`  total without fonts`.padEnd(44) + (raw / 1000).toFixed(1).padStart(10) + (gz / 1000).toFixed(1).padStart(10));
  console.log(`  fonts (woff2, already compressed)`.padEnd(44) + (fontRaw / 1000).toFixed(1).padStart(10));
}

module.exports = { page };
