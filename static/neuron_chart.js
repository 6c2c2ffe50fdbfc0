// The one chart element of Neuron Playground, reviewed as a whole (tests/test_safety.py checks it).
//
// Streamlit calls the default export each time the chart's data changes, always with the same
// parentElement, so the chart's div stays on the page and Plotly.react updates it in place: no
// remount, no blank frame. The data is a figure spec built by neuron_core/figures.py (as JSON bytes),
// with a one-line description; nothing received is ever inserted as HTML.

// plotly.js is served by the app itself from this folder, never from a CDN: npm's
// plotly.js-cartesian-dist-min, the official bundle of the cartesian traces (scatter, bar, heatmap
// among them), a third of the full bundle's size and of its start-up time in the browser.
const PLOTLY_SRC = new URL("plotly-cartesian-4.1.1.min.js", import.meta.url).href;
// Plotly's own PNG button, and nothing that zooms or pans a chart whose axes are fixed.
const CONFIG = { displaylogo: false, modeBarButtons: [["toImage"]] };

let plotlyLoaded = null;
const charts = new WeakMap(); // chart div -> { div, next, last, resize, width, observer }
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
function schedule(chart) {
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
        const { data, layout, frames, name, fit } = figure;
        const config = { ...CONFIG, toImageButtonOptions: { filename: name } };
        const height = fit ? fitHeight(div, layout.height) : layout.height;
        const ratio = Math.min(1, height / layout.height);
        const font = { ...layout.font, size: layout.font.size * Math.max(0.75, Math.sqrt(ratio)) };
        const shown = ratio < 1 ? shrink(data, ratio ** 0.75) : data;
        await Plotly.react(div, { data: shown, layout: { ...layout, height, font }, frames, config });
        for (const svg of div.querySelectorAll(".main-svg")) svg.setAttribute("aria-hidden", "true");
        chart.last = figure;
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
function showError(chart, err) {
  const note = chart.error;
  const text = err ? `This chart could not be drawn: ${err.message}` : "";
  if (note.textContent !== text) note.textContent = text;
}

// Streamlit 1.67's sliders name themselves twice to assistive technology ("bias b bias b"): each input
// is labelled by itself and by its group, which carry the same label. This labels each by itself only,
// on every slider the page shows, now and after any rerun (React leaves the attribute gone: its value
// never changes). Only the attribute is touched; what is read is still Streamlit's own label.
function nameSlidersOnce() {
  for (const input of document.querySelectorAll('[data-testid="stSlider"] input[aria-labelledby][aria-label]')) {
    input.removeAttribute("aria-labelledby");
  }
}
new MutationObserver(nameSlidersOnce).observe(document.body, { childList: true, subtree: true });
nameSlidersOnce();

let resets; // the number of resets the page has seen (see neuronChart)
let live = null; // the page's one polite live region, made on first use
let liveTimer = 0;

/**
 * Say a sentence to assistive technology once the page has settled (one announcement for a burst of
 * key presses, not one per press): a polite live region, visually hidden, text only.
 */
function announce(text, after) {
  if (!live) {
    live = document.createElement("div");
    live.className = "neuron-live";
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
    Object.assign(live.style, {
      position: "absolute", width: "1px", height: "1px", overflow: "hidden",
      clipPath: "inset(50%)", whiteSpace: "nowrap",
    });
    document.body.append(live);
  }
  clearTimeout(liveTimer);
  liveTimer = setTimeout(() => {
    if (settled(after) && live.textContent !== text) live.textContent = text;
  }, 700);
}

/**
 * Whether the page's sliders still hold the values a chart was computed from: if the student has moved
 * one since, a newer run is on its way, and this chart's sentence is not said (only the last is).
 */
function settled(after) {
  return Object.entries(after ?? {}).every(([key, value]) => {
    const input = document.querySelector(`.st-key-${CSS.escape(key)} input[type="range"]`);
    return !input || Math.abs(Number(input.value) - value) < 1e-9;
  });
}

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

const decoder = new TextDecoder();
const counts = new WeakMap(); // each scroll element's last count

/**
 * A page helper, not a chart: when its count changes, scroll to the page's top ("top": the next quiz
 * exercise) or just enough to show what is above it ("here": the feedback after Check, on a phone).
 */
function scrollPage(data, parentElement) {
  const last = counts.get(parentElement);
  counts.set(parentElement, data.n);
  if (last === undefined || last === data.n) return;
  if (data.scroll === "top") {
    (document.querySelector("[data-testid=stMain]") ?? document.scrollingElement).scrollTo({ top: 0 });
  } else {
    parentElement.scrollIntoView({ block: "nearest" });
  }
}

export default function neuronChart({ data: bytes, parentElement }) {
  const data = JSON.parse(decoder.decode(bytes)); // a chart as neuron_core/element.py encoded it
  if (data.scroll) {
    scrollPage(data, parentElement);
    return () => {};
  }
  let div = parentElement.querySelector(":scope > .neuron-chart");
  let chart = div && charts.get(div);
  if (!chart) {
    div = document.createElement("div");
    div.className = "neuron-chart";
    // A figure named by its description; its drawing is hidden from assistive technology (see draw),
    // so it reads as that sentence and not as tick labels, and its PNG button stays a button.
    div.setAttribute("role", "figure");
    const error = document.createElement("p"); // error text, only ever set through textContent
    parentElement.append(div, error);
    chart = { div, error, next: null, resize: false, width: 0 };
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
  if (data.say && settled(data.after)) announce(data.say, data.after);
  if (data.top !== undefined) {
    // A reset counted since the last update: back to the top of the page, where the example starts.
    if (resets !== undefined && data.top !== resets) {
      (document.querySelector("[data-testid=stMain]") ?? document.scrollingElement).scrollTo({ top: 0 });
    }
    resets = data.top;
  }
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
