/* Mirsad UI — ranked results view (#results): one .hit-item per matching document, with the
 * engine's snippet window and every match inside it highlighted in <mark>. */
(function (global) {
  'use strict';

  var UI = global.MirsadUI = global.MirsadUI || {};

  var PAGE = 50;

  // onNeedMore(): called when every fetched hit is shown but the core reported more; the app
  // fetches a longer list (the core ranks deterministically) and hands it to extend().
  function Results(root, moreButton, onOpen, onNeedMore) {
    this.root = root;
    this.more = moreButton;
    this.onOpen = onOpen;
    this.onNeedMore = onNeedMore || null;
    this.hits = [];
    this.total = 0;
    this.shown = 0;
    this.docsById = null;
    this.textOf = null;
    this.activeId = null;
    var self = this;
    UI.onItemOpen(root, 'hit-item', function (id) { self.onOpen(id); });
    moreButton.addEventListener('click', function () {
      if (self.shown >= self.hits.length && self.total > self.hits.length && self.onNeedMore) self.onNeedMore();
      else self.renderMore();
    });
  }

  /** result: engine.search(...) output; docsById: Map(String(id) → doc); textOf(id) → text. */
  Results.prototype.render = function (result, docsById, textOf) {
    this.hits = (result && result.hits) || [];
    this.total = result && typeof result.total === 'number' ? result.total : this.hits.length;
    this.docsById = docsById;
    this.textOf = textOf;
    this.shown = 0;
    UI.clear(this.root);
    this.renderMore();
    this.root.scrollTop = 0;
  };

  Results.prototype.renderMore = function () {
    var frag = document.createDocumentFragment();
    var end = Math.min(this.hits.length, this.shown + PAGE);
    for (var i = this.shown; i < end; i++) frag.appendChild(this.item(this.hits[i], i));
    this.root.appendChild(frag);
    this.shown = end;
    var rest = Math.max(this.hits.length, this.total) - this.shown;
    this.more.hidden = this.root.hidden || rest <= 0;
    if (rest > 0) this.more.textContent = 'عرض المزيد (' + UI.count('docs', rest) + ')';
  };

  /** A longer list for the same query (its first hits are the ones already shown). */
  Results.prototype.extend = function (result) {
    this.hits = (result && result.hits) || this.hits;
    this.total = result && typeof result.total === 'number' ? result.total : this.hits.length;
    this.renderMore();
  };

  Results.prototype.item = function (hit, rank) {
    var key = String(hit.id);
    var doc = this.docsById.get(key) || { id: hit.id, title: '', date: '', source: '' };
    var text = this.textOf(doc.id) || '';
    var matches = hit.matches || [];

    var li = UI.el('li', 'hit-item');
    li.dataset.id = key;
    li.dataset.rank = String(rank + 1);
    if (typeof hit.score === 'number') li.dataset.score = String(hit.score);
    if (key === this.activeId) li.classList.add('is-active');

    var a = UI.el('a', 'item-link');
    a.href = UI.docHref(doc.id);
    if (key === this.activeId) a.setAttribute('aria-current', 'true');
    var head = UI.listHeading(doc, text);
    var title = UI.el('h3', head.untitled ? 'item-title is-untitled' : 'item-title');
    var titleMatches = head.untitled ? [] : hit.title_matches || [];
    if (titleMatches.length) title.appendChild(UI.titleWithMatches(doc, titleMatches));
    else title.textContent = head.title;
    // Element Timing: when the first result is painted (scripts/bench page reads it).
    if (rank === 0) title.setAttribute('elementtiming', 'mirsad-first-result');
    a.appendChild(title);

    // Date and source are the document's, isolated: an override in a source must not reverse
    // the count beside it.
    // What the document's count counts: matches in its text, and in its title apart; none for a
    // document found by a filter alone (it has nothing to count, not «no matches»).
    var counted = [];
    if (matches.length) counted.push(UI.count('matches', matches.length));
    if (titleMatches.length) counted.push(UI.count('matches', titleMatches.length) + ' في العنوان');
    var meta = UI.el('p', 'meta');
    if (UI.appendDocMeta(meta, doc) && counted.length) meta.appendChild(document.createTextNode(' · '));
    if (counted.length) meta.appendChild(UI.el('span', 'hit-count', counted.join(' و')));
    a.appendChild(meta);

    // Snippet window [start, end) as given by the engine (fall back to the text's head).
    var sn = hit.snippet || {};
    var ws = Math.max(0, Math.min(text.length, Number.isFinite(sn.start) ? sn.start : 0));
    var we = Math.max(ws, Math.min(text.length, Number.isFinite(sn.end) ? sn.end : Math.min(text.length, 200)));
    // The snippet is document text beside the page's ellipses: isolated, its bidi controls made
    // inert (one unit for one, so the match offsets still hold).
    var p = UI.el('p', 'snippet');
    if (ws > 0) p.appendChild(UI.el('span', 'ellipsis', '… '));
    var excerpt = UI.el('bdi', 'snippet__text');
    excerpt.setAttribute('dir', 'auto');
    excerpt.appendChild(UI.highlight(UI.inertBidiControls(text.slice(ws, we)), UI.clipRanges(matches, ws, we), 'hit').fragment);
    p.appendChild(excerpt);
    if (we < text.length) p.appendChild(UI.el('span', 'ellipsis', ' …'));
    a.appendChild(p);

    li.appendChild(a);
    return li;
  };

  Results.prototype.setActive = function (id) {
    this.activeId = id;
    UI.markActive(this.root, id);
  };

  Results.prototype.show = function (visible) {
    this.root.hidden = !visible;
    this.more.hidden = !visible || this.shown >= Math.max(this.hits.length, this.total);
  };

  /** Id of the best-ranked hit, or null. */
  Results.prototype.firstId = function () {
    return this.hits.length ? String(this.hits[0].id) : null;
  };

  UI.Results = Results;
})(window);
