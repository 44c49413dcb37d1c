/* Mirsad UI — the events view (#events): who met whom, who visited where, who attacked whom, who
 * agreed with whom, in the documents in scope. A network of who met whom (people and
 * organizations as nodes, meetings as edges with their counts; a click on an edge or a pair lists
 * those meetings), the events by day, and a table (who, with whom, where, when, the sentence with
 * the trigger and the participants marked; sortable by date; the same event reported by several
 * documents, the same type, parties and day, is one row that lists the others). The events come from the core
 * (engine.events, read by the worker); this file only draws them, and every word of a document
 * goes into the page as text. */
(function (global) {
  'use strict';

  var UI = global.MirsadUI = global.MirsadUI || {};
  var SVG = 'http://www.w3.org/2000/svg';

  UI.EVENT_TYPES = [
    { type: 'MEET', name: 'لقاءات' },
    { type: 'VISIT', name: 'زيارات' },
    { type: 'ATTACK', name: 'هجمات' },
    { type: 'AGREEMENT', name: 'اتفاقات' }
  ];
  var TYPE_NAME = { MEET: 'لقاء', VISIT: 'زيارة', ATTACK: 'هجوم', AGREEMENT: 'اتفاق' };
  var MODALITY_NAME = { asserted: '', planned: 'مخطَّط', negated: 'منفيّ', failed: 'فاشل' };
  var ROLE_NAME = { party: '', visitor: 'الزائر', host: 'المُضيف', attacker: 'المهاجم', target: 'المستهدَف' };
  var NETWORK_NODES = 16;  // the most connected people and organizations drawn
  var PAIRS_LISTED = 12;
  var ROWS_SHOWN = 150;    // table rows drawn before «المزيد»

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function number(n) { return Number(n).toLocaleString('en'); }

  /** The day an event is placed on: its own resolved date, else its document's. */
  function dayOf(row) {
    if (row.date && row.date.length === 10) return row.date;
    return (row.document_date || '').slice(0, 10);
  }

  function isNetworkParty(p) { return p.type === 'PERSON' || p.type === 'ORGANIZATION'; }

  /* A party as the core tells them apart: its key is shared by the spellings of one name
   * (عبد العزيز / عبدالعزيز, أشتون / اشتون; entities/entity_name_key.hpp). */
  function partyKey(p) { return p.key || p.canonical; }

  /** The same event reported by several documents: the same type, the same parties (as the core
   *  links them) and the same resolved day. Events without parties or without a day are never
   *  grouped: nothing says two of them are one. */
  function sameEventKey(row) {
    if (!row.participants.length || !row.date || row.date.length !== 10) return null;
    var names = [];
    row.participants.forEach(function (p) { if (names.indexOf(partyKey(p)) < 0) names.push(partyKey(p)); });
    return row.type + '\u0000' + names.sort().join('\u0001') + '\u0000' + row.date;
  }

  /** rows → [{row, others}], the first report of each event with the other documents' reports. */
  function groupReports(rows) {
    var byKey = new Map(), out = [];
    rows.forEach(function (r) {
      var key = sameEventKey(r);
      var group = key === null ? null : byKey.get(key);
      if (group && group.documents.indexOf(r.document) < 0) {
        group.others.push(r);
        group.documents.push(r.document);
        return;
      }
      if (group) return;  // told twice in one document: the core has merged what it could
      var item = { row: r, others: [], documents: [r.document] };
      if (key !== null) byKey.set(key, item);
      out.push(item);
    });
    return out;
  }
  UI.groupEventReports = groupReports;

  /**
   * els: {root, scope, type, group, network, pairs, pairNote, timeline, table, more, sortDate}
   * on: {open(id, offset), withParty(canonical)}
   */
  function EventsView(els, on) {
    this.els = els;
    this.on = on;
    this.rows = [];
    this.pair = null;       // [a, b]: the table lists the meetings of this pair only
    this.sortByDate = 0;    // 0: document order, 1: oldest first, -1: newest first
    this.shown = ROWS_SHOWN;
    var self = this;
    els.type.addEventListener('change', function () { self.typeFromQuery = false; self.pair = null; self.shown = ROWS_SHOWN; self.draw(); });
    els.group.addEventListener('change', function () { self.shown = ROWS_SHOWN; self.draw(); });
    els.sortDate.addEventListener('click', function () {
      self.sortByDate = self.sortByDate === -1 ? 1 : -1;
      self.drawTable();
    });
    els.more.addEventListener('click', function () { self.shown += ROWS_SHOWN; self.drawTable(); });
    els.pairs.addEventListener('click', function (ev) {
      var b = ev.target.closest && ev.target.closest('button[data-a]');
      if (b) self.choosePair(b.dataset.a, b.dataset.b);
    });
    els.network.addEventListener('click', function (ev) {
      var edge = ev.target.closest && ev.target.closest('[data-a]');
      if (edge) { self.choosePair(edge.getAttribute('data-a'), edge.getAttribute('data-b')); return; }
      var node = ev.target.closest && ev.target.closest('[data-node]');
      if (node) self.on.withParty(node.getAttribute('data-node'));
    });
    els.network.addEventListener('keydown', function (ev) {
      if (ev.key !== 'Enter' && ev.key !== ' ') return;
      var target = ev.target.closest && ev.target.closest('[data-a], [data-node]');
      if (!target) return;
      ev.preventDefault();
      target.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    });
    els.pairNote.addEventListener('click', function (ev) {
      if (ev.target.closest && ev.target.closest('button')) { self.pair = null; self.draw(); }
    });
    els.table.addEventListener('click', function (ev) {
      var b = ev.target.closest && ev.target.closest('button[data-doc]');
      if (b) self.on.open(b.dataset.doc, Number(b.dataset.offset));
    });
  }

  EventsView.prototype.isOpen = function () { return this.els.root.open; };

  /** The query's one event: type (or null): the view shows that type, as the query asked (a new
   *  user searched event:AGREEMENT and saw every type listed). A type the user chose stays
   *  until the query asks for another. */
  EventsView.prototype.followQuery = function (type) {
    var select = this.els.type;
    var listed = type && Array.prototype.some.call(select.options, function (o) { return o.value === type; });
    if (listed) {
      if (select.value !== type) { select.value = type; this.pair = null; this.shown = ROWS_SHOWN; }
      this.typeFromQuery = true;
    } else if (this.typeFromQuery) {
      select.value = '';
      this.typeFromQuery = false;
    }
  };
  EventsView.prototype.setScope = function (text) { this.els.scope.textContent = text; };

  /** rows: the worker's event rows (see worker-host.js exportEvents). */
  EventsView.prototype.render = function (rows, scopeText) {
    this.rows = rows;
    this.setScope(scopeText);
    this.draw();
  };

  EventsView.prototype.typed = function () {
    var type = this.els.type.value;
    return type ? this.rows.filter(function (r) { return r.type === type; }) : this.rows;
  };

  EventsView.prototype.draw = function () {
    this.drawNetwork();
    this.drawTimeline();
    this.drawTable();
  };

  EventsView.prototype.choosePair = function (a, b) {
    this.pair = [a, b];
    this.shown = ROWS_SHOWN;
    this.drawTable();
    this.els.table.scrollIntoView({ block: 'nearest' });
  };

  /* The meetings' network: who met whom, each edge the meetings of a pair. Nodes and edges are
   * parties' keys; each key is shown as its most frequent spelling (this.names). */
  EventsView.prototype.meetings = function () {
    var edges = new Map(), degree = new Map(), spellings = new Map();
    // With reports grouped, a meeting several documents report is counted once, as the table lists it.
    var meetings = this.els.group.checked ? groupReports(this.rows).map(function (item) { return item.row; }) : this.rows;
    meetings.forEach(function (r) {
      if (r.type !== 'MEET') return;
      var names = [];
      r.participants.forEach(function (p) {
        if (!isNetworkParty(p)) return;
        var key = partyKey(p);
        var spelled = spellings.get(key) || new Map();
        spelled.set(p.canonical, (spelled.get(p.canonical) || 0) + 1);
        spellings.set(key, spelled);
        if (names.indexOf(key) < 0) names.push(key);
      });
      for (var i = 0; i < names.length; i++) {
        for (var j = i + 1; j < names.length; j++) {
          var a = names[i] < names[j] ? names[i] : names[j], b = names[i] < names[j] ? names[j] : names[i];
          var key = a + '\u0000' + b;
          edges.set(key, (edges.get(key) || 0) + 1);
          degree.set(a, (degree.get(a) || 0) + 1);
          degree.set(b, (degree.get(b) || 0) + 1);
        }
      }
    });
    this.names = new Map();
    var self = this;
    spellings.forEach(function (spelled, key) {
      var best = null;
      spelled.forEach(function (n, name) { if (!best || n > spelled.get(best)) best = name; });
      self.names.set(key, best);
    });
    return { edges: edges, degree: degree };
  };

  /** The name a party's key is shown as. */
  EventsView.prototype.nameOf = function (key) { return (this.names && this.names.get(key)) || key; };

  EventsView.prototype.drawNetwork = function () {
    var net = this.meetings();
    var self = this;
    var box = this.els.network, pairs = this.els.pairs;
    UI.clear(box);
    UI.clear(pairs);
    var nodes = Array.from(net.degree.entries()).sort(function (x, y) { return y[1] - x[1] || (x[0] < y[0] ? -1 : 1); })
      .slice(0, NETWORK_NODES).map(function (e) { return e[0]; });
    // A node whose meetings are all with parties left out of the drawing would stand alone, and
    // an edge passing by would seem to join it: only nodes with an edge drawn are kept.
    var drawn = new Set(nodes), linked = new Set();
    net.edges.forEach(function (count, key) {
      var ab = key.split('\u0000');
      if (drawn.has(ab[0]) && drawn.has(ab[1])) { linked.add(ab[0]); linked.add(ab[1]); }
    });
    nodes = nodes.filter(function (n) { return linked.has(n); });
    if (!nodes.length) {
      box.appendChild(UI.el('p', 'events__empty', 'لا لقاءات بين أشخاص أو هيئات في هذا النطاق.'));
      return;
    }
    var W = 560, H = 380, cx = W / 2, cy = H / 2, r = Math.min(W, H) / 2 - 40;
    var at = new Map();
    nodes.forEach(function (name, i) {
      var angle = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
      var cos = Math.cos(angle), sin = Math.sin(angle);
      at.set(name, { x: cx + r * cos, y: cy + r * sin, cos: cos, sin: sin });
    });
    var root = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, class: 'events-network', role: 'group', 'aria-label': 'شبكة من التقى بمن' });
    var edgeList = [];
    net.edges.forEach(function (count, key) {
      var ab = key.split('\u0000');
      if (at.has(ab[0]) && at.has(ab[1])) edgeList.push({ a: ab[0], b: ab[1], count: count });
    });
    edgeList.sort(function (x, y) { return y.count - x.count; });
    var most = edgeList.length ? edgeList[0].count : 1;
    edgeList.forEach(function (e) {
      var p = at.get(e.a), q = at.get(e.b);
      var g = svg('g', { class: 'events-network__edge', 'data-a': e.a, 'data-b': e.b, tabindex: '0', role: 'button' });
      g.appendChild(svg('line', { x1: p.x, y1: p.y, x2: q.x, y2: q.y, 'stroke-width': 1.5 + 5 * (e.count / most) }));
      var title = svg('title');
      title.textContent = self.nameOf(e.a) + ' ↔ ' + self.nameOf(e.b) + ': ' + UI.count('meetings', e.count);
      g.appendChild(title);
      root.appendChild(g);
    });
    nodes.forEach(function (key) {
      var p = at.get(key);
      var name = self.nameOf(key);
      // with:"name" finds every spelling of it (the core compares keys).
      var g = svg('g', { class: 'events-network__node', 'data-node': name, tabindex: '0', role: 'button' });
      var radius = 5 + Math.min(9, net.degree.get(key));
      g.appendChild(svg('circle', { cx: p.x, cy: p.y, r: radius }));
      // The name outside the circle, away from the centre: to the left of a node on the left,
      // to the right of one on the right (geometric anchors: the text is set left to right
      // around its own right-to-left run), above or below at the top and bottom.
      var side = p.cos < -0.35 ? 'end' : p.cos > 0.35 ? 'start' : 'middle';
      var away = radius + 7;  // clear of the circle, however large
      var label = svg('text', { x: p.x + away * p.cos, y: p.y + away * p.sin + 4 + (side === 'middle' ? (p.sin < 0 ? -4 : 8) : 0),
        'text-anchor': side, direction: 'ltr' });
      label.textContent = name.length > 20 ? name.slice(0, 19) + '…' : name;
      g.appendChild(label);
      var title = svg('title');
      title.textContent = name + ' — انقر لعرض أحداثه فقط (with:)';
      g.appendChild(title);
      root.appendChild(g);
    });
    box.appendChild(root);
    edgeList.slice(0, PAIRS_LISTED).forEach(function (e) {
      var li = UI.el('li');
      var b = UI.el('button', 'events-pair', self.nameOf(e.a) + ' ↔ ' + self.nameOf(e.b) + ' (' + number(e.count) + ')');
      b.type = 'button';
      b.dataset.a = e.a;
      b.dataset.b = e.b;
      li.appendChild(b);
      pairs.appendChild(li);
    });
  };

  /* Events by day: a column per day between the first and the last (by month past 120 days). */
  EventsView.prototype.drawTimeline = function () {
    var box = this.els.timeline;
    UI.clear(box);
    var counts = new Map();
    this.typed().forEach(function (r) {
      var day = dayOf(r);
      if (/^\d{4}-\d\d-\d\d$/.test(day)) counts.set(day, (counts.get(day) || 0) + 1);
    });
    if (!counts.size) {
      box.appendChild(UI.el('p', 'events__empty', 'لا أحداث مؤرَّخة.'));
      return;
    }
    var days = Array.from(counts.keys()).sort();
    var first = Date.parse(days[0]), last = Date.parse(days[days.length - 1]);
    var byMonth = (last - first) / 86400000 > 120;
    var buckets = new Map();
    days.forEach(function (d) {
      var k = byMonth ? d.slice(0, 7) : d;
      buckets.set(k, (buckets.get(k) || 0) + counts.get(d));
    });
    var keys = Array.from(buckets.keys()).sort();
    var most = Math.max.apply(null, Array.from(buckets.values()));
    var W = 460, H = 110, bar = Math.max(2, Math.min(24, (W - 20) / keys.length - 2));
    var root = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, class: 'events-timeline', role: 'img',
      'aria-label': 'الأحداث حسب ' + (byMonth ? 'الشهر' : 'اليوم') + ' من ' + keys[0] + ' إلى ' + keys[keys.length - 1] });
    keys.forEach(function (k, i) {
      var h = Math.max(2, ((H - 30) * buckets.get(k)) / most);
      // Time runs right to left, as the page's Arabic reads.
      var x = W - 10 - (i + 1) * (bar + 2);
      var rect = svg('rect', { x: x, y: H - 20 - h, width: bar, height: h });
      var title = svg('title');
      title.textContent = k + ': ' + number(buckets.get(k));
      rect.appendChild(title);
      root.appendChild(rect);
    });
    // The first day under the rightmost bar, the last under the leftmost (geometric anchors, so
    // a label never runs off the drawing).
    var ends = keys.length > 1 ? [[0, keys[0]], [keys.length - 1, keys[keys.length - 1]]] : [[0, keys[0]]];
    ends.forEach(function (pair) {
      var right = W - 10 - pair[0] * (bar + 2);
      var t = svg('text', { x: pair[0] ? right - bar : right, y: H - 5, 'text-anchor': pair[0] ? 'start' : 'end', direction: 'ltr' });
      t.textContent = pair[1];
      root.appendChild(t);
    });
    box.appendChild(root);
  };

  /* The sentence with the trigger and the participants marked, as text nodes and <mark>s. */
  function sentenceNode(row) {
    var out = UI.el('span', 'events-sentence');
    var base = row.sentence_start, text = row.sentence;
    var marks = [{ start: row.trigger_start, end: row.trigger_end, cls: 'event-trigger' }];
    (row.mentions || []).forEach(function (m) { marks.push({ start: m[0], end: m[1], cls: 'event-trigger' }); });
    row.participants.forEach(function (p) { marks.push({ start: p.start, end: p.end, cls: 'ent--' + UI.entityClass(p.type) }); });
    marks = marks.filter(function (m) { return m.start >= base && m.end <= base + text.length; })
      .sort(function (a, b) { return a.start - b.start; });
    var at = 0;
    marks.forEach(function (m) {
      var s = m.start - base, e = m.end - base;
      if (s < at) return;  // overlapping marks: the first one stands
      out.appendChild(document.createTextNode(text.slice(at, s)));
      out.appendChild(UI.el('mark', m.cls, text.slice(s, e)));
      at = e;
    });
    out.appendChild(document.createTextNode(text.slice(at)));
    return out;
  }

  function partyList(row, roles) {
    var cell = UI.el('td');
    row.participants.filter(function (p) { return roles.indexOf(p.role) >= 0; }).forEach(function (p, i) {
      if (i) cell.appendChild(document.createTextNode('، '));
      var name = UI.el('span', 'ent ent--' + UI.entityClass(p.type), p.canonical);
      if (p.resolved) name.title = 'في النص: ' + p.text;
      cell.appendChild(name);
      if (ROLE_NAME[p.role]) cell.appendChild(UI.el('small', 'events-role', ' (' + ROLE_NAME[p.role] + ')'));
    });
    return cell;
  }

  EventsView.prototype.drawTable = function () {
    var rows = this.typed();
    var pair = this.pair;
    if (pair) {
      rows = this.rows.filter(function (r) {
        if (r.type !== 'MEET') return false;
        var keys = r.participants.map(partyKey);
        return keys.indexOf(pair[0]) >= 0 && keys.indexOf(pair[1]) >= 0;
      });
    }
    if (this.sortByDate) {
      var dir = this.sortByDate;
      rows = rows.slice().sort(function (a, b) {
        var x = dayOf(a), y = dayOf(b);
        if (!x !== !y) return x ? -1 : 1;  // undated last either way
        return x < y ? -dir : x > y ? dir : 0;
      });
    }
    this.els.sortDate.textContent = 'متى' + (this.sortByDate === 1 ? ' ▲' : this.sortByDate === -1 ? ' ▼' : '');
    this.els.sortDate.setAttribute('aria-sort', this.sortByDate === 1 ? 'ascending' : this.sortByDate === -1 ? 'descending' : 'none');
    var body = this.els.table;
    UI.clear(body);
    var items = this.els.group.checked ? groupReports(rows) : rows.map(function (r) { return { row: r, others: [] }; });
    UI.clear(this.els.pairNote);
    if (pair) {
      // As many as the table lists, and as the network's edge says (one event reported twice is one).
      this.els.pairNote.appendChild(document.createTextNode('لقاءات ' + this.nameOf(pair[0]) + ' و' + this.nameOf(pair[1]) + ' (' + number(items.length) + ') '));
      var clear = UI.el('button', 'events-pair-clear', 'عرض كل الأحداث');
      clear.type = 'button';
      this.els.pairNote.appendChild(clear);
    }
    items.slice(0, this.shown).forEach(function (item) {
      var r = item.row;
      var tr = UI.el('tr', 'events-row events-row--' + r.type.toLowerCase());
      var kind = UI.el('td', 'events-type', TYPE_NAME[r.type] || r.type);
      if (MODALITY_NAME[r.modality]) kind.appendChild(UI.el('small', 'events-modality', ' ' + MODALITY_NAME[r.modality]));
      tr.appendChild(kind);
      var first = r.type === 'VISIT' ? ['visitor'] : r.type === 'ATTACK' ? ['attacker'] : ['party'];
      var second = r.type === 'VISIT' ? ['host'] : r.type === 'ATTACK' ? ['target'] : [];
      if (second.length) {
        tr.appendChild(partyList(r, first));
        tr.appendChild(partyList(r, second));
      } else {
        var parties = r.participants.filter(function (p) { return p.role === 'party'; });
        var lead = { participants: parties.slice(0, 1) }, rest = { participants: parties.slice(1) };
        tr.appendChild(partyList(lead, first));
        tr.appendChild(partyList(rest, first));
      }
      tr.appendChild(UI.el('td', null, r.place));
      var when = UI.el('td', 'events-date', r.date || '');
      if (r.date_text) when.title = 'في النص: ' + r.date_text;
      tr.appendChild(when);
      var cell = UI.el('td');
      var open = UI.el('button', 'events-open');
      open.type = 'button';
      open.dataset.doc = r.document;
      open.dataset.offset = String(r.trigger_start);
      open.title = 'فتح المستند ' + r.document + ' عند الجملة';
      open.appendChild(sentenceNode(r));
      cell.appendChild(open);
      if (item.others.length) {
        // The same event in other documents: each opens at its own sentence.
        var more = UI.el('details', 'events-reports');
        more.appendChild(UI.el('summary', null, 'يرد أيضاً ' + UI.count('inDocs', item.others.length)));
        item.others.forEach(function (o) {
          var b = UI.el('button', 'events-report', o.document + (o.document_date ? ' · ' + o.document_date : ''));
          b.type = 'button';
          b.dataset.doc = o.document;
          b.dataset.offset = String(o.trigger_start);
          b.title = o.sentence;
          more.appendChild(b);
        });
        cell.appendChild(more);
        tr.classList.add('events-row--reported');
        tr.dataset.reports = String(item.others.length + 1);
      }
      tr.appendChild(cell);
      body.appendChild(tr);
    });
    if (!items.length) {
      var tr = UI.el('tr');
      var td = UI.el('td', 'events__empty', 'لا أحداث من هذا النوع في هذا النطاق.');
      td.colSpan = 6;
      tr.appendChild(td);
      body.appendChild(tr);
    }
    this.els.more.hidden = items.length <= this.shown;
    // The rows not shown yet (a row is one event, or one reported by several documents when grouped).
    this.els.more.textContent = 'عرض ' + number(Math.min(ROWS_SHOWN, items.length - this.shown)) + ' أخرى من ' +
      number(items.length - this.shown) + ' صفاً لم تُعرض بعد';
  };

  UI.EventsView = EventsView;
})(window);
