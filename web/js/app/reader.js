/* Mirsad page — opening and closing a document in the reader, with its matches or its entities. */
(function (global) {
  'use strict';

  var App = global.MirsadApp;
  var UI = global.MirsadUI;
  var $ = App.$;
  var state = App.state;
  var views = App.views;

  function paintReader() {
    var key = state.openId;
    var active = state.query.trim() !== '';
    var hit = active ? App.hitFor(key) : undefined;
    var entities = [];
    if (!active) {
      try { entities = App.entitiesOf(key); } catch (e) { entities = []; }
    }
    views.reader.paint({ query: active, matches: hit ? hit.matches || [] : [], titleMatches: hit ? hit.title_matches || [] : [],
      entities: entities });
  }

  function openDoc(id, opts) {
    var key = String(id);
    var doc = state.byId.get(key);
    if (!doc) return;
    opts = opts || {};
    state.openId = key;
    state.openedFor = state.mode + '\u0000' + state.query;
    views.reader.open(doc, App.textOf(key));
    paintReader();
    try {
      views.entities.render(App.entitiesOf(key));
    } catch (err) {
      views.entities.error('تعذّر استخراج الكيانات: ' + App.errorText(err));
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
    if (opts.updateHash !== false) App.writeHash(true);
  }

  function closeDoc(opts) {
    var key = state.openId;
    state.openId = null;
    views.reader.close();
    views.entities.hide();
    views.docList.setActive(null);
    views.results.setActive(null);
    document.body.classList.remove('is-reading');
    if (!(opts && opts.fromHash)) App.writeHash(true);
    // Return focus to the item that was open, if it is in the visible list.
    if (key !== null && !(opts && opts.keepFocus)) {
      var list = state.query.trim() ? $('results') : $('doc-list');
      var items = list.children;
      for (var i = 0; i < items.length; i++) {
        if (items[i].dataset.id === key) { items[i].firstChild.focus(); items[i].scrollIntoView({ block: 'nearest' }); break; }
      }
    }
  }

  /* The print view (css: @media print) is the open article alone with its highlights; its last
   * line says where it came from and what was searched in it, written just before printing so
   * that the query and the time are the current ones (the button or Ctrl+P alike). */
  var LEVEL_NAMES = { exact: 'حرفي', normalized: 'إملائي', word: 'كلمة', stem: 'جذر خفيف' };
  function writeSourceLine() {
    var line = $('reader-source-line');
    var doc = state.openId !== null ? state.byId.get(state.openId) : null;
    if (!line || !doc) return;
    var parts = [];
    if (doc.source) parts.push('المصدر: ' + doc.source);
    if (doc.date) parts.push('التاريخ: ' + doc.date);
    parts.push('المعرّف: ' + doc.id);
    if (state.query.trim()) parts.push('البحث: «' + state.query.trim() + '» (مطابقة ' + (LEVEL_NAMES[state.mode] || state.mode) + ')');
    parts.push('طُبع من مرصد في ' + new Date().toISOString().slice(0, 16).replace('T', ' '));
    // Text only, each piece isolated: a source or id with its own direction cannot reorder the line.
    UI.clear(line);
    parts.forEach(function (p, i) {
      if (i > 0) line.appendChild(document.createTextNode(' — '));
      line.appendChild(UI.dataLabel(p));
    });
  }

  function printDoc() {
    writeSourceLine();
    global.print();
  }
  global.addEventListener('beforeprint', writeSourceLine);

  App.printDoc = printDoc;
  App.paintReader = paintReader;
  App.openDoc = openDoc;
  App.closeDoc = closeDoc;
})(window);
