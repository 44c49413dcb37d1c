'use strict';
// `mirsad events`: the JSON contract, offsets exact in UTF-16, the engine's events equal to the
// CLI's, event: and with: filters in agreement with the events themselves, and bad input.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { cli, cliJson, seedTexts, engineWithSeeds } = require('./helpers');

const TYPES = ['MEET', 'VISIT', 'ATTACK', 'AGREEMENT'];
const MODALITIES = ['asserted', 'planned', 'negated', 'failed'];

test('events --json follows the contract; every offset slices to the text it names', async () => {
  const texts = seedTexts();
  const out = cliJson(['events']);
  assert.deepEqual(out.documents.map((d) => d.id), [...texts.keys()]);
  let events = 0;
  for (const doc of out.documents) {
    const text = texts.get(doc.id);
    for (const e of doc.events) {
      events++;
      assert.deepEqual(Object.keys(e), ['type', 'trigger', 'trigger_text', 'mentions', 'participants', 'place', 'date', 'modality', 'sentence']);
      assert.ok(TYPES.includes(e.type), e.type);
      assert.ok(MODALITIES.includes(e.modality), e.modality);
      assert.equal(text.slice(e.trigger[0], e.trigger[1]), e.trigger_text);
      assert.ok(e.sentence[0] <= e.trigger[0] && e.trigger[1] <= e.sentence[1], 'the trigger is in its sentence');
      for (const [s, t] of e.mentions) assert.ok(s < t && t <= text.length);
      for (const p of e.participants) {
        assert.deepEqual(Object.keys(p), ['role', 'type', 'canonical', 'key', 'label_en', 'text', 'start', 'end', 'resolved']);
        assert.ok(p.key.length > 0);
        assert.equal(text.slice(p.start, p.end), p.text);
        assert.ok(['PERSON', 'ORGANIZATION', 'LOCATION'].includes(p.type), p.type);
        assert.ok(p.canonical.length > 0);
      }
      if (e.place) assert.equal(text.slice(e.place.start, e.place.end), e.place.text);
      if (e.date) {
        assert.equal(text.slice(e.date.start, e.date.end), e.date.text);
        assert.match(e.date.value, /^(\d{4}(-\d\d(-\d\d)?)?)?$/);
      }
    }
  }
  assert.ok(events >= 5, `the seeds tell of meetings, strikes and agreements (${events} events)`);
  assert.ok(out.documents.some((d) => d.events.some((e) => e.type === 'MEET' && e.participants.length >= 2)), 'a meeting with its parties');

  // The engine's answer is the CLI's, one document or several at a time.
  const engine = await engineWithSeeds();
  const one = out.documents[2];
  assert.deepEqual(engine.events(one.id).documents[0].events, one.events);
  const some = engine.events([out.documents[0].id, 'nope', one.id]);
  assert.deepEqual(some.documents.map((d) => d.id), [out.documents[0].id, one.id]);
  assert.deepEqual(some.unknown, ['nope']);
});

test('event: and with: restrict the results to documents whose events hold them', async () => {
  const engine = await engineWithSeeds();
  const all = engine.events().documents;
  for (const type of TYPES) {
    const expected = all.filter((d) => d.events.some((e) => e.type === type)).map((d) => d.id).sort();
    const found = engine.search(`event:${type}`, { limit: 100 }).hits.map((h) => h.id).sort();
    assert.deepEqual(found, expected, `event:${type}`);
  }
  const party = all.flatMap((d) => d.events.flatMap((e) => e.participants.filter((p) => !p.resolved && e.type === 'MEET')))[0];
  assert.ok(party, 'a meeting with a named party');
  const withParty = all.filter((d) => d.events.some((e) => e.participants.some((p) => p.canonical === party.canonical))).map((d) => d.id).sort();
  assert.deepEqual(engine.search(`with:"${party.canonical}"`, { limit: 100 }).hits.map((h) => h.id).sort(), withParty);
  const meetWith = all.filter((d) => d.events.some((e) => e.type === 'MEET' && e.participants.some((p) => p.canonical === party.canonical))).map((d) => d.id).sort();
  assert.deepEqual(engine.search(`event:MEET with:"${party.canonical}"`, { limit: 100 }).hits.map((h) => h.id).sort(), meetWith);
  const bad = engine.search('event:PARTY ليبيا', { limit: 1 });
  assert.ok(bad.warnings.some((w) => /MEET, VISIT, ATTACK or AGREEMENT/.test(w)), bad.warnings.join(' | '));
});

test('events of a text file resolve its weekdays against --date; bad input gets a clear message', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-events-'));
  const file = path.join(dir, 'خبر.txt');
  // Written for this test: a hostile bidi control and markup stay data.
  fs.writeFileSync(file, 'التقى وزير الخارجية المصري سامح شكري وزير الخارجية الجزائري رمطان لعمامرة في القاهرة الثلاثاء. <b>\u202eنص</b>');
  const out = cliJson(['events', '--text-file', file, '--date', '2019-03-07']);
  assert.equal(out.documents[0].id, 'خبر');
  const meet = out.documents[0].events.find((e) => e.type === 'MEET');
  assert.ok(meet, JSON.stringify(out));
  assert.equal(meet.date.value, '2019-03-05');
  const shown = cli(['events', '--text-file', file, '--date', '2019-03-07']);
  assert.equal(shown.status, 0, shown.stderr);
  assert.match(shown.stdout, /MEET/);
  assert.ok(!shown.stdout.includes('\u202e'), 'the bidi control is escaped in the terminal');
  const summary = cli(['events', '--summary']);
  assert.equal(summary.status, 0, summary.stderr);
  assert.match(summary.stdout, /documents\/s/);
  const missing = cli(['events', '--id', 'no-such-document']);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /no document with id "no-such-document"/);
  const misuse = cli(['events', '--date', '2019-03-07']);
  assert.equal(misuse.status, 2);
  assert.match(misuse.stderr, /--date is for --text-file/);
  fs.rmSync(dir, { recursive: true });
});

test('entity:, event: and with: prepared by one engine are adopted by another: same results, nothing left to extract', async () => {
  const worker = await engineWithSeeds();
  const page = await engineWithSeeds();
  const party = worker.events().documents.flatMap((d) => d.events.flatMap((e) => e.participants.filter((p) => !p.resolved)))[0];
  const queries = ['event:MEET', `ليبيا with:"${party.canonical}"`, 'entity:"ليبيا" -event:ATTACK'];
  const fresh = await engineWithSeeds();
  for (const q of queries) {
    assert.ok(page.filtersPending(q) > 0, q);
    let left = worker.filtersPending(q);
    while (left > 0) {
      const next = worker.prepareFilters(q, {}, 2);
      assert.ok(next < left, `${q}: progress`);
      left = next;
    }
    const verdicts = worker.filterVerdicts(q);
    assert.equal(page.adoptFilterVerdicts(q, {}, verdicts), verdicts.hold.length + verdicts.fail.length);
    assert.equal(page.filtersPending(q), 0, q);
    const ids = (e) => e.search(q, { limit: 100 }).hits.map((h) => h.id);
    assert.deepEqual(ids(page), ids(fresh), q);  // as an engine that extracted everything itself
  }
  assert.equal(page.filtersPending('ليبيا'), 0);
  assert.throws(() => page.adoptFilterVerdicts('event:MEET', {}, { hold: ['no such document'], fail: [] }), /does not hold/);
});

test('entity:, event: and with: prepared in slices on one engine (the widget): progress, cancelling, then the same results', async () => {
  const engine = await engineWithSeeds();
  const fresh = await engineWithSeeds();
  const q = 'event:MEET';
  const total = engine.filtersPending(q);
  assert.ok(total > 1);
  // Cancelled after the first slice: false, and what was read stays read.
  let slices = 0;
  assert.equal(await engine.prepareFiltersInSlices(q, {}, { cancelled: () => slices++ > 0 }), false);
  const left = engine.filtersPending(q);
  assert.ok(left < total && left > 0, `${left} of ${total}`);
  const progress = [];
  assert.equal(await engine.prepareFiltersInSlices(q, {}, { sliceMs: 1, onProgress: (done, of) => progress.push([done, of]) }), true);
  assert.equal(engine.filtersPending(q), 0);
  assert.ok(progress.length >= 1 && progress.every(([, of]) => of === left), JSON.stringify(progress));
  assert.deepEqual(progress[progress.length - 1], [left, left]);
  const ids = (e) => e.search(q, { limit: 100 }).hits.map((h) => h.id);
  assert.deepEqual(ids(engine), ids(fresh));
  // Nothing to read: done at once.
  assert.equal(await engine.prepareFiltersInSlices('ليبيا', {}, {}), true);
});
