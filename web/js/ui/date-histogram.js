/* Mirsad UI — the publication-date histogram: the core's per-day counts (search facets "dates")
 * gathered into days, weeks or months and drawn on the time axis (ui/time-axis.js). The unit
 * follows the span (up to two months: days; up to two years: weeks; beyond: months) unless the
 * reader picks one. Clicking a bar or dragging across bars chooses a date range. */
(function (global) {
  'use strict';

  var UI = global.MirsadUI = global.MirsadUI || {};
  var DAY = 86400000;

  // The period a day falls in. Weeks start on Sunday, the first day of the Saudi working week.
  var PERIODS = {
    day: function (t) { return { start: t, end: t + DAY }; },
    week: function (t) {
      var start = t - new Date(t).getUTCDay() * DAY;
      return { start: start, end: start + 7 * DAY };
    },
    month: function (t) {
      var d = new Date(t);
      return { start: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1), end: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) };
    }
  };
  var PERIOD_NAME = { day: 'يوم', week: 'الأسبوع من', month: '' };

  function autoUnit(days) {
    if (!days.length) return 'day';
    var span = (days[days.length - 1].t - days[0].t) / DAY;
    return span <= 62 ? 'day' : span <= 731 ? 'week' : 'month';
  }

  /** dates: [{date: "YYYY-MM-DD", documents}] → [{start, end, count}] in `unit` ('auto' chooses). */
  UI.binDates = function (dates, unit) {
    var days = (dates || []).map(function (d) { return { t: UI.isoToTime(d.date), n: d.documents }; })
      .filter(function (d) { return Number.isFinite(d.t); }).sort(function (a, b) { return a.t - b.t; });
    var chosen = unit && unit !== 'auto' ? unit : autoUnit(days);
    var bins = new Map();
    days.forEach(function (d) {
      var p = PERIODS[chosen](d.t);
      var bin = bins.get(p.start) || { start: p.start, end: p.end, count: 0 };
      bin.count += d.n;
      bins.set(p.start, bin);
    });
    return { unit: chosen, bins: Array.from(bins.values()) };
  };

  /**
   * els: {chart, unit (select: auto|day|week|month), note}
   * onRange(fromIso, toIso): a bar clicked or bars brushed (both days included).
   */
  function DateHistogram(els, onRange) {
    this.els = els;
    this.onRange = onRange;
    this.last = null;
    var self = this;
    els.unit.addEventListener('change', function () { if (self.last) self.render(self.last.facets, self.last.range, self.last.scope); });
  }

  /** facets: the search's facets; range: {from, to} (ISO days, either may be '') or null; scope: what is counted. */
  DateHistogram.prototype.render = function (facets, range, scope) {
    this.last = { facets: facets, range: range, scope: scope };
    var binned = UI.binDates(facets ? facets.dates : [], this.els.unit.value);
    var total = 0;
    binned.bins.forEach(function (b) { total += b.count; });
    var unitLabel = { day: 'يوماً بيوم', week: 'أسبوعاً بأسبوع', month: 'شهراً بشهر' }[binned.unit];
    var note = scope + ': ' + UI.count('docs', total) + ' لها تاريخ نشر، ' + unitLabel;
    if (facets && facets.undated) note += '؛ ' + UI.count('docs', facets.undated) + ' بلا تاريخ (خارج المخطط)';
    this.els.note.textContent = facets ? note : '';
    var selected = null;
    if (range && (range.from || range.to)) {
      selected = { start: range.from ? UI.isoToTime(range.from) : -Infinity, end: range.to ? UI.isoToTime(range.to) + DAY : Infinity };
    }
    var onRange = this.onRange;
    var chart = UI.drawTimeAxis(this.els.chart, {
      label: 'عدد المقالات حسب تاريخ النشر، ' + unitLabel + '. اختر عموداً أو اسحب عبر أعمدة لتحديد مدة.',
      brush: true,
      selected: selected,
      items: binned.bins.map(function (b) {
        var when = binned.unit === 'month' ? UI.formatDate(b.start, 'month')
          : (PERIOD_NAME[binned.unit] + ' ' + UI.formatDate(b.start, 'day')).trim();
        return { start: b.start, end: b.end, count: b.count, key: UI.timeToIso(b.start), title: when + ': ' + UI.count('docs', b.count) };
      }),
      onRange: function (start, end) { onRange(UI.timeToIso(start), UI.timeToIso(end - DAY)); }
    });
    if (!chart) this.els.chart.appendChild(UI.el('p', 'placeholder', 'لا مقالات مؤرّخة هنا.'));
  };

  UI.DateHistogram = DateHistogram;
})(window);
