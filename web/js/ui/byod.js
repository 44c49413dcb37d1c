/* Mirsad UI — "bring your own documents": the file picker (#file-input), drag-and-drop onto the
 * page (#drop-hint), «تعيين الحقول» (#mapping-button: the next files go through the field mapping
 * form), the paste panel (#paste-text, #paste-add), the progress bar (#load-progress)
 * with its status line (#load-status), and the list of what went wrong in which file and line
 * (#load-messages). It only shows things and reports
 * what the user did; app/jobs.js runs the jobs. Every message goes into the page as text nodes. */
(function (global) {
  'use strict';

  var UI = global.MirsadUI = global.MirsadUI || {};

  var ACCEPTED = /\.(txt|html?|json|jsonl|csv)$/i;

  var plural = null;
  try { plural = new Intl.PluralRules('ar'); } catch (e) { plural = null; }
  function pick(n, forms) {
    var c = plural ? plural.select(n) : (n === 0 ? 'zero' : n === 1 ? 'one' : n === 2 ? 'two' : 'other');
    return (forms[c] || forms.other).replace('{n}', String(n));
  }
  // after the preposition من (genitive)
  var FROM_FILES = { zero: 'من دون ملفات', one: 'من ملف واحد', two: 'من ملفين', few: 'من {n} ملفات', many: 'من {n} ملفاً', other: 'من {n} ملف' };
  var PASTES = { one: 'نص ملصق', two: 'نصّين ملصقين', few: '{n} نصوص ملصقة', many: '{n} نصّاً ملصقاً', other: '{n} نص ملصق' };
  var FILES = { one: 'ملف واحد', two: 'ملفين', few: '{n} ملفات', many: '{n} ملفاً', other: '{n} ملف' };
  var NOTES = { zero: 'لا ملاحظات', one: 'ملاحظة واحدة', two: 'ملاحظتان', few: '{n} ملاحظات', many: '{n} ملاحظةً', other: '{n} ملاحظة' };

  function Byod(els, handlers) {
    this.els = els;
    this.handlers = handlers;
    this.dragDepth = 0;
    this.enabled = false;
    var self = this;

    // «تعيين الحقول»: the files chosen next are loaded through the field mapping form.
    this.askMapping = false;
    els.fileButton.addEventListener('click', function () {
      if (!self.enabled) return;
      self.askMapping = false;
      els.fileInput.click();
    });
    els.mappingButton.addEventListener('click', function () {
      if (!self.enabled) return;
      self.askMapping = true;
      els.fileInput.click();
    });
    els.fileInput.addEventListener('cancel', function () { self.askMapping = false; });
    els.fileInput.addEventListener('change', function () {
      var files = Array.prototype.slice.call(els.fileInput.files || []);
      var ask = self.askMapping;
      self.askMapping = false;
      els.fileInput.value = '';  // choosing the same file again still fires change
      if (files.length) self.handlers.onFiles(files, { askMapping: ask });
    });

    els.pasteToggle.addEventListener('click', function () { self.togglePaste(); });
    els.pasteAdd.addEventListener('click', function () { self.submitPaste(); });
    els.pasteText.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); self.submitPaste(); }
    });
    els.pasteText.addEventListener('input', function () { self.updatePasteButton(); });
    els.cancel.addEventListener('click', function () { self.handlers.onCancel(); });
    els.dismiss.addEventListener('click', function () { self.hidePanel(); });

    // Drag and drop anywhere on the page; the hint shows while files are dragged over it.
    function hasFiles(ev) {
      var types = ev.dataTransfer && ev.dataTransfer.types;
      if (!types) return false;
      for (var i = 0; i < types.length; i++) if (types[i] === 'Files') return true;
      return false;
    }
    document.addEventListener('dragenter', function (ev) {
      if (!hasFiles(ev)) return;
      ev.preventDefault();
      self.dragDepth++;
      self.showDropHint(true);
    });
    document.addEventListener('dragover', function (ev) {
      if (!hasFiles(ev)) return;
      ev.preventDefault();
      ev.dataTransfer.dropEffect = self.enabled ? 'copy' : 'none';
    });
    document.addEventListener('dragleave', function (ev) {
      if (!hasFiles(ev)) return;
      self.dragDepth = Math.max(0, self.dragDepth - 1);
      if (self.dragDepth === 0) self.showDropHint(false);
    });
    document.addEventListener('drop', function (ev) {
      if (!hasFiles(ev)) return;
      ev.preventDefault();
      self.dragDepth = 0;
      self.showDropHint(false);
      if (!self.enabled) return;
      var files = Array.prototype.slice.call(ev.dataTransfer.files || []);
      if (files.length) self.handlers.onFiles(files);
    });
  }

  Byod.isAccepted = function (name) { return ACCEPTED.test(String(name)); };
  // The core's reports in Arabic (js/ui/load-notes.js, shared with the widget).
  Byod.describe = UI.describeLoadNote;
  Byod.notesOf = UI.loadNotes;

  Byod.prototype.enable = function () {
    this.enabled = true;
    this.els.fileButton.disabled = false;
    this.els.mappingButton.disabled = false;
    this.els.fileInput.disabled = false;
    this.els.pasteToggle.disabled = false;
    this.updatePasteButton();
  };

  Byod.prototype.showDropHint = function (on) {
    this.els.dropHint.hidden = !on;
    document.body.classList.toggle('is-dragging', on);
  };

  Byod.prototype.togglePaste = function (open) {
    var panel = this.els.pastePanel;
    var show = open === undefined ? panel.hidden : open;
    panel.hidden = !show;
    this.els.pasteToggle.setAttribute('aria-expanded', show ? 'true' : 'false');
    if (show) this.els.pasteText.focus();
  };

  Byod.prototype.updatePasteButton = function () {
    this.els.pasteAdd.disabled = !this.enabled || this.els.pasteText.value.trim() === '';
  };

  Byod.prototype.submitPaste = function () {
    var text = this.els.pasteText.value;
    if (!this.enabled || text.trim() === '') return;
    this.els.pasteText.value = '';
    this.updatePasteButton();
    this.togglePaste(false);
    this.els.pasteToggle.focus();
    this.handlers.onPaste(text);
  };


  /** Work in progress: value/max for the bar (omit max for an indeterminate bar), text for the status. */
  Byod.prototype.progress = function (text, value, max) {
    var bar = this.els.progress;
    this.els.panel.hidden = false;
    this.els.panel.classList.remove('is-error', 'is-warning');
    bar.hidden = false;
    if (max > 0) {
      bar.max = max;
      bar.value = Math.min(value, max);
    } else {
      bar.removeAttribute('value');  // indeterminate
    }
    this.els.cancel.hidden = false;
    this.els.dismiss.hidden = true;
    this.setStatus(text);
    this.showNotes([]);
    document.body.dataset.loading = '1';
  };

  Byod.prototype.setStatus = function (text) {
    if (this.els.status.textContent !== text) this.els.status.textContent = text;
  };

  /** Done (or failed): hides the bar, shows a summary and the notes. severity: 'ok'|'warning'|'error'. */
  Byod.prototype.finish = function (summary, notes, severity) {
    var bar = this.els.progress;
    bar.hidden = true;
    this.els.cancel.hidden = true;
    this.els.dismiss.hidden = false;
    this.els.panel.hidden = false;
    this.els.panel.classList.toggle('is-error', severity === 'error');
    this.els.panel.classList.toggle('is-warning', severity === 'warning');
    this.setStatus(summary);
    this.showNotes(notes || []);
    delete document.body.dataset.loading;
  };

  Byod.prototype.hidePanel = function () {
    this.els.panel.hidden = true;
    this.showNotes([]);
  };

  Byod.prototype.showNotes = function (notes) {
    var ul = this.els.messages;
    UI.clear(ul);
    var shown = Math.min(notes.length, 200);
    for (var i = 0; i < shown; i++) {
      var n = notes[i];
      var li = UI.el('li', 'load-note load-note--' + n.severity);
      if (n.file) {
        li.appendChild(UI.dataLabel(n.file, 'load-note__file'));
        if (n.line > 0) li.appendChild(document.createTextNode('، السطر ' + n.line));
        li.appendChild(document.createTextNode(': '));
      }
      if (n.id) {
        li.appendChild(document.createTextNode('المستند '));
        li.appendChild(UI.dataLabel(n.id, 'load-note__id'));
        li.appendChild(document.createTextNode(': '));
      }
      li.appendChild(document.createTextNode(n.text));
      if (n.detail) {
        li.appendChild(document.createTextNode(' '));
        var d = UI.el('bdi', 'load-note__detail', '(' + UI.withoutBidiControls(n.detail) + ')');
        d.setAttribute('dir', 'ltr');
        li.appendChild(d);
      }
      ul.appendChild(li);
    }
    if (notes.length > shown) {
      ul.appendChild(UI.el('li', 'load-note', 'و' + pick(notes.length - shown, NOTES) + ' أخرى لم تُعرض.'));
    }
    ul.hidden = notes.length === 0;
  };

  Byod.fromFiles = function (n) { return pick(n, FROM_FILES); };
  /** Where added documents came from: «من ملفين»، «من نص ملصق»، «من ملف واحد ونص ملصق». */
  Byod.fromSources = function (files, pastes) {
    if (!pastes) return pick(files, FROM_FILES);
    return 'من ' + (files ? pick(files, FILES) + ' و' : '') + pick(pastes, PASTES);
  };
  Byod.notes = function (n) { return pick(n, NOTES); };

  UI.Byod = Byod;
})(window);
