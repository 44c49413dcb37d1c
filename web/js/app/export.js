/* Mirsad page — what the export buttons write: the results in scope and their entities. */
(function (global) {
  'use strict';

  var App = global.MirsadApp;
  var state = App.state;

  // The documents in scope: the fetched hits of the current query, in rank order, or all.
  function scopeIds() {
    return App.isActive() ? Array.from(state.hits.keys()) : state.docs.map(function (d) { return String(d.id); });
  }

  function exportedResults() {
    var active = App.isActive();
    return scopeIds().map(function (key, i) {
      var doc = state.byId.get(key) || {};
      var hit = active ? state.hits.get(key) : null;
      var row = { rank: hit ? i + 1 : '', id: key, title: doc.title || '', date: doc.date || '', source: doc.source || '',
        score: hit ? hit.score : '', matches: hit ? (hit.matches || []).length : '', snippet: '' };
      if (hit && hit.snippet) row.snippet = App.textOf(key).slice(hit.snippet.start, hit.snippet.end);
      return row;
    });
  }

  function exportedEntities() {
    var rows = [];
    scopeIds().forEach(function (key) {
      var list;
      try { list = App.entitiesOf(key); } catch (e) { list = []; }
      list.forEach(function (e) {
        rows.push({ document: key, type: e.type, text: e.text, canonical: e.canonical || '', label_en: e.label_en || '',
          value: e.value || '', start: e.start, end: e.end });
      });
    });
    return rows;
  }

  function exportStamp() {
    return new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
  }

  App.exportedResults = exportedResults;
  App.exportedEntities = exportedEntities;
  App.exportStamp = exportStamp;
})(window);
