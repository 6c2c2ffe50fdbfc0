// Drawing the chart element's charts with plotly.js: one queue for the page, one chart per task.
//
// neuron_chart.js hands each chart here with its newest figure; the queue hands it to Plotly.react in
// the same div (no remount, no blank frame), fits it to the window in presenter mode, and redraws it
// when its width or the window changes. Errors are shown under a chart as text, never as HTML.

// plotly.js is served by the app itself from this folder, never from a CDN: npm's
// plotly.js-cartesian-dist-min, the official bundle of the cartesian traces (scatter, bar, heatmap
// among them), a third of the full bundle's size and of its start-up time in the browser.
const PLOTLY_SRC = new URL("plotly-cartesian-4.1.1.min.js", import.meta.url).href;
// Plotly's own PNG button, and nothing that zooms or pans a chart whose axes are fixed.
const CONFIG = { displaylogo: false, modeBarButtons: [["toImage"]] };

let plotlyLoaded = null;
export const charts = new WeakMap(); // chart div -> { div, next, last, shown, resize, width, observer, … }
const waiting = []; // charts with a figure or a resize to draw
let drawing = false;

/** Load plotly.js once per page, with a script element pointing at the app's own copy. */
function loadPlotly() {
  plotlyLoaded ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = PLOTLY_SRC;
    script.onload = () => resolve(window.Plotly);
    script.onerror = () => {
      plotlyLoaded = null; // the next update tries again
      reject(new Error(`plotly.js did not load from ${PLOTLY_SRC}`));
    };
    document.head.appendChild(script);
  });
  return plotlyLoaded;
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Queue a chart for drawing; the queue starts after the current task, once every chart has queued. */
export function schedule(chart) {
  if (!waiting.includes(chart)) waiting.push(chart);
  if (!drawing) {
    drawing = true;
    nextTask().then(drawWaiting);
  }
}

/**
 * Draw the waiting charts one per task, so the browser can paint between them: the chart marked
 * `first` (the activation curve, whose point the student watches) first, then in order of arrival.
 * Only a chart's newest figure is drawn; one that arrives meanwhile queues the chart again.
 */
async function drawWaiting() {
  let Plotly;
  try {
    Plotly = await loadPlotly();
  } catch (err) {
    for (const chart of waiting.splice(0)) showError(chart, err);
    drawing = false; // the next update tries to load plotly.js again
    return;
  }
  while (waiting.length) {
    const i = Math.max(0, waiting.findIndex((c) => c.next?.first));
    const chart = waiting.splice(i, 1)[0];
    const { div, next } = chart;
    chart.next = null;
    try {
      const figure = next ?? (chart.resize && chart.last?.fit ? chart.last : null);
      if (figure) {
        const { data, layout, frames, name, fit } = chart.dress?.(figure) ?? figure;
        const config = { ...CONFIG, toImageButtonOptions: { filename: name } };
        const height = fit ? fitHeight(div, layout.height) : layout.height;
        const ratio = Math.min(1, height / layout.height);
        const font = { ...layout.font, size: layout.font.size * Math.max(0.75, Math.sqrt(ratio)) };
        const shown = ratio < 1 ? shrink(data, ratio ** 0.75) : data;
        // Kept as drawn: a drag's preview changes Plotly's copy, and a drag let go where it began puts
        // this one back (chart_drag.js).
        chart.shown = { data: shown, layout: { ...layout, height, font }, frames, config };
        await Plotly.react(div, structuredClone(chart.shown));
        for (const svg of div.querySelectorAll(".main-svg")) svg.setAttribute("aria-hidden", "true");
        chart.last = figure;
        chart.listen?.(chart, Plotly);
        showError(chart, null);
      } else if (chart.resize && div.data) {
        await Plotly.Plots.resize(div);
      }
    } catch (err) {
      showError(chart, err); // this chart only; the others are still drawn
    }
    chart.resize = false;
    await nextTask();
  }
  drawing = false;
}

/**
 * The height of a chart that fits the screen (presenter mode): what is left of the window below the
 * chart's top, at most the figure's own height and never less than a readable 220 px.
 */
function fitHeight(div, most) {
  const main = div.closest("[data-testid=stMain]") ?? document.scrollingElement;
  const top = div.getBoundingClientRect().top - main.getBoundingClientRect().top + main.scrollTop;
  return Math.round(Math.max(220, Math.min(most, window.innerHeight - top - 16)));
}

/**
 * The traces with their markers (the diagram's nodes) scaled down for a chart fitted shorter: a
 * little less than the chart itself, so the nodes stay apart and their text still fits inside.
 */
function shrink(data, ratio) {
  const scale = (size) => (Array.isArray(size) ? size.map((s) => s * ratio) : size * ratio);
  return data.map((trace) =>
    trace.marker?.size ? { ...trace, marker: { ...trace.marker, size: scale(trace.marker.size) } } : trace,
  );
}

// A window made taller or shorter (the projector's, a slide's) refits the charts that fit the screen.
window.addEventListener("resize", () => {
  for (const div of document.querySelectorAll(".neuron-chart")) {
    const chart = charts.get(div);
    if (chart?.last?.fit) {
      chart.resize = true;
      schedule(chart);
    }
  }
});

/** The error under a chart, or none: text only, never HTML. */
export function showError(chart, err) {
  const note = chart.error;
  const text = err ? `This chart could not be drawn: ${err.message}` : "";
  if (note.textContent !== text) note.textContent = text;
}
