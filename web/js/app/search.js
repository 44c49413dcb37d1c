/* Mirsad page — the search: the query the core runs (what was typed plus the entity filter),
 * the hits and their counts, "more", why nothing was found, and the switch between the results and
 * the keyword-in-context view.
 * While a word is being typed the core reads it as a prefix (ليب finds ليبيا: search as you type)
 * and says so (live_prefix), shown beside the count as a typing aid; once typing pauses (or on
 * Enter, or when the box loses focus) the query is searched as written. Counts after the pause,
 * the keyword-in-context view, exports and shared links never use the prefix reading. */
(function (global) {
  'use strict';

  var App = global.MirsadApp;
  var UI = global.MirsadUI;
  var $ = App.$;
  var state = App.state;
  var views = App.views;

  var FETCH = 100;  // hits per request: snippets and offsets are computed only for these

  // facets: with the sources and days of the matches (see app/archive.js). live: while typing, the
  // word being typed may be read as a prefix (shown as such: search.js, never in a settled count).
  // The one event type a query's filters ask for (event:MEET), as the core parsed them; else null.
  function queryEventType(filters) {
    var types = (filters || []).filter(function (f) { return f.field === 'event' && !f.negated; })
      .map(function (f) { return String(f.value).toUpperCase(); });
    return types.length === 1 ? types[0] : null;
  }

  function fetchHits(facets) {
    return state.engine.search(effectiveQuery(state.query), { mode: state.mode, limit: state.limit, live: state.live,
      sort: state.sort, facets: Boolean(facets) });
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
      var res = state.engine.search(effectiveQuery(state.query) + ' id:"' + key + '"', { mode: state.mode, limit: 1, live: state.live });
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

  // What the views that read everything in scope (the overview, the events) read: the settled
  // search, or the whole collection (null); equal keys mean the same documents.
  function scopeKey() { return JSON.stringify(App.isActive() ? searchSpec() : null); }

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
    // On a wide screen the lines take the wide pane (where the overview stands) and the results
    // stay in the list beside them; on a phone the lines replace the results in the one column.
    var wide = App.isWideLayout();
    document.body.classList.toggle('is-kwic', kwic);
    if (active) views.results.show(!kwic || wide);
    if (kwic && !wide) $('more').hidden = true;
    views.concordance.show(kwic);
    if (kwic) {
      try {
        views.concordance.render(state.engine.concordance(effectiveQuery(state.query), state.mode, 500,
          views.concordance.context(), views.concordance.order()));
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

  // Why nothing was found, with the nearest indexed words once typing has paused (their search
  // scans the vocabulary: not at every keystroke).
  function explainEmpty(res) {
    var suggestions = null;
    if (!state.live && res.has_words) {
      try { suggestions = state.engine.suggest(state.query, state.mode, 5); } catch (err) { suggestions = null; }
    }
    views.noResults.show(res, suggestions);
  }

  // live: the query is being typed (see the top of this file); any other search is as written.
  function runSearch(live) {
    if (!state.engine) return;  // a collection is loading: the search runs once it is in
    var q = views.search.query();
    var mode = views.search.mode();
    state.query = q;
    state.mode = mode;
    state.live = live === true;
    state.hits = new Map();
    state.limit = FETCH;
    var active = App.isActive();
    var warnings = [];

    if (!active) {
      views.search.setCount(UI.count('docs', state.docs.length));
      views.search.setLivePrefix('');
      views.noResults.hide();
      $('list-heading').textContent = 'المستندات';
      if (views.events) views.events.followQuery(null);
      views.results.render(null, state.byId, App.textOf);
      views.results.show(false);
      views.docList.show(true);
      App.showFacets(App.collectionFacets(), false);
    } else {
      // entity:/event:/with: prepared in the worker first, when they would hold the page up.
      var rerun = function () { runSearch(live === true); };
      if (!App.filtersReady(effectiveQuery(q), { mode: mode, live: state.live }, rerun, warnings)) {
        views.search.setWarnings(warnings);
        document.body.classList.add('has-query');
        if (!state.restoring) App.writeHash(state.pushNextHash);
        state.pushNextHash = false;
        return;
      }
      var res;
      try {
        res = fetchHits(true);
      } catch (err) {
        res = { total: 0, hits: [], warnings: [] };
        warnings.push('خطأ في البحث: ' + App.errorText(err));
      }
      var hits = res.hits || [];
      for (var i = 0; i < hits.length; i++) state.hits.set(String(hits[i].id), hits[i]);
      state.hitsTotal = typeof res.total === 'number' ? res.total : hits.length;
      views.search.setCount(UI.resultCount(res));
      views.search.setLivePrefix(res.live_prefix || '');
      if (views.events) views.events.followQuery(queryEventType(res.filters));
      if (state.hitsTotal === 0) explainEmpty(res);
      else views.noResults.hide();
      warnings = warnings.concat(res.warnings || []);
      $('list-heading').textContent = 'النتائج';
      views.results.render(res, state.byId, App.textOf);
      views.docList.show(false);
      views.results.show(true);
      App.showFacets(res.facets || null, true);
      // For scripts/bench page: when the first results are in the DOM (once per page).
      if (hits.length && global.performance && !performance.getEntriesByName('mirsad:first-result').length) App.mark('mirsad:first-result');
    }
    views.search.setWarnings(warnings);
    document.body.classList.toggle('has-query', active);
    showView(active);
    if (state.openId !== null) App.paintReader();
    App.scheduleOverview();
    App.scheduleEvents();
    if (!state.restoring) App.writeHash(state.pushNextHash);
    state.pushNextHash = false;
  }

  // Typing paused: the query as written, if the last search read a word as a prefix.
  function settleSearch() {
    if (state.live) runSearch(false);
  }

  // A query chosen on the page (a suggestion, an example of the syntax): into the box, searched.
  function searchFor(query) {
    views.search.set(query, state.mode);
    state.pushNextHash = true;
    runSearch(false);
    $('q').focus();
  }

  App.runSearch = runSearch;
  App.settleSearch = settleSearch;
  App.searchFor = searchFor;
  App.fetchMore = fetchMore;
  App.hitFor = hitFor;
  App.effectiveQuery = effectiveQuery;
  App.searchSpec = searchSpec;
  App.scopeKey = scopeKey;
  App.filterEntities = filterEntities;
  App.entityName = entityName;
  App.showEntityFilter = showEntityFilter;
  App.setEntityFilter = setEntityFilter;
  App.showView = showView;
  App.setView = setView;
})(window);
