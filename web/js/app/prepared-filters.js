/* Mirsad page — entity:, event: and with: without a frozen page. These filters test what is
 * extracted from each candidate document: a few milliseconds a document on first use, so the
 * page's first event:MEET over a thousand articles held the main thread for seconds. Before such
 * a search the page asks its engine how many candidates still need extracting; past a handful, the
 * worker (which holds the same collection) extracts them a batch at a time, posting its progress,
 * and answers every candidate's verdict, which the page's engine adopts (MirsadEngine
 * .adoptFilterVerdicts). The search then runs at once and extracts nothing on the main thread.
 * A new query cancels the preparation in progress; what the worker extracted stays extracted. */
(function (global) {
  'use strict';

  var App = global.MirsadApp;
  var UI = global.MirsadUI;
  var state = App.state;
  var views = App.views;

  // This many candidates are extracted on the main thread (a few ms each): asking the worker
  // would cost more than it saves (hitFor's id:"…" restricts the query to one document).
  var INLINE_EXTRACTIONS = 4;
  var preparing = null;     // {key, engine, host, id}: the worker's preparation in progress
  var fallbackKey = null;   // the worker could not prepare this search: it runs on the main thread
  var fallbackWhy = '';

  function cancelPreparing() {
    if (preparing && preparing.host && preparing.id !== undefined) preparing.host.cancelTask(preparing.id);
    preparing = null;
  }

  function showProgress(done, of) {
    views.search.setCount(UI.preparingFilters(done, of));
    views.search.setLivePrefix('');
    views.noResults.hide();
    App.$('list-heading').textContent = 'النتائج';
    views.results.render({ hits: [], total: 0 }, state.byId, App.textOf);
    views.results.show(true);
    views.docList.show(false);
  }

  var FALLBACK_NOTE = 'تعذّر تحضير مرشحات الكيانات والأحداث في الخلفية؛ حُسبت في الصفحة';

  /* Whether the search of `query` (read with options {mode, live}) may run now. When it may not,
   * the worker is preparing its filters and `rerun` is called once their verdicts are adopted.
   * When the worker fails, the search runs on the main thread (slow, but true) and `warnings`
   * receives a note saying so. */
  function filtersReady(query, options, rerun, warnings) {
    var engine = state.engine;
    var pending = 0;
    try { pending = engine.filtersPending(query, options); } catch (err) { pending = 0; }
    var key = JSON.stringify([query, options.mode, Boolean(options.live)]);
    if (pending <= INLINE_EXTRACTIONS || key === fallbackKey) {
      cancelPreparing();
      if (key === fallbackKey && pending > INLINE_EXTRACTIONS) warnings.push(FALLBACK_NOTE + (fallbackWhy ? ' (' + fallbackWhy + ')' : '') + '.');
      return true;
    }
    if (preparing && preparing.key === key && preparing.engine === engine) return false;  // already being prepared
    cancelPreparing();
    var mine = { key: key, engine: engine };
    preparing = mine;
    var current = function () { return preparing === mine && state.engine === engine; };
    showProgress(0, pending);
    var failed = function (err) {
      if (!current() || (err && err.cancelled)) return;
      if (err && err.loading) { preparing = null; return; }  // the page searches again once the new collection is in
      preparing = null;
      fallbackKey = key;
      fallbackWhy = App.errorText(err);
      rerun();
    };
    App.workerReady().then(function (host) {
      if (!current()) return;
      var message = { task: 'filters', search: { query: query, mode: options.mode, live: Boolean(options.live) } };
      var done = host.ask(message, function (part) { if (current()) showProgress(part.done, part.of); });
      mine.host = host;
      mine.id = message.id;
      return done.then(function (verdicts) {
        if (!current()) return;
        engine.adoptFilterVerdicts(query, options, verdicts);
        // The worker's collection is the page's: its verdicts leave nothing to extract here.
        if (engine.filtersPending(query, options) > INLINE_EXTRACTIONS) throw new Error('the worker holds another collection');
        preparing = null;
        rerun();
      });
    }).catch(failed);
    return false;
  }

  App.filtersReady = filtersReady;
})(window);
