"""Neuron Playground: one artificial neuron, made visible. Run with `streamlit run playground.py`."""

import streamlit as st

from neuron_core import element, figures, forward, gradients, quiz, state, trace
from neuron_core.export import script, state_json
from neuron_core.figures import sub
from neuron_core.neuron import zero_crosses
from neuron_core.train import reached, train, training_trouble, unreachable

st.set_page_config(page_title="Neuron Playground", page_icon="🧠", layout="wide")

# Before any control seeds itself from the link, note which of the link's values will be ignored.
link = state.from_query({k: st.query_params.get_all(k) for k in st.query_params})


def reset_to_seed() -> None:
    """Put every control back to the worked example x = (2, 1, 3), w = (1, -1, 1), b = -5."""
    for key, value in state.widget_values(state.State()).items():
        st.session_state[key] = value


def number_slider(label: str, key: str, default: float) -> float:
    """One slider from -10 to 10, bound to the URL parameter of the same name."""
    # %g: 2, -1, 0.3 as a teacher writes them, and a value from a link such as 0.15 in full.
    return st.slider(
        label, state.LO, state.HI, default, state.STEP, format="%g", key=key, bind="query-params"
    )


def controls() -> state.State:
    """Draw the sidebar and return the state it shows."""
    with st.sidebar:
        st.button("↺ Reset to the worked example", on_click=reset_to_seed, width="stretch")
        present = st.toggle("Presenter mode", key="present", bind="query-params")
        grad = st.toggle("Show gradients", key="grad", bind="query-params")
        land = st.toggle("Show the landscape of two inputs", key="land", bind="query-params")
        n = st.slider("n, the number of inputs", state.N_MIN, state.N_MAX, state.SEED_N, key="n",
                      bind="query-params")  # fmt: skip
        x = tuple(number_slider(f"input x{sub(i)}", f"x{i}", state.default_x(i)) for i in range(1, n + 1))
        w = tuple(number_slider(f"weight w{sub(i)}", f"w{i}", state.default_w(i)) for i in range(1, n + 1))
        b = number_slider("bias b", "b", state.SEED_B)
        act = st.selectbox("activation", state.ACTS, key="act", bind="query-params")
        alpha = state.SEED_ALPHA
        if act == "leaky_relu":
            alpha = st.slider("α, the slope below zero", state.ALPHA_LO, state.ALPHA_HI, state.SEED_ALPHA,
                              state.ALPHA_STEP, key="alpha", bind="query-params")  # fmt: skip
        sweep = st.selectbox(
            "sweep (animate) a parameter", state.sweepable(n), key="sweep", bind="query-params"
        )
        i, j = 1, 2
        if land and n >= 2:
            inputs = list(range(1, n + 1))
            i = st.selectbox("landscape: across, input x_i with i =", inputs, key="i", bind="query-params")
            j = st.selectbox(
                "landscape: up, input x_j with j =", inputs, index=1, key="j", bind="query-params"
            )
        training = st.toggle("Train on this example", key="train", bind="query-params")
        y, lr = state.TRAIN_Y, state.TRAIN_LR
        if training:
            y = st.slider(
                "target y", state.LO, state.HI, state.TRAIN_Y, state.STEP, key="y", bind="query-params"
            )
            lr = st.slider("learning rate", state.LR_LO, state.LR_HI, state.TRAIN_LR, 0.001, format="%.3f",
                           key="lr", bind="query-params")  # fmt: skip
    return state.State(
        x=x, w=w, b=b, act=act, alpha=alpha, present=present, grad=grad, land=land, i=i, j=j, sweep=sweep,
        train=training, y=y, lr=lr,
    )  # fmt: skip


WIDE, HALF = 820, 560  # px: the width of a chart alone on its row; Streamlit narrows it on a phone

# Every chart goes through this one element: with a fixed key it stays mounted across reruns and the
# browser updates it in place with Plotly.react (st.plotly_chart remounts a chart whose figure changed).
chart_element = st.components.v2.component("neuron_chart", js=element.loader(), isolate_styles=False)


def draw(chart: figures.Chart, key: str, width: int | str = "stretch") -> None:
    """Show a chart as figures.py built it, in the chart element under `key`."""
    chart_element(key=key, data=element.payload(chart), width=width)


def charts(f, big: bool = False, grads=None) -> None:
    """The neuron diagram beside the activation curve with the current point."""
    left, right = st.columns(2)
    with left:
        st.subheader("The neuron")
        draw(figures.neuron_diagram(f, big, grads), "diagram")
    with right:
        st.subheader("The activation")
        draw(figures.activation_curve(f.act, f.alpha, float(f.z), float(f.a), big), "curve")


def landscape_view(f, i: int, j: int) -> None:
    """a over every pair of values of two inputs, the others held where the sliders are."""
    st.subheader(f"The landscape: a over x{sub(i)} and x{sub(j)}")
    if f.n < 2 or i == j:
        st.info("The landscape needs two different inputs: set n to 2 or more and choose i and j apart.")
        return
    zero = (
        "The dashed line is where z = 0: on one side the neuron's z is positive, on the other negative."
        if zero_crosses(f, i - 1, j - 1)
        else "z keeps one sign over the whole square, so there is no z = 0 line to draw."
    )
    st.caption(
        f"The colour at each point is a for that x{sub(i)} and x{sub(j)}, "
        f"the other inputs held where the sliders are. {zero}"
    )
    draw(figures.landscape_figure(f, i - 1, j - 1), "landscape", WIDE)


def apply_training(values: dict[str, float]) -> None:
    """Move the sliders to the trained weights and bias and start counting again."""
    st.session_state.update(values, steps=0)


def training_view(f, y: float, lr: float) -> None:
    """Gradient descent on (a - y)² from the sliders' weights; the step count in the link replays it."""
    st.subheader(f"Training on this one example, towards y = {trace.fmt(y)}")
    with st.container(horizontal=True):
        st.button("Take one step", on_click=lambda: st.session_state.update(steps=st.session_state.steps + 1))
        st.button(
            "Take ten steps", on_click=lambda: st.session_state.update(steps=st.session_state.steps + 10)
        )
        st.button("Start again", on_click=lambda: st.session_state.update(steps=0))
    steps = st.number_input("steps taken", 0, state.STEPS_MAX, key="steps", bind="query-params")
    t = train(f, y, lr, steps)
    now = forward(f.x, t.w[-1], t.b[-1], f.act.name, f.alpha)
    g = gradients(now)
    far = unreachable(f.act, f.alpha, y)
    if far:
        st.info(far)
    if t.reached:
        st.success(reached(t, y))
    elif g.dead or t.stuck:
        st.warning(trace.explain_gradients(now, g) + " The loss stays where it is, step after step.")
    if t.diverging:
        st.warning(training_trouble(t, steps))
    st.markdown(
        f"After {t.steps} steps: {t.now()}; a {trace.eq(t.shown('a'))}, loss {trace.eq(t.shown('loss'))}."
    )
    draw(figures.training_figure(t), "training", WIDE)
    if not t.reached:
        st.caption("The next step, by the chain rule: the loss, its slope in z, and each weight's update.")
        st.latex(trace.step_latex(now, y, lr, t.is_exact("w")))
    values, moved = state.slider_values(t.w[-1], t.b[-1])
    st.button("Move the sliders to these weights", on_click=apply_training, args=(values,))
    if moved:
        st.caption(" ".join(moved))


def worked(f) -> None:
    """The calculation written out: the seed's lines, the formula, the by-hand layout and the terms."""
    st.code("\n".join(trace.trace_lines(f)), language=None)
    st.latex(trace.latex(f))
    st.subheader("By hand")
    st.caption(
        "The weights and the bias as one row, the inputs and a 1 as one column: multiply, add, activate."
    )
    st.latex(trace.by_hand(f))
    st.subheader("Each term's share of z")
    draw(figures.contributions(f), "terms", HALF)


def playground() -> None:
    s = controls()
    f = forward(s.x, s.w, s.b, s.act, s.act_alpha)
    z, a = trace.fmt(f.z), trace.a_text(f)
    if s.present:
        st.title(f"z = {z}   →   a {trace.eq(a)}")
        charts(f, big=True)
        return
    st.title("Neuron Playground")
    st.markdown(
        "A neuron multiplies each input $x_i$ by its weight $w_i$, adds the bias $b$ to get "
        "$z = w \\cdot x + b$, and passes $z$ through an activation to give its output $a$. "
        "**Try it:** move $b$ up until $a$ stops being 0, flip the sign of a weight, "
        "or switch the activation and watch the point move along the curve. "
        "The sliders are in the sidebar (on a phone, tap » at the top left)."
    )
    for notice in link.notices:
        st.warning(notice, icon="⚠️")
    with st.container(horizontal=True):
        st.metric("pre-activation z = w·x + b", z, width=280)
        st.metric(f"output a = {f.act.label}(z)", a, width=280)
    st.markdown(f"**{trace.explain(f)}**")
    g = gradients(f) if s.grad else None
    if g is not None:
        st.subheader("Gradients: which way should each weight move?")
        st.latex(trace.gradient_latex(g))
        (st.warning if g.dead else st.info)(trace.explain_gradients(f, g))
    charts(f, grads=g)
    if s.sweep != "none":
        st.subheader(f"Sweep: {s.sweep} from -10 to 10")
        st.caption("Press ▶ Play: the point travels along the curve as the parameter runs, the others held.")
        draw(figures.sweep_figure(f, s.sweep), "sweep_chart", WIDE)
    if s.land:
        landscape_view(f, s.i, s.j)
    if s.train:
        training_view(f, s.y, s.lr)
    worked(f)
    with st.container(horizontal=True):
        st.download_button("Download as a Python script", lambda: script(f), "neuron.py", key="script",
                           on_click="ignore")  # fmt: skip
        st.download_button("Download the state as JSON", lambda: state_json(f), "neuron.json", key="json",
                           on_click="ignore")  # fmt: skip


def next_exercise(seed: int) -> None:
    st.query_params["seed"] = str(seed + 1)


def quiz_page(seed: int) -> None:
    """An exercise from the seed alone; the answer stays hidden until the student has guessed z and a."""
    f = quiz.solve(quiz.exercise(seed))
    with st.sidebar:
        st.link_button("← Back to the playground", "?", width="stretch")
    st.title(f"Quiz: exercise {seed}")
    for notice in link.notices:
        st.warning(notice, icon="⚠️")
    alpha = f", with α = {trace.fmt(f.alpha)}" if f.act.alpha is not None else ""
    st.markdown(
        f"Work out $z = w \\cdot x + b$ and then $a = \\text{{{f.act.label}}}(z)${alpha}, on paper if you "
        "like, then enter both and check. Everyone who opens this link gets the same numbers."
    )
    st.latex(trace.by_hand(f, reveal=False))
    st.latex(trace.formula(f))
    with st.form("guess"):
        gz = st.number_input("your z", value=None, step=1.0, format="%g", key="guess_z")
        ga = st.number_input("your a", value=None, step=1.0, format="%g", key="guess_a")
        checked = st.form_submit_button("Check")
    if checked and (gz is None or ga is None):
        st.info("Enter both z and a, then check.")
    if not checked or gz is None or ga is None:
        return
    m = quiz.mark(f, gz, ga)
    (st.success if m.z else st.error)(f"z = {trace.fmt(gz)}: {'right' if m.z else 'not quite'}.")
    (st.success if m.a else st.error)(f"a = {trace.fmt(ga)}: {'right' if m.a else 'not quite'}.")
    st.subheader("The worked solution")
    st.markdown(f"**{trace.explain(f)}**")
    worked(f)
    charts(f)
    st.button("Next exercise →", on_click=next_exercise, args=(seed,), type="primary")


if link.state.mode == "quiz":
    quiz_page(link.state.seed)
else:
    playground()
