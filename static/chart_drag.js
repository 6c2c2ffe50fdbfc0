// Grabbing a chart: the curve's point along z (b), a diagram's edge up or down (w_i or b), the data's line
// moved (b) or turned about its middle by a ring near an end (w₁, w₂, b). Python sends what can be
// grabbed as the chart's `grab` (neuron_core/grab.py); while the pointer moves, the chart previews the drag
// here, in the browser, with nothing but interpolation along the samples sent and a sum; on release the
// values go back to the page once (setTriggerValue), which reads them as a link's and draws everything
// anew: Python has the last word. Pointer events, so a finger works as a mouse does; a touch on a handle
// never scrolls the page.

const HIT = 22; // px: how near a handle (or, for a mouse, an edge or the line) a pointer grabs it
const WAIT = 4000; // ms: a release unanswered by a new figure by then puts the chart back as it was

/** A value moved by `by`, on its slider's step and in its range: within `lo`, `hi` too when given, at
 * the step nearest inside them (a bound itself is on the step only by chance). */
function snap(g, v, by, lo = g.lo, hi = g.hi) {
  const first = Math.ceil((Math.max(lo, g.lo) - g.lo) / g.grid - 1e-9);
  const last = Math.floor((Math.min(hi, g.hi) - g.lo) / g.grid + 1e-9);
  const k = Math.max(Math.min(Math.round((v + by - g.lo) / g.grid), last), first);
  return Number((g.lo + k * g.grid).toFixed(10));
}

/** a at z by straight lines between the samples (exact where the activation is piecewise linear), the
 * end segments carried on past the ends; at a jump (the step's), the value from the right, as f(0) = 1. */
function interp([zs, as], z) {
  const pts = zs.map((v, i) => [v, as[i]]).filter(([v, a]) => v !== null && a !== null);
  let i = 1;
  while (i < pts.length - 1 && pts[i][0] <= z) i++;
  const [[z0, a0], [z1, a1]] = [pts[i - 1], pts[i]];
  return z1 === z0 ? a1 : a0 + ((a1 - a0) * (z - z0)) / (z1 - z0);
}

/** A number as the display rule writes it (numbers.fmt, with no room): its `digits` decimals, whole
 * numbers bare; ≈ where rounding made it whole, or where it is an interpolation (`exact` false). */
function written(v, rule = { digits: 4, exact: true }) {
  const r = Number(v.toFixed(rule.digits)) + 0;
  const near = !rule.exact || (Number.isInteger(r) && Math.abs(v - r) > 1e-9 * Math.max(1, Math.abs(r)));
  return (near ? "≈ " : "") + String(r);
}

/** The pointer in the chart's data coordinates, and in pixels of the plot area. */
function at(div, e) {
  const { xaxis, yaxis } = div._fullLayout;
  const box = div.getBoundingClientRect();
  const px = e.clientX - box.left - xaxis._offset;
  const py = e.clientY - box.top - yaxis._offset;
  return { x: xaxis.p2l(px), y: yaxis.p2l(py), px, py };
}

/** A point of data coordinates in pixels of the plot area. */
function pixel(div, x, y) {
  const { xaxis, yaxis } = div._fullLayout;
  return [xaxis.l2p(x), yaxis.l2p(y)];
}

/** How far a pixel is from the segment between two others (or from its part between `lo` and `hi`). */
function away([x, y], [x0, y0], [x1, y1], lo = 0, hi = 1) {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const t = Math.max(lo, Math.min(hi, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(x - x0 - t * dx, y - y0 - t * dy);
}

/** The two ends of the line w·x + b = t inside the square, or none (as neuron_core/model/batch.py's). */
function ends(w, b, t, [lo, hi]) {
  const out = [];
  const add = (x1, x2) => {
    const inside = (v) => v >= lo - 1e-9 && v <= hi + 1e-9;
    if (inside(x1) && inside(x2) && !out.some(([a, c]) => Math.abs(a - x1) + Math.abs(c - x2) < 1e-9)) {
      out.push([x1, x2]);
    }
  };
  for (const x1 of [lo, hi]) if (w[1]) add(x1, (t - b - w[0] * x1) / w[1]);
  for (const x2 of [lo, hi]) if (w[0]) add((t - b - w[1] * x2) / w[0], x2);
  return out.length >= 2 ? out.slice(0, 2) : [];
}

// Each kind of grab: where a pointer grabs it (`hit`), the handles drawn on it (`handles`), and the
// preview of a drag (`preview`: the values it means and the chart's update while the pointer moves).
const KINDS = {
  curve: {
    hit(div, g, p) {
      const point = div.layout.shapes.find((s) => s.name === "current"); // the point is its own handle
      const [x, y] = pixel(div, point.xanchor, point.yanchor);
      return Math.hypot(p.px - x, p.py - y) <= HIT ? { from: p.x } : null;
    },
    handles(g, layout) {
      const point = layout.shapes.find((s) => s.name === "current");
      const r = (point?.x1 ?? 8) + 7;
      return point
        ? [
            {
              ...point,
              name: "handle",
              x0: -r,
              x1: r,
              y0: -r,
              y1: r,
              fillcolor: "rgba(0,0,0,0)",
              line: { color: point.fillcolor, width: 2, dash: "dot" },
            },
          ]
        : [];
    },
    preview(div, g, grip, p) {
      const [xlo, xhi] = div._fullLayout.xaxis.range;
      const b = snap(g, g.v, p.x - grip.from, g.v + xlo - g.z, g.v + xhi - g.z);
      const z = g.z + b - g.v;
      const a = interp(curveOf(div), z);
      const update = pointAt(div, z);
      const { range } = div._fullLayout.yaxis;
      const high = a > (range[0] + range[1]) / 2;
      const left = z > 0;
      const text = `z = ${written(z)},  a ${eq(written(a, g.a))}`;
      const note = {
        x: z,
        y: a,
        text,
        xanchor: left ? "right" : "left",
        yanchor: high ? "top" : "bottom",
        xshift: left ? -16 : 16,
        yshift: high ? -16 : 16,
      };
      if (grip.note === undefined) {
        // the preview's own note, after the chart's: made once, then moved
        grip.note = (div.layout.annotations ?? []).length;
        update[`annotations[${grip.note}]`] = {
          ...note,
          showarrow: false,
          bgcolor: "rgba(255,255,255,.92)",
          font: { size: Math.round(div._fullLayout.font.size * 1.05) }, // a projector's larger
        };
      } else {
        for (const [k, v] of Object.entries(note)) update[`annotations[${grip.note}].${k}`] = v;
      }
      return { values: { b }, same: b === g.v, text, layout: update };
    },
    after: (g, { b }) => ({ ...g, v: b, z: g.z + b - g.v }),
  },
  diagram: {
    hit(div, g, p, touch) {
      let best = null;
      for (const e of g.edges) {
        const s = div.layout.shapes[e.i];
        const note = div.layout.annotations[e.i];
        const near = (x, y) => Math.hypot(...pixel(div, x, y).map((v, k) => v - [p.px, p.py][k]));
        const d = Math.min(
          near(s.x0 + GRIP * (s.x1 - s.x0), s.y0 + GRIP * (s.y1 - s.y0)), // its handle
          near(note.x, note.y) - 12, // its label
          // a mouse grabs its middle part too: not at the input's node, nor where the edges meet at Σ
          touch ? Infinity : away([p.px, p.py], pixel(div, s.x0, s.y0), pixel(div, s.x1, s.y1), 0.2, 0.75),
        );
        if (d <= HIT && (!best || d < best.d)) best = { d, edge: e, from: p.py };
      }
      return best;
    },
    handles(g, layout) {
      return g.edges.map((e) => {
        const s = layout.shapes[e.i];
        const [x, y] = [s.x0 + GRIP * (s.x1 - s.x0), s.y0 + GRIP * (s.y1 - s.y0)];
        return {
          type: "circle",
          name: "handle",
          xsizemode: "pixel",
          ysizemode: "pixel",
          xanchor: x,
          yanchor: y,
          x0: -6,
          x1: 6,
          y0: -6,
          y1: 6,
          fillcolor: "#FFF",
          line: { color: s.line.color, width: 2 },
        };
      });
    },
    preview(div, g, grip, p) {
      const e = grip.edge;
      const v = snap(g, e.v, (grip.from - p.py) / g.px);
      const z = g.z + (v - e.v) * e.x;
      const a = interp(g.curve, z);
      const k = (v > 0) - (v < 0) + 1;
      const note = div.layout.annotations[e.i];
      const nodes = [...div.data[0].text];
      const names = [...div.data[1].text];
      nodes[g.node] = written(a, g.a);
      names[g.zname] = `z = ${written(z)}`;
      const layout = {
        [`shapes[${e.i}].line`]: {
          ...div.layout.shapes[e.i].line,
          color: g.edge.colors[k],
          dash: g.edge.dashes[k],
          width: Number((g.edge.base + Math.min(Math.abs(v), g.edge.cap) * g.edge.per).toFixed(2)),
        },
        [`annotations[${e.i}].text`]: `${e.name} = ${written(v)}`,
        [`annotations[${e.i}].font.color`]: g.edge.colors[k],
      };
      const text = `${e.name} = ${written(v)}: z = ${written(z)}, a ${eq(written(a, g.a))}`;
      return {
        z,
        values: { [e.key]: v },
        same: v === e.v,
        text,
        layout,
        data: { text: [nodes, names] },
        traces: [0, 1],
      };
    },
    after(g, values) {
      const edges = g.edges.map((e) => (e.key in values ? { ...e, v: values[e.key] } : e));
      const z = g.z + edges.reduce((sum, e, k) => sum + (e.v - g.edges[k].v) * e.x, 0);
      return { ...g, edges, z };
    },
  },
  line: {
    hit(div, g, p, touch) {
      const drawn = ends(g.w, g.b, g.t, g.square); // the sliders' line, whatever ▶ Play has drawn since
      if (!drawn.length) return null;
      const xy = { x: drawn.map((q) => q[0]), y: drawn.map((q) => q[1]) };
      const near = (f) => Math.hypot(...pixel(div, ...along(xy, f)).map((v, k) => v - [p.px, p.py][k]));
      // the nearest handle: a ring (turn) or the square (move)
      const [ring, square] = [Math.min(near(INSET), near(1 - INSET)), near(0.5)];
      if (g.turn && ring <= HIT && ring < square) return { turn: true, pivot: along(xy, 0.5), n: g.w };
      const [a, b] = [0, 1].map((k) => pixel(div, xy.x[k], xy.y[k]));
      const on = touch ? near(0.5) : away([p.px, p.py], a, b);
      return on <= HIT ? { from: [p.x, p.y] } : null;
    },
    handles(g, layout, data) {
      const xy = data[0];
      if (!xy.x?.length) return [];
      const ring = (x, y, r, symbol) => ({
        type: symbol,
        name: "handle",
        xsizemode: "pixel",
        ysizemode: "pixel",
        xanchor: x,
        yanchor: y,
        x0: -r,
        x1: r,
        y0: -r,
        y1: r,
        fillcolor: "#FFF",
        line: { color: "#222", width: 2 },
      });
      const mid = ring(...along(xy, 0.5), 8, "rect");
      return g.turn ? [mid, ...[INSET, 1 - INSET].map((f) => ring(...along(xy, f), 9, "circle"))] : [mid];
    },
    preview(div, g, grip, p) {
      let w = g.w;
      let b;
      if (grip.turn) {
        // The line through its middle and the pointer; w across it, as long as before, on the side w
        // was on a moment ago (so that a turn can go on past a right angle).
        const [dx, dy] = [p.x - grip.pivot[0], p.y - grip.pivot[1]];
        const d = Math.hypot(dx, dy);
        if (d < 1e-6) return null;
        const length = Math.hypot(...g.w);
        const sign = -dy * grip.n[0] + dx * grip.n[1] < 0 ? -1 : 1;
        grip.n = [(sign * -dy) / d, (sign * dx) / d];
        w = [snap(g, 0, grip.n[0] * length), snap(g, 0, grip.n[1] * length)];
        b = snap(g, 0, g.t - w[0] * grip.pivot[0] - w[1] * grip.pivot[1]);
      } else {
        b = snap(g, g.b, -(g.w[0] * (p.x - grip.from[0]) + g.w[1] * (p.y - grip.from[1])));
      }
      const line = ends(w, b, g.t, g.square);
      // It stays in the square, long enough to see and to grab: where a drag would take it out, or into
      // a corner, it stays at its last place.
      const side = g.square[1] - g.square[0];
      if (!line.length || Math.hypot(line[1][0] - line[0][0], line[1][1] - line[0][1]) < SHORTEST * side) {
        return null;
      }
      const tie = 1e-9 * (1 + Math.abs(b) + Math.abs(g.t));
      const wrong = g.points.filter(([x1, x2, y]) => w[0] * x1 + w[1] * x2 + b >= g.t - tie !== (y === 1));
      const right = g.points.length - wrong.length;
      const named = `w₁ = ${written(w[0])}, w₂ = ${written(w[1])}, b = ${written(b)}`;
      const said = `${named}: ${right} of ${g.points.length} right`;
      const handles = KINDS.line.handles(g, null, [{ x: line.map((q) => q[0]), y: line.map((q) => q[1]) }]);
      const shapes = div.layout.shapes.filter((s) => s.name !== "handle");
      return {
        values: grip.turn ? { w1: w[0], w2: w[1], b } : { b },
        same: b === g.b && w[0] === g.w[0] && w[1] === g.w[1],
        text: said,
        data: {
          x: [line.map((q) => q[0]), wrong.map((q) => q[0])],
          y: [line.map((q) => q[1]), wrong.map((q) => q[1])],
        },
        traces: [0, 1],
        layout: { "title.text": said, shapes: [...shapes, ...handles] },
        dim: 2,
      };
    },
    after: (g, { w1 = g.w[0], w2 = g.w[1], b }) => ({ ...g, w: [w1, w2], b }),
  },
};

const INSET = 0.07; // the line's turning handles: this far in from its ends, inside the plot
const SHORTEST = 0.3; // the line's shortest, as a share of the square's side
const GRIP = 0.62; // a diagram edge's handle: this far along it, between its label and Σ
const along = (xy, f) => [xy.x[0] + f * (xy.x[1] - xy.x[0]), xy.y[0] + f * (xy.y[1] - xy.y[0])];
/** The curve's point (its ring, its guide, a compared curve's point) moved to z, a on the curve there. */
function pointAt(div, z) {
  const a = interp(curveOf(div), z);
  const update = {};
  div.layout.shapes.forEach((s, i) => {
    if (s.name === "current" || s.name === "handle") {
      Object.assign(update, { [`shapes[${i}].xanchor`]: z, [`shapes[${i}].yanchor`]: a });
    }
    if (s.name === "guide") {
      Object.assign(update, { [`shapes[${i}].x0`]: z, [`shapes[${i}].x1`]: z, [`shapes[${i}].y1`]: a });
    }
    if (s.name === "compared" && div.data[1]) {
      const b = interp([div.data[1].x, div.data[1].y], z);
      Object.assign(update, { [`shapes[${i}].xanchor`]: z, [`shapes[${i}].yanchor`]: b });
    }
  });
  return update;
}

// The page's activation curve follows a drag on the diagram: its point moves to the z the preview has, and
// goes back where the drag is let go without a change (`z` null).
const FOLLOW = "neuron-preview-z";
const follow = (z) => document.dispatchEvent(new CustomEvent(FOLLOW, { detail: z }));

const held = (g) => JSON.stringify([g.v, g.edges?.map((e) => e.v), g.w, g.b]); // a grab's values
const eq = (text) => (text.startsWith("≈") ? text : `= ${text}`);
const curveOf = (div) => [div.data[0].x, div.data[0].y];

/** The figure with the handles of what can be grabbed drawn on it: given to Plotly.react as it is. */
export function dressed(figure) {
  const g = figure.grab;
  if (!g || !KINDS[g.kind]) return figure;
  const layout = {
    ...figure.layout,
    shapes: [...(figure.layout.shapes ?? []), ...KINDS[g.kind].handles(g, figure.layout, figure.data)],
  };
  return { ...figure, layout };
}

/** Listen for grabs on a chart's div, once: each pointer down reads the chart's newest `grab`. */
export function grabbing(chart, Plotly) {
  const { div } = chart;
  // The page's answer to the last release, or another figure: the release's values are no longer waited for
  // once a figure has them (one that answers an earlier release leaves the wait as it is).
  const answered = !chart.pending || held(chart.pending) === held(chart.last.grab ?? {});
  if (answered) {
    clearTimeout(chart.waiting);
    chart.pending = null;
  }
  const drag = chart.drag;
  if (drag && (drag.early || held(drag.g) === held(chart.last.grab ?? {}))) {
    // A drag begun on a release's values before the page's figure came, or a figure drawn again with the
    // drag's own values: the drag goes on (from the page's values, once they are the release's), its
    // preview drawn again over the new figure.
    if (drag.early && answered) Object.assign(drag, { g: chart.last.grab, early: false });
    drag.dimmed = false;
    delete drag.grip.note;
    show(chart, Plotly);
  } else if (drag) {
    end(chart, Plotly, null); // other values mid-drag: the drag's start is stale
  }
  div.classList.toggle("grabbable", Boolean(chart.last?.grab));
  chart.followed = false;
  if (chart.listening) return;
  chart.listening = true;
  document.addEventListener(FOLLOW, ({ detail: z }) => {
    if (!div.isConnected || chart.last?.name !== "activation-curve" || !div._fullLayout || chart.drag) return;
    if (z === null) {
      if (chart.followed) back(chart, Plotly);
    } else {
      chart.followed = true;
      Plotly.relayout(div, pointAt(div, z));
    }
  });
  // What a drag starts from: the page's values, or those of a release it has not answered yet.
  const base = () => chart.pending ?? chart.last?.grab;
  const hit = (e, touch) => {
    const g = base();
    const kind = g && KINDS[g.kind];
    return kind && div._fullLayout ? kind.hit(div, g, at(div, e), touch) : null;
  };
  // A finger on a handle drags it and never scrolls the page; elsewhere the page scrolls as ever.
  div.addEventListener(
    "touchstart",
    (e) => {
      if (e.touches.length === 1 && hit(e.touches[0], true)) e.preventDefault();
    },
    { passive: false },
  );
  div.addEventListener(
    "pointerdown",
    (e) => {
      if (chart.drag || (e.pointerType === "mouse" && e.button !== 0)) return;
      const grip = hit(e, e.pointerType !== "mouse");
      if (!grip) return;
      e.preventDefault();
      e.stopPropagation();
      const stop = { mode: "immediate", frame: { duration: 0 } };
      if (chart.last.play) Plotly.animate(div, [null], stop); // ▶ Play stops where it is
      div.setPointerCapture(e.pointerId);
      const start = [e.clientX, e.clientY];
      const early = Boolean(chart.pending);
      chart.drag = { grip, g: base(), early, pointer: e.pointerId, start, at: null, shown: null, frame: 0 };
      div.classList.add("grabbing");
    },
    { capture: true },
  );
  div.addEventListener(
    "pointermove",
    (e) => {
      const drag = chart.drag;
      if (!drag) {
        if (e.pointerType === "mouse") div.classList.toggle("over", Boolean(hit(e, false)));
        return;
      }
      if (e.pointerId !== drag.pointer) return;
      e.stopPropagation();
      // A click's tremor is not a drag: nothing moves until the pointer has gone 3 px.
      drag.moved ||= Math.hypot(e.clientX - drag.start[0], e.clientY - drag.start[1]) >= 3;
      if (!drag.moved) return;
      drag.at = at(div, e);
      drag.frame ||= requestAnimationFrame(() => show(chart, Plotly));
    },
    { capture: true },
  );
  div.addEventListener(
    "pointerup",
    (e) => {
      if (chart.drag?.pointer !== e.pointerId) return;
      e.stopPropagation();
      if (chart.drag.moved) chart.drag.at = at(div, e);
      end(chart, Plotly, chart.drag.moved ? chart.drag : null);
    },
    { capture: true },
  );
  for (const lost of ["pointercancel", "lostpointercapture"]) {
    div.addEventListener(lost, (e) => {
      if (chart.drag?.pointer === e.pointerId) end(chart, Plotly, null); // the chart put back
    });
  }
}

/** Draw the drag's preview at the pointer's newest place: once per animation frame at most. */
function show(chart, Plotly) {
  const drag = chart.drag;
  if (!drag) return;
  drag.frame = 0;
  const kind = KINDS[drag.g.kind];
  const seen = drag.at && kind.preview(chart.div, drag.g, drag.grip, drag.at);
  if (!seen) return;
  drag.shown = seen;
  chart.div.dataset.preview = seen.text; // what the preview says, for a test to read while dragging
  const restyle = seen.data ?? {};
  if (seen.dim !== undefined && !drag.dimmed) {
    drag.dimmed = true; // the landscape of a is the start's: faded while the line moves
    Plotly.restyle(chart.div, { opacity: 0.35 }, [seen.dim]);
  }
  Plotly.update(chart.div, restyle, seen.layout, seen.traces ?? []);
  if (drag.g.kind === "diagram") follow(seen.z);
}

/** The drag over: its values sent to the page once (a release), or the chart put back (a cancel, or a
 * release where it started). */
function end(chart, Plotly, drag) {
  cancelAnimationFrame(chart.drag?.frame ?? 0);
  const was = chart.drag;
  chart.drag = null;
  chart.div.classList.remove("grabbing");
  // where the pointer was let go, or the last place the preview could show (the line in its square)
  const seen =
    drag && ((was.at && KINDS[was.g.kind].preview(chart.div, was.g, was.grip, was.at)) || was.shown);
  delete chart.div.dataset.preview;
  if (!seen || seen.same || !chart.send) {
    if (was?.shown) back(chart, Plotly);
    if (was?.g.kind === "diagram") follow(null);
    return;
  }
  chart.send("grab", seen.values);
  // Until the page answers with its figure, the chart keeps the preview, and a new grab starts from it.
  chart.pending = KINDS[was.g.kind].after(was.g, seen.values);
  clearTimeout(chart.waiting);
  chart.waiting = setTimeout(() => {
    chart.pending = null;
    if (chart.drag) return;
    back(chart, Plotly);
    if (was.g.kind === "diagram") follow(null);
  }, WAIT);
}

/** The chart as it was last drawn, its preview undone (texts too: a new revision makes Plotly look). */
function back(chart, Plotly) {
  const figure = structuredClone(chart.shown);
  chart.backs = (chart.backs ?? 0) + 1;
  figure.layout.datarevision = `${figure.layout.datarevision}-back${chart.backs}`;
  Plotly.react(chart.div, figure);
}
