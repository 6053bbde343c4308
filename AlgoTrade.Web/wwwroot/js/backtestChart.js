// Interop for the backtest result page's charts (lightweight-charts). The series arrive already bucketed by the server
// (BacktestChartBuilder), so a run of any length draws a few thousand points. Charts register in window.algotradeCharts.
import { theme, localization } from "./botChart.js";

const LC = window.LightweightCharts;
window.algotradeCharts = window.algotradeCharts || {};

// Past this many fills the marker texts would cover the candles: arrows only, the trade list has the details.
const MAX_MARKER_TEXTS = 150;

function baseChart(element, extra) {
  return LC.createChart(element, {
    ...theme(),
    autoSize: true,
    localization,
    rightPriceScale: { borderVisible: false },
    timeScale: { borderVisible: false, timeVisible: true, secondsVisible: false },
    crosshair: { mode: LC.CrosshairMode.Normal },
    ...extra,
  });
}

function toMarker(m, withText) {
  const buy = m.side === "BUY";
  return {
    time: m.time,
    position: buy ? "belowBar" : "aboveBar",
    shape: buy ? "arrowUp" : "arrowDown",
    color: buy ? "#2563eb" : "#e11d48",
    text: withText ? (buy ? `#${m.trip}` : m.reason.replaceAll("_", " ")) : "",
  };
}

export function createPriceChart(element, id, data) {
  window.algotradeCharts[id]?.dispose();
  const chart = baseChart(element, {});
  const candles = chart.addSeries(LC.CandlestickSeries, {
    upColor: "#16a34a", downColor: "#dc2626", wickUpColor: "#16a34a", wickDownColor: "#dc2626", borderVisible: false,
  });
  candles.setData(data.price);
  const overlays = [];
  let panes = 0;
  for (const o of data.overlays) {
    const series = chart.addSeries(LC.LineSeries, {
      color: o.color, lineWidth: 2, priceLineVisible: false, lastValueVisible: false, title: o.label, crosshairMarkerVisible: false,
    }, o.pane);
    series.setData(o.points);
    overlays.push(o.id);
    panes = Math.max(panes, o.pane);
  }
  element.style.height = (420 + 120 * panes) + "px";
  chart.panes().forEach((pane, i) => pane.setStretchFactor(i === 0 ? 420 : 120));
  const withText = data.markers.length <= MAX_MARKER_TEXTS;
  const markers = data.markers.map((m) => toMarker(m, withText));
  LC.createSeriesMarkers(candles, markers);
  const state = { lines: [], levels: {} };

  const api = {
    candleCount: () => candles.data().length,
    markerCount: () => markers.length,
    overlays: () => [...overlays],
    levels: () => ({ ...state.levels }),
    // The selected trade: its entry and exit levels as lines, and the view around its candles.
    selectTrip: (trip, from, to) => {
      for (const line of state.lines) candles.removePriceLine(line);
      state.lines = [];
      state.levels = {};
      if (!trip) return;
      const add = (key, price, title, color, style) => {
        if (price === null || price === undefined) return;
        state.levels[key] = price;
        state.lines.push(candles.createPriceLine({ price, color, lineWidth: 1, lineStyle: style, axisLabelVisible: true, title }));
      };
      add("entry", trip.entryPrice, `entry #${trip.number}`, "#3b82f6", 0);
      add("exit", trip.exitPrice, "exit", "#64748b", 0);
      add("stopLoss", trip.stopLoss, "stop", "#dc2626", 2);
      add("trailingStop", trip.trailingStop, "trailing", "#f59e0b", 2);
      add("takeProfit", trip.takeProfit, "take-profit", "#16a34a", 2);
      (trip.partialTakeProfits || []).forEach((p, i) => add(`partial${i + 1}`, p, `partial ${i + 1}`, "#22c55e", 3));
      if (from && to) {
        // Enough bars either side that the trade reads in its context.
        const bar = data.price.length > 1 ? data.price[1].time - data.price[0].time : 3600;
        const pad = Math.max(to - from, bar * 40);
        chart.timeScale().setVisibleRange({ from: from - pad, to: to + pad });
      }
    },
    dispose: () => { chart.remove(); delete window.algotradeCharts[id]; },
  };
  window.algotradeCharts[id] = api;
  chart.timeScale().fitContent();
  return api;
}

// Lines over time: equity against buy-and-hold, drawdown (area, drawn downwards), or several runs normalized to 100.
export function createLinesChart(element, id, series, options) {
  window.algotradeCharts[id]?.dispose();
  const chart = baseChart(element, { handleScroll: false, handleScale: false });
  const drawn = series.map((s) => {
    const line = s.area
      ? chart.addSeries(LC.AreaSeries, {
        lineColor: s.color, topColor: s.color + "10", bottomColor: s.color + "55", invertFilledArea: true,
        lineWidth: 2, priceLineVisible: false, title: s.name,
      })
      : chart.addSeries(LC.LineSeries, {
        color: s.color, lineWidth: s.width || 2, lineStyle: s.dashed ? 2 : 0, priceLineVisible: false, title: s.name,
      });
    line.setData(s.points);
    return line;
  });
  if (options && options.percent) {
    chart.applyOptions({ localization: { ...localization, priceFormatter: (v) => v.toFixed(2) + " %" } });
  }
  const api = {
    series: () => series.map((s, i) => ({ name: s.name, points: drawn[i].data().length })),
    dispose: () => { chart.remove(); delete window.algotradeCharts[id]; },
  };
  window.algotradeCharts[id] = api;
  chart.timeScale().fitContent();
  return api;
}

export function selectTrip(id, trip, from, to) { window.algotradeCharts[id]?.selectTrip(trip, from, to); }

export function dispose(id) { window.algotradeCharts[id]?.dispose(); }
