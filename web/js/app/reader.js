/* Mirsad page — opening and closing a document in the reader, with its matches or its entities. */
(function (global) {
  'use strict';

  var App = global.MirsadApp;
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
    views.reader.paint({ query: active, matches: hit ? hit.matches || [] : [], entities: entities });
  }

  function openDoc(id, opts) {
    var key = String(id);
    var doc = state.byId.get(key);
    if (!doc) return;
    opts = opts || {};
    state.openId = key;
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

  App.paintReader = paintReader;
  App.openDoc = openDoc;
  App.closeDoc = closeDoc;
})(window);
