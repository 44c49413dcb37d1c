// Real news for the tests that need scale: SaudiNewsNet articles read from the corpus beside the
// clone (../shared/corpora/saudinewsnet, as CI has it), never from the two zips kept for
// independent evaluation; when the corpus is absent, generated Arabic articles of the same shape
// (with dates over two months and a handful of sources, so sorting, date ranges and facets have
// something to do). Both give documents {id, title, date, source, url, text}.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const CORPUS_DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpora', 'saudinewsnet');
const HELD_OUT = new Set(['2015-07-25.zip', '2015-08-08.zip']);

function hasRealCorpus() { return fs.existsSync(CORPUS_DIR); }

// Stops at `docs` documents or `bytes` bytes of text, whichever comes first.
function realCorpus({ docs: maxDocs = Infinity, bytes: maxBytes = Infinity } = {}) {
  const docs = [];
  let bytes = 0;
  const full = () => docs.length >= maxDocs || bytes >= maxBytes;
  if (hasRealCorpus()) {
    for (const zip of fs.readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.zip') && !HELD_OUT.has(f)).sort()) {
      const articles = JSON.parse(execFileSync('unzip', ['-p', path.join(CORPUS_DIR, zip)], { maxBuffer: 1 << 30, encoding: 'utf8' }));
      for (const a of articles) {
        const doc = { id: `${zip.slice(0, 10)}-${docs.length}`, title: a.title || '', date: (a.date_extracted || '').slice(0, 10),
          source: a.source || '', url: a.url || '', text: a.content || '' };
        docs.push(doc);
        bytes += Buffer.byteLength(doc.text) + Buffer.byteLength(doc.title);
        if (full()) return { docs, real: true };
      }
    }
    return { docs, real: true };
  }
  const words = ['الحكومة', 'طرابلس', 'الحدود', 'تونس', 'الجزائر', 'مصر', 'الأمن', 'وزير', 'الداخلية', 'اجتماع', 'الرياض', 'جدة',
    'السعودية', 'الأمنية', 'والرياض', 'بالرياض', 'ليبيا', 'وليبيا'];
  const sources = ['aawsat', 'alriyadh', 'okaz', 'alwatan', 'sabq'];
  const day0 = Date.UTC(2015, 6, 1);
  for (let i = 0; !full(); i++) {
    const text = Array.from({ length: 400 }, (_, k) => words[(i * 7 + k * 13) % words.length] + (k % 50 === 0 ? i : '')).join(' ');
    const date = new Date(day0 + (i * 7919 % 62) * 86400000).toISOString().slice(0, 10);
    docs.push({ id: `gen-${i}`, title: `خبر ${i} عن ${words[i % words.length]}`, date, source: sources[i % sources.length], url: '', text });
    bytes += Buffer.byteLength(text);
  }
  return { docs, real: false };
}

module.exports = { realCorpus, hasRealCorpus, CORPUS_DIR, HELD_OUT };
