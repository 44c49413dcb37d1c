/* Mirsad — colour theme, run before the first paint (a small blocking script, so a dark-mode
 * reader never sees a light flash): the reader's saved choice, else the system's preference.
 * The switch in the header (#theme-toggle) flips and saves it. */
(function (global) {
  'use strict';
  var KEY = 'mirsad-theme';
  var root = global.document.documentElement;

  function saved() {
    try { return global.localStorage.getItem(KEY); } catch (e) { return null; }  // file:// may refuse
  }
  function system() {
    return global.matchMedia && global.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
  function apply(theme) {
    root.dataset.theme = theme;
    var button = global.document.getElementById('theme-toggle');
    if (button) {
      button.setAttribute('aria-pressed', theme === 'dark' ? 'true' : 'false');
      button.textContent = theme === 'dark' ? 'الوضع الفاتح' : 'الوضع الداكن';
    }
  }

  apply(saved() || system());
  if (global.matchMedia) {
    global.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', function () {
      if (!saved()) apply(system());
    });
  }
  global.document.addEventListener('DOMContentLoaded', function () {
    var button = global.document.getElementById('theme-toggle');
    if (!button) return;
    apply(root.dataset.theme);
    button.addEventListener('click', function () {
      var next = root.dataset.theme === 'dark' ? 'light' : 'dark';
      try { global.localStorage.setItem(KEY, next); } catch (e) { /* kept for this visit only */ }
      apply(next);
    });
  });
})(window);
