// The in-page half of scripts/bench search. Node drives it step by step with page.evaluate, so that
// progress can be printed and each step bounded; every time is performance.now() in the page.
(function () {
  'use strict';
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const state = { adapter: null, docs: null, plan: null };

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = src;
      s.onload = () => resolve();
      s.onerror = () => reject(new Error(`failed to load ${src}`));
      document.head.appendChild(s);
    });
  }

  // Adapters may answer synchronously or with a Promise; awaiting only a Promise keeps the
  // synchronous engines free of a microtask in the timed region.
  function searchOnce(q, and) {
    const r = state.adapter.search(q, and);
    return r && typeof r.then === 'function' ? r : null;
  }

  const Bench = {
    async init(engine) {
      const adapter = self.BenchAdapters[engine];
      if (!adapter) throw new Error(`unknown engine ${engine}`);
      for (const src of adapter.scripts) await loadScript(src);
      state.adapter = adapter;
      const [docs, plan] = await Promise.all([
        fetch('/data/docs.json').then((r) => r.json()),
        fetch('/data/plan.json').then((r) => r.json()),
      ]);
      state.docs = docs;
      state.plan = plan;
      const init = adapter.init ? await adapter.init() : null;
      return {
        docs: docs.length,
        crossOriginIsolated: self.crossOriginIsolated,
        hasGc: typeof self.gc === 'function',
        hasMemory: !!(performance.memory && performance.memory.usedJSHeapSize),
        userAgent: navigator.userAgent,
        init,
      };
    },

    // usedJSHeapSize after a forced GC (gc() ×4, 50 ms apart), and the wasm linear memory.
    async memory() {
      for (let i = 0; i < 4; i++) {
        self.gc();
        await sleep(50);
      }
      return { heap: performance.memory.usedJSHeapSize, wasm: self.benchWasmBytes().bytes };
    },

    async build(fields) {
      const t0 = performance.now();
      await state.adapter.build(state.docs, fields);
      const ms = performance.now() - t0;
      return { ms, extra: state.adapter.extra ? state.adapter.extra() : null };
    },

    // Warm-up queries untimed, then each timed query once, extraction of the top-10 ids included.
    async latency(set, and) {
      const { warmup, timed } = state.plan.sets[set];
      const errors = [];
      for (const q of warmup) {
        try { const p = searchOnce(q, and); if (p) await p; } catch (e) { errors.push({ q, warmup: true, message: String(e && e.message || e) }); }
      }
      const times = [];
      const hits = [];
      for (const q of timed) {
        let ids;
        const t0 = performance.now();
        try {
          ids = state.adapter.search(q, and);
          if (ids && typeof ids.then === 'function') ids = await ids;
        } catch (e) {
          errors.push({ q, message: String(e && e.message || e) });
          continue;
        }
        const t1 = performance.now();
        times.push(t1 - t0);
        hits.push(ids.length);
      }
      return { times, hits, errors: errors.slice(0, 20), errorCount: errors.length,
        extra: state.adapter.extra ? state.adapter.extra() : null };
    },

    // Known-item run: each sampled article's title, as is, through the any-term query; rank of the
    // article itself in the top 10 (0 = not there).
    async quality() {
      const ids = state.plan.sampleIds;
      const ranks = [];
      const hits = [];
      const errors = [];
      const t0 = performance.now();
      for (const id of ids) {
        const q = state.docs[id].title;
        let res = [];
        try {
          res = state.adapter.search(q, false);
          if (res && typeof res.then === 'function') res = await res;
        } catch (e) {
          errors.push({ id, message: String(e && e.message || e) });
        }
        const want = String(id);
        let rank = 0;
        for (let i = 0; i < res.length && i < 10; i++) if (String(res[i]) === want) { rank = i + 1; break; }
        ranks.push(rank);
        hits.push(res.length);
      }
      const ms = performance.now() - t0;
      return { ms, ranks, hits, errors: errors.slice(0, 20), errorCount: errors.length,
        extra: state.adapter.extra ? state.adapter.extra() : null };
    },
  };

  self.Bench = Bench;
})();
