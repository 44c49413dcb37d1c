/* Mirsad page — start-up: creates the views and the engine, loads the bundled corpus
 * (window.MIRSAD_CORPUS) or the collection shown at the last visit, and connects the views: search box → results / document list → reader +
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

  /* `restored`: the engine holds the collection shown at the last visit (saved-collections.js);
   * else it is empty and gets the demo. */
  function init(engine, restored) {
    state.engine = engine;
    var corpus = global.MIRSAD_CORPUS;
    if (!Array.isArray(corpus)) {
      throw new Error('لم تُحمَّل مجموعة الأخبار (corpus.js).');
    }
    if (typeof global.MIRSAD_CORPUS_INDEX === 'string') state.bundledIndex = base64Bytes(global.MIRSAD_CORPUS_INDEX);
    var errors = [];
    var demoFile = null;
    if (!restored) {
      // The bundled corpus ships analysed and indexed: load that, and analyse the documents
      // only if the index is missing or refused (built by another version of the core).
      var added = null;
      if (state.bundledIndex) {
        var loaded = engine.loadIndex(state.bundledIndex);
        App.mark('mirsad:index');
        if (loaded.error && global.console) console.warn('Mirsad: bundled index refused: ' + loaded.error);
        if (!loaded.error) added = { added: loaded.documents, errors: [] };
        state.bundledIndexOk = !loaded.error;
      }
      if (!added) added = engine.addDocuments(corpus) || {};
      errors = added.errors || [];
      if (errors.length && global.console) {
        errors.forEach(function (e) { console.warn('Mirsad: document ' + e.id + ' rejected: ' + e.message); });
      }
      // The demo collection's index file (saved-collections.js switches back to it with this).
      demoFile = state.bundledIndexOk ? state.bundledIndex : engine.saveIndex();
    }

    state.docs = engine.documents() || [];
    state.docs.forEach(function (d) { state.byId.set(String(d.id), d); });
    if (!restored) state.bundledIds = state.docs.map(function (d) { return d.id; });

    views.docList.render(state.docs, App.textOf);
    document.body.dataset.documents = String(state.docs.length);  // for tests and embedding pages
    views.search.enable();
    views.byod.enable();
    App.setStatus(errors.length ? 'تعذّر تحميل ' + UI.count('docs', errors.length) + ' من المجموعة (التفاصيل في وحدة التحكّم).' : '');
    App.collectionsStarted(demoFile);

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

  // The overview and the keyword-in-context lines stand in the reader's pane on a wide screen
  // (until a document is opened); on a phone the overview goes above the list and the lines in it.
  function placeWideViews(onPhone) {
    var overview = $('overview');
    var concordance = $('concordance');
    if (onPhone) {
      document.querySelector('main.layout').before(overview);
      $('results').after(concordance);
    } else {
      $('reader-placeholder').after(overview);
      $('reader-placeholder').after(concordance);
    }
    overview.after($('events'));
  }

  function start() {
    if (!UI) {
      App.showError('لم تُحمَّل ملفات الواجهة.');
      return;
    }
    views.search = new UI.SearchBox({
      input: $('q'), select: $('mode'), count: $('count'), live: $('count-live'), warnings: $('warnings'), help: $('mode-help'),
      keepTypingIn: [$('results'), $('doc-list')],
      onType: function () { App.runSearch(true); },
      onSettle: App.settleSearch,
      onChange: function () { App.runSearch(false); },
      // Enter: open the first result; with a result of this query open, go to its next match
      // (Shift: previous). After a new query, its first result replaces the open document (or,
      // with none, the document closes): a reader left on the old one said «no matches here».
      onSubmit: function (backwards) {
        var sameQuery = state.openedFor === state.mode + '\u0000' + state.query;
        if (state.openId !== null && state.query.trim() && sameQuery) { views.reader.step(backwards ? -1 : 1); return; }
        var first = views.results.firstId();
        if (state.query.trim() && first !== null) App.openDoc(first);
        else if (state.openId !== null && !sameQuery) App.closeDoc({ keepFocus: true });
      },
      // Escape in the search box closes the open document (the query stays, and so does the focus).
      onEscape: function () {
        if (state.openId === null) return false;
        App.closeDoc({ keepFocus: true });
        return true;
      }
    });
    views.syntaxHelp = new UI.SyntaxHelp({ toggle: $('syntax-help-toggle'), panel: $('syntax-help') }, App.searchFor);
    views.noResults = new UI.NoResults($('no-results'), App.searchFor);
    views.docList = new UI.DocList($('doc-list'), App.openDoc);
    views.results = new UI.Results($('results'), $('more'), App.openDoc, App.fetchMore);
    views.reader = new UI.Reader({
      root: $('reader'), placeholder: $('reader-placeholder'), title: $('reader-title'),
      meta: $('reader-meta'), text: $('reader-text'), nav: $('reader-nav'), pos: $('reader-pos'),
      prev: $('reader-prev'), next: $('reader-next'), back: $('reader-back')
    }, { onClose: App.closeDoc });
    $('reader-print').addEventListener('click', App.printDoc);
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
    App.isWideLayout = function () { return !(phone && phone.matches); };
    if (phone) {
      placeWideViews(phone.matches);
      if (phone.matches) $('overview').open = false;
      phone.addEventListener('change', function (e) {
        placeWideViews(e.matches);
        if (state.engine) App.showView(App.isActive());
      });
    }
    $('overview').addEventListener('toggle', App.scheduleOverview);
    views.events = new UI.EventsView({
      root: $('events'), scope: $('events-scope'), type: $('events-type'), group: $('events-group'), network: $('events-network'),
      pairs: $('events-pairs'), pairNote: $('events-pair-note'), timeline: $('events-timeline'),
      table: $('events-table'), more: $('events-more'), sortDate: $('events-sort-date')
    }, { open: App.openEventAt, withParty: App.eventsWithParty });
    $('events').addEventListener('toggle', App.scheduleEvents);
    views.concordance = new UI.Concordance({ root: $('concordance'), list: $('kwic'), order: $('kwic-order'),
      context: $('kwic-context'), note: $('kwic-note') },
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
        kwic: { csv: $('export-kwic-csv'), json: $('export-kwic-json') },
        events: { csv: $('export-events-csv'), json: $('export-events-json') }
      },
      box: $('export-progress'), bar: $('export-bar'), status: $('export-status'), cancel: $('export-cancel')
    }, { start: App.startExport, cancel: App.cancelExport });
    App.wireArchive();
    App.diskIndex.init();
    UI.entityLegend($('reader-legend'));
    views.mappingForm = new UI.MappingForm($('mapping-panel'));
    views.byod = new UI.Byod({
      fileInput: $('file-input'), fileButton: $('file-button'), mappingButton: $('mapping-button'), pasteToggle: $('paste-toggle'),
      pastePanel: $('paste-panel'), pasteText: $('paste-text'), pasteAdd: $('paste-add'),
      panel: $('load-panel'), progress: $('load-progress'),
      status: $('load-status'), cancel: $('load-cancel'), dismiss: $('load-dismiss'),
      messages: $('load-messages'), dropHint: $('drop-hint')
    }, { onFiles: App.onFiles, onPaste: App.onPaste, onCancel: App.onCancel });
    views.collections = new UI.Collections({
      button: $('collections-button'), active: $('collections-active'), panel: $('collections-panel'),
      list: $('collections-list'), note: $('collections-note'), create: $('collections-new'),
      dialog: $('collections-dialog'), dialogText: $('collections-dialog-text'), dialogField: $('collections-dialog-field'),
      dialogInput: $('collections-dialog-input'), dialogOk: $('collections-dialog-ok')
    }, { onSwitch: App.switchCollection, onRename: App.renameCollection, onRemove: App.removeCollection, onNew: App.newCollection });

    var M = global.Mirsad;
    if (!M || typeof M.create !== 'function') {
      App.showError('لم يُعثر على محرّك التحليل؛ تأكّد من وجود الملفّين mirsad-core.js و js/mirsad.js بجانب الصفحة.');
      return;
    }
    Promise.resolve()
      // The engine and the collection shown at the last visit (read from the browser's storage)
      // come in parallel; the collection is then loaded in slices (no long task).
      .then(function () { App.mark('mirsad:scripts'); return Promise.all([M.create(), App.savedAtStart()]); })
      .then(function (r) { App.mark('mirsad:engine'); return App.restoreSaved(r[0], r[1]); })
      .then(function (r) { return init(r.engine, r.restored); })
      .catch(function (err) {
        if (global.console) console.error(err);
        App.showError('تعذّر تحميل محرّك التحليل: ' + App.errorText(err));
      });
  }

  start();
})(window);
