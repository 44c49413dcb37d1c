/* Mirsad UI — the query syntax in one click: a «?» button beside the search box opens a short
 * panel of examples (#syntax-help); clicking an example puts it in the box and searches it.
 * Escape or the button closes the panel and gives the focus back to the button. The syntax itself
 * is the core's query parser (README, "Query language"); this is its description for readers. */
(function (global) {
  'use strict';

  var UI = global.MirsadUI = global.MirsadUI || {};

  // [example, what it does]. An example ending in ":" is a filter to complete.
  var EXAMPLES = [
    ['ليبيا تونس', 'كل الكلمات في المستند نفسه'],
    ['طرابلس OR بنغازي', 'إحدى الكلمتين على الأقل (OR بحروف كبيرة)'],
    ['"وزير الخارجية"', 'عبارة: الكلمات متتالية كما كُتبت بين علامتي التنصيص'],
    ['مصر -ليبيا', 'استبعاد: المستندات التي فيها «مصر» وليس فيها «ليبيا»'],
    ['ليب*', 'بادئة: كل كلمة تبدأ بها (ليبيا، ليبي، ليبية…)'],
    ['ليبيى~', 'تقريبي: الكلمات القريبة منها إملائياً (خطأ حرف أو حرفين)'],
    ['source:okaz', 'المصدر: مستندات مصدر واحد'],
    ['date:2015-07', 'التاريخ: مستندات يوم أو شهر أو سنة (بداية التاريخ)'],
    ['date:2015-07-01..2015-07-15', 'مدة: من تاريخ إلى تاريخ (أو date:2015-07-01.. أو date:..2015-07-15)'],
    ['entity:"سلمان"', 'الكيان: المستندات التي تذكره (شخص، مكان، منظمة…)'],
    ['event:MEET', 'الحدث: المستندات التي فيها لقاء (MEET)، زيارة (VISIT)، هجوم (ATTACK) أو اتفاق (AGREEMENT)'],
    ['with:"سامح شكري"', 'طرفٌ في حدث: المستندات التي شارك فيها في لقاء أو زيارة أو هجوم أو اتفاق (مع event: في الحدث نفسه)'],
    ['id:', 'المعرّف: مستند واحد بمعرّفه']
  ];

  /** els: {toggle, panel}; onExample(query) fills the search box with an example and searches it. */
  function SyntaxHelp(els, onExample) {
    this.els = els;
    var self = this;
    var list = UI.el('dl', 'syntax-help__list');
    EXAMPLES.forEach(function (ex) {
      var term = UI.el('dt', 'syntax-help__example');
      var b = UI.el('button', 'syntax-help__button');
      b.type = 'button';
      b.dataset.query = ex[0];
      var code = UI.el('code', null, ex[0]);
      code.dir = 'auto';  // an Arabic example reads right to left, source:okaz left to right
      b.appendChild(code);
      term.appendChild(b);
      list.appendChild(term);
      list.appendChild(UI.el('dd', 'syntax-help__what', ex[1]));
    });
    els.panel.appendChild(list);
    list.addEventListener('click', function (ev) {
      var b = ev.target.closest && ev.target.closest('button[data-query]');
      if (!b) return;
      self.close(false);
      onExample(b.dataset.query);
    });
    els.toggle.addEventListener('click', function () {
      if (self.isOpen()) self.close(true);
      else self.open();
    });
    function onKey(ev) {
      if (ev.key === 'Escape' && self.isOpen()) {
        ev.preventDefault();
        ev.stopPropagation();  // the reader's Escape must not also close the open document
        self.close(true);
      }
    }
    els.panel.addEventListener('keydown', onKey);
    els.toggle.addEventListener('keydown', onKey);
  }

  SyntaxHelp.prototype.isOpen = function () { return !this.els.panel.hidden; };

  SyntaxHelp.prototype.open = function () {
    this.els.panel.hidden = false;
    this.els.toggle.setAttribute('aria-expanded', 'true');
    var first = this.els.panel.querySelector('button');
    if (first) first.focus();
  };

  /** refocus: give the focus back to the «?» button (after Escape or a second click). */
  SyntaxHelp.prototype.close = function (refocus) {
    if (!this.isOpen()) return;
    this.els.panel.hidden = true;
    this.els.toggle.setAttribute('aria-expanded', 'false');
    if (refocus) this.els.toggle.focus();
  };

  UI.SyntaxHelp = SyntaxHelp;
})(window);
