/* Mirsad UI — entity panel (#entities) for the open document: mentions grouped by type (Arabic
 * type names, counts), each distinct entity with its text, English label and mention count. */
(function (global) {
  'use strict';

  var UI = global.MirsadUI = global.MirsadUI || {};

  var TYPES = UI.ENTITY_TYPES;

  function Entities(root, body, onPick) {
    this.root = root;
    this.body = body;
    this.onPick = onPick || function () {};
    var self = this;
    body.addEventListener('click', function (ev) {
      var btn = ev.target.closest && ev.target.closest('button.entity');
      if (!btn || !body.contains(btn)) return;
      var starts = btn.dataset.starts ? btn.dataset.starts.split(',').map(Number) : [];
      self.onPick(starts, { canonical: btn.dataset.canonical, type: btn.dataset.type, text: btn.dataset.text });
    });
  }

  /** Extract the entity list for document `id` from engine.entities(id)'s result. */
  Entities.listFor = function (result, id) {
    var docs = (result && result.documents) || [];
    for (var i = 0; i < docs.length; i++) {
      if (String(docs[i].id) === String(id)) return docs[i].entities || [];
    }
    return docs.length === 1 ? (docs[0].entities || []) : [];
  };

  /** Group mentions by type, then by canonical form (or surface text). */
  function group(list) {
    var byType = {};
    for (var i = 0; i < list.length; i++) {
      var en = list[i];
      var type = String(en.type || 'OTHER');
      var g = byType[type] || (byType[type] = { mentions: 0, entries: [], index: {} });
      g.mentions++;
      var key = (en.canonical || en.text || '') + '\u0000' + (en.label_en || '');
      var entry = g.index[key];
      if (!entry) {
        entry = g.index[key] = { text: en.text || en.canonical || '', canonical: en.canonical || '', label: en.label_en || '', forms: [], starts: [] };
        g.entries.push(entry);
      }
      if (en.text && entry.forms.indexOf(en.text) < 0) entry.forms.push(en.text);
      entry.starts.push(en.start);
    }
    return byType;
  }

  /** list: [{type, start, end, text, canonical, label_en}] of one document. */
  Entities.prototype.render = function (list) {
    var body = this.body;
    UI.clear(body);
    this.root.hidden = false;
    list = list || [];
    if (!list.length) {
      body.appendChild(UI.el('p', 'placeholder', 'لم يُعثر على كيانات في هذا المستند.'));
      return;
    }
    var byType = group(list);
    var order = TYPES.slice();
    Object.keys(byType).forEach(function (t) {
      if (!order.some(function (o) { return o.type === t; })) order.push({ type: t, name: t, cls: 'other' });
    });
    for (var i = 0; i < order.length; i++) {
      var info = order[i];
      var g = byType[info.type];
      if (!g) continue;
      var section = UI.el('section', 'entity-group entity-group--' + info.cls);
      section.dataset.type = info.type;
      var h = UI.el('h3', 'entity-group__title');
      h.appendChild(UI.el('span', 'swatch'));
      h.appendChild(UI.el('span', 'entity-group__name', info.name));
      var badge = UI.el('span', 'badge', String(g.mentions));
      badge.title = UI.count('mentions', g.mentions);
      h.appendChild(badge);
      section.appendChild(h);

      var ul = UI.el('ul', 'entity-list');
      ul.setAttribute('role', 'list');
      for (var j = 0; j < g.entries.length; j++) ul.appendChild(entryItem(g.entries[j], info));
      section.appendChild(ul);
      body.appendChild(section);
    }
  };

  function entryItem(entry, info) {
    var li = UI.el('li', 'entity-item');
    var btn = UI.el('button', 'entity entity--' + info.cls);
    btn.type = 'button';
    btn.dataset.type = info.type;
    btn.dataset.starts = entry.starts.join(',');
    btn.dataset.canonical = entry.canonical || entry.text;
    btn.dataset.text = entry.text;
    var tip = [];
    if (entry.canonical && entry.canonical !== entry.text) tip.push(entry.canonical);
    if (entry.forms.length > 1) tip.push(entry.forms.join('، '));
    if (tip.length) btn.title = UI.withoutBidiControls(tip.join(' — '));
    btn.appendChild(UI.dataLabel(entry.text, 'entity__text'));
    if (entry.label) btn.appendChild(UI.entityLabel(entry.label));
    if (entry.starts.length > 1) {
      var n = UI.el('span', 'entity__count', '×' + entry.starts.length);
      n.title = UI.count('mentions', entry.starts.length);
      btn.appendChild(n);
    }
    li.appendChild(btn);
    return li;
  }

  Entities.prototype.error = function (message) {
    UI.clear(this.body);
    this.root.hidden = false;
    this.body.appendChild(UI.el('p', 'error-inline', message));
  };

  Entities.prototype.hide = function () {
    UI.clear(this.body);
    this.root.hidden = true;
  };

  UI.Entities = Entities;
})(window);
