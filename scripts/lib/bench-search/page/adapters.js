// One adapter per engine, with the configurations of peers-bench.md. Each adapter:
//   scripts        URLs to load, in order
//   init()         optional, after the scripts loaded
//   build(docs, fields)   docs: [{id: number, title, content}]; fields: ['title', 'content'] or ['content']
//   search(q, and) top-10 ids (or a Promise of them); and = all words ("2-word" set), else any-term
//   extra()        optional, engine-specific counters for the report
(function () {
  'use strict';
  const K = 10;
  const top = (arr, key) => {
    const out = [];
    for (let i = 0; i < arr.length && out.length < K; i++) out.push(arr[i][key]);
    return out;
  };

  const adapters = {};

  // lunr 2.3.9 + lunr.ar. idx.query() instead of idx.search(string), whose parser treats
  // ": ^ ~ * + -" as syntax (titles with ":" throw).
  adapters.lunr = {
    scripts: ['/build/bench/lunr.js'],
    build(docs, fields) {
      this.idx = lunr(function () {
        this.use(lunr.ar);
        this.ref('id');
        for (const f of fields) this.field(f);
        for (const d of docs) this.add(d);
      });
    },
    search(q, and) {
      const presence = and ? lunr.Query.presence.REQUIRED : lunr.Query.presence.OPTIONAL;
      // Tokens the trimmer empties (Latin words, punctuation) stay as terms: they match nothing, as
      // in peers-bench.md. Dropping them could leave a clause-less query, which lunr treats as
      // "negated" and answers with every document.
      const res = this.idx.query((query) => {
        for (const tok of lunr.tokenizer(q)) query.term(lunr.ar.trimmer(tok).toString(), { presence });
      });
      return top(res, 'ref');
    },
  };

  // flexsearch 0.8: Document, tokenize "strict", default encoder, resolution 9, no context/store/cache.
  adapters.flexsearch = {
    scripts: ['/build/bench/flexsearch.js'],
    build(docs, fields) {
      this.ix = new FlexSearch.Document({ tokenize: 'strict', document: { id: 'id', index: fields } });
      for (const d of docs) this.ix.add(d);
    },
    search(q, and) {
      const res = this.ix.search(q, and ? { limit: K, merge: true } : { limit: K, merge: true, suggest: true });
      return top(res, 'id');
    },
  };

  // minisearch 7: default tokenizer, no stemming, no stored fields; OR (default) / AND; BM25.
  adapters.minisearch = {
    scripts: ['/build/bench/minisearch.js'],
    build(docs, fields) {
      this.ms = new MiniSearch({ fields, idField: 'id' });
      this.ms.addAll(docs);
    },
    search(q, and) {
      return top(and ? this.ms.search(q, { combineWith: 'AND' }) : this.ms.search(q), 'id');
    },
  };

  // Orama 3 with the Arabic stemmer; docs re-wrapped as {id: String(id), ...fields} (counted in build).
  adapters.orama = {
    scripts: ['/build/bench/orama.js'],
    async build(docs, fields) {
      const schema = {};
      for (const f of fields) schema[f] = 'string';
      this.db = await Orama.create({
        schema,
        components: { tokenizer: { language: 'arabic', stemming: true, stemmer: Orama.stemmer } },
      });
      const wrapped = docs.map((d) => {
        const o = { id: String(d.id) };
        for (const f of fields) o[f] = d[f];
        return o;
      });
      await Orama.insertMultiple(this.db, wrapped, 1000);
    },
    search(q, and) {
      const r = Orama.search(this.db, { term: q, limit: K, threshold: and ? 0 : 1 });
      return r && typeof r.then === 'function' ? r.then((x) => top(x.hits, 'id')) : top(r.hits, 'id');
    },
  };

  // Mirsad: the page's wasm core through web/js/mirsad.js, match level "word".
  adapters.mirsad = {
    scripts: ['/build/web/mirsad-core.js', '/web/js/mirsad.js'],
    async init() {
      // Instantiates the module once (so build time is the index, not the wasm compile) and checks
      // whether the core honours {any: true}: two one-word documents, an OR query must hit both.
      const probe = await Mirsad.create();
      probe.addDocuments([{ id: 'a', text: 'كتاب جديد', title: 'مرصد' }, { id: 'b', text: 'قلم أحمر' }]);
      // Whether the title field is searchable at all (peers index it in the timing run).
      try { this.titleSearchable = probe.search('مرصد', { mode: 'word', limit: K }).total > 0; } catch (e) { this.titleSearchable = null; }
      try {
        const or = probe.search('كتاب قلم', { mode: 'word', limit: K, any: true });
        const and = probe.search('كتاب قلم', { mode: 'word', limit: K });
        this.anyMode = or.total === 2 && and.total === 0 ? 'or' : `ignored (OR total ${or.total}, AND total ${and.total})`;
      } catch (e) {
        // A core built before the `any` option: mirsad.js passes 4 arguments and Embind refuses them.
        this.anyMode = 'unsupported';
        this.anyError = String(e && e.message || e);
      }
      probe.dispose();
      this.counters = { addErrors: 0, addErrorSamples: [], addWarnings: 0, queryWarnings: 0, queryWarningKinds: {}, queryWarningSamples: [] };
      return { anyMode: this.anyMode, anyError: this.anyError, titleSearchable: this.titleSearchable };
    },
    async build(docs, fields) {
      this.engine = await Mirsad.create();
      const withTitle = fields.includes('title');
      const c = this.counters;
      for (let i = 0; i < docs.length; i += 1000) {
        const batch = [];
        for (let j = i; j < Math.min(i + 1000, docs.length); j++) {
          const d = docs[j];
          batch.push({ id: String(d.id), title: withTitle ? d.title : '', text: d.content });
        }
        const report = this.engine.addDocuments(batch);
        c.addErrors += report.errors.length;
        c.addWarnings += report.warnings.length;
        for (const e of report.errors) if (c.addErrorSamples.length < 5) c.addErrorSamples.push(e);
      }
    },
    search(q, and) {
      let r;
      if (this.anyMode === 'unsupported') {
        // Old core: the 3-argument binding, which is AND whatever the set asks for.
        r = JSON.parse(this.engine._api.search(String(q), 'word', K));
      } else {
        r = this.engine.search(q, and ? { mode: 'word', limit: K } : { mode: 'word', limit: K, any: true });
      }
      if (r.warnings && r.warnings.length) {
        this.counters.queryWarnings++;
        const kinds = this.counters.queryWarningKinds;
        for (const w of r.warnings) {
          const kind = String(w).replace(/"[^"]*"/g, '"…"');
          kinds[kind] = (kinds[kind] || 0) + 1;
        }
        if (this.counters.queryWarningSamples.length < 5) this.counters.queryWarningSamples.push({ q, warnings: r.warnings });
      }
      return top(r.hits, 'id');
    },
    extra() {
      return { anyMode: this.anyMode, anyError: this.anyError, titleSearchable: this.titleSearchable, ...this.counters, wasm: self.benchWasmBytes() };
    },
  };

  self.BenchAdapters = adapters;
})();
