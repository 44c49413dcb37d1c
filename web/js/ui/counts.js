/* Mirsad UI — what a search's counts say, in one place for the results and the keyword-in-context
 * view, so both say the same thing: matches in the texts (as highlighted, one keyword-in-context
 * line each), matches in titles counted apart, and documents; a query of filters alone counts
 * documents only. The numbers are the core's: engine.search and engine.concordance give the same
 * ones for the same query and match level. */
(function (global) {
  'use strict';

  var UI = global.MirsadUI = global.MirsadUI || {};

  // A count of documents with its verb agreeing: مستند واحد يذكر، مستندان يذكران، 3 مستندات تذكر.
  function docsThat(n, verbs) {
    return UI.count('docs', n) + ' ' + (n === 1 ? verbs[0] : n === 2 ? verbs[1] : verbs[2]);
  }

  // «سلمان» و«جدة» when every filter asks for an entity (the page's entity chip, or entity:"…"
  // typed), else ''.
  function entityNames(filters) {
    if (!filters.length) return '';
    for (var i = 0; i < filters.length; i++) {
      if (filters[i].field !== 'entity' || filters[i].negated) return '';
    }
    return filters.map(function (f) { return '«' + UI.withoutBidiControls(f.value) + '»'; }).join(' و');
  }

  /** The count line while entity:, event: and with: are read from the candidate documents. */
  UI.preparingFilters = function (done, of) {
    return 'جارٍ قراءة الكيانات والأحداث للتصفية: ' + Number(done).toLocaleString('en') + ' من ' + UI.count('docs', of) + '…';
  };

  /** The count line of a search or concordance result: what it counts, said. */
  UI.resultCount = function (r) {
    var total = (r && r.total) || 0;
    if (!total) return 'لا نتائج';
    if (r.has_words === false) {
      var filters = r.filters || [];
      var names = entityNames(filters);
      if (names) return docsThat(total, ['يذكر', 'يذكران', 'تذكر']) + ' ' + names;
      return docsThat(total, ['يطابق', 'يطابقان', 'تطابق']) + ' ' + (filters.length > 1 ? 'المرشّحات' : 'المرشّح');
    }
    var text = UI.count('matches', r.matches_total || 0);
    var inTitles = r.title_matches_total || 0;
    if (inTitles) text += ' في النصوص و' + UI.count('matches', inTitles) + ' في العناوين،';
    return text + ' ' + UI.count('inDocs', total);
  };
})(typeof window !== 'undefined' ? window : self);  // self: the widget's bundle also runs as its own worker
