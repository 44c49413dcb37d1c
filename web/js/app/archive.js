/* Mirsad page — the archive tools: the order of the results, the date range (the «من» / «إلى»
 * inputs and the publication-date histogram) and the source facets. The range and the chosen
 * sources are query syntax in the search box (date:2015-07-01..2015-07-15, source:okaz), so the
 * URL, a shared link, an export and the CLI carry them as they carry the words; the order is a key
 * of its own in the URL (sort=date). The counts come from the core with each search. */
(function (global) {
  'use strict';

  var App = global.MirsadApp;
  var UI = global.MirsadUI;
  var $ = App.$;
  var state = App.state;
  var views = App.views;

  // The filters these controls own are the positive source: and date: words of the query; a
  // negated -source:x typed by the reader is left alone. Values hold no spaces (the query
  // language ends a filter value at a space).
  function filterPattern(field) { return new RegExp('(^|\\s)' + field + ':(\\S+)', 'g'); }

  function filterValues(q, field) {
    var out = [], re = filterPattern(field), m;
    while ((m = re.exec(q))) out.push(m[2]);
    return out;
  }

  function withoutFilter(q, field, value) {
    return q.replace(filterPattern(field), function (all, space, v) {
      return value === undefined || v === value ? space : all;
    }).replace(/\s{2,}/g, ' ').trim();
  }

  /** The range in the query (the first date:from..to), or null. */
  function dateRange(q) {
    var ranges = filterValues(q, 'date').filter(function (v) { return v.indexOf('..') >= 0; });
    if (!ranges.length) return null;
    var parts = ranges[0].split('..');
    return { from: parts[0] || '', to: parts.slice(1).join('..') || '' };
  }

  function searchFor(q) {
    // A trailing space: the words are complete, not a word being typed (which the live search
    // would read as a prefix), so a facet's count is the total its click gives.
    views.search.set(q ? q + ' ' : '', views.search.mode());
    state.pushNextHash = true;  // back returns to the query before the filter
    App.runSearch();
  }

  /** Replaces the query's date: filters by the range from..to (ISO days; '' for an open end). */
  function setDateRange(from, to) {
    var q = withoutFilter(views.search.query(), 'date');
    if (from || to) q = (q ? q + ' ' : '') + 'date:' + (from || '') + '..' + (to || '');
    searchFor(q);
  }

  function toggleSource(source) {
    var q = views.search.query();
    if (filterValues(q, 'source').indexOf(source) >= 0) searchFor(withoutFilter(q, 'source', source));
    else searchFor((q.trim() ? q.trim() + ' ' : '') + 'source:' + source);
  }

  function setSort(sort) {
    state.sort = sort === 'date' || sort === 'date-asc' ? sort : 'relevance';
    $('sort').value = state.sort;
  }

  /** After each search: the facets of the results (active) or of the whole collection. */
  function showFacets(facets, active) {
    var q = state.query;
    var range = dateRange(q);
    $('date-from').value = range && range.from.length === 10 ? range.from : '';
    $('date-to').value = range && range.to.length === 10 ? range.to : '';
    $('date-clear').hidden = !filterValues(q, 'date').length;
    var days = (facets && facets.dates) || [];
    if (days.length) {
      $('date-from').min = $('date-to').min = days[0].date;
      $('date-from').max = $('date-to').max = days[days.length - 1].date;
    }
    views.sources.render(facets ? facets.sources : [], filterValues(q, 'source'));
    views.histogram.render(facets, range, active ? 'في النتائج' : 'في المجموعة كلها');
  }

  /** The facets of the whole collection, for the page before any query. */
  function collectionFacets() {
    try {
      return state.engine.search('', { facets: true, limit: 1 }).facets;
    } catch (err) {
      return null;
    }
  }

  function wire() {
    views.sources = new UI.SourceFacets($('source-facets'), toggleSource);
    views.histogram = new UI.DateHistogram({ chart: $('date-histogram'), unit: $('histogram-unit'), note: $('histogram-note') },
      setDateRange);
    $('sort').addEventListener('change', function () {
      setSort($('sort').value);
      state.pushNextHash = true;
      App.runSearch();
    });
    var onDate = function () { setDateRange($('date-from').value, $('date-to').value); };
    $('date-from').addEventListener('change', onDate);
    $('date-to').addEventListener('change', onDate);
    $('date-clear').addEventListener('click', function () { setDateRange('', ''); });
  }

  App.wireArchive = wire;
  App.showFacets = showFacets;
  App.collectionFacets = collectionFacets;
  App.setSort = setSort;
})(window);
