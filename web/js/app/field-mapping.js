/* Mirsad page — which field of the user's records files (.csv, .json, .jsonl) is the text, the
 * title, the date, the source and the id. The core recognises common names by itself; the page
 * asks (UI.MappingForm) only when it finds no text field or when the user asked («تعيين الحقول»),
 * and remembers the answer per file shape (the sorted set of field names, in localStorage), so
 * the next file with the same fields loads without asking. */
(function (global) {
  'use strict';

  var App = global.MirsadApp;
  var views = App.views;

  var RECORDS = /\.(csv|json|jsonl)$/i;
  var PEEK_BYTES = 256 * 1024;  // the fields and first records are in the file's beginning
  App.PEEK_BYTES = PEEK_BYTES;  // what jobs.js reads of a file on this thread (the worker reads the rest)
  var KEY_PREFIX = 'mirsad.fieldMapping:';

  function shapeKey(fields) { return KEY_PREFIX + JSON.stringify(fields.slice().sort()); }

  function remembered(fields) {
    try {
      var saved = JSON.parse(global.localStorage.getItem(shapeKey(fields)) || 'null');
      return saved && typeof saved.text === 'string' && fields.indexOf(saved.text) >= 0 ? saved : null;
    } catch (e) { return null; }  // no storage (a private window, file:// in some browsers)
  }

  function remember(fields, mapping) {
    try { global.localStorage.setItem(shapeKey(fields), JSON.stringify(mapping)); } catch (e) { /* not kept: asked again next time */ }
  }

  /* → Promise of the mapping for one file: null (the core's own recognition), the remembered one,
   * or the user's; rejects with {skipped: true} when the user cancels the form. */
  function mappingFor(item, ask) {
    if (!RECORDS.test(item.name)) return Promise.resolve(null);
    return global.Mirsad.peekFile(item.name, item.head.subarray(0, PEEK_BYTES), 3).then(function (peek) {
      if (!peek.fields.length) return null;  // nothing to choose from: the core reports why
      var saved = remembered(peek.fields);
      if (saved && !ask) return saved;
      if (!ask && peek.mapping.text) return null;
      views.byod.setStatus('في انتظار تعيين الحقول…');
      return views.mappingForm.ask(item.name, peek, saved || peek.mapping).then(function (chosen) {
        if (!chosen) {
          var skip = new Error('skipped');
          skip.skipped = true;
          throw skip;
        }
        remember(peek.fields, chosen);
        return chosen;
      });
    });
  }

  var ROLE_NAMES = { text: 'النص', title: 'العنوان', date: 'التاريخ', source: 'المصدر', id: 'المعرّف', url: 'المعرّف' };

  /**
   * What the core recognised by itself in a file's report, when the names differ from the roles'
   * («حقول ⁨news.csv⁩: النص ← body، العنوان ← headline»), so a wrong guess is seen; '' otherwise.
   */
  App.recognisedFields = function (report) {
    var m = report && report.mapping;
    if (!m) return '';
    // A field named as its role is no news, except a url that names the documents.
    var parts = m.automatic.filter(function (role) { return m[role] !== role || (role === 'url' && !m.id); })
      .map(function (role) { return ROLE_NAMES[role] + ' ← ' + m[role]; });
    if (m.generated_ids) parts.push('المعرّف ← رقم السجلّ');
    return parts.length ? 'حقول \u2068' + report.name + '\u2069: ' + parts.join('، ') + '.' : '';
  };

  /**
   * Settles the mapping of each file in turn (one form at a time): items gain `mapping`; a file
   * whose form was cancelled is left out, with a note. → Promise of the items to load.
   */
  App.chooseMappings = function (items, ask, notes) {
    var kept = [];
    return items.reduce(function (previous, item) {
      return previous.then(function () {
        return mappingFor(item, ask).then(function (mapping) {
          if (mapping) item.mapping = mapping;
          kept.push(item);
        }, function (err) {
          if (!err || !err.skipped) throw err;
          notes.push({ file: item.name, line: 0, id: '', text: 'لم يُحمَّل: أُلغي تعيين الحقول', detail: '', severity: 'warning' });
        });
      });
    }, Promise.resolve()).then(function () { return kept; });
  };
})(window);
