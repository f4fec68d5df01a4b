// Draws the report's charts from the JSON in #report-data; the tables are already in the page.
(function () {
  'use strict';
  var COLORS = { critical: '#b71c1c', high: '#e65100', medium: '#f9a825', low: '#1565c0', info: '#607d8b' };
  var DENIAL = '#b0bec5';
  // Tooltips are HTML: everything from the log is escaped again here.
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function iso(ms) { return new Date(ms).toISOString().replace('T', ' ').replace('Z', ' UTC'); }

  function timeline(data) {
    var chart = echarts.init(document.getElementById('timeline'), null, { renderer: 'svg' });
    var series = data.severities.map(function (sev, i) {
      return {
        name: sev, type: 'scatter', itemStyle: { color: COLORS[sev] },
        symbolSize: function (p) { return Math.min(10 + 2 * Math.log2(p[5] || 1), 24); },
        data: data.alerts.filter(function (p) { return p[2] === i; })
      };
    });
    if (data.denials.length > 0) {
      series.unshift({ name: 'denial, no alert', type: 'scatter', symbolSize: 6, itemStyle: { color: DENIAL }, data: data.denials });
    }
    chart.setOption({
      animation: false, useUTC: true,
      legend: { top: 0 },
      grid: { left: 12, right: 28, top: 36, bottom: 64, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          var v = p.value, row = esc(data.categories[v[1]]);
          if (p.seriesName === 'denial, no alert') {
            return iso(v[0]) + '<br>' + row + '<br>' + esc(v[2]);
          }
          return '<b>' + esc(data.severities[v[2]]) + '</b> ' + esc(v[3]) + (v[5] > 1 ? ' &times;' + v[5] : '') +
            '<br>' + iso(v[0]) + '<br>' + row + '<br>' + esc(v[4]);
        }
      },
      xAxis: { type: 'time', splitLine: { show: true } },
      yAxis: { type: 'category', data: data.categories, splitLine: { show: true } },
      dataZoom: [{ type: 'slider', xAxisIndex: 0, bottom: 12 }, { type: 'inside', xAxisIndex: 0 }],
      series: series
    });
    return chart;
  }

  function byRule(data) {
    var chart = echarts.init(document.getElementById('by-rule'), null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      legend: { top: 0 },
      grid: { left: 12, right: 28, top: 36, bottom: 12, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: data.rules },
      series: data.severities.map(function (sev, i) {
        return { name: sev, type: 'bar', stack: 'alerts', itemStyle: { color: COLORS[sev] }, data: data.ruleCounts[i] };
      })
    });
    return chart;
  }

  try {
    var data = JSON.parse(document.getElementById('report-data').textContent);
    var charts = [timeline(data), byRule(data)];
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
    document.body.setAttribute('data-charts-ready', 'true');
  } catch (e) {
    document.body.setAttribute('data-charts-error', String(e));
  }
})();
