/* Mirsad UI — the entity overview (#overview) of the documents in scope (the current results, or
 * the collection): the entities most present with their document counts, a co-occurrence matrix
 * of the first twelve (together in the same documents or the same sentences), and a timeline of
 * the dated mentions. The numbers come from the core (engine.entityOverview); this file only
 * draws them. Every name goes into the page as text. */
(function (global) {
  'use strict';

  var UI = global.MirsadUI = global.MirsadUI || {};

  var TYPES = UI.ENTITY_TYPES;
  var PER_TYPE = 6;  // entities listed per type

  /** The legend of entity colours, as a list of swatches (used by the overview and the reader). */
  UI.entityLegend = function (container) {
    UI.clear(container);
    TYPES.forEach(function (t) {
      var item = UI.el('li', 'legend__item ent--' + t.cls);
      item.appendChild(UI.el('span', 'swatch'));
      item.appendChild(UI.el('span', null, t.name));
      container.appendChild(item);
    });
  };

  /**
   * els: {root, scope, legend, entities, matrix, unit, timeline, timelineDocs}
   * on: {entity(entity), pair(a, b), doc(id)} — entity = {canonical, type, text}
   */
  function Overview(els, on) {
    this.els = els;
    this.on = on;
    this.data = null;
    this.byId = null;
    var self = this;
    UI.entityLegend(els.legend);
    els.entities.addEventListener('click', function (ev) {
      var b = ev.target.closest && ev.target.closest('button[data-index]');
      if (b && self.data) self.on.entity(toEntity(self.data.entities[Number(b.dataset.index)]));
    });
    els.matrix.addEventListener('click', function (ev) {
      var b = ev.target.closest && ev.target.closest('button[data-a]');
      if (!b || !self.data) return;
      self.on.pair(toEntity(self.data.entities[Number(b.dataset.a)]), toEntity(self.data.entities[Number(b.dataset.b)]));
    });
    els.unit.addEventListener('change', function () { self.drawMatrix(); });
    els.timelineDocs.addEventListener('click', function (ev) {
      var b = ev.target.closest && ev.target.closest('button[data-id]');
      if (b) self.on.doc(b.dataset.id);
    });
  }

  function toEntity(e) { return { canonical: e.canonical, text: e.canonical, type: e.type }; }

  Overview.prototype.isOpen = function () { return this.els.root.open; };

  /** data: engine.entityOverview(...); scopeText: what the numbers cover. */
  Overview.prototype.render = function (data, byId, scopeText) {
    this.data = data;
    this.byId = byId;
    this.els.scope.textContent = scopeText;
    this.drawEntities();
    this.drawMatrix();
    this.drawTimeline();
  };

  Overview.prototype.drawEntities = function () {
    var box = this.els.entities;
    UI.clear(box);
    var list = this.data.entities || [];
    if (!list.length) { box.appendChild(UI.el('p', 'placeholder', 'لا كيانات في هذه المستندات.')); return; }
    TYPES.forEach(function (t) {
      var items = [];
      for (var i = 0; i < list.length && items.length < PER_TYPE; i++) if (list[i].type === t.type) items.push(i);
      if (!items.length) return;
      var group = UI.el('div', 'overview-group entity-group--' + t.cls);
      var h = UI.el('h4', 'entity-group__title');
      h.appendChild(UI.el('span', 'swatch'));
      h.appendChild(UI.el('span', null, t.name));
      group.appendChild(h);
      var ul = UI.el('ul', 'entity-list');
      ul.setAttribute('role', 'list');
      items.forEach(function (i) {
        var e = list[i];
        var li = UI.el('li');
        var b = UI.el('button', 'entity entity--' + t.cls);
        b.type = 'button';
        b.dataset.index = String(i);
        b.title = UI.count('mentions', e.mentions) + ' ' + UI.count('inDocs', e.documents) + ' — انقر لقصر النتائج عليه';
        b.appendChild(UI.dataLabel(e.canonical, 'entity__text'));
        if (e.label_en) b.appendChild(UI.entityLabel(e.label_en));
        b.appendChild(UI.el('span', 'entity__count', String(e.documents)));
        li.appendChild(b);
        ul.appendChild(li);
      });
      group.appendChild(ul);
      box.appendChild(group);
    });
  };

  Overview.prototype.drawMatrix = function () {
    var box = this.els.matrix;
    UI.clear(box);
    if (!this.data) return;
    var list = this.data.entities || [];
    var pairs = this.data.pairs || [];
    var bySentence = this.els.unit.value === 'sentences';
    var size = 0;
    pairs.forEach(function (p) { size = Math.max(size, p.a + 1, p.b + 1); });
    if (!pairs.length) { box.appendChild(UI.el('p', 'placeholder', 'لا كيانين يظهران معاً في هذه المستندات.')); return; }
    var cell = {};
    var max = 1;
    pairs.forEach(function (p) {
      var v = bySentence ? p.sentences : p.documents;
      cell[p.a + ',' + p.b] = cell[p.b + ',' + p.a] = p;
      max = Math.max(max, v);
    });
    var table = UI.el('table', 'matrix');
    var caption = UI.el('caption', 'visually-hidden', 'عدد ' + (bySentence ? 'الجمل' : 'المستندات') + ' التي يظهر فيها كل كيانين معاً');
    table.appendChild(caption);
    var head = UI.el('tr');
    head.appendChild(UI.el('th', 'matrix__corner'));
    for (var c = 0; c < size; c++) {
      var th = UI.el('th', 'matrix__col', String(c + 1));
      th.scope = 'col';
      th.title = UI.withoutBidiControls(list[c].canonical) + (list[c].type === 'NATIONALITY' ? ' (جنسية)' : '');
      head.appendChild(th);
    }
    var thead = UI.el('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    var body = UI.el('tbody');
    for (var r = 0; r < size; r++) {
      var tr = UI.el('tr');
      var rh = UI.el('th', 'matrix__row ent--' + UI.entityClass(list[r].type));
      rh.scope = 'row';
      rh.appendChild(UI.el('span', 'matrix__num', String(r + 1)));
      rh.appendChild(UI.el('span', 'swatch'));
      // A nationality's canonical form is its country: say which one this row is.
      var name = UI.el('span', 'matrix__name');
      name.appendChild(UI.dataLabel(list[r].canonical));
      if (list[r].type === 'NATIONALITY') name.appendChild(document.createTextNode(' (جنسية)'));
      rh.appendChild(name);
      tr.appendChild(rh);
      for (var k = 0; k < size; k++) {
        var td = UI.el('td', 'matrix__cell');
        var p = cell[r + ',' + k];
        var v = p ? (bySentence ? p.sentences : p.documents) : 0;
        if (r !== k && v > 0) {
          var b = UI.el('button', 'matrix__value', String(v));
          b.type = 'button';
          b.dataset.a = String(r);
          b.dataset.b = String(k);
          b.style.setProperty('--strength', String(Math.round(100 * v / max)) + '%');
          b.title = UI.withoutBidiControls(list[r].canonical) + ' و' + UI.withoutBidiControls(list[k].canonical) + ': ' +
            UI.count('inDocs', p.documents) + '، ' +
            UI.count('inSentences', p.sentences) + ' — انقر لعرض المستندات';
          b.setAttribute('aria-label', b.title);
          td.appendChild(b);
        } else if (r === k) {
          td.className += ' matrix__cell--self';
        }
        tr.appendChild(td);
      }
      body.appendChild(tr);
    }
    table.appendChild(body);
    box.appendChild(table);
  };

  // The dated mentions on a true time axis (ui/time-axis.js): a month is a month wide and a
  // year a year wide (drawn lighter, behind its months), and years without mentions are gaps.
  Overview.prototype.drawTimeline = function () {
    var box = this.els.timeline;
    UI.clear(this.els.timelineDocs);
    var periods = this.data.timeline || [];
    var self = this;
    var items = periods.map(function (p) {
      var start = UI.isoToTime(p.period);
      var month = p.period.length >= 7;
      var d = new Date(start);
      var end = month ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) : Date.UTC(d.getUTCFullYear() + 1, 0, 1);
      return { start: start, end: end, count: p.mentions, key: p.period, coarse: !month,
        title: UI.formatDate(start, month ? 'month' : 'year') + ': ' + UI.count('mentions', p.mentions) + ' ' + UI.count('inDocs', p.documents) };
    }).filter(function (it) { return Number.isFinite(it.start); });
    var chart = UI.drawTimeAxis(box, {
      label: 'التواريخ المذكورة في النصوص: عدد الإشارات لكل شهر أو سنة. اختر عموداً لعرض مستنداته.',
      items: items,
      onItem: function (item) { self.showPeriod(item.key); }
    });
    if (!chart) box.appendChild(UI.el('p', 'placeholder', 'لا تواريخ مذكورة في هذه المستندات.'));
  };

  Overview.prototype.showPeriod = function (period) {
    var list = this.els.timelineDocs;
    UI.clear(list);
    var p = (this.data.timeline || []).filter(function (x) { return x.period === period; })[0];
    if (!p) return;
    var head = UI.el('li', 'timeline-docs__head');
    var when = UI.el('bdi', null, period);
    when.setAttribute('dir', 'ltr');
    head.appendChild(document.createTextNode('مستندات تذكر '));
    head.appendChild(when);
    head.appendChild(document.createTextNode(':'));
    list.appendChild(head);
    var byId = this.byId;
    p.ids.forEach(function (id) {
      var li = UI.el('li');
      var doc = byId.get(String(id));
      var b = UI.el('button', 'link-button');
      b.appendChild(UI.dataLabel(doc ? UI.docTitle(doc) : id));
      b.type = 'button';
      b.dataset.id = String(id);
      li.appendChild(b);
      list.appendChild(li);
    });
  };

  UI.Overview = Overview;
})(window);
