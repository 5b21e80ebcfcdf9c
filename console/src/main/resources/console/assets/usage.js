// The Usage page: the breakdown's search and sort run in the browser on the rows the server sent (the server
// applies the same search and sort to the URL's parameters, the CSV file and live updates). Both are kept in
// the filter form, the address bar and the CSV link, so what is shared or exported is what is shown; and
// re-applied after each swap of new figures (a filter change or a live update).
(function () {
  'use strict';
  function form() { return document.getElementById('usage-filters'); }
  function state() {
    var f = form();
    return {
      q: (f.querySelector('[data-usage-search]').value || '').trim().toLowerCase(),
      sort: f.querySelector('[data-usage-sort]').value,
      dir: f.querySelector('[data-usage-dir]').value
    };
  }

  function withState(url, s) {
    var u = new URL(url, window.location.href);
    if (s.q) { u.searchParams.set('q', s.q); } else { u.searchParams.delete('q'); }
    u.searchParams.set('sort', s.sort);
    u.searchParams.set('dir', s.dir);
    return u.pathname + u.search;
  }

  function compare(a, b, key, dir) {
    var x = BigInt(a.getAttribute('data-' + key));
    var y = BigInt(b.getAttribute('data-' + key));
    var order = x < y ? -1 : x > y ? 1 : 0;
    if (dir === 'desc') { order = -order; }
    if (order === 0) {
      var n = a.getAttribute('data-name');
      var m = b.getAttribute('data-name');
      order = n < m ? -1 : n > m ? 1 : 0;
    }
    return order;
  }

  function apply() {
    var table = document.getElementById('usage-table');
    var s = state();
    if (table) {
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) { return compare(a, b, s.sort, s.dir); });
      var shown = 0;
      rows.forEach(function (row) {
        var match = !s.q || row.getAttribute('data-name').toLowerCase().indexOf(s.q) >= 0;
        row.hidden = !match;
        if (match) { shown++; }
        body.appendChild(row);
      });
      table.querySelectorAll('th[aria-sort]').forEach(function (th) {
        var key = th.querySelector('button.sort').getAttribute('data-sort');
        th.setAttribute('aria-sort', key === s.sort ? (s.dir === 'desc' ? 'descending' : 'ascending') : 'none');
      });
      var count = document.getElementById('usage-count');
      if (count) {
        count.textContent = shown + ' of ' + count.getAttribute('data-total') + ' ' + count.textContent.split(' ').pop();
      }
    }
    var csv = document.getElementById('usage-csv');
    if (csv) { csv.setAttribute('href', withState(csv.getAttribute('href'), s)); }
    window.history.replaceState(window.history.state, '', withState(window.location.href, s));
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('#usage-table button.sort');
    if (!button) { return; }
    var f = form();
    var key = button.getAttribute('data-sort');
    var sort = f.querySelector('[data-usage-sort]');
    var dir = f.querySelector('[data-usage-dir]');
    dir.value = sort.value === key && dir.value === 'desc' ? 'asc' : 'desc';
    sort.value = key;
    apply();
  });
  document.addEventListener('input', function (event) {
    if (event.target.matches('[data-usage-search]')) { apply(); }
  });
  // Enter in the search box filters here instead of reloading
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && event.target.matches('[data-usage-search]')) { event.preventDefault(); apply(); }
  });
  document.addEventListener('htmx:afterSwap', function (event) {
    if (event.target.id === 'usage-results' || event.target.id === 'usage-figures') { apply(); }
  });
  // htmx's SSE extension swaps live figures in: count them, so a person (and a test) can see them arrive
  document.addEventListener('htmx:sseMessage', function () {
    var figures = document.getElementById('usage-figures');
    if (figures) { figures.setAttribute('data-updates', String(Number(figures.getAttribute('data-updates') || 0) + 1)); }
  });
  document.addEventListener('DOMContentLoaded', function () { if (form()) { apply(); } });
})();
