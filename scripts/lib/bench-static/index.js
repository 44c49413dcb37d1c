// scripts/bench static: Mirsad's static index beside Pagefind 1.x, on SaudiNewsNet, each served by
// one local HTTP server that holds every response `--delay` ms (a network's round trip) and counts
// the bytes it sends, each measured in a fresh headless Chromium (issue 17's table). Prints
// numbers; asserts nothing. Everything measured goes to build/bench/static-results.json.
//
//   scripts/bench static [--corpus DIR] [--limit N] [--delay 50] [--engines mirsad,pagefind]
//                        [--scale 3000,31030,310300] [--quality 1000] [--chunk-bytes N]
//   (--engines '' skips the side-by-side runs: the growth table alone; a scale past the corpus
//   repeats it with new ids, shuffled)
//
// Per engine:
//   build        the timing index (title + content) and the quality index (content only), seconds
//                and files on disk. Mirsad: `scripts/mirsad index --static` (wasm in Node). Pagefind:
//                its Node API with its native binary, forceLanguage 'ar', one record a document.
//   cold         a fresh browser opens the page and runs one 1-word query: every byte sent until
//                its first 10 results are in hand (the module, the index's files, the fragments).
//   title        a fresh browser: 20 warm-up titles, then 200 whole titles (the seed-3 set of
//                peers-bench.md), each timed from the call to the top 10 in hand (Pagefind: search
//                and the ten data() calls; Mirsad: search, which returns them); bytes per query.
//   long tasks   the longest main-thread task (PerformanceObserver from the page's first script):
//                over the cold visitor's whole wait, and over the timed title queries.
//   quality      a fresh browser on the content-only index: the 1,000 known-item titles (seed 42),
//                MRR@10 and Recall@10 (Mirsad: any word, match level word; Pagefind: as shipped,
//                every word required), then the JS heap after gc and the wasm memory.
// Mirsad runs the query-side module (build/wasm/mirsad-query.js and .wasm, what the light widget
// mirsad-search-static.js loads). Both engines' scripts and wasm are served gzipped (as a static
// host does); index files go as written (both engines gzip them themselves).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const http = require('http');
const { execFileSync } = require('child_process');
const { readArticles, querySets, qualitySample, mulberry32 } = require('../bench-search/corpus');
const { launchBrowser } = require('../bench-search/browser');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const OUT = path.join(ROOT, 'build', 'bench', 'static');
const HOOK = fs.readFileSync(path.join(ROOT, 'scripts', 'lib', 'bench-search', 'page', 'wasm-hook.js'), 'utf8');
// The first script of both pages: every long task (over 50 ms) of the main thread from the start,
// so that a pause is measured over the whole window a visitor waits through.
const LONG_TASKS = `self.__longTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) self.__longTasks.push([e.startTime, e.duration]); })
  .observe({ type: 'longtask', buffered: true });`;
// The longest task that started at or after `since` (ms on the page's clock), once the observer
// has delivered the last ones.
async function longestTask(page, since) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
  return page.evaluate((t0) => self.__longTasks.filter(([start]) => start >= t0).reduce((m, [, d]) => Math.max(m, d), 0), since);
}

function log(line) { process.stderr.write(`[bench static] ${line}\n`); }

function parseArgs(argv) {
  const o = { corpus: process.env.MIRSAD_BENCH_CORPUS || path.resolve(ROOT, '..', 'shared', 'corpora', 'saudinewsnet'),
    limit: Infinity, delay: 50, engines: ['mirsad', 'pagefind'], scale: [], quality: 1000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--corpus') o.corpus = argv[++i];
    else if (a === '--limit') o.limit = Number(argv[++i]);
    else if (a === '--delay') o.delay = Number(argv[++i]);
    else if (a === '--engines') o.engines = argv[++i].split(',').filter(Boolean);  // '' for the growth table alone
    else if (a === '--scale') o.scale = argv[++i].split(',').map(Number);
    else if (a === '--quality') o.quality = Number(argv[++i]);
    else if (a === '--chunk-bytes') o.chunkBytes = Number(argv[++i]);
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

// Every file under dir: count and bytes.
function onDisk(dir) {
  let files = 0, bytes = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else { files++; bytes += fs.statSync(p).size; }
    }
  };
  walk(dir);
  return { files, bytes };
}

let chunkBytes = 0;  // 0: the writer's default

function buildMirsad(docs, dir, withTitles) {
  fs.rmSync(dir, { recursive: true, force: true });
  const corpus = `${dir}.jsonl`;
  // Written a line at a time: the corpus ten times over is a 1 GB file, past a string's limit.
  const fd = fs.openSync(corpus, 'w');
  for (let i = 0; i < docs.length; i += 1000) {
    fs.writeSync(fd, docs.slice(i, i + 1000).map((d) => JSON.stringify({ id: String(d.id), title: withTitles ? d.title : '', text: d.content })).join('\n') + '\n');
  }
  fs.closeSync(fd);
  const t0 = Date.now();
  const report = JSON.parse(execFileSync(path.join(ROOT, 'scripts', 'mirsad'),
    ['index', '--corpus', corpus, '--static', dir, '--json', ...(chunkBytes ? ['--chunk-bytes', String(chunkBytes)] : [])],
    { encoding: 'utf8', maxBuffer: 1 << 26 }));
  const seconds = (Date.now() - t0) / 1000;
  fs.unlinkSync(corpus);
  return { seconds, report, ...onDisk(dir) };
}

async function buildPagefind(docs, dir, withTitles) {
  fs.rmSync(dir, { recursive: true, force: true });
  const pagefind = await import('pagefind');
  const t0 = Date.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ar' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  let next = 0;
  const worker = async () => {
    while (next < docs.length) {
      const d = docs[next++];
      const content = withTitles ? `${d.title}\n${d.content}` : d.content;
      await index.addCustomRecord({ url: `/${d.id}`, content, language: 'ar', meta: withTitles ? { title: d.title } : {} });
    }
  };
  await Promise.all(Array.from({ length: 256 }, worker));
  const added = (Date.now() - t0) / 1000;
  await index.writeFiles({ outputPath: dir });
  const seconds = (Date.now() - t0) / 1000;
  await pagefind.close();
  return { seconds, add_seconds: added, ...onDisk(dir) };
}

// One server for both engines: /mirsad/… and /pagefind/… from their folders, the Mirsad scripts,
// two pages. Every response waits `delay` ms; scripts and plain JSON are gzipped (Content-Encoding)
// unless already gzip; `counter.bytes` and `counter.requests` add up what is sent.
function serve({ delay, mirsadDir, pagefindDir }) {
  const counter = { bytes: 0, requests: 0, log: [] };
  const gz = new Map();
  const mirsadPage = `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>mirsad</title>
<script src="/longtasks.js"></script><script src="/hook.js"></script><script src="/mirsad-query.js"></script><script src="/mirsad.js"></script></head><body></body></html>`;
  const pagefindPage = `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>pagefind</title>
<script src="/longtasks.js"></script><script src="/hook.js"></script></head><body></body></html>`;
  const routes = {
    '/mirsad.html': Buffer.from(mirsadPage), '/pagefind.html': Buffer.from(pagefindPage), '/hook.js': Buffer.from(HOOK), '/longtasks.js': Buffer.from(LONG_TASKS),
    // The query-side module, as the light widget (mirsad-search-static.js) loads it.
    '/mirsad-query.js': path.join(ROOT, 'build', 'wasm', 'mirsad-query.js'), '/mirsad-query.wasm': path.join(ROOT, 'build', 'wasm', 'mirsad-query.wasm'),
    '/mirsad.js': path.join(ROOT, 'web', 'js', 'mirsad.js'),
  };
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    let body = routes[url];
    if (typeof body === 'string') body = fs.readFileSync(body);
    for (const [prefix, dir] of [['/mirsad/', mirsadDir], ['/pagefind/', pagefindDir]]) {
      if (body || !dir || !url.startsWith(prefix)) continue;
      const file = path.resolve(dir, url.slice(prefix.length));
      if (file.startsWith(path.resolve(dir) + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) body = fs.readFileSync(file);
    }
    const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cache-Control': 'no-store' };
    setTimeout(() => {
      if (!body) { res.writeHead(404, headers).end(); return; }
      const ext = path.extname(url);
      headers['Content-Type'] = ext === '.html' ? 'text/html; charset=utf-8' : ext === '.js' ? 'text/javascript'
        : ext === '.wasm' ? 'application/wasm' : 'application/octet-stream';
      const isGzip = body[0] === 0x1f && body[1] === 0x8b;
      if (!isGzip && ['.js', '.html', '.json', '.css', '.wasm'].includes(ext)) {
        if (!gz.has(url)) gz.set(url, zlib.gzipSync(body, { level: 9 }));
        body = gz.get(url);
        headers['Content-Encoding'] = 'gzip';
      }
      counter.bytes += body.length;
      counter.requests += 1;
      counter.log.push([url, body.length]);
      res.writeHead(200, headers).end(body);
    }, delay);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    origin: `http://127.0.0.1:${server.address().port}`, counter,
    reset() { counter.bytes = 0; counter.requests = 0; counter.log = []; },
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  })));
}

// In the page: open the engine, and a function that runs one query to its top 10 in hand.
const PAGE_SETUP = {
  async mirsad() {
    self.index = await Mirsad.openStaticIndex('/mirsad/');
    self.query = async (q, any) => {
      const r = await self.index.search(q, { any, limit: 10 });
      if (r.error) throw new Error(r.error);
      return r.hits.map((h) => h.id);
    };
  },
  async pagefind() {
    self.pagefind = await import('/pagefind/pagefind.js');
    await self.pagefind.options({ noWorker: true });
    await self.pagefind.init();
    self.query = async (q) => {
      const found = await self.pagefind.search(q);
      const data = await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
      return data.map((d) => d.url.replace(/^\//, '').replace(/\/$/, ''));
    };
  },
};

async function openEngine(server, engine) {
  const { context, close } = await launchBrowser();
  const page = await context.newPage();
  await page.goto(`${server.origin}/${engine}.html`);
  await page.evaluate(`(${PAGE_SETUP[engine].toString().replace(/^async \w+\(/, 'async function (')})()`);
  return { page, close };
}

async function cold(server, engine, query) {
  server.reset();
  const { page, close } = await launchBrowser().then(async ({ context, close: c }) => ({ page: await context.newPage(), close: c }));
  const t0 = Date.now();
  await page.goto(`${server.origin}/${engine}.html`);
  await page.evaluate(`(${PAGE_SETUP[engine].toString().replace(/^async \w+\(/, 'async function (')})()`);
  const ids = await page.evaluate((q) => self.query(q, true), query);
  const ms = Date.now() - t0;
  const out = { ms, bytes: server.counter.bytes, requests: server.counter.requests, hits: ids.length,
    files: server.counter.log.map(([u, b]) => `${u} ${b}`), longest_task_ms: await longestTask(page, 0) };
  await close();
  return out;
}

function percentile(values, p) {
  const s = values.slice().sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
}

async function titles(server, engine, set) {
  const { page, close } = await openEngine(server, engine);
  for (const q of set.warmup) await page.evaluate((x) => self.query(x, true), q);
  server.reset();
  const since = await page.evaluate(() => performance.now());
  const times = [];
  let hits = 0;
  for (const q of set.timed) {
    const r = await page.evaluate(async (x) => {
      const t0 = performance.now();
      const ids = await self.query(x, true);
      return { ms: performance.now() - t0, n: ids.length };
    }, q);
    times.push(r.ms);
    hits += r.n;
  }
  const out = { queries: set.timed.length, p50: percentile(times, 50), p95: percentile(times, 95),
    kb_per_query: server.counter.bytes / 1024 / set.timed.length, requests_per_query: server.counter.requests / set.timed.length,
    mean_hits: hits / set.timed.length, longest_task_ms: await longestTask(page, since) };
  await close();
  return out;
}

async function quality(server, engine, sample, docsById) {
  const { page, close } = await openEngine(server, engine);
  let rr = 0, found = 0, zero = 0;
  const t0 = Date.now();
  for (const id of sample) {
    const ids = await page.evaluate((q) => self.query(q, true), docsById.get(id).title.trim());
    const rank = ids.indexOf(String(id));
    if (rank >= 0) { rr += 1 / (rank + 1); found++; }
    if (!ids.length) zero++;
  }
  const memory = await page.evaluate(async () => {
    for (let i = 0; i < 4; i++) { if (self.gc) self.gc(); await new Promise((r) => setTimeout(r, 50)); }
    return { heap: performance.memory.usedJSHeapSize, wasm: self.benchWasmBytes().bytes };
  });
  await close();
  return { queries: sample.length, mrr10: rr / sample.length, recall10: found / sample.length, zero_hit_share: zero / sample.length,
    seconds: (Date.now() - t0) / 1000, heap_mb: memory.heap / 2 ** 20, wasm_mb: memory.wasm / 2 ** 20 };
}

async function benchStatic(argv) {
  const o = parseArgs(argv);
  chunkBytes = o.chunkBytes || 0;
  fs.mkdirSync(OUT, { recursive: true });
  const { docs } = readArticles(o.corpus, o.limit);
  const sets = querySets(docs);
  const sample = qualitySample(docs, o.quality).ids;
  const docsById = new Map(docs.map((d) => [d.id, d]));
  log(`${docs.length} articles; delay ${o.delay} ms a response; engines ${o.engines.join(', ')}`);
  const results = { corpus: o.corpus, documents: docs.length, delay_ms: o.delay, chunk_bytes: chunkBytes || 'default', machine: `${os.cpus()[0].model}, ${os.cpus().length} cores`,
    node: process.version, pagefind: require(path.join(ROOT, 'node_modules', 'pagefind', 'package.json')).version, engines: {} };
  for (const engine of o.engines) {
    const r = results.engines[engine] = {};
    const timingDir = path.join(OUT, `${engine}-timing`), qualityDir = path.join(OUT, `${engine}-quality`);
    const build = engine === 'mirsad' ? (d, w) => buildMirsad(docs, d, w) : (d, w) => buildPagefind(docs, d, w);
    log(`${engine}: building the timing index`);
    r.build = await build(timingDir, true);
    log(`${engine}: ${r.build.seconds} s, ${r.build.files} files, ${(r.build.bytes / 2 ** 20).toFixed(1)} MB`);
    log(`${engine}: building the quality index (content only)`);
    r.build_quality = await build(qualityDir, false);
    let server = await serve({ delay: o.delay, mirsadDir: engine === 'mirsad' ? timingDir : null, pagefindDir: engine === 'pagefind' ? timingDir : null });
    try {
      r.cold = await cold(server, engine, sets.oneWord.timed[0]);
      log(`${engine}: cold ${(r.cold.bytes / 1024).toFixed(1)} KB in ${r.cold.requests} requests, ${r.cold.ms} ms`);
      r.title = await titles(server, engine, sets.title);
      log(`${engine}: titles p50 ${r.title.p50.toFixed(1)} / p95 ${r.title.p95.toFixed(1)} ms, ${r.title.kb_per_query.toFixed(1)} KB/query`);
    } finally { await server.close(); }
    server = await serve({ delay: o.delay, mirsadDir: engine === 'mirsad' ? qualityDir : null, pagefindDir: engine === 'pagefind' ? qualityDir : null });
    try {
      r.quality = await quality(server, engine, sample, docsById);
      log(`${engine}: MRR@10 ${r.quality.mrr10.toFixed(3)}, R@10 ${r.quality.recall10.toFixed(3)}, memory ${r.quality.heap_mb.toFixed(1)} + ${r.quality.wasm_mb.toFixed(1)} MB`);
    } finally { await server.close(); }
  }
  // Growth: the Mirsad build at other sizes (the first N articles).
  results.scale = [];
  for (const n of o.scale) {
    // Past the corpus's size: the corpus again and again, with new ids (copy-K-ID), in a shuffled
    // order (seeded): copies side by side would make every postings list repeat itself within
    // gzip's window and flatter the bytes.
    let part = docs.slice(0, n);
    if (n > docs.length) {
      part = Array.from({ length: n }, (_, i) => {
        const d = docs[i % docs.length], copy = Math.floor(i / docs.length);
        return copy === 0 ? d : { ...d, id: `copy-${copy}-${d.id}` };
      });
      const rng = mulberry32(7);
      for (let i = part.length - 1; i > 0; i--) {
        const j = Math.floor(rng() * (i + 1));
        [part[i], part[j]] = [part[j], part[i]];
      }
    }
    const dir = path.join(OUT, `mirsad-scale-${n}`);
    const b = buildMirsad(part, dir, true);
    const server = await serve({ delay: o.delay, mirsadDir: dir });
    let t;
    try { t = await titles(server, 'mirsad', querySets(part).title); } finally { await server.close(); }
    results.scale.push({ documents: part.length, build_s: b.seconds, files: b.files, mb: b.bytes / 2 ** 20, kb_per_title_query: t.kb_per_query,
      segments: b.report.segments, p50: t.p50, p95: t.p95 });
    fs.rmSync(dir, { recursive: true, force: true });
    log(`scale ${part.length}: ${b.seconds} s (${b.report.segments} segment(s)), ${b.files} files, ${(b.bytes / 2 ** 20).toFixed(1)} MB, ` +
      `${t.kb_per_query.toFixed(1)} KB/title query, p50 ${t.p50.toFixed(1)} / p95 ${t.p95.toFixed(1)} ms`);
  }
  fs.writeFileSync(path.join(ROOT, 'build', 'bench', 'static-results.json'), JSON.stringify(results, null, 1));
  print(results);
}

function print(r) {
  const engines = Object.keys(r.engines);
  const row = (label, f) => `| ${label} | ${engines.map((e) => { try { return f(r.engines[e]); } catch (x) { return '–'; } }).join(' | ')} |`;
  const kb = (b) => (b / 1024).toFixed(1);
  const lines = [];
  lines.push(`corpus ${r.corpus}: ${r.documents} articles; every response held ${r.delay_ms} ms; Mirsad chunks ${r.chunk_bytes}; ` +
    `${r.machine}; node ${r.node}; pagefind ${r.pagefind}`);
  lines.push('');
  if (engines.length) {
    lines.push(`| figure | ${engines.join(' | ')} |`);
    lines.push(`|---|${engines.map(() => '---:').join('|')}|`);
    lines.push(row('bytes before the first 10 results, cold visitor, module included (KB)', (e) => `${kb(e.cold.bytes)} (${e.cold.requests} requests, ${e.cold.ms} ms)`));
    lines.push(row('bytes per whole-title query, fresh page (KB)', (e) => `${e.title.kb_per_query.toFixed(1)} (${e.title.requests_per_query.toFixed(1)} requests)`));
    lines.push(row('title query p50 / p95, search + top 10 in hand (ms)', (e) => `${e.title.p50.toFixed(1)} / ${e.title.p95.toFixed(1)}`));
    lines.push(row('MRR@10 / Recall@10, known-item titles (content-only index)', (e) => `${e.quality.mrr10.toFixed(3)} / ${e.quality.recall10.toFixed(3)} (${e.quality.queries} queries, zero-hit ${(e.quality.zero_hit_share * 100).toFixed(1)} %)`));
    lines.push(row('memory after those queries, JS heap + wasm (MB)', (e) => `${e.quality.heap_mb.toFixed(1)} + ${e.quality.wasm_mb.toFixed(1)}`));
    lines.push(row('longest main-thread task: cold visitor, page load to first 10 results / over the timed title queries (ms)',
      (e) => `${e.cold.longest_task_ms.toFixed(0)} / ${e.title.longest_task_ms.toFixed(0)}`));
    lines.push(row('build time, timing index (s)', (e) => `${e.build.seconds.toFixed(1)}`));
    lines.push(row('index on disk, timing index (MB, files)', (e) => `${(e.build.bytes / 2 ** 20).toFixed(1)}, ${e.build.files}`));
  }
  if (r.scale.length) {
    lines.push('');
    lines.push('| Mirsad at | segments | build s | files | MB on disk | KB per title query | title query p50 / p95 (ms) |');
    lines.push('|---:|---:|---:|---:|---:|---:|---:|');
    for (const s of r.scale) {
      lines.push(`| ${s.documents} | ${s.segments} | ${s.build_s.toFixed(1)} | ${s.files} | ${s.mb.toFixed(1)} | ${s.kb_per_title_query.toFixed(1)} | ` +
        `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)} |`);
    }
  }
  console.log(lines.join('\n'));
}

module.exports = { benchStatic };
