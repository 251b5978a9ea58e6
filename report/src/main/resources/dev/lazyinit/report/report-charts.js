/* Draws one chart of the report: grouped bars plus, per bar series, a custom series that draws each bar's
   error bar at the bar's centre. On a log axis a bar would grow from 1, down for a value below it, so there each
   value is a dot on its error bar instead (the bar is kept, transparent, for the legend and the tooltip). spec: {id, title, errorBars, axis, log, categories, series: [{name, values,
   low, high}]}, a null value for a bar that is missing. */
function drawChart(spec) {
  var el = document.getElementById(spec.id);
  var chart = echarts.init(el);
  var n = spec.series.length;
  var series = [];
  var palette = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272'];
  spec.series.forEach(function (s, i) {
    var color = palette[i % palette.length];
    series.push({ name: s.name, type: 'bar', data: s.values, barGap: '0%', barCategoryGap: '20%',
      itemStyle: { color: color, opacity: spec.log ? 0 : 1 } });
    var bars = [];
    s.values.forEach(function (v, k) {
      if (v !== null && s.low[k] !== null && s.high[k] !== null) {
        bars.push([k, Math.max(s.low[k], spec.log ? v / 1000 : 0), s.high[k], v]); // a time is never below 0
      }
    });
    series.push({
      name: s.name, type: 'custom', data: bars, z: 10, tooltip: { show: false },
      encode: { x: 0, y: [1, 2, 3] },
      renderItem: function (params, api) {
        var band = api.size([1, 0])[0];
        var w = band * 0.8 / n;
        var offset = -band * 0.4 + w * (i + 0.5);
        var lo = api.coord([api.value(0), api.value(1)]);
        var hi = api.coord([api.value(0), api.value(2)]);
        var x = lo[0] + offset;
        var cap = Math.max(3, w * 0.2);
        var style = { stroke: '#222', lineWidth: 1.3 };
        var children = [
          { type: 'line', shape: { x1: x, y1: lo[1], x2: x, y2: hi[1] }, style: style },
          { type: 'line', shape: { x1: x - cap, y1: lo[1], x2: x + cap, y2: lo[1] }, style: style },
          { type: 'line', shape: { x1: x - cap, y1: hi[1], x2: x + cap, y2: hi[1] }, style: style }
        ];
        if (spec.log) {
          var at = api.coord([api.value(0), api.value(3)]);
          children.push({ type: 'circle', shape: { cx: x, cy: at[1], r: Math.max(4, Math.min(7, w * 0.3)) },
            style: { fill: color, stroke: '#222', lineWidth: 1 } });
        }
        return { type: 'group', children: children };
      }
    });
  });
  chart.setOption({
    title: { text: spec.title, subtext: 'error bars: ' + spec.errorBars, left: 'center', top: 8 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 50, data: spec.series.map(function (s, i) {
      return { name: s.name, itemStyle: { color: palette[i % palette.length], opacity: 1 } };
    }) },
    grid: { top: 90, left: 70, right: 20, bottom: 110 },
    xAxis: { type: 'category', data: spec.categories, axisLabel: { interval: 0, rotate: 25 } },
    // a log axis starts at the power of ten below the smallest value
    yAxis: { type: spec.log ? 'log' : 'value', name: spec.axis, nameLocation: 'middle', nameGap: 50,
      min: spec.log ? function (extent) { return Math.pow(10, Math.floor(Math.log10(extent.min))); } : null },
    series: series
  });
  window.addEventListener('resize', function () { chart.resize(); });
}
