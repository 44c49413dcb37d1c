/* Mirsad UI — document list view (#doc-list): every document with its title, meta line and
 * first line of text; shown when there is no query. */
(function (global) {
  'use strict';

  var UI = global.MirsadUI = global.MirsadUI || {};

  function DocList(root, onOpen) {
    this.root = root;
    this.onOpen = onOpen;
    this.activeId = null;
    var self = this;
    UI.onItemOpen(root, 'doc-item', function (id) { self.onOpen(id); });
  }

  // The list shows the first documents only: tens of thousands of items would stall the page
  // (the last one says how many more there are, and the search reaches them all).
  var SHOWN = 500;

  /** docs: engine.documents(); textOf(id) → full text (used for the first line only). */
  DocList.prototype.render = function (docs, textOf) {
    var frag = document.createDocumentFragment();
    for (var i = 0; i < docs.length && i < SHOWN; i++) {
      var doc = docs[i];
      var li = UI.el('li', 'doc-item');
      li.dataset.id = String(doc.id);
      var a = UI.el('a', 'item-link');
      a.href = UI.docHref(doc.id);
      var head = UI.listHeading(doc, textOf(doc.id));
      a.appendChild(UI.el('h3', head.untitled ? 'item-title is-untitled' : 'item-title', head.title));
      var meta = UI.el('p', 'meta');
      if (UI.appendDocMeta(meta, doc)) a.appendChild(meta);
      if (head.excerpt) a.appendChild(UI.el('p', 'item-excerpt', head.excerpt));
      li.appendChild(a);
      frag.appendChild(li);
    }
    if (docs.length > SHOWN) {
      frag.appendChild(UI.el('li', 'doc-more', 'و' + UI.count('docs', docs.length - SHOWN) + ' أخرى: ابحث لتصل إليها.'));
    }
    UI.clear(this.root);
    this.root.appendChild(frag);
    this.setActive(this.activeId);
  };

  DocList.prototype.setActive = function (id) {
    this.activeId = id;
    UI.markActive(this.root, id);
  };

  DocList.prototype.show = function (visible) { this.root.hidden = !visible; };

  UI.DocList = DocList;
})(window);
