/* Mirsad UI — the field mapping form (#mapping-panel): which field of a records file (.csv, .json,
 * .jsonl) is the text, the title, the date, the source and the id. It shows the file's fields
 * with a few of their values and one select per role, and answers with the choice or null
 * (cancelled). It only shows things: app/field-mapping.js decides when to ask and remembers the
 * answer. Every value from the file goes into the page as text. */
(function (global) {
  'use strict';

  var UI = global.MirsadUI = global.MirsadUI || {};

  // The roles the form asks about, in the order shown; the text is the one that must be chosen.
  var ROLES = [
    { role: 'text', label: 'النص', none: null },
    { role: 'title', label: 'العنوان', none: '— بلا عنوان —' },
    { role: 'date', label: 'التاريخ', none: '— بلا تاريخ —' },
    { role: 'source', label: 'المصدر', none: '— بلا مصدر —' },
    { role: 'id', label: 'المعرّف', none: '— رقم السجلّ في الملف —' }
  ];

  function MappingForm(panel) {
    this.panel = panel;
    this.pending = null;
    var self = this;
    panel.addEventListener('keydown', function (ev) {
      if (ev.key === 'Escape' && self.pending) {
        ev.preventDefault();
        ev.stopPropagation();
        self.close(null);
      }
    });
  }

  /* The first value of each field among the samples, cut for the select's description. */
  function sampleOf(samples, field) {
    for (var i = 0; i < samples.length; i++) {
      var v = samples[i][field];
      if (typeof v === 'string' && v.trim() !== '') return v.replace(/\s+/g, ' ');
    }
    return '';
  }

  /**
   * Asks which field plays each role. peek: Mirsad.peekFile's answer; initial: {role: field|null}
   * preselected. → Promise of {text, title, date, source, id} ('' for none) or null.
   */
  MappingForm.prototype.ask = function (fileName, peek, initial) {
    if (this.pending) this.close(null);
    var self = this;
    var panel = this.panel;
    UI.clear(panel);
    var headingId = 'mapping-heading';
    var heading = UI.el('h2', 'mapping-panel__heading', 'تعيين الحقول: ');
    heading.id = headingId;
    heading.appendChild(UI.dataLabel(fileName, 'mapping-panel__file'));
    panel.appendChild(heading);
    panel.setAttribute('aria-labelledby', headingId);
    panel.appendChild(UI.el('p', 'mapping-panel__intro', initial && initial.text
      ? 'اختر الحقل الذي يؤدّي كلّ دور. يُحفظ اختيارك لملفات بالحقول نفسها ويُطبَّق في المرّة القادمة.'
      : 'لم يُعرف حقل النص في هذا الملف. اختر الحقل الذي يؤدّي كلّ دور؛ يُحفظ اختيارك لملفات بالحقول نفسها.'));

    var form = UI.el('form', 'mapping-panel__form');
    form.noValidate = true;
    var selects = {};
    ROLES.forEach(function (r) {
      var row = UI.el('div', 'mapping-panel__row');
      var id = 'mapping-' + r.role;
      var label = UI.el('label', 'mapping-panel__label', r.label);
      label.htmlFor = id;
      var select = UI.el('select', 'mapping-panel__select');
      select.id = id;
      select.name = r.role;
      if (r.none) select.appendChild(new Option(r.none, ''));
      else select.appendChild(new Option('— اختر حقل النص —', ''));
      peek.fields.forEach(function (f) { select.appendChild(new Option(f, f)); });
      var chosen = initial && initial[r.role];
      select.value = chosen && peek.fields.indexOf(chosen) >= 0 ? chosen : '';
      var sample = UI.el('span', 'mapping-panel__sample');
      sample.id = id + '-sample';
      sample.setAttribute('dir', 'auto');
      select.setAttribute('aria-describedby', sample.id);
      function showSample() { sample.textContent = select.value ? sampleOf(peek.samples, select.value) : ''; }
      select.addEventListener('change', function () { showSample(); self.validate(); });
      showSample();
      row.appendChild(label);
      row.appendChild(select);
      row.appendChild(sample);
      form.appendChild(row);
      selects[r.role] = select;
    });
    var problem = UI.el('p', 'mapping-panel__problem');
    problem.id = 'mapping-problem';
    problem.setAttribute('role', 'alert');
    form.appendChild(problem);

    var actions = UI.el('div', 'mapping-panel__actions');
    var apply = UI.el('button', 'byod__button byod__button--primary', 'حمّل بهذا التعيين');
    apply.type = 'submit';
    apply.id = 'mapping-apply';
    var cancel = UI.el('button', 'byod__button', 'إلغاء');
    cancel.type = 'button';
    cancel.id = 'mapping-cancel';
    actions.appendChild(apply);
    actions.appendChild(cancel);
    form.appendChild(actions);
    panel.appendChild(form);

    this.selects = selects;
    this.problem = problem;
    this.apply = apply;
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!self.validate()) { selects.text.focus(); return; }
      var mapping = {};
      ROLES.forEach(function (r) { mapping[r.role] = selects[r.role].value; });
      mapping.url = '';  // the id is exactly what was chosen (none: the record's number)
      self.close(mapping);
    });
    cancel.addEventListener('click', function () { self.close(null); });

    panel.hidden = false;
    this.validate();
    selects.text.focus();
    return new Promise(function (resolve) { self.pending = resolve; });
  };

  MappingForm.prototype.validate = function () {
    var ok = this.selects.text.value !== '';
    this.problem.textContent = ok ? '' : 'اختر حقل النص: بدونه لا يُحمَّل شيء.';
    this.selects.text.setAttribute('aria-invalid', ok ? 'false' : 'true');
    return ok;
  };

  MappingForm.prototype.close = function (answer) {
    var resolve = this.pending;
    this.pending = null;
    this.panel.hidden = true;
    UI.clear(this.panel);
    if (resolve) resolve(answer);
  };

  UI.MappingForm = MappingForm;
})(window);
