// Draws every <canvas data-chart="{...}"> with Chart.js. The data (see ChartData.java) carries money in
// microcents; it is drawn in dollars. Runs on load and after every htmx swap.
(function () {
  'use strict';
  var PALETTE = ['#3b5bdb', '#f08c00', '#2f9e44', '#c2255c', '#1098ad', '#7048e8', '#e8590c', '#5c940d', '#862e9c', '#495057'];
  var charts = new WeakMap();

  function dollars(microcents) { return microcents / 1000000; }
  function formatMoney(value) {
    return '$' + value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: value < 1 ? 4 : 2 });
  }

  function draw(canvas) {
    if (typeof Chart === 'undefined') { return; }
    var spec;
    try { spec = JSON.parse(canvas.getAttribute('data-chart')); } catch (e) { return; }
    if (charts.has(canvas)) { charts.get(canvas).destroy(); }
    var money = spec.series.length > 0 && spec.series[0].unit === 'money';
    var datasets = spec.series.map(function (s, i) {
      var color = PALETTE[i % PALETTE.length];
      return {
        label: s.name,
        data: s.values.map(function (v) { return s.unit === 'money' ? dollars(v) : v; }),
        backgroundColor: spec.kind === 'bar' || spec.fill ? color + (spec.fill ? '99' : 'cc') : color,
        borderColor: color,
        borderWidth: spec.kind === 'bar' ? 0 : 2,
        fill: !!spec.fill,
        pointRadius: 0,
        tension: 0.2
      };
    });
    var valueAxis = {
      stacked: !!spec.stacked,
      beginAtZero: true,
      ticks: { callback: function (v) { return money ? formatMoney(v) : v.toLocaleString('en-US'); } }
    };
    var labelAxis = { stacked: !!spec.stacked, grid: { display: false } };
    var chart = new Chart(canvas, {
      type: spec.kind,
      data: { labels: spec.labels, datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: spec.horizontal ? 'y' : 'x',
        interaction: { mode: 'index', intersect: false },
        plugins: {
          legend: { display: datasets.length > 1, position: 'bottom' },
          tooltip: { callbacks: { label: function (ctx) {
            var v = spec.horizontal ? ctx.parsed.x : ctx.parsed.y;
            return ctx.dataset.label + ': ' + (money ? formatMoney(v) : v.toLocaleString('en-US'));
          } } }
        },
        scales: spec.horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis }
      }
    });
    charts.set(canvas, chart);
  }

  function drawAll(root) {
    (root || document).querySelectorAll('canvas[data-chart]').forEach(draw);
  }
  window.microcentCharts = { drawAll: drawAll, draw: draw };
  document.addEventListener('DOMContentLoaded', function () { drawAll(document); });
  document.addEventListener('htmx:afterSettle', function (event) { drawAll(event.target); });
})();
