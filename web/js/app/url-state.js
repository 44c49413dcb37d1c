/* Mirsad page — the page's state in the URL: #q=…&mode=…&sort=…&entity=…&view=…&doc=…
 * The query, match level, entity filter and open document live in the hash, so a search can be
 * shared as a link and back/forward step through it. Typing replaces the current entry; opening a
 * document or setting a filter adds one (and so does the first keystroke after). */
(function (global) {
  'use strict';

  var App = global.MirsadApp;
  var state = App.state;
  var views = App.views;

  function hashFromState() {
    var p = new URLSearchParams();
    if (state.query.trim()) p.set('q', state.query);
    if (state.mode !== 'word') p.set('mode', state.mode);
    if (state.sort !== 'relevance') p.set('sort', state.sort);
    App.filterEntities(state.entityFilter).forEach(function (e) { p.append('entity', App.entityName(e)); });
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
    return { q: p.get('q') || '', mode: p.get('mode') || 'word', sort: p.get('sort') || 'relevance', doc: p.get('doc'), entities: p.getAll('entity').filter(Boolean),
      view: p.get('view') === 'kwic' ? 'kwic' : 'results' };
  }

  // Puts the page in the state the URL describes (on load and on back/forward).
  function applyHash() {
    var s = readHash();
    var names = s.entities.slice(0, 2).map(function (n) { return { canonical: n, text: n }; });
    state.restoring = true;
    try {
      views.search.set(s.q, s.mode);
      App.setSort(s.sort);
      state.view = s.view;
      App.showEntityFilter(names.length === 0 ? null : names.length === 1 ? names[0] : { pair: names });
      App.runSearch();
      if (s.doc !== null && state.byId.has(s.doc)) {
        if (s.doc !== state.openId) App.openDoc(s.doc, { updateHash: false });
      } else if (state.openId !== null) {
        App.closeDoc({ fromHash: true, keepFocus: true });
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

  App.writeHash = writeHash;
  App.applyHash = applyHash;
  App.onHashChange = onHashChange;
})(window);
