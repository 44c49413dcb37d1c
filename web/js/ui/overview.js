/* Mirsad UI — the entity overview (#overview) of the documents in scope (the current results, or
 * the collection): the entities most present with their document counts, a co-occurrence matrix
 * of twelve chosen by the core (together in the same documents or the same sentences), and a timeline of
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
    els.matrix.addEventListener('keydown', function (ev) { self.onMatrixKey(ev); });
    els.matrix.addEventListener('focusin', function (ev) {
      var cell = ev.target.closest && ev.target.closest('[data-row]');
      if (cell) self.visitCell(Number(cell.dataset.row), Number(cell.dataset.col), false);
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

  /** While a new overview is read, the numbers shown are the last ones: say so. */
  Overview.prototype.setScope = function (scopeText) { this.els.scope.textContent = scopeText; };

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

  function entityName(e) { return UI.withoutBidiControls(e.canonical) + (e.type === 'NATIONALITY' ? ' (جنسية)' : ''); }

  /*
   * The matrix is one tab stop (a grid with a roving tabindex): Tab enters it at the cell last
   * visited, the arrow keys move between cells (left and right as the page reads, right to left),
   * Home and End go to the row's first and last cell (with Ctrl, the grid's), and Enter or Space
   * on a cell with a count restricts the results to the documents that mention both. The panel is
   * redrawn as the overview fills in: the cell visited, and the focus, are kept.
   */
  Overview.prototype.drawMatrix = function () {
    var box = this.els.matrix;
    var hadFocus = box.contains(document.activeElement);
    UI.clear(box);
    if (!this.data) return;
    var list = this.data.entities || [];
    var pairs = this.data.pairs || [];
    var rows = this.data.matrix || [];  // the core's choice of rows: indexes into entities
    var size = rows.length;
    var bySentence = this.els.unit.value === 'sentences';
    if (!pairs.length) { box.appendChild(UI.el('p', 'placeholder', 'لا كيانين يظهران معاً في هذه المستندات.')); return; }
    var cell = {};
    var max = 1;
    pairs.forEach(function (p) {
      var v = bySentence ? p.sentences : p.documents;
      cell[p.a + ',' + p.b] = cell[p.b + ',' + p.a] = p;
      max = Math.max(max, v);
    });
    var table = UI.el('table', 'matrix');
    table.setAttribute('role', 'grid');
    table.setAttribute('aria-label', 'كيانان يظهران معاً: عدد ' + (bySentence ? 'الجمل' : 'المستندات') +
      ' التي يظهر فيها كل كيانين معاً؛ تنقّل بالأسهم، وEnter يقصر النتائج عليهما');
    var head = UI.el('tr');
    head.appendChild(UI.el('th', 'matrix__corner'));
    for (var c = 0; c < size; c++) {
      var th = UI.el('th', 'matrix__col', String(c + 1));
      th.scope = 'col';
      th.title = entityName(list[rows[c]]);
      th.setAttribute('aria-label', th.title);
      head.appendChild(th);
    }
    var thead = UI.el('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    var body = UI.el('tbody');
    this.cells = [];
    for (var r = 0; r < size; r++) {
      var a = list[rows[r]];
      var tr = UI.el('tr');
      var rh = UI.el('th', 'matrix__row ent--' + UI.entityClass(a.type));
      rh.scope = 'row';
      rh.appendChild(UI.el('span', 'matrix__num', String(r + 1)));
      rh.appendChild(UI.el('span', 'swatch'));
      // A nationality's canonical form is its country: say which one this row is.
      var name = UI.el('span', 'matrix__name');
      name.appendChild(UI.dataLabel(a.canonical));
      if (a.type === 'NATIONALITY') name.appendChild(document.createTextNode(' (جنسية)'));
      rh.appendChild(name);
      tr.appendChild(rh);
      var line = [];
      for (var k = 0; k < size; k++) {
        var b = list[rows[k]];
        var td = UI.el('td', 'matrix__cell');
        td.setAttribute('role', 'gridcell');
        var p = cell[rows[r] + ',' + rows[k]];
        var v = p ? (bySentence ? p.sentences : p.documents) : 0;
        var target = td;
        if (r !== k && v > 0) {
          var button = UI.el('button', 'matrix__value', String(v));
          button.type = 'button';
          button.dataset.a = String(rows[r]);
          button.dataset.b = String(rows[k]);
          button.style.setProperty('--strength', String(Math.round(100 * v / max)) + '%');
          button.title = entityName(a) + ' و' + entityName(b) + ': ' + UI.count('inDocs', p.documents) + '، ' +
            UI.count('inSentences', p.sentences) + ' — انقر لعرض المستندات';
          button.setAttribute('aria-label', button.title);
          td.appendChild(button);
          target = button;
        } else {
          if (r === k) td.className += ' matrix__cell--self';
          td.setAttribute('aria-label', r === k ? entityName(a) : entityName(a) + ' و' + entityName(b) + ': لا يظهران معاً');
        }
        target.tabIndex = -1;
        target.dataset.row = String(r);
        target.dataset.col = String(k);
        line.push(target);
        tr.appendChild(td);
      }
      this.cells.push(line);
      body.appendChild(tr);
    }
    table.appendChild(body);
    box.appendChild(table);
    var at = this.matrixAt && this.matrixAt.row < size && this.matrixAt.col < size ? this.matrixAt : firstValued(this.cells);
    this.visitCell(at.row, at.col, hadFocus);
  };

  // The first cell with a count (where Tab enters the matrix the first time).
  function firstValued(cells) {
    for (var r = 0; r < cells.length; r++) {
      for (var k = 0; k < cells[r].length; k++) if (cells[r][k].tagName === 'BUTTON') return { row: r, col: k };
    }
    return { row: 0, col: 0 };
  }

  /** Makes (row, col) the matrix's tab stop; focus: move the focus there too. */
  Overview.prototype.visitCell = function (row, col, focus) {
    var cells = this.cells || [];
    if (!cells.length) return;
    row = Math.max(0, Math.min(cells.length - 1, row));
    col = Math.max(0, Math.min(cells.length - 1, col));
    cells.forEach(function (line) { line.forEach(function (el) { el.tabIndex = -1; }); });
    this.matrixAt = { row: row, col: col };
    cells[row][col].tabIndex = 0;
    if (focus) cells[row][col].focus();
  };

  Overview.prototype.onMatrixKey = function (ev) {
    var el = ev.target.closest && ev.target.closest('[data-row]');
    if (!el || !this.cells) return;
    var row = Number(el.dataset.row), col = Number(el.dataset.col);
    var last = this.cells.length - 1;
    // In a right-to-left page the next column is to the left.
    var rtl = global.getComputedStyle ? global.getComputedStyle(this.els.matrix).direction !== 'ltr' : true;
    switch (ev.key) {
      case 'ArrowUp': row -= 1; break;
      case 'ArrowDown': row += 1; break;
      case 'ArrowLeft': col += rtl ? 1 : -1; break;
      case 'ArrowRight': col += rtl ? -1 : 1; break;
      case 'Home': col = 0; if (ev.ctrlKey) row = 0; break;
      case 'End': col = last; if (ev.ctrlKey) row = last; break;
      default: return;
    }
    ev.preventDefault();
    this.visitCell(row, col, true);
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
