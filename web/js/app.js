/* Mirsad — page wiring. Creates the engine, loads the bundled corpus (window.MIRSAD_CORPUS),
 * and connects the views: search box → results / document list → reader + entity panel.
 * The user's own documents (files, drops, pasted text) are analysed in a worker
 * (js/worker-host.js), which hands back a saved index; a new engine loads it and replaces the
 * current one. Sets document.body.dataset.ready = "1" once the engine is up and the corpus loaded;
 * document.body.dataset.loading = "1" while the user's documents are being analysed. */
(function (global) {
  'use strict';

  var UI = global.MirsadUI;
  var $ = function (id) { return document.getElementById(id); };

  var state = {
    engine: null,
    docs: [],
    byId: new Map(),      // String(id) → document summary from engine.documents()
    hits: new Map(),      // String(id) → hit of the current query
    textCache: new Map(), // String(id) → text
    query: '',
    mode: 'word',
    entityFilter: null,   // {canonical, text, type} or {pair: [..]}: results restricted to documents mentioning it
    limit: 100,           // hits asked of the core; "more" asks for the next hundred
    hitsTotal: 0,
    view: 'results',      // or 'kwic': the keyword-in-context lines of the current query
    openId: null,
    entityCache: new Map(),
    // bring your own documents
    bundledIndex: null,     // Uint8Array: the bundled corpus's index, as shipped in corpus.js
    bundledIndexOk: false,  // the engine accepted it (else the corpus is analysed from its text)
    bundledIds: [],         // ids of the bundled documents
    includesBundled: true,  // the current engine holds the bundled corpus
    userDocs: 0,            // documents the user added that the current engine holds
    indexBytes: null,       // Uint8Array: the current collection's index file (see replaceCollection)
    pasteCounter: 0
  };

  var views = {};

  // Performance marks for scripts/bench page (scripts run, engine created, ready, first result).
  function mark(name) {
    if (global.performance && performance.mark) performance.mark(name);
  }

  function showError(message) {
    var box = $('error');
    UI.clear(box);
    box.appendChild(UI.el('strong', null, 'تعذّر تشغيل مرصد. '));
    box.appendChild(document.createTextNode(message));
    box.hidden = false;
    $('status').hidden = true;
    document.body.dataset.error = '1';
  }

  function setStatus(text) {
    var s = $('status');
    s.textContent = text;
    s.hidden = !text;
  }

  function textOf(id) {
    var key = String(id);
    if (state.textCache.has(key)) return state.textCache.get(key);
    var doc = state.byId.get(key);
    var t = state.engine.text(doc ? doc.id : id);
    t = typeof t === 'string' ? t : '';
    state.textCache.set(key, t);
    return t;
  }

  function entitiesOf(key) {
    if (state.entityCache.has(key)) return state.entityCache.get(key);
    var doc = state.byId.get(key);
    var list = UI.Entities.listFor(state.engine.entities(doc.id), doc.id);
    state.entityCache.set(key, list);
    return list;
  }

  /* ---------------- search ---------------- */

  var FETCH = 100;  // hits per request: snippets and offsets are computed only for these

  function fetchHits() {
    // live: the last word matches as a prefix while it is being typed (ليب finds ليبيا)
    return state.engine.search(effectiveQuery(state.query), { mode: state.mode, limit: state.limit, live: true });
  }

  // "More" after the fetched hits: ask the core for the next hundred.
  function fetchMore() {
    state.limit += FETCH;
    var res;
    try { res = fetchHits(); } catch (err) { return; }
    var hits = res.hits || [];
    for (var i = 0; i < hits.length; i++) state.hits.set(String(hits[i].id), hits[i]);
    views.results.extend(res);
  }

  // The matches of a document opened beyond the fetched hits (from the document list): the
  // same query restricted to it with id:"…".
  function hitFor(key) {
    if (state.hits.has(key) || /"/.test(key)) return state.hits.get(key);
    try {
      var res = state.engine.search(effectiveQuery(state.query) + ' id:"' + key + '"', { mode: state.mode, limit: 1, live: true });
      if (res.hits && res.hits.length) state.hits.set(key, res.hits[0]);
    } catch (err) { /* no highlights for it */ }
    return state.hits.get(key);
  }

  // The query the core runs: what was typed, plus the entity filter as query syntax
  // (entity:"…"), so that the core alone decides which documents mention the entity.
  // A filter is one entity ({canonical, text, type}) or, from the co-occurrence matrix, two
  // ({pair: [entity, entity]}): documents that mention both.
  function filterEntities(f) { return f ? (f.pair || [f]) : []; }
  function entityName(e) { return String(e.canonical || e.text || ''); }

  function effectiveQuery(q) {
    var terms = filterEntities(state.entityFilter).map(function (e) {
      return 'entity:"' + entityName(e).replace(/"/g, '') + '"';
    });
    if (!terms.length) return q;
    return (q.trim() ? q + ' ' : '') + terms.join(' ');
  }

  function showEntityFilter(filter) {
    state.entityFilter = filter;
    $('entity-filter').hidden = !filter;
    // Each name is the documents' data, isolated: an override in it must not move the ✕.
    var chip = $('entity-filter-name');
    UI.clear(chip);
    filterEntities(filter).forEach(function (e, i) {
      if (i > 0) chip.appendChild(document.createTextNode(' + '));
      chip.appendChild(UI.dataLabel(entityName(e)));
    });
  }

  function setEntityFilter(filter) {
    showEntityFilter(filter);
    state.pushNextHash = true;  // back lifts the filter again
    runSearch();
  }

  /* ---------------- keyword in context ---------------- */

  // Results or concordance: the switch only matters while a query is active.
  function showView(active) {
    var kwic = active && state.view === 'kwic' && state.query.trim() !== '';
    $('view-switch').hidden = !active;
    $('view-results').setAttribute('aria-pressed', String(!kwic));
    $('view-kwic').setAttribute('aria-pressed', String(kwic));
    if (active) views.results.show(!kwic);
    if (kwic) $('more').hidden = true;
    views.concordance.show(kwic);
    if (kwic) {
      try {
        views.concordance.render(state.engine.concordance(effectiveQuery(state.query), state.mode, 500, 6, views.concordance.order()));
      } catch (err) {
        views.concordance.render({ lines: [] });
      }
    }
  }

  function setView(view) {
    state.view = view;
    state.pushNextHash = true;
    runSearch();  // redraws the chosen view (and the results' "more" button)
  }

  /* ---------------- export ---------------- */

  function isActive() { return state.query.trim() !== '' || state.entityFilter !== null; }

  // The documents in scope: the fetched hits of the current query, in rank order, or all.
  function scopeIds() {
    return isActive() ? Array.from(state.hits.keys()) : state.docs.map(function (d) { return String(d.id); });
  }

  function exportedResults() {
    return scopeIds().map(function (key, i) {
      var doc = state.byId.get(key) || {};
      var hit = isActive() ? state.hits.get(key) : null;
      var row = { rank: hit ? i + 1 : '', id: key, title: doc.title || '', date: doc.date || '', source: doc.source || '',
        score: hit ? hit.score : '', matches: hit ? (hit.matches || []).length : '', snippet: '' };
      if (hit && hit.snippet) row.snippet = textOf(key).slice(hit.snippet.start, hit.snippet.end);
      return row;
    });
  }

  function exportedEntities() {
    var rows = [];
    scopeIds().forEach(function (key) {
      var list;
      try { list = entitiesOf(key); } catch (e) { list = []; }
      list.forEach(function (e) {
        rows.push({ document: key, type: e.type, text: e.text, canonical: e.canonical || '', label_en: e.label_en || '',
          value: e.value || '', start: e.start, end: e.end });
      });
    });
    return rows;
  }

  function exportStamp() {
    return new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
  }

  /* ---------------- entity overview ---------------- */

  var OVERVIEW_ALL = 300;  // documents read for the overview when no query narrows them
  var overviewTimer = 0;

  // Recomputed a moment after the last keystroke, and only while the panel is open: the first
  // overview of many documents extracts their entities.
  function scheduleOverview() {
    clearTimeout(overviewTimer);
    overviewTimer = setTimeout(updateOverview, 150);
  }

  function updateOverview() {
    if (!state.engine || !views.overview.isOpen()) return;
    var active = isActive();
    var ids, scope;
    if (active) {
      ids = Array.from(state.hits.keys());
      scope = ids.length ? 'في ' + (state.hitsTotal > ids.length ? 'أول ' : '') + UI.count('docs', ids.length) + ' من النتائج' : '';
    } else if (state.docs.length > OVERVIEW_ALL) {
      ids = state.docs.slice(0, OVERVIEW_ALL).map(function (d) { return String(d.id); });
      scope = 'في أول ' + UI.count('docs', OVERVIEW_ALL) + ' من ' + state.docs.length;
    } else {
      ids = [];
      scope = 'في المجموعة كلها (' + UI.count('docs', state.docs.length) + ')';
    }
    if (active && !ids.length) {
      views.overview.render({ entities: [], pairs: [], timeline: [] }, state.byId, 'لا نتائج');
      return;
    }
    var failed = function (err) {
      views.overview.render({ entities: [], pairs: [], timeline: [] }, state.byId,
        'تعذّر حساب النظرة العامة: ' + (err && err.message ? err.message : String(err)));
    };
    // The user's collection is also held by the worker, which computes the overview there:
    // extracting the entities of hundreds of documents (or of one very large one) took seconds
    // of this thread. Only the bundled corpus alone (five articles) is done here.
    var request = ++overviewRequest;
    if (state.userDocs > 0 && host && host.hasState) {
      host.ask({ type: 'overview', ids: ids, limit: 80 }).then(function (result) {
        if (request === overviewRequest && state.engine) views.overview.render(result, state.byId, scope);
      }, function (err) {
        if (request === overviewRequest) failed(err);
      });
      return;
    }
    if (state.userDocs > 0) {
      // After a cancel or a crash the worker holds no collection: give it the page's again.
      views.overview.render({ entities: [], pairs: [], timeline: [] }, state.byId, 'جارٍ حساب النظرة العامة…');
      if (!busy) reseedWorker().then(scheduleOverview, failed);
      return;
    }
    try {
      views.overview.render(state.engine.entityOverview(ids, 80), state.byId, scope);
    } catch (err) {
      failed(err);
    }
  }
  var overviewRequest = 0;

  function runSearch() {
    if (!state.engine) return;  // a collection is loading: the search runs once it is in
    var q = views.search.query();
    var mode = views.search.mode();
    state.query = q;
    state.mode = mode;
    state.hits = new Map();
    state.limit = FETCH;
    var active = isActive();
    var warnings = [];

    if (!active) {
      views.search.setCount(UI.count('docs', state.docs.length));
      $('list-heading').textContent = 'المستندات';
      views.results.render(null, state.byId, textOf);
      views.results.show(false);
      views.docList.show(true);
    } else {
      var res;
      try {
        res = fetchHits();
      } catch (err) {
        res = { total: 0, hits: [], warnings: [] };
        warnings.push('خطأ في البحث: ' + (err && err.message ? err.message : String(err)));
      }
      var hits = res.hits || [];
      var nMatches = 0;
      for (var i = 0; i < hits.length; i++) {
        state.hits.set(String(hits[i].id), hits[i]);
        nMatches += (hits[i].matches || []).length;
      }
      if (typeof res.matches_total === 'number' && res.matches_total > 0) nMatches = res.matches_total;
      var total = typeof res.total === 'number' ? res.total : hits.length;
      state.hitsTotal = total;
      views.search.setCount(total === 0 ? 'لا نتائج'
        : UI.count('matches', nMatches) + ' ' + UI.count('inDocs', total));
      warnings = warnings.concat(res.warnings || []);
      $('list-heading').textContent = 'النتائج';
      views.results.render(res, state.byId, textOf);
      views.docList.show(false);
      views.results.show(true);
      // For scripts/bench page: when the first results are in the DOM (once per page).
      if (hits.length && global.performance && !performance.getEntriesByName('mirsad:first-result').length) mark('mirsad:first-result');
    }
    views.search.setWarnings(warnings);
    document.body.classList.toggle('has-query', active);
    showView(active);
    if (state.openId !== null) paintReader();
    scheduleOverview();
    if (!state.restoring) writeHash(state.pushNextHash);
    state.pushNextHash = false;
  }

  /* ---------------- reader ---------------- */

  function paintReader() {
    var key = state.openId;
    var active = state.query.trim() !== '';
    var hit = active ? hitFor(key) : undefined;
    var entities = [];
    if (!active) {
      try { entities = entitiesOf(key); } catch (e) { entities = []; }
    }
    views.reader.paint({ query: active, matches: hit ? hit.matches || [] : [], entities: entities });
  }

  function openDoc(id, opts) {
    var key = String(id);
    var doc = state.byId.get(key);
    if (!doc) return;
    opts = opts || {};
    state.openId = key;
    views.reader.open(doc, textOf(key));
    paintReader();
    try {
      views.entities.render(entitiesOf(key));
    } catch (err) {
      views.entities.error('تعذّر استخراج الكيانات: ' + (err && err.message ? err.message : String(err)));
    }
    views.docList.setActive(key);
    views.results.setActive(key);
    document.body.classList.add('is-reading');
    $('reader-pane').scrollTop = 0;
    $('reader').scrollTop = 0;
    $('entities').scrollTop = 0;
    if (global.matchMedia && global.matchMedia('(max-width: 799.98px)').matches) {
      global.scrollTo(0, 0);
    }
    views.reader.reveal();
    if (opts.updateHash !== false) writeHash(true);
  }

  function closeDoc(opts) {
    var key = state.openId;
    state.openId = null;
    views.reader.close();
    views.entities.hide();
    views.docList.setActive(null);
    views.results.setActive(null);
    document.body.classList.remove('is-reading');
    if (!(opts && opts.fromHash)) writeHash(true);
    // Return focus to the item that was open, if it is in the visible list.
    if (key !== null && !(opts && opts.keepFocus)) {
      var list = state.query.trim() ? $('results') : $('doc-list');
      var items = list.children;
      for (var i = 0; i < items.length; i++) {
        if (items[i].dataset.id === key) { items[i].firstChild.focus(); items[i].scrollIntoView({ block: 'nearest' }); break; }
      }
    }
  }

  /* ---------------- page state in the URL: #q=…&mode=…&entity=…&doc=… ---------------- */

  // The query, match level, entity filter and open document live in the hash, so a search can
  // be shared as a link and back/forward step through it. Typing replaces the current entry;
  // opening a document or setting a filter adds one (and so does the first keystroke after).
  function hashFromState() {
    var p = new URLSearchParams();
    if (state.query.trim()) p.set('q', state.query);
    if (state.mode !== 'word') p.set('mode', state.mode);
    filterEntities(state.entityFilter).forEach(function (e) { p.append('entity', entityName(e)); });
    if (state.view === 'kwic') p.set('view', 'kwic');
    if (state.openId !== null) p.set('doc', state.openId);
    var text = p.toString();
    return text ? '#' + text : '';
  }

  var writtenHash = null;  // the hash this page set last: its hashchange event is not a navigation
  function writeHash(push) {
    var hash = hashFromState();
    var current = global.location.hash === '#' ? '' : global.location.hash;
    if (push) state.pushNextHash = true;
    if (hash === current) return;
    writtenHash = hash || '#';
    try {
      if (push) global.location.hash = hash || '#';
      else if (global.history && global.history.replaceState) {
        global.history.replaceState(null, '', global.location.href.split('#')[0] + hash);
      } else global.location.hash = hash;
    } catch (e) {
      // Some browsers restrict history on file:// — the hash is only a convenience.
    }
  }

  function readHash() {
    var p;
    try { p = new URLSearchParams(global.location.hash.replace(/^#/, '')); } catch (e) { p = new URLSearchParams(); }
    return { q: p.get('q') || '', mode: p.get('mode') || 'word', doc: p.get('doc'), entities: p.getAll('entity').filter(Boolean),
      view: p.get('view') === 'kwic' ? 'kwic' : 'results' };
  }

  // Puts the page in the state the URL describes (on load and on back/forward).
  function applyHash() {
    var s = readHash();
    var names = s.entities.slice(0, 2).map(function (n) { return { canonical: n, text: n }; });
    state.restoring = true;
    try {
      views.search.set(s.q, s.mode);
      state.view = s.view;
      showEntityFilter(names.length === 0 ? null : names.length === 1 ? names[0] : { pair: names });
      runSearch();
      if (s.doc !== null && state.byId.has(s.doc)) {
        if (s.doc !== state.openId) openDoc(s.doc, { updateHash: false });
      } else if (state.openId !== null) {
        closeDoc({ fromHash: true, keepFocus: true });
      }
    } finally {
      state.restoring = false;
    }
    state.pushNextHash = true;
  }

  function onHashChange() {
    var current = global.location.hash || '#';
    if (current === writtenHash) return;
    writtenHash = null;
    applyHash();
  }

  /* ---------------- bring your own documents ---------------- */

  var host = null;       // MirsadWorkerHost.WorkerHost, created on first use
  var jobs = [];         // queued: {files: [File | {name, text}], notes: [...], rebuild: bool}
  var busy = false;
  var cancelled = false;

  /* The page holds one engine at a time. Two full engines in the one 2 GB module (the old one
   * searchable while the new one loaded) is what killed the page past ~100 MB of documents
   * (issue 14.1). So the old engine is freed first and the new index loads in slices of ~25 ms
   * (no long task); meanwhile the page is inert and says so. The collection's index file stays
   * in JS (state.indexBytes): if the new one cannot load (out of memory included, which ends
   * the wasm instance), a fresh instance reloads the previous collection. */
  function loadEngine(bytes, onProgress) {
    return global.Mirsad.create().then(function (engine) {
      return engine.loadIndexInSlices(bytes, { sliceMs: 25, onProgress: onProgress }).then(function (r) {
        if (r.error) {
          engine.dispose();
          throw new Error('الفهرس الناتج مرفوض: ' + r.error);
        }
        return engine;
      }, function (err) {
        try { engine.dispose(); } catch (e) { /* the instance is gone */ }
        throw err;
      });
    });
  }

  function setLoading(on) {
    var main = document.querySelector('main');
    if (main) main.inert = on;
    $('q').disabled = on;
    if (on) document.body.dataset.swapping = '1';
    else delete document.body.dataset.swapping;
  }

  function replaceCollection(bytes, documentList, onProgress) {
    var previous = state.indexBytes;
    var old = state.engine;
    setLoading(true);
    state.engine = null;  // nothing may reach the old engine once it is freed
    if (old) old.dispose();
    return loadEngine(bytes, onProgress).then(function (engine) {
      state.indexBytes = bytes;
      swapEngine(engine, documentList);
      setLoading(false);
    }, function (err) {
      var ranOut = global.Mirsad.restartAfterAbort();
      if (host) host.stop();  // it holds the collection that did not load: the next job starts from the page's
      if (global.console) console.warn('Mirsad: the new collection did not load; restoring the previous one:', err);
      return loadEngine(previous, null).then(function (engine) {
        swapEngine(engine);
        setLoading(false);
        var why = ranOut ? 'لم تتّسع ذاكرة الصفحة للمجموعة الجديدة' : (err && err.message ? err.message : String(err));
        throw new Error(why + '؛ أُعيدت المجموعة السابقة كما كانت، وما زال البحث فيها ممكنًا.');
      }, function (again) {
        setLoading(false);
        showError('تعذّر تحميل المجموعة الجديدة ثم تعذّرت استعادة السابقة (' + (again && again.message ? again.message : String(again)) +
          '). أعد تحميل الصفحة.');
        throw err;
      });
    });
  }

  /** Makes `engine` (and everything derived from it) the page's; disposes the old one if still held. */
  function swapEngine(engine, documentList) {
    var old = state.engine;
    state.engine = engine;
    state.docs = documentList || engine.documents() || [];
    state.byId = new Map();
    state.docs.forEach(function (d) { state.byId.set(String(d.id), d); });
    state.textCache = new Map();
    state.entityCache = new Map();
    if (state.openId !== null && !state.byId.has(state.openId)) closeDoc({ keepFocus: true });
    views.docList.render(state.docs, textOf);
    document.body.dataset.documents = String(state.docs.length);  // for tests and embedding pages
    runSearch();  // repaints the open document (same id, same text) with the new hits
    if (old && old !== engine) old.dispose();
  }

  /* A job for the worker: the bundled corpus (its index, or its documents when the page could not
   * use the index) when it is to be searched too, and the files to add. */
  function loadMessage(includeBundled, files) {
    return {
      type: 'load',
      bundledIndex: includeBundled && state.bundledIndexOk ? state.bundledIndex : null,
      bundledDocuments: includeBundled && !state.bundledIndexOk ? global.MIRSAD_CORPUS : null,
      seed: null,
      files: files,
      // A page that embeds Mirsad may cap the index's memory (MB) below the core's default.
      memoryBudget: typeof global.MIRSAD_MEMORY_BUDGET_MB === 'number' ? global.MIRSAD_MEMORY_BUDGET_MB : null
    };
  }

  // The page's collection for a worker that does not hold it: a copy of its index file (saving it
  // on this thread was a pause; the copy is transferred to the worker).
  function collectionSeed() {
    return { index: state.indexBytes.slice(), includesBundled: state.includesBundled, bundledIds: state.includesBundled ? state.bundledIds : [] };
  }

  // Starts the worker again from the page's collection (its index file), without touching the
  // page's engine: the worker answers the overview for the collection it holds.
  function reseedWorker() {
    if (!host) host = new global.MirsadWorkerHost.WorkerHost();
    busy = true;
    var message = loadMessage(state.includesBundled, []);
    message.seed = collectionSeed();
    return host.run(message, null).then(function () {
      busy = false;
      runJobs();
    }, function (err) {
      busy = false;
      runJobs();
      throw err;
    });
  }

  function onFiles(list) {
    var files = [];
    var notes = [];
    list.forEach(function (f) {
      if (UI.Byod.isAccepted(f.name)) files.push(f);
      else notes.push({ file: f.name, line: 0, id: '', text: 'نوع ملف غير مدعوم (المقبول: ‎.txt و‎.json و‎.jsonl)؛ لم يُقرأ', detail: '', severity: 'error' });
    });
    if (!files.length) {
      views.byod.finish('لم يُضف أيّ مستند: لا ملفات ‎.txt أو ‎.json أو ‎.jsonl بين ما اخترت.', notes, 'error');
      return;
    }
    enqueue({ files: files, notes: notes, rebuild: false });
  }

  function onPaste(text) {
    var id;
    do { id = 'نص-ملصق-' + (++state.pasteCounter); } while (state.byId.has(id));
    enqueue({ files: [{ name: id + '.txt', text: text }], notes: [], rebuild: false });
  }

  function onToggleBundled() {
    enqueue({ files: [], notes: [], rebuild: true });
  }

  function onCancel() {
    cancelled = true;
    if (host) host.cancel();
  }

  function enqueue(job) {
    jobs.push(job);
    if (!busy) runJobs();
  }

  function readFile(f) {
    if (typeof f.text === 'string') return Promise.resolve(new TextEncoder().encode(f.text));
    if (typeof f.arrayBuffer === 'function') return f.arrayBuffer().then(function (b) { return new Uint8Array(b); });
    return new Promise(function (resolve, reject) {
      var r = new FileReader();
      r.onload = function () { resolve(new Uint8Array(r.result)); };
      r.onerror = function () { reject(r.error || new Error('read failed')); };
      r.readAsArrayBuffer(f);
    });
  }

  // A file name inside Arabic text, isolated so a Latin name does not pull the punctuation around.
  function isolate(name) { return '\u2068' + name + '\u2069'; }

  function progressText(p) {
    if (p.phase === 'rebuild') return 'إعادة بناء الفهرس: ' + p.done + ' من ' + p.total + '…';
    if (p.phase === 'file') {
      if (p.total === 1) return 'تحليل ' + isolate(p.name) + '…';
      return 'تحليل الملف ' + p.index + ' من ' + p.total + ': ' + isolate(p.name) + '…';
    }
    return 'جارٍ تشغيل المحلّل في الخلفية…';
  }

  function runJobs() {
    if (busy || !jobs.length) return;
    busy = true;
    cancelled = false;
    // Everything queued so far goes into one job: one index back, one engine swap.
    var batch = jobs.splice(0, jobs.length);
    var files = [];
    var notes = [];
    batch.forEach(function (j) { files = files.concat(j.files); notes = notes.concat(j.notes); });
    var include = views.byod.includeBundled();
    views.byod.progress(files.length ? 'جارٍ قراءة الملفات…' : 'جارٍ تحضير المجموعة…', 0, 0);

    var items = [];
    Promise.all(files.map(function (f) {
      return readFile(f).then(function (bytes) { items.push({ name: f.name, bytes: bytes, order: files.indexOf(f) }); },
        function (err) {
          notes.push({ file: f.name, line: 0, id: '', text: 'تعذّرت قراءة الملف', detail: err && err.message ? err.message : '', severity: 'error' });
        });
    })).then(function () {
      if (cancelled) throw cancelError();
      items.sort(function (a, b) { return a.order - b.order; });
      var names = items.map(function (i) { return i.name; });
      if (!host) host = new global.MirsadWorkerHost.WorkerHost();
      var message = loadMessage(include, items.map(function (i) { return { name: i.name, bytes: i.bytes }; }));
      // A fresh worker (first use, or after a cancel or a crash) starts from the page's collection
      // when that holds documents the user added.
      if (host.needsSeed() && state.userDocs > 0) message.seed = collectionSeed();
      return host.run(message, function (p) {
        if (p.bytesTotal > 0) views.byod.progress(progressText(p), p.bytesDone, p.bytesTotal);
        else views.byod.progress(progressText(p), 0, 0);
      }).then(function (done) { return { done: done, names: names }; });
    }).then(function (r) {
      var done = r.done;
      var bytes = done.index;
      views.byod.progress('جارٍ تحميل الفهرس الجديد…', 0, 1);
      return replaceCollection(bytes, done.documentList, function (fraction) {
        views.byod.progress('جارٍ تحميل الفهرس الجديد…', fraction, 1);
      }).then(function () {
        state.includesBundled = done.includesBundled;
        state.userDocs = done.userDocuments;
        if (done.includesBundled) state.bundledIds = done.bundledIds;
        finishJob(done, r.names, notes);
      });
    }).catch(function (err) {
      views.byod.setIncludeBundled(state.includesBundled);
      if (err && err.cancelled) {
        views.byod.finish('أُلغي التحميل؛ بقيت المجموعة كما كانت.', notes, 'warning');
      } else {
        if (global.console) console.warn('Mirsad: loading documents failed:', err);
        views.byod.finish('تعذّر تحميل المستندات: ' + (err && err.message ? err.message : String(err)), notes, 'error');
      }
    }).then(function () {
      busy = false;
      runJobs();
    });
  }

  function cancelError() {
    var e = new Error('cancelled');
    e.cancelled = true;
    return e;
  }

  function finishJob(done, names, notes) {
    var Byod = UI.Byod;
    var all = notes.concat(Byod.notesOf(done.reports));
    var added = 0;
    var fileReports = (done.reports || []).filter(function (r) { return !r.kept; });
    fileReports.forEach(function (r) { added += r.added; });
    var total = UI.count('docs', done.documents);
    var summary;
    if (names.length) {
      summary = (added > 0 ? 'أُضيف ' + UI.count('docs', added) : 'لم يُضف أيّ مستند') + ' ' + Byod.fromFiles(names.length) +
        '؛ في المجموعة الآن ' + total + '.';
    } else {
      summary = done.includesBundled ? 'صار البحث يشمل المجموعة المضمّنة؛ فيها الآن ' + total + '.'
        : 'صار البحث في مستنداتك وحدها؛ ' + (done.userDocuments ? 'فيها ' + total + '.' : 'لم تُضف مستندات بعد.');
    }
    if (all.length) summary += ' ' + Byod.notes(all.length) + ':';
    var severity = all.some(function (n) { return n.severity === 'error'; }) || (names.length && added === 0) ? 'error'
      : all.length ? 'warning' : 'ok';
    views.byod.finish(summary, all, severity);
  }

  /* ---------------- start-up ---------------- */

  function base64Bytes(b64) {
    // The platform decoder where there is one (Chromium 140+, Firefox 133+): the loop below
    // costs a few ms of the page's start-up for the bundled index.
    if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(b64);
    var raw = global.atob(b64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  function init(engine) {
    state.engine = engine;
    var corpus = global.MIRSAD_CORPUS;
    if (!Array.isArray(corpus)) {
      throw new Error('لم تُحمَّل مجموعة الأخبار (corpus.js).');
    }
    // The bundled corpus ships analysed and indexed: load that, and analyse the documents
    // only if the index is missing or refused (built by another version of the core).
    var added = null;
    if (typeof global.MIRSAD_CORPUS_INDEX === 'string') {
      state.bundledIndex = base64Bytes(global.MIRSAD_CORPUS_INDEX);
      var loaded = engine.loadIndex(state.bundledIndex);
      mark('mirsad:index');
      if (loaded.error && global.console) console.warn('Mirsad: bundled index refused: ' + loaded.error);
      if (!loaded.error) added = { added: loaded.documents, errors: [] };
      state.bundledIndexOk = !loaded.error;
    }
    if (!added) added = engine.addDocuments(corpus) || {};
    var errors = added.errors || [];
    if (errors.length && global.console) {
      errors.forEach(function (e) { console.warn('Mirsad: document ' + e.id + ' rejected: ' + e.message); });
    }

    state.docs = engine.documents() || [];
    state.docs.forEach(function (d) { state.byId.set(String(d.id), d); });
    state.bundledIds = state.docs.map(function (d) { return d.id; });
    // The collection's index file, kept to restore it if a later one cannot load.
    state.indexBytes = state.bundledIndexOk ? state.bundledIndex : engine.saveIndex();

    views.docList.render(state.docs, textOf);
    document.body.dataset.documents = String(state.docs.length);  // for tests and embedding pages
    views.search.enable();
    views.byod.enable();
    setStatus(errors.length ? 'تعذّر تحميل ' + UI.count('docs', errors.length) + ' من المجموعة (التفاصيل في وحدة التحكّم).' : '');

    applyHash();  // a shared link opens on its search, filter and document
    global.addEventListener('hashchange', onHashChange);

    document.body.dataset.ready = '1';
    mark('mirsad:ready');
    // The worker's script (the core's source, 5 MB) is made while the page is idle: made on the
    // first load of files it was a 125 ms task in the user's wait.
    if (global.MirsadWorkerHost && global.MirsadWorkerHost.WorkerHost.prepare) {
      var prepare = function () { global.MirsadWorkerHost.WorkerHost.prepare(); };
      if (typeof global.requestIdleCallback === 'function') global.requestIdleCallback(prepare, { timeout: 5000 });
      else setTimeout(prepare, 1000);
    }
    if (state.openId === null) $('q').focus();
  }

  function placeOverview(onPhone) {
    var overview = $('overview');
    if (onPhone) document.querySelector('main.layout').before(overview);
    else $('reader-placeholder').after(overview);
  }

  function start() {
    if (!UI) {
      showError('لم تُحمَّل ملفات الواجهة.');
      return;
    }
    views.search = new UI.SearchBox({
      input: $('q'), select: $('mode'), count: $('count'), warnings: $('warnings'), help: $('mode-help'),
      onChange: runSearch,
      // Enter: open the first result; with a result open, go to its next match (Shift: previous).
      onSubmit: function (backwards) {
        if (state.openId !== null && state.query.trim()) { views.reader.step(backwards ? -1 : 1); return; }
        var first = views.results.firstId();
        if (state.query.trim() && first !== null) openDoc(first);
      }
    });
    views.docList = new UI.DocList($('doc-list'), openDoc);
    views.results = new UI.Results($('results'), $('more'), openDoc, fetchMore);
    views.reader = new UI.Reader({
      root: $('reader'), placeholder: $('reader-placeholder'), title: $('reader-title'),
      meta: $('reader-meta'), text: $('reader-text'), nav: $('reader-nav'), pos: $('reader-pos'),
      prev: $('reader-prev'), next: $('reader-next'), back: $('reader-back')
    }, { onClose: closeDoc });
    // A click on an entity shows its mentions in the open document and restricts the results to
    // the documents that mention it (a second click on the chip lifts the restriction).
    views.entities = new UI.Entities($('entities'), $('entities-body'), function (starts, entity) {
      views.reader.focusMentions(starts);
      if (entity && entity.canonical) setEntityFilter(entity);
    });
    $('entity-filter-clear').addEventListener('click', function () { setEntityFilter(null); });
    views.overview = new UI.Overview({
      root: $('overview'), scope: $('overview-scope'), legend: $('overview-legend'), entities: $('overview-entities'),
      matrix: $('overview-matrix'), unit: $('overview-unit'), timeline: $('overview-timeline'),
      timelineDocs: $('overview-timeline-docs')
    }, {
      entity: function (entity) { setEntityFilter(entity); },
      pair: function (a, b) { setEntityFilter({ pair: [a, b] }); },
      doc: function (id) { openDoc(id); }
    });
    // On a wide screen the overview stands in the reader's pane until a document is opened, so the
    // results list stays in view beside it; on a phone (where that pane shows only a document) it
    // goes above the list, folded, so the results come first.
    var phone = global.matchMedia && global.matchMedia('(max-width: 799.98px)');
    if (phone) {
      placeOverview(phone.matches);
      if (phone.matches) $('overview').open = false;
      phone.addEventListener('change', function (e) { placeOverview(e.matches); });
    }
    $('overview').addEventListener('toggle', scheduleOverview);
    views.concordance = new UI.Concordance({ root: $('concordance'), list: $('kwic'), order: $('kwic-order'), note: $('kwic-note') },
      function (id, start) {
        openDoc(id);
        views.reader.goToOffset(start);
      },
      function () { showView(isActive()); });
    $('view-results').addEventListener('click', function () { setView('results'); });
    $('view-kwic').addEventListener('click', function () { setView('kwic'); });
    views.exporter = new UI.Exporter({
      results: { csv: $('export-results-csv'), json: $('export-results-json') },
      entities: { csv: $('export-entities-csv'), json: $('export-entities-json') }
    }, { results: exportedResults, entities: exportedEntities, name: exportStamp });
    UI.entityLegend($('reader-legend'));
    views.byod = new UI.Byod({
      fileInput: $('file-input'), fileButton: $('file-button'), pasteToggle: $('paste-toggle'),
      pastePanel: $('paste-panel'), pasteText: $('paste-text'), pasteAdd: $('paste-add'),
      includeBundled: $('include-bundled'), panel: $('load-panel'), progress: $('load-progress'),
      status: $('load-status'), cancel: $('load-cancel'), dismiss: $('load-dismiss'),
      messages: $('load-messages'), dropHint: $('drop-hint')
    }, { onFiles: onFiles, onPaste: onPaste, onToggleBundled: onToggleBundled, onCancel: onCancel });

    var M = global.Mirsad;
    if (!M || typeof M.create !== 'function') {
      showError('لم يُعثر على محرّك التحليل؛ تأكّد من وجود الملفّين mirsad-core.js و js/mirsad.js بجانب الصفحة.');
      return;
    }
    Promise.resolve()
      .then(function () { mark('mirsad:scripts'); return M.create(); })
      .then(function (engine) { mark('mirsad:engine'); return init(engine); })
      .catch(function (err) {
        if (global.console) console.error(err);
        showError('تعذّر تحميل محرّك التحليل: ' + (err && err.message ? err.message : String(err)));
      });
  }

  start();
})(window);
