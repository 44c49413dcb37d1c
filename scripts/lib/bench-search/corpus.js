// The SaudiNewsNet article list, the query sets and the known-item sample of peers-bench.md.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

// 18 zips sorted by file name, one JSON array each, array order kept; id = 0-based position in
// the concatenation; null/missing title or content → "".
function readArticles(dir, limit = Infinity) {
  if (!fs.existsSync(dir)) throw new Error(`corpus folder not found: ${dir}`);
  const zips = fs.readdirSync(dir).filter((f) => f.endsWith('.zip')).sort();
  if (zips.length === 0) throw new Error(`no .zip files in ${dir}`);
  const docs = [];
  const files = [];
  for (const zip of zips) {
    const json = execFileSync('unzip', ['-p', path.join(dir, zip)], { maxBuffer: 1 << 30, encoding: 'utf8' });
    const articles = JSON.parse(json);
    if (!Array.isArray(articles)) throw new Error(`${zip}: expected one JSON array`);
    files.push({ file: zip, first: docs.length, count: articles.length });
    for (const a of articles) {
      if (docs.length >= limit) break;
      docs.push({ id: docs.length, title: str(a && a.title), content: str(a && a.content) });
    }
    if (docs.length >= limit) break;
  }
  return { docs, files };
}

function str(v) { return typeof v === 'string' ? v : (v === null || v === undefined ? '' : String(v)); }

// mulberry32 with JS semantics, exactly as peers-bench.md states it.
function mulberry32(seed) {
  let a = seed | 0;
  return function rng() {
    a = (a + 0x6D2B79F5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WARMUP = 20;
const TIMED = 200;

// Draws `want` distinct queries: pick a random doc from `pool` (rng), let `pick` derive a query from
// it (with the same rng) or return null to redraw. Gives up after a bounded number of draws so that
// a small --limit yields a shorter set instead of looping forever.
function drawDistinct(pool, rng, pick, want) {
  const out = [];
  const seen = new Set();
  if (pool.length === 0) return out;
  for (let tries = 0; out.length < want && tries < want * 200; tries++) {
    const doc = pool[Math.floor(rng() * pool.length)];
    const q = pick(doc, rng);
    if (q === null || seen.has(q)) continue;
    seen.add(q);
    out.push(q);
  }
  return out;
}

const SPLIT_TITLE = /[^\p{L}\p{M}\p{N}]+/u;
const LETTERS = /^\p{L}+$/u;
const LETTERS2 = /^\p{L}{2,}$/u;

// Three sets of 20 warm-up + 200 timed distinct queries (seeds 1, 2, 3) over the given docs.
function querySets(docs) {
  const withTitle = docs.filter((d) => d.title.trim() !== '');
  const withContent = docs.filter((d) => d.content.trim() !== '');
  const want = WARMUP + TIMED;

  const oneWord = drawDistinct(withTitle, mulberry32(1), (d, rng) => {
    const words = d.title.split(SPLIT_TITLE).filter((w) => w.length > 3 && LETTERS.test(w));
    return words.length ? words[Math.floor(rng() * words.length)] : null;
  }, want);

  // A random adjacent pair of the trimmed content; when either token is not /^\p{L}{2,}$/ the draw
  // starts again from a new doc. This reading reproduces the 2-word mean hits and zero-hit shares that
  // peers-bench.md publishes for all four peers (choosing among the valid pairs instead does not).
  const twoWord = drawDistinct(withContent, mulberry32(2), (d, rng) => {
    const toks = d.content.trim().split(/\s+/);
    if (toks.length < 2) return null;
    const i = Math.floor(rng() * (toks.length - 1));
    return LETTERS2.test(toks[i]) && LETTERS2.test(toks[i + 1]) ? `${toks[i]} ${toks[i + 1]}` : null;
  }, want);

  const title = drawDistinct(withTitle, mulberry32(3), (d) => d.title.trim(), want);

  const split = (qs) => {
    const warm = Math.min(WARMUP, Math.floor(qs.length / 10));
    return { warmup: qs.slice(0, warm), timed: qs.slice(warm) };
  };
  return { oneWord: split(oneWord), twoWord: split(twoWord), title: split(title) };
}

// Known-item sample: candidates = ids with non-empty trimmed title and content, ascending; partial
// Fisher–Yates with mulberry32(42) for min(1000, n) positions.
function qualitySample(docs, size = 1000, seed = 42) {
  const c = docs.filter((d) => d.title.trim() !== '' && d.content.trim() !== '').map((d) => d.id);
  const n = c.length;
  const k = Math.min(size, n);
  const rng = mulberry32(seed);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = c[i]; c[i] = c[j]; c[j] = t;
  }
  return { candidates: n, ids: c.slice(0, k) };
}

module.exports = { readArticles, mulberry32, querySets, qualitySample, WARMUP, TIMED };
