// The CSV cell of the page's export (web/js/ui/export.js, a classic script), run here without a
// browser: no cell may read as a formula in a spreadsheet, whichever separator it guesses.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const { ROOT } = require('./helpers');

// The script registers itself on window.MirsadUI, as in the page.
function loadExport() {
  const window = {};
  vm.runInNewContext(fs.readFileSync(path.join(ROOT, 'web', 'js', 'ui', 'export.js'), 'utf8'), { window },
    { filename: 'export.js' });
  return window.MirsadUI;
}
const { csvCell, toCsv } = loadExport();

// A minimal reader of one CSV line with the given separator, honouring RFC 4180 quotes (as
// spreadsheets do): the cells a spreadsheet would see.
function readCells(line, separator) {
  const cells = [];
  let cell = '', quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) { cells.push(cell); cell = ''; }
    else cell += c;
  }
  cells.push(cell);
  return cells;
}

const FORMULA = /^\s*[=+\-@\t\r]/;

test('cells that start like a formula get a leading apostrophe, after leading whitespace too', () => {
  assert.equal(csvCell('=1+2'), "'=1+2");
  assert.equal(csvCell('+1'), "'+1");
  assert.equal(csvCell('-2'), "'-2");
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvCell('\t=1+7'), '"\'\t=1+7"');
  assert.equal(csvCell('\r=1'), '"\'\r=1"');
  assert.equal(csvCell('  =1+3'), "'  =1+3", 'spaces before = are defused, not only quoted');
  assert.equal(csvCell('\n@x'), '"\'\n@x"');
  assert.equal(csvCell('\u00A0=1'), "'\u00A0=1");
  assert.equal(csvCell('＝1+1'), "'＝1+1", 'the fullwidth equals sign, which spreadsheets also accept');
  assert.equal(csvCell('ليبيا'), 'ليبيا');
  assert.equal(csvCell('a-b'), 'a-b');
  assert.equal(csvCell(3), '3');
  assert.equal(csvCell(null), '');
});

test('cells holding any separator a spreadsheet may guess, a line break or a quote are quoted', () => {
  assert.equal(csvCell('x;=1+4'), '"x;=1+4"');
  assert.equal(csvCell('x\t=1+7'), '"x\t=1+7"');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('قال "نعم"'), '"قال ""نعم"""');
  assert.equal(csvCell('one\ntwo'), '"one\ntwo"');
  assert.equal(csvCell('one\rtwo'), '"one\rtwo"');
});

test('no cell of a hostile row reads as a formula with a comma, a semicolon or a tab as separator', () => {
  const hostile = ['x;=1+4', 'x\t=1+7', ' =1+5', '\t-3', 'a,=1', 'b;+2', 'c\t@3', '"=4"', '";=5', '=HYPERLINK("http://x")',
    'ok', '  @x', 'y ;  =6'];
  const row = {};
  hostile.forEach((v, i) => { row['c' + i] = v; });
  const csv = toCsv([row], hostile.map((_, i) => 'c' + i));
  const line = csv.slice(1).split('\r\n')[1];
  for (const separator of [',', ';', '\t']) {
    for (const cell of readCells(line, separator)) {
      assert.doesNotMatch(cell, FORMULA, `with «${JSON.stringify(separator)}» as separator, the cell ${JSON.stringify(cell)} is a formula`);
    }
  }
  // With the comma it was written for, every value comes back whole (apostrophe aside).
  assert.deepEqual(readCells(line, ',').map((c) => c.replace(/^'/, '')), hostile);
});
