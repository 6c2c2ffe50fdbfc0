"""The playground: one neuron, its sliders, diagram and curve with the point, the sentence, the seed's two
lines, and the views of the same neuron (gradients, landscape, sweep, training, compare, by hand)."""

from contextlib import nullcontext

import streamlit as st

import pages
from neuron_core import forward, gradients
from neuron_core.export import script, state_json
from neuron_core.figures import explore, training
from neuron_core.link import share, state
from neuron_core.model.activations import ACTIVATIONS
from neuron_core.model.training import train
from neuron_core.numbers import eq, fmt, sub
from neuron_core.words import calculation, explain, on_example
from pages import WIDE, controls, counted, draw

PAGE = "neuron"


def playground() -> None:
    """Every control read in one pass, in page order, then each view drawn in its place from the run's one
    State (a view drawn above its section's controls has a container kept for it)."""
    reading = pages.started()
    with st.sidebar:
        sharing = pages.sidebar_top(PAGE, "the worked example: x = (2, 1, 3), w = (1, -1, 1), b = -5, ReLU")
        values = controls("sidebar", reading.state.flat())
        side_end = st.container()
    head = st.container()  # the title, written once every control is read (a container: one message, always)
    fixed = None
    if reading.state.controls:  # a teacher's link: its controls in the page (the key names it for the
        with st.container(key="chosen"):  # stylesheet: larger, for the room), what it fixes under them
            values = controls("body", values, across=min(3, len(list(state.shown("body", values)))))
        fixed = st.container()
    top = st.container()
    sections = state.State(**values)  # which sections the page has (a teacher may have chosen train)
    middle = None
    # the sweep and the landscape keep one place whether or not training follows (a chart that moves
    # to another container is drawn anew)
    if not sections.present and (sections.sweep != "none" or sections.land):
        middle = st.container()
    training_on = sections.train and not sections.present
    if training_on:
        st.subheader(f"Training on this one example, towards y = {fmt(sections.y)}")
        values = counted("training", values, "step")
    s = state.State(**values)  # the run's one State: every view below is handed it
    if s.controls:  # the whole playground is a click away
        side_end.link_button(
            "Open the whole playground", share.link(share.root(st.context.url), s.replace(controls=()))
        )
        fixed.caption(share.fixed(s))
    pages.teach_link(sharing, s, PAGE)
    for key in state.stale(s, st.query_params):  # a view switched off takes its values out of the link
        st.query_params.pop(key, None)
    with top:
        f, g = top_view(s, head)
    if s.present:  # the charts first on a projector; the gradients, if asked for, under them
        if g is not None:
            gradient_view(f, g)
        return
    with middle or nullcontext():  # above the training section's controls, where there is one
        if s.sweep != "none":
            st.subheader(f"Sweep: {s.sweep} from -10 to 10")
            st.caption(
                "Press ▶ Play: the point travels along the curve as the parameter runs, the others held."
            )
            draw(explore.sweep_figure(f, s.sweep), "sweep_chart", WIDE)
        if s.land:
            landscape_view(f, s.i, s.j)
    if training_on:
        training_view(f, s)
    pages.worked(f)
    with st.container(horizontal=True):
        st.download_button(
            "Download as a Python script", lambda: script(f), "neuron.py", key="script", on_click="ignore"
        )
        st.download_button(
            "Download the state as JSON", lambda: state_json(f), "neuron.json", key="json", on_click="ignore"
        )


def top_view(s: state.State, head) -> tuple:
    """The title (in `head`), result, meaning, gradients and charts; returns f and g (None unless shown)."""
    f = forward(s.x, s.w, s.b, s.act, s.act_alpha)
    other = ACTIVATIONS.get(s.compare)  # a second activation drawn dashed on the same axes
    z, a = fmt(f.z), calculation.a_text(f)
    # A projector, or a student's phone on a teacher's link: the result first, nothing else.
    compact = s.present or bool(s.controls)
    head.title(f"z = {z}   →   a {eq(a)}" if compact else "Neuron Playground")
    if not compact:
        st.markdown(
            "A neuron multiplies each input $x_i$ by its weight $w_i$, adds the bias $b$ to get "
            "$z = w \\cdot x + b$, and passes $z$ through an activation to give its output $a$. "
            "**Try it:** move $b$ up until $a$ stops being 0, flip the sign of a weight, "
            "or switch the activation and watch the point move along the curve. "
            "The sliders are in the sidebar (on a phone, tap » at the top left); or grab the point on the "
            "curve, or a weight's edge on the diagram, and drag it."
        )
    pages.notices()
    pages.joined(s)  # a live class (class=CODE): joined, nothing more is sent from here
    if not compact:
        with st.container(horizontal=True):
            st.metric("pre-activation z = w·x + b", z, width=280)
            st.metric(f"output a = {f.act.label}(z)", a, width=280)
    st.markdown(f"**{explain.explain(f)}**" + (f" {explain.compared(f, other)}" if other else ""))
    g = gradients(f) if s.grad else None
    if g is not None and not s.present:
        gradient_view(f, g)
    pages.charts(f, s.present, g, other, curve_first=bool(s.controls), s=s)
    return f, g


def gradient_view(f, g) -> None:
    """The gradients of a as numbers, and what they say in words."""
    st.subheader("Gradients: which way should each weight move?")
    st.latex(calculation.gradient_latex(g))
    (st.warning if g.dead else st.info)(explain.explain_gradients(f, g))


def landscape_view(f, i: int, j: int) -> None:
    """a over every pair of values of two inputs, the others held where the sliders are."""
    st.subheader(f"The landscape: a over x{sub(i)} and x{sub(j)}")
    if f.n < 2 or i == j:
        st.info("The landscape needs two different inputs: set n to 2 or more and choose i and j apart.")
        return
    st.caption(explain.landscape_caption(f, i - 1, j - 1))
    draw(explore.landscape_figure(f, i - 1, j - 1), "landscape", WIDE)


def training_view(f, s: state.State, moves: bool = True) -> None:
    """Gradient descent on (a - y)² from the sliders' weights; the step count in the link replays it."""
    y, steps = s.y, s.steps
    t = train(f, y, s.lr, steps)
    now = forward(f.x, t.w[-1], t.b[-1], f.act.name, f.alpha)
    pages.said(on_example.notes(now, t, y, steps))
    st.markdown(on_example.summary(t))
    draw(training.training_figure(t), "training", WIDE)
    if not t.reached:
        st.caption("The next step, by the chain rule: the loss, its slope in z, and each weight's update.")
        st.latex(calculation.step_latex(now, y, s.lr, t.is_exact("w"), t.exact_now()))
    if moves:  # a lesson's step has no weight sliders to move
        pages.move_sliders(s.replace(w=tuple(t.w[-1].tolist()), b=float(t.b[-1]), steps=0), "to one example")


if __name__ == "__main__":  # run as a page (Streamlit runs a page as __main__), not imported
    playground()
