/* Mirsad page — the entity overview of the documents in scope, recomputed a moment after the
 * last keystroke; for the user's collection it is computed by the worker, which holds it too. */
(function (global) {
  'use strict';

  var App = global.MirsadApp;
  var UI = global.MirsadUI;
  var state = App.state;
  var views = App.views;

  var OVERVIEW_ALL = 300;  // documents read for the overview when no query narrows them
  var overviewTimer = 0;
  var overviewRequest = 0;

  // Recomputed a moment after the last keystroke, and only while the panel is open: the first
  // overview of many documents extracts their entities.
  function scheduleOverview() {
    clearTimeout(overviewTimer);
    overviewTimer = setTimeout(updateOverview, 150);
  }

  function updateOverview() {
    if (!state.engine || !views.overview.isOpen()) return;
    var active = App.isActive();
    var ids, scope;
    if (active) {
      ids = Array.from(state.hits.keys());
      scope = ids.length ? 'في ' + (state.hitsTotal > ids.length ? 'أول ' : '') + UI.count('docs', ids.length) + ' من النتائج' : '';
    } else if (state.docs.length > OVERVIEW_ALL) {
      ids = state.docs.slice(0, OVERVIEW_ALL).map(function (d) { return String(d.id); });
      scope = 'في أول ' + UI.count('docs', OVERVIEW_ALL) + ' من ' + state.docs.length;
    } else {
      ids = [];
      scope = 'في المجموعة كلها (' + UI.count('docs', state.docs.length) + ')';
    }
    if (active && !ids.length) {
      views.overview.render({ entities: [], pairs: [], timeline: [] }, state.byId, 'لا نتائج');
      return;
    }
    var failed = function (err) {
      views.overview.render({ entities: [], pairs: [], timeline: [] }, state.byId,
        'تعذّر حساب النظرة العامة: ' + App.errorText(err));
    };
    // The user's collection is also held by the worker, which computes the overview there:
    // extracting the entities of hundreds of documents (or of one very large one) took seconds
    // of this thread. Only the bundled corpus alone (five articles) is done here.
    var request = ++overviewRequest;
    var host = App.workerHost();
    if (state.userDocs > 0 && host && host.hasState) {
      host.ask({ type: 'overview', ids: ids, limit: 80 }).then(function (result) {
        if (request === overviewRequest && state.engine) views.overview.render(result, state.byId, scope);
      }, function (err) {
        if (request === overviewRequest) failed(err);
      });
      return;
    }
    if (state.userDocs > 0) {
      // After a cancel or a crash the worker holds no collection: give it the page's again.
      views.overview.render({ entities: [], pairs: [], timeline: [] }, state.byId, 'جارٍ حساب النظرة العامة…');
      if (!App.jobsBusy()) App.reseedWorker().then(scheduleOverview, failed);
      return;
    }
    try {
      views.overview.render(state.engine.entityOverview(ids, 80), state.byId, scope);
    } catch (err) {
      failed(err);
    }
  }

  App.scheduleOverview = scheduleOverview;
})(window);
