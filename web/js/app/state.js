/* Mirsad page — the state every part of the page shares, and the helpers they all use.
 * The page's scripts (web/js/app/*.js) are classic scripts (the page must work from file://):
 * they share one namespace, window.MirsadApp, each adding the functions of its concern; a call
 * across concerns goes through the namespace at call time (App.runSearch()), so load order only
 * matters for start-up (app.js, last). */
(function (global) {
  'use strict';

  var App = global.MirsadApp = global.MirsadApp || {};
  var UI = global.MirsadUI;

  App.$ = function (id) { return document.getElementById(id); };

  App.state = {
    engine: null,
    docs: [],
    byId: new Map(),      // String(id) → document summary from engine.documents()
    hits: new Map(),      // String(id) → hit of the current query
    textCache: new Map(), // String(id) → text
    query: '',
    mode: 'word',
    sort: 'relevance',    // or 'date' (newest first), 'date-asc': over every matching document
    live: false,          // the last search ran while typing (the word being typed may be a prefix: search.js)
    entityFilter: null,   // {canonical, text, type} or {pair: [..]}: results restricted to documents mentioning it
    limit: 100,           // hits asked of the core; "more" asks for the next hundred
    hitsTotal: 0,
    view: 'results',      // or 'kwic': the keyword-in-context lines of the current query
    openId: null,
    openedFor: null,   // the query (and mode) the open document was opened under: Enter steps through its matches only while it holds
    entityCache: new Map(),
    // bring your own documents
    bundledIndex: null,     // Uint8Array: the bundled corpus's index, as shipped in corpus.js
    bundledIndexOk: false,  // the engine accepted it (else the corpus is analysed from its text)
    bundledIds: [],         // ids of the bundled documents
    includesBundled: true,  // the current engine holds the bundled corpus
    userDocs: 0,            // documents the user added that the current engine holds
    indexBlob: null,        // Blob: the current collection's index file (see collections.js)
    active: null,           // the record of the collection shown (app/saved-collections.js)
    pasteCounter: 0,
    restoring: false,       // applying the URL: searches do not write it back
    pushNextHash: false
  };

  // The views (web/js/ui/*), created by app.js.
  App.views = {};

  // Performance marks for scripts/bench page (scripts run, engine created, ready, first result).
  App.mark = function (name) {
    if (global.performance && performance.mark) performance.mark(name);
  };

  App.showError = function (message) {
    var box = App.$('error');
    UI.clear(box);
    box.appendChild(UI.el('strong', null, 'تعذّر تشغيل مرصد. '));
    box.appendChild(document.createTextNode(message));
    box.hidden = false;
    App.$('status').hidden = true;
    document.body.dataset.error = '1';
  };

  App.setStatus = function (text) {
    var s = App.$('status');
    s.textContent = text;
    s.hidden = !text;
  };

  App.errorText = function (err) { return err && err.message ? err.message : String(err); };

  // What a job (a load, an export) throws when the user cancels it: caught and said as a cancel.
  App.cancelError = function () {
    var e = new Error('cancelled');
    e.cancelled = true;
    return e;
  };

  App.textOf = function (id) {
    var state = App.state;
    var key = String(id);
    if (state.textCache.has(key)) return state.textCache.get(key);
    var doc = state.byId.get(key);
    var t = state.engine.text(doc ? doc.id : id);
    t = typeof t === 'string' ? t : '';
    state.textCache.set(key, t);
    return t;
  };

  App.entitiesOf = function (key) {
    var state = App.state;
    if (state.entityCache.has(key)) return state.entityCache.get(key);
    var doc = state.byId.get(key);
    var list = UI.Entities.listFor(state.engine.entities(doc.id), doc.id);
    state.entityCache.set(key, list);
    return list;
  };

  // A query or an entity filter is in force (else the page lists the whole collection).
  App.isActive = function () { return App.state.query.trim() !== '' || App.state.entityFilter !== null; };
})(window);
