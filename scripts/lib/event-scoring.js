// The event scorer's matching and tallies (scripts/score-events, and scripts/train-event-parties
// choosing its settings on dev by the same measure). See scripts/score-events for what they mean.
'use strict';
const fs = require('fs');
const path = require('path');

const FIXTURE = path.resolve(__dirname, '..', '..', 'tests', 'fixtures', 'events');
const TYPES = ['MEET', 'VISIT', 'ATTACK', 'AGREEMENT'];

function readEvents(dir, id) {
  const file = path.join(FIXTURE, dir, `${id}.jsonl`);
  if (!fs.existsSync(file)) return null;
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}

const overlaps = (a, b) => a && b && a.start < b.end && b.start < a.end;
const spanOf = (pair) => ({ start: pair[0], end: pair[1] });

// A found event in the gold's shape.
function asGold(e) {
  return {
    type: e.type, modality: e.modality,
    triggers: [spanOf(e.trigger), ...e.mentions.map(spanOf)].map((s, i) => ({ ...s, text: i === 0 ? e.trigger_text : '' })),
    participants: e.participants.map((p) => ({ role: p.role, start: p.start, end: p.end, text: p.text, canonical: p.canonical, resolved: p.resolved })),
    place: e.place, date: e.date,
  };
}

function tally() {
  return { gold: 0, found: 0, matched: 0, full: 0, covered: 0, participants: 0, place: 0, date: 0, modality: 0 };
}

// The same party: overlapping mentions, or the same canonical, or one canonical the start of the
// other by whole words, two at least (محمد بن نايف / محمد بن نايف بن عبد العزيز: the gold writes
// the full genealogy, the entity layer the name the text uses). g, f: {start, end, canonical}.
function partyMatcher(normalize) {
  const sameCanonical = (a, b) => {
    if (!a || !b) return false;
    const x = normalize(a), y = normalize(b);
    if (x === y) return true;
    const [short, long] = x.length < y.length ? [x, y] : [y, x];
    return short.split(' ').length >= 2 && long.startsWith(short + ' ');
  };
  return (g, f) => overlaps(g, f) || sameCanonical(g.canonical, f.canonical);
}

// Scores found against gold for one document, adding to per-type tallies; returns the errors.
function scoreDocument(gold, found, tallies, normalize) {
  const errors = [];
  const used = new Set();
  const sameParty = partyMatcher(normalize);
  for (const f of found) {
    const t = tallies[f.type];
    t.found++;
    const gi = gold.findIndex((g, i) => !used.has(i) && g.type === f.type && g.triggers.some((gt) => f.triggers.some((ft) => overlaps(gt, ft))));
    if (gi < 0) { errors.push({ kind: 'spurious', found: f }); continue; }
    used.add(gi);
    const g = gold[gi];
    t.matched++;
    const gp = g.participants || [], fp = f.participants || [];
    const missing = gp.filter((p) => !fp.some((q) => sameParty(p, q)));
    const extra = fp.filter((q) => !gp.some((p) => sameParty(p, q)));
    const partiesAgree = !missing.length && !extra.length;
    if (partiesAgree) { t.participants++; t.full++; }
    if (!missing.length) t.covered++;
    const placeAgrees = (!g.place && !f.place) || overlaps(g.place, f.place);
    if (placeAgrees) t.place++;
    const dateAgrees = (!g.date && !f.date) || (g.date && f.date && (g.date.value ? g.date.value === f.date.value : overlaps(g.date, f.date)));
    if (dateAgrees) t.date++;
    if (g.modality === f.modality) t.modality++;
    if (!partiesAgree || !placeAgrees || !dateAgrees || g.modality !== f.modality) {
      errors.push({ kind: 'partial', gold: g, found: f, missing, extra, placeAgrees, dateAgrees });
    }
  }
  gold.forEach((g, i) => { tallies[g.type].gold++; if (!used.has(i)) errors.push({ kind: 'missed', gold: g }); });
  return errors;
}

const ratio = (a, b) => (b ? a / b : null);

function summarize(tallies) {
  const out = {};
  const all = tally();
  for (const type of TYPES) {
    const t = tallies[type];
    for (const k of Object.keys(all)) all[k] += t[k];
    out[type] = figures(t);
  }
  out.ALL = figures(all);
  return out;
}

function figures(t) {
  return {
    gold: t.gold, found: t.found,
    trigger_precision: ratio(t.matched, t.found), trigger_recall: ratio(t.matched, t.gold),
    full_precision: ratio(t.full, t.found), full_recall: ratio(t.full, t.gold),
    all_named_precision: ratio(t.covered, t.found), all_named_recall: ratio(t.covered, t.gold),
    participants: ratio(t.participants, t.matched), place: ratio(t.place, t.matched),
    date: ratio(t.date, t.matched), modality: ratio(t.modality, t.matched),
  };
}

module.exports = { TYPES, readEvents, asGold, tally, scoreDocument, summarize, ratio, partyMatcher };
