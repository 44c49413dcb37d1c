// scripts/bench page: how fast the page gives its first result, and what it weighs.
// Opens build/web/index.html#q=ليبيا from file:// in headless Debian Chromium, each run in a fresh
// browser profile (nothing cached), and reads the page's own performance marks:
//   mirsad:ready         the engine is up and the bundled corpus (with its prebuilt index) loaded
//   mirsad:first-result  the first results of the URL's query are in the DOM
// both in ms from navigation start. Then lists what the page loads (JS, wasm inlined in the
// module, data, CSS; fonts apart) with raw and gzip sizes: what a static host would transfer.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const ROOT = path.resolve(__dirname, '..', '..');
const { launch, WEB } = require(path.join(ROOT, 'tests', 'browser', 'chromium.js'));

function median(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function page(argv) {
  let runs = 10;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') runs = Number(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!fs.existsSync(path.join(WEB, 'index.html'))) throw new Error('build/web is missing: run scripts/build.sh first');
  const url = 'file://' + path.join(WEB, 'index.html') + '#q=' + encodeURIComponent('ليبيا');
  const marks = {};
  const warm = [];
  for (let r = 0; r < runs; r++) {
    const { context, close } = await launch();
    try {
      const p = await context.newPage();
      const measure = () => p.evaluate(() => {
        const at = (n) => (performance.getEntriesByName(n)[0] || { startTime: NaN }).startTime;
        return { scripts: at('mirsad:scripts'), module: at('mirsad:module'), engine: at('mirsad:engine'), index: at('mirsad:index'),
          ready: at('mirsad:ready'), first: at('mirsad:first-result') };
      });
      await p.goto(url);
      await p.waitForSelector('#results [data-id]', { timeout: 30000 });
      const m = await measure();
      for (const k of Object.keys(m)) (marks[k] = marks[k] || []).push(m[k]);
      // The same page loaded again in the same browser (its caches warm), as a returning reader.
      await p.goto('about:blank');
      await p.goto(url);
      await p.waitForSelector('#results [data-id]', { timeout: 30000 });
      warm.push((await measure()).first);
    } finally {
      await close();
    }
  }
  const fmt = (xs) => `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
  console.log(`page from file://, ${runs} runs, each in a fresh browser profile:`);
  console.log(`  scripts run (module parsed):   ${fmt(marks.scripts)}`);
  console.log(`  module compiled and started:  ${fmt(marks.module)}`);
  console.log(`  engine created (lexicon):     ${fmt(marks.engine)}`);
  console.log(`  bundled index loaded:         ${fmt(marks.index)}`);
  console.log(`  ready:                        ${fmt(marks.ready)}`);
  console.log(`  first result of #q=ليبيا:      ${fmt(marks.first)}`);
  console.log(`  first result, page loaded again in the same browser: ${fmt(warm)}`);

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
