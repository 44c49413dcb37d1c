/* Mirsad UI — the keyword-in-context view (#concordance): every match of the query on its own
 * line, the words before it on one side and after it on the other, sortable by either side as in
 * Voyant or AntConc. The lines, their cutting and their sort come from the core
 * (engine.concordance); this file draws them as text. In right-to-left text the words before a
 * match stand to its right. */
(function (global) {
  'use strict';

  var UI = global.MirsadUI = global.MirsadUI || {};

  /** els: {root, list, order, context, note}; onOpen(id, start) opens a line's document at that
   * match; onOrder() redraws after the order or the context width changed. */
  function Concordance(els, onOpen, onOrder) {
    this.els = els;
    var self = this;
    els.list.addEventListener('click', function (ev) {
      var b = ev.target.closest && ev.target.closest('button[data-id]');
      if (b) onOpen(b.dataset.id, Number(b.dataset.start));
    });
    els.order.addEventListener('change', function () { onOrder(self.order()); });
    if (els.context) els.context.addEventListener('change', function () { onOrder(self.order()); });
  }

  /** Words of context on each side of a match (the core cuts the lines on token boundaries). */
  Concordance.prototype.context = function () {
    var n = this.els.context ? Number(this.els.context.value) : 6;
    return n > 0 ? n : 6;
  };

  Concordance.prototype.order = function () { return this.els.order.value || 'document'; };

  Concordance.prototype.render = function (data) {
    var list = this.els.list;
    UI.clear(list);
    var lines = (data && data.lines) || [];
    this.els.note.textContent = !lines.length ? 'لا تطابقات.'
      : data.truncated ? 'أول ' + lines.length + ' سطر من ' + UI.count('matches', data.matches_total) + '.'
      : UI.count('matches', lines.length) + '.';
    var frag = document.createDocumentFragment();
    for (var i = 0; i < lines.length; i++) {
      var l = lines[i];
      var li = UI.el('li', 'kwic__line');
      var b = UI.el('button', 'kwic__button');
      b.type = 'button';
      b.dataset.id = String(l.id);
      b.dataset.start = String(l.start);
      // Three pieces of document text, each isolated and without bidi controls, so an override
      // in the words before a match cannot move the match or the words after it.
      // (The outer elements keep the page's direction, which the layout of the columns uses.)
      [['span', 'kwic__before', l.left], ['mark', 'kwic__keyword hit', l.keyword], ['span', 'kwic__after', l.right]]
        .forEach(function (part) {
          var column = UI.el(part[0], part[1]);
          column.appendChild(UI.dataLabel(part[2]));
          b.appendChild(column);
        });
      b.title = 'افتح المستند عند هذا التطابق';
      li.appendChild(b);
      frag.appendChild(li);
    }
    list.appendChild(frag);
  };

  Concordance.prototype.show = function (visible) { this.els.root.hidden = !visible; };

  UI.Concordance = Concordance;
})(window);
