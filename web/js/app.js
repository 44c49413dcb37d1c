/* Mirsad — page wiring. Creates the engine, loads the bundled corpus (window.MIRSAD_CORPUS),
 * and connects the views: search box → results / document list → reader + entity panel.
 * Sets document.body.dataset.ready = "1" once the engine is up and the corpus loaded. */
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
    openId: null,
    entityCache: new Map()
  };

  var views = {};

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

  function runSearch() {
    var q = views.search.query();
    var mode = views.search.mode();
    state.query = q;
    state.mode = mode;
    state.hits = new Map();
    var active = q.trim() !== '';
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
        // live: the last word matches as a prefix while it is being typed (ليب finds ليبيا)
        res = state.engine.search(q, { mode: mode, limit: Math.max(1, state.docs.length), live: true });
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
      var total = typeof res.total === 'number' ? res.total : hits.length;
      views.search.setCount(total === 0 ? 'لا نتائج'
        : UI.count('matches', nMatches) + ' ' + UI.count('inDocs', total));
      warnings = warnings.concat(res.warnings || []);
      $('list-heading').textContent = 'النتائج';
      views.results.render(res, state.byId, textOf);
      views.docList.show(false);
      views.results.show(true);
    }
    views.search.setWarnings(warnings);
    document.body.classList.toggle('has-query', active);
    if (state.openId !== null) paintReader();
  }

  /* ---------------- reader ---------------- */

  function paintReader() {
    var key = state.openId;
    var active = state.query.trim() !== '';
    var hit = state.hits.get(key);
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
    if (opts.updateHash !== false) setHash(UI.docHref(key));
  }

  function closeDoc() {
    var key = state.openId;
    state.openId = null;
    views.reader.close();
    views.entities.hide();
    views.docList.setActive(null);
    views.results.setActive(null);
    document.body.classList.remove('is-reading');
    setHash('');
    // Return focus to the item that was open, if it is in the visible list.
    if (key !== null) {
      var list = state.query.trim() ? $('results') : $('doc-list');
      var items = list.children;
      for (var i = 0; i < items.length; i++) {
        if (items[i].dataset.id === key) { items[i].firstChild.focus(); items[i].scrollIntoView({ block: 'nearest' }); break; }
      }
    }
  }

  /* ---------------- location hash (#doc=ID) ---------------- */

  var settingHash = false;
  function setHash(hash) {
    var current = global.location.hash;
    if ((hash || '') === (current === '#' ? '' : current)) return;
    settingHash = true;
    try {
      if (hash) global.location.hash = hash;
      else if (global.history && global.history.replaceState) {
        global.history.replaceState(null, '', global.location.href.split('#')[0]);
      } else global.location.hash = '';
    } catch (e) {
      // Some browsers restrict history on file:// — the hash is only a convenience.
    }
    settingHash = false;
  }

  function hashDocId() {
    var h = global.location.hash;
    if (h.indexOf('#doc=') !== 0) return null;
    try { return decodeURIComponent(h.slice(5)); } catch (e) { return null; }
  }

  function onHashChange() {
    if (settingHash) return;
    var id = hashDocId();
    if (id !== null && state.byId.has(id)) {
      if (id !== state.openId) openDoc(id, { updateHash: false });
    } else if (state.openId !== null) {
      closeDoc();
    }
  }

  /* ---------------- start-up ---------------- */

  function base64Bytes(b64) {
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
      var loaded = engine.loadIndex(base64Bytes(global.MIRSAD_CORPUS_INDEX));
      if (loaded.error && global.console) console.warn('Mirsad: bundled index refused: ' + loaded.error);
      if (!loaded.error) added = { added: loaded.documents, errors: [] };
    }
    if (!added) added = engine.addDocuments(corpus) || {};
    var errors = added.errors || [];
    if (errors.length && global.console) {
      errors.forEach(function (e) { console.warn('Mirsad: document ' + e.id + ' rejected: ' + e.message); });
    }

    state.docs = engine.documents() || [];
    state.docs.forEach(function (d) { state.byId.set(String(d.id), d); });

    views.docList.render(state.docs, textOf);
    views.search.enable();
    runSearch();
    setStatus(errors.length ? 'تعذّر تحميل ' + UI.count('docs', errors.length) + ' من المجموعة (التفاصيل في وحدة التحكّم).' : '');

    var initial = hashDocId();
    if (initial !== null && state.byId.has(initial)) openDoc(initial, { updateHash: false });
    global.addEventListener('hashchange', onHashChange);

    document.body.dataset.ready = '1';
    if (!initial) $('q').focus();
  }

  function start() {
    if (!UI) {
      showError('لم تُحمَّل ملفات الواجهة.');
      return;
    }
    views.search = new UI.SearchBox({
      input: $('q'), select: $('mode'), count: $('count'), warnings: $('warnings'),
      onChange: runSearch,
      onSubmit: function () {
        var first = views.results.firstId();
        if (state.query.trim() && first !== null) openDoc(first);
      }
    });
    views.docList = new UI.DocList($('doc-list'), openDoc);
    views.results = new UI.Results($('results'), $('more'), openDoc);
    views.reader = new UI.Reader({
      root: $('reader'), placeholder: $('reader-placeholder'), title: $('reader-title'),
      meta: $('reader-meta'), text: $('reader-text'), nav: $('reader-nav'), pos: $('reader-pos'),
      prev: $('reader-prev'), next: $('reader-next'), back: $('reader-back')
    }, { onClose: closeDoc });
    views.entities = new UI.Entities($('entities'), $('entities-body'), function (starts) {
      views.reader.focusMentions(starts);
    });

    var M = global.Mirsad;
    if (!M || typeof M.create !== 'function') {
      showError('لم يُعثر على محرّك التحليل؛ تأكّد من وجود الملفّين mirsad-core.js و js/mirsad.js بجانب الصفحة.');
      return;
    }
    Promise.resolve()
      .then(function () { return M.create(); })
      .then(init)
      .catch(function (err) {
        if (global.console) console.error(err);
        showError('تعذّر تحميل محرّك التحليل: ' + (err && err.message ? err.message : String(err)));
      });
  }

  start();
})(window);
