/* Mirsad page — the events view of everything in scope: the whole collection, or every result of
 * the query. The worker, which holds the same collection, extracts the events a batch of
 * documents at a time and posts the rows; the panel fills in as they come («على أساس 200 من
 * 1,000 مستند…») and the page never waits. A new query or a closed panel cancels the reading. */
(function (global) {
  'use strict';

  var App = global.MirsadApp;
  var UI = global.MirsadUI;
  var state = App.state;
  var views = App.views;

  var PARTIAL_MS = 700;
  var timer = 0;
  var request = 0;
  var running = null;   // {host, id, engine, key}
  var finished = null;  // {engine, key, rows, documents}

  function number(n) { return Number(n).toLocaleString('en'); }

  function scopeText(rows, read, total) {
    var events = UI.count('events', rows.length);
    if (read < total) return events + ' — على أساس ' + number(read) + ' من ' + number(total) + ' مستند…';
    return events + (App.isActive() ? ' في كل النتائج (' : ' في المجموعة كلها (') + UI.count('docs', total) + ')';
  }

  function cancelRunning() {
    if (running) running.host.cancelTask(running.id);
    running = null;
  }

  function scheduleEvents() {
    clearTimeout(timer);
    if (!views.events) return;
    if (running && running.engine === state.engine && running.key === App.scopeKey() && views.events.isOpen()) return;
    cancelRunning();
    timer = setTimeout(updateEvents, 150);
  }

  function updateEvents() {
    if (!state.engine || !views.events.isOpen()) return;
    var mine = ++request;
    var current = function () { return mine === request && state.engine; };
    var active = App.isActive();
    var total = active ? state.hitsTotal : state.docs.length;
    if (active && !total) {
      views.events.render([], 'لا نتائج');
      return;
    }
    if (finished && finished.engine === state.engine && finished.key === App.scopeKey()) {
      views.events.render(finished.rows, scopeText(finished.rows, finished.documents, finished.documents));
      return;
    }
    var failed = function (err) {
      if (err && (err.cancelled || err.loading)) return;
      views.events.render([], 'تعذّر استخراج الأحداث: ' + App.errorText(err));
    };
    var host = App.workerHost();
    if (!host || !host.hasState) {
      views.events.setScope('جارٍ استخراج الأحداث…');
      App.workerReady().then(function () { if (current()) scheduleEvents(); }, function (err) { if (current()) failed(err); });
      return;
    }
    views.events.setScope('جارٍ استخراج الأحداث من ' + UI.count('docs', total) + '…');
    var rows = [];
    var read = 0, of = total;
    var drawn = 0;
    var message = { task: 'events', search: active ? App.searchSpec() : null };
    var done = host.ask(message, function (part) {
      if (part.summary) return;
      rows.push.apply(rows, part.rows);
      read = part.done;
      of = part.of;
      if (!current() || Date.now() - drawn < PARTIAL_MS) return;
      drawn = Date.now();
      views.events.render(rows, scopeText(rows, read, of));
    });
    var engine = state.engine, key = App.scopeKey();
    running = { host: host, id: message.id, engine: engine, key: key };
    done.then(function (result) {
      if (running && running.id === message.id) running = null;
      finished = { engine: engine, key: key, rows: rows, documents: result.documents };
      if (current()) views.events.render(rows, scopeText(rows, result.documents, result.documents));
    }, function (err) {
      if (running && running.id === message.id) running = null;
      if (current()) failed(err);
    });
  }

  // A node of the network: the results narrow to the documents where that party took part in an event.
  function withParty(canonical) {
    var q = state.query.replace(/\s*with:("[^"]*"|\S+)/g, '').trim();
    App.searchFor((q ? q + ' ' : '') + 'with:"' + canonical.replace(/"/g, '') + '"');
  }

  function openAt(id, offset) {
    App.openDoc(id);
    views.reader.goToOffset(offset);
  }

  App.scheduleEvents = scheduleEvents;
  App.eventsWithParty = withParty;
  App.openEventAt = openAt;
})(window);
