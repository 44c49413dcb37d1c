/* Mirsad UI — the core's load reports (engine.loadFile, addDocuments) in Arabic, for the page's
 * "your documents" panel and the widget alike. The core reports in English (the CLI's language)
 * with a stable code; this says the same in Arabic and keeps any technical detail it cannot
 * translate, to be shown left-to-right. It only builds strings: the callers insert them as text. */
(function (global) {
  'use strict';

  var UI = global.MirsadUI = global.MirsadUI || {};

  var REPLACED = function (count, what) {
    return 'حلّ المحرف «\uFFFD» محلّ ' + count + ' من ' + what;
  };

  var UNSUPPORTED = 'نوع ملف غير مدعوم (المقبول: ‎.txt و‎.html و‎.json و‎.jsonl و‎.csv)';

  /** → {text, detail} */
  function describe(message, code, count) {
    var m;
    message = String(message || '');
    // "record 3: …" (a .json array): the record's number, then what was wrong with it.
    if ((m = /^record (\d+): (.*)$/.exec(message))) {
      var inner = describe(m[2], code, count);
      return { text: 'السجلّ ' + m[1] + ': ' + inner.text, detail: inner.detail };
    }
    // The core's codes first (stable); the English text only for reports without one.
    if (code === 'invalid_utf8' && typeof count === 'number') {
      return { text: 'ترميز UTF-8 غير صالح: ' + REPLACED(count, 'تسلسلات البايتات التالفة'), detail: '' };
    }
    if (code === 'lone_surrogate' && typeof count === 'number') {
      return { text: 'رموز ‎\\uD800–\\uDFFF‏ منفردة بلا نصفها الآخر: ' + REPLACED(count, 'هذه الرموز'), detail: '' };
    }
    if (code === 'too_deep') return { text: 'بنية متداخلة أعمق من المسموح (64 مستوى): رُفض هذا السجلّ وحده', detail: '' };
    if (code === 'unsupported_type') return { text: UNSUPPORTED, detail: '' };
    if (code === 'bad_row' && (m = /(\d+) field\(s\) where the header has (\d+)/.exec(message))) {
      return { text: 'صفّ مرفوض: فيه ' + m[1] + ' حقل وفي صفّ العناوين ' + m[2], detail: '' };
    }
    if (code === 'bad_row' && /never closed/.test(message)) return { text: 'صفّ مرفوض: علامة تنصيص لم تُغلق', detail: '' };
    if (code === 'bad_row') return { text: 'صفّ مرفوض: نصّ بعد علامة التنصيص الخاتمة', detail: '' };
    if (code === 'no_text_field') {
      return { text: 'لم يُعرف حقل النصّ بين حقول الملف؛ عيّن الحقول («تعيين الحقول») ثم أعد التحميل', detail: (/\(([^)]*)\)/.exec(message) || ['', ''])[1] };
    }
    if (code === 'unknown_field' && (m = /^no field "([^"]*)" for the (\w+)/.exec(message))) {
      return { text: 'لا حقل باسم «' + m[1] + '» في هذا الملف؛ لم يُستعمل', detail: '' };
    }
    if (code === 'date_kept' && typeof count === 'number') {
      return { text: count + ' تاريخ بصيغة غير معروفة أُبقي كما كُتب', detail: (/the first: "(.*)"\)$/.exec(message) || ['', ''])[1] };
    }
    if (code === 'bad_mapping') return { text: 'تعيين الحقول غير صالح', detail: message };
    if (code === 'memory_limit') return { text: 'لا تتّسع الذاكرة لهذا المستند فلم يُضف؛ أُبقي كلّ ما حُمّل قبله', detail: '' };
    if (code === 'empty_file') return { text: 'الملف فارغ: لا شيء يُضاف', detail: '' };
    if (code === 'unsupported_charset') {
      return { text: 'الصفحة بترميز غير UTF-8 فلم تُقرأ؛ حوّلها إلى UTF-8 ثم أضفها', detail: (/charset "([^"]*)"/.exec(message) || ['', ''])[1] };
    }
    if (code === 'no_article') return { text: 'لا عنصر في الصفحة يطابق محدّد المقال: لم تُضف', detail: '' };
    if (code === 'duplicate_id') return { text: 'المعرّف مستعمل من قبل؛ أُبقي المستند الأول ولم يُضف هذا', detail: '' };
    if (code === 'empty_id') return { text: 'المعرّف "id" فارغ', detail: '' };
    if (code === 'not_an_array') return { text: 'يُنتظر مصفوفة من الكائنات {id, text}', detail: '' };
    if ((m = /^malformed JSON: (.*)$/.exec(message))) {
      // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error …": the
      // position is within the record, which only confuses; keep what was wrong.
      // "last read" quotes raw bytes and may cut an Arabic letter in half: left out.
      var detail = m[1].replace(/^\[json\.exception\.[^\]]*\]\s*/, '').replace(/^parse error at [^:]*:\s*/, '')
        .replace(/;\s*last read:[\s\S]*$/, '');
      return { text: 'نصّ JSON غير صالح', detail: detail };
    }
    if ((m = /^invalid UTF-8: (\d+) /.exec(message))) {
      return { text: 'ترميز UTF-8 غير صالح: ' + REPLACED(m[1], 'تسلسلات البايتات التالفة'), detail: '' };
    }
    if ((m = /^missing string field "([^"]*)"/.exec(message))) return { text: 'ينقصه الحقل النصّي "' + m[1] + '"', detail: '' };
    if ((m = /^missing field "([^"]*)"/.exec(message))) return { text: 'ينقصه الحقل "' + m[1] + '" (نصّ أو رقم)', detail: '' };
    if (/^empty "?id"?/.test(message)) return { text: 'المعرّف "id" فارغ', detail: '' };
    if (/^expected an object/.test(message)) return { text: 'يُنتظر كائن {id, text}', detail: '' };
    if (/^expected an array/.test(message)) return { text: 'يُنتظر مصفوفة من الكائنات {id, text}', detail: '' };
    if (/^unsupported file type/.test(message)) return { text: UNSUPPORTED, detail: '' };
    if (/^duplicate id/.test(message)) return { text: 'المعرّف مستعمل من قبل؛ أُبقي المستند الأول ولم يُضف هذا', detail: '' };
    return { text: 'ملاحظة من المحلّل', detail: message };
  }

  /**
   * reports: [{name, kept?, added, errors: [{id, message, code, source?, line?}], warnings: [{source, line, message, code}]}]
   * → [{file, line, id, code, text, detail, severity}] in file order.
   */
  function notesOf(reports) {
    var notes = [];
    (reports || []).forEach(function (r) {
      var file = r.kept ? '' : r.name;
      (r.warnings || []).forEach(function (w) {
        var d = describe(w.message, w.code, w.count);
        notes.push({ file: w.source || file, line: w.line || 0, id: '', code: w.code || '', text: d.text, detail: d.detail, severity: 'warning' });
      });
      (r.errors || []).forEach(function (e) {
        var d = describe(e.message, e.code);
        notes.push({ file: e.source || file, line: e.line || 0, id: e.id, code: e.code || '', text: d.text, detail: d.detail, severity: 'error' });
      });
    });
    return notes;
  }

  UI.describeLoadNote = describe;
  UI.loadNotes = notesOf;
})(typeof window !== 'undefined' ? window : self);  // self: the widget's bundle also runs as its own worker
