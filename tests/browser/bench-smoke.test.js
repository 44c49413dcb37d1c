'use strict';
// Smoke test of `scripts/bench search` (the side-by-side search benchmark): it runs on the first
// 300 SaudiNewsNet articles with Mirsad and minisearch and must print a row per engine with an
// MRR@10 and a Recall@10 in [0, 1]. Benchmarks print numbers: no timing is asserted here.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFile } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const CORPUS = process.env.MIRSAD_BENCH_CORPUS || path.resolve(ROOT, '..', 'shared', 'corpora', 'saudinewsnet');
const ENGINES = ['mirsad', 'minisearch'];

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
  { skip: fs.existsSync(CORPUS) ? false : `no corpus at ${CORPUS}`, timeout: 110000 }, async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-bench-smoke-')), 'results.json');
    const { code, stdout, stderr } = await new Promise((resolve) => {
      execFile(process.execPath, [path.join(ROOT, 'scripts', 'bench'), 'search', '--corpus', CORPUS, '--limit', '300',
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
      assert.equal(r[iDocs], '300', `${r[iEngine]} indexed the 300 articles`);
      for (const i of [iMrr, iRecall]) {
        assert.match(r[i], /^\d+\.\d+$/, `${r[iEngine]} ${header[i]} is a number: ${r[i]}`);
        const v = Number(r[i]);
        assert.ok(v >= 0 && v <= 1, `${r[iEngine]} ${header[i]} = ${v} is in [0, 1]`);
      }
    }
    const json = JSON.parse(fs.readFileSync(out, 'utf8'));
    assert.equal(json.sample.ids.length, 300, 'the quality sample is drawn from the first 300 articles');
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });
