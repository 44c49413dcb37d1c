/* Mirsad — background loader for the user's own documents.
 *
 * The user's files are analysed and indexed in a Web Worker, so the page stays responsive; the
 * worker hands back one saved index, which the page loads into a fresh engine and swaps in.
 *
 * The page runs from file://, where Chromium refuses `new Worker('file:///…')` and any fetch of
 * local files. So the worker is built from a Blob: its source is the core's factory
 * (createMirsadCore.toString(): with SINGLE_FILE the wasm bytes are inside it) followed by
 * workerMain below, serialized the same way. Nothing here evaluates strings; the page's CSP
 * needs `worker-src blob:` and the worker inherits the page's policy ('wasm-unsafe-eval').
 *
 * If no worker can be started at all, the same workerMain runs on the page's own thread
 * (InlineWorker): slower and less smooth, but the documents still load.
 *
 * Protocol (page → worker), one job at a time:
 *   {type: 'load', bundledIndex: Uint8Array|null, bundledDocuments: [doc]|null,
 *    seed: null|{index: Uint8Array | blob: Blob, includesBundled: bool, bundledIds: [id]},
 *    files: [{name, bytes: Uint8Array | blob: File, mapping?: {text, title, date, source, id}}], memoryBudget: null|MB, restartAboveMB: null|MB, wantBlob: bool}
 *   bundledIndex (or bundledDocuments, when the page could not use the index) is present when the
 *   bundled corpus is to be searched too, null when only the user's documents are. The worker keeps
 *   its engine between jobs (it mirrors the page's); seed restarts it from the page's index after
 *   the worker was cancelled or crashed.
 * Worker → page:
 *   {type: 'progress', phase: 'start'|'rebuild'|'file', done, total, name, bytesDone, bytesTotal,
 *    docsDone?, docsTotal?, docsTotalKnown?} (docs*: records of the files read; the total is the
 *    job's once docsTotalKnown)
 *   {type: 'done', index: Uint8Array (transferred), indexBlob: Blob (the same file, if wantBlob) | null,
 *    reports: [{name, added, errors, warnings, mapping?}],
 *    documents, userDocuments, includesBundled, bundledIds}
 *   {type: 'error', message}
 *   page → worker {type: 'afresh'} once the page has loaded the index of the last job: the worker
 *    starts its core afresh from that index if that frees enough memory (startAfresh), then:
 *   {type: 'restarted', before, after, indexBytes}: after a load, the worker's core started afresh
 *    from the index it wrote (its wasm memory in bytes before and after, the file's size; see startAfresh)
 * Questions about the collection the worker holds (answered between jobs, in parts; see the
 * tasks in workerMain and WorkerHost.ask):
 *   page → worker {type: 'task', id, task, ...}, {type: 'cancel', id}
 *   worker → page {type: 'part', id, part}, then {type: 'reply', id, result | error, cancelled}
 */
(function (global) {
  'use strict';

  /* ---------------- the worker's side ----------------
   * Serialized with Function.prototype.toString and run in the worker as (workerMain)(self):
   * it must not refer to anything outside itself except createMirsadCore. */
  function workerMain(scope) {
    'use strict';

    var SLICE_MS = 60;           // records are read this long between progress reports
    var INDEX_PIECE_BYTES = 16 << 20;       // an index file is streamed into the core 16 MB at a time (see MirsadEngine.loadIndexStream)
    var AFRESH_MIN_BYTES = 128 * 1024 * 1024;  // below this the worker's memory is not worth a restart
    var corePromise = null;
    var api = null;              // the engine the last job left (mirrors the page's)
    var bundledIds = new Set();  // ids of bundled-corpus documents in `api`
    var includesBundled = false;
    var queue = Promise.resolve();
    var afresh = null;           // {blob, above}: the index the last load wrote, for startAfresh

    function getCore() {
      if (!corePromise) {
        /* global createMirsadCore */
        corePromise = createMirsadCore({
          onAbort: function (what) { throw new Error('Mirsad core aborted: ' + what); }
        });
      }
      return corePromise;
    }

    function yieldNow() { return new Promise(function (resolve) { setTimeout(resolve, 0); }); }

    var INVALID_UTF8 = /^invalid UTF-8: (\d+) (.*)$/;

    /* Adds one chunk's report to the file's, shifting line numbers by the chunk's offset and
     * folding the per-chunk "invalid UTF-8" warnings (line 0: the whole file) into one. */
    function mergeChunk(report, part, lineOffset) {
      report.added += part.added || 0;
      (part.errors || []).forEach(function (e) {
        if (e.line > 0) e.line += lineOffset;  // a refused document's line (duplicate_id…), from the chunk's start
        report.errors.push(e);
      });
      (part.warnings || []).forEach(function (w) {
        var m = w.line === 0 ? INVALID_UTF8.exec(w.message) : null;
        if (m) {
          var prev = null;
          for (var i = 0; i < report.warnings.length; i++) {
            var p = report.warnings[i];
            if (p.line === 0 && p.source === w.source && INVALID_UTF8.test(p.message)) { prev = p; break; }
          }
          if (prev) {
            var n = Number(INVALID_UTF8.exec(prev.message)[1]) + Number(m[1]);
            prev.message = 'invalid UTF-8: ' + n + ' ' + m[2];
            prev.count = n;
            return;
          }
        }
        report.warnings.push({ source: w.source, line: w.line > 0 ? w.line + lineOffset : w.line, message: w.message,
                               code: w.code, count: w.count });
      });
    }

    function progress(p) {
      p.type = 'progress';
      scope.postMessage(p);
    }

    function documentsOf(a) { return JSON.parse(a.documents()); }

    /* A new engine: the bundled corpus (or not), then the user's documents the old engine held. */
    async function rebuild(core, msg, want, reports) {
      var next = new core.PageApi();
      next.reserveForSaving(true);  // its index is saved for the page: the budget counts the file
      var nextBundled = new Set();
      try {
        if (want) {
          var loaded = msg.bundledIndex ? JSON.parse(next.loadIndex(msg.bundledIndex)) : { error: 'no index' };
          if (loaded.error) {
            if (!msg.bundledDocuments) throw new Error('bundled index refused: ' + loaded.error);
            msg.bundledDocuments.forEach(function (d) {
              next.addDocument(String(d.id), String(d.text), String(d.title || ''), String(d.date || ''), String(d.source || ''));
            });
            next.compact();
          }
          documentsOf(next).forEach(function (d) { nextBundled.add(d.id); });
        }
        if (api) {
          var mine = documentsOf(api).filter(function (d) { return !bundledIds.has(d.id); });
          var kept = { name: '', kept: true, added: 0, errors: [], warnings: [] };
          for (var i = 0; i < mine.length; i++) {
            var d = mine[i];
            mergeChunk(kept, JSON.parse(next.addDocument(d.id, api.text(d.id), d.title, d.date, d.source)), 0);
            if (i % 200 === 199) {
              progress({ phase: 'rebuild', done: i + 1, total: mine.length, name: '', bytesDone: 0, bytesTotal: 0 });
              await yieldNow();
            }
          }
          next.compact();
          if (kept.errors.length || kept.warnings.length) reports.push(kept);
          api.delete();
        }
      } catch (err) {
        next.delete();
        throw err;
      }
      api = next;
      bundledIds = nextBundled;
      includesBundled = want;
    }

    async function load(msg) {
      var core = await getCore();
      var files = msg.files || [];
      var reports = [];
      var bytesTotal = 0;
      files.forEach(function (f) { bytesTotal += f.blob ? f.blob.size : f.bytes.length; });
      var bytesDone = 0;
      progress({ phase: 'start', done: 0, total: files.length, name: files.length ? files[0].name : '', bytesDone: 0, bytesTotal: bytesTotal });

      if (msg.seed) {
        if (api) api.delete();
        api = new core.PageApi();
        api.reserveForSaving(true);
        // The page's collection as a Blob (read back from the browser's storage) is streamed in,
        // off the page's thread; an index file in bytes is used as it is.
        var seeded = await streamIndex(api, msg.seed.blob || msg.seed.index);
        if (seeded.error) {
          api.delete();
          api = null;
          throw new Error('page index refused: ' + seeded.error);
        }
        includesBundled = Boolean(msg.seed.includesBundled);
        bundledIds = new Set(msg.seed.bundledIds || []);
      }
      var want = Boolean(msg.bundledIndex || msg.bundledDocuments);
      if (!api || includesBundled !== want) await rebuild(core, msg, want, reports);
      // Past the budget the core refuses documents (memory_limit) instead of running out of memory.
      if (typeof msg.memoryBudget === 'number' && msg.memoryBudget > 0) api.setMemoryBudget(msg.memoryBudget);

      // Each file is read a slice of records at a time: progress in documents (docsTotal: the
      // records of the files begun so far, the whole job's once the last file is begun).
      var docsBefore = 0;
      var docsTotal = 0;
      for (var f = 0; f < files.length; f++) {
        var file = files[f];
        // A file the page sent as a File is read here, one at a time, and dropped once the core
        // has its copy.
        var fileBytes = file.blob ? new Uint8Array(await file.blob.arrayBuffer()) : file.bytes;
        var fileSize = fileBytes.length;
        var begun = JSON.parse(api.beginLoadFile(file.name, fileBytes, file.mapping ? JSON.stringify(file.mapping) : ''));
        fileBytes = null;
        file.bytes = null;
        docsTotal += begun.records;
        var step = { done: false, read: 0 };
        while (!step.done) {
          var sliceEnd = Date.now() + SLICE_MS;
          do step = JSON.parse(api.continueLoadFile(50)); while (!step.done && Date.now() < sliceEnd);
          if (step.done) bytesDone += fileSize;
          progress({ phase: 'file', index: f + 1, done: step.done ? f + 1 : f, total: files.length, name: file.name,
                     bytesDone: bytesDone, bytesTotal: bytesTotal, docsDone: docsBefore + (step.done ? begun.records : step.read),
                     docsTotal: docsTotal, docsTotalKnown: f === files.length - 1 });
          await yieldNow();
        }
        docsBefore += begun.records;
        reports.push({ name: file.name, added: step.added, errors: step.errors, warnings: step.warnings, mapping: step.mapping });
      }

      var index = api.saveIndex();  // a JS copy: nothing of it stays in the core's memory
      // The same file as a Blob, for the page to keep in the browser's storage
      // (app/collection-store.js): made here, the copy is no pause on the page's thread. The bytes
      // go to the page too (transferred, no copy), which loads them and drops them: reading the
      // Blob back instead took 13 s at 40,000 articles, in tasks of up to 280 ms (a round trip to
      // the blob store per piece), against 3 s in tasks under 80 ms from the bytes.
      var indexBlob = msg.wantBlob && typeof Blob === 'function' ? new Blob([index]) : null;
      var count = JSON.parse(api.stats()).documents;
      scope.postMessage({
        // (Not the list of documents: a list of 40,000 objects took the page 250–450 ms to receive.
        // The page reads it from its own engine a page at a time: MirsadEngine.documentsInSlices.)
        type: 'done', index: index, indexBlob: indexBlob, reports: reports, documents: count,
        userDocuments: count - bundledIds.size, includesBundled: includesBundled,
        bundledIds: Array.from(bundledIds)
      }, index ? [index.buffer] : []);
      // (A failure leaves no collection here: the tasks then say so.)
      // Kept for the restart the page asks for once its own engine is loaded ({type: 'afresh'}):
      // the two loading the same file at once on two cores slowed the page's load.
      afresh = indexBlob ? { blob: indexBlob, above: typeof msg.restartAboveMB === 'number' && msg.restartAboveMB > 0
        ? msg.restartAboveMB * 1048576 : AFRESH_MIN_BYTES } : null;
    }

    /* Streams an index file (a Blob, read a piece at a time, or a Uint8Array) into `target`, as the
     * page's engine does (MirsadEngine.loadIndexStream): the core never holds the whole file. */
    async function streamIndex(target, source) {
      var isBlob = typeof source.slice === 'function' && typeof source.arrayBuffer === 'function' && !(source instanceof Uint8Array);
      var size = isBlob ? source.size : source.length;
      var step = JSON.parse(target.beginLoadIndexStream(size));
      var at = 0;
      while (!step.error && step.done === false) {
        if (step.needsBytes) {
          if (at >= size) return { error: 'index file is truncated' };
          var end = Math.min(at + INDEX_PIECE_BYTES, size);
          var piece = isBlob ? new Uint8Array(await source.slice(at, end).arrayBuffer()) : source.subarray(at, end);
          if (piece.length !== end - at) return { error: 'index file could not be read' };
          at = end;
          target.pushIndexBytes(piece);
        }
        step = JSON.parse(target.continueLoadIndex(SLICE_MS));
      }
      return step;
    }

    /* Wasm memory never shrinks: after a load the worker's still holds the files it read, their
     * texts while they were analysed and the index file it wrote (477 MB for 40,000 articles,
     * whose collection alone takes 150 MB). So a worker whose memory is well past its collection's
     * needs starts a fresh instance of the core from the index it just wrote, and drops the old
     * one whole, for the garbage collector to free. Tasks asked meanwhile wait in the queue. */
    async function startAfresh(indexBlob, restartAbove) {
      var old = await getCore();
      var heap = old.HEAP8 ? old.HEAP8.buffer.byteLength : 0;
      // A fresh core needs less than the index file (the page's engine: 123 MB of wasm memory for
      // a 40,000-article file of about 200 MB): restart when that frees restartAbove at least.
      if (heap - indexBlob.size < restartAbove) return;
      api.delete();
      api = null;
      old = null;
      corePromise = null;
      var core = await getCore();
      var fresh = new core.PageApi();
      fresh.reserveForSaving(true);
      var step = await streamIndex(fresh, indexBlob);
      if (step.error) {  // (cannot happen with the file just written) the tasks say "no collection"
        fresh.delete();
        throw new Error('the worker could not read back its own index: ' + step.error);
      }
      api = fresh;
      scope.postMessage({ type: 'restarted', before: heap, after: core.HEAP8 ? core.HEAP8.buffer.byteLength : 0, indexBytes: indexBlob.size });
    }

    /* ---------- tasks: long questions about the collection, answered a batch at a time ----------
     * {type: 'task', id, task: 'results'|'entities'|'kwic'|'overview'|'events'|'filters', search: {query, mode, sort}, ...}
     * is answered by parts ({type: 'part', id, part}) then one reply; {type: 'cancel', id} stops
     * it at its next batch. The worker yields between batches, so a cancel (or the next question)
     * is read while it works. The search is the query as settled: never the live prefix. */
    var ALL_HITS = 100000;       // the core's cap on hits a search returns (JsonApi::kMaxLimit)
    var RESULT_BATCH = 500;      // result rows per part
    var ENTITY_BATCH = 40;       // documents whose entities are extracted per part
    var KWIC_BATCH = 100;        // documents whose keyword-in-context lines are made per part
    var OVERVIEW_BATCH = 200;    // documents read into the overview per part
    var EVENT_BATCH = 25;        // documents whose events are extracted per part (entities first: a few ms each)
    var FILTER_BATCH = 25;       // documents extracted per part for entity:/event:/with: (as EVENT_BATCH)
    var SENTENCE_UNITS = 600;    // an event's sentence as sent to the page, at most (news sentences run long)
    var cancelledTasks = new Set();

    function cancelled(id) {
      if (!cancelledTasks.has(id)) return false;
      var e = new Error('cancelled');
      e.cancelled = true;
      throw e;
    }

    /* Every hit of the query, in the order the page shows them (the query as settled: never the
     * live prefix reading of a word being typed). */
    function searchAll(spec) {
      if (!String(spec.query || '').trim()) {  // no query: every document, in the collection's order (as the page lists them)
        var docs = documentsOf(api);
        return { total: docs.length, matches_total: null, warnings: [], hits: docs.map(function (d) { return { id: d.id }; }) };
      }
      return JSON.parse(api.search(String(spec.query || ''), spec.mode || 'word', ALL_HITS, false, false, spec.sort || 'relevance', false));
    }

    function searchSummary(res) {
      return { total: res.total, matches_total: res.matches_total, warnings: res.warnings || [], filters: res.filters || null };
    }

    async function exportResults(msg, part) {
      var res = searchAll(msg.search);
      var info = new Map();
      documentsOf(api).forEach(function (d) { info.set(d.id, d); });
      part({ summary: searchSummary(res) });
      var hits = res.hits || [];
      for (var i = 0; i < hits.length; i += RESULT_BATCH) {
        cancelled(msg.id);
        var rows = hits.slice(i, i + RESULT_BATCH).map(function (hit, k) {
          var d = info.get(hit.id) || {};
          var text = hit.snippet ? api.text(hit.id) : '';
          var ranked = hit.score !== undefined;
          return { rank: i + k + 1, id: hit.id, title: d.title || '', date: d.date || '', source: d.source || '',
            score: ranked ? hit.score : '', matches: ranked ? (hit.matches || []).length : '', snippet: hit.snippet ? text.slice(hit.snippet.start, hit.snippet.end) : '' };
        });
        part({ rows: rows, done: Math.min(i + RESULT_BATCH, hits.length), of: hits.length });
        await yieldNow();
      }
      return { rows: hits.length };
    }

    /* The entities of every result document, extracted without the engine's cache (which would
     * keep every document's list alive). */
    async function exportEntities(msg, part) {
      var res = searchAll(msg.search);
      part({ summary: searchSummary(res) });
      var ids = (res.hits || []).map(function (h) { return h.id; });
      res = null;
      var count = 0;
      for (var i = 0; i < ids.length; i += ENTITY_BATCH) {
        cancelled(msg.id);
        var rows = [];
        ids.slice(i, i + ENTITY_BATCH).forEach(function (id) {
          var found = JSON.parse(api.entitiesOfText(api.text(id))).documents[0].entities;
          found.forEach(function (e) {
            rows.push({ document: id, type: e.type, text: e.text, canonical: e.canonical || '', label_en: e.label_en || '',
              value: e.value || '', start: e.start, end: e.end });
          });
        });
        count += rows.length;
        part({ rows: rows, done: Math.min(i + ENTITY_BATCH, ids.length), of: ids.length });
        await yieldNow();
      }
      return { rows: count, documents: ids.length };
    }

    /* Every keyword-in-context line of the query. In document order the lines go out as they are
     * made; sorted by the words to the left or right (as the page shows them) they are gathered
     * first and ordered by the core's sort keys (a stable sort, as the core's). */
    async function exportKwic(msg, part) {
      var order = msg.order === 'left' || msg.order === 'right' ? msg.order : 'document';
      var begun = JSON.parse(api.beginConcordanceExport(String(msg.search.query || ''), msg.search.mode || 'word', msg.context || 6, order !== 'document'));
      part({ summary: { total: begun.total, matches_total: begun.matches_total, warnings: begun.warnings || [], filters: null } });
      var gathered = [];
      var made = 0;
      for (;;) {
        cancelled(msg.id);
        var batch = JSON.parse(api.nextConcordanceLines(KWIC_BATCH));
        if (batch.error) throw new Error(batch.error);
        made += batch.lines.length;
        if (order === 'document') part({ rows: batch.lines, done: made, of: begun.matches_total });
        else {
          gathered.push.apply(gathered, batch.lines);
          part({ rows: [], done: made, of: begun.matches_total });
        }
        await yieldNow();
        if (batch.done) break;
      }
      if (order !== 'document') {
        var key = order === 'left' ? 'left_key' : 'right_key';
        gathered.sort(function (a, b) { return a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0; });
        for (var i = 0; i < gathered.length; i += RESULT_BATCH) {
          cancelled(msg.id);
          part({ rows: gathered.slice(i, i + RESULT_BATCH).map(function (l) { delete l.left_key; delete l.right_key; return l; }),
            done: made, of: begun.matches_total });
          await yieldNow();
        }
      }
      return { rows: made };
    }

    /* The entity overview of the whole collection or of every result, read a batch at a time:
     * each part is the overview of the documents read so far, so the panel fills in. */
    async function overview(msg, part) {
      var ids = '[]';
      if (msg.search) ids = JSON.stringify((searchAll(msg.search).hits || []).map(function (h) { return h.id; }));
      var begun = JSON.parse(api.beginOverview(ids));
      if (begun.error) throw new Error(begun.error);
      ids = null;
      for (;;) {
        cancelled(msg.id);
        var o = JSON.parse(api.continueOverview(OVERVIEW_BATCH, msg.limit || 80));
        if (o.error) throw new Error(o.error);
        if (o.done) return o;
        part({ overview: o });
        await yieldNow();
      }
    }

    /* The events of every result document (or of the collection), one row per event: what the
     * events panel draws and the events export writes. `parties` is the participants as one
     * line (for CSV); `participants` keeps them whole (for JSON and the panel). The sentence's
     * offsets are the document's, and the trigger's and participants' stay valid within it. */
    async function exportEvents(msg, part) {
      var res = msg.search && String(msg.search.query || '').trim() ? searchAll(msg.search) : null;
      if (res) part({ summary: searchSummary(res) });
      var ids = res ? (res.hits || []).map(function (h) { return h.id; }) : documentsOf(api).map(function (d) { return d.id; });
      if (!res) part({ summary: { total: ids.length, matches_total: null, warnings: [], filters: null } });
      res = null;
      var count = 0;
      for (var i = 0; i < ids.length; i += EVENT_BATCH) {
        cancelled(msg.id);
        var rows = [];
        JSON.parse(api.eventsOfDocuments(JSON.stringify(ids.slice(i, i + EVENT_BATCH)))).documents.forEach(function (doc) {
          if (!doc.events.length) return;
          var text = api.text(doc.id);
          doc.events.forEach(function (e) {
            var from = e.sentence[0], to = Math.min(e.sentence[1], from + SENTENCE_UNITS);
            rows.push({ document: doc.id, document_date: doc.date || '', type: e.type, modality: e.modality, trigger: e.trigger_text,
              parties: e.participants.map(function (p) { return p.role + ': ' + p.canonical; }).join('; '),
              place: e.place ? e.place.canonical : '', date: e.date ? e.date.value : '', date_text: e.date ? e.date.text : '',
              sentence: text.slice(from, to), sentence_start: from, trigger_start: e.trigger[0], trigger_end: e.trigger[1],
              mentions: e.mentions, participants: e.participants });
          });
        });
        count += rows.length;
        part({ rows: rows, done: Math.min(i + EVENT_BATCH, ids.length), of: ids.length });
        await yieldNow();
      }
      return { rows: count, documents: ids.length };
    }

    /* The verdicts of the query's entity:, event: and with: filters for the page's own engine
     * (MirsadEngine.filtersPending): the candidates' entities and events are extracted a batch at
     * a time, with the progress posted, then every candidate's verdict is the answer. Unlike the
     * other tasks this reads the query as the page's search does, live prefix included. */
    async function prepareFilters(msg, part) {
      var s = msg.search, query = String(s.query || ''), mode = s.mode || 'word', live = Boolean(s.live);
      var total = JSON.parse(api.filtersPending(query, mode, live)).pending;
      for (var pending = total; pending > 0;) {
        cancelled(msg.id);
        pending = JSON.parse(api.prepareFilters(query, mode, live, FILTER_BATCH)).pending;
        part({ done: total - pending, of: total });
        await yieldNow();
      }
      return JSON.parse(api.filterVerdicts(query, mode, live));
    }

    var TASKS = { results: exportResults, entities: exportEntities, kwic: exportKwic, overview: overview, events: exportEvents,
      filters: prepareFilters };

    function runTask(msg) {
      var reply = function (data) { data.id = msg.id; scope.postMessage(data); };
      return Promise.resolve().then(function () {
        if (!api) throw new Error('no collection');
        cancelled(msg.id);
        var task = TASKS[msg.task];
        if (!task) throw new Error('unknown task ' + msg.task);
        return task(msg, function (p) { reply({ type: 'part', part: p }); });
      }).then(function (result) {
        reply({ type: 'reply', result: result });
      }, function (err) {
        reply({ type: 'reply', error: err && err.message ? err.message : String(err), cancelled: Boolean(err && err.cancelled) });
      }).then(function () { cancelledTasks.delete(msg.id); });
    }

    scope.onmessage = function (ev) {
      var msg = ev.data || {};
      if (msg.type === 'cancel') {
        cancelledTasks.add(msg.id);
        return;
      }
      if (msg.type === 'task') {
        queue = queue.then(function () { return runTask(msg); });
        return;
      }
      if (msg.type === 'afresh') {
        queue = queue.then(function () {
          var next = afresh;
          afresh = null;
          // (A failure leaves no collection here: the tasks then say so.)
          if (next) return startAfresh(next.blob, next.above).catch(function (err) { api = null; console.warn('Mirsad worker: ' + err.message); });
        });
        return;
      }
      if (msg.type !== 'load') return;
      queue = queue.then(function () { return load(msg); }).catch(function (err) {
        scope.postMessage({ type: 'error', message: err && err.message ? err.message : String(err) });
      });
    };
    scope.postMessage({ type: 'started' });
  }

  /* ---------------- the page's side ---------------- */

  var workerUrl = null;

  function workerScript() {
    var factory = global.createMirsadCore;
    if (typeof factory !== 'function') throw new Error('mirsad-core.js is not loaded');
    // The factory's text refers to the _scriptDir of Emscripten's outer closure: declare it.
    return 'var _scriptDir;\nvar createMirsadCore = ' + factory.toString() + ';\n(' + workerMain.toString() + ')(self);\n';
  }

  /** Same interface as a Worker, but runs workerMain on this thread (when workers are refused). */
  function InlineWorker() {
    var self = this;
    this.onmessage = null;
    this.onerror = null;
    this.dead = false;
    this.scope = {
      onmessage: null,
      postMessage: function (data) {
        setTimeout(function () { if (!self.dead && self.onmessage) self.onmessage({ data: data }); }, 0);
      }
    };
    workerMain(this.scope);
  }
  InlineWorker.prototype.postMessage = function (data) {
    var scope = this.scope;
    // Structured clone would copy; the inline engine works on the page's copies directly.
    setTimeout(function () { if (scope.onmessage) scope.onmessage({ data: data }); }, 0);
  };
  InlineWorker.prototype.terminate = function () { this.dead = true; };

  /**
   * One worker (created on first use, kept between jobs). run(message, onProgress) → Promise of
   * the 'done' message; cancel() stops the worker (the next job starts a fresh one, which then
   * needs a seed: see needsSeed()).
   */
  function WorkerHost(options) {
    // scriptUrl: a same-origin script that runs workerMain in a worker (the widget's own bundle:
    // a page whose CSP allows scripts from 'self' only refuses blob: workers). Without it, the
    // worker is made from a Blob of the core's source (the page from file://).
    this.scriptUrl = options && options.scriptUrl ? options.scriptUrl : null;
    this.worker = null;
    this.kind = null;       // 'worker' | 'inline'
    this.hasState = false;  // the worker holds the engine of the last successful job
    this.pending = null;    // {resolve, reject, onProgress}
    this.requests = new Map();  // id → {resolve, reject, onPart}: questions about the collection (tasks)
    this.nextRequest = 1;
  }

  /**
   * Asks the worker a question about the collection it holds (the page's, once a job is done): a
   * task of workerMain (an export, the overview), answered after any running job. onPart(part)
   * receives each part as the worker makes it. Resolves to the answer; rejects when the worker
   * holds no collection or stops, or (with err.cancelled) after cancelTask(message.id).
   */
  WorkerHost.prototype.ask = function (message, onPart) {
    if (!this.worker || !this.hasState) return Promise.reject(new Error('the worker holds no collection'));
    var self = this;
    var id = this.nextRequest++;
    message.id = id;
    message.type = 'task';
    return new Promise(function (resolve, reject) {
      self.requests.set(id, { resolve: resolve, reject: reject, onPart: onPart || null });
      try {
        self.worker.postMessage(message);
      } catch (err) {
        self.requests.delete(id);
        reject(err);
      }
    });
  };

  /** Stops a task at its next batch (its answer then rejects with err.cancelled). */
  WorkerHost.prototype.cancelTask = function (id) {
    if (this.worker && this.requests.has(id)) this.worker.postMessage({ type: 'cancel', id: id });
  };

  /** Builds the worker's script while the page is idle, so the first load does not wait for it. */
  WorkerHost.prepare = function () {
    try {
      if (!workerUrl && typeof global.Blob === 'function' && global.URL) {
        workerUrl = global.URL.createObjectURL(new global.Blob([workerScript()], { type: 'text/javascript' }));
      }
    } catch (err) { /* start() reports it when a worker is needed */ }
  };

  /* Starts the worker; the promise resolves once its script runs (it posts 'started'). A worker
   * that cannot start (no Worker, a CSP without `worker-src blob:`, a browser that refuses blob
   * workers) is replaced by an InlineWorker. Nothing is posted before then, so no transferred
   * buffer is lost to a worker that never ran. */
  WorkerHost.prototype.start = function () {
    if (this.worker) return this.ready;
    var self = this;
    var worker = null;
    var settle = null;
    this.ready = new Promise(function (resolve) { settle = resolve; });
    this.started = settle;
    this.hasState = false;
    function inline(reason) {
      if (global.console) console.warn('Mirsad: no background worker (' + reason + '); documents are analysed on the page thread');
      self.attach(new InlineWorker(), 'inline');
    }
    try {
      if (typeof global.Worker !== 'function' || typeof global.Blob !== 'function' || !global.URL) throw new Error('Worker unavailable');
      if (this.scriptUrl) {
        worker = new global.Worker(this.scriptUrl);
      } else {
        if (!workerUrl) workerUrl = global.URL.createObjectURL(new global.Blob([workerScript()], { type: 'text/javascript' }));
        worker = new global.Worker(workerUrl);
      }
    } catch (err) {
      inline(err && err.message ? err.message : String(err));
      return this.ready;
    }
    this.attach(worker, 'worker');
    worker.onerror = function (ev) {
      if (ev && ev.preventDefault) ev.preventDefault();
      var message = ev && ev.message ? ev.message : 'the worker script did not run';
      if (self.worker !== worker) return;
      if (!self.isStarted) {  // refused before it ran: fall back to this thread
        worker.terminate();
        inline(message);
      } else {
        self.fail(new Error(message));
      }
    };
    return this.ready;
  };

  WorkerHost.prototype.attach = function (worker, kind) {
    var self = this;
    this.worker = worker;
    this.kind = kind;
    this.isStarted = false;
    worker.onmessage = function (ev) { if (self.worker === worker) self.receive(ev.data || {}); };
  };

  WorkerHost.prototype.receive = function (msg) {
    var p = this.pending;
    if (msg.type === 'part') {
      var asked = this.requests.get(msg.id);
      if (asked && asked.onPart) asked.onPart(msg.part);
      return;
    }
    if (msg.type === 'reply') {
      var request = this.requests.get(msg.id);
      this.requests.delete(msg.id);
      if (request) {
        if (msg.error) {
          var err = new Error(msg.error);
          err.cancelled = Boolean(msg.cancelled);
          request.reject(err);
        } else request.resolve(msg.result);
      }
      return;
    }
    if (msg.type === 'restarted') {  // the worker's core started afresh after a load (workerMain's startAfresh)
      this.lastRestart = { before: msg.before, after: msg.after, indexBytes: msg.indexBytes };
      return;
    }
    if (msg.type === 'started') {
      this.isStarted = true;
      if (this.started) this.started();
      return;
    }
    if (!p) return;
    if (msg.type === 'progress') {
      if (p.onProgress) p.onProgress(msg);
    } else if (msg.type === 'done') {
      this.pending = null;
      this.hasState = true;
      p.resolve(msg);
    } else if (msg.type === 'error') {
      this.fail(new Error(msg.message));
    }
  };

  /** Stops the worker (its engine is lost: the next job starts a fresh one). */
  WorkerHost.prototype.stop = function () {
    if (this.worker) this.worker.terminate();
    this.worker = null;
    this.hasState = false;
    this.requests.forEach(function (r) { r.reject(new Error('the worker stopped')); });
    this.requests.clear();
  };

  WorkerHost.prototype.fail = function (err) {
    var p = this.pending;
    this.pending = null;
    this.stop();
    if (p) p.reject(err);
  };

  WorkerHost.prototype.cancel = function () {
    var p = this.pending;
    this.pending = null;
    this.stop();
    if (p) {
      var err = new Error('cancelled');
      err.cancelled = true;
      p.reject(err);
    }
  };

  /** The page has loaded the last job's index: the worker may now start its core afresh from it. */
  WorkerHost.prototype.startAfresh = function () {
    if (this.worker && this.hasState) this.worker.postMessage({ type: 'afresh' });
  };

  /** True when the next job must carry a seed (the worker does not hold the page's engine). */
  WorkerHost.prototype.needsSeed = function () { return !this.worker || !this.hasState; };

  WorkerHost.prototype.run = function (message, onProgress) {
    var self = this;
    if (this.pending) return Promise.reject(new Error('a job is already running'));
    return new Promise(function (resolve, reject) {
      var job = { resolve: resolve, reject: reject, onProgress: onProgress };
      self.pending = job;
      self.start().then(function () {
        if (self.pending === job) self.post(message);
      });
    });
  };

  WorkerHost.prototype.post = function (message) {
    var transfer = [];
      var add = function (view) {
        if (view && view.buffer && transfer.indexOf(view.buffer) < 0) transfer.push(view.buffer);
      };
      (message.files || []).forEach(function (f) { add(f.bytes); });
    if (message.seed) add(message.seed.index);
    try {
      if (this.kind === 'worker') this.worker.postMessage(message, transfer);
      else this.worker.postMessage(message);
    } catch (err) {
      this.fail(err);
    }
  };

  global.MirsadWorkerHost = { WorkerHost: WorkerHost, workerMain: workerMain };

  // Loaded as a dedicated worker's script (the widget's bundle, which also holds the core): be
  // the worker. In a page, or in the page's Blob worker (which runs workerMain itself), nothing.
  if (typeof global.document === 'undefined' && typeof global.importScripts === 'function' &&
      typeof global.createMirsadCore === 'function' && global.MIRSAD_WIDGET_BUNDLE) {
    workerMain(global);
  }
})(typeof window !== 'undefined' ? window : self);  // self: the widget's bundle also runs as its own worker
