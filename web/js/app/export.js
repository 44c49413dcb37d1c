/* Mirsad page — the exports: every result of the query (not only those shown), their entities,
 * and every keyword-in-context line, as CSV or JSON, each file saying what it holds (the query,
 * level, filters, sort, collection, totals and time). The worker, which holds the same
 * collection, reads them a batch at a time and posts the rows; this page only turns each batch
 * into text (a few milliseconds) and keeps it as a Blob, the parts of the file's Blob: an export of
 * 40,000 results froze the page for 15.8 s when it was all done here. */
(function (global) {
  'use strict';

  var App = global.MirsadApp;
  var UI = global.MirsadUI;
  var state = App.state;
  var views = App.views;

  var COLUMNS = {
    results: ['rank', 'id', 'title', 'date', 'source', 'score', 'matches', 'snippet'],
    entities: ['document', 'type', 'text', 'canonical', 'label_en', 'value', 'start', 'end'],
    kwic: ['id', 'start', 'end', 'left', 'keyword', 'right'],
    // the JSON rows also hold `participants` whole and the later `mentions`
    events: ['document', 'document_date', 'type', 'modality', 'trigger', 'parties', 'place', 'date', 'date_text', 'sentence',
      'trigger_start', 'trigger_end']
  };
  var NAMES = { results: 'النتائج', entities: 'الكيانات', kwic: 'الكلمة في سياقها', events: 'الأحداث' };

  var running = null;  // {host, id, cancelled}

  function number(n) { return Number(n).toLocaleString('en'); }

  function exportStamp() {
    return new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
  }

  // Which collection this is: the bundled articles, the user's, or both.
  function collectionName() { return App.collectionName(); }

  // source:, date:, id:, entity:, event: and with: terms of the query as the core read them; before the core
  // reported them (search's "filters"), the terms as written.
  function queryFilters(summary, query) {
    if (summary && summary.filters) return summary.filters;
    var out = [];
    var re = /(^|\s)(-?)(source|date|id|entity|event|with):("[^"]*"|\S+)/g;
    var m;
    while ((m = re.exec(query))) out.push({ field: m[3], value: m[4].replace(/^"|"$/g, ''), negated: m[2] === '-' });
    return out;
  }

  function metaOf(kind, spec, summary, result) {
    var meta = {
      export: kind,
      query: state.query,
      query_run: spec.query,
      match_level: spec.mode,
      entity_filter: App.filterEntities(state.entityFilter).map(App.entityName),
      filters: queryFilters(summary, spec.query),
      sort: spec.sort,
      collection: collectionName(),
      collection_documents: state.docs.length,
      documents_total: summary ? summary.total : 0,
      matches_total: summary && typeof summary.matches_total === 'number' ? summary.matches_total : null,
      rows: result.rows,
      exported_at: new Date().toISOString()
    };
    if (kind === 'kwic') {
      meta.kwic_order = views.concordance.order();
      meta.kwic_context_words = views.concordance.context();
    }
    if (kind === 'entities' || kind === 'events') meta[kind === 'entities' ? 'entity_documents' : 'event_documents'] = result.documents;
    return meta;
  }

  function progressText(kind, done, of) {
    var unit = kind === 'kwic' ? 'سطر' : 'مستند';
    return 'تصدير ' + NAMES[kind] + ': ' + (of > 0 ? number(done) + ' من ' + number(of) + ' ' + unit + '…' : 'جارٍ البحث…');
  }

  function start(kind, format) {
    if (running || !state.engine) return;
    var job = running = { host: null, id: null, cancelled: false };
    App.settleSearch();  // the results shown become those of the query as written
    var spec = App.searchSpec();  // the settled query: what is shown, never the live prefix
    var columns = COLUMNS[kind];
    var parts = [];
    var summary = null;
    var rowsSoFar = 0;
    views.exporter.busy(true);
    views.exporter.progress(progressText(kind, 0, 0), 0, 0);
    App.workerReady().then(function (host) {
      if (job.cancelled) throw App.cancelError();
      var message = { task: kind, search: spec, order: views.concordance.order(), context: views.concordance.context() };
      var answer = host.ask(message, function (part) {
        if (part.summary) { summary = part.summary; return; }
        if (part.rows.length) {
          // Each batch becomes a Blob at once: the text is handed to the browser's blob store
          // and dropped here, and the file at the end is a Blob of Blobs, which costs no copy.
          // Gathering the strings and making one Blob of them at the end took 320 ms of the
          // main thread (and its garbage collection) for 213,000 entity rows.
          var text = format === 'csv' ? UI.csvLines(part.rows, columns)
            : (rowsSoFar ? ',\n' : '') + part.rows.map(function (r) { return JSON.stringify(r); }).join(',\n');
          parts.push(new Blob([text]));
          rowsSoFar += part.rows.length;
        }
        views.exporter.progress(progressText(kind, part.done, part.of), part.done, part.of);
      });
      job.host = host;
      job.id = message.id;
      return answer;
    }).then(function (result) {
      var meta = metaOf(kind, spec, summary, result);
      var stem = 'mirsad-' + kind + '-' + exportStamp();
      if (format === 'csv') {
        UI.download(stem + '.csv', [UI.csvHead(meta, columns)].concat(parts), 'text/csv;charset=utf-8');
      } else {
        UI.download(stem + '.json', ['{\n"meta": ' + JSON.stringify(meta, null, 2) + ',\n"rows": [\n'].concat(parts, ['\n]}\n']),
          'application/json');
      }
      views.exporter.finish('صُدِّر ' + (kind === 'results' ? UI.count('docs', result.rows) : number(result.rows) + (kind === 'kwic' ? ' سطر' : kind === 'events' ? ' حدث' : ' إشارة إلى كيان')) +
        ' (' + NAMES[kind] + ').');
    }).catch(function (err) {
      if (err && err.cancelled) views.exporter.finish('أُلغي التصدير.');
      else views.exporter.finish('تعذّر التصدير: ' + App.errorText(err));
    }).then(function () {
      if (running === job) running = null;
    });
  }

  function cancel() {
    if (!running) return;
    running.cancelled = true;
    if (running.host && running.id !== null) running.host.cancelTask(running.id);
  }

  App.startExport = start;
  App.cancelExport = cancel;
})(window);
