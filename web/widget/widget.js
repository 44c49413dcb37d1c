/* <mirsad-search>: Mirsad as a custom element any page can embed with one <script>.
 *
 *   <script src="mirsad-widget.js"></script>
 *   <script type="application/json" id="my-news">[{"id": "1", "title": "…", "text": "…"}]</script>
 *   <mirsad-search corpus="#my-news" level="word" height="420px" theme="auto"></mirsad-search>
 *
 * The host must write inline JSON with every "<" escaped as \u003c: the browser ends the script
 * element at the first "</script>" in the data, which would then run as the host page's HTML.
 *
 * Attributes: corpus ("#id" of an inline JSON script element, "bundled" for window.MIRSAD_CORPUS,
 * or a URL of a JSON or JSONL file: http(s) only, pages opened from file:// cannot fetch; the format
 * comes from the response's content type, the URL's path or the bytes), or instead index (the URL
 * of a folder written by `mirsad index --static`: only the files each query needs are fetched, so
 * an archive of any size is searched without downloading it; the host's CSP then needs
 * connect-src for that folder's origin), level
 * (exact | normalized | word | stem), height (any CSS length), theme (light | dark | auto).
 * Events, dispatched on the element (bubbling, composed): "mirsad-search" {query, level, total},
 * "mirsad-open" {id}, "mirsad-entity" {type, text, canonical, label_en}.
 *
 * Everything is inside a Shadow DOM with its own adopted style sheet: the host page's CSS cannot
 * reach in and this one cannot leak out. Every instance shares the page's one wasm module
 * (Mirsad.create caches it). Document text only ever enters the page as text nodes. No eval, no
 * inline script or style: it runs under script-src 'self' 'wasm-unsafe-eval' and style-src 'self'.
 * What the core refused while loading (a bad record, a trailing comma, a non-array…) is listed
 * under the count, with its file and line.
 * This file is bundled after mirsad-core.js, js/mirsad.js, js/ui/common.js, js/ui/counts.js and js/ui/load-notes.js into
 * build/web/mirsad-widget.js. */
(function (global) {
  'use strict';

  // The same bundle is the widget's worker (see worker-host.js): no element there.
  if (typeof global.document === 'undefined') return;
  var UI = global.MirsadUI;
  // Where this script lives, for the font files next to it (captured while it runs).
  var SCRIPT = global.document.currentScript;
  var SCRIPT_URL = SCRIPT && SCRIPT.src ? SCRIPT.src : '';
  // data-font-base: where fonts/ is, relative to this script (the page loads widget/widget.js
  // and keeps its fonts one level up); by default beside it, as in the bundles.
  var BASE = SCRIPT_URL && SCRIPT.getAttribute('data-font-base')
    ? new URL(SCRIPT.getAttribute('data-font-base'), SCRIPT_URL).href : SCRIPT_URL.replace(/[^/]*$/, '');

  var CSS = [
    ':host { all: initial; display: block; contain: content; font-family: "Noto Naskh Arabic", "Noto Serif", serif;',
    '  --bg: #fbfaf7; --surface: #ffffff; --text: #1f1d19; --muted: #655f55; --border: #ddd7cb; --accent: #0d5c58;',
    '  --accent-text: #fff; --mark: #ffe170; --focus: #1a66d2; color: var(--text); }',
    ':host([data-theme="dark"]) { --bg: #16181b; --surface: #1d2024; --text: #e8e4dc; --muted: #a39e94; --border: #33373d;',
    '  --accent: #5fc4bb; --accent-text: #0d1a19; --mark: #8a6d00; --focus: #7fb0ff; }',
    // all: initial — inherited properties the host sets on <mirsad-search> (colour, size, direction,
    // spacing) stop here; the widget sets its own.
    '.box { all: initial; box-sizing: border-box; direction: rtl; text-align: right; height: var(--height, 420px); display: flex;',
    '  flex-direction: column; font-family: "Noto Naskh Arabic", "Noto Serif", serif; color: var(--text);',
    '  background: var(--bg); border: 1px solid var(--border); border-radius: 10px; overflow: hidden; font-size: 16px; line-height: 1.7; }',
    '.bar { display: flex; gap: 6px; align-items: center; padding: 8px; border-bottom: 1px solid var(--border); background: var(--surface); }',
    'input, select, button { font: inherit; color: inherit; }',
    'input { flex: 1; min-width: 0; padding: 4px 10px; border: 1px solid var(--border); border-radius: 8px; background: var(--bg); }',
    'select { padding: 4px; border: 1px solid var(--border); border-radius: 8px; background: var(--bg); }',
    'input:focus-visible, select:focus-visible, button:focus-visible { outline: 3px solid var(--focus); outline-offset: 1px; }',
    '.count { padding: 2px 10px; font-size: 13px; color: var(--muted); }',
    '.body { flex: 1; overflow: auto; padding: 0 8px 8px; }',
    'ol { list-style: none; margin: 0; padding: 0; }',
    '.hit { display: block; width: 100%; text-align: right; background: none; border: 0; border-bottom: 1px solid var(--border); padding: 6px 2px; cursor: pointer; }',
    '.hit:hover { background: var(--surface); }',
    '.title { display: block; font-weight: 700; font-size: 15px; }',
    '.snippet { display: block; font-size: 14px; color: var(--muted); }',
    'mark { background: var(--mark); color: inherit; border-radius: 2px; }',
    '.reader h3 { margin: 6px 0; font-size: 17px; }',
    '.source-link { display: inline-block; margin: 0 0 8px; color: var(--accent); }',
    '.reader p { white-space: pre-wrap; margin: 0; font-size: 15px; }',
    '.more { display: block; margin: 8px auto 0; background: var(--surface); border: 1px solid var(--border); border-radius: 999px;',
    '  padding: 2px 14px; cursor: pointer; font-size: 14px; }',
    '.back { background: none; border: 1px solid var(--border); border-radius: 999px; padding: 0 10px; cursor: pointer; margin-top: 6px; }',
    '.entities { display: flex; flex-wrap: wrap; gap: 4px; margin: 6px 0; padding: 0; list-style: none; }',
    '.entity { border: 1px solid var(--border); border-inline-start: 3px solid var(--accent); border-radius: 6px; background: var(--surface);',
    '  padding: 0 8px; font-size: 13px; cursor: pointer; }',
    '.error { color: #b3261e; padding: 8px; }',
    '.facets { padding: 0 10px 4px; font-size: 13px; border-bottom: 1px solid var(--border); }',
    '.facets-toggle { background: none; border: 0; padding: 0; color: var(--accent); cursor: pointer; font-size: 13px; text-decoration: underline; }',
    '.facet-row { display: flex; flex-wrap: wrap; gap: 4px; align-items: baseline; margin-top: 3px; }',
    '.facet-type { color: var(--muted); }',
    '.facet { border: 1px solid var(--border); border-radius: 999px; background: var(--surface); padding: 0 8px; cursor: pointer; font-size: 13px; }',
    '.facet .n { color: var(--muted); margin-inline-start: 4px; }',
    '.notes { margin: 0; padding: 2px 10px 4px; list-style: none; max-height: 30%; overflow: auto; font-size: 13px;',
    '  color: #b3261e; border-bottom: 1px solid var(--border); }',
    ':host([data-theme="dark"]) .notes { color: #ffb4ab; }',
    '.notes .detail { color: var(--muted); }',
    '[hidden] { display: none !important; }'
  ].join('\n');

  var LEVELS = [['exact', 'حرفي'], ['normalized', 'إملائي'], ['word', 'كلمة'], ['stem', 'جذر خفيف']];
  var PAGE = 50;  // hits listed at a time
  var STATIC_PAGE = 10;  // from a static index: each hit shown is a fragment fetched
  var SETTLE_MS = 700;  // a pause in typing after which the query is searched as written
  var INLINE_EXTRACTIONS = 4;  // entity:/event:/with: candidates extracted at once; more are read in slices
  var MAX_NOTES = 20;  // load notes listed (then "and N more")
  var sheet = null;  // one constructed style sheet, adopted by every instance
  var fontsAdded = false;

  function styleSheet() {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    return sheet;
  }

  // @font-face does not apply inside a shadow root: the faces are added to the document, from the
  // files next to this script (font-src 'self' on the host is enough).
  function addFonts() {
    if (fontsAdded || !global.FontFace || !BASE) return;
    fontsAdded = true;
    [['400', 'normal'], ['700', 'bold']].forEach(function (w) {
      var face = new FontFace('Noto Naskh Arabic', 'url(' + BASE + 'fonts/noto-naskh-arabic-arabic-' + w[0] + '-normal.woff2)',
        { weight: w[0], unicodeRange: 'U+0600-06FF, U+0750-077F, U+08A0-08FF, U+FB50-FDFF, U+FE70-FEFF, U+200C-200E' });
      global.document.fonts.add(face);
      face.load().catch(function () { /* the fallback serif is fine */ });
    });
  }

  var JSONL_TYPES = /^application\/(x-)?(ndjson|jsonl|jsonlines|json-seq)$/;
  var JSON_TYPES = /^application\/([a-z.+-]*\+)?json$/;
  var CSV_TYPES = /^(text|application)\/(csv|x-csv|tab-separated-values)$/;

  /* The corpus file's name for the core, whose loaders go by its extension: from the response's
   * content type, else the URL's last path segment (without ?query or #hash), else the bytes
   * themselves, so `news.json?v=2`, `/api/news` and a .jsonl served as text/plain all load.
   * An HTML page (a login or error page served at the corpus URL) is refused with a reason. */
  function corpusName(url, type, bytes) {
    var i = 0;
    if (bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF) i = 3;
    while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0A || bytes[i] === 0x0D)) i++;
    var first = bytes[i];
    if (type === 'text/html' || type === 'application/xhtml+xml' || first === 0x3C /* < */) {
      throw new Error('العنوان ' + url + ' أعاد صفحة HTML لا ملف أخبار (JSON أو JSONL أو CSV)');
    }
    var segment = '';
    try { segment = decodeURIComponent(new URL(url, global.document.baseURI).pathname.split('/').pop()); } catch (e) { segment = ''; }
    var named = /\.(json|jsonl|txt|csv)$/i.exec(segment);
    var ext = JSONL_TYPES.test(type) ? '.jsonl' : JSON_TYPES.test(type) ? '.json' : CSV_TYPES.test(type) ? '.csv'
      : named ? named[0].toLowerCase() : sniff(bytes, i);
    return ((named ? segment.slice(0, -named[0].length) : segment) || 'corpus') + ext;
  }

  /* '[' → a JSON array; '{' on several lines that each open an object → JSONL, else one JSON
   * object; anything else → plain text (one document). */
  function sniff(bytes, start) {
    if (bytes[start] === 0x5B) return '.json';
    if (bytes[start] !== 0x7B) return '.txt';
    var objects = 0;
    var lineStart = true;
    for (var i = start; i < bytes.length && objects < 2; i++) {
      var b = bytes[i];
      if (b === 0x0A) { lineStart = true; continue; }
      if (lineStart && b !== 0x20 && b !== 0x09 && b !== 0x0D) {
        if (b !== 0x7B) return '.json';
        objects++;
        lineStart = false;
      }
    }
    return objects >= 2 ? '.jsonl' : '.json';
  }

  /* A corpus file is analysed in a worker running this same script (same origin, so a host page
   * whose CSP allows scripts from 'self' only allows it too), and its index comes back to load in
   * slices of ~25 ms: analysing 122 MB on the host page's thread froze it for 24 s. Without a
   * worker (no script URL, or refused) the worker's code runs here, as before. */
  function indexInWorker(engine, corpus) {
    var Host = global.MirsadWorkerHost && global.MirsadWorkerHost.WorkerHost;
    // From file:// a worker cannot be made from a file URL, and the worker's code on this thread
    // would only add a second wasm instance: then the corpus is analysed here, as it always was.
    if (!Host || !/^https?:/.test(SCRIPT_URL)) {
      return { engine: engine, corpus: corpus, report: engine.loadFile(corpus.name, corpus.bytes), list: null };
    }
    var host = new Host({ scriptUrl: SCRIPT_URL });
    return host.run({ type: 'load', bundledIndex: null, bundledDocuments: null, seed: null,
      files: [{ name: corpus.name, bytes: corpus.bytes }], memoryBudget: null }, null).then(function (done) {
      host.stop();  // its copy of the collection is not needed: the widget searches its own
      return engine.loadIndexInSlices(done.index, { sliceMs: 25 }).then(function (r) {
        if (r.error) throw new Error(r.error);
        return engine.documentsInSlices();  // the list a page at a time: no long task for a large corpus
      }).then(function (list) {
        var file = (done.reports || [])[0] || { added: 0, errors: [], warnings: [] };
        return { engine: engine, corpus: corpus, list: list,
          report: { added: file.added, errors: file.errors || [], warnings: file.warnings || [] } };
      });
    }, function (err) {
      host.stop();
      throw err;
    });
  }

  function readCorpus(spec) {
    if (!spec || spec === 'bundled') {
      return Promise.resolve(Array.isArray(global.MIRSAD_CORPUS) ? global.MIRSAD_CORPUS : []);
    }
    if (spec.charAt(0) === '#') {
      var el = global.document.getElementById(spec.slice(1));
      if (!el) return Promise.reject(new Error('no element ' + spec + ' for the corpus'));
      var jsonl = JSONL_TYPES.test(String(el.getAttribute('type') || '').toLowerCase());
      return Promise.resolve({ name: spec.slice(1) + (jsonl ? '.jsonl' : '.json'), bytes: new TextEncoder().encode(el.textContent) });
    }
    return fetch(spec).then(function (r) {
      if (!r.ok) throw new Error('corpus ' + spec + ': HTTP ' + r.status);
      var type = String(r.headers.get('content-type') || '').split(';')[0].trim().toLowerCase();
      return r.arrayBuffer().then(function (b) {
        var bytes = new Uint8Array(b);
        return { name: corpusName(spec, type, bytes), bytes: bytes };
      });
    });
  }

  class MirsadSearch extends HTMLElement {
    static get observedAttributes() { return ['height', 'theme', 'level']; }

    constructor() {
      super();
      var root = this.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = [styleSheet()];
      this.engine = null;
      this.staticIndex = null;  // with index="…": the archive, searched a few files at a time
      this.texts = new Map();
      this.searches = 0;  // a static search answers later: only the newest one is shown
      this.build(root);
    }

    build(root) {
      var box = UI.el('div', 'box');
      box.setAttribute('part', 'box');
      var bar = UI.el('div', 'bar');
      this.input = UI.el('input');
      this.input.type = 'search';
      this.input.placeholder = 'ابحث…';
      this.input.setAttribute('aria-label', 'ابحث في الأخبار');
      this.input.disabled = true;
      this.select = UI.el('select');
      this.select.setAttribute('aria-label', 'مستوى المطابقة');
      LEVELS.forEach(function (l) {
        var o = UI.el('option', null, l[1]);
        o.value = l[0];
        this.select.appendChild(o);
      }, this);
      bar.appendChild(this.input);
      bar.appendChild(this.select);
      this.count = UI.el('div', 'count', 'جارٍ التحميل…');
      this.count.setAttribute('role', 'status');
      this.count.setAttribute('aria-live', 'polite');
      // A static index written with --entities: who and what the results mention, asked for on a
      // click (it reads the facets file and the document list), each a filter to add.
      this.facets = UI.el('div', 'facets');
      this.facets.hidden = true;
      this.facetsToggle = UI.el('button', 'facets-toggle', 'من وما في هذه النتائج؟');
      this.facetsToggle.type = 'button';
      this.facetsList = UI.el('div', 'facet-list');
      this.facets.appendChild(this.facetsToggle);
      this.facets.appendChild(this.facetsList);
      // What was refused while loading, and why (hidden when nothing was).
      this.notes = UI.el('ul', 'notes');
      this.notes.setAttribute('aria-label', 'ملاحظات التحميل');
      this.notes.hidden = true;
      var body = UI.el('div', 'body');
      this.list = UI.el('ol');
      this.list.setAttribute('role', 'list');
      // Hits come PAGE at a time: the core computes snippets and offsets only for those asked.
      this.more = UI.el('button', 'more');
      this.more.type = 'button';
      this.more.hidden = true;
      this.reader = UI.el('article', 'reader');
      this.reader.hidden = true;
      body.appendChild(this.list);
      body.appendChild(this.more);
      body.appendChild(this.reader);
      box.appendChild(bar);
      box.appendChild(this.count);
      box.appendChild(this.facets);
      box.appendChild(this.notes);
      box.appendChild(body);
      root.appendChild(box);
      this.box = box;

      var self = this;
      // As on the page: the word being typed is read as a prefix (and said to be) until typing
      // pauses, then the query is searched as written; the count and the event are then exact.
      this.settleTimer = null;
      var settle = function () {
        if (self.settleTimer === null) return;
        clearTimeout(self.settleTimer);
        self.settleTimer = null;
        self.search(false);
      };
      this.input.addEventListener('input', function () {
        clearTimeout(self.settleTimer);
        self.settleTimer = setTimeout(settle, SETTLE_MS);
        self.search(true);
      });
      // Leaving the box ends typing, unless for a hit or "more": their click must find the list
      // it was aimed at (the count keeps saying that the word was read as a prefix).
      this.input.addEventListener('blur', function (ev) {
        var to = ev.relatedTarget;
        if (to && (self.list.contains(to) || self.more.contains(to))) {
          clearTimeout(self.settleTimer);
          self.settleTimer = null;
          return;
        }
        settle();
      });
      this.select.addEventListener('change', function () {
        clearTimeout(self.settleTimer);
        self.settleTimer = null;
        self.search(false);
      });
      this.more.addEventListener('click', function () { self.showMore(); });
      this.facetsToggle.addEventListener('click', function () { self.showEntityFacets(); });
      this.facetsList.addEventListener('click', function (ev) {
        var b = ev.target.closest('button.facet');
        if (!b) return;
        self.input.value = (self.input.value.trim() + ' entity:"' + b.dataset.entity + '"').trim();
        self.search(false);
      });
      this.list.addEventListener('click', function (ev) {
        var b = ev.target.closest('button[data-id]');
        if (b) self.open(b.dataset.id);
      });
      this.reader.addEventListener('click', function (ev) {
        if (ev.target.closest('.back')) { self.closeReader(); return; }
        var e = ev.target.closest('button.entity');
        if (e) self.emit('mirsad-entity', JSON.parse(e.dataset.entity));
      });
    }

    attributeChangedCallback(name) {
      if (name === 'height') this.box.style.setProperty('--height', this.getAttribute('height') || '420px');
      if (name === 'theme') this.applyTheme();
      if (name === 'level' && !this.engine) this.select.value = this.getAttribute('level') || 'word';
    }

    applyTheme() {
      var t = this.getAttribute('theme') || 'auto';
      if (t === 'auto') t = global.matchMedia && global.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
      this.dataset.theme = t;
    }

    connectedCallback() {
      if (this.started) return;
      this.started = true;
      addFonts();
      this.applyTheme();
      this.select.value = this.getAttribute('level') || 'word';
      var self = this;
      // indexSource (a property, set before the element is added): a function name →
      // Promise<bytes> reading a static index's files from elsewhere (the page: a folder on disk).
      if (this.indexSource) { this.openStaticIndex(this.indexSource); return; }
      if (this.hasAttribute('index')) { this.openStaticIndex(this.getAttribute('index')); return; }
      Promise.all([global.Mirsad.create(), readCorpus(this.getAttribute('corpus'))]).then(function (r) {
        var engine = r[0];
        var corpus = r[1];
        // The module is up and the corpus read: what follows is loading it (for measurements).
        if (global.performance && performance.mark) performance.mark('mirsad-widget:load-start');
        if (Array.isArray(corpus)) return { engine: engine, corpus: corpus, report: engine.addDocuments(corpus), list: null };
        return indexInWorker(engine, corpus);
      }).then(function (loaded) {
        var engine = loaded.engine, corpus = loaded.corpus, report = loaded.report;
        self.engine = engine;
        self.docs = new Map((loaded.list || engine.documents()).map(function (d) { return [String(d.id), d]; }));
        self.input.disabled = false;
        self.count.textContent = UI.count('docs', self.docs.size) + (report.errors.length ? ' (رُفض ' + report.errors.length + ')' : '');
        self.showNotes(UI.loadNotes([{ name: corpus.name || '', added: report.added, errors: report.errors, warnings: report.warnings }]));
        self.dataset.ready = '1';
        if (self.input.value) self.search();
      }).catch(function (err) {
        self.count.textContent = '';
        self.list.appendChild(UI.el('li', 'error', 'تعذّر تشغيل البحث: ' + (err && err.message ? err.message : String(err))));
        self.dataset.error = '1';
      });
    }

    /* index="…" (or indexSource): nothing is read but the manifest until a query asks for its files. */
    openStaticIndex(source) {
      var self = this;
      global.Mirsad.openStaticIndex(source).then(function (index) {
        self.staticIndex = index;
        self.engine = index;
        self.docs = new Map();
        self.input.disabled = false;
        self.count.textContent = UI.count('docs', index.documents);
        self.dataset.ready = '1';
        if (self.input.value) self.search();
      }).catch(function (err) {
        self.count.textContent = '';
        self.list.appendChild(UI.el('li', 'error', 'تعذّر فتح الفهرس: ' + (err && err.message ? err.message : String(err))));
        self.dataset.error = '1';
      });
    }

    /* What the core refused or repaired while loading the corpus, and why: one line each, as
     * text (file, line, the reason in Arabic, the core's English detail left-to-right). */
    showNotes(notes) {
      UI.clear(this.notes);
      this.notes.hidden = notes.length === 0;
      this.dataset.notes = String(notes.length);
      var shown = Math.min(notes.length, MAX_NOTES);
      for (var i = 0; i < shown; i++) {
        var n = notes[i];
        var li = UI.el('li', 'note');
        li.dataset.code = n.code || '';
        if (n.file) {
          li.appendChild(UI.el('bdi', null, n.file));
          if (n.line > 0) li.appendChild(document.createTextNode('، السطر ' + n.line));
          li.appendChild(document.createTextNode(': '));
        }
        if (n.id) {
          li.appendChild(document.createTextNode('المستند '));
          li.appendChild(UI.el('bdi', null, n.id));
          li.appendChild(document.createTextNode(': '));
        }
        li.appendChild(document.createTextNode(n.text));
        if (n.detail) {
          var d = UI.el('bdi', 'detail', '(' + n.detail + ')');
          d.setAttribute('dir', 'ltr');
          li.appendChild(document.createTextNode(' '));
          li.appendChild(d);
        }
        this.notes.appendChild(li);
      }
      if (notes.length > shown) this.notes.appendChild(UI.el('li', 'note', 'و' + (notes.length - shown) + ' ملاحظات أخرى'));
    }

    disconnectedCallback() {
      // The element may come back (moved in the DOM): keep the engine; a page that removes it
      // for good loses the reference and the engine is collected with it.
    }

    emit(type, detail) {
      this.dispatchEvent(new CustomEvent(type, { detail: detail, bubbles: true, composed: true }));
    }

    text(id) {
      if (!this.texts.has(id)) this.texts.set(id, this.engine.text(this.docs.get(id).id));
      return this.texts.get(id);
    }

    /** live: the query is being typed (its last word may be read as a prefix). */
    search(live) {
      if (!this.engine) return;
      var q = this.input.value;
      var level = this.select.value;
      this.closeReader();
      UI.clear(this.list);
      this.hits = new Map();
      this.shown = 0;
      this.total = 0;
      this.query = null;
      this.more.hidden = true;
      this.facets.hidden = true;
      UI.clear(this.facetsList);
      var serial = ++this.searches;
      if (!q.trim()) {
        this.count.textContent = UI.count('docs', this.staticIndex ? this.staticIndex.documents : this.docs.size);
        return;
      }
      this.query = { q: q, level: level, live: live === true };
      var self = this;
      var shown = function (res) {
        if (!res || serial !== self.searches) return;  // a newer query was typed meanwhile
        self.facets.hidden = !(self.staticIndex && self.staticIndex.entityFacets && res.total > 0 && !res.live_prefix);
        self.count.textContent = UI.resultCount(res) + (res.live_prefix ? ' · أثناء الكتابة: ' + res.live_prefix + '…' : '');
        self.emit('mirsad-search', { query: q, level: level, total: res.total, typing: Boolean(res.live_prefix) });
      };
      if (!this.staticIndex) { this.searchInMemory(serial, shown); return; }
      this.dataset.searching = '1';
      this.fetchHitsFromIndex(STATIC_PAGE, serial).then(shown);
    }

    /** The same from a static index: its files arrive first. Resolves to the result, or to null
     * when a newer query was typed meanwhile or a file was missing or damaged (said in the list). */
    fetchHitsFromIndex(limit, serial) {
      var self = this;
      var query = this.query;
      return this.staticIndex.search(query.q, { mode: query.level, limit: limit, live: query.live }).then(function (res) {
        if (serial !== self.searches) return null;
        delete self.dataset.searching;
        if (res.error) {
          UI.clear(self.list);
          self.count.textContent = '';
          self.list.appendChild(UI.el('li', 'error', 'تعذّر البحث في الفهرس: ' + res.error));
          return null;
        }
        res.hits.forEach(function (hit) {
          var id = String(hit.id);
          self.docs.set(id, { id: hit.id, title: hit.title, date: hit.date, source: hit.source, url: hit.url });
          self.texts.set(id, self.staticIndex.text(hit.ordinal));
        });
        return self.renderHits(res);
      }, function (err) {
        if (serial !== self.searches) return null;
        delete self.dataset.searching;
        self.list.appendChild(UI.el('li', 'error', 'تعذّر البحث في الفهرس: ' + (err && err.message ? err.message : String(err))));
        return null;
      });
    }

    /** The people, organizations and places the current results mention, most results first, each
     * a button that adds its entity: filter (its count is the results that filter leaves). */
    showEntityFacets() {
      if (!this.query || !this.staticIndex) return;
      var self = this;
      var serial = this.searches;
      this.facetsToggle.disabled = true;
      this.staticIndex.search(this.query.q, { mode: this.query.level, limit: 1, facets: true }).then(function (res) {
        if (serial !== self.searches) return;
        self.facetsToggle.disabled = false;
        UI.clear(self.facetsList);
        if (res.error) {
          self.facetsList.appendChild(UI.el('div', 'error', 'تعذّر: ' + res.error));
          return;
        }
        [['PERSON', 'أشخاص'], ['ORGANIZATION', 'جهات'], ['LOCATION', 'أماكن']].forEach(function (group) {
          var of = (res.facets.entities || []).filter(function (e) { return e.type === group[0]; }).slice(0, 8);
          if (!of.length) return;
          var row = UI.el('div', 'facet-row');
          row.appendChild(UI.el('span', 'facet-type', group[1] + ':'));
          of.forEach(function (e) {
            var b = UI.el('button', 'facet');
            b.type = 'button';
            b.dataset.entity = e.canonical.replace(/"/g, '');
            if (e.label_en) b.title = e.label_en;
            b.appendChild(UI.dataLabel(e.canonical));
            b.appendChild(UI.el('span', 'n', String(e.documents)));
            b.setAttribute('aria-label', e.canonical + '، ' + UI.count('docs', e.documents) + '، أضفه إلى البحث');
            row.appendChild(b);
          });
          self.facetsList.appendChild(row);
        });
        if (!self.facetsList.firstChild) self.facetsList.appendChild(UI.el('div', null, 'لا أشخاص ولا جهات ولا أماكن معروفة في هذه النتائج.'));
      }, function (err) {
        if (serial !== self.searches) return;
        self.facetsToggle.disabled = false;
        self.facetsList.appendChild(UI.el('div', 'error', 'تعذّر: ' + (err && err.message ? err.message : String(err))));
      });
    }

    /* entity:, event: and with: test what is extracted from each candidate document: the first
     * event:MEET over 1,000 articles extracted them all in one 2.6 s task on the host page's thread.
     * Past a few documents they are read in slices of ~25 ms with the progress in the count (the
     * page does it in its worker; the widget keeps no worker, whose copy of the collection would
     * double its memory), then the search runs on what is extracted. A newer query cancels. */
    searchInMemory(serial, shown) {
      var self = this;
      var options = { mode: this.query.level, live: this.query.live };
      delete this.dataset.searching;
      if (this.engine.filtersPending(this.query.q, options) <= INLINE_EXTRACTIONS) { shown(this.fetchHits(PAGE)); return; }
      this.dataset.searching = '1';
      var current = function () { return serial === self.searches; };
      this.engine.prepareFiltersInSlices(this.query.q, options, {
        cancelled: function () { return !current(); },
        onProgress: function (done, of) { if (current()) self.count.textContent = UI.preparingFilters(done, of); },
      }).then(function (finished) {
        if (!finished || !current()) return;
        delete self.dataset.searching;
        shown(self.fetchHits(PAGE));
      }, function (err) {
        if (!current()) return;
        delete self.dataset.searching;
        self.count.textContent = '';
        self.list.appendChild(UI.el('li', 'error', 'تعذّر: ' + (err && err.message ? err.message : String(err))));
      });
    }

    /** The next PAGE hits of the same query, after the ones shown (the core ranks deterministically). */
    showMore() {
      if (!this.query) return;
      var focusAt = this.shown;
      var self = this;
      var focusNew = function () {
        var next = self.list.children[focusAt];
        if (next && next.firstChild) next.firstChild.focus();  // keyboard users continue where the new hits start
      };
      if (this.staticIndex) { this.fetchHitsFromIndex(this.shown + STATIC_PAGE, this.searches).then(focusNew); return; }
      this.fetchHits(this.shown + PAGE);
      focusNew();
    }

    /** Asks the core for the first `limit` hits and appends those not shown yet. */
    fetchHits(limit) {
      return this.renderHits(this.engine.search(this.query.q, { mode: this.query.level, limit: limit, live: this.query.live }));
    }

    /** Appends the hits of res not shown yet. */
    renderHits(res) {
      var frag = document.createDocumentFragment();
      res.hits.slice(this.shown).forEach(function (hit) {
        var id = String(hit.id);
        this.hits.set(id, hit);
        var doc = this.docs.get(id) || {};
        var li = UI.el('li');
        var b = UI.el('button', 'hit');
        b.type = 'button';
        b.dataset.id = id;
        // The title and the snippet are the documents' data: isolated, their bidi controls
        // removed or made inert, so they cannot reorder each other or the widget's own text.
        var title = UI.el('span', 'title');
        title.appendChild(UI.dataLabel(UI.docTitle(doc)));
        b.appendChild(title);
        var text = this.text(id);
        var s = hit.snippet;
        var inSnippet = hit.matches.filter(function (m) { return m[0] >= s.start && m[1] <= s.end; })
          .map(function (m) { return [m[0] - s.start, m[1] - s.start]; });
        var snippet = UI.el('span', 'snippet');
        var excerpt = UI.el('bdi');
        excerpt.setAttribute('dir', 'auto');
        excerpt.appendChild(UI.highlight(UI.inertBidiControls(text.slice(s.start, s.end)), inSnippet, 'm').fragment);
        snippet.appendChild(excerpt);
        b.appendChild(snippet);
        li.appendChild(b);
        frag.appendChild(li);
      }, this);
      this.list.appendChild(frag);
      this.shown = Math.max(this.shown, res.hits.length);
      this.total = res.total;
      var rest = res.total - this.shown;
      this.more.hidden = rest <= 0;
      if (rest > 0) this.more.textContent = 'عرض المزيد (' + UI.count('docs', rest) + ')';
      return res;
    }

    open(id) {
      var hit = this.hits.get(id);
      var doc = this.docs.get(id) || {};
      UI.clear(this.reader);
      var back = UI.el('button', 'back', '→ النتائج');
      back.type = 'button';
      this.reader.appendChild(back);
      this.reader.appendChild(UI.el('h3', null, UI.docTitle(doc)));
      var page = UI.sourceLink(doc.url, 'اقرأ الخبر في صفحته ↗');
      if (page) this.reader.appendChild(page);
      var entities = UI.el('ul', 'entities');
      entities.setAttribute('aria-label', 'الكيانات');
      var seen = {};
      // A static index holds no entities (yet): its reader shows the text alone.
      var list = this.staticIndex ? [] : (this.engine.entities(doc.id).documents[0] || { entities: [] }).entities;
      list.forEach(function (e) {
        if (e.type === 'NUMBER' || seen[e.type + e.canonical]) return;
        seen[e.type + e.canonical] = true;
        var li = UI.el('li');
        var b = UI.el('button', 'entity');
        b.appendChild(UI.dataLabel(e.canonical));
        b.type = 'button';
        b.title = e.type + (e.label_en ? ' · ' + UI.withoutBidiControls(e.label_en) : '');
        b.dataset.entity = JSON.stringify({ type: e.type, text: e.text, canonical: e.canonical, label_en: e.label_en });
        li.appendChild(b);
        entities.appendChild(li);
      });
      this.reader.appendChild(entities);
      var p = UI.el('p');
      p.appendChild(UI.highlight(this.text(id), hit ? hit.matches : [], 'm').fragment);
      this.reader.appendChild(p);
      this.list.hidden = true;
      this.more.hidden = true;
      this.reader.hidden = false;
      var first = p.querySelector('mark');
      if (first) first.scrollIntoView({ block: 'center' });
      back.focus();
      this.emit('mirsad-open', { id: id });
    }

    closeReader() {
      this.reader.hidden = true;
      this.list.hidden = false;
      this.more.hidden = !this.query || this.shown >= this.total;
    }
  }

  if (!global.customElements.get('mirsad-search')) global.customElements.define('mirsad-search', MirsadSearch);
})(typeof window !== 'undefined' ? window : self);  // self: the widget's bundle also runs as its own worker
