/* Mirsad page — the collection the page searches: its engine, swapped for a new one when the
 * worker hands back a new index, and the worker that holds the same collection. */
(function (global) {
  'use strict';

  var App = global.MirsadApp;
  var $ = App.$;
  var state = App.state;
  var views = App.views;

  var host = null;  // MirsadWorkerHost.WorkerHost, created on first use

  App.workerHost = function () { return host; };
  App.ensureWorkerHost = function () {
    if (!host) host = new global.MirsadWorkerHost.WorkerHost();
    return host;
  };

  /* The page holds one engine at a time. Two full engines in the one 2 GB module (the old one
   * searchable while the new one loaded) is what killed the page past ~100 MB of documents
   * (issue 14.1). So the old engine is freed first and the new index loads in slices of ~25 ms
   * (no long task); meanwhile the page is inert and says so. If the new one cannot load (out of
   * memory included, which ends the wasm instance), a fresh instance reloads the previous
   * collection from its index file, state.indexBlob: a Blob the browser keeps (read back from
   * its storage, app/collection-store.js), not a second copy in the page's memory. */
  function loadEngine(bytes, onProgress) {
    return global.Mirsad.create().then(function (engine) {
      return engine.loadIndexInSlices(bytes, { sliceMs: 25, onProgress: onProgress }).then(function (r) {
        if (r.error) {
          engine.dispose();
          throw new Error('الفهرس الناتج مرفوض: ' + r.error);
        }
        // The list of its documents too, a page at a time (in one call, 300 ms for 40,000).
        return engine.documentsInSlices().then(function () { return engine; });
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

  /** Loads the collection of index file `bytes` (a Uint8Array or a Blob, read by the core a few MB
   * at a time; its Blob: `blob`) in place of the page's. */
  function replaceCollection(bytes, onProgress, blob) {
    var previous = state.indexBlob;
    var old = state.engine;
    setLoading(true);
    state.engine = null;  // nothing may reach the old engine once it is freed
    if (old) old.dispose();
    return loadEngine(bytes, onProgress).then(function (engine) {
      state.indexBlob = blob || new Blob([bytes]);  // (a copy here only if the worker made no Blob)
      swapEngine(engine);
      setLoading(false);
    }, function (err) {
      var ranOut = global.Mirsad.restartAfterAbort();
      if (host) host.stop();  // it holds the collection that did not load: the next job starts from the page's
      if (global.console) console.warn('Mirsad: the new collection did not load; restoring the previous one:', err);
      return loadEngine(previous, null).then(function (engine) {  // streamed from its Blob
        swapEngine(engine);
        setLoading(false);
        var why = ranOut ? 'لم تتّسع ذاكرة الصفحة للمجموعة الجديدة' : App.errorText(err);
        throw new Error(why + '؛ أُعيدت المجموعة السابقة كما كانت، وما زال البحث فيها ممكنًا.');
      }, function (again) {
        setLoading(false);
        App.showError('تعذّر تحميل المجموعة الجديدة ثم تعذّرت استعادة السابقة (' + App.errorText(again) +
          '). أعد تحميل الصفحة.');
        throw err;
      });
    });
  }

  /** Makes `engine` (and everything derived from it) the page's; disposes the old one if still held. */
  function swapEngine(engine) {
    var old = state.engine;
    state.engine = engine;
    state.docs = engine.documents() || [];  // read in slices by loadEngine
    state.byId = new Map();
    state.docs.forEach(function (d) { state.byId.set(String(d.id), d); });
    state.textCache = new Map();
    state.entityCache = new Map();
    if (state.openId !== null && !state.byId.has(state.openId)) App.closeDoc({ keepFocus: true });
    views.docList.render(state.docs, App.textOf);
    document.body.dataset.documents = String(state.docs.length);  // for tests and embedding pages
    App.runSearch();  // repaints the open document (same id, same text) with the new hits
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
      memoryBudget: typeof global.MIRSAD_MEMORY_BUDGET_MB === 'number' ? global.MIRSAD_MEMORY_BUDGET_MB : null,
      // Past this much wasm memory (MB) after a load the worker starts its core afresh from the
      // index it wrote (default 128; a page may set it lower, the tests do).
      restartAboveMB: typeof global.MIRSAD_WORKER_RESTART_MB === 'number' ? global.MIRSAD_WORKER_RESTART_MB : null,
      wantBlob: true  // the index file as a Blob too, to keep in the browser (saved-collections.js)
    };
  }

  // The page's collection for a worker that does not hold it: its index file as a Blob, which the
  // worker reads (saving it on this thread was a pause, copying it a second copy).
  function collectionSeed() {
    return { blob: state.indexBlob, includesBundled: state.includesBundled, bundledIds: state.includesBundled ? state.bundledIds : [] };
  }

  App.replaceCollection = replaceCollection;
  App.swapEngine = swapEngine;
  App.loadMessage = loadMessage;
  App.collectionSeed = collectionSeed;
})(window);
