/* Mirsad page — the search: the query the core runs (what was typed plus the entity filter),
 * the hits and their counts, "more", and the switch between the results and the keyword-in-context
 * view. */
(function (global) {
  'use strict';

  var App = global.MirsadApp;
  var UI = global.MirsadUI;
  var $ = App.$;
  var state = App.state;
  var views = App.views;

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

  // The search as settled, for what reads every result in the worker (exports, the overview):
  // the query the core runs and its level, never the live prefix of a word being typed.
  function searchSpec() {
    return { query: effectiveQuery(state.query), mode: state.mode, sort: state.sort || 'relevance' };
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

  /* ---------------- the search ---------------- */

  function runSearch() {
    if (!state.engine) return;  // a collection is loading: the search runs once it is in
    var q = views.search.query();
    var mode = views.search.mode();
    state.query = q;
    state.mode = mode;
    state.hits = new Map();
    state.limit = FETCH;
    var active = App.isActive();
    var warnings = [];

    if (!active) {
      views.search.setCount(UI.count('docs', state.docs.length));
      $('list-heading').textContent = 'المستندات';
      views.results.render(null, state.byId, App.textOf);
      views.results.show(false);
      views.docList.show(true);
    } else {
      var res;
      try {
        res = fetchHits();
      } catch (err) {
        res = { total: 0, hits: [], warnings: [] };
        warnings.push('خطأ في البحث: ' + App.errorText(err));
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
      views.results.render(res, state.byId, App.textOf);
      views.docList.show(false);
      views.results.show(true);
      // For scripts/bench page: when the first results are in the DOM (once per page).
      if (hits.length && global.performance && !performance.getEntriesByName('mirsad:first-result').length) App.mark('mirsad:first-result');
    }
    views.search.setWarnings(warnings);
    document.body.classList.toggle('has-query', active);
    showView(active);
    if (state.openId !== null) App.paintReader();
    App.scheduleOverview();
    if (!state.restoring) App.writeHash(state.pushNextHash);
    state.pushNextHash = false;
  }

  App.runSearch = runSearch;
  App.fetchMore = fetchMore;
  App.hitFor = hitFor;
  App.effectiveQuery = effectiveQuery;
  App.searchSpec = searchSpec;
  App.filterEntities = filterEntities;
  App.entityName = entityName;
  App.showEntityFilter = showEntityFilter;
  App.setEntityFilter = setEntityFilter;
  App.showView = showView;
  App.setView = setView;
})(window);
