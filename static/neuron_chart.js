// The one chart element of Neuron Playground, reviewed as a whole with the three modules it loads
// (tests/app/test_safety.py reads all three).
//
// Streamlit calls the default export each time the chart's data changes, always with the same
// parentElement, so the chart's div stays on the page and Plotly.react updates it in place: no
// remount, no blank frame. The data is a figure spec built by neuron_core/figures/ (as JSON bytes),
// with a one-line description, and may carry the page-wide message (`page`) for neuron_page.js;
// nothing received is ever inserted as HTML.

// The modules beside this one, at this one's version (the loader's ?v=, a digest of all three), so
// that a browser never pairs a new element with an old helper.
const version = new URL(import.meta.url).search;
const [{ charts, schedule }, { tell }, { dressed, grabbing }] = await Promise.all(
  ["chart_draw.js", "neuron_page.js", "chart_drag.js"].map((file) =>
    import(new URL(file + version, import.meta.url).href),
  ),
);

const decoder = new TextDecoder();

/** ▶ Play and ❚❚ Pause under an animated chart: real buttons, so Tab reaches them and Enter works. */
function playButtons(chart, parentElement) {
  const bar = document.createElement("div");
  bar.className = "neuron-play";
  const make = (label, onClick) => {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    Object.assign(button.style, { font: "inherit", margin: "0 8px 8px 0", padding: "6px 14px" });
    button.addEventListener("click", onClick);
    bar.append(button);
  };
  const pause = { frame: { duration: 0, redraw: false }, mode: "immediate" };
  make("▶ Play", () => window.Plotly?.animate(chart.div, null, chart.last?.play));
  make("❚❚ Pause", () => window.Plotly?.animate(chart.div, [null], pause));
  parentElement.insertBefore(bar, chart.div.nextSibling);
  return bar;
}

export default function neuronChart({ data: bytes, parentElement, setStateValue, setTriggerValue }) {
  const data = JSON.parse(decoder.decode(bytes)); // a chart as neuron_core/element.py encoded it
  if (data.page) tell(data.page, parentElement, setStateValue);
  if (!data.data) return () => {}; // a page-wide message alone: nothing to draw
  let div = parentElement.querySelector(":scope > .neuron-chart");
  let chart = div && charts.get(div);
  if (!chart) {
    div = document.createElement("div");
    div.className = "neuron-chart";
    // A figure named by its description; its drawing is hidden from assistive technology (chart_draw.js),
    // so it reads as that sentence and not as tick labels, and its PNG button stays a button.
    div.setAttribute("role", "figure");
    const error = document.createElement("p"); // error text, only ever set through textContent
    parentElement.append(div, error);
    // `dress` adds the handles of what can be grabbed; `listen`, once drawn, for grabs (chart_drag.js).
    chart = { div, error, next: null, resize: false, width: 0, dress: dressed, listen: grabbing };
    // Follow the container's width (a phone turned, a window resized, the sidebar opened).
    chart.observer = new ResizeObserver(([entry]) => {
      const width = Math.round(entry.contentRect.width);
      if (width !== chart.width && chart.width) {
        chart.resize = true;
        schedule(chart);
      }
      chart.width = width;
    });
    chart.observer.observe(parentElement);
    charts.set(div, chart);
  }
  div.setAttribute("aria-label", data.label);
  if (data.play && !chart.buttons) chart.buttons = playButtons(chart, parentElement);
  chart.send = setTriggerValue; // a drag's values, once on release
  chart.next = data;
  schedule(chart);
  // Streamlit keeps the last cleanup and runs it when the element leaves the page; an older call's
  // cleanup can run while the chart is still shown, so only a detached chart is taken down.
  return () => {
    if (!div.isConnected) {
      chart.observer.disconnect();
      window.Plotly?.purge(div);
    }
  };
}
