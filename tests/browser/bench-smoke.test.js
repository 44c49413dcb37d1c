'use strict';
// Smoke test of `scripts/bench search` (the side-by-side search benchmark): it runs on the first
// 300 SaudiNewsNet articles with Mirsad and minisearch and must print a row per engine with an
// MRR@10 and a Recall@10 in [0, 1]. Benchmarks print numbers: no timing is asserted here.
// Where SaudiNewsNet is not beside the clone (it may not be copied into the repository), the
// harness still runs, on a stand-in corpus in the same layout cut from the bundled seeds, so that
// the benchmark cannot rot unnoticed.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFile } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const REAL_CORPUS = process.env.MIRSAD_BENCH_CORPUS || path.resolve(ROOT, '..', 'shared', 'corpora', 'saudinewsnet');
const ENGINES = ['mirsad', 'minisearch'];
const LIMIT = 300;

// SaudiNewsNet's layout (one zip per day, each a JSON array of {title, content}), one article per
// sentence of the seeds, titled by its first words.
function standInCorpus(dir) {
  const { execFileSync } = require('child_process');
  const seeds = path.join(ROOT, 'seeds');
  const sentences = [];
  for (const f of fs.readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort()) {
    for (const s of fs.readFileSync(path.join(seeds, f), 'utf8').split(/[.؟!\n]+/)) {
      if (s.trim().length > 40) sentences.push(s.trim());
    }
  }
  const articles = [];
  for (const sentence of sentences) articles.push({ title: sentence.split(/\s+/).slice(0, 7).join(' '), content: `${sentence}.` });
  const half = Math.ceil(articles.length / 2);
  [articles.slice(0, half), articles.slice(half)].forEach((day, i) => {
    const json = path.join(dir, `day${i}.json`);
    fs.writeFileSync(json, JSON.stringify(day));
    execFileSync('python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1], "w"); z.write(sys.argv[2], "articles.json"); z.close()',
      path.join(dir, `2015-01-0${i + 1}.zip`), json]);
    fs.rmSync(json);
  });
  return articles.length;
}

// The main table: the header line starting "| engine" and the rows under its separator line.
function parseTable(stdout) {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => /^\|\s*engine\s*\|/.test(l));
  assert.ok(start >= 0, `no table in the output:\n${stdout}`);
  const cells = (l) => l.split('|').slice(1, -1).map((c) => c.trim());
  const header = cells(lines[start]);
  const rows = [];
  for (let i = start + 2; i < lines.length && lines[i].startsWith('|'); i++) rows.push(cells(lines[i]));
  return { header, rows };
}

test('scripts/bench search --limit 300 prints a row per engine with MRR@10 and Recall@10 in [0, 1]',
  { timeout: 110000 }, async (t) => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-bench-smoke-'));
    const out = path.join(tmp, 'results.json');
    let CORPUS = REAL_CORPUS, expectedDocs = LIMIT;
    if (!fs.existsSync(REAL_CORPUS)) {
      CORPUS = path.join(tmp, 'corpus');
      fs.mkdirSync(CORPUS);
      expectedDocs = Math.min(LIMIT, standInCorpus(CORPUS));
      t.diagnostic(`no SaudiNewsNet at ${REAL_CORPUS}: stand-in corpus of ${expectedDocs} articles cut from the seeds`);
    }
    const { code, stdout, stderr } = await new Promise((resolve) => {
      execFile(process.execPath, [path.join(ROOT, 'scripts', 'bench'), 'search', '--corpus', CORPUS, '--limit', String(LIMIT),
        '--engines', ENGINES.join(','), '--out', out], { cwd: ROOT, maxBuffer: 16 << 20, timeout: 105000 },
      (err, so, se) => resolve({ code: err ? (err.code ?? err.signal) : 0, stdout: so, stderr: se }));
    });
    assert.equal(code, 0, `scripts/bench search exited ${code}\n${stdout}\n${stderr}`);

    const { header, rows } = parseTable(stdout);
    const col = (name) => {
      const i = header.indexOf(name);
      assert.ok(i >= 0, `column ${name} in ${header.join(' | ')}`);
      return i;
    };
    const [iEngine, iDocs, iMrr, iRecall] = [col('engine'), col('docs'), col('MRR@10'), col('Recall@10')];
    assert.deepEqual(rows.map((r) => r[iEngine]), ENGINES, 'one row per engine, in order');
    for (const r of rows) {
      assert.equal(r[iDocs], expectedDocs.toLocaleString('en-US'), `${r[iEngine]} indexed the ${expectedDocs} articles`);
      for (const i of [iMrr, iRecall]) {
        assert.match(r[i], /^\d+\.\d+$/, `${r[iEngine]} ${header[i]} is a number: ${r[i]}`);
        const v = Number(r[i]);
        assert.ok(v >= 0 && v <= 1, `${r[iEngine]} ${header[i]} = ${v} is in [0, 1]`);
      }
    }
    const json = JSON.parse(fs.readFileSync(out, 'utf8'));
    assert.ok(json.sample.ids.length > 0 && json.sample.ids.length <= expectedDocs, 'the quality sample is drawn from the indexed articles');
    assert.ok(json.sample.ids.every((id) => id < expectedDocs));
    fs.rmSync(tmp, { recursive: true, force: true });
  });

// `scripts/bench page --runs 1`: each case must report its marks, including the paint of the
// first result (Element Timing), and the transfer table its total. Numbers only, no bound on them.
test('scripts/bench page --runs 1 reports load, first result and its paint for each case, and the page weight',
  { timeout: 120000 }, async () => {
    const { code, stdout, stderr } = await new Promise((resolve) => {
      execFile(process.execPath, [path.join(ROOT, 'scripts', 'bench'), 'page', '--runs', '1'], { timeout: 110000 },
        (err, out, errOut) => resolve({ code: err ? err.code || 1 : 0, stdout: out, stderr: errOut }));
    });
    assert.equal(code, 0, `scripts/bench page exited ${code}\n${stdout}\n${stderr}`);
    const ms = (label) => [...stdout.matchAll(new RegExp(`${label}:\\s+median (\\d+) ms`, 'g'))].map((m) => Number(m[1]));
    const first = ms('first result in the page'), painted = ms('first result painted');
    assert.equal(first.length, 3, `three cases with a first result:\n${stdout}`);
    assert.equal(painted.length, 3, `three cases with a paint time (Element Timing):\n${stdout}`);
    for (let i = 0; i < 3; i++) {
      assert.ok(first[i] > 0 && painted[i] >= first[i], `case ${i}: painted ${painted[i]} before in the page ${first[i]}`);
    }
    for (const label of ['scripts run \\(module parsed\\)', 'engine created \\(lexicon\\)', 'bundled index loaded']) {
      assert.equal(ms(label).length, 2, `${label} in both first-visit cases:\n${stdout}`);
    }
    const total = stdout.match(/total without fonts\s+([\d.]+)\s+([\d.]+)/);
    assert.ok(total && Number(total[1]) > Number(total[2]) && Number(total[2]) > 0, `a total, raw above gzip:\n${stdout}`);
  });

// `scripts/bench analyzer --limit 300`: the native and the wasm chains both report a throughput.
// (It once called a constructor the bindings no longer export, and nothing noticed.)
test('scripts/bench analyzer --limit 300 reports native and wasm throughput', { timeout: 110000 }, async (t) => {
  let corpus = REAL_CORPUS;
  if (!fs.existsSync(REAL_CORPUS)) {
    corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-bench-analyzer-'));
    standInCorpus(corpus);
    t.diagnostic(`no SaudiNewsNet at ${REAL_CORPUS}: stand-in corpus cut from the seeds`);
  }
  const { code, stdout, stderr } = await new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'scripts', 'bench'), 'analyzer', '--corpus', corpus, '--limit', '300'],
      { cwd: ROOT, maxBuffer: 16 << 20, timeout: 105000 },
      (err, so, se) => resolve({ code: err ? (err.code ?? err.signal) : 0, stdout: so, stderr: se }));
  });
  assert.equal(code, 0, `scripts/bench analyzer exited ${code}\n${stdout}\n${stderr}`);
  for (const engine of ['native \\(g\\+\\+\\)', 'wasm \\(node\\)']) {
    const row = stdout.match(new RegExp(`^${engine}\\s+(\\d+)\\s+([\\d.]+)\\s+([\\d.]+)$`, 'm'));
    assert.ok(row, `no ${engine} row:\n${stdout}`);
    assert.ok(Number(row[1]) > 0 && Number(row[3]) > 0, `${engine}: tokens and MB/s above zero:\n${stdout}`);
  }
});
