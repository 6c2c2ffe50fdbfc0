// The page's helpers, beside the charts: what Streamlit's page needs and no chart draws.
//
// Each reaches this module as the page-wide message a chart carries, or that travels alone (one
// structure, built by neuron_core/element.py's `page`): a sentence for assistive technology in the
// page's one live region, the page back at its top after a Reset, a scroll to the next exercise or to
// the feedback after Check, a sidebar closed over a page that has none. And, once per page, each slider
// named once to a screen reader.

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

let resets; // the number of resets the page has seen (see tell)
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

const counts = new WeakMap(); // each scrolling element's last count

/**
 * A page helper, not a chart: when its count changes, scroll to the page's top ("top": the next quiz
 * exercise) or just enough to show what is above it ("here": the feedback after Check, on a phone).
 */
function scrollPage(page, parentElement) {
  const last = counts.get(parentElement);
  counts.set(parentElement, page.count);
  if (last === undefined || last === page.count) return;
  if (page.scroll === "top") {
    toTop();
  } else {
    parentElement.scrollIntoView({ block: "nearest" });
  }
}

/** The page back at its top. */
function toTop() {
  (document.querySelector("[data-testid=stMain]") ?? document.scrollingElement).scrollTo({ top: 0 });
}

const closed = new WeakSet(); // each element that has closed the sidebar once

/**
 * A page with no sidebar of its own (the teacher's page) closes one left open over it, once as it is
 * entered: a phone keeps the sidebar open, over the whole page, after a link tapped in it.
 */
function closeSidebar(parentElement) {
  if (closed.has(parentElement)) return;
  closed.add(parentElement);
  const open = document.querySelector('[data-testid="stSidebar"][data-collapsed="false"]');
  open?.querySelector('[data-testid="stSidebarCollapseButton"] button')?.click();
}

const STUDENT = "neuron-playground-student"; // this browser's anonymous id, in its local storage

/**
 * This browser's student in a live class: a random id of 128 bits, made once and kept by the browser, so
 * that a reload, or a reconnect to another server, is the same student. Nothing else identifies them.
 */
const asked = new WeakSet(); // each element that has sent the id: once is enough (Streamlit keeps it)

function student(setStateValue, parentElement) {
  if (asked.has(parentElement)) return;
  asked.add(parentElement);
  let id = null;
  try {
    id = localStorage.getItem(STUDENT);
  } catch {} // storage refused (a private window): a new id for this page
  if (!/^[0-9a-f]{32}$/.test(id ?? "")) {
    id = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
    try {
      localStorage.setItem(STUDENT, id);
    } catch {}
  }
  setStateValue("student", id);
}

/**
 * Act on a page-wide message: `say` once the sliders hold `after`, `top` after a Reset, `scroll`, `close`,
 * and `student`, this browser's id sent back.
 */
export function tell(page, parentElement, setStateValue) {
  if (page.say && settled(page.after)) announce(page.say, page.after);
  if (page.top !== undefined) {
    // A reset counted since the last message: back to the top of the page, where the example starts.
    if (resets !== undefined && page.top !== resets) toTop();
    resets = page.top;
  }
  if (page.scroll) scrollPage(page, parentElement);
  if (page.close) closeSidebar(parentElement);
  if (page.student && setStateValue) student(setStateValue, parentElement);
}
