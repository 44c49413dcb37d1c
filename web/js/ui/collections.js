/* Mirsad UI — the collections menu in the header: the collection shown (#collections-button), and
 * in its panel the list of collections (name, documents, size, date) to switch to, rename or
 * remove (after a confirmation), and «مجموعة جديدة». It only shows things and reports what the
 * user chose; app/saved-collections.js does it. Names are the user's text: set as text only. */
(function (global) {
  'use strict';

  var UI = global.MirsadUI = global.MirsadUI || {};

  var dateFormat = null;
  try { dateFormat = new Intl.DateTimeFormat('ar-u-nu-latn', { day: 'numeric', month: 'long', year: 'numeric' }); } catch (e) { dateFormat = null; }

  function size(bytes) {
    if (bytes >= 1024 * 1024) return (bytes / (1024 * 1024)).toFixed(1) + ' ميغابايت';
    return Math.max(1, Math.round(bytes / 1024)) + ' كيلوبايت';
  }

  function when(time) {
    if (!time) return '';
    var d = new Date(time);
    return dateFormat ? dateFormat.format(d) : d.toISOString().slice(0, 10);
  }

  // A name inside Arabic text, isolated so a Latin name does not pull the punctuation around.
  function quoted(name) { return '«\u2068' + name + '\u2069»'; }

  /**
   * els: {button, active, panel, list, note, create, dialog, dialogText, dialogField, dialogInput, dialogOk}
   * handlers: {onSwitch(id), onRename(id, name), onRemove(id), onNew(name)}
   */
  function Collections(els, handlers) {
    this.els = els;
    this.handlers = handlers;
    this.items = [];
    this.dialogDone = null;
    var self = this;
    els.button.addEventListener('click', function () { self.toggle(); });
    els.create.addEventListener('click', function () {
      self.ask('اسم المجموعة الجديدة:', 'مجموعة جديدة', 'أنشئ', function (name) { self.handlers.onNew(name); });
    });
    els.panel.addEventListener('keydown', function (ev) {
      if (ev.key === 'Escape') {
        ev.stopPropagation();
        self.toggle(false);
        els.button.focus();
      }
    });
    // A click outside the panel closes it (the dialog is outside it, and keeps it open).
    document.addEventListener('click', function (ev) {
      if (els.panel.hidden || els.dialog.open) return;
      if (!els.panel.contains(ev.target) && !els.button.contains(ev.target)) self.toggle(false);
    });
    els.dialog.addEventListener('close', function () {
      var done = self.dialogDone;
      self.dialogDone = null;
      if (done && els.dialog.returnValue === 'ok') done(els.dialogInput.value.trim());
    });
  }

  Collections.prototype.enable = function (on) {
    this.els.button.disabled = !on;
    if (!on) this.toggle(false);
  };

  Collections.prototype.toggle = function (open) {
    var show = open === undefined ? this.els.panel.hidden : open;
    this.els.panel.hidden = !show;
    this.els.button.setAttribute('aria-expanded', show ? 'true' : 'false');
    if (show) {
      var current = this.els.list.querySelector('[aria-current="true"] .collections__open');
      (current || this.els.create).focus();
    }
  };

  /* A question in the modal dialog: with a name field (value given) or a confirmation (value null). */
  Collections.prototype.ask = function (text, value, okLabel, done) {
    var els = this.els;
    els.dialogText.textContent = text;
    els.dialogField.hidden = value === null;
    els.dialogInput.required = value !== null;
    els.dialogInput.value = value === null ? '' : value;
    els.dialogOk.textContent = okLabel;
    this.dialogDone = function (answer) { if (value === null || answer) done(answer); };
    els.dialog.returnValue = '';
    els.dialog.showModal();
    if (value !== null) els.dialogInput.select();
  };

  /** items: [{id, name, documents, bytes, updated, demo, sessionOnly, unreadable}]; note: text or ''. */
  Collections.prototype.render = function (items, activeId, note) {
    var els = this.els;
    var self = this;
    this.items = items;
    var active = items.filter(function (c) { return c.id === activeId; })[0];
    els.active.textContent = active ? active.name : '';
    UI.clear(els.list);
    items.forEach(function (c) {
      var li = UI.el('li', 'collections__item');
      li.dataset.id = c.id;
      if (c.id === activeId) li.setAttribute('aria-current', 'true');
      var open = UI.el('button', 'collections__open');
      open.type = 'button';
      open.appendChild(UI.el('span', 'collections__name', c.name));
      var facts = [UI.count('docs', c.documents || 0)];
      if (c.bytes) facts.push(size(c.bytes));
      if (c.demo) facts.push('مضمّنة في مرصد');
      else if (c.updated) facts.push(when(c.updated));
      if (c.sessionOnly) facts.push('لهذه الجلسة فقط');
      if (c.unreadable) facts.push('لا يقرؤها هذا الإصدار');
      open.appendChild(UI.el('span', 'collections__facts', facts.join(' · ')));
      if (c.id === activeId) open.setAttribute('aria-current', 'true');  // said by a screen reader on the button
      open.addEventListener('click', function () {
        self.toggle(false);
        els.button.focus();
        if (c.id !== activeId) self.handlers.onSwitch(c.id);
      });
      li.appendChild(open);
      if (!c.demo) {
        var rename = UI.el('button', 'collections__action', 'تسمية');
        rename.type = 'button';
        rename.setAttribute('aria-label', 'إعادة تسمية ' + quoted(c.name));
        rename.addEventListener('click', function () {
          self.ask('الاسم الجديد للمجموعة ' + quoted(c.name) + ':', c.name, 'احفظ الاسم', function (name) {
            self.handlers.onRename(c.id, name);
          });
        });
        var remove = UI.el('button', 'collections__action collections__action--danger', 'حذف');
        remove.type = 'button';
        remove.setAttribute('aria-label', 'حذف ' + quoted(c.name));
        remove.addEventListener('click', function () {
          self.ask('حذف المجموعة ' + quoted(c.name) + ' (' + UI.count('docs', c.documents || 0) +
            ') من هذا المتصفّح؟ لا رجعة في الحذف؛ ملفاتك الأصلية لا تُمسّ.', null, 'احذف', function () {
            self.handlers.onRemove(c.id);
          });
        });
        li.appendChild(rename);
        li.appendChild(remove);
      }
      els.list.appendChild(li);
    });
    els.note.textContent = note || '';
    els.note.hidden = !note;
  };

  UI.Collections = Collections;
})(window);
