/* Mirsad UI — the sources of the matching documents with their counts, as toggle buttons: a
 * pressed button is a source: filter in the query. The counts come from the core (search facets
 * "sources", counted before the source filter, so the other sources stay selectable). */
(function (global) {
  'use strict';

  var UI = global.MirsadUI = global.MirsadUI || {};
  var SHOWN = 24;  // sources listed; the chosen ones always are

  /** list: the <ul>; onToggle(source): a button pressed or released. */
  function SourceFacets(list, onToggle) {
    this.list = list;
    list.addEventListener('click', function (ev) {
      var b = ev.target.closest && ev.target.closest('button[data-source]');
      if (b) onToggle(b.dataset.source);
    });
  }

  /** sources: [{value, documents}] (may be empty); chosen: the sources in the query. */
  SourceFacets.prototype.render = function (sources, chosen) {
    var list = this.list;
    UI.clear(list);
    var shown = (sources || []).slice(0, SHOWN);
    chosen.forEach(function (value) {
      if (!shown.some(function (s) { return s.value === value; })) shown.push({ value: value, documents: 0 });
    });
    list.hidden = shown.length === 0;
    shown.forEach(function (s) {
      var pressed = chosen.indexOf(s.value) >= 0;
      var li = UI.el('li');
      var b = UI.el('button', 'facet');
      b.type = 'button';
      b.dataset.source = s.value;
      b.setAttribute('aria-pressed', String(pressed));
      b.appendChild(UI.dataLabel(s.value));
      b.appendChild(UI.el('span', 'facet__count', String(s.documents)));
      b.title = (pressed ? 'إلغاء التقييد بالمصدر ' : 'الاقتصار على المصدر ') + s.value + ' (' + UI.count('docs', s.documents) + ')';
      li.appendChild(b);
      list.appendChild(li);
    });
  };

  UI.SourceFacets = SourceFacets;
})(window);
