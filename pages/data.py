"""The data page: a neuron of two inputs on points (x1, x2) labelled 0 or 1, its boundary, training on all
of them at once (gradient descent or the perceptron rule), and XOR, which no line splits."""

import streamlit as st

import pages
from neuron_core import grab
from neuron_core.figures import training
from neuron_core.link import share, state
from neuron_core.model import batch, data
from neuron_core.words import on_data
from pages import controls, counted, draw, drawn

PAGE = "data"


def data_page() -> None:
    """The data set and the training's controls at the top, then the boundary and the loss, epoch by epoch.

    In presenter mode the charts come first, under the title: the points are on a projector's first screen.
    """
    reading = pages.started()
    with st.sidebar:
        sharing = pages.sidebar_top(PAGE, "the start: OR, a sigmoid, w = (1, -1), b = 0")
        values = controls("sidebar", reading.state.flat())
        side_end = st.container()
    head = st.container()
    fixed = None
    if reading.state.controls:  # a teacher's link: its neuron's controls in the page, larger for the room
        with st.container(key="chosen"):
            values = controls("body", values, across=min(3, len(list(state.shown("body", values, PAGE)))))
        fixed = st.container()
    present = values.get("present", False)
    shown = st.container() if present else None  # a projector: the charts under the title
    values = controls("head", values)
    if any(p.typed for p in state.shown("batch", values, PAGE)):  # the epochs, unless a teacher holds them
        values = counted("batch", values, "epoch", across=3)
    else:
        values = controls("batch", values, across=3)
    values = controls("table", values)
    s = state.State(**values)
    if s.controls:  # the whole page is a click away
        whole = share.link(share.root(st.context.url, PAGE), s.replace(controls=()), PAGE)
        side_end.link_button("Open the whole page", whole)
        fixed.caption(share.fixed(s, PAGE))
    pages.teach_link(sharing, s, PAGE)
    for key in state.stale(s, st.query_params, PAGE):
        st.query_params.pop(key, None)
    head.title(f"The neuron meets data: {data.NAMES[s.data]}")
    with head:
        pages.notices()
        pages.joined(s)  # a live class (class=CODE): joined, nothing more is sent from here
    with shown or st.container():
        data_view(s)


def data_view(s: state.State, stacked: bool = False, play: bool = True, moves: bool = True) -> None:
    """The neuron on the points: its boundary, and training on all of them at once, epoch by epoch (the
    two charts side by side, or `stacked` in a column of their own beside a lesson's text). Without `play`
    (a lesson's step done by hand) there is no ▶ Play; without `moves`, no button to move the sliders."""
    pts = data.points(s.data, s.points)
    if not pts:
        st.info("The table has no points yet: add a row, with x₁, x₂ and a label y of 0 or 1.")
        return
    d = data.make(pts)
    run = batch.fit(d, s.w, s.b, s.act, s.act_alpha, s.rule, s.eta, s.epochs + batch.PLAY_EPOCHS * play)
    k = min(s.epochs, run.epochs)  # fewer when training had to stop
    said_k = f"**Epoch {k}: {on_data.said(run, k)}.** The line it reached: {on_data.line(run, k)}."
    st.markdown(f"{said_k} {on_data.sides(run, d, k)}")
    left, right = (st.container(), st.container()) if stacked else st.columns([3, 2])
    with left:  # a projector's charts fit what is left of its window
        # At epoch 0 the line is the sliders' own: it can be grabbed and moved, or turned by an end.
        t = batch.threshold(run.act, run.alpha)
        line = grab.line(s.w, s.b, t, pts, training.square(pts), drawn())
        draw(training.data_figure(d, pts, run, k, s.present), "points_chart", grabs=line if k == 0 else None)
        if line is not None:  # the line is (or, once trained, was) the student's to grab
            st.caption(on_data.grab_text(line["turn"], k))
    with right:
        draw(training.epochs_figure(run, k, s.present), "epochs_chart")
    if play:
        st.caption(on_data.play_text(run, k))
    pages.said(on_data.notes(pts, s.data, run, k, s.epochs, s.act))
    st.caption(f"{on_data.rule_text(run.act, run.alpha)} {on_data.loss_text(run.act, d.m)}")
    if moves:
        pages.move_sliders(s.replace(w=tuple(run.w[k].tolist()), b=float(run.b[k]), epochs=0), "to the data")


if __name__ == "__main__":  # run as a page (Streamlit runs a page as __main__), not imported
    data_page()
