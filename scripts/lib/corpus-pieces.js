// The pieces of a corpus the CLI loads one at a time: a folder's files, or one file. A .jsonl
// file larger than PIECE_BYTES is read in pieces of whole lines, so that neither Node (whose
// strings stop at 512 MB) nor the core (one wasm memory) ever holds it whole, and a static build
// can cut it into segments (scripts/lib/static-build.js).
'use strict';
const fs = require('fs');
const path = require('path');

// MIRSAD_JSONL_PIECE_BYTES: smaller pieces, for tests that need several from a small file.
const PIECE_BYTES = Number(process.env.MIRSAD_JSONL_PIECE_BYTES) || 64 << 20;

// The corpus files under a folder, as paths relative to it with '/' (sorted, so ids and
// ordinals do not depend on the file system's order).
function corpusFiles(root) {
  const out = [];
  const walk = (rel) => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(name);
      else if (/\.(txt|html?)$/i.test(entry.name)) out.push(name);
    }
  };
  walk('');
  return out.sort();
}

function countLines(bytes) {
  let n = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) n += 1;
  return n;
}

// Whole lines of a large .jsonl file, about pieceBytes at a time; firstLine is the line number
// (from 1) of a piece's first line, so that messages name the file's own lines.
function* jsonlPieces(file, pieceBytes) {
  const fd = fs.openSync(file, 'r');
  try {
    const block = Buffer.allocUnsafe(pieceBytes);
    let carry = Buffer.alloc(0);
    let firstLine = 1;
    for (;;) {
      const n = fs.readSync(fd, block, 0, block.length, null);
      const data = carry.length ? Buffer.concat([carry, block.subarray(0, n)]) : Buffer.from(block.subarray(0, n));
      if (n === 0) {
        if (data.length) yield { bytes: data, firstLine, split: true };
        return;
      }
      const end = data.lastIndexOf(10);
      if (end < 0) { carry = data; continue; }  // a line longer than a piece: read on
      const piece = data.subarray(0, end + 1);
      carry = Buffer.from(data.subarray(end + 1));
      yield { bytes: piece, firstLine, split: true };
      firstLine += countLines(piece);
    }
  } finally {
    fs.closeSync(fd);
  }
}

// { name, bytes, firstLine, split } for each piece of the corpus at target (a folder or a file).
function* corpusPieces(target, pieceBytes = PIECE_BYTES) {
  if (fs.statSync(target).isDirectory()) {
    for (const file of corpusFiles(target)) yield { name: file, bytes: fs.readFileSync(path.join(target, file)), firstLine: 1, split: false };
    return;
  }
  const name = path.basename(target);
  if (/\.jsonl$/i.test(name) && fs.statSync(target).size > pieceBytes) {
    for (const piece of jsonlPieces(target, pieceBytes)) yield { name, ...piece };
    return;
  }
  yield { name, bytes: fs.readFileSync(target), firstLine: 1, split: false };
}

module.exports = { corpusFiles, corpusPieces, PIECE_BYTES };
