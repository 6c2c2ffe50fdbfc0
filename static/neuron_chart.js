// The one chart element of Neuron Playground, reviewed as a whole (tests/test_safety.py checks it).
//
// Streamlit calls the default export each time the chart's data changes, always with the same
// parentElement, so the chart's div stays on the page and Plotly.react updates it in place: no
// remount, no blank frame. The data is a figure spec built by neuron_core/figures.py, plus a one-line
// description; nothing received is ever inserted as HTML.

// plotly.js is served by the app itself from this folder, never from a CDN.
const PLOTLY_SRC = new URL("plotly-4.1.1.min.js", import.meta.url).href;
// Plotly's own PNG button, and nothing that zooms or pans a chart whose axes are fixed.
const CONFIG = { displaylogo: false, modeBarButtons: [["toImage"]] };

let plotlyLoaded = null;
const charts = new WeakMap(); // chart div -> { next, busy, width, observer }

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

/** Draw the newest figure; one that arrives while Plotly is busy waits, and only the newest is drawn. */
async function drawLatest(div, chart) {
  chart.busy = true;
  try {
    const Plotly = await loadPlotly();
    while (chart.next) {
      const { data, layout, frames, name } = chart.next;
      chart.next = null;
      const config = { ...CONFIG, toImageButtonOptions: { filename: name } };
      await Plotly.react(div, { data, layout, frames, config });
      div.nextSibling.textContent = "";
    }
  } catch (err) {
    div.nextSibling.textContent = `This chart could not be drawn: ${err.message}`;
  } finally {
    chart.busy = false;
  }
}

export default function neuronChart({ data, parentElement }) {
  let div = parentElement.querySelector(":scope > .neuron-chart");
  let chart = div && charts.get(div);
  if (!chart) {
    div = document.createElement("div");
    div.className = "neuron-chart";
    div.setAttribute("role", "img"); // read as one picture with its description, not as tick labels
    const error = document.createElement("p"); // error text, only ever set through textContent
    parentElement.append(div, error);
    chart = { next: null, busy: false, width: 0 };
    // Follow the container's width (a phone turned, a window resized, the sidebar opened).
    chart.observer = new ResizeObserver(([entry]) => {
      const width = Math.round(entry.contentRect.width);
      if (width !== chart.width && div.data && !chart.busy) window.Plotly.Plots.resize(div);
      chart.width = width;
    });
    chart.observer.observe(parentElement);
    charts.set(div, chart);
  }
  div.setAttribute("aria-label", data.label);
  chart.next = data;
  if (!chart.busy) drawLatest(div, chart);
  // Streamlit keeps the last cleanup and runs it when the element leaves the page; an older call's
  // cleanup can run while the chart is still shown, so only a detached chart is taken down.
  return () => {
    if (!div.isConnected) {
      chart.observer.disconnect();
      window.Plotly?.purge(div);
    }
  };
}
