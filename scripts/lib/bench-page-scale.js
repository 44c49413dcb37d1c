// scripts/bench page-scale: the page with tens of thousands of real articles, as a user drives it.
// Builds N SaudiNewsNet articles as one .jsonl file (never the held-out 2015-07-25 and 2015-08-08
// zips; fewer articles than N are repeated under new ids), opens the built page from file:// in a
// fresh headless Chromium and, step by step:
//   load      the file through the page's file input, until the page says it is done
//   search    a common query (default «السعودية») until its count shows
//   toggle    the «بحث في المجموعة المضمّنة أيضاً» checkbox off, then on again
//   export    the results CSV of the query, until the download arrives
//   reload    the page, and the time until the collection is searchable again (or "not restored")
// For each step: wall time, the longest main-thread task and the sum of long tasks (a
// PerformanceObserver for 'longtask' installed before the page's first script, buffered), then the
// renderer's memory: its process RSS and peak RSS (/proc, pids from CDP SystemInfo), each wasm
// memory's resident bytes (the large reservations in /proc/PID/smaps: the page's engine and the
// worker's), the page's JS heap (CDP Runtime.getHeapUsage), the page's wasm memory size and its
// big ArrayBuffers, DOM nodes. --profile adds the main thread's top self-time functions (CDP
// Profiler) for load, export and reload. The page is changing under other hands: every element is found
// by id, and a step whose element is missing prints "n/a". Prints figures; asserts nothing.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..', '..');
const { realCorpus } = require(path.join(ROOT, 'tests', 'browser', 'real-corpus.js'));
const EXECUTABLE = process.env.MIRSAD_CHROMIUM || '/usr/bin/chromium';
const STEP_TIMEOUT_MS = 15 * 60 * 1000;

function options(argv) {
  const o = { docs: 40000, web: path.join(ROOT, 'build', 'web'),
    query: 'السعودية', profile: false, toggle: true };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--docs') o.docs = Number(argv[++i]);
    else if (argv[i] === '--web') o.web = path.resolve(argv[++i]);
    else if (argv[i] === '--query') o.query = argv[++i];
    else if (argv[i] === '--profile') o.profile = true;
    else if (argv[i] === '--no-toggle') o.toggle = false;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!(o.docs > 0)) throw new Error('--docs must be a positive number');
  return o;
}

// N articles as .jsonl lines {id, title, date, source, url, text}: every non-held-out article once
// (tests/browser/real-corpus.js; generated articles where the corpus is absent), then again under
// new ids until there are N.
function writeCorpus(o, file) {
  const { docs, real } = realCorpus({ docs: o.docs });
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  for (let i = 0; i < o.docs; i++) {
    const d = docs[i % docs.length];
    const round = Math.floor(i / docs.length);
    bytes += fs.writeSync(fd, JSON.stringify({ ...d, id: round ? `${d.id}-r${round}` : d.id }) + '\n');
  }
  fs.closeSync(fd);
  return { distinct: docs.length, bytes, real };
}

// Every long task of the main thread from the first script on, kept with its start: a step counts
// the tasks that start in its window.
function installLongTaskObserver() {
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__benchLongTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { /* no longtask support: the figures say n/a */ }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const MB = (n) => (Number.isFinite(n) ? (n / 1048576).toFixed(0) + ' MB' : 'n/a');
const sec = (ms) => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) + ' s' : 'n/a');
const msf = (ms) => (Number.isFinite(ms) ? ms.toFixed(0) + ' ms' : 'n/a');

async function pageNow(page) { return page.evaluate(() => performance.now()); }

// The long tasks that started in [t0, now], after letting the observer deliver the last ones.
async function longTasksSince(page, t0) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 200))));
  return page.evaluate((from) => {
    const xs = (window.__benchLongTasks || []).filter((e) => e.start >= from);
    return { count: xs.length, longest: xs.reduce((m, e) => Math.max(m, e.duration), 0), sum: xs.reduce((s, e) => s + e.duration, 0) };
  }, t0);
}

// Polls `predicate(arg)` in the page every 100 ms (a tiny task) until true or the timeout.
async function until(page, predicate, arg, timeoutMs) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await page.evaluate(predicate, arg).catch(() => false)) return true;
    if (Date.now() > end) return false;
    await sleep(100);
  }
}

// What the page says of itself: documents, whether it is busy, an error shown.
function pageState() {
  const b = document.body;
  const $ = (id) => document.getElementById(id);
  const progress = $('load-progress');
  const status = $('load-status');
  return {
    ready: b.dataset.ready === '1',
    documents: b.dataset.documents === undefined ? NaN : Number(b.dataset.documents),
    busy: Boolean(b.dataset.loading || b.dataset.swapping || b.dataset.restoring || b.dataset.busy) || Boolean(progress && !progress.hidden),
    error: b.dataset.error === '1' ? ($('error') || {}).textContent || 'error' : '',
    status: status ? status.textContent.trim() : '',
  };
}

// Waits until the page is idle with a document count that `accept(count)` accepts (or shows an error).
async function untilSettled(page, accept, timeoutMs, onState) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const s = await readState(page).catch(() => null);
    if (s && onState) onState(s);
    if (s && (s.error || (s.ready && !s.busy && accept(s.documents)))) return true;
    if (Date.now() > end) return false;
    await sleep(100);
  }
}

// (A string expression: the page's CSP forbids eval, the protocol's evaluation does not need it.)
async function readState(page) {
  return page.evaluate(`(${pageState.toString()})()`);
}

// ---- memory ----

function procStatus(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => { const m = s.match(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm')); return m ? Number(m[1]) * 1024 : NaN; };
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch (e) {
    return { rss: NaN, hwm: NaN };
  }
}

// A wasm memory is one reservation of many GB inside V8's sandbox, starting on a 4 GB boundary:
// its pages in use are a read-write mapping there, followed by the reservation's inaccessible
// rest (---p, 4 GB and more). Their resident bytes are the wasm heap as the OS sees it (the page's
// engine and the worker's; they cannot be told apart from here but by their sizes).
function wasmMappings(pid) {
  let text;
  try { text = fs.readFileSync(`/proc/${pid}/smaps`, 'utf8'); } catch (e) { return []; }
  const maps = [];
  for (const line of text.split('\n')) {
    if (/^[0-9a-f]+-[0-9a-f]+ /.test(line)) {
      const f = line.trim().split(/\s+/);
      const [from, to] = f[0].split('-').map((x) => parseInt(x, 16));
      maps.push({ from, to, perms: f[1], anon: !f[5], rss: 0 });
    } else if (maps.length && line.startsWith('Rss:')) {
      maps[maps.length - 1].rss = Number(line.split(/\s+/)[1]) * 1024;
    }
  }
  if (process.env.MIRSAD_BENCH_SMAPS) {
    maps.forEach((m, i) => {
      if (m.anon && m.rss >= 16 * 1048576) {
        const near = maps.slice(Math.max(0, i - 1), i + 3).map((x) => `${x.from.toString(16)}-${x.to.toString(16)} ${x.perms} ${MB(x.to - x.from)} rss ${MB(x.rss)}`);
        process.stderr.write(`smaps ${pid}: ${near.join(' | ')}\n`);
      }
    });
  }
  const out = [];
  for (let i = 0; i + 1 < maps.length; i++) {
    const m = maps[i];
    const next = maps[i + 1];
    if (m.anon && m.perms.startsWith('rw') && m.from % 2 ** 32 === 0 && next.from === m.to && next.anon &&
        next.perms === '---p' && next.to - next.from >= 4 * 1024 ** 3) out.push({ size: m.to - m.from, rss: m.rss });
  }
  return out.sort((a, b) => b.size - a.size);
}

async function rendererPids(browserSession) {
  try {
    const info = await browserSession.send('SystemInfo.getProcessInfo');
    return info.processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  } catch (e) {
    return [];
  }
}

// The page's own view: its JS heap, its wasm memory, its big ArrayBuffers and long arrays/maps.
async function pageMemory(page, session) {
  const out = { heapUsed: NaN, heapTotal: NaN, embedder: NaN, backing: NaN, app: null, nodes: NaN, listItems: NaN };
  try {
    const h = await session.send('Runtime.getHeapUsage');
    out.heapUsed = h.usedSize; out.heapTotal = h.totalSize;
    out.embedder = h.embedderHeapUsedSize; out.backing = h.backingStorageSize;
  } catch (e) { /* older Chromium */ }
  try {
    const c = await session.send('Memory.getDOMCounters');
    out.nodes = c.nodes;
  } catch (e) { /* n/a */ }
  out.listItems = await page.evaluate(() => document.querySelectorAll('#doc-list > li').length).catch(() => NaN);
  // What the page keeps in JS, read from its namespace when it exposes its state (window.MirsadApp
  // after the split of app.js). (CDP Runtime.queryObjects would find every buffer, but it crashes
  // the renderer of a page with wasm memory.)
  out.app = await page.evaluate(() => {
    const app = window.MirsadApp;
    const st = app && app.state;
    if (!st) return null;
    const bytes = (b) => (b && b.byteLength) || 0;
    let textChars = 0;
    if (st.textCache && st.textCache.forEach) st.textCache.forEach((v) => { if (typeof v === 'string') textChars += v.length; });
    let stats = null;
    try { stats = st.engine && st.engine.stats ? st.engine.stats() : null; } catch (e) { /* busy */ }
    return { indexBytes: bytes(st.indexBytes), bundledIndex: bytes(st.bundledIndex), docs: (st.docs || []).length,
      textCache: st.textCache ? st.textCache.size : 0, textBytes: textChars * 2, entityCache: st.entityCache ? st.entityCache.size : 0,
      engineIndex: stats ? stats.index_bytes : NaN, engineHeap: stats ? stats.heap_footprint : NaN };
  }).catch(() => null);
  out.perfMemory = await page.evaluate(() => (performance.memory ? performance.memory.usedJSHeapSize : NaN)).catch(() => NaN);
  return out;
}

async function memory(page, session, browserSession) {
  await session.send('HeapProfiler.collectGarbage').catch(() => {});
  await sleep(300);
  const pids = await rendererPids(browserSession);
  const renderers = pids.map((pid) => ({ pid, ...procStatus(pid), wasm: wasmMappings(pid) }))
    .filter((r) => Number.isFinite(r.rss)).sort((a, b) => b.rss - a.rss);
  return { renderer: renderers[0] || null, others: renderers.slice(1), page: await pageMemory(page, session) };
}

function describeMemory(m) {
  const lines = [];
  const r = m.renderer;
  if (r) {
    lines.push(`renderer RSS ${MB(r.rss)} (peak ${MB(r.hwm)}, pid ${r.pid}); wasm memories (size, resident): ${r.wasm.length ? r.wasm.map((w) => `${MB(w.size)} (${MB(w.rss)})`).join(', ') : 'n/a'}`);
  } else {
    lines.push('renderer RSS n/a');
  }
  const p = m.page;
  lines.push(`page JS heap used ${MB(p.heapUsed)} of ${MB(p.heapTotal)} (performance.memory ${MB(p.perfMemory)}; backing storage ${MB(p.backing)}: ArrayBuffers and external strings such as the texts the core hands to JS); DOM nodes ${Number.isFinite(p.nodes) ? p.nodes : 'n/a'}, #doc-list items ${Number.isFinite(p.listItems) ? p.listItems : 'n/a'}`);
  const a = p.app;
  lines.push(a ? `page state: index file kept ${MB(a.indexBytes)}, bundled index ${MB(a.bundledIndex)}, ${a.docs} listed documents, text cache ${a.textCache} (${MB(a.textBytes)}), entity cache ${a.entityCache}; engine index ${MB(a.engineIndex)}, wasm heap ${MB(a.engineHeap)}`
    : 'page state: n/a (window.MirsadApp.state not exposed)');
  if (m.others.length) lines.push(`other renderers: ${m.others.map((o) => `${MB(o.rss)} (pid ${o.pid})`).join(', ')}`);
  return lines;
}

// ---- CPU profile of the main thread ----

async function startProfile(session, on) {
  if (!on) return;
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 1000 });
  await session.send('Profiler.start');
}

async function stopProfile(session, on) {
  if (!on) return null;
  const { profile } = await session.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const byCaller = new Map();
  const whose = new Map();  // self-time function → the page chains it ran under  // self time charged to the nearest page function (web/js, not the core's glue) above it
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  // The nearest three page frames (web/js, not the core's glue), innermost first.
  const pageFrame = (id) => {
    const chain = [];
    for (let x = id; x !== undefined && chain.length < 3; x = parent.get(x)) {
      const f = byId.get(x).callFrame;
      if (f.url && /\/js\//.test(f.url) && !/mirsad-core\.js$/.test(f.url)) chain.push(`${f.functionName || '(anonymous)'} ${path.basename(f.url)}:${f.lineNumber + 1}`);
    }
    return chain.length ? chain.join(' ← ') : '(no page function: worker messages, timers, the browser)';
  };
  const deltas = profile.timeDeltas || [];
  for (let i = 0; i < profile.samples.length; i++) {
    const n = byId.get(profile.samples[i]);
    const f = n.callFrame;
    if (f.functionName === '(idle)' || f.functionName === '(program)') continue;
    const key = `${f.functionName || '(anonymous)'} ${f.url ? path.basename(f.url) : ''}:${f.lineNumber + 1}`;
    const dt = (deltas[i + 1] !== undefined ? deltas[i + 1] : 0) / 1000;
    self.set(key, (self.get(key) || 0) + dt);
    const caller = pageFrame(n.id);
    byCaller.set(caller, (byCaller.get(caller) || 0) + dt);
    if (!whose.has(key)) whose.set(key, new Map());
    whose.get(key).set(caller, (whose.get(key).get(caller) || 0) + dt);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15);
  const mainCaller = (key) => [...whose.get(key).entries()].sort((a, b) => b[1] - a[1])[0];
  return { total, top: top.map(([k, v]) => [k, v, mainCaller(k)]),
    callers: [...byCaller.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10) };
}

function describeProfile(name, p) {
  if (!p) return [];
  return [`main-thread CPU profile, ${name}: ${p.total.toFixed(0)} ms busy (idle and "(program)" left out); top self time:`,
    ...p.top.map(([k, v, c]) => `    ${v.toFixed(0).padStart(7)} ms  ${k}   (${c[1].toFixed(0)} ms of it under ${c[0]})`),
    '  the same time by the page function it ran under (inclusive of the core and the platform):',
    ...p.callers.map(([k, v]) => `    ${v.toFixed(0).padStart(7)} ms  ${k}`)];
}

// ---- the run ----

async function pageScale(argv) {
  const o = options(argv);
  if (!fs.existsSync(path.join(o.web, 'index.html'))) throw new Error(`${o.web}/index.html is missing: run scripts/build.sh first (or pass --web DIR)`);
  const rows = [];  // [step, wall, longest task, sum of long tasks, note]
  const report = [];
  const log = (s) => { report.push(s); };
  const step = (s) => process.stderr.write(`page-scale: ${new Date().toISOString().slice(11, 19)} ${s}\n`);
  const record = (row) => { rows.push(row); step(`${row[0]}: ${sec(row[1])}, ${row[4]}`); };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-page-scale-'));
  const file = path.join(tmp, `saudinewsnet-${o.docs}.jsonl`);
  const corpus = writeCorpus(o, file);
  step(`${o.docs} articles written to ${file}`);
  let git = '';
  try { git = execFileSync('git', ['-C', path.dirname(o.web), 'log', '-1', '--format=%h %s'], { encoding: 'utf8' }).trim().slice(0, 100); } catch (e) { /* not a checkout */ }

  const browser = await chromium.launch({ executablePath: EXECUTABLE, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const browserSession = await browser.newBrowserCDPSession();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await context.addInitScript(installLongTaskObserver);
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const session = await context.newCDPSession(page);
    const url = 'file://' + path.join(o.web, 'index.html');

    let t = Date.now();
    step(`opening ${url}`);
    await page.goto(url);
    await until(page, () => document.body.dataset.ready === '1', null, 60000);
    const start = await readState(page);
    const opened = await longTasksSince(page, 0);
    record(['page ready (bundled corpus)', Date.now() - t, opened.longest, opened.sum, `${start.documents} documents`]);
    const bundled = start.documents;
    log('memory, page ready:');
    describeMemory(await memory(page, session, browserSession)).forEach((l) => log('  ' + l));

    // Load: the file through the file input, as a user picking it.
    const input = await page.$('#file-input');
    let loaded = false;
    if (!input) {
      record(['load', NaN, NaN, NaN, 'n/a: no #file-input']);
    } else {
      await startProfile(session, o.profile);
      const t0 = await pageNow(page);
      t = Date.now();
      await input.setInputFiles(file);
      // The phases the page's status line goes through (its first words), with when each began.
      const phases = [];
      const ok = await untilSettled(page, (n) => n !== bundled, STEP_TIMEOUT_MS, (st) => {
        const words = st.status.split(/\s+/).slice(0, 2).join(' ');
        if (words && (!phases.length || phases[phases.length - 1].words !== words)) phases.push({ words, at: Date.now() - t, text: st.status.slice(0, 40) });
      });
      const wall = Date.now() - t;
      // Each phase's long tasks (the page's clock and this one's start together, within a poll).
      const tasks = await page.evaluate((from) => (window.__benchLongTasks || []).filter((e) => e.start >= from).map((e) => [e.start - from, e.duration]), t0);
      log('load phases by the page\'s status line (s from the file\'s choice; long tasks in each):');
      phases.forEach((x, i) => {
        const endAt = i + 1 < phases.length ? phases[i + 1].at : wall;
        const mine = tasks.filter(([at]) => at >= x.at - 100 && at < endAt - 100);
        const longest = mine.reduce((m, [, d]) => Math.max(m, d), 0);
        const sum = mine.reduce((acc, [, d]) => acc + d, 0);
        log(`  ${(x.at / 1000).toFixed(1).padStart(6)} s  «${x.text}»  ${mine.length} long tasks, longest ${msf(longest)}, sum ${msf(sum)}`);
      });
      log(`  ${(wall / 1000).toFixed(1).padStart(6)} s  done`);
      const prof = await stopProfile(session, o.profile);
      const lt = await longTasksSince(page, t0);
      const s = await readState(page);
      loaded = ok && !s.error && s.documents >= o.docs;
      record(['load .jsonl through the file input', wall, lt.longest, lt.sum, ok ? `${s.documents} documents, ${lt.count} long tasks${s.error ? '; error: ' + s.error : ''}` : 'timed out']);
      log(`memory after the load (${s.documents} documents):`);
      describeMemory(await memory(page, session, browserSession)).forEach((l) => log('  ' + l));
      describeProfile('load', prof).forEach(log);
    }

    // A common query, until its settled count is shown: the prefix reading of the word being typed
    // is dropped once typing pauses (Enter would also open the first result: not this step).
    const q = await page.$('#q');
    if (q && loaded) {
      await startProfile(session, o.profile);
      const t0 = await pageNow(page);
      t = Date.now();
      await q.fill(o.query);
      const ok = await until(page, () => { const c = document.getElementById('count'); const live = document.getElementById('count-live');
        return c && /\d|[٠-٩]/.test(c.textContent) && (!live || live.hidden); }, null, 120000);
      const wall = Date.now() - t;
      const prof = await stopProfile(session, o.profile);
      const lt = await longTasksSince(page, t0);
      describeProfile('first search', prof).forEach(log);
      const count = await page.evaluate(() => (document.getElementById('count') || {}).textContent || '');
      record([`search «${o.query}»`, wall, lt.longest, lt.sum, ok ? count.trim().slice(0, 60) : 'no count shown']);
    } else {
      record([`search «${o.query}»`, NaN, NaN, NaN, q ? 'n/a: nothing loaded' : 'n/a: no #q']);
    }

    // The bundled corpus off, then on again: each a rebuild in the worker and a new engine.
    const toggle = await page.$('#include-bundled');
    if (toggle && loaded && o.toggle) {
      for (const on of [false, true]) {
        const before = (await readState(page)).documents;
        const t0 = await pageNow(page);
        t = Date.now();
        await toggle.setChecked(on);
        const ok = await untilSettled(page, (n) => n !== before, STEP_TIMEOUT_MS);
        const wall = Date.now() - t;
        const lt = await longTasksSince(page, t0);
        const s = await readState(page);
        record([`toggle bundled corpus ${on ? 'on' : 'off'}`, wall, lt.longest, lt.sum, ok ? `${s.documents} documents${s.error ? '; error: ' + s.error : ''}` : 'timed out']);
        log(`memory after toggling the bundled corpus ${on ? 'on' : 'off'} (${s.documents} documents):`);
        describeMemory(await memory(page, session, browserSession)).forEach((l) => log('  ' + l));
      }
    } else {
      record(['toggle bundled corpus', NaN, NaN, NaN, toggle ? 'n/a: skipped' : 'n/a: no #include-bundled']);
    }

    // Exports, each until its download arrives: the query's results, the whole collection's
    // list (no query) and the entities of the query's results.
    const exports = [
      { id: 'export-results-csv', query: o.query, label: `export results CSV «${o.query}»` },
      { id: 'export-results-csv', query: '', label: 'export results CSV, no query (all)' },
      { id: 'export-entities-csv', query: o.query, label: `export entities CSV «${o.query}»` },
    ];
    for (const x of exports) {
      const button = await page.$('#' + x.id);
      if (!button || !loaded) {
        record([x.label, NaN, NaN, NaN, button ? 'n/a: nothing loaded' : `n/a: no #${x.id}`]);
        continue;
      }
      if (q && (await q.inputValue()) !== x.query) {
        await q.fill(x.query);
        if (x.query) await until(page, () => { const c = document.getElementById('count'); return c && /\d|[٠-٩]/.test(c.textContent); }, null, 120000);
        await sleep(1000);
      }
      const profiled = o.profile;
      await startProfile(session, profiled);
      const t0 = await pageNow(page);
      t = Date.now();
      const download = page.waitForEvent('download', { timeout: STEP_TIMEOUT_MS }).catch(() => null);
      await button.click();
      const d = await download;
      const wall = Date.now() - t;
      const prof = await stopProfile(session, profiled);
      const lt = await longTasksSince(page, t0);
      let note = 'no download';
      if (d) {
        const saved = path.join(tmp, 'export.csv');
        await d.saveAs(saved);
        const text = fs.readFileSync(saved, 'utf8');
        note = `${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB, ${text.split('\r\n').filter(Boolean).length - 1} lines after the header`;
        fs.rmSync(saved);
      }
      record([x.label, wall, lt.longest, lt.sum, note]);
      describeProfile(x.label, prof).forEach(log);
    }

    // The worker's memory once it has answered the exports (after a load it starts its core afresh
    // from the index it wrote: see startAfresh in web/js/worker-host.js).
    if (loaded) {
      const restart = await page.evaluate(() => { const h = window.MirsadApp && window.MirsadApp.workerHost(); return h && h.lastRestart; }).catch(() => null);
      log(`memory after the exports${restart ? ` (the worker restarted after the load: ${(restart.before / 1048576).toFixed(0)} → ${(restart.after / 1048576).toFixed(0)} MB of wasm memory; index file ${(restart.indexBytes / 1048576).toFixed(0)} MB)` : ' (no worker restart reported)'}:`);
      describeMemory(await memory(page, session, browserSession)).forEach((l) => log('  ' + l));
    }

    // A reload: is the collection searchable again, and after how long?
    if (loaded) {
      const expected = (await readState(page)).documents;
      await startProfile(session, o.profile);
      t = Date.now();
      await page.reload();
      await until(page, () => document.body.dataset.ready === '1', null, 120000);
      const readyMs = Date.now() - t;
      // Restoring may run after "ready": wait while the page is busy, with 10 s of grace.
      let restored = false;
      const end = Date.now() + STEP_TIMEOUT_MS;
      const grace = Date.now() + 10000;
      for (;;) {
        const s = await readState(page);
        if (s.documents >= expected && !s.busy) { restored = true; break; }
        if (s.error || Date.now() > end || (Date.now() > grace && !s.busy)) break;
        await sleep(200);
      }
      const wall = Date.now() - t;
      const prof = await stopProfile(session, o.profile);
      const lt = await longTasksSince(page, 0);
      const s = await readState(page);
      describeProfile('reload', prof).forEach(log);
      record(['reload until searchable again', restored ? wall : NaN, lt.longest, lt.sum,
        restored ? `${s.documents} documents restored (page ready after ${sec(readyMs)})` : `not restored (${s.documents} documents after reload)`]);
      log(`memory after the reload (${s.documents} documents):`);
      describeMemory(await memory(page, session, browserSession)).forEach((l) => log('  ' + l));
    } else {
      record(['reload until searchable again', NaN, NaN, NaN, 'n/a: nothing loaded']);
    }
    if (errors.length) log(`page errors: ${errors.slice(0, 5).join(' | ')}`);
  } finally {
    await browser.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  console.log(`page-scale: ${o.docs} ${corpus.real ? 'SaudiNewsNet' : 'GENERATED (no corpus beside the clone)'} articles (${corpus.distinct} distinct${corpus.distinct < o.docs ? ', repeated under new ids' : ''}), ` +
    `${(corpus.bytes / 1e6).toFixed(1)} MB of .jsonl; page ${o.web}${git ? ` (${git})` : ''}`);
  console.log(`machine: ${os.cpus()[0].model}, ${os.cpus().length} cores; Chromium ${EXECUTABLE}; long task = main-thread task over 50 ms`);
  console.log('');
  console.log('step'.padEnd(44) + 'wall'.padStart(10) + 'longest task'.padStart(14) + 'sum long'.padStart(11) + '   note');
  for (const [step, wall, longest, sum, note] of rows) {
    console.log(step.padEnd(44) + sec(wall).padStart(10) + msf(longest).padStart(14) + msf(sum).padStart(11) + '   ' + note);
  }
  console.log('');
  report.forEach((l) => console.log(l));
}

module.exports = { pageScale };
