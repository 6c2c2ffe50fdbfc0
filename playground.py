"""Neuron Playground: one artificial neuron, made visible. Run with `streamlit run playground.py`."""

import streamlit as st

from neuron_core import figures, forward, state
from neuron_core.figures import sub
from neuron_core.trace import fmt, latex, trace_lines

st.set_page_config(page_title="Neuron Playground", page_icon="🧠", layout="wide")

# Before any control seeds itself from the link, note which of the link's values will be ignored.
notices = state.from_query({k: st.query_params.get_all(k) for k in st.query_params}).notices


def reset_to_seed() -> None:
    """Put every control back to the worked example x = (2, 1, 3), w = (1, -1, 1), b = -5."""
    for key, value in state.widget_values(state.State()).items():
        st.session_state[key] = value


def number_slider(label: str, key: str, default: float) -> float:
    """One slider from -10 to 10, bound to the URL parameter of the same name."""
    return st.slider(label, state.LO, state.HI, default, state.STEP, key=key, bind="query-params")


def controls() -> state.State:
    """Draw the sidebar and return the state it shows."""
    with st.sidebar:
        st.button("↺ Reset to the worked example", on_click=reset_to_seed, width="stretch")
        n = st.slider(
            "n, the number of inputs",
            state.N_MIN,
            state.N_MAX,
            state.SEED_N,
            key="n",
            bind="query-params",
        )
        x = tuple(number_slider(f"input x{sub(i)}", f"x{i}", state.default_x(i)) for i in range(1, n + 1))
        w = tuple(number_slider(f"weight w{sub(i)}", f"w{i}", state.default_w(i)) for i in range(1, n + 1))
        b = number_slider("bias b", "b", state.SEED_B)
        act = st.selectbox("activation", state.ACTS, key="act", bind="query-params")
        alpha = state.SEED_ALPHA
        if act == "leaky_relu":
            alpha = st.slider(
                "α, the slope below zero",
                state.ALPHA_LO,
                state.ALPHA_HI,
                state.SEED_ALPHA,
                state.ALPHA_STEP,
                key="alpha",
                bind="query-params",
            )
    return state.State(x=x, w=w, b=b, act=act, alpha=alpha)


s = controls()
f = forward(s.x, s.w, s.b, s.act, s.act_alpha)
z, a = float(f.z), float(f.a)

st.title("Neuron Playground")
st.markdown(
    "A neuron multiplies each input $x_i$ by its weight $w_i$, adds the bias $b$ to get "
    "$z = w \\cdot x + b$, and passes $z$ through an activation to give its output $a$. "
    "**Try it:** move $b$ up until $a$ stops being 0, flip the sign of a weight, "
    "or switch the activation and watch the point move along the curve. "
    "The sliders are in the sidebar (on a phone, tap » at the top left)."
)
for notice in notices:
    st.warning(notice, icon="⚠️")

with st.container(horizontal=True):
    st.metric("pre-activation z = w·x + b", fmt(z), width=280)
    st.metric(f"output a = {f.act.label}(z)", fmt(a), width=280)

left, right = st.columns(2)
left.subheader("The neuron")
left.plotly_chart(figures.neuron_diagram(f), key="diagram")
right.subheader("The activation")
right.plotly_chart(figures.activation_curve(f.act, f.alpha, z, a), key="curve")

st.code("\n".join(trace_lines(f)), language=None)
st.latex(latex(f))
