/* Mirsad page — start-up: creates the views and the engine, loads the bundled corpus
 * (window.MIRSAD_CORPUS) and connects the views: search box → results / document list → reader +
 * entity panel. The page's other concerns are in the files beside this one (state, search, URL,
 * reader, overview, export, collections, jobs), which share window.MirsadApp.
 * Sets document.body.dataset.ready = "1" once the engine is up and the corpus loaded. */
(function (global) {
  'use strict';

  var App = global.MirsadApp;
  var UI = global.MirsadUI;
  var $ = App.$;
  var state = App.state;
  var views = App.views;

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
      App.mark('mirsad:index');
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

    views.docList.render(state.docs, App.textOf);
    document.body.dataset.documents = String(state.docs.length);  // for tests and embedding pages
    views.search.enable();
    views.byod.enable();
    App.setStatus(errors.length ? 'تعذّر تحميل ' + UI.count('docs', errors.length) + ' من المجموعة (التفاصيل في وحدة التحكّم).' : '');

    App.applyHash();  // a shared link opens on its search, filter and document
    global.addEventListener('hashchange', App.onHashChange);

    document.body.dataset.ready = '1';
    App.mark('mirsad:ready');
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
      App.showError('لم تُحمَّل ملفات الواجهة.');
      return;
    }
    views.search = new UI.SearchBox({
      input: $('q'), select: $('mode'), count: $('count'), warnings: $('warnings'), help: $('mode-help'),
      onChange: App.runSearch,
      // Enter: open the first result; with a result open, go to its next match (Shift: previous).
      onSubmit: function (backwards) {
        if (state.openId !== null && state.query.trim()) { views.reader.step(backwards ? -1 : 1); return; }
        var first = views.results.firstId();
        if (state.query.trim() && first !== null) App.openDoc(first);
      }
    });
    views.docList = new UI.DocList($('doc-list'), App.openDoc);
    views.results = new UI.Results($('results'), $('more'), App.openDoc, App.fetchMore);
    views.reader = new UI.Reader({
      root: $('reader'), placeholder: $('reader-placeholder'), title: $('reader-title'),
      meta: $('reader-meta'), text: $('reader-text'), nav: $('reader-nav'), pos: $('reader-pos'),
      prev: $('reader-prev'), next: $('reader-next'), back: $('reader-back')
    }, { onClose: App.closeDoc });
    // A click on an entity shows its mentions in the open document and restricts the results to
    // the documents that mention it (a second click on the chip lifts the restriction).
    views.entities = new UI.Entities($('entities'), $('entities-body'), function (starts, entity) {
      views.reader.focusMentions(starts);
      if (entity && entity.canonical) App.setEntityFilter(entity);
    });
    $('entity-filter-clear').addEventListener('click', function () { App.setEntityFilter(null); });
    views.overview = new UI.Overview({
      root: $('overview'), scope: $('overview-scope'), legend: $('overview-legend'), entities: $('overview-entities'),
      matrix: $('overview-matrix'), unit: $('overview-unit'), timeline: $('overview-timeline'),
      timelineDocs: $('overview-timeline-docs')
    }, {
      entity: function (entity) { App.setEntityFilter(entity); },
      pair: function (a, b) { App.setEntityFilter({ pair: [a, b] }); },
      doc: function (id) { App.openDoc(id); }
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
    $('overview').addEventListener('toggle', App.scheduleOverview);
    views.concordance = new UI.Concordance({ root: $('concordance'), list: $('kwic'), order: $('kwic-order'), note: $('kwic-note') },
      function (id, start) {
        App.openDoc(id);
        views.reader.goToOffset(start);
      },
      function () { App.showView(App.isActive()); });
    $('view-results').addEventListener('click', function () { App.setView('results'); });
    $('view-kwic').addEventListener('click', function () { App.setView('kwic'); });
    views.exporter = new UI.Exporter({
      buttons: {
        results: { csv: $('export-results-csv'), json: $('export-results-json') },
        entities: { csv: $('export-entities-csv'), json: $('export-entities-json') },
        kwic: { csv: $('export-kwic-csv'), json: $('export-kwic-json') }
      },
      box: $('export-progress'), bar: $('export-bar'), status: $('export-status'), cancel: $('export-cancel')
    }, { start: App.startExport, cancel: App.cancelExport });
    UI.entityLegend($('reader-legend'));
    views.byod = new UI.Byod({
      fileInput: $('file-input'), fileButton: $('file-button'), pasteToggle: $('paste-toggle'),
      pastePanel: $('paste-panel'), pasteText: $('paste-text'), pasteAdd: $('paste-add'),
      includeBundled: $('include-bundled'), panel: $('load-panel'), progress: $('load-progress'),
      status: $('load-status'), cancel: $('load-cancel'), dismiss: $('load-dismiss'),
      messages: $('load-messages'), dropHint: $('drop-hint')
    }, { onFiles: App.onFiles, onPaste: App.onPaste, onToggleBundled: App.onToggleBundled, onCancel: App.onCancel });

    var M = global.Mirsad;
    if (!M || typeof M.create !== 'function') {
      App.showError('لم يُعثر على محرّك التحليل؛ تأكّد من وجود الملفّين mirsad-core.js و js/mirsad.js بجانب الصفحة.');
      return;
    }
    Promise.resolve()
      .then(function () { App.mark('mirsad:scripts'); return M.create(); })
      .then(function (engine) { App.mark('mirsad:engine'); return init(engine); })
      .catch(function (err) {
        if (global.console) console.error(err);
        App.showError('تعذّر تحميل محرّك التحليل: ' + App.errorText(err));
      });
  }

  start();
})(window);
