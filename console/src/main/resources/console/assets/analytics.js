// The Analytics pages: a changed control reloads the page with the form's parameters (a plain GET form, so
// every view is a URL; the Apply button does the same without JavaScript).
(function () {
  'use strict';
  document.addEventListener('change', function (event) {
    var form = event.target.closest('form[data-submit-on-change]');
    if (!form) { return; }
    // a custom range waits for both dates
    if (event.target.name === 'range' && event.target.value === 'custom') { return; }
    form.requestSubmit();
  });
})();
