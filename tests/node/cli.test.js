'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { ROOT, cli, cliJson, seedTexts, engineWithSeeds } = require('./helpers');

test('search --json follows the contract and every match is an occurrence of the query word', async () => {
  const texts = seedTexts();
  const engine = await engineWithSeeds();
  const result = cliJson(['search', '--limit', '100', 'ليبيا']);
  assert.deepEqual(Object.keys(result).slice(0, 5), ['query', 'mode', 'total', 'matches_total', 'hits']);
  assert.equal(result.matches_total, result.hits.reduce((n, h) => n + h.matches.length, 0),
    'matches_total counts the occurrences of every matching document');
  const firstOnly = cliJson(['search', '--limit', '1', 'ليبيا']);
  assert.equal(firstOnly.hits.length, 1);
  assert.deepEqual([firstOnly.total, firstOnly.matches_total], [result.total, result.matches_total],
    'totals do not depend on the limit');
  assert.equal(result.mode, 'word');
  assert.equal(result.total, texts.size, 'every bundled article mentions Libya');
  assert.equal(result.hits.length, result.total);
  for (const hit of result.hits) {
    const text = texts.get(hit.id);
    assert.ok(text, `unknown id ${hit.id}`);
    let last = -1;
    for (const [start, end] of hit.matches) {
      assert.ok(start > last && end > start && end <= text.length, `ordered, in bounds: ${start}-${end}`);
      last = end;
      // The core, asked about the highlighted slice alone, must see the query word in it.
      const tokens = engine.normalize(text.slice(start, end)).tokens;
      assert.equal(tokens.length, 1, `one word: «${text.slice(start, end)}»`);
      assert.equal(tokens[0].base, 'ليبيا', `«${text.slice(start, end)}» is a form of ليبيا`);
    }
    // And no occurrence was left out: count the word-level tokens of the whole document.
    const all = engine.normalize(text).tokens.filter((t) => t.base === 'ليبيا');
    assert.equal(hit.matches.length, all.length, `${hit.id}: every occurrence reported`);
  }
});

test('clitic forms are found and the adjective is not', () => {
  const texts = seedTexts();
  const found = new Set();
  for (const hit of cliJson(['search', '--limit', '100', 'ليبيا']).hits) {
    for (const [s, e] of hit.matches) found.add(texts.get(hit.id).slice(s, e));
  }
  for (const form of ['وليبيا', 'لليبيا', 'ليبيا']) assert.ok(found.has(form), `${form} found`);
  for (const form of found) assert.ok(!form.includes('ليبية'), `${form} is not the adjective`);
});

test('modes differ as documented: exact ⊂ normalized ⊆ word ⊆ stem', () => {
  const count = (mode, q) => cliJson(['search', '--mode', mode, '--limit', '100', q]).hits
    .reduce((n, h) => n + h.matches.length, 0);
  const exact = count('exact', 'الإرهاب'), normalized = count('normalized', 'الإرهاب');
  const word = count('word', 'الإرهاب'), stem = count('stem', 'الإرهاب');
  assert.ok(exact <= normalized && normalized <= word && word < stem, `${exact} ${normalized} ${word} ${stem}`);
});

test('search accepts a JSONL corpus and reports UTF-16 offsets past astral characters', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-'));
  const file = path.join(dir, 'c.jsonl');
  const text = '😀 زار الوفد ليبيا 😀 ثم بليبيا';
  fs.writeFileSync(file, JSON.stringify({ id: 'a', text }) + '\n{broken\n');
  const run = cli(['search', '--corpus', file, '--json', 'ليبيا']);
  assert.equal(run.status, 0);
  assert.match(run.stderr, /c\.jsonl:2/, 'the bad line is named');
  const result = JSON.parse(run.stdout);
  assert.deepEqual(result.hits[0].matches.map(([s, e]) => text.slice(s, e)), ['ليبيا', 'بليبيا']);
});

test('entities --json follows the contract and spans match their text', () => {
  const texts = seedTexts();
  const result = cliJson(['entities']);
  assert.equal(result.documents.length, texts.size);
  const types = new Set(['PERSON', 'LOCATION', 'ORGANIZATION', 'DATE', 'NUMBER', 'NATIONALITY']);
  for (const doc of result.documents) {
    const text = texts.get(doc.id);
    assert.ok(doc.entities.length > 0);
    for (const e of doc.entities) {
      assert.ok(types.has(e.type), e.type);
      assert.equal(text.slice(e.start, e.end), e.text);
      for (const key of ['canonical', 'label_en']) assert.equal(typeof e[key], 'string');
    }
  }
  const one = cliJson(['entities', '--id', '002_22c4a9953928181b']);
  assert.equal(one.documents.length, 1);
});

test('entities --text-file reads a text outside the corpus', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-'));
  const file = path.join(dir, 'note.txt');
  fs.writeFileSync(file, 'وصل الوفد إلى تونس يوم 2019/03/12.');
  const result = cliJson(['entities', '--text-file', file]);
  const types = result.documents[0].entities.map((e) => `${e.type}:${e.text}`);
  assert.ok(types.includes('LOCATION:تونس'), types.join(' '));
  assert.ok(types.includes('DATE:2019/03/12'), types.join(' '));
});

test('normalize --json gives every level for each token', () => {
  const result = cliJson(['normalize', 'وَلِلْجَزَائِرِ']);
  assert.equal(result.tokens.length, 1);
  const t = result.tokens[0];
  assert.deepEqual([t.start, t.end, t.norm, t.base], [0, 15, 'وللجزائر', 'جزائر']);
});

test('usage errors exit 2, a missing corpus exits 1, both with a message', () => {
  const noQuery = cli(['search']);
  assert.equal(noQuery.status, 2);
  assert.match(noQuery.stderr, /needs a QUERY/);
  const badMode = cli(['search', '--mode', 'fuzzy', 'x']);
  assert.equal(badMode.status, 2);
  const missing = cli(['search', '--corpus', '/nonexistent/folder', 'x']);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /corpus not found/);
});

test('entities --overview: the corpus entities, pairs and timeline, as the module computes them', async () => {
  const engine = await engineWithSeeds();
  const expected = engine.entityOverview([], 40);
  const out = cliJson(['entities', '--overview']);
  assert.equal(out.documents, 5);
  assert.deepEqual(out.entities.map((e) => [e.type, e.canonical, e.documents, e.mentions]),
    expected.entities.map((e) => [e.type, e.canonical, e.documents, e.mentions]));
  assert.deepEqual(out.pairs, expected.pairs);
  assert.deepEqual(out.timeline.map((x) => x.period), expected.timeline.map((x) => x.period));
  const text = cli(['entities', '--overview']);
  assert.equal(text.status, 0);
  assert.match(text.stdout, /together \(documents \/ sentences\)/);
  assert.match(text.stdout, /ليبيا \(Libya\)/);
});

// Issue 14: `process.exit()` ran before stdout drained, so a pipe to a reader slower than the
// CLI received the first 64 KB (the pipe's buffer) and the exit status said all was well.
test('output larger than a pipe buffer reaches a slow reader whole, with the exit status', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-'));
  const corpus = path.join(dir, 'many.jsonl');
  const lines = [];
  let n = 0;
  for (const [id, text] of seedTexts()) for (let copy = 0; copy < 4; copy++) lines.push(JSON.stringify({ id: `${id}-${copy}`, text }));
  fs.writeFileSync(corpus, lines.join('\n') + '\n');
  // The reader takes a chunk, then waits before asking for the next, so the CLI's writes queue up.
  const reader = path.join(dir, 'slow-reader.js');
  fs.writeFileSync(reader, `
    const chunks = [];
    process.stdin.on('data', (c) => { chunks.push(c); process.stdin.pause(); setTimeout(() => process.stdin.resume(), 30); });
    process.stdin.on('end', () => process.stdout.write(Buffer.concat(chunks)));`);
  const direct = cli(['entities', '--corpus', corpus, '--json']);
  assert.equal(direct.status, 0);
  const expected = Buffer.byteLength(direct.stdout);
  assert.ok(expected > 2 * 65536, `the output (${expected} bytes) is several pipe buffers long`);
  for (const args of [['entities', '--corpus', corpus, '--json'], ['entities', '--corpus', corpus],
    ['search', '--corpus', corpus, '--limit', '1000', '--json', 'ليبيا']]) {
    const run = spawnSync('bash', ['-c', '"$0" "$@" | node "$READER"; exit "${PIPESTATUS[0]}"', path.join(ROOT, 'scripts', 'mirsad'), ...args],
      { encoding: 'utf8', env: { ...process.env, READER: reader }, maxBuffer: 64 * 1024 * 1024 });
    assert.equal(run.status, 0, `${args.join(' ')}: ${run.stderr}`);
    const whole = cli(args, { maxBuffer: 64 * 1024 * 1024 }).stdout;
    assert.equal(Buffer.byteLength(run.stdout), Buffer.byteLength(whole), `${args.join(' ')}: every byte arrived`);
    assert.equal(run.stdout, whole);
    if (args.includes('--json')) JSON.parse(run.stdout);
    n++;
  }
  assert.equal(n, 3);
  // A usage error still exits 2 through a pipe, with its message.
  const usage = spawnSync('bash', ['-c', '"$0" search | cat; exit "${PIPESTATUS[0]}"', path.join(ROOT, 'scripts', 'mirsad')], { encoding: 'utf8' });
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /needs a QUERY/);
});

// Issue 14: ids, texts and file names went to the terminal raw, so a document could set the
// window title (OSC 0), clear the screen (CSI 2J), write a hyperlink (OSC 8) or reverse a line.
test('human-readable output escapes terminal and bidi controls from documents; --json stays exact', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-'));
  const file = path.join(dir, 'c\x1b[31m.jsonl');
  const id = 'x\x1b]0;pwned\x07\u202E\u009b2J';
  const text = 'زار الوفد طرابلس\x1b[2J ثم \x1b]8;;http://evil.example\x1b\\رابط\x1b]8;;\x1b\\ في ليبيا\u202D مع سامح شكري\x7f.';
  fs.writeFileSync(file, JSON.stringify({ id, text }) + '\n{broken\n');
  const raw = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
  const runs = [
    cli(['search', '--corpus', file, 'طرابلس']),
    cli(['entities', '--corpus', file]),
    cli(['entities', '--corpus', file, '--overview']),
    cli(['normalize', text]),
    cli(['search', '--corpus', file, `طرابلس\x1b[2J`]),
  ];
  for (const run of runs) {
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stdout, raw, JSON.stringify(run.stdout));
    assert.doesNotMatch(run.stderr, raw, JSON.stringify(run.stderr));
  }
  assert.ok(runs[0].stdout.includes('x\\x1b]0;pwned\\x07\\u202e\\x9b2J'), 'the id, its controls shown as escapes');
  assert.ok(runs[0].stdout.includes('\\x1b[2J'), runs[0].stdout);
  assert.ok(runs[0].stderr.includes('c\\x1b[31m.jsonl:2'), 'the file named in the warning, escaped');
  assert.ok(runs[1].stdout.includes('x\\x1b]0;pwned'), runs[1].stdout);
  // The JSON is the data as it is: the id and offsets into the text with its controls.
  const json = cliJson(['search', '--corpus', file, 'طرابلس']);
  assert.equal(json.hits[0].id, id);
  const [start, end] = json.hits[0].matches[0];
  assert.equal(text.slice(start, end), 'طرابلس');
  assert.equal(cliJson(['entities', '--corpus', file]).documents[0].id, id);
});

// Issue 14: a record nested 20,000 levels deep overflowed the stack: the CLI exited with
// "Maximum call stack size exceeded" and the file's valid records were lost.
test('a .json record nested too deep is refused with its file and line, and the valid records are kept', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-deep-json-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const lines = [
    '[' + JSON.stringify({ id: 'a', text: 'سقط نيزك فوق غات' }) + ',',
    '{"id": "deep", "text": "نيزك", "title": ' + '['.repeat(20000) + ']'.repeat(20000) + '},',
    '{"id": "deep2", "text": "نيزك", "source": ' + '{"x":'.repeat(20000) + '1' + '}'.repeat(20000) + '},',
    JSON.stringify({ id: 'b', text: 'نيزك آخر' }) + ']',
  ];
  const file = path.join(dir, 'news.json');
  fs.writeFileSync(file, lines.join('\n'));
  const r = cli(['search', '--corpus', file, '--json', 'نيزك']);
  assert.doesNotMatch(r.stderr, /call stack/);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).hits.map((h) => h.id).sort(), ['a', 'b']);
  assert.match(r.stderr, /^warning: news\.json:2: record 2: nested deeper than 64 levels/m);
  assert.match(r.stderr, /^warning: news\.json:3: record 3: nested deeper than 64 levels/m);
});

// Issue 14: a syntax error or a JSON.stringify'd lone surrogate refused the whole file; a
// duplicate id did not say where it was.
test('a .json corpus with a syntax error, a lone surrogate and a duplicate keeps its valid records and names the lines', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-bad-json-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const lines = [
    '[' + JSON.stringify({ id: 'a', text: 'سقط نيزك فوق غات' }) + ',',
    '{"id": "broken", "text": "نيزك" oops},',
    JSON.stringify({ id: 'surrogate', text: 'نيزك \ud800 آخر' }) + ',',
    JSON.stringify({ id: 'a', text: 'نيزك مكرّر' }),
    ']',
  ];
  assert.match(lines[2], /\\ud800/, 'JSON.stringify writes the lone surrogate as an escape');
  const file = path.join(dir, 'news.json');
  fs.writeFileSync(file, lines.join('\n'));
  const r = cli(['search', '--corpus', file, '--json', 'نيزك']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).hits.map((h) => h.id).sort(), ['a', 'surrogate']);
  assert.match(r.stderr, /^warning: news\.json:2: record 2: malformed JSON/m);
  assert.match(r.stderr, /^warning: news\.json:3: lone surrogate escape: 1 /m);
  assert.match(r.stderr, /^warning: news\.json:4: document a: duplicate id/m);
});
