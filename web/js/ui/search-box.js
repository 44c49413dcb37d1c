/* Mirsad UI — search box view: the query input (#q), the match-level select (#mode),
 * the live count (#count) and the engine's warnings. Fires onChange on every keystroke. */
(function (global) {
  'use strict';

  var UI = global.MirsadUI = global.MirsadUI || {};

  function SearchBox(opts) {
    this.input = opts.input;
    this.select = opts.select;
    this.countEl = opts.count;
    this.warningsEl = opts.warnings;
    this.onChange = opts.onChange || function () {};
    this.onSubmit = opts.onSubmit || function () {};
    // Escape: the page may take it (closing the open document); if it does not, the browser's own
    // behaviour (clearing a search field) stays.
    this.onEscape = opts.onEscape || function () { return false; };

    var self = this;
    this.input.addEventListener('input', function () { self.onChange(); });
    this.select.addEventListener('change', function () { self.showHelp(); self.onChange(); });
    this.help = opts.help || null;
    this.showHelp();
    this.input.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' && !ev.isComposing) {
        ev.preventDefault();
        self.onSubmit(ev.shiftKey);
      } else if (ev.key === 'Escape' && !ev.isComposing && self.onEscape()) {
        ev.preventDefault();
      }
    });
    // "/" focuses the search box from anywhere on the page (unless typing in a field).
    document.addEventListener('keydown', function (ev) {
      if (ev.key !== '/' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      var t = ev.target;
      var tag = t && t.tagName;
      if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (t && t.isContentEditable)) return;
      ev.preventDefault();
      self.input.focus();
      self.input.select();
    });
  }

  // One line per match level: what it matches (UI wording; the matching itself is the core's).
  var HELP = {
    exact: 'حرفي: الكلمة كما كُتبت تماماً، بتشكيلها وهمزاتها.',
    normalized: 'إملائي: يتجاهل التشكيل والتطويل ويوحّد صور الألف والهمزة والياء والتاء المربوطة والأرقام.',
    word: 'كلمة: الإملائي مع فصل السوابق (و ف ب ك ل ال): «ليبيا» تجد «وليبيا» و«لليبيا» و«بليبيا».',
    stem: 'جذر خفيف: الكلمة مع حذف اللواحق الشائعة (ات ون ين ية ها…): «الليبيون» تجد «الليبي» و«ليبية».'
  };

  SearchBox.prototype.showHelp = function () {
    if (this.help) this.help.textContent = HELP[this.mode()] || '';
  };

  SearchBox.prototype.enable = function () {
    this.input.disabled = false;
    this.select.disabled = false;
  };

  SearchBox.prototype.query = function () { return this.input.value; };

  SearchBox.prototype.mode = function () { return this.select.value || 'word'; };

  /** Sets the query and match level without firing onChange (state restored from the URL). */
  SearchBox.prototype.set = function (query, mode) {
    this.input.value = query;
    var known = Array.prototype.some.call(this.select.options, function (o) { return o.value === mode; });
    this.select.value = known ? mode : 'word';
    this.showHelp();
  };

  SearchBox.prototype.setCount = function (text) {
    if (this.countEl.textContent !== text) this.countEl.textContent = text;
  };

  SearchBox.prototype.setWarnings = function (list) {
    var ul = this.warningsEl;
    UI.clear(ul);
    list = list || [];
    for (var i = 0; i < list.length; i++) ul.appendChild(UI.el('li', 'warning', list[i]));
    ul.hidden = list.length === 0;
  };

  UI.SearchBox = SearchBox;
})(window);
