/* Mirsad UI — reader view (#reader): the full text of one document in #reader-text, with every
 * match of the current query as <mark class="hit">, or — when there is no query — entity
 * mentions coloured by type (<span class="ent ent--person">…). Hits and entity colouring are
 * never painted together, so marks never have to nest across entity boundaries. */
(function (global) {
  'use strict';

  var UI = global.MirsadUI = global.MirsadUI || {};

  function typeClass(type) {
    return 'ent ent--' + UI.entityClass(type);
  }

  function Reader(els, callbacks) {
    this.root = els.root;
    this.placeholder = els.placeholder;
    this.title = els.title;
    this.meta = els.meta;
    this.textEl = els.text;
    this.nav = els.nav;
    this.pos = els.pos;
    this.prev = els.prev;
    this.next = els.next;
    this.back = els.back;
    this.onClose = (callbacks && callbacks.onClose) || function () {};
    this.id = null;
    this.text = '';
    this.marks = [];
    this.current = -1;
    this.entitySpans = [];

    var self = this;
    this.prev.addEventListener('click', function () { self.step(-1); });
    this.next.addEventListener('click', function () { self.step(1); });
    this.back.addEventListener('click', function () { self.onClose(); });
    this.root.addEventListener('keydown', function (ev) {
      // N / P (by physical key, so it works with an Arabic keyboard layout too), Enter / Shift+Enter
      if (ev.key === 'Escape') { self.onClose(); ev.preventDefault(); return; }  // the close button's shortcut
      if (ev.target.tagName === 'BUTTON' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      if (ev.code === 'KeyN') { self.step(1); ev.preventDefault(); }
      else if (ev.code === 'KeyP') { self.step(-1); ev.preventDefault(); }
      else if (ev.key === 'Enter' && ev.target.tagName !== 'A') { self.step(ev.shiftKey ? -1 : 1); ev.preventDefault(); }
    });
  }

  Reader.prototype.isOpen = function () { return this.id !== null; };

  Reader.prototype.open = function (doc, text) {
    this.id = String(doc.id);
    this.doc = doc;
    this.text = text || '';
    this.root.dataset.id = this.id;
    this.title.textContent = UI.docTitle(doc);
    this.title.classList.toggle('is-untitled', !doc.title);
    UI.clear(this.meta);
    var hasMeta = UI.appendDocMeta(this.meta, doc);
    var page = UI.sourceLink(doc.url, 'الصفحة الأصلية ↗');
    if (page) {
      if (hasMeta) this.meta.appendChild(document.createTextNode(' · '));
      this.meta.appendChild(page);
    }
    this.meta.hidden = !hasMeta && !page;
    this.root.hidden = false;
    this.placeholder.hidden = true;
  };

  Reader.prototype.close = function () {
    this.id = null;
    this.doc = null;
    this.text = '';
    this.marks = [];
    this.entitySpans = [];
    this.current = -1;
    delete this.root.dataset.id;
    UI.clear(this.textEl);
    this.root.hidden = true;
    this.placeholder.hidden = false;
  };

  /**
   * Repaint the text. opts.matches: [[start,end],...] hits of the current query (may be empty);
   * opts.query: whether a query is active; opts.entities: entity list used only without a query;
   * opts.titleMatches: the query's matches in the title (marked in the heading).
   */
  Reader.prototype.paint = function (opts) {
    var text = this.text;
    var result;
    if (this.doc) {
      UI.clear(this.title);
      this.title.appendChild(UI.titleWithMatches(this.doc, opts.query ? opts.titleMatches : null));
    }
    this.marks = [];
    this.entitySpans = [];
    this.current = -1;
    this.matchStarts = [];
    if (opts.query) {
      result = UI.highlight(text, opts.matches || [], 'hit');
      this.marks = result.elements;
      this.matchStarts = (opts.matches || []).map(function (m) { return m[0]; }).sort(function (a, b) { return a - b; });
      if (result.dropped && global.console) {
        console.warn('Mirsad: ' + result.dropped + ' match range(s) were empty, out of range or overlapping in document ' + this.id);
      }
    } else if (opts.entities && opts.entities.length) {
      var items = [];
      for (var i = 0; i < opts.entities.length; i++) {
        var en = opts.entities[i];
        items.push({ start: en.start, end: en.end, entity: en, make: makeEntitySpan });
      }
      result = UI.segment(text, items);
      this.entitySpans = result.elements;
    } else {
      result = { fragment: document.createTextNode(text) };
    }
    UI.clear(this.textEl);
    this.textEl.appendChild(result.fragment);
    this.textEl.classList.toggle('has-entities', !opts.query && this.entitySpans.length > 0);
    this.textEl.dataset.matches = String(this.marks.length);
    this.updateNav(opts.query);
  };

  function makeEntitySpan(slice, item) {
    var en = item.entity;
    var span = UI.el('span', typeClass(en.type), slice);
    span.dataset.type = String(en.type);
    span.dataset.start = String(en.start);
    var tip = UI.withoutBidiControls(en.label_en || en.canonical || '');
    if (tip) span.title = tip;
    return span;
  }

  Reader.prototype.updateNav = function (query) {
    var n = this.marks.length;
    this.nav.hidden = !query;
    if (!query) return;
    this.prev.disabled = this.next.disabled = n === 0;
    this.pos.textContent = n === 0 ? 'لا تطابقات في هذا المستند'
      : (this.current >= 0 ? 'التطابق ' + (this.current + 1) + ' من ' + n : UI.count('matches', n));
  };

  /** Scroll to the match `index` (wraps around) and mark it as current. */
  Reader.prototype.goTo = function (index, smooth) {
    var n = this.marks.length;
    if (!n) return;
    index = ((index % n) + n) % n;
    if (this.current >= 0 && this.marks[this.current]) this.marks[this.current].classList.remove('is-current');
    this.current = index;
    var m = this.marks[index];
    m.classList.add('is-current');
    m.scrollIntoView({ block: 'center', inline: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
    this.updateNav(true);
  };

  /** Scroll to the match that starts at `start` (from the concordance), if it is one. */
  Reader.prototype.goToOffset = function (start) {
    var index = this.matchStarts ? this.matchStarts.indexOf(start) : -1;
    if (index >= 0 && this.marks.length === this.matchStarts.length) this.goTo(index, false);
  };

  Reader.prototype.step = function (delta) {
    if (!this.marks.length) return;
    this.goTo(this.current < 0 ? (delta > 0 ? 0 : this.marks.length - 1) : this.current + delta, true);
  };

  /** Scroll to the first match, if any; otherwise to the top of the text. */
  Reader.prototype.reveal = function () {
    if (this.marks.length) this.goTo(0, false);
    else this.root.scrollIntoView({ block: 'start' });
  };

  /** Flash the entity mentions starting at the given offsets (cycles through them on repeat). */
  Reader.prototype.focusMentions = function (starts) {
    if (!this.entitySpans.length) return false;
    var wanted = {};
    for (var i = 0; i < starts.length; i++) wanted[String(starts[i])] = true;
    var spans = this.entitySpans.filter(function (s) { return wanted[s.dataset.start]; });
    if (!spans.length) return false;
    var key = starts.join(',');
    this.mentionCursor = this.mentionKey === key ? (this.mentionCursor + 1) % spans.length : 0;
    this.mentionKey = key;
    var target = spans[this.mentionCursor];
    for (var j = 0; j < this.entitySpans.length; j++) this.entitySpans[j].classList.remove('is-focused');
    for (var k = 0; k < spans.length; k++) spans[k].classList.add('is-focused');
    target.scrollIntoView({ block: 'center', behavior: 'smooth' });
    return true;
  };

  UI.Reader = Reader;
})(window);
