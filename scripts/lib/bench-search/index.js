// scripts/bench search: Mirsad side by side with lunr (lunr.ar), flexsearch, minisearch and Orama in
// headless Chromium, following /work/shared/docs/peers-bench.md (the protocol and the peers' configs).
// Prints numbers and never asserts them. Everything measured goes to build/bench/search-results.json.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');

const { readArticles, querySets, qualitySample } = require('./corpus');
const { startServer } = require('./server');
const { launchBrowser } = require('./browser');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DEFAULT_CORPUS = path.resolve(ROOT, '..', 'shared', 'corpora', 'saudinewsnet');
const OUT_DIR = path.join(ROOT, 'build', 'bench');
const PAGE_DIR = path.join(__dirname, 'page');
const ENTRIES = path.join(__dirname, 'entries');
const ALL_ENGINES = ['mirsad', 'minisearch', 'flexsearch', 'orama', 'lunr'];
const PEERS = new Set(['lunr', 'flexsearch', 'minisearch', 'orama']);
// A step (one build, one query set, the quality loop) that takes longer is abandoned and reported.
const STEP_TIMEOUT_MS = Number(process.env.MIRSAD_BENCH_STEP_TIMEOUT_S || 1200) * 1000;
const MIB = 1 << 20;

const USAGE = 'usage: scripts/bench search [--corpus DIR] [--limit N] [--engines mirsad,minisearch,flexsearch,orama,lunr] [--runs 1] [--out FILE]';

function parseArgs(argv) {
  const o = { corpus: process.env.MIRSAD_BENCH_CORPUS || DEFAULT_CORPUS, limit: Infinity, engines: ALL_ENGINES, runs: 1,
    out: path.join(OUT_DIR, 'search-results.json') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value\n${USAGE}`);
      return argv[++i];
    };
    if (a === '--corpus') o.corpus = path.resolve(val());
    else if (a === '--limit') o.limit = Number(val());
    else if (a === '--engines') o.engines = val().split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '--runs') o.runs = Number(val());
    else if (a === '--out') o.out = path.resolve(val());
    else throw new Error(`unknown argument ${a}\n${USAGE}`);
  }
  if (!(o.limit > 0)) throw new Error(`--limit must be a positive number\n${USAGE}`);
  if (!(Number.isInteger(o.runs) && o.runs >= 1)) throw new Error(`--runs must be a positive integer\n${USAGE}`);
  for (const e of o.engines) if (!ALL_ENGINES.includes(e)) throw new Error(`unknown engine ${e} (known: ${ALL_ENGINES.join(', ')})`);
  return o;
}

const log = (msg) => process.stderr.write(`[bench search] ${msg}\n`);

function pkgVersion(name) {
  try { return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version; } catch { return null; }
}

// esbuild --bundle --minify --format=iife --target=es2020, no legal comments, as peers-bench.md.
async function bundlePeers(engines) {
  const esbuild = require('esbuild');
  const sizes = {};
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const e of engines.filter((x) => PEERS.has(x))) {
    const outfile = path.join(OUT_DIR, `${e}.js`);
    const result = await esbuild.build({
      entryPoints: [path.join(ENTRIES, `${e}.js`)], bundle: true, minify: true, format: 'iife', target: 'es2020',
      legalComments: 'none', outfile, absWorkingDir: ROOT, nodePaths: [path.join(ROOT, 'node_modules')], logLevel: 'error',
      write: false,
    });
    const buf = Buffer.from(result.outputFiles[0].contents);
    // Write then rename, so that a concurrent run (the smoke test) never serves a half-written file.
    const tmp = `${outfile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, buf);
    fs.renameSync(tmp, outfile);
    sizes[e] = { bytes: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length, files: [path.relative(ROOT, outfile)] };
  }
  return sizes;
}

function mirsadFiles() {
  const core = path.join(ROOT, 'build', 'web', 'mirsad-core.js');
  const wrapper = path.join(ROOT, 'web', 'js', 'mirsad.js');
  for (const f of [core, wrapper]) if (!fs.existsSync(f)) throw new Error(`${path.relative(ROOT, f)} is missing: run scripts/build.sh first`);
  const bufs = [fs.readFileSync(core), fs.readFileSync(wrapper)];
  const all = Buffer.concat(bufs);
  return { core, wrapper, bytes: all.length, gzip: zlib.gzipSync(all, { level: 9 }).length,
    files: [path.relative(ROOT, core), path.relative(ROOT, wrapper)], coreMtime: fs.statSync(core).mtime.toISOString() };
}

function withTimeout(promise, ms, what, onTimeout) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => { onTimeout(); reject(new Error(`${what}: gave up after ${ms / 1000} s`)); }, ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

// Nearest-rank percentile.
function percentile(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summarizeLatency(r) {
  const sorted = [...r.times].sort((a, b) => a - b);
  const n = r.hits.length;
  return {
    queries: r.times.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95),
    mean: sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1),
    meanHits: n ? r.hits.reduce((a, b) => a + b, 0) / n : null,
    zeroHitShare: n ? r.hits.filter((h) => h === 0).length / n : null,
    errorCount: r.errorCount, errors: r.errors, times: r.times, hits: r.hits, extra: r.extra,
  };
}

function summarizeQuality(q) {
  const n = q.ranks.length;
  return {
    queries: n, mrr10: q.ranks.reduce((s, r) => s + (r ? 1 / r : 0), 0) / (n || 1),
    recall10: q.ranks.filter((r) => r > 0).length / (n || 1),
    zeroHitShare: q.hits.filter((h) => h === 0).length / (n || 1),
    meanHits: q.hits.reduce((a, b) => a + b, 0) / (n || 1),
    rank1: q.ranks.filter((r) => r === 1).length,
    totalS: q.ms / 1000, errorCount: q.errorCount, errors: q.errors, ranks: q.ranks, extra: q.extra,
  };
}

// One fresh browser: load, measure the baseline, build, measure; then either the three latency sets
// (timing run, title + content) or the known-item loop (quality run, content only).
async function phase(origin, engine, kind) {
  const fields = kind === 'timing' ? ['title', 'content'] : ['content'];
  const out = { kind, fields, load: [os.loadavg()[0]] };
  const browser = await launchBrowser();
  const pageErrors = [];
  let crashed = null;
  try {
    const page = await browser.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`); });
    page.on('crash', () => { crashed = 'renderer crashed (out of memory?)'; });
    const step = (what, fn, arg) => withTimeout(page.evaluate(fn, arg), STEP_TIMEOUT_MS, `${engine} ${kind} ${what}`,
      () => { browser.close().catch(() => {}); })
      .catch((e) => { throw new Error(crashed ? `${what}: ${crashed} (${e.message.split('\n')[0]})` : e.message.split('\n')[0]); });

    await page.goto(`${origin}/bench/page.html`);
    out.info = await step('init', (e) => Bench.init(e), engine);
    out.browserVersion = browser.context.browser()?.version() || null;
    if (!out.info.crossOriginIsolated) log('warning: the page is not crossOriginIsolated, timer resolution is coarse');
    out.baseline = await step('baseline memory', () => Bench.memory());
    log(`${engine} ${kind}: building ${out.info.docs} docs (${fields.join(' + ')})`);
    const build = await step('build', (f) => Bench.build(f), fields);
    out.buildS = build.ms / 1000;
    out.buildExtra = build.extra;
    out.after = await step('memory after build', () => Bench.memory());
    out.heapBytes = out.after.heap - out.baseline.heap;
    out.wasmBytes = out.after.wasm;
    log(`${engine} ${kind}: built in ${out.buildS.toFixed(1)} s, heap +${(out.heapBytes / MIB).toFixed(1)} MB` +
      (out.wasmBytes ? `, wasm ${(out.wasmBytes / MIB).toFixed(1)} MB` : ''));
    if (kind === 'timing') {
      out.latency = {};
      for (const [set, and] of [['oneWord', false], ['twoWord', true], ['title', false]]) {
        out.latency[set] = summarizeLatency(await step(`latency ${set}`, (a) => Bench.latency(a.set, a.and), { set, and }));
        const l = out.latency[set];
        log(`${engine} ${kind}: ${set} p50 ${fmtMs(l.p50)} / p95 ${fmtMs(l.p95)} ms, mean hits ${l.meanHits?.toFixed(2)}` +
          (l.errorCount ? `, ${l.errorCount} errors` : ''));
      }
    } else {
      out.quality = summarizeQuality(await step('quality', () => Bench.quality()));
      log(`${engine} ${kind}: MRR@10 ${out.quality.mrr10.toFixed(3)}, Recall@10 ${out.quality.recall10.toFixed(3)}, ` +
        `${out.quality.totalS.toFixed(1)} s` + (out.quality.errorCount ? `, ${out.quality.errorCount} errors` : ''));
    }
    out.final = await step('final memory', () => Bench.memory());
  } catch (e) {
    out.error = e.message;
    log(`${engine} ${kind}: ERROR ${e.message}`);
  } finally {
    out.pageErrors = pageErrors.slice(0, 20);
    out.load.push(os.loadavg()[0]);
    await browser.close().catch(() => {});
  }
  return out;
}

const fmtMs = (v) => (v === null || v === undefined ? '–' : v < 10 ? v.toFixed(2) : v.toFixed(1));
const fmtMB = (b) => (b === null || b === undefined ? '–' : (b / MIB).toFixed(1));

function table(header, rows, alignLeft = 1) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => '| ' + cells.map((c, i) => (i < alignLeft ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ') + ' |';
  const sep = '|' + widths.map((w, i) => (i < alignLeft ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|';
  return [line(header), sep, ...rows.map(line)].join('\n');
}

const pair = (l) => (l ? `${fmtMs(l.p50)} / ${fmtMs(l.p95)}` : 'error');

function mainTable(results) {
  const header = ['engine', 'docs', 'build s', 'heap MB', 'wasm MB', 'memory MB', '1-word p50 / p95 ms',
    '2-word (AND) p50 / p95 ms', 'title p50 / p95 ms', 'MRR@10', 'Recall@10'];
  const rows = results.map((r) => {
    const t = r.timing, q = r.quality;
    const lat = (t && t.latency) || {};
    return [
      r.engine, t && t.info ? t.info.docs.toLocaleString('en-US') : '–',
      t && t.buildS !== undefined ? t.buildS.toFixed(1) : 'error',
      t && t.heapBytes !== undefined ? fmtMB(t.heapBytes) : 'error',
      r.engine === 'mirsad' && t && t.wasmBytes ? fmtMB(t.wasmBytes) : '–',
      t && t.heapBytes !== undefined ? fmtMB(t.heapBytes + (r.engine === 'mirsad' && t.wasmBytes ? t.wasmBytes : 0)) : 'error',
      pair(lat.oneWord), pair(lat.twoWord), pair(lat.title),
      q && q.quality ? q.quality.mrr10.toFixed(3) : 'error',
      q && q.quality ? q.quality.recall10.toFixed(3) : 'error',
    ];
  });
  return table(header, rows);
}

function detailTable(results) {
  const header = ['engine', 'content-only build s', 'content-only heap MB', 'wasm MB', 'quality loop s',
    'zero-hit 1w / 2w / title / quality', 'mean hits 1w / 2w / title', 'bundle KB min / gz'];
  const z = (l) => (l && l.zeroHitShare !== null ? +l.zeroHitShare.toFixed(3) : '–');
  const h = (l) => (l && l.meanHits !== null ? l.meanHits.toFixed(2) : '–');
  const rows = results.map((r) => {
    const t = r.timing || {}, q = r.quality || {};
    const lat = t.latency || {};
    return [
      r.engine, q.buildS !== undefined ? q.buildS.toFixed(1) : 'error', q.heapBytes !== undefined ? fmtMB(q.heapBytes) : 'error',
      r.engine === 'mirsad' && q.wasmBytes ? fmtMB(q.wasmBytes) : '–',
      q.quality ? q.quality.totalS.toFixed(1) : 'error',
      `${z(lat.oneWord)} / ${z(lat.twoWord)} / ${z(lat.title)} / ${q.quality ? +q.quality.zeroHitShare.toFixed(3) : '–'}`,
      `${h(lat.oneWord)} / ${h(lat.twoWord)} / ${h(lat.title)}`,
      r.bundle ? `${(r.bundle.bytes / 1024).toFixed(1)} / ${(r.bundle.gzip / 1024).toFixed(1)}` : '–',
    ];
  });
  return table(header, rows);
}

function spreadTable(runs, engines) {
  const header = ['engine', 'build s', '1w p50', '1w p95', '2w p50', '2w p95', 'title p50', 'title p95', 'MRR@10'];
  const rows = engines.map((e) => {
    const per = runs.map((run) => run.find((r) => r.engine === e));
    const col = (f) => per.map((r) => { try { return f(r); } catch { return '–'; } }).join(' / ');
    return [e, col((r) => r.timing.buildS.toFixed(1)),
      col((r) => fmtMs(r.timing.latency.oneWord.p50)), col((r) => fmtMs(r.timing.latency.oneWord.p95)),
      col((r) => fmtMs(r.timing.latency.twoWord.p50)), col((r) => fmtMs(r.timing.latency.twoWord.p95)),
      col((r) => fmtMs(r.timing.latency.title.p50)), col((r) => fmtMs(r.timing.latency.title.p95)),
      col((r) => r.quality.quality.mrr10.toFixed(3))];
  });
  return table(header, rows);
}

// Titles that Mirsad's query language reads as operators ("…" phrase, -word exclusion, OR).
function operatorTitles(docs, ids) {
  let quotes = 0, minus = 0, or = 0;
  for (const id of ids) {
    const t = docs[id].title;
    if (/["“”]/u.test(t)) quotes++;
    if (/(^|\s)-\S/u.test(t)) minus++;
    if (/(^|\s)OR(\s|$)/u.test(t)) or++;
  }
  return { quotes, minus, or };
}

async function search(argv) {
  const o = parseArgs(argv);
  const started = Date.now();
  log(`reading ${o.corpus}${Number.isFinite(o.limit) ? ` (first ${o.limit} articles)` : ''}`);
  const { docs, files } = readArticles(o.corpus, o.limit);
  const sets = querySets(docs);
  const sample = qualitySample(docs);
  const plan = { sets, sampleIds: sample.ids };
  const docsJson = Buffer.from(JSON.stringify(docs));
  log(`${docs.length} articles (${(docsJson.length / 1e6).toFixed(1)} MB as JSON), ${sample.candidates} candidates, ` +
    `sample ${sample.ids.length}, first ids ${sample.ids.slice(0, 10).join(', ')}`);

  const bundles = await bundlePeers(o.engines);
  let mirsad = null;
  if (o.engines.includes('mirsad')) {
    mirsad = mirsadFiles();
    bundles.mirsad = { bytes: mirsad.bytes, gzip: mirsad.gzip, files: mirsad.files, coreMtime: mirsad.coreMtime };
  }

  const server = await startServer({
    routes: {
      '/data/docs.json': docsJson,
      '/data/plan.json': Buffer.from(JSON.stringify(plan)),
      ...(mirsad ? { '/build/web/mirsad-core.js': mirsad.core, '/web/js/mirsad.js': mirsad.wrapper } : {}),
    },
    prefixes: { '/bench/': PAGE_DIR, '/build/bench/': OUT_DIR },
  });

  const runs = [];
  try {
    for (let run = 1; run <= o.runs; run++) {
      const rows = [];
      for (const engine of o.engines) {
        log(`run ${run}/${o.runs}: ${engine}`);
        const timing = await phase(server.origin, engine, 'timing');
        const quality = await phase(server.origin, engine, 'quality');
        rows.push({ engine, run, bundle: bundles[engine], timing, quality });
      }
      runs.push(rows);
    }
  } finally {
    await server.close();
  }

  const last = runs[runs.length - 1];
  const versions = {
    lunr: pkgVersion('lunr'), 'lunr-languages': pkgVersion('lunr-languages'), flexsearch: pkgVersion('flexsearch'),
    minisearch: pkgVersion('minisearch'), '@orama/orama': pkgVersion('@orama/orama'), '@orama/stemmers': pkgVersion('@orama/stemmers'),
    esbuild: pkgVersion('esbuild'), 'playwright-core': pkgVersion('playwright-core'),
  };
  const chromium = last.map((r) => r.timing.browserVersion).find(Boolean) || null;
  const seconds = (Date.now() - started) / 1000;

  const out = [];
  out.push(`corpus: ${o.corpus}: ${docs.length.toLocaleString('en-US')} articles` +
    `${Number.isFinite(o.limit) ? ` (--limit ${o.limit})` : ''}; quality sample ${sample.ids.length} of ${sample.candidates} candidates`);
  out.push(`machine: ${os.cpus()[0].model}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; ` +
    `node ${process.version}; Chromium ${chromium}; run ${o.runs} of ${o.runs}${o.runs > 1 ? ' shown' : ''}`);
  out.push('');
  out.push(mainTable(last));
  out.push('');
  out.push('Quality run (content-only index, 1 fresh browser per engine) and the timing sets:');
  out.push(detailTable(last));
  if (runs.length > 1) {
    out.push('');
    out.push('Run to run (run 1 / run 2 / …):');
    out.push(spreadTable(runs, o.engines));
  }
  out.push('');
  out.push('heap MB: usedJSHeapSize after gc ×4 once built, minus the same with only the parsed docs loaded (MB = 2^20 B).');
  out.push('wasm MB: Mirsad\'s linear memory (memory.buffer.byteLength) after the build: the index (the texts stay the page\'s JS strings). memory MB = heap MB + wasm MB, the figure to compare.');
  out.push('Latency: 20 warm-up + 200 timed distinct queries per set, nearest-rank p50/p95, top-10 ids included.');
  const m = last.find((r) => r.engine === 'mirsad');
  if (m) {
    const x = (m.timing && m.timing.buildExtra) || {};
    const init = m.timing && m.timing.info && m.timing.info.init;
    const anyMode = (init && init.anyMode) || x.anyMode;
    if (anyMode && anyMode !== 'or') {
      out.push(`NOTE mirsad: the core does not do OR yet (any: ${anyMode}${init && init.anyError ? `: ${init.anyError}` : ''}); ` +
        'the 1-word, title and quality sets ran as AND of all words.');
    }
    if (init && init.titleSearchable === false) {
      const z = m.timing.latency && m.timing.latency.oneWord ? m.timing.latency.oneWord.zeroHitShare : null;
      out.push('NOTE mirsad: the core does not search the title it is given, so its timing index holds the content only ' +
        `(the peers index title + content)${z !== null ? `; ${(100 * z).toFixed(1)} % of the 1-word queries (words of titles) hit nothing` : ''}.`);
    }
    if (x.addErrors) out.push(`NOTE mirsad: ${x.addErrors} documents refused by addDocuments, e.g. ${JSON.stringify(x.addErrorSamples.slice(0, 2))}`);
    const qx = (m.quality && m.quality.quality && m.quality.quality.extra) || {};
    const ops = operatorTitles(docs, sample.ids);
    out.push(`mirsad: titles are passed as is; in the quality sample ${ops.quotes} contain a quote mark (\" “ ”: phrase), ${ops.minus} a '-word' ` +
      `(exclusion), ${ops.or} an 'OR'; ${qx.queryWarnings || 0} quality queries came back with warnings` +
      (qx.queryWarningKinds && Object.keys(qx.queryWarningKinds).length
        ? ` (${Object.entries(qx.queryWarningKinds).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n}× ${k}`).join('; ')})` : '') + '.');
  }
  for (const r of last) {
    for (const p of [r.timing, r.quality]) if (p && p.error) out.push(`ERROR ${r.engine} (${p.kind} run): ${p.error}`);
  }
  const rel = path.relative(process.cwd(), o.out);
  out.push(`total ${seconds.toFixed(0)} s; raw results: ${rel.startsWith('..') ? o.out : rel}`);
  console.log(out.join('\n'));

  fs.mkdirSync(path.dirname(o.out), { recursive: true });
  fs.writeFileSync(o.out, JSON.stringify({
    protocol: 'peers-bench.md (SaudiNewsNet, seeds 1/2/3 for the 1-word/2-word/title sets, seed 42 sample, k = 10)',
    date: new Date().toISOString(), seconds, options: { ...o, limit: Number.isFinite(o.limit) ? o.limit : null },
    machine: { cpu: os.cpus()[0].model, cores: os.cpus().length, totalmem: os.totalmem(), node: process.version, chromium },
    versions, corpus: { dir: o.corpus, files, articles: docs.length, jsonBytes: docsJson.length },
    queries: {
      oneWord: sets.oneWord, twoWord: sets.twoWord, title: sets.title,
    },
    sample: { candidates: sample.candidates, ids: sample.ids },
    bundles, runs,
  }, null, 1));

  const failed = last.filter((r) => (r.timing && r.timing.error) || (r.quality && r.quality.error));
  if (failed.length) {
    process.exitCode = 1;
    log(`${failed.map((r) => r.engine).join(', ')} failed (see ERROR lines); exit status 1`);
  }
}

module.exports = { search, parseArgs, percentile };
