/* Mirsad UI — the export buttons (results, their entities, keyword-in-context lines; CSV and
 * JSON), the progress of an export with its cancel button, and the files, made in the page (a Blob and a download link: nothing leaves the browser). CSV is UTF-8 with a
 * byte-order mark (so spreadsheet programs read Arabic) and RFC 4180 quoting. A document's text
 * must never become a spreadsheet formula (CSV injection), whichever separator the spreadsheet
 * guesses (comma, semicolon or tab): see csvCell. */
(function (global) {
  'use strict';

  var UI = global.MirsadUI = global.MirsadUI || {};

  // OWASP's CSV-injection guidance: a cell that starts with = + - @ tab or CR, even after
  // spaces (spreadsheets trim them), is read as a formula; a leading apostrophe makes it text.
  var FORMULA_START = /^[\s\u00A0\u3000]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
  // Any separator a spreadsheet may guess, a line break or a quote: the cell is quoted, so
  // `x;=1+4` stays one cell whose text starts with x, not a cell `x` and a formula `=1+4`.
  var NEEDS_QUOTES = /[",;\t\r\n]/;

  /** A cell as CSV: formula-looking text is defused, then quoted when needed. */
  function csvCell(value) {
    var s = value === undefined || value === null ? '' : String(value);
    if (FORMULA_START.test(s)) s = "'" + s;
    if (NEEDS_QUOTES.test(s) || s !== s.trim()) s = '"' + s.replace(/"/g, '""') + '"';
    return s;
  }

  /** The CSV lines of rows (no header, no byte-order mark), each row's cells in `columns` order. */
  function csvLines(rows, columns) {
    var out = '';
    for (var i = 0; i < rows.length; i++) {
      out += columns.map(function (c) { return csvCell(rows[i][c]); }).join(',') + '\r\n';
    }
    return out;
  }

  /** rows: [{...}], columns: [key, ...] → CSV text with a header line. */
  function toCsv(rows, columns) {
    return '\uFEFF' + columns.map(csvCell).join(',') + '\r\n' + csvLines(rows, columns);
  }

  /*
   * An export's CSV file starts with what it is (query, level, filters, totals, time) as
   * two-column rows `key,value`, then one empty row, then the table with its header. One file
   * rather than two: a download of two files is refused or asked about by browsers, and a file
   * that travels alone must still say which query made it. A spreadsheet opens it as it is (the
   * metadata in the first rows, the table below); a program that wants only the table skips the
   * lines up to the first empty one.
   */
  function csvHead(meta, columns) {
    var lines = Object.keys(meta).map(function (key) {
      var v = meta[key];
      if (v !== null && typeof v === 'object') v = JSON.stringify(v);
      return csvCell(key) + ',' + csvCell(v);
    });
    return '\uFEFF' + lines.join('\r\n') + '\r\n\r\n' + columns.map(csvCell).join(',') + '\r\n';
  }

  /** Saves `parts` (a string or an array of strings: a Blob's parts) as a file named `name`. */
  function download(name, parts, type) {
    var url = URL.createObjectURL(new Blob(Array.isArray(parts) ? parts : [parts], { type: type }));
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  var KINDS = ['results', 'entities', 'kwic', 'events'];

  /**
   * The export buttons and the progress of the export under way.
   * els: {buttons: {results|entities|kwic: {csv, json}}, box, bar, status, cancel}
   * on: {start(kind, format), cancel()}
   */
  function Exporter(els, on) {
    this.els = els;
    KINDS.forEach(function (kind) {
      ['csv', 'json'].forEach(function (format) {
        els.buttons[kind][format].addEventListener('click', function () { on.start(kind, format); });
      });
    });
    els.cancel.addEventListener('click', function () { on.cancel(); });
    this.clearTimer = 0;
    this.busy(false);
  }

  Exporter.prototype.each = function (fn) {
    var buttons = this.els.buttons;
    KINDS.forEach(function (kind) { fn(buttons[kind].csv); fn(buttons[kind].json); });
  };

  /** While an export runs, the buttons wait and the bar with its cancel button shows. */
  Exporter.prototype.busy = function (on) {
    this.each(function (b) { b.disabled = on; });
    this.els.cancel.hidden = !on;
    this.els.bar.hidden = !on;
    if (on) {
      clearTimeout(this.clearTimer);
      this.els.box.hidden = false;
    }
  };

  /** done of total (total 0: not yet known). */
  Exporter.prototype.progress = function (text, done, total) {
    this.els.status.textContent = text;
    if (total > 0) {
      this.els.bar.max = total;
      this.els.bar.value = done;
    } else {
      this.els.bar.removeAttribute('value');
    }
  };

  /** The export is over: says how it ended, for a while. */
  Exporter.prototype.finish = function (text) {
    var els = this.els;
    this.busy(false);
    els.status.textContent = text;
    clearTimeout(this.clearTimer);
    this.clearTimer = setTimeout(function () { els.box.hidden = true; els.status.textContent = ''; }, 8000);
  };

  UI.csvLines = csvLines;
  UI.csvHead = csvHead;
  UI.download = download;
  UI.toCsv = toCsv;
  UI.csvCell = csvCell;
  UI.Exporter = Exporter;
})(window);
