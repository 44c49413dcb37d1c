/* The demo host page's own script: it lists the events its widgets send (the host can react to
 * searches, opened documents and entity clicks). */
(function () {
  'use strict';
  var log = document.getElementById('events');
  ['mirsad-search', 'mirsad-open', 'mirsad-entity'].forEach(function (type) {
    document.addEventListener(type, function (ev) {
      var li = document.createElement('li');
      li.dataset.type = type;
      li.dataset.widget = ev.target.id;
      li.textContent = ev.target.id + ' ' + type + ' ' + JSON.stringify(ev.detail);
      log.appendChild(li);
    });
  });
})();
