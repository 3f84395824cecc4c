// Orienta's docs page: gives Swagger UI's unnamed controls a name (the true/false choice
// of a boolean parameter, the copy buttons) and makes its scrolling code blocks reachable
// by keyboard, as Swagger UI renders them.
(function () {
  'use strict';

  function patch(root) {
    root.querySelectorAll('tr[data-param-name] select:not([aria-label])').forEach(function (select) {
      select.setAttribute('aria-label', select.closest('tr').getAttribute('data-param-name'));
    });
    root.querySelectorAll('.copy-to-clipboard button:not([aria-label])').forEach(function (button) {
      button.setAttribute('aria-label', 'Copy to clipboard');
    });
    root.querySelectorAll('pre.microlight:not([tabindex])').forEach(function (block) {
      block.setAttribute('tabindex', '0');
    });
  }

  var root = document.getElementById('swagger-ui');
  var queued = false;
  new MutationObserver(function () {
    if (queued) return;
    queued = true;
    window.requestAnimationFrame(function () {
      queued = false;
      patch(root);
    });
  }).observe(root, { childList: true, subtree: true });
})();
