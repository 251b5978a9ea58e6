/* Draws one chart of the report: grouped bars plus, per bar series, a custom series that draws each bar's
   error bar at the bar's centre. spec: {id, title, errorBars, axis, log, categories, series: [{name, values,
   low, high}]}, a null value for a bar that is missing. */
function drawChart(spec) {
  var el = document.getElementById(spec.id);
  var chart = echarts.init(el);
  var n = spec.series.length;
  var series = [];
  spec.series.forEach(function (s, i) {
    series.push({ name: s.name, type: 'bar', data: s.values, barGap: '0%', barCategoryGap: '20%' });
    var bars = [];
    s.values.forEach(function (v, k) {
      if (v !== null && s.low[k] !== null && s.high[k] !== null) {
        bars.push([k, Math.max(s.low[k], spec.log ? v / 1000 : 0), s.high[k]]); // a time is never below 0
      }
    });
    series.push({
      name: s.name, type: 'custom', data: bars, z: 10, tooltip: { show: false },
      encode: { x: 0, y: [1, 2] },
      renderItem: function (params, api) {
        var band = api.size([1, 0])[0];
        var w = band * 0.8 / n;
        var offset = -band * 0.4 + w * (i + 0.5);
        var lo = api.coord([api.value(0), api.value(1)]);
        var hi = api.coord([api.value(0), api.value(2)]);
        var x = lo[0] + offset;
        var cap = Math.max(3, w * 0.2);
        var style = { stroke: '#222', lineWidth: 1.3 };
        return { type: 'group', children: [
          { type: 'line', shape: { x1: x, y1: lo[1], x2: x, y2: hi[1] }, style: style },
          { type: 'line', shape: { x1: x - cap, y1: lo[1], x2: x + cap, y2: lo[1] }, style: style },
          { type: 'line', shape: { x1: x - cap, y1: hi[1], x2: x + cap, y2: hi[1] }, style: style }
        ] };
      }
    });
  });
  chart.setOption({
    title: { text: spec.title, subtext: 'error bars: ' + spec.errorBars, left: 'center', top: 8 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 50, data: spec.series.map(function (s) { return s.name; }) },
    grid: { top: 90, left: 70, right: 20, bottom: 110 },
    xAxis: { type: 'category', data: spec.categories, axisLabel: { interval: 0, rotate: 25 } },
    yAxis: { type: spec.log ? 'log' : 'value', name: spec.axis, nameLocation: 'middle', nameGap: 50 },
    series: series
  });
  window.addEventListener('resize', function () { chart.resize(); });
}
