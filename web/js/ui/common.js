/* Mirsad UI — shared helpers (DOM building, highlighting by UTF-16 offsets, Arabic count phrases).
 * Classic script: registers everything on window.MirsadUI. No document text is ever parsed as HTML:
 * every piece of it goes into the page as a text node. No Arabic text processing happens here. */
(function (global) {
  'use strict';

  var UI = global.MirsadUI = global.MirsadUI || {};

  /** createElement + optional class + optional text content. */
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function toInt(v, fallback) {
    var n = Number(v);
    return Number.isFinite(n) ? Math.trunc(n) : fallback;
  }

  /**
   * Split `text` into text nodes and elements.
   * items: [{start, end, make: function (sliceText) -> Element}], offsets in UTF-16 code units
   * relative to `text`. Items are applied in start order; an item overlapping the previous one is
   * trimmed to start where the previous ended (so the output never nests or duplicates text).
   * Returns {fragment, elements, dropped} — `dropped` counts items that were empty/out of range.
   */
  function segment(text, items) {
    var frag = document.createDocumentFragment();
    var elements = [];
    var dropped = 0;
    var n = text.length;
    var pos = 0;
    var sorted = items.slice().sort(function (a, b) { return a.start - b.start || a.end - b.end; });
    for (var i = 0; i < sorted.length; i++) {
      var it = sorted[i];
      var s = Math.max(toInt(it.start, 0), pos, 0);
      var e = Math.min(toInt(it.end, 0), n);
      if (!(e > s)) { dropped++; continue; }
      if (s > pos) frag.appendChild(document.createTextNode(text.slice(pos, s)));
      var node = it.make(text.slice(s, e), it);
      frag.appendChild(node);
      elements.push(node);
      pos = e;
    }
    if (pos < n) frag.appendChild(document.createTextNode(text.slice(pos)));
    return { fragment: frag, elements: elements, dropped: dropped };
  }

  /** Highlight [[start,end],...] ranges (relative to `text`) with <mark class=className>. */
  function highlight(text, ranges, className) {
    var items = [];
    for (var i = 0; i < ranges.length; i++) {
      var r = ranges[i];
      if (!r) continue;
      items.push({ start: r[0], end: r[1], make: makeMark });
    }
    function makeMark(slice) {
      return el('mark', className, slice);
    }
    return segment(text, items);
  }

  /**
   * Ranges [[s,e],...] in document coordinates → ranges relative to the window [ws, we),
   * clipped to it; ranges outside the window are dropped.
   */
  function clipRanges(ranges, ws, we) {
    var out = [];
    for (var i = 0; i < ranges.length; i++) {
      var r = ranges[i];
      if (!r) continue;
      var s = Math.max(toInt(r[0], 0), ws);
      var e = Math.min(toInt(r[1], 0), we);
      if (e > s) out.push([s - ws, e - ws]);
    }
    return out;
  }

  /* ---- Document data inside the page's own text ----
   * An id, a title, a source, a file name or an entity name comes from the documents, and may
   * hold bidi controls: an override (U+202D, U+202E) reorders the page's words after it (a count,
   * the ✕ of a chip), and a pop (U+2069) closes the isolate around it early. So each such label
   * sits in an element of its own that isolates it and takes its direction from its own text,
   * and loses its bidi controls (invisible, they carry nothing a reader needs there). The
   * reader's full text stays exact: offsets point into it. */
  var BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

  /** `value` as a string without bidi controls (ALM, LRM, RLM, LRE…RLO, LRI…PDI). */
  function withoutBidiControls(value) {
    return value === undefined || value === null ? '' : String(value).replace(BIDI_CONTROLS, '');
  }

  /** The same text with each bidi control replaced by U+2060 (word joiner: invisible, no bidi
   *  effect), for document text shown beside the page's own words (snippets, keyword in context):
   *  one unit for one unit, so offsets into the text still hold. */
  function inertBidiControls(text) {
    return String(text).replace(BIDI_CONTROLS, '\u2060');
  }

  /** A piece of document data as a label: <bdi dir=auto> (isolated, its own direction), no
   *  bidi controls. */
  function dataLabel(value, className) {
    var node = el('bdi', className, withoutBidiControls(value));
    node.setAttribute('dir', 'auto');
    return node;
  }

  /** Appends "date · source" to `parent`, each a data label; returns whether there was any. */
  function appendDocMeta(parent, doc) {
    var parts = [];
    if (doc && doc.date) parts.push(dataLabel(doc.date, 'meta__date'));
    if (doc && doc.source) parts.push(dataLabel(doc.source, 'meta__source'));
    for (var i = 0; i < parts.length; i++) {
      if (i > 0) parent.appendChild(document.createTextNode(' · '));
      parent.appendChild(parts[i]);
    }
    return parts.length > 0;
  }

  /* ---- Arabic count phrases (UI wording only: grammatical number agreement with the count) ---- */
  var plural = null;
  try { plural = new Intl.PluralRules('ar'); } catch (e) { plural = null; }

  function category(n) {
    if (plural) return plural.select(n);
    if (n === 0) return 'zero';
    if (n === 1) return 'one';
    if (n === 2) return 'two';
    var m = n % 100;
    if (m >= 3 && m <= 10) return 'few';
    if (m >= 11 && m <= 99) return 'many';
    return 'other';
  }

  function phrase(n, forms) {
    var f = forms[category(n)] || forms.other;
    return f.replace('{n}', String(n));
  }

  var FORMS = {
    matches: { zero: 'لا تطابقات', one: 'تطابق واحد', two: 'تطابقان', few: '{n} تطابقات', many: '{n} تطابقاً', other: '{n} تطابق' },
    // after the preposition في (genitive)
    inDocs: { zero: 'في أيّ مستند', one: 'في مستند واحد', two: 'في مستندين', few: 'في {n} مستندات', many: 'في {n} مستنداً', other: 'في {n} مستند' },
    docs: { zero: 'لا مستندات', one: 'مستند واحد', two: 'مستندان', few: '{n} مستندات', many: '{n} مستنداً', other: '{n} مستند' },
    mentions: { zero: 'لا إشارات', one: 'إشارة واحدة', two: 'إشارتان', few: '{n} إشارات', many: '{n} إشارةً', other: '{n} إشارة' },
    inSentences: { zero: 'في أيّ جملة', one: 'في جملة واحدة', two: 'في جملتين', few: 'في {n} جمل', many: 'في {n} جملةً', other: 'في {n} جملة' },
    meetings: { zero: 'لا لقاءات', one: 'لقاء واحد', two: 'لقاءان', few: '{n} لقاءات', many: '{n} لقاءً', other: '{n} لقاء' },
    events: { zero: 'لا أحداث', one: 'حدث واحد', two: 'حدثان', few: '{n} أحداث', many: '{n} حدثاً', other: '{n} حدث' }
  };

  function count(kind, n) { return phrase(n, FORMS[kind]); }

  var UNTITLED = 'مستند بلا عنوان';

  /** Up to `max` first non-blank lines of `text` (trimmed, each cut to 600 UTF-16 units). */
  function firstLines(text, max) {
    text = text || '';
    var out = [];
    var pos = 0;
    while (pos < text.length && out.length < max) {
      var nl = text.indexOf('\n', pos);
      var end = nl < 0 ? text.length : nl;
      var line = text.slice(pos, end).trim();
      pos = end + 1;
      if (!line) continue;
      if (line.length > 600) {
        var cut = 600;
        var c = line.charCodeAt(cut - 1);
        if (c >= 0xD800 && c <= 0xDBFF) cut--; // don't split a surrogate pair
        line = line.slice(0, cut);
      }
      out.push(line);
    }
    return out;
  }

  /**
   * Title and excerpt for a list item: the document's title and its first line of text (skipping
   * a first line that just repeats the title); an untitled document shows its first line as the
   * title and its second line as the excerpt. Labels, so without bidi controls.
   */
  function listHeading(doc, text) {
    var lines = firstLines(text, 3).map(withoutBidiControls);
    var title = doc && doc.title ? withoutBidiControls(doc.title) : '';
    if (title) {
      if (lines.length && lines[0] === title.trim()) lines.shift();
      return { title: title, excerpt: lines[0] || '', untitled: false };
    }
    if (!lines.length) return { title: UNTITLED, excerpt: '', untitled: true };
    return { title: lines[0], excerpt: lines[1] || '', untitled: true };
  }

  /** The title as a label (no bidi controls), or the page's word for an untitled document. */
  function docTitle(doc) {
    var title = doc && doc.title ? withoutBidiControls(doc.title) : '';
    return title || UNTITLED;
  }

  /** A document's title with the query's matches in it marked (hit.title_matches, UTF-16 offsets
   *  into the title as stored: its bidi controls are made inert, one unit for one, not removed). */
  function titleWithMatches(doc, ranges) {
    if (!doc || !doc.title || !ranges || !ranges.length) return document.createTextNode(docTitle(doc));
    return highlight(inertBidiControls(doc.title), ranges, 'hit').fragment;
  }

  /** One delegated click handler for a list: a plain click on an item's link opens its document
   *  (modified clicks are left to the browser: new tab, etc.). */
  function onItemOpen(root, itemClass, open) {
    root.addEventListener('click', function (ev) {
      var link = ev.target.closest && ev.target.closest('a.item-link');
      if (!link || !root.contains(link) || isModifiedClick(ev)) return;
      ev.preventDefault();
      var item = link.closest('.' + itemClass);
      if (item) open(item.dataset.id);
    });
  }

  /** Marks the list item of document `id` (or none) as the open one, for sight and for ARIA. */
  function markActive(root, id) {
    var items = root.children;
    for (var i = 0; i < items.length; i++) {
      if (items[i].dataset.id === undefined) continue;  // a note, not a document ("… more")
      var on = id !== null && items[i].dataset.id === id;
      items[i].classList.toggle('is-active', on);
      var link = items[i].firstChild;
      if (on) link.setAttribute('aria-current', 'true'); else link.removeAttribute('aria-current');
    }
  }

  /** Should a click be left to the browser (new tab, etc.)? */
  function isModifiedClick(ev) {
    return ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey;
  }

  /** A link to a document's own page (its url: a record's url field, a site page's path), or
   *  null when it has none or it is not http(s) after resolving (javascript:, data: … are never
   *  made links). Opens in a new tab without giving that page a handle on this one. */
  function sourceLink(url, label) {
    if (!url) return null;
    var resolved;
    try { resolved = new URL(String(url), document.baseURI); } catch (e) { return null; }
    if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') return null;
    var a = el('a', 'source-link', label);
    a.href = resolved.href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    return a;
  }

  function docHref(id) {
    return '#doc=' + encodeURIComponent(String(id));
  }

  UI.el = el;
  UI.clear = clear;
  UI.segment = segment;
  UI.highlight = highlight;
  UI.clipRanges = clipRanges;
  UI.count = count;
  UI.docTitle = docTitle;
  UI.sourceLink = sourceLink;
  UI.titleWithMatches = titleWithMatches;
  UI.withoutBidiControls = withoutBidiControls;
  UI.inertBidiControls = inertBidiControls;
  UI.dataLabel = dataLabel;
  UI.appendDocMeta = appendDocMeta;

  // The entity types in display order, with their Arabic group names and CSS class suffixes
  // (ent--person …): one table for the entity panel, the overview, the legend and the reader.
  UI.ENTITY_TYPES = [
    { type: 'PERSON', name: 'أشخاص', cls: 'person' },
    { type: 'ORGANIZATION', name: 'هيئات ومنظمات', cls: 'organization' },
    { type: 'LOCATION', name: 'أماكن', cls: 'location' },
    { type: 'NATIONALITY', name: 'جنسيات', cls: 'nationality' },
    { type: 'DATE', name: 'تواريخ', cls: 'date' },
    { type: 'NUMBER', name: 'أعداد', cls: 'number' }
  ];
  var ENTITY_CLASS = {};
  UI.ENTITY_TYPES.forEach(function (t) { ENTITY_CLASS[t.type] = t.cls; });
  /** The CSS class suffix of an entity type ('other' for a type the page does not know). */
  UI.entityClass = function (type) { return ENTITY_CLASS[type] || 'other'; };
  /** An entity's English label (CLDR / gazetteer) inside Arabic text: isolated, left to right. */
  UI.entityLabel = function (text) {
    var label = el('bdi', 'entity__label', withoutBidiControls(text));
    label.setAttribute('dir', 'ltr');
    label.setAttribute('lang', 'en');
    return label;
  };
  UI.firstLines = firstLines;
  UI.listHeading = listHeading;
  UI.isModifiedClick = isModifiedClick;
  UI.onItemOpen = onItemOpen;
  UI.markActive = markActive;
  UI.docHref = docHref;
})(typeof window !== 'undefined' ? window : self);  // self: the widget's bundle also runs as its own worker
