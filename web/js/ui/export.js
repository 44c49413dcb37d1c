/* Mirsad UI — export of the current results and of the entities in scope, as CSV and JSON files
 * made in the page (a Blob and a download link: nothing leaves the browser). CSV is UTF-8 with a
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

  /** rows: [{...}], columns: [key, ...] → CSV text with a header line. */
  function toCsv(rows, columns) {
    var lines = [columns.map(csvCell).join(',')];
    for (var i = 0; i < rows.length; i++) {
      lines.push(columns.map(function (c) { return csvCell(rows[i][c]); }).join(','));
    }
    return '\uFEFF' + lines.join('\r\n') + '\r\n';
  }

  /** Saves `text` as a file named `name` through a temporary link. */
  function download(name, text, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  var RESULT_COLUMNS = ['rank', 'id', 'title', 'date', 'source', 'score', 'matches', 'snippet'];
  var ENTITY_COLUMNS = ['document', 'type', 'text', 'canonical', 'label_en', 'value', 'start', 'end'];

  /**
   * els: {results: {csv, json}, entities: {csv, json}}
   * get: {results() → rows, entities() → rows, name() → a file name stem}
   */
  function Exporter(els, get) {
    function save(kind, format) {
      var rows = get[kind]();
      var stem = 'mirsad-' + kind + '-' + get.name();
      if (format === 'csv') download(stem + '.csv', toCsv(rows, kind === 'results' ? RESULT_COLUMNS : ENTITY_COLUMNS), 'text/csv;charset=utf-8');
      else download(stem + '.json', JSON.stringify(rows, null, 2), 'application/json');
    }
    els.results.csv.addEventListener('click', function () { save('results', 'csv'); });
    els.results.json.addEventListener('click', function () { save('results', 'json'); });
    els.entities.csv.addEventListener('click', function () { save('entities', 'csv'); });
    els.entities.json.addEventListener('click', function () { save('entities', 'json'); });
  }

  UI.toCsv = toCsv;
  UI.csvCell = csvCell;
  UI.Exporter = Exporter;
})(window);
