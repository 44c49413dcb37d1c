/* Mirsad page — the entity overview of everything in scope: the whole collection, or every
 * result of the query (not a slice of the first documents). The worker, which holds the same
 * collection, reads them a batch at a time and posts the overview of those read so far, so the
 * panel fills in («على أساس 1,200 من 40,000 مستند…») and the page never waits; a new query or a
 * closed panel cancels the reading in progress. */
(function (global) {
  'use strict';

  var App = global.MirsadApp;
  var UI = global.MirsadUI;
  var state = App.state;
  var views = App.views;

  var EMPTY = { entities: [], matrix: [], pairs: [], timeline: [] };
  var PARTIAL_MS = 700;
  var overviewTimer = 0;
  var overviewRequest = 0;
  var running = null;   // {host, id, engine, key}: the worker's reading in progress
  var finished = null;  // {engine, key, data}: the last overview read to the end

  function number(n) { return Number(n).toLocaleString('en'); }

  // What the numbers cover, said exactly: all of it, or how far the reading has got.
  function scopeText(active, read, total) {
    if (read < total) return 'على أساس ' + number(read) + ' من ' + number(total) + ' مستند…';
    return active ? 'في كل النتائج (' + UI.count('docs', total) + ')' : 'في المجموعة كلها (' + UI.count('docs', total) + ')';
  }

  // Recomputed a moment after the last keystroke, and only while the panel is open.
  function scheduleOverview() {
    clearTimeout(overviewTimer);
    // The same scope already being read (the page repaints its search for other reasons, e.g.
    // once a new collection is in): let it finish rather than start again from the first document.
    if (running && running.engine === state.engine && running.key === App.scopeKey() && views.overview.isOpen()) return;
    cancelRunning();
    overviewTimer = setTimeout(updateOverview, 150);
  }

  function cancelRunning() {
    if (running) running.host.cancelTask(running.id);
    running = null;
  }

  function updateOverview() {
    if (!state.engine || !views.overview.isOpen()) return;
    var request = ++overviewRequest;
    var current = function () { return request === overviewRequest && state.engine; };
    var active = App.isActive();
    var total = active ? state.hitsTotal : state.docs.length;
    if (active && !total) {
      views.overview.render(EMPTY, state.byId, 'لا نتائج');
      return;
    }
    // The panel closed and opened again, or the page repainted the same search: the overview
    // already read is still true.
    if (finished && finished.engine === state.engine && finished.key === App.scopeKey()) {
      views.overview.render(finished.data, state.byId, scopeText(active, finished.data.documents, finished.data.documents_total));
      return;
    }
    var failed = function (err) {
      if (err && (err.cancelled || err.loading)) return;
      views.overview.render(EMPTY, state.byId, 'تعذّر حساب النظرة العامة: ' + App.errorText(err));
    };
    // The worker holds the page's collection once a job is done; after a cancel or a crash, or
    // before the first job (the bundled collection alone), it is given the page's index first.
    var host = App.workerHost();
    if (!host || !host.hasState) {
      views.overview.render(EMPTY, state.byId, 'جارٍ حساب النظرة العامة…');
      App.workerReady().then(function () { if (current()) scheduleOverview(); }, function (err) { if (current()) failed(err); });
      return;
    }
    views.overview.setScope('جارٍ حساب النظرة العامة لـ' + UI.count('docs', total) + '…');
    var message = { task: 'overview', search: active ? App.searchSpec() : null, limit: 80 };
    var drawn = 0;
    var done = host.ask(message, function (part) {
      // Redrawn at most every PARTIAL_MS: each redraw is style and layout work for the whole page.
      if (!current() || Date.now() - drawn < PARTIAL_MS) return;
      drawn = Date.now();
      views.overview.render(part.overview, state.byId, scopeText(active, part.overview.documents, part.overview.documents_total));
    });
    var engine = state.engine, key = App.scopeKey();
    running = { host: host, id: message.id, engine: engine, key: key };
    done.then(function (o) {
      if (running && running.id === message.id) running = null;
      finished = { engine: engine, key: key, data: o };
      if (current()) views.overview.render(o, state.byId, scopeText(active, o.documents, o.documents_total));
    }, function (err) {
      if (running && running.id === message.id) running = null;
      if (current()) failed(err);
    });
  }

  App.scheduleOverview = scheduleOverview;
})(window);
