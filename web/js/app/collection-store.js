/* Mirsad page — the user's collections kept in the browser (IndexedDB), so they survive a reload.
 *
 * A collection is its record {id, name, created, updated, documents, bytes} and its index file
 * (the core's saved index, which holds the texts too) kept as a Blob: a Blob goes into and out of
 * IndexedDB by reference, so neither writing nor reading it is a pause on the page's thread, and
 * one read back is backed by the browser's disk, not by the page's memory.
 *
 * Why IndexedDB and not the origin-private file system: Chromium refuses OPFS to a page opened
 * from file:// (navigator.storage.getDirectory() throws SecurityError) and this page must work
 * from file://; IndexedDB works there and over http alike. Every file:// page shares one origin,
 * so the database's name is specific to Mirsad.
 *
 * Every function returns a promise; a store that cannot be opened (private mode, storage
 * disabled, a refused quota) rejects, and the page keeps its collection for the session only
 * (see describe() for the user's message). No Arabic logic here, and no document text is read. */
(function (global) {
  'use strict';

  var App = global.MirsadApp = global.MirsadApp || {};

  var DB_NAME = 'mirsad-collections';
  var DB_VERSION = 1;
  var RECORDS = 'collections';  // keyPath id: {id, name, created, updated, documents, bytes}
  var INDEXES = 'indexes';      // key id → Blob (the index file)
  var SETTINGS = 'settings';    // key → value ('active': the id of the collection last shown)

  function request(r) {
    return new Promise(function (resolve, reject) {
      r.onsuccess = function () { resolve(r.result); };
      r.onerror = function () { reject(r.error); };
    });
  }

  // Resolves when the transaction is committed (a write is only kept then), rejects with its error
  // (QuotaExceededError arrives here, not on the put).
  function committed(tx) {
    return new Promise(function (resolve, reject) {
      tx.oncomplete = function () { resolve(); };
      tx.onerror = function () { reject(tx.error); };
      tx.onabort = function () { reject(tx.error || new Error('transaction aborted')); };
    });
  }

  function Store(db) { this.db = db; }

  /** Opens (creating on first use) the database; rejects when the browser gives no storage. */
  Store.open = function () {
    return new Promise(function (resolve, reject) {
      var r;
      try {
        if (!global.indexedDB) throw new Error('IndexedDB unavailable');
        r = global.indexedDB.open(DB_NAME, DB_VERSION);
      } catch (err) {
        reject(err);
        return;
      }
      r.onupgradeneeded = function () {
        var db = r.result;
        if (!db.objectStoreNames.contains(RECORDS)) db.createObjectStore(RECORDS, { keyPath: 'id' });
        if (!db.objectStoreNames.contains(INDEXES)) db.createObjectStore(INDEXES);
        if (!db.objectStoreNames.contains(SETTINGS)) db.createObjectStore(SETTINGS);
      };
      r.onsuccess = function () {
        var db = r.result;
        // Another tab upgrading the database: let it, this page reopens at the next visit.
        db.onversionchange = function () { db.close(); };
        resolve(new Store(db));
      };
      r.onerror = function () { reject(r.error || new Error('IndexedDB open failed')); };
      r.onblocked = function () { reject(new Error('IndexedDB blocked by another tab')); };
    });
  };

  /** Every collection's record, the most recently updated first. */
  Store.prototype.list = function () {
    var tx = this.db.transaction(RECORDS, 'readonly');
    return request(tx.objectStore(RECORDS).getAll()).then(function (all) {
      return all.sort(function (a, b) { return b.updated - a.updated; });
    });
  };

  Store.prototype.record = function (id) {
    return request(this.db.transaction(RECORDS, 'readonly').objectStore(RECORDS).get(id));
  };

  /** The collection's index file (a disk-backed Blob), or undefined. */
  Store.prototype.indexBlob = function (id) {
    return request(this.db.transaction(INDEXES, 'readonly').objectStore(INDEXES).get(id));
  };

  /** Writes a collection's record and its index file together (both or neither). */
  Store.prototype.save = function (record, blob) {
    var tx = this.db.transaction([RECORDS, INDEXES], 'readwrite');
    try {
      tx.objectStore(INDEXES).put(blob, record.id);
      tx.objectStore(RECORDS).put(record);
    } catch (err) {  // a refused value or a full disk can throw here too: nothing is written
      try { tx.abort(); } catch (e) { /* already finished */ }
      return Promise.reject(err);
    }
    return committed(tx).then(function () { return record; });
  };

  Store.prototype.rename = function (id, name) {
    var self = this;
    return this.record(id).then(function (record) {
      if (!record) throw new Error('no such collection');
      record.name = name;
      var tx = self.db.transaction(RECORDS, 'readwrite');
      tx.objectStore(RECORDS).put(record);
      return committed(tx).then(function () { return record; });
    });
  };

  Store.prototype.remove = function (id) {
    var tx = this.db.transaction([RECORDS, INDEXES, SETTINGS], 'readwrite');
    tx.objectStore(RECORDS).delete(id);
    tx.objectStore(INDEXES).delete(id);
    return committed(tx);
  };

  Store.prototype.setting = function (key) {
    return request(this.db.transaction(SETTINGS, 'readonly').objectStore(SETTINGS).get(key));
  };

  Store.prototype.setSetting = function (key, value) {
    var tx = this.db.transaction(SETTINGS, 'readwrite');
    tx.objectStore(SETTINGS).put(value, key);
    return committed(tx);
  };

  /** The user's message for a storage failure: what happened and what still works. */
  Store.describe = function (err) {
    var name = err && err.name ? err.name : '';
    if (name === 'QuotaExceededError') {
      return 'لا مساحة كافية في تخزين المتصفّح لحفظ هذه المجموعة؛ تبقى صالحة للبحث حتى إغلاق الصفحة، ' +
        'ولن تُستعاد بعد إعادة التحميل. احذف مجموعة قديمة لتفسح لها مكاناً.';
    }
    return 'تخزين المتصفّح غير متاح (تصفّح خاص أو تخزين معطّل)؛ المجموعة صالحة للبحث حتى إغلاق الصفحة، ' +
      'ولن تُحفظ لزيارة قادمة.';
  };

  App.CollectionStore = Store;
})(window);
