/* Mirsad UI — why a search found nothing (#no-results): a query of exclusions only, a filter the
 * core does not know, or words no document holds, with the indexed words nearest to them as
 * buttons («هل تقصد: …») and the fuzzy reading of the query (word~). The reasons and the words
 * are the core's (engine.search flags, engine.suggest); this file says them. */
(function (global) {
  'use strict';

  var UI = global.MirsadUI = global.MirsadUI || {};

  /** onQuery(query): search this query instead (a suggestion or the fuzzy reading). */
  function NoResults(root, onQuery) {
    this.root = root;
    root.addEventListener('click', function (ev) {
      var b = ev.target.closest && ev.target.closest('button[data-query]');
      if (b) onQuery(b.dataset.query);
    });
  }

  var FILTERS = 'source: date: id: entity:';

  function ltr(text) {
    var b = UI.el('bdi', null, text);
    b.dir = 'ltr';
    return b;
  }

  function queryButton(label, query, className) {
    var b = UI.el('button', className);
    b.type = 'button';
    b.dataset.query = query;
    b.appendChild(label);
    return b;
  }

  /**
   * result: engine.search output for a query that found nothing; suggestions: engine.suggest
   * output for it, or null (not asked while a word is being typed).
   */
  NoResults.prototype.show = function (result, suggestions) {
    var root = this.root;
    UI.clear(root);
    var head = UI.el('p', 'no-results__why');
    if (result.exclusions_only) {
      head.textContent = 'لا نتائج: علامة الطرح (-كلمة) تستبعد مستندات من بحث، وليس في الاستعلام ما يُبحث عنه. أضف كلمة أو مرشّحاً.';
    } else if (result.unknown_filters && result.unknown_filters.length) {
      // Field names are Latin: each isolated left to right, so the colons stay where they belong.
      head.appendChild(document.createTextNode('لا نتائج. '));
      result.unknown_filters.forEach(function (field, i) {
        head.appendChild(document.createTextNode(i ? ' ولا «' : 'ليس «'));
        head.appendChild(ltr(field + ':'));
        head.appendChild(document.createTextNode('»'));
      });
      head.appendChild(document.createTextNode(' مرشّحاً يعرفه مرصد، فبُحث عنه كلمات. المرشّحات: '));
      head.appendChild(ltr(FILTERS));
    } else {
      head.textContent = 'لا نتائج.';
    }
    root.appendChild(head);
    var words = (suggestions && suggestions.words) || [];
    var offered = words.filter(function (w) { return w.suggestions.length; });
    if (offered.length) {
      var p = UI.el('p', 'no-results__suggest');
      p.appendChild(document.createTextNode('هل تقصد: '));
      offered.forEach(function (w, wi) {
        if (offered.length > 1) {
          if (wi) p.appendChild(document.createTextNode('؛ '));
          p.appendChild(document.createTextNode('بدل '));
          p.appendChild(UI.dataLabel(w.word));
          p.appendChild(document.createTextNode(': '));
        }
        w.suggestions.forEach(function (s, i) {
          if (i) p.appendChild(document.createTextNode(' '));
          var label = document.createDocumentFragment();
          label.appendChild(UI.dataLabel(s.word));
          label.appendChild(UI.el('span', 'no-results__docs', ' (' + UI.count('docs', s.documents) + ')'));
          p.appendChild(queryButton(label, s.query, 'no-results__word'));
        });
      });
      root.appendChild(p);
    }
    if (suggestions && suggestions.fuzzy_query) {
      var f = UI.el('p', 'no-results__fuzzy');
      f.appendChild(document.createTextNode('أو ابحث عن الكلمات القريبة إملائياً: '));
      f.appendChild(queryButton(UI.dataLabel(suggestions.fuzzy_query), suggestions.fuzzy_query, 'no-results__word'));
      root.appendChild(f);
    }
    root.hidden = false;
  };

  NoResults.prototype.hide = function () {
    if (this.root.hidden) return;
    this.root.hidden = true;
    UI.clear(this.root);
  };

  UI.NoResults = NoResults;
})(window);
