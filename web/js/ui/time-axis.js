/* Mirsad UI — a bar chart on a true time axis, as SVG (no library): each bar spans its real
 * interval (a day, a week, a month, a year), so a gap in the data is a gap on the axis, and the
 * ticks fall on real calendar dates labelled in Arabic. Used by the publication-date histogram
 * and by the timeline of dates mentioned in the texts.
 *
 * Direction: the page is right-to-left, and so is its time: the earliest date is at the right
 * edge and time runs leftwards, the way an Arabic line is read (and the way the «من» … «إلى»
 * inputs stand in the form). Both charts follow it; `rtl: false` turns it round.
 *
 * Times are UTC milliseconds (Date.UTC), so a day is a day whatever the reader's time zone. */
(function (global) {
  'use strict';

  var UI = global.MirsadUI = global.MirsadUI || {};
  var SVG = 'http://www.w3.org/2000/svg';
  var DAY = 86400000;
  var HEIGHT = 150;
  var MARGIN = { top: 10, bottom: 34, side: 14 };
  var MIN_TICK_SPACING = 72;  // px between tick labels
  var chartCount = 0;         // ids of the bars, for aria-activedescendant

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    for (var k in attrs) node.setAttribute(k, String(attrs[k]));
    return node;
  }

  function formatter(options) {
    try {
      return new Intl.DateTimeFormat('ar-u-ca-gregory-nu-latn', Object.assign({ timeZone: 'UTC' }, options));
    } catch (e) {
      return { format: function (d) { return d.toISOString().slice(0, 10); } };
    }
  }
  var FORMAT = {
    day: formatter({ day: 'numeric', month: 'short' }),
    dayFull: formatter({ day: 'numeric', month: 'long', year: 'numeric' }),
    month: formatter({ month: 'short', year: 'numeric' }),
    monthFull: formatter({ month: 'long', year: 'numeric' }),
    year: formatter({ year: 'numeric' })
  };

  /** A date as the chart says it: «21 يوليو 2015», «يوليو 2015» or «2015». */
  UI.formatDate = function (ms, unit) {
    var d = new Date(ms);
    if (unit === 'year') return FORMAT.year.format(d);
    if (unit === 'month') return FORMAT.monthFull.format(d);
    return FORMAT.dayFull.format(d);
  };

  /** "2015-07-21" → UTC ms (NaN when not a date); and back. */
  UI.isoToTime = function (iso) {
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(String(iso || ''));
    if (!m) return NaN;
    return Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
  };
  UI.timeToIso = function (ms) { return new Date(ms).toISOString().slice(0, 10); };

  // Calendar tick steps from fine to coarse: each gives the tick times within [t0, t1].
  function dayTicks(step) {
    return function (t0, t1) {
      var out = [];
      for (var t = Math.ceil(t0 / DAY) * DAY; t <= t1; t += DAY) {
        var day = new Date(t).getUTCDate();
        if (step === 7 ? (day === 1 || day === 8 || day === 15 || day === 22) : (day - 1) % step === 0) out.push(t);
      }
      return out;
    };
  }
  function monthTicks(step) {
    return function (t0, t1) {
      var out = [];
      var d = new Date(t0);
      var y = d.getUTCFullYear(), m = d.getUTCMonth();
      for (var t = Date.UTC(y, m, 1); t <= t1; t = Date.UTC(y, ++m, 1)) {
        if (t >= t0 && new Date(t).getUTCMonth() % step === 0) out.push(t);
      }
      return out;
    };
  }
  function yearTicks(step) {
    return function (t0, t1) {
      var out = [];
      for (var y = new Date(t0).getUTCFullYear(); Date.UTC(y, 0, 1) <= t1; y++) {
        if (Date.UTC(y, 0, 1) >= t0 && y % step === 0) out.push(Date.UTC(y, 0, 1));
      }
      return out;
    };
  }
  // days: the shortest gap between two ticks of the step, so that a step that would give far too
  // many ticks is passed over without listing them (the timeline of dates mentioned in 40,000
  // articles spans centuries: walking it day by day froze the page for a second).
  var TICKS = [
    { ticks: dayTicks(1), unit: 'day', days: 1 }, { ticks: dayTicks(2), unit: 'day', days: 2 }, { ticks: dayTicks(7), unit: 'day', days: 7 },
    { ticks: monthTicks(1), unit: 'month', days: 28 }, { ticks: monthTicks(3), unit: 'month', days: 89 }, { ticks: monthTicks(6), unit: 'month', days: 181 },
    { ticks: yearTicks(1), unit: 'year', days: 365 }, { ticks: yearTicks(2), unit: 'year', days: 730 }, { ticks: yearTicks(5), unit: 'year', days: 1826 },
    { ticks: yearTicks(10), unit: 'year', days: 3652 }, { ticks: yearTicks(50), unit: 'year', days: 18262 },
    // Texts mention years centuries apart (a year 1400 beside 2015): 13 labels of 50 years overlapped.
    { ticks: yearTicks(100), unit: 'year', days: 36524 }, { ticks: yearTicks(250), unit: 'year', days: 91310 },
    { ticks: yearTicks(500), unit: 'year', days: 182621 }, { ticks: yearTicks(1000), unit: 'year', days: 365242 }
  ];

  function tickLabel(t, unit) {
    var d = new Date(t);
    if (unit === 'year') return FORMAT.year.format(d);
    if (unit === 'month') return FORMAT.month.format(d);
    return FORMAT.day.format(d);
  }

  /**
   * Draws the chart into container (replacing what was there).
   * spec: {
   *   items: [{start, end, count, key, title, coarse?}]  end exclusive; coarse: a longer period drawn lighter
   *   label: the chart's accessible name
   *   selected?: {start, end}  bars inside it are marked, the others dimmed
   *   brush?: true  dragging across the chart picks a span of bars → onRange(start, end)
   *   onRange?(start, end), onItem?(item)  a click or Enter on a bar: onItem when given, else onRange of the bar
   *   rtl?: boolean  (default: the container's direction)
   * }
   */
  // The width of a chart's container, measured once and then kept up to date by a ResizeObserver:
  // reading clientWidth on each redraw forced a layout of the whole page in the middle of a
  // search's repaint (up to 200 ms at 40,000 articles, for the histogram and the timeline each).
  var widths = new WeakMap();
  var resizes = typeof ResizeObserver === 'function' ? new ResizeObserver(function (entries) {
    entries.forEach(function (e) { widths.set(e.target, e.contentRect.width); });
  }) : null;
  function containerWidth(container) {
    if (!resizes) return container.clientWidth;
    if (!widths.has(container)) {
      widths.set(container, container.clientWidth);
      resizes.observe(container);
    }
    return widths.get(container);
  }
  // The direction the markup gives (the page is dir="rtl"), without asking for computed style.
  function isRtl(container) {
    var owner = container.closest('[dir]');
    return owner ? owner.getAttribute('dir').toLowerCase() === 'rtl' : false;
  }

  UI.drawTimeAxis = function (container, spec) {
    UI.clear(container);
    var items = (spec.items || []).filter(function (it) { return it.end > it.start && it.count > 0; });
    if (!items.length) return null;
    var rtl = spec.rtl !== undefined ? spec.rtl : isRtl(container);
    var width = Math.max(260, Math.round(containerWidth(container) || 600));
    var plot = width - 2 * MARGIN.side;
    var t0 = Infinity, t1 = -Infinity, max = 0;
    items.forEach(function (it) {
      t0 = Math.min(t0, it.start);
      t1 = Math.max(t1, it.end);
      max = Math.max(max, it.count);
    });
    // A lone day must not fill the chart as if it were the whole axis: the axis spans a week at
    // least, centred on the data.
    if (t1 - t0 < 7 * DAY) {
      var pad = (7 * DAY - (t1 - t0)) / 2;
      t0 -= pad;
      t1 += pad;
    }
    var span = t1 - t0;
    var x = function (t) {
      var f = (t - t0) / span;
      return MARGIN.side + (rtl ? 1 - f : f) * plot;
    };
    var timeAt = function (px) {
      var f = (px - MARGIN.side) / plot;
      return t0 + (rtl ? 1 - f : f) * span;
    };
    var baseline = HEIGHT - MARGIN.bottom;
    var root = svg('svg', { class: 'time-axis', width: width, height: HEIGHT, viewBox: '0 0 ' + width + ' ' + HEIGHT,
      role: 'group', tabindex: 0, 'aria-label': spec.label || '', direction: 'rtl' });
    root.setAttribute('aria-roledescription', 'مخطط زمني');

    // Axis and calendar ticks.
    root.appendChild(svg('line', { class: 'time-axis__base', x1: MARGIN.side, x2: width - MARGIN.side, y1: baseline, y2: baseline }));
    var maxTicks = Math.max(2, Math.floor(plot / MIN_TICK_SPACING));
    var scale = TICKS[TICKS.length - 1], ticks = [];
    for (var s = 0; s < TICKS.length; s++) {
      if (s < TICKS.length - 1 && (t1 - t0) / (TICKS[s].days * DAY) > 2 * maxTicks + 2) continue;
      ticks = TICKS[s].ticks(t0, t1);
      if (ticks.length <= maxTicks) { scale = TICKS[s]; break; }
    }
    // A day wide enough for its label is named under its middle (the tick marks where it starts).
    var dayWide = scale.unit === 'day' && Math.abs(x(t0 + DAY) - x(t0)) >= 48;
    ticks.forEach(function (t) {
      var tx = x(t);
      root.appendChild(svg('line', { class: 'time-axis__tick', x1: tx, x2: tx, y1: baseline, y2: baseline + 5 }));
      var lx = dayWide && t + DAY <= t1 ? x(t + DAY / 2) : tx;
      // A label at an edge is drawn inward, not cut in half (the labels are Arabic, set right to
      // left: "start" runs leftwards from x).
      var anchor = lx < MARGIN.side + 30 ? 'end' : lx > width - MARGIN.side - 30 ? 'start' : 'middle';
      var label = svg('text', { class: 'time-axis__label', x: lx, y: baseline + 18, 'text-anchor': anchor });
      label.textContent = tickLabel(t, scale.unit);
      root.appendChild(label);
    });
    // The tallest bar's count, at the start of the axis (the right edge in RTL).
    var top = svg('text', { class: 'time-axis__max', x: rtl ? width - MARGIN.side : MARGIN.side, y: MARGIN.top,
      'text-anchor': rtl ? 'start' : 'end', 'dominant-baseline': 'hanging' });
    top.textContent = String(max);
    root.appendChild(top);

    // Bars, in time order (the keyboard walks them in that order).
    var id = 'time-axis-' + (++chartCount);
    var sel = spec.selected;
    var bars = items.slice().sort(function (a, b) { return a.start - b.start; }).map(function (it, i) {
      var xa = x(it.start), xb = x(it.end);
      var left = Math.min(xa, xb), w = Math.max(2, Math.abs(xb - xa) - 1);
      var h = Math.max(2, Math.round((baseline - MARGIN.top - 14) * it.count / max));
      var inside = sel && it.start >= sel.start && it.end <= sel.end;
      var rect = svg('rect', { id: id + '-' + i, class: 'time-axis__bar' + (it.coarse ? ' time-axis__bar--coarse' : '') +
        (sel ? (inside ? ' is-selected' : ' is-dimmed') : ''), x: left.toFixed(1), y: baseline - h, width: w.toFixed(1), height: h,
        'data-start': UI.timeToIso(it.start), 'data-end': UI.timeToIso(it.end - 1), 'data-count': it.count, 'data-index': i });
      if (it.key !== undefined) rect.setAttribute('data-key', it.key);
      rect.setAttribute('role', 'img');
      rect.setAttribute('aria-label', it.title || '');
      var title = svg('title', {});
      title.textContent = it.title || '';
      rect.appendChild(title);
      root.appendChild(rect);
      return { item: it, rect: rect, left: left, right: left + w };
    });

    function choose(bar) {
      if (spec.onItem) spec.onItem(bar.item);
      else if (spec.onRange) spec.onRange(bar.item.start, bar.item.end);
    }
    function barAt(px) {  // the narrowest bar under px (a month before the year behind it)
      var found = null;
      for (var i = 0; i < bars.length; i++) {
        var br = bars[i];
        if (px >= br.left - 1 && px <= br.right + 1 && (!found || br.right - br.left < found.right - found.left)) found = br;
      }
      return found;
    }
    function localX(ev) {
      var box = root.getBoundingClientRect();
      return (ev.clientX - box.left) * (width / (box.width || width));
    }

    // Pointer: a click picks a bar; with brush, a drag picks every bar it crosses.
    var brush = null, brushRect = null;
    root.addEventListener('pointerdown', function (ev) {
      if (ev.button !== 0) return;
      brush = { from: localX(ev), to: localX(ev) };
      if (spec.brush) {
        brushRect = svg('rect', { class: 'time-axis__brush', x: brush.from, y: MARGIN.top, width: 0, height: baseline - MARGIN.top });
        root.appendChild(brushRect);
        if (root.setPointerCapture) { try { root.setPointerCapture(ev.pointerId); } catch (e) { /* synthetic event */ } }
      }
    });
    root.addEventListener('pointermove', function (ev) {
      if (!brush || !brushRect) return;
      brush.to = localX(ev);
      brushRect.setAttribute('x', Math.min(brush.from, brush.to));
      brushRect.setAttribute('width', Math.abs(brush.to - brush.from));
    });
    root.addEventListener('pointerup', function (ev) {
      if (!brush) return;
      brush.to = localX(ev);
      var a = Math.min(brush.from, brush.to), b = Math.max(brush.from, brush.to);
      if (brushRect) root.removeChild(brushRect);
      brush = brushRect = null;
      if (b - a < 4 || !spec.brush) {
        var hit = ev.target && ev.target.closest && ev.target.closest('.time-axis__bar');
        var bar = hit ? bars[Number(hit.getAttribute('data-index'))] : barAt((a + b) / 2);
        if (bar) choose(bar);
        return;
      }
      // The bars the drag crossed, whole: the range snaps to their periods.
      var ta = Math.min(timeAt(a), timeAt(b)), tb = Math.max(timeAt(a), timeAt(b));
      var crossed = bars.filter(function (br) { return br.item.end > ta && br.item.start < tb; });
      if (!crossed.length || !spec.onRange) return;
      spec.onRange(Math.min.apply(null, crossed.map(function (br) { return br.item.start; })),
        Math.max.apply(null, crossed.map(function (br) { return br.item.end; })));
    });

    // Keyboard: one tab stop; the arrows walk the bars along the axis as drawn, Enter picks one.
    var active = -1;
    function activate(i) {
      if (active >= 0) bars[active].rect.classList.remove('is-active');
      active = Math.max(0, Math.min(bars.length - 1, i));
      bars[active].rect.classList.add('is-active');
      root.setAttribute('aria-activedescendant', bars[active].rect.id);
    }
    root.addEventListener('keydown', function (ev) {
      var later = rtl ? 'ArrowLeft' : 'ArrowRight', earlier = rtl ? 'ArrowRight' : 'ArrowLeft';
      if (ev.key === later || ev.key === earlier) {
        activate(active < 0 ? (ev.key === later ? 0 : bars.length - 1) : active + (ev.key === later ? 1 : -1));
      } else if (ev.key === 'Home') activate(0);
      else if (ev.key === 'End') activate(bars.length - 1);
      else if ((ev.key === 'Enter' || ev.key === ' ') && active >= 0) choose(bars[active]);
      else return;
      ev.preventDefault();
    });
    container.appendChild(root);
    return root;
  };
})(window);
