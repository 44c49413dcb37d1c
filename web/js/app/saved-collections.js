/* Mirsad page — the named collections: which one the page shows (state.active), the last one
 * shown brought back at the next visit, switching, «مجموعة جديدة», renaming and removing, and
 * keeping each one in the browser (app/collection-store.js) after every load.
 *
 * The bundled demo articles are a collection like the others (id "demo", always there, never
 * stored: corpus.js has them) and are not mixed into the user's: files added while the demo is
 * shown start a new collection named after the first file. The worker (jobs.js) holds the
 * collection shown; on a switch it is stopped, and the next job or overview seeds it with the
 * shown collection's index file (collections.js, collectionSeed). */
(function (global) {
  'use strict';

  var App = global.MirsadApp;
  var Store = App.CollectionStore;
  var state = App.state;
  var views = App.views;

  var DEMO_ID = 'demo';
  var DEMO_NAME = 'الأخبار المضمّنة';
  // The core's refusal of an index written by another build (api/index_file.cpp).
  var VERSION_REFUSAL = /different analyzer|format version/;

  var store = null;            // the opened Store; null when the browser keeps nothing
  var storeProblem = '';       // the user's message when it does not
  var startNotice = '';        // a collection that could not be brought back at start-up
  var records = [];            // the user's collections' records, the most recently updated first
  var sessionBlobs = new Map();  // id → index file of a collection the browser could not keep
  var unreadable = new Set();  // ids of stored collections whose index this version cannot load
  var demo = { id: DEMO_ID, name: DEMO_NAME, demo: true, documents: 0, bytes: 0, created: 0, updated: 0 };
  var demoBytes = null;        // the demo's index file (five articles: small)

  function findRecord(id) {
    for (var i = 0; i < records.length; i++) if (records[i].id === id) return records[i];
    return id === DEMO_ID ? demo : null;
  }

  function newId() {
    return 'c-' + Date.now().toString(36) + '-' + Math.floor(Math.random() * 1e9).toString(36);
  }

  function storageFailed(err) {
    if (global.console) console.warn('Mirsad: the browser did not keep the collection:', err);
    storeProblem = Store.describe(err);
    App.setStatus(storeProblem);
    render();
  }

  function render() {
    if (!views.collections) return;
    var items = [demo].concat(records).map(function (r) {
      var item = Object.assign({}, r);
      item.sessionOnly = sessionBlobs.has(r.id);
      item.unreadable = unreadable.has(r.id);
      return item;
    });
    views.collections.render(items, state.active ? state.active.id : DEMO_ID, storeProblem);
    document.body.dataset.collection = state.active ? state.active.id : DEMO_ID;  // for tests
  }

  function indexBlobOf(id) {
    if (sessionBlobs.has(id)) return Promise.resolve(sessionBlobs.get(id));
    if (!store) return Promise.reject(new Error('no storage'));
    return store.indexBlob(id).then(function (blob) {
      if (!blob) throw new Error('المجموعة محفوظة بلا فهرسها');
      return blob;
    });
  }

  /* Keeps `record` and its index file in the browser; then the page's copy of the file is the one
   * read back (backed by the browser's disk, not by memory). A failure keeps it for the session. */
  function keep(record, blob) {
    var remember = function (err) {
      sessionBlobs.set(record.id, blob);
      storageFailed(err);
    };
    if (!store) {
      remember(new Error('no storage'));
      return Promise.resolve();
    }
    return store.save(record, blob).then(function () {
      sessionBlobs.delete(record.id);
      if (state.active && state.active.id === record.id) return store.setSetting('active', record.id);
    }).then(function () {
      return store.indexBlob(record.id);
    }).then(function (stored) {
      if (stored && state.active && state.active.id === record.id && state.indexBlob === blob) state.indexBlob = stored;
    }).catch(remember);
  }

  function upsert(record) {
    records = records.filter(function (r) { return r.id !== record.id; });
    records.unshift(record);
  }

  /* The page now shows `record`: what the rest of the page reads about it. */
  function becomeActive(record) {
    state.active = record;
    state.includesBundled = Boolean(record.demo);
    state.userDocs = record.demo ? 0 : state.docs.length;
    state.bundledIds = record.demo ? state.docs.map(function (d) { return d.id; }) : [];
    // The worker holds the collection shown before (or is seeding it for the overview): stopped,
    // the next job or overview seeds it with this one.
    var host = App.workerHost();
    if (host) host.cancel();
    if (record.demo) demo.documents = state.docs.length;
    render();
  }

  /* ---- start-up ---- */

  /** The collection to show at start-up: {record, blob, bytes} of the last one shown, or null
   * (the demo). Never rejects: a storage failure is reported and the demo shown. */
  function savedAtStart() {
    return Store.open().then(function (s) {
      store = s;
      return s.list();
    }).then(function (list) {
      records = list;
      return store.setting('active');
    }).then(function (id) {
      var record = id && id !== DEMO_ID ? findRecord(id) : null;
      if (!record) return null;
      return store.indexBlob(id).then(function (blob) {
        if (!blob) throw new Error('المجموعة محفوظة بلا فهرسها');
        // The file is not read here: the core reads it from the Blob a few MB at a time
        // (Engine.loadIndexStream), so neither the page's JS nor the module holds it whole.
        App.mark('mirsad:collection-read');  // (for the tests and scripts/bench: where the restore's time goes)
        return { record: record, blob: blob };
      }).catch(function (err) {
        unreadableCollection(record, err);
        return null;
      });
    }).catch(function (err) {
      store = null;
      storeProblem = Store.describe(err);
      if (global.console) console.warn('Mirsad: no storage for collections:', err);
      return null;
    });
  }

  function unreadableCollection(record, err) {
    unreadable.add(record.id);
    var why = App.errorText(err);
    var version = VERSION_REFUSAL.test(why);
    startNotice = 'تعذّر فتح المجموعة المحفوظة «\u2068' + record.name + '\u2069»: ' +
      (version ? 'بُنيت بإصدار آخر من المحلّل لا يقرؤه هذا الإصدار' : why) +
      '. بقيت محفوظة كما هي (لم يُحذف منها شيء)؛ أعد إضافة ملفاتها إلى مجموعة جديدة لبنائها من جديد، أو احذفها من قائمة المجموعات.';
    App.setStatus(startNotice);
    render();
  }

  /** Loads the saved collection into `engine` (in slices). Resolves to {engine, restored}: a
   * collection that no longer loads is reported and the start goes on with a fresh engine. */
  function restoreSaved(engine, saved) {
    if (!saved) return Promise.resolve({ engine: engine, restored: false });
    return engine.loadIndexStream(saved.blob, { sliceMs: 25 }).then(function (r) {
      if (r.error) throw new Error(r.error);
      App.mark('mirsad:collection-loaded');
      state.active = saved.record;
      state.indexBlob = saved.blob;
      return engine.documentsInSlices();
    }).then(function () {
      // The page's list and first search come in a task of their own, not after the last slice.
      return new Promise(function (resolve) { setTimeout(function () { resolve({ engine: engine, restored: true }); }, 0); });
    }).catch(function (err) {
      unreadableCollection(saved.record, err);
      try { engine.dispose(); } catch (e) { /* the instance is gone */ }
      global.Mirsad.restartAfterAbort();
      return global.Mirsad.create().then(function (fresh) { return { engine: fresh, restored: false }; });
    });
  }

  /** Start-up is done (init in app.js): the page shows state.active, or the demo with index file `demoFile`. */
  function started(demoFile) {
    if (demoFile) demoBytes = demoFile;
    demo.documents = Array.isArray(global.MIRSAD_CORPUS) ? global.MIRSAD_CORPUS.length : 0;
    demo.bytes = demoFile ? demoFile.length : state.bundledIndex ? state.bundledIndex.length : 0;
    if (!state.active) {
      state.active = demo;
      state.indexBlob = new Blob([demoFile]);
    }
    state.includesBundled = Boolean(state.active.demo);
    state.userDocs = state.active.demo ? 0 : state.docs.length;
    if (storeProblem || startNotice) App.setStatus([startNotice, storeProblem].filter(Boolean).join(' '));
    views.collections.enable(true);
    render();
  }

  /* ---- what the user does ---- */

  // The demo's index file: the bundled one, or (when this core refused it) the articles analysed.
  function demoFile() {
    if (demoBytes) return Promise.resolve(demoBytes);
    return global.Mirsad.create().then(function (engine) {
      var loaded = state.bundledIndex ? engine.loadIndex(state.bundledIndex) : { error: 'no index' };
      if (loaded.error) engine.addDocuments(global.MIRSAD_CORPUS);
      demoBytes = loaded.error ? engine.saveIndex() : state.bundledIndex;
      engine.dispose();
      demo.bytes = demoBytes.length;
      return demoBytes;
    });
  }

  // A load of the user's files, or a collection being swapped in (a reseed of the worker for the
  // overview is not: a switch cancels it).
  function busy() { return Boolean(document.body.dataset.loading || document.body.dataset.swapping); }

  function busyRefusal() {
    views.byod.finish('انتظر حتى ينتهي التحميل الجاري ثم بدّل المجموعة.', [], 'warning');
  }

  function switchTo(id) {
    var record = findRecord(id);
    if (!record || (state.active && state.active.id === id)) return Promise.resolve();
    if (busy()) { busyRefusal(); return Promise.resolve(); }
    var label = 'جارٍ فتح المجموعة «\u2068' + record.name + '\u2069»…';
    views.byod.progress(label, 0, 1);
    var file = record.demo
      ? demoFile().then(function (bytes) { return { bytes: bytes, blob: new Blob([bytes]) }; })
      : indexBlobOf(id).then(function (blob) { return { bytes: blob, blob: blob }; });  // streamed from the Blob
    return file.then(function (f) {
      return App.replaceCollection(f.bytes, function (fraction) { views.byod.progress(label, fraction, 1); }, f.blob);
    }).then(function () {
      unreadable.delete(id);
      becomeActive(record);
      if (store) store.setSetting('active', id).catch(function () { /* shown now, not remembered for the next visit */ });
      views.byod.finish('تعرض الصفحة الآن المجموعة «\u2068' + record.name + '\u2069»: ' + App.countDocs(state.docs.length) + '.', [], 'ok');
    }, function (err) {
      var why = App.errorText(err);
      if (!record.demo && VERSION_REFUSAL.test(why)) {
        unreadableCollection(record, err);
        why = 'بُنيت بإصدار آخر من المحلّل لا يقرؤه هذا الإصدار؛ بقيت محفوظة كما هي، وبقيت الصفحة على المجموعة السابقة.';
      }
      views.byod.finish('تعذّر فتح المجموعة «\u2068' + record.name + '\u2069»: ' + why, [], 'error');
    });
  }

  function create(name) {
    if (busy()) { busyRefusal(); return Promise.resolve(); }
    var now = Date.now();
    var record = { id: newId(), name: name, created: now, updated: now, documents: 0, bytes: 0 };
    return global.Mirsad.create().then(function (engine) {
      var bytes = engine.saveIndex();  // an empty collection's index file
      engine.dispose();
      var blob = new Blob([bytes]);
      record.bytes = bytes.length;
      return App.replaceCollection(bytes, [], null, blob).then(function () {
        upsert(record);
        becomeActive(record);
        views.byod.finish('أُنشئت المجموعة «\u2068' + name + '\u2069»؛ أضف إليها مستنداتك.', [], 'ok');
        return keep(record, blob);
      });
    }).catch(function (err) {
      views.byod.finish('تعذّر إنشاء المجموعة: ' + App.errorText(err), [], 'error');
    }).then(render);
  }

  function rename(id, name) {
    var record = findRecord(id);
    if (!record || record.demo) return Promise.resolve();
    record.name = name;
    render();
    if (!store || sessionBlobs.has(id)) return Promise.resolve();
    return store.rename(id, name).catch(storageFailed);
  }

  function remove(id) {
    var record = findRecord(id);
    if (!record || record.demo) return Promise.resolve();
    var first = state.active && state.active.id === id ? switchTo(DEMO_ID) : Promise.resolve();
    return first.then(function () {
      if (state.active && state.active.id === id) return;  // could not leave it: keep it
      records = records.filter(function (r) { return r.id !== id; });
      sessionBlobs.delete(id);
      unreadable.delete(id);
      render();
      if (store) return store.remove(id).catch(storageFailed);
    });
  }

  /* ---- the jobs' side (jobs.js) ---- */

  /** The collection a job adds its files to: the one shown, or, when that is the demo, a new one
   * named after the first file (the worker is stopped: it must not start from the demo). */
  function jobTarget(names) {
    if (state.active && !state.active.demo) return state.active;
    var host = App.workerHost();
    if (host) host.cancel();
    var now = Date.now();
    var first = names.length ? String(names[0]).replace(/\.[^.]*$/, '') : '';
    return { id: newId(), name: first || 'مجموعتي', created: now, updated: now, documents: 0, bytes: 0 };
  }

  /** A job's new index is loaded (collections.js): `target` is now shown; keep it in the browser. */
  function jobLoaded(target, done) {
    done.index = null;  // loaded into the engine: the page keeps no copy (the Blob is written below)
    target.updated = Date.now();
    target.documents = done.documents;
    target.bytes = done.indexBlob ? done.indexBlob.size : 0;
    upsert(target);
    state.active = target;
    state.includesBundled = false;
    unreadable.delete(target.id);
    render();
    return done.indexBlob ? keep(target, done.indexBlob) : Promise.resolve();
  }

  App.countDocs = function (n) { return global.MirsadUI.count('docs', n); };
  App.savedAtStart = savedAtStart;
  App.restoreSaved = restoreSaved;
  App.collectionsStarted = started;
  App.switchCollection = switchTo;
  App.newCollection = create;
  App.renameCollection = rename;
  App.removeCollection = remove;
  App.jobTarget = jobTarget;
  // The name of the collection shown (exports record it).
  App.collectionName = function () { return state.active ? state.active.name : DEMO_NAME; };
  App.jobLoaded = jobLoaded;
})(window);
