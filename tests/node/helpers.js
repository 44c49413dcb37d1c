// Shared by the Node tests: the built module, the wrapper and the bundled corpus as the page sees it.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const MODULE = path.join(ROOT, 'build', 'wasm', 'mirsad-core.js');
const Mirsad = require(path.join(ROOT, 'web', 'js', 'mirsad.js'));
const SEEDS = path.join(ROOT, 'seeds');

function seedTexts() {
  const decoder = new TextDecoder('utf-8');
  const texts = new Map();
  for (const f of fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()) {
    texts.set(f.slice(0, -4), decoder.decode(fs.readFileSync(path.join(SEEDS, f))));
  }
  return texts;
}

async function engineWithSeeds() {
  const engine = await Mirsad.create({ factory: require(MODULE) });
  for (const [id, text] of seedTexts()) engine.addDocuments([{ id, text }]);
  return engine;
}

function cli(args, options = {}) {
  return spawnSync(path.join(ROOT, 'scripts', 'mirsad'), args, { encoding: 'utf8', ...options });
}

function cliJson(args) {
  return JSON.parse(execFileSync(path.join(ROOT, 'scripts', 'mirsad'), [...args, '--json'], { encoding: 'utf8' }));
}

// A search answer as the in-memory engine gives it: a static index's answer without what it adds
// to each hit (ordinal, title, date, source, url), and without facets (which it does not give).
function inMemoryShape(answer) {
  const copy = JSON.parse(JSON.stringify(answer));
  for (const hit of copy.hits || []) { delete hit.ordinal; delete hit.title; delete hit.date; delete hit.source; delete hit.url; }
  delete copy.facets;
  return copy;
}

module.exports = { ROOT, MODULE, Mirsad, SEEDS, seedTexts, engineWithSeeds, cli, cliJson, inMemoryShape };
