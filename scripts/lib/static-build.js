// `mirsad index --static DIR`: a corpus as a static index (README, "Static index").
//
// A corpus that fits one engine is indexed and written at once. A larger one (more than
// --segment-docs documents, 40,000 by default: one wasm memory holds about that many articles
// with their texts and positional postings) is indexed a segment at a time, each segment written
// as a static index of its own to a temporary pack file, uncompressed; the segments are then merged
// (StaticIndexMerger, in the core) into the index the whole collection would have written, byte
// for byte. Memory stays bounded by one segment's engine, then by the merge's working set.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');

const DEFAULT_SEGMENT_DOCS = 40000;

// Gzips and writes files on worker threads: write(file, bytes) resolves to the gzipped size.
class FileWriters {
  constructor(count) {
    const { Worker } = require('worker_threads');
    const source = `
      const { parentPort } = require('worker_threads');
      const fs = require('fs');
      const zlib = require('zlib');
      parentPort.on('message', ({ id, file, bytes }) => {
        try {
          const gz = zlib.gzipSync(bytes, { level: 6 });
          fs.writeFileSync(file, gz);
          parentPort.postMessage({ id, size: gz.length });
        } catch (e) {
          parentPort.postMessage({ id, error: e.message });
        }
      });`;
    this.pending = new Map();
    this.next = 0;
    this.workers = Array.from({ length: count }, () => {
      const w = new Worker(source, { eval: true });
      w.on('message', ({ id, size, error }) => {
        const job = this.pending.get(id);
        this.pending.delete(id);
        if (error) job.reject(new Error(error)); else job.resolve(size);
      });
      w.on('error', (e) => { for (const job of this.pending.values()) job.reject(e); this.pending.clear(); });
      return w;
    });
  }

  write(file, bytes) {
    const id = this.next++;
    // The bytes are handed over, not copied, when they are a buffer of their own.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[id % this.workers.length].postMessage({ id, file, bytes: own }, [own.buffer]);
    });
  }

  close() { return Promise.all(this.workers.map((w) => w.terminate())); }
}

function checkName(name) {
  if (name.split('/').some((part) => part === '' || part === '.' || part === '..')) throw new Error(`unexpected file name ${name}`);
}

// The folder the index goes to. Every file is gzipped; a file whose content-named copy is already
// there is left as it is, so rebuilding after a change rewrites only what changed. Files are
// gzipped and written by worker threads (the other cores) while the core makes the next ones on
// this thread: on 2 cores, zlib's async API and fs.promises kept this thread busy with their
// bookkeeping (a third of the writing time). At most IN_FLIGHT files wait at a time, so memory
// stays bounded. The manifest goes last and whole, once every file it names is on disk: a reader
// never sees one that names files not yet written.
class IndexFolder {
  constructor(dir) {
    this.dir = dir;
    fs.mkdirSync(dir, { recursive: true });
    this.names = new Set();
    this.written = 0;
    this.kept = 0;
    this.diskBytes = 0;
    this.made = new Set();
    this.inFlight = new Set();
    this.manifest = null;
    // What the folder already holds, listed once (a stat a file was a tenth of the writing time).
    this.existing = new Set();
    const list = (folder, prefix) => {
      for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
        if (entry.isDirectory()) list(path.join(folder, entry.name), rel);
        else this.existing.add(rel);
      }
    };
    list(dir, '');
    this.writers = new FileWriters(Math.max(1, Math.min(2, os.cpus().length)));
    this.onFile = this.onFile.bind(this);
  }

  onFile(name, bytes) {
    checkName(name);
    this.names.add(name);
    const file = path.join(this.dir, ...name.split('/'));
    if (name === 'manifest.json') { this.manifest = { file, bytes }; return null; }
    if (this.existing.has(name)) {
      this.kept += 1;
      this.diskBytes += fs.statSync(file).size;
      return null;
    }
    const folder = path.dirname(file);
    if (!this.made.has(folder)) { fs.mkdirSync(folder, { recursive: true }); this.made.add(folder); }
    const job = this.writers.write(file, bytes).then((size) => { this.written += 1; this.diskBytes += size; });
    this.inFlight.add(job);
    job.finally(() => this.inFlight.delete(job)).catch(() => {});
    return this.inFlight.size >= 64 ? Promise.race(this.inFlight) : null;
  }

  async finish(prune) {
    try {
      await Promise.all(this.inFlight);
    } finally {
      await this.writers.close();
    }
    const gz = zlib.gzipSync(this.manifest.bytes, { level: 6 });
    fs.writeFileSync(this.manifest.file + '.tmp', gz);
    fs.renameSync(this.manifest.file + '.tmp', this.manifest.file);
    this.written += 1;
    this.diskBytes += gz.length;
    let pruned = 0, unused = 0;
    const walk = (folder, prefix) => {
      for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) {
          walk(full, rel);
          if (prune && fs.readdirSync(full).length === 0) fs.rmdirSync(full);
        } else if (!this.names.has(rel)) {
          unused += 1;
          if (prune) { fs.unlinkSync(full); pruned += 1; }
        }
      }
    };
    walk(this.dir, '');
    return { unused: unused - pruned, pruned };
  }
}

// One segment, written as it comes, uncompressed, into one pack file (name → offset and length
// kept here) for the merge to read back: a segment of 40,000 articles is 65,000 files, and
// writing then deleting them one by one took longer than the merge.
class SegmentPack {
  constructor(file) {
    this.file = file;
    this.fd = fs.openSync(file, 'w+');
    this.at = 0;
    this.entries = new Map();
    this.manifest = null;
  }

  async write(engine, options) {
    await engine.writeStaticIndex((name, bytes) => {
      checkName(name);
      this.entries.set(name, [this.at, bytes.length]);
      fs.writeSync(this.fd, bytes, 0, bytes.length, this.at);
      this.at += bytes.length;
      if (name === 'manifest.json') this.manifest = Buffer.from(bytes).toString('utf8');
      return null;
    }, options);
    return this;
  }

  read(name) {
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`a segment has no file ${name}`);
    const bytes = Buffer.allocUnsafe(entry[1]);
    fs.readSync(this.fd, bytes, 0, entry[1], entry[0]);
    return bytes;
  }

  close() { fs.closeSync(this.fd); }
}

// Builds the index of the corpus whose pieces loadPieces(engine, start) loads into an engine (it
// gives each piece's document count), newEngine() making an empty engine. Returns what the CLI
// reports.
async function buildStaticIndex({ newEngine, pieces, loadPiece, dir, chunkBytes, entities, prune, segmentDocs }) {
  const started = Date.now();
  const writeOptions = { chunkBytes, entities };
  const limit = segmentDocs || DEFAULT_SEGMENT_DOCS;
  let engine = await newEngine();
  let inEngine = 0, documents = 0;
  const segments = [];  // SegmentPack
  let scratch = null;
  const taken = [];
  try {
    for (const piece of pieces) {
      if (inEngine >= limit) {
        scratch = scratch || fs.mkdtempSync(path.join(os.tmpdir(), 'mirsad-segments-'));
        segments.push(await new SegmentPack(path.join(scratch, `${segments.length}.pack`)).write(engine, writeOptions));
        for (const d of engine.documents()) taken.push(d.id);
        engine.dispose();
        engine = await newEngine();
        engine.setTakenIds(taken);
        inEngine = 0;
      }
      const added = loadPiece(engine, piece);
      inEngine += added;
      documents += added;
    }
    const loaded = Date.now();
    const folder = new IndexFolder(dir);
    let summary;
    if (segments.length === 0) {
      if (documents === 0) throw new Error('no documents could be loaded');
      summary = await engine.writeStaticIndex(folder.onFile, writeOptions);
    } else {
      if (inEngine > 0) segments.push(await new SegmentPack(path.join(scratch, `${segments.length}.pack`)).write(engine, writeOptions));
      engine.dispose();
      engine = await newEngine();
      summary = await engine.mergeStaticIndexes(segments.map((s) => s.manifest), (segment, name) => segments[segment].read(name),
        folder.onFile, { chunkBytes });
    }
    const { unused, pruned } = await folder.finish(prune);
    return { out: dir, documents, segments: Math.max(1, segments.length), files: summary.files, written: folder.written,
      kept: folder.kept, rewritten_share: Math.round((folder.written / summary.files) * 10000) / 10000, unused, pruned,
      bytes_on_disk: folder.diskBytes, bytes_uncompressed: summary.bytes,
      seconds: { load: (loaded - started) / 1000, write: (Date.now() - loaded) / 1000, total: (Date.now() - started) / 1000 } };
  } finally {
    engine.dispose();
    for (const s of segments) s.close();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  }
}

module.exports = { buildStaticIndex, DEFAULT_SEGMENT_DOCS };
