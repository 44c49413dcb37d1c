'use strict';
// entity: filters on a static index (issue 17): 1,000 real articles written with
// `mirsad index --static --entities`. Filters by the entities the extractor finds in them (as
// canonical names and as written), alone, with words, negated and two at once, give the
// in-memory engine's answers; an index written without entities refuses them with a message.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { MODULE, Mirsad, cli, cliJson, inMemoryShape: comparable } = require('./helpers');
const { realCorpus } = require('../browser/real-corpus');

test('entity: filters on a static index give the in-memory answers', async (t) => {
  const { docs, real } = realCorpus({ docs: 1000 });
  t.diagnostic(`${docs.length} ${real ? 'SaudiNewsNet' : 'generated'} articles`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-static-entities-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const corpus = path.join(dir, 'corpus.jsonl');
  fs.writeFileSync(corpus, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  const out = path.join(dir, 'index');
  const written = cliJson(['index', '--corpus', corpus, '--static', out, '--entities']);
  t.diagnostic(`written with entities: ${written.files} files in ${written.seconds.total} s`);

  const engine = await Mirsad.create({ factory: require(MODULE) });
  engine.loadFile('corpus.jsonl', fs.readFileSync(corpus));
  const index = await Mirsad.openStaticIndex((name) => fs.promises.readFile(path.join(out, ...name.split('/'))),
    { factory: require(MODULE) });

  // Entities of the first articles, by how many of those articles mention them.
  const counts = new Map();
  for (const d of docs.slice(0, 80)) {
    for (const e of engine.entities(d.id).documents[0].entities) {
      if (e.type === 'NUMBER') continue;
      for (const name of new Set([e.canonical, e.text])) counts.set(name, (counts.get(name) || 0) + 1);
    }
  }
  const names = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([n]) => n).filter((n) => !/"/.test(n)).slice(0, 12);
  assert.ok(names.length >= 8, `${names.length} entities to filter by`);
  let compared = 0, withHits = 0;
  const queries = [];
  for (const [i, name] of names.entries()) {
    queries.push(`entity:"${name}"`, `السعودية entity:"${name}"`, `الرياض -entity:"${name}"`);
    if (i > 0) queries.push(`entity:"${name}" entity:"${names[i - 1]}"`);
  }
  for (const q of queries) {
    const expected = comparable(engine.search(q, { limit: 10 }));
    const actual = await index.search(q, { limit: 10 });
    assert.equal(actual.error, undefined, `«${q}»: ${actual.error}`);
    assert.deepEqual(comparable(actual), expected, `«${q}»`);
    compared++;
    if (expected.hits.length) withHits++;
  }
  t.diagnostic(`${compared} entity queries compared, ${withHits} with hits`);
  assert.ok(withHits > compared / 2);

  // Through the CLI too; and an index without entities refuses the filter, saying how to fix it.
  const viaCli = cliJson(['search', '--index-dir', out, `entity:"${names[0]}"`]);
  assert.deepEqual(comparable(viaCli), comparable(engine.search(`entity:"${names[0]}"`, { limit: 10 })));
  const plain = path.join(dir, 'plain');
  cliJson(['index', '--corpus', corpus, '--static', plain]);
  const refused = cli(['search', '--index-dir', plain, `entity:"${names[0]}"`]);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /written without entities.*--entities/);
  // A static index holds no events: event: and with: are refused with what to do instead.
  for (const q of ['event:MEET', `السعودية with:"${names[0]}"`]) {
    const noEvents = cli(['search', '--index-dir', out, q]);
    assert.equal(noEvents.status, 1, q);
    assert.match(noEvents.stderr, /holds no events.*event: and with:/, q);
  }

  // Entity facets: the people, organizations and places the matches mention. Each count is the
  // number of results its filter leaves, as the in-memory engine counts them; with no words, the
  // whole collection's.
  let facetsChecked = 0;
  for (const q of ['السعودية', 'الرياض -جدة', `date:${docs.find((d) => d.date).date.slice(0, 7)}`, '']) {
    const answer = await index.search(q, { limit: 10, facets: true });
    assert.equal(answer.error, undefined, `«${q}»: ${answer.error}`);
    const entities = answer.facets.entities;
    assert.ok(entities.length > 0, `«${q}» has entity facets`);
    for (const type of ['PERSON', 'ORGANIZATION', 'LOCATION']) assert.ok(entities.some((e) => e.type === type), `«${q}»: ${type}`);
    for (let i = 1; i < entities.length; i++) assert.ok(entities[i - 1].documents >= entities[i].documents);
    for (const e of entities.slice(0, 6)) {
      const narrowed = `${q} entity:"${e.canonical}"`.trim();
      assert.equal(engine.search(narrowed, { limit: 1 }).total, e.documents, `«${narrowed}»`);
      facetsChecked++;
    }
  }
  t.diagnostic(`${facetsChecked} entity facet counts checked against the in-memory engine`);
  const cliFacets = cli(['search', '--index-dir', out, '--facets', 'السعودية']);
  assert.equal(cliFacets.status, 0, cliFacets.stderr);
  assert.match(cliFacets.stdout, /^location: .+ \d+/m);
  // Without entities, facets have none.
  const plainFacets = cliJson(['search', '--index-dir', plain, '--facets', 'السعودية']);
  assert.equal(plainFacets.facets.entities, undefined);
});
