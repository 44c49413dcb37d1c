/* Mirsad page — the user's own documents (files, drops, pasted text): queued as jobs for the
 * worker, which analyses them with the current collection and hands back a saved index that
 * replaces the page's engine (collections.js). */
(function (global) {
  'use strict';

  var App = global.MirsadApp;
  var UI = global.MirsadUI;
  var state = App.state;
  var views = App.views;

  var jobs = [];         // queued: {files: [File | {name, text}], notes: [...], rebuild: bool, askMapping: bool}
  var busy = false;
  var cancelled = false;

  App.jobsBusy = function () { return busy; };

  // Starts the worker again from the page's collection (its index file), without touching the
  // page's engine: the worker answers the overview and the exports for the collection it holds.
  // Asked again while it runs, the same promise.
  var reseeding = null;
  function reseedWorker() {
    if (reseeding) return reseeding;
    var host = App.ensureWorkerHost();
    busy = true;
    var message = App.loadMessage(state.includesBundled, []);
    message.seed = App.collectionSeed();
    reseeding = host.run(message, null).then(function () {
      busy = false;
      reseeding = null;
      runJobs();
    }, function (err) {
      busy = false;
      reseeding = null;
      runJobs();
      throw err;
    });
    return reseeding;
  }

  // The worker, once it holds the page's collection: at once, after the reseed under way, or
  // after a new one (the bundled collection alone, or after a cancel or a crash). While the
  // user's documents are being loaded it holds the collection to come: not yet.
  function workerReady() {
    var host = App.workerHost();
    if (host && host.hasState && !reseeding) return Promise.resolve(host);
    if (busy && !reseeding) {
      var err = new Error('المستندات قيد التحميل؛ أعد المحاولة بعد انتهائه');
      err.loading = true;  // the page asks again once the new collection is in (swapEngine)
      return Promise.reject(err);
    }
    return reseedWorker().then(function () { return App.workerHost(); });
  }

  // options.askMapping: the user asked to choose the fields («تعيين الحقول»), even of files whose
  // fields are recognised or remembered.
  function onFiles(list, options) {
    var files = [];
    var notes = [];
    list.forEach(function (f) {
      if (UI.Byod.isAccepted(f.name)) files.push(f);
      else notes.push({ file: f.name, line: 0, id: '', text: 'نوع ملف غير مدعوم (المقبول: ‎.txt و‎.html و‎.json و‎.jsonl و‎.csv)؛ لم يُقرأ', detail: '', severity: 'error' });
    });
    if (!files.length) {
      views.byod.finish('لم يُضف أيّ مستند: لا ملفات ‎.txt أو ‎.html أو ‎.json أو ‎.jsonl أو ‎.csv بين ما اخترت.', notes, 'error');
      return;
    }
    enqueue({ files: files, notes: notes, rebuild: false, askMapping: Boolean(options && options.askMapping) });
  }

  function onPaste(text) {
    var id;
    do { id = 'نص-ملصق-' + (++state.pasteCounter); } while (state.byId.has(id));
    enqueue({ files: [{ name: id + '.txt', text: text, pasted: true }], notes: [], rebuild: false });
  }

  function onCancel() {
    cancelled = true;
    if (views.mappingForm) views.mappingForm.close(null);
    var host = App.workerHost();
    if (host) host.cancel();
  }

  function enqueue(job) {
    jobs.push(job);
    if (!busy) runJobs();
  }

  function readBytes(blob) {
    if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer().then(function (b) { return new Uint8Array(b); });
    return new Promise(function (resolve, reject) {
      var r = new FileReader();
      r.onload = function () { resolve(new Uint8Array(r.result)); };
      r.onerror = function () { reject(r.error || new Error('read failed')); };
      r.readAsArrayBuffer(blob);
    });
  }

  // What of a file this thread reads: its beginning (to choose a field mapping), never the whole.
  // The File itself goes to the worker, which reads it there: read here, 137 MB of .jsonl was as
  // much again of the page's memory, and a long task. A pasted text is its bytes.
  function readFile(f) {
    if (typeof f.text === 'string') {
      var bytes = new TextEncoder().encode(f.text);
      return Promise.resolve({ bytes: bytes, head: bytes, blob: null });
    }
    return readBytes(f.slice(0, App.PEEK_BYTES)).then(function (head) { return { bytes: null, head: head, blob: f }; });
  }

  // A file name inside Arabic text, isolated so a Latin name does not pull the punctuation around.
  function isolate(name) { return '\u2068' + name + '\u2069'; }

  var number = typeof Intl === 'object' ? new Intl.NumberFormat('en-US') : { format: String };

  // «تحليل 1,200 من 5,000 مستند…»: documents once the worker counts them (the total once it
  // knows every file's), the file's name when there are several.
  function progressText(p) {
    if (p.phase === 'rebuild') return 'إعادة بناء الفهرس: ' + p.done + ' من ' + p.total + '…';
    if (p.phase === 'file') {
      var docs = typeof p.docsDone !== 'number' ? ''
        : p.docsTotalKnown ? 'تحليل ' + number.format(p.docsDone) + ' من ' + number.format(p.docsTotal) + ' مستند…'
        : 'تحليل ' + number.format(p.docsDone) + ' مستند…';
      if (p.total === 1) return docs ? docs + ' (' + isolate(p.name) + ')' : 'تحليل ' + isolate(p.name) + '…';
      return (docs ? docs + ' ' : '') + 'الملف ' + p.index + ' من ' + p.total + ': ' + isolate(p.name);
    }
    return 'جارٍ تشغيل المحلّل في الخلفية…';
  }

  function runJobs() {
    if (busy || !jobs.length) return;
    busy = true;
    cancelled = false;
    // Everything queued so far goes into one job: one index back, one engine swap.
    var batch = jobs.splice(0, jobs.length);
    var files = [];
    var notes = [];
    var askMapping = false;
    batch.forEach(function (j) { files = files.concat(j.files); notes = notes.concat(j.notes); askMapping = askMapping || j.askMapping; });
    views.byod.progress(files.length ? 'جارٍ قراءة الملفات…' : 'جارٍ تحضير المجموعة…', 0, 0);

    var items = [];
    var target = null;
    Promise.all(files.map(function (f) {
      return readFile(f).then(function (read) {
        items.push({ name: f.name, bytes: read.bytes, head: read.head, blob: read.blob, order: files.indexOf(f), pasted: f.pasted === true });
      },
        function (err) {
          notes.push({ file: f.name, line: 0, id: '', text: 'تعذّرت قراءة الملف', detail: err && err.message ? err.message : '', severity: 'error' });
        });
    })).then(function () {
      if (cancelled) throw App.cancelError();
      items.sort(function (a, b) { return a.order - b.order; });
      return App.chooseMappings(items, askMapping, notes);
    }).then(function (chosen) {
      if (cancelled) throw App.cancelError();
      if (files.length && !chosen.length) {
        var none = new Error('every file was skipped');
        none.skipped = true;
        throw none;
      }
      items = chosen;
      views.byod.progress('جارٍ تشغيل المحلّل في الخلفية…', 0, 0);
      var names = items.map(function (i) { return i.name; });
      target = App.jobTarget(names);  // the collection shown, or a new one (saved-collections.js)
      var pasted = items.filter(function (i) { return i.pasted; }).length;
      var host = App.ensureWorkerHost();
      var message = App.loadMessage(false, items.map(function (i) { return { name: i.name, bytes: i.bytes, blob: i.blob, mapping: i.mapping || null }; }));
      // A fresh worker (first use, or after a cancel or a crash) starts from the page's collection
      // when that holds documents the user added.
      if (host.needsSeed() && state.userDocs > 0) message.seed = App.collectionSeed();
      return host.run(message, function (p) {
        if (p.docsTotalKnown && p.docsTotal > 0) views.byod.progress(progressText(p), p.docsDone, p.docsTotal);
        else if (p.bytesTotal > 0) views.byod.progress(progressText(p), p.bytesDone, p.bytesTotal);
        else views.byod.progress(progressText(p), 0, 0);
      }).then(function (done) { return { done: done, names: names, pasted: pasted }; });
    }).then(function (r) {
      var done = r.done;
      views.byod.progress('جارٍ تحميل الفهرس الجديد…', 0, 1);
      return App.replaceCollection(done.index || done.indexBlob, function (fraction) {
        views.byod.progress('جارٍ تحميل الفهرس الجديد…', fraction, 1);
      }, done.indexBlob).then(function () {
        done.index = null;  // loaded: the page keeps the Blob only
        App.ensureWorkerHost().startAfresh();
        state.userDocs = done.userDocuments;
        finishJob(done, r.names, r.pasted, notes);
        return App.jobLoaded(target, done);
      });
    }).catch(function (err) {
      if (err && err.cancelled) {
        views.byod.finish('أُلغي التحميل؛ بقيت المجموعة كما كانت.', notes, 'warning');
      } else if (err && err.skipped) {
        views.byod.finish('لم يُضف أيّ مستند؛ بقيت المجموعة كما كانت.', notes, 'warning');
      } else {
        if (global.console) console.warn('Mirsad: loading documents failed:', err);
        views.byod.finish('تعذّر تحميل المستندات: ' + App.errorText(err), notes, 'error');
      }
    }).then(function () {
      busy = false;
      runJobs();
    });
  }

  // pasted: how many of the names are pasted texts rather than the user's files.
  function finishJob(done, names, pasted, notes) {
    var Byod = UI.Byod;
    var all = notes.concat(Byod.notesOf(done.reports));
    var added = 0;
    var fileReports = (done.reports || []).filter(function (r) { return !r.kept; });
    fileReports.forEach(function (r) { added += r.added; });
    var total = UI.count('docs', done.documents);
    var summary = (added > 0 ? 'أُضيف ' + UI.count('docs', added) : 'لم يُضف أيّ مستند') + ' ' +
      Byod.fromSources(names.length - pasted, pasted) + '؛ في المجموعة الآن ' + total + '.';
    fileReports.forEach(function (r) {
      var fields = App.recognisedFields(r);
      if (fields) summary += ' ' + fields;
    });
    if (all.length) summary += ' ' + Byod.notes(all.length) + ':';
    var severity = all.some(function (n) { return n.severity === 'error'; }) || (names.length && added === 0) ? 'error'
      : all.length ? 'warning' : 'ok';
    views.byod.finish(summary, all, severity);
  }

  App.reseedWorker = reseedWorker;
  App.workerReady = workerReady;
  App.onFiles = onFiles;
  App.onPaste = onPaste;
  App.onCancel = onCancel;
})(window);
