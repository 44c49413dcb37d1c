/*
 * mirsad.js: the typed JavaScript face of the C++ core (Squoosh's pattern: the wasm does the
 * work, Embind is a thin binding, and this wrapper is all the UI and the CLI ever see).
 * Classic script in the page (global `Mirsad`), CommonJS module in Node.
 * It parses the core's JSON and never looks inside Arabic text: no normalization here.
 */
(function (root, factory) {
  'use strict';
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else root.Mirsad = factory();
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  /** @typedef {{id: string, text: string, title?: string, date?: string, source?: string}} MirsadDocument */
  /** @typedef {{added: number, errors: {id: string, message: string}[], warnings: {source: string, line: number, message: string}[]}} LoadReport */
  /** @typedef {{id: string, score: number, matches: [number, number][], snippet: {start: number, end: number}, title_matches: [number, number][]}} SearchHit */
  /**
   * total: documents; matches_total: matches in their texts (as highlighted, the concordance's lines);
   * title_matches_total: in their titles; live_prefix: the word read as a prefix while typed (live only).
   * @typedef {{query: string, mode: string, total: number, matches_total: number, hits: SearchHit[],
   *   title_matches_total: number, has_words: boolean, filters: {field: string, value: string, negated: boolean}[],
   *   live_prefix?: string, exclusions_only?: boolean, unknown_filters?: string[], warnings: string[]}} SearchResult
   */
  /** @typedef {{type: string, start: number, end: number, text: string, canonical: string, label_en: string, country?: string, value?: string}} Entity */

  const MATCH_LEVELS = ['exact', 'normalized', 'word', 'stem'];

  // One wasm instance per page (or worker), shared by every engine and widget on it.
  let modulePromise = null;
  let moduleFactory = null;
  // Set when the instance aborted (out of memory): every engine on it is then gone, and each
  // later call says so instead of failing with "table index is out of bounds".
  let abortedWith = null;

  // moduleOptions: more of Emscripten's Module settings for the first load (wasmBinary: the
  // query-side module's wasm, which Node reads from disk since its fetch cannot read files).
  function loadModule(factory, moduleOptions) {
    if (factory) moduleFactory = factory;
    if (!modulePromise) {
      const create = moduleFactory || (typeof createMirsadCore === 'function' ? createMirsadCore : null);
      if (!create) {
        return Promise.reject(new Error('mirsad-core.js is not loaded: include it before mirsad.js'));
      }
      const instance = { aborted: null };
      modulePromise = create(Object.assign({}, moduleOptions || {}, {
        // A C++ abort (e.g. out of memory) must reach the caller as an Error, not kill the tab.
        onAbort: (what) => {
          instance.aborted = String(what || 'out of memory');
          abortedWith = instance;
          throw new Error('Mirsad core aborted: ' + instance.aborted);
        },
      })).then((core) => { core.__mirsadInstance = instance; return core; });
    }
    return modulePromise;
  }

  /**
   * After the core aborted (it ran out of memory), drops the dead instance: the next create()
   * starts a fresh one. Engines of the dead instance stay unusable. Returns whether it had aborted.
   */
  function restartAfterAbort() {
    if (!abortedWith) return false;
    abortedWith = null;
    modulePromise = null;
    return true;
  }

  /** Whether the core instance has aborted (then restartAfterAbort() and load again). */
  function hasAborted() { return Boolean(abortedWith); }

  // Every call into the core goes through here. The core is built without C++ exception
  // catching: an exception that escapes it reaches JS as a bare number, which callers printed as
  // "mirsad: undefined". It becomes an Error that says what happened; an aborted instance
  // answers every later call with the abort's reason.
  function coreCall(api, name, args) {
    const instance = api.__mirsadInstance;
    if (instance && instance.aborted) {
      throw new Error('Mirsad core stopped earlier (' + instance.aborted + '): its documents are gone until it is restarted');
    }
    try {
      return api[name].apply(api, args);
    } catch (err) {
      if (err instanceof Error) throw err;
      throw new Error('Mirsad core error in ' + name + ': an internal C++ exception (' + String(err) +
        '); the call did not complete');
    }
  }

  // A new task (not a microtask), so the page can paint and handle input in between; setTimeout
  // would be clamped to 4 ms after a few nested calls.
  function nextTask() {
    if (typeof MessageChannel === 'function') {
      return new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { channel.port1.close(); resolve(); };
        channel.port2.postMessage(0);
      });
    }
    return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
  }

  function emptyReport() { return { added: 0, errors: [], warnings: [] }; }
  function mergeReport(into, part) {
    into.added += part.added;
    into.errors.push(...part.errors);
    into.warnings.push(...part.warnings);
    return into;
  }

  class MirsadEngine {
    constructor(api, instance) {
      this._raw = api;
      this._raw.__mirsadInstance = instance;
      // The core's methods, each through coreCall (see above).
      this._api = new Proxy(api, {
        get: (target, name) => (typeof target[name] === 'function' ? (...args) => coreCall(target, name, args) : target[name]),
      });
      this._documents = null;
    }

    /** Adds documents already held as JS strings. @param {MirsadDocument[]} docs @returns {LoadReport} */
    addDocuments(docs) {
      const report = emptyReport();
      for (const d of docs) {
        if (!d || typeof d.text !== 'string' || d.id === undefined || d.id === null) {
          report.errors.push({ id: String(d && d.id), message: 'expected {id, text}' });
          continue;
        }
        mergeReport(report, JSON.parse(this._api.addDocument(String(d.id), d.text, String(d.title || ''),
          String(d.date || ''), String(d.source || ''))));
      }
      this._api.compact();  // one batch: the index gives back its growth slack
      this._documents = null;
      return report;
    }

    /**
     * The index's memory budget in MB: past it, documents are refused (code "memory_limit") with
     * everything before them kept. The default (1536) keeps a page clear of wasm's 2 GiB limit.
     */
    setMemoryBudget(megabytes) {
      const error = this._api.setMemoryBudget(Number(megabytes));
      if (error) throw new RangeError(error);
    }

    /**
     * For an engine whose index will be saved (saveIndex): the memory budget then counts the
     * file beside the index, so that saving cannot run the core out of memory.
     */
    reserveForSaving(on) { this._api.reserveForSaving(on !== false); }

    /**
     * How the .html pages loaded next become documents: {selector: the article's element as a
     * simple CSS selector ('article.story', '#content', '[data-body]'), urlPrefix: put before each
     * page's path to make its link (default '/')}. Throws with the core's message on a bad one.
     */
    setHtmlOptions(options) {
      const o = options || {};
      const answer = JSON.parse(this._api.setHtmlOptions(JSON.stringify({
        selector: o.selector || '', url_prefix: o.urlPrefix === undefined ? '/' : String(o.urlPrefix),
      })));
      if (answer.error) throw new Error(answer.error);
    }

    /**
     * Loads a .txt, .html, .json, .jsonl or .csv file's bytes; the core decodes and validates.
     * A .html page's name should be its path in the site (news/2015/a.html): it is the id, and
     * the link is made from it (setHtmlOptions).
     * options.mapping: which field plays each role, e.g. {text: 'body', title: 'headline', date:
     * 'published', source: 'publisher', id: 'guid'} (roles left out are recognised from the field
     * names; '' for none). The report's `mapping` says which fields were used.
     * @returns {LoadReport}
     */
    loadFile(name, bytes, options) {
      const mapping = options && options.mapping;
      const report = JSON.parse(mapping
        ? this._api.loadMappedFile(String(name), bytes, JSON.stringify(mapping))
        : this._api.loadFile(String(name), bytes));
      this._documents = null;
      return report;
    }

    /** @returns {{id: string, title: string, date: string, source: string, url: string, length: number}[]} */
    documents() {
      if (!this._documents) this._documents = JSON.parse(this._api.documents());
      return this._documents;
    }

    /**
     * The same list as documents(), read from the core a page at a time with a new task between
     * pages: the list of 40,000 documents in one call was a 300 ms task. documents() then
     * answers from it. Nothing may change the engine's documents until the promise settles.
     * @returns {Promise<{id: string, title: string, date: string, source: string, length: number}[]>}
     */
    async documentsInSlices(options) {
      if (this._documents) return this._documents;
      const pageSize = (options && options.pageSize) || 2000;
      const list = [];
      for (;;) {
        const page = JSON.parse(this._api.documentsPage(list.length, pageSize));
        for (const d of page.documents) list.push(d);
        if (list.length >= page.total || !page.documents.length) break;
        await nextTask();
      }
      this._documents = list;
      return list;
    }

    /** The document text that every offset refers to. */
    text(id) { return this._api.text(String(id)); }

    /**
     * @param {string} query  the query language of README.md
     * @param {{mode?: string, limit?: number, any?: boolean, live?: boolean,
     *   sort?: 'relevance'|'date'|'date-asc', facets?: boolean}} [options]
     *   any: words joined by OR; live: the last word is still being typed (matched as a prefix, except at
     *   the exact level; the result's live_prefix names it when it was);
     *   sort: over every matching document (date: newest first; undated documents last);
     *   facets: add {sources: [{value, documents}], dates: [{date, documents}], unsourced, undated},
     *   each counted before its own filter, over the whole collection for an empty query
     * @returns {SearchResult}
     */
    search(query, options) {
      const o = options || {};
      return JSON.parse(this._api.search(String(query), o.mode || 'word', o.limit || 50, Boolean(o.any), Boolean(o.live),
        o.sort || 'relevance', Boolean(o.facets)));
    }

    /** Entities of one document, or of all when id is omitted. @returns {{documents: {id: string, entities: Entity[]}[]}} */
    entities(id) { return JSON.parse(this._api.entities(id === undefined ? '' : String(id))); }

    /**
     * Events (meetings, visits, attacks, agreements) of one document, of several (an array of ids),
     * or of all when omitted: {documents: [{id, date, events: Event[]}], unknown?: string[], error?}.
     * An Event is {type, trigger: [s, e], trigger_text, mentions: [[s, e]], participants: [{role, type,
     * canonical, label_en, text, start, end, resolved}], place: {canonical, label_en, text, start, end} | null,
     * date: {text, value, start, end} | null, modality, sentence: [s, e]} (offsets in UTF-16 units).
     * @param {string|string[]} [ids]
     */
    events(ids) {
      if (Array.isArray(ids)) return JSON.parse(this._api.eventsOfDocuments(JSON.stringify(ids.map(String))));
      return JSON.parse(this._api.events(ids === undefined ? '' : String(ids)));
    }

    /** Events of a text that is not in the corpus, dated date (YYYY-MM-DD, optional). */
    eventsOfText(text, date) { return JSON.parse(this._api.eventsOfText(String(text), date ? String(date) : '')).documents[0].events; }

    /** The party model's training view of a text: [{type, trigger: [s, e], start, end, canonical, features: {name: value}}] (scripts/train-event-parties). */
    eventPartyCandidates(text, date) { return JSON.parse(this._api.eventPartyCandidates(String(text), date ? String(date) : '')).candidates; }

    /** Party model weights (the TSV of wasm/data/event_parties.tsv) in place of the embedded ones, for the rest of the process (scripts/train-event-parties). */
    setEventPartyModel(tsv) { this._api.setEventPartyModel(String(tsv)); }

    /*
     * entity:, event: and with: test what is extracted from each candidate document: milliseconds a
     * document the first time, seconds for a thousand. A page prepares them in its worker (an
     * engine with the same collection), a batch at a time, and hands the verdicts to its own engine,
     * whose searches then extract nothing. options: {mode, live} as search reads the query.
     */
    /** How many documents the query's entity:/event:/with: filters still need extracted (0: none, or all known). */
    filtersPending(query, options) {
      const o = options || {};
      return JSON.parse(this._api.filtersPending(String(query), o.mode || 'word', Boolean(o.live))).pending;
    }

    /** Extracts up to maxDocuments of those; how many remain. */
    prepareFilters(query, options, maxDocuments) {
      const o = options || {};
      return JSON.parse(this._api.prepareFilters(String(query), o.mode || 'word', Boolean(o.live), maxDocuments || 20)).pending;
    }

    /**
     * prepareFilters in slices of about sliceMs on this thread, a new task between them, for a
     * host without a worker holding the collection (the widget over an in-memory corpus): then
     * search extracts nothing. The batch grows or shrinks so that a slice takes about sliceMs.
     * Resolves true when every candidate is extracted, false when cancelled() said to stop.
     * @param {{mode?: string, live?: boolean}} [options]
     * @param {{sliceMs?: number, onProgress?: (done: number, total: number) => void, cancelled?: () => boolean}} [slicing]
     */
    async prepareFiltersInSlices(query, options, slicing) {
      const s = slicing || {};
      const sliceMs = s.sliceMs || 25;
      const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
      const total = this.filtersPending(query, options);
      let left = total;
      let batch = 1;
      while (left > 0) {
        if (s.cancelled && s.cancelled()) return false;
        const started = now();
        left = this.prepareFilters(query, options, batch);
        const took = Math.max(0.1, now() - started);
        // Aim at sliceMs a slice; never more than doubling, as one long article can take as long as many.
        batch = Math.max(1, Math.min(batch * 2, Math.floor(batch * sliceMs / took)));
        if (s.onProgress) s.onProgress(total - left, total);
        if (left > 0) await nextTask();
      }
      return true;
    }

    /** The filters' verdict on every document the query tests: {hold: id[], fail: id[]}. */
    filterVerdicts(query, options) {
      const o = options || {};
      return JSON.parse(this._api.filterVerdicts(String(query), o.mode || 'word', Boolean(o.live)));
    }

    /** Takes verdicts found by an engine with the same collection; throws when they name documents this one lacks. */
    adoptFilterVerdicts(query, options, verdicts) {
      const o = options || {};
      const r = JSON.parse(this._api.adoptFilterVerdicts(String(query), o.mode || 'word', Boolean(o.live), JSON.stringify(verdicts)));
      if (r.error) throw new Error(r.error);
      return r.adopted;
    }

    /**
     * Keyword in context: {matches_total, truncated, lines: [{id, start, end, left, keyword, right}]}.
     * @param {string} query @param {string} [mode='word'] @param {number} [maxLines=500]
     * @param {number} [context=6] words each side @param {'document'|'left'|'right'} [order='document']
     */
    concordance(query, mode, maxLines, context, order) {
      return JSON.parse(this._api.concordance(String(query), mode || 'word', maxLines || 500, context || 6, order || 'document'));
    }

    /**
     * For a query that found nothing: each word no document holds, with the nearest indexed words
     * (what word~ would match) → {words: [{word, start, end, suggestions: [{word, documents, distance,
     * query}], complete}], fuzzy_query?}; a suggestion's query is the query with the word replaced.
     * @param {string} query @param {string} [mode='word'] @param {number} [limit=5] per word
     */
    suggest(query, mode, limit) {
      return JSON.parse(this._api.suggest(String(query), mode || 'word', limit || 5));
    }

    /**
     * The entities of a set of documents taken together (all documents when ids is empty):
     * {documents, truncated (always false now), entities: [{type, canonical, label_en, documents, mentions}],
     *  matrix: [index] (the co-occurrence matrix's rows), pairs: [{a, b, documents, sentences}] (indexes into
     *  entities), timeline: [{period, mentions, documents, ids}]}. Every document given is read, here on
     *  this thread: for many, the page asks its worker (beginOverview/continueOverview, read in batches).
     * @param {string[]} [ids] @param {number} [limit=60]
     */
    entityOverview(ids, limit) {
      return JSON.parse(this._api.entityOverview(JSON.stringify((ids || []).map(String)), limit || 60));
    }

    /** Entities of a text that is not in the corpus. */
    entitiesOfText(text) { return JSON.parse(this._api.entitiesOfText(String(text))).documents[0].entities; }

    /** Tokens of a text at every match level, with offsets. */
    normalize(text) { return JSON.parse(this._api.normalize(String(text))); }

    /** The whole engine (documents and indexes) as a versioned binary index file. @returns {Uint8Array} */
    saveIndex() { return this._api.saveIndex(); }

    /**
     * Loads an index file into this (empty) engine without re-analysing anything.
     * @param {Uint8Array} bytes
     * @returns {{documents?: number, error?: string}}
     */
    loadIndex(bytes) {
      const report = JSON.parse(this._api.loadIndex(bytes));
      this._documents = null;
      return report;
    }

    /**
     * loadIndex in slices of about sliceMs of work each, giving the thread back between them:
     * a page loads a collection of any size without a long task. Nothing else may be asked of
     * this engine until the promise settles. Resolves to {documents} or {error}.
     * @param {Uint8Array} bytes
     * @param {{sliceMs?: number, onProgress?: (fraction: number) => void}} [options]
     */
    loadIndexInSlices(bytes, options) { return this.loadIndexStream(bytes, options); }

    /**
     * Loads an index file streamed into the core piece by piece, in slices of about sliceMs:
     * the core holds only a window of the file (what it has not read yet, at most one item of
     * the file plus a piece), never the whole file, whose copy in wasm memory would stay there
     * for good (wasm memory never shrinks). The source is a Uint8Array or a Blob (read a piece at
     * a time). Nothing else may be asked of this engine until the promise settles. Resolves to
     * {documents, peakWindowBytes} or {error}.
     * @param {Uint8Array|Blob} source
     * @param {{sliceMs?: number, pieceBytes?: number, onProgress?: (fraction: number) => void}} [options]
     */
    async loadIndexStream(source, options) {
      const o = options || {};
      const sliceMs = o.sliceMs || 25;
      const isBlob = typeof source.arrayBuffer === 'function' && typeof source.slice === 'function' &&
        !(source instanceof Uint8Array);
      // 4 MB of bytes: copying a piece into the core is about a millisecond, and its checksum a
      // few. A Blob is read 16 MB at a time: each read is a round trip to the browser's blob
      // store, and 212 MB read 4 MB at a time took 3.0 s against 1.3 s (Chromium, this machine).
      const pieceBytes = o.pieceBytes || (isBlob ? 16 << 20 : 4 << 20);
      const size = isBlob ? source.size : source.length;
      const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
      let step = JSON.parse(this._api.beginLoadIndexStream(size));
      let at = 0;
      // A Blob's next piece is read while the core works through the current one: the browser
      // reads it off the main thread, so the two overlap (for 38 MB restored from IndexedDB,
      // reading is about as long as loading).
      const read = (from) => {
        if (from >= size) return null;
        const end = Math.min(from + pieceBytes, size);
        const bytes = isBlob ? source.slice(from, end).arrayBuffer().then((b) => new Uint8Array(b)) : source.subarray(from, end);
        // A read left behind when the load stops early must not become an unhandled rejection.
        if (isBlob) bytes.catch(() => {});
        return { end, bytes };
      };
      let ahead = read(0);
      let sliceStart = now();
      while (!step.error && step.done === false) {
        if (step.needsBytes) {
          if (!ahead) { step = { error: 'index file is truncated' }; break; }
          const { end, bytes } = ahead;
          let piece;
          try { piece = await bytes; } catch (e) { piece = null; }
          if (!piece || piece.length !== end - at) { step = { error: 'index file could not be read' }; break; }
          at = end;
          ahead = read(at);
          this._api.pushIndexBytes(piece);
        }
        if (now() - sliceStart >= sliceMs) {
          if (o.onProgress) o.onProgress(step.progress || 0);
          await nextTask();
          sliceStart = now();
        }
        step = JSON.parse(this._api.continueLoadIndex(Math.max(1, sliceMs - (now() - sliceStart))));
      }
      this._documents = null;
      return step;
    }

    /**
     * The collection as a static index (README, "Static index"), one file at a time: calls
     * onFile(name, bytes) for each (name relative to the index folder, '/' between folders;
     * bytes uncompressed), manifest.json last; when onFile returns a promise, the next file waits
     * for it (a caller compressing and writing in the background holds the writer back that way).
     * Resolves to {files, bytes}. Nothing else may be asked of this engine meanwhile.
     * @param {(name: string, bytes: Uint8Array) => (void|Promise<void>)} onFile
     * @param {{chunkBytes?: number, entities?: boolean}} [options] entities: also which documents
     *   mention which entity (entity: filters on the static index; extracted for every document)
     */
    async writeStaticIndex(onFile, options) {
      this._api.beginStaticIndex((options && options.chunkBytes) || 0, Boolean(options && options.entities));
      for (;;) {
        const next = JSON.parse(this._api.nextStaticFile());
        if (next.error) throw new Error(next.error);
        if (next.done) return { files: next.files, bytes: next.bytes };
        const pending = onFile(next.name, this._api.staticFileBytes());
        if (pending && typeof pending.then === 'function') await pending;
      }
    }

    /**
     * Merges static indexes written one after the other (writeStaticIndex) as segments of one
     * collection, in document order, into the index of the whole collection: the files
     * writeStaticIndex gives for it in one engine, for archives too large for one. manifests:
     * each segment's manifest.json text; readSegmentFile(segment, name) → the file's bytes,
     * inflated (or a promise of them); onFile(name, bytes) as for writeStaticIndex. This engine's
     * own documents take no part.
     * @returns {Promise<{documents: number, files: number, bytes: number}>}
     */
    async mergeStaticIndexes(manifests, readSegmentFile, onFile, options) {
      const begun = JSON.parse(this._api.beginStaticMerge(JSON.stringify(manifests), (options && options.chunkBytes) || 0));
      if (begun.error) throw new Error(begun.error);
      for (;;) {
        const next = JSON.parse(this._api.nextMergedFile());
        if (next.error) throw new Error(next.error);
        if (next.done) return { documents: begun.documents, files: next.files, bytes: next.bytes };
        if (next.needs) {
          for (const [segment, name] of next.needs) {
            let bytes = readSegmentFile(segment, name);
            if (bytes && typeof bytes.then === 'function') bytes = await bytes;
            const refused = this._api.provideMergeFile(segment, name, bytes);
            if (refused) throw new Error(refused);
          }
          continue;
        }
        const pending = onFile(next.name, this._api.staticFileBytes());
        if (pending && typeof pending.then === 'function') await pending;
      }
    }

    /** Ids that earlier segments of the same collection hold: documents with them are refused as duplicates. */
    setTakenIds(ids) {
      const answer = JSON.parse(this._api.setTakenIds(JSON.stringify(ids)));
      if (answer.error) throw new Error(answer.error);
    }

    /** What the index holds: documents, tokens, terms per level, index and text bytes. */
    stats() { return JSON.parse(this._api.stats()); }

    /** Frees the engine's memory in the core (a no-op once the core has aborted). */
    dispose() {
      const instance = this._raw.__mirsadInstance;
      if (instance && instance.aborted) return;
      this._raw.delete();
    }
  }

  // gzip's first two bytes. Static index files are gzipped on disk; a host that serves them with
  // Content-Encoding: gzip has the browser inflate them already, so the magic says which.
  function isGzip(bytes) { return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b; }

  async function inflate(bytes) {
    if (!isGzip(bytes)) return bytes;
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  /**
   * A static index (`mirsad index --static`) searched where it lies: only the files a query
   * needs are read, through fetchFile(name) → Promise<Uint8Array> (as stored, gzipped or not),
   * in parallel, and kept in the core for later queries up to a memory budget. The answers are
   * the in-memory engine's for the same collection (search's JSON contract; each hit also has
   * ordinal, title, date, source and url). entity: filters and entity facets need an index
   * written with --entities.
   */
  class MirsadStaticIndex {
    constructor(api, instance, fetchFile) {
      this._raw = api;
      this._raw.__mirsadInstance = instance;
      this._api = new Proxy(api, {
        get: (target, name) => (typeof target[name] === 'function' ? (...args) => coreCall(target, name, args) : target[name]),
      });
      this._fetchFile = fetchFile;
      this.bytesFetched = 0;  // as transferred (gzipped), for the caller's accounting
      this.filesFetched = 0;
      this.documents = 0;
    }

    async _open() {
      let manifest;
      try {
        manifest = await this._fetch('manifest.json');
      } catch (e) {
        throw new Error('manifest.json could not be fetched (' + ((e && e.message) || e) + '): is this the folder that ' +
          '`mirsad index --static` wrote?');
      }
      const opened = JSON.parse(this._api.open(new TextDecoder().decode(manifest)));
      if (opened.error) throw new Error(opened.error);
      this.documents = opened.documents;
      /** Written with --entities: search(q, {facets: true}) also counts the people, organizations and places of the matches. */
      this.entityFacets = Boolean(opened.entity_facets);
      return this;
    }

    async _fetch(name) {
      const raw = await this._fetchFile(name);
      this.bytesFetched += raw.length;
      this.filesFetched += 1;
      return inflate(raw);
    }

    /**
     * @param {string} query @param {{mode?: string, limit?: number, any?: boolean, live?: boolean,
     *   sort?: 'relevance'|'date'|'date-asc', facets?: boolean}} [options] facets: as MirsadEngine.search
     *   gives them (the document list is read once for them)
     * @returns {Promise<SearchResult & {error?: string}>} {error} when a file it needs is missing or damaged
     */
    async search(query, options) {
      const o = options || {};
      for (let round = 0; round < 12; round++) {
        const answer = JSON.parse(this._api.search(String(query), o.mode || 'word', o.limit || 10, Boolean(o.any),
          Boolean(o.live), o.sort || 'relevance', Boolean(o.facets)));
        if (!answer.needs) return answer;
        await Promise.all(answer.needs.map(async (name) => {
          let bytes;
          try {
            bytes = await this._fetch(name);
          } catch (e) {
            this._api.fileUnavailable(name, String((e && e.message) || e));
            return;
          }
          this._api.provide(name, bytes);  // a refusal is kept by the core and answered as the query's error
        }));
      }
      return { error: 'this query needs more files than the memory budget holds at once: raise it, or narrow the query' };
    }

    /** A hit's document (loaded by the search that found it): {id, title, date, source, text}, or null. */
    fragment(ordinal) {
      const f = JSON.parse(this._api.fragment(Number(ordinal)));
      return f.id === undefined ? null : f;
    }

    /** The text of a hit's document, which its offsets index (UTF-16). */
    text(ordinal) { return this._api.fragmentText(Number(ordinal)); }

    /** {documents, files_loaded, memory_bytes} plus what was fetched. */
    stats() {
      return Object.assign(JSON.parse(this._api.stats()), { bytes_fetched: this.bytesFetched, files_fetched: this.filesFetched });
    }

    /** The most memory (MB) the loaded files may take; least recently used ones go first. */
    setMemoryBudget(megabytes) { this._api.setMemoryBudget(Number(megabytes)); }

    dispose() {
      const instance = this._raw.__mirsadInstance;
      if (instance && instance.aborted) return;
      this._raw.delete();
    }
  }

  // A fetchFile over HTTP(S): base is the index folder's URL. A response other than 200 is an
  // error naming the status, which the query then reports.
  function httpFiles(base) {
    // A relative URL ("/news-index/", "index/") is the page's: resolved against its address.
    const here = typeof document !== 'undefined' ? document.baseURI : typeof location !== 'undefined' ? location.href : undefined;
    const root = new URL(String(base).endsWith('/') ? String(base) : String(base) + '/', here);
    return async (name) => {
      const response = await fetch(new URL(name, root).href);
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return new Uint8Array(await response.arrayBuffer());
    };
  }

  /**
   * Opens a static index: source is its folder's URL, or a function name → Promise<Uint8Array>
   * (files from disk, a directory picker…). Rejects with the manifest's problem. options: factory
   * (the module's loader, in Node), wasmBinary (the query-side module's wasm, read from disk in
   * Node), memoryBudgetMb.
   * @returns {Promise<MirsadStaticIndex>}
   */
  async function openStaticIndex(source, options) {
    const core = await loadModule(options && options.factory, options && options.wasmBinary ? { wasmBinary: options.wasmBinary } : null);
    const fetchFile = typeof source === 'function' ? source : httpFiles(source);
    const index = new MirsadStaticIndex(new core.StaticSearchApi(), core.__mirsadInstance, fetchFile);
    if (options && options.memoryBudgetMb) index.setMemoryBudget(options.memoryBudgetMb);
    try {
      return await index._open();
    } catch (e) {
      index.dispose();
      throw e;
    }
  }

  /**
   * Creates an engine. In the page the module comes from the global `createMirsadCore`
   * (mirsad-core.js); in Node pass `{factory: require('.../mirsad-core.js')}`.
   * @returns {Promise<MirsadEngine>}
   */
  async function create(options) {
    const core = await loadModule(options && options.factory);
    // For scripts/bench page: the module is compiled and its runtime up; the engine comes next.
    if (typeof performance !== 'undefined' && performance.mark) performance.mark('mirsad:module');
    if (!core.PageApi) {
      throw new Error('this is the query-side module (mirsad-search-static.js), which only reads static indexes: ' +
        'use index="…", or mirsad-widget.js for a corpus');
    }
    return new MirsadEngine(new core.PageApi(), core.__mirsadInstance);
  }

  // In a page that has already loaded the core, start decoding and compiling the module now: it
  // then runs while the page's other scripts load, and the first create() finds it (nearly) ready.
  if (typeof createMirsadCore === 'function' && typeof document !== 'undefined') {
    loadModule().catch(() => { /* create() reports the failure */ });
  }

  /**
   * The field names and first records of a file (or of its first bytes: a record cut at the end
   * is left out), for choosing a field mapping: {format, fields, samples: [{field: text}],
   * mapping: {id, text, title, date, source, url: field or null}, warnings}.
   */
  async function peekFile(name, bytes, samples) {
    const core = await loadModule();
    return JSON.parse(core.JsonApi.peekFile(String(name), bytes, samples || 3));
  }

  return { create, MATCH_LEVELS, MirsadEngine, MirsadStaticIndex, openStaticIndex, restartAfterAbort, hasAborted, peekFile };
});
