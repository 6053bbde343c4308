// Interop for the bot page's charts, drawn by TradingView's lightweight-charts (npm-restored into wwwroot/lib).
// Every chart is registered in window.algotradeCharts[id] so tests and the console can read what it shows.
const LC = window.LightweightCharts;
window.algotradeCharts = window.algotradeCharts || {};

const LEVELS = [
  { key: "entry", title: "entry", color: "#3b82f6", style: 0 },
  { key: "stopLoss", title: "stop", color: "#dc2626", style: 2 },
  { key: "trailingStop", title: "trailing", color: "#f59e0b", style: 2 },
  { key: "takeProfit", title: "take-profit", color: "#16a34a", style: 2 },
];

export function theme() {
  const dark = document.body.classList.contains("at-dark");
  return {
    layout: {
      background: { type: "solid", color: "transparent" },
      textColor: dark ? "#cbd5e1" : "#334155",
      fontFamily: "Roboto, Helvetica, Arial, sans-serif",
      panes: { separatorColor: dark ? "#334155" : "#e2e8f0" },
    },
    grid: {
      vertLines: { color: dark ? "rgba(148,163,184,.08)" : "rgba(100,116,139,.08)" },
      horzLines: { color: dark ? "rgba(148,163,184,.08)" : "rgba(100,116,139,.08)" },
    },
  };
}

// The browser shows local time; the server sends UTC seconds.
export const localization = { timeFormatter: (t) => new Date(t * 1000).toLocaleString() };

function toMarker(m) {
  const buy = m.side === "BUY";
  return {
    time: m.time,
    position: buy ? "belowBar" : "aboveBar",
    shape: buy ? "arrowUp" : "arrowDown",
    color: buy ? "#2563eb" : (m.reason === "manual" ? "#7c3aed" : "#e11d48"),
    text: m.text,
    id: String(m.tradeId),
  };
}

// Each oscillator pane below the candles gets a fixed share and the chart grows with them, so a third pane does
// not squeeze the others to a line.
function fitPanes(state) {
  const panes = state.chart.panes();
  if (panes.length - 1 === state.subPanes) return;
  state.subPanes = panes.length - 1;
  state.element.style.height = (340 + 120 * state.subPanes) + "px";
  panes.forEach((pane, i) => pane.setStretchFactor(i === 0 ? 340 : 120));
}

export function createPriceChart(element, id, data, levels) {
  window.algotradeCharts[id]?.dispose(); // a re-created component must not stack a second canvas in the page
  const chart = LC.createChart(element, {
    ...theme(),
    autoSize: true,
    localization,
    rightPriceScale: { borderVisible: false },
    // Room right of the last candle, so the markers of a fill in the forming candle are not clipped.
    timeScale: { borderVisible: false, timeVisible: true, secondsVisible: false, rightOffset: 6 },
    crosshair: { mode: LC.CrosshairMode.Normal },
  });
  const candles = chart.addSeries(LC.CandlestickSeries, {
    upColor: "#16a34a", downColor: "#dc2626", wickUpColor: "#16a34a", wickDownColor: "#dc2626", borderVisible: false,
  });
  const markerPlugin = LC.createSeriesMarkers(candles, []);
  const state = { chart, element, candles, markerPlugin, overlays: new Map(), priceLines: [], markers: [], levels: {}, lastTime: null, updatedAt: 0, subPanes: 0 };

  const api = {
    markers: () => state.markers.map((m) => ({ ...m })),
    levels: () => ({ ...state.levels }),
    candleCount: () => candles.data().length,
    lastCandleTime: () => state.lastTime,
    overlays: () => [...state.overlays.keys()],
    updatedAt: () => state.updatedAt,
    update: (next, nextLevels) => apply(state, next, nextLevels),
    dispose: () => { chart.remove(); delete window.algotradeCharts[id]; },
  };
  window.algotradeCharts[id] = api;
  apply(state, data, levels);
  chart.timeScale().fitContent();
  return api;
}

function apply(state, data, levels) {
  const { chart, candles } = state;
  if (data) {
    // Only candles newer than what is drawn are appended, so the user's zoom and scroll stay where they are.
    if (state.lastTime === null) candles.setData(data.candles);
    else for (const c of data.candles) if (c.time >= state.lastTime) candles.update(c);
    for (const o of data.overlays) {
      let entry = state.overlays.get(o.id);
      if (!entry) {
        const series = chart.addSeries(LC.LineSeries, {
          color: o.color, lineWidth: 2, priceLineVisible: false, lastValueVisible: false, title: o.label, crosshairMarkerVisible: false,
        }, o.pane);
        entry = { series, lastTime: null };
        state.overlays.set(o.id, entry);
      }
      if (entry.lastTime === null) entry.series.setData(o.points);
      else for (const p of o.points) if (p.time >= entry.lastTime) entry.series.update(p);
      if (o.points.length) entry.lastTime = o.points[o.points.length - 1].time;
    }
    fitPanes(state);
    if (data.candles.length) state.lastTime = data.candles[data.candles.length - 1].time;
    state.markers = data.markers.map(toMarker);
    state.markerPlugin.setMarkers(state.markers);
  }
  if (levels) {
    for (const line of state.priceLines) candles.removePriceLine(line);
    state.priceLines = [];
    state.levels = {};
    for (const l of LEVELS) {
      const price = levels[l.key];
      if (price === null || price === undefined) continue;
      state.levels[l.key] = price;
      state.priceLines.push(candles.createPriceLine({ price, color: l.color, lineWidth: 1, lineStyle: l.style, axisLabelVisible: true, title: l.title }));
    }
  }
  state.updatedAt = Date.now();
}

export function createEquityChart(element, id, points) {
  window.algotradeCharts[id]?.dispose();
  const chart = LC.createChart(element, {
    ...theme(),
    autoSize: true,
    localization,
    rightPriceScale: { borderVisible: false },
    timeScale: { borderVisible: false, timeVisible: true },
    handleScroll: false,
    handleScale: false,
  });
  const series = chart.addSeries(LC.BaselineSeries, {
    baseValue: { type: "price", price: points.length ? points[0].value : 0 },
    topLineColor: "#16a34a", bottomLineColor: "#dc2626",
    topFillColor1: "rgba(22,163,74,.25)", topFillColor2: "rgba(22,163,74,.02)",
    bottomFillColor1: "rgba(220,38,38,.02)", bottomFillColor2: "rgba(220,38,38,.25)",
    lineWidth: 2, priceLineVisible: false,
  });
  const api = {
    points: () => series.data().length,
    update: (next) => { series.setData(next); chart.timeScale().fitContent(); },
    dispose: () => { chart.remove(); delete window.algotradeCharts[id]; },
  };
  window.algotradeCharts[id] = api;
  api.update(points);
  return api;
}

export function update(id, data, levels) { window.algotradeCharts[id]?.update(data, levels); }

export function dispose(id) { window.algotradeCharts[id]?.dispose(); }
