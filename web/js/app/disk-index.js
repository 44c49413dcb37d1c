/* Mirsad page — a static index opened from disk (issue 17): the folder `mirsad index --static`
 * wrote, picked with a folder input, is searched where it lies. Only the files a query needs are
 * read (File objects are references: nothing is read when the folder is picked), so an archive
 * far larger than the page's memory is searched without loading it. The search itself is the
 * widget's (<mirsad-search>, widget/widget.js) given the files as its index source: the same
 * results, highlights and reader as on a news site. The page's own tools (entities, overview,
 * concordance) need a collection in memory and stay with it. */
(function (global) {
  'use strict';

  var App = global.MirsadApp;
  var $ = App.$;

  /* The picked files by their path inside the chosen folder (webkitRelativePath starts with the
   * folder's own name, which the index's file names do not). */
  function filesByName(fileList) {
    var files = new Map();
    var root = '';
    for (var i = 0; i < fileList.length; i++) {
      var f = fileList[i];
      var rel = String(f.webkitRelativePath || f.name);
      var slash = rel.indexOf('/');
      if (slash >= 0) { root = rel.slice(0, slash); rel = rel.slice(slash + 1); }
      files.set(rel, f);
    }
    return { files: files, root: root };
  }

  /* The index's files as the static reader asks for them: bytes as stored (gzipped). */
  function readerOf(files) {
    return function (name) {
      var file = files.get(String(name));
      if (!file) return Promise.reject(new Error('لا يوجد في المجلد: ' + name));
      return file.arrayBuffer().then(function (b) { return new Uint8Array(b); });
    };
  }

  function close() {
    var panel = $('disk-index-panel');
    var old = panel.querySelector('mirsad-search');
    if (old) old.remove();
    panel.hidden = true;
    $('disk-index-button').setAttribute('aria-expanded', 'false');
  }

  function open(fileList) {
    var picked = filesByName(fileList);
    var panel = $('disk-index-panel');
    var status = $('disk-index-status');
    close();
    panel.hidden = false;
    $('disk-index-button').setAttribute('aria-expanded', 'true');
    $('disk-index-name').textContent = picked.root || '';
    if (!picked.files.has('manifest.json')) {
      status.textContent = 'ليس هذا المجلد فهرساً ثابتاً: لا يحوي manifest.json (يكتبه الأمر mirsad index --static).';
      status.dataset.kind = 'error';
      return;
    }
    status.textContent = 'تُقرأ الملفات التي يحتاجها البحث فقط (' + picked.files.size.toLocaleString('ar') + ' ملفاً في المجلد).';
    delete status.dataset.kind;
    var widget = global.document.createElement('mirsad-search');
    widget.id = 'disk-index-search';
    widget.setAttribute('height', '640');
    widget.indexSource = readerOf(picked.files);
    panel.appendChild(widget);
  }

  function init() {
    var input = $('disk-index-input');
    var button = $('disk-index-button');
    if (!input || !button) return;
    button.disabled = false;
    button.addEventListener('click', function () { input.click(); });
    input.addEventListener('change', function () {
      if (input.files && input.files.length) open(input.files);
      input.value = '';
    });
    $('disk-index-close').addEventListener('click', close);
  }

  App.diskIndex = { init: init, open: open, close: close };
})(window);
