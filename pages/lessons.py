"""The lessons page: the list of lessons, and a lesson's steps one at a time, each checked on every rerun
from the neuron's own numbers (neuron_core.lessons); the step and the steps done are kept in the link."""

import re

import streamlit as st

import pages
from neuron_core import element, forward, gradients
from neuron_core.lessons import LESSONS, Lesson, Step
from neuron_core.link import state
from neuron_core.model.activations import ACTIVATIONS
from neuron_core.numbers import fmt
from neuron_core.words import explain
from pages import Kept, controls, counted
from pages.data import data_view
from pages.neuron import gradient_view, training_view


def listing() -> None:
    """Every lesson, one line each, and a button that starts it."""
    st.title("Lessons")
    pages.notices()
    st.markdown(
        "Short steps on one neuron. Each step says what to try, shows only the controls it needs, and checks "
        "your result from the neuron's own numbers; a hint is there when you want one. Your place is kept "
        "in the link: a reload, or the link sent to another device, carries on where you were."
    )
    for lesson in LESSONS.values():
        with st.container(border=True):
            st.markdown(f"**{lesson.title}** · {len(lesson.steps)} steps  \n{lesson.about}")
            # a button, not a page link: a link to the page it is on does nothing in Streamlit
            st.button(f"Start: {lesson.title}", icon="▶️", on_click=go, args=(lesson, 1, ""), key=lesson.name)
    pages.teach_link(st, pages.link().state, "lessons", "Teach a lesson: its links and QR code for a class")


STAYS = ("present", "class")  # what a lesson's link keeps from step to step: the projector's, the class


def go(lesson: Lesson, k: int, done: str) -> None:
    """Open step k of the lesson from its start (the values of the step before leave the link; a projector's
    presenter mode and a live class stay)."""
    stays = {k: v for k, v in state.to_query(pages.link().state, "lessons").items() if k in STAYS}
    st.query_params.from_dict(
        {"lesson": lesson.name, "step": str(k), **({"done": done} if done else {}), **stays}
    )


def all_lessons(key: str) -> None:
    """Back to the list of lessons."""
    st.button("All lessons", icon=":material/school:", on_click=st.query_params.clear, key=f"all {key}")


def marks(done: str, n: int) -> str:
    """The steps done as the link keeps them: one mark per step, 1 done, 0 its prediction answered, - not
    yet."""
    return (done + "-" * n)[:n]


def step_list(lesson: Lesson, k: int, done: str) -> None:
    """The sidebar: the lesson's steps, each a button (a step done, this one and the next open)."""
    st.markdown(f"**{lesson.title}**")
    reach = next((j for j, m in enumerate(done, start=1) if m != "1"), len(lesson.steps))
    for j, step in enumerate(lesson.steps, start=1):
        mark = "✓" if done[j - 1] == "1" else "▶" if j == k else "○"
        st.button(  # this step framed; another done, or the next to do, a click away; the rest not yet
            f"{mark} {j}. {step.title}",
            key=f"go {j}",
            on_click=go if j != k else None,
            args=(lesson, j, done) if j != k else None,
            disabled=j > max(reach, k),
            width="stretch",
            type="secondary" if j == k else "tertiary",
            help="You are here"
            if j == k
            else None
            if j <= max(reach, k)
            else "Open once the steps before are done",
        )
    all_lessons("side")
    pages.teach_link(st, state.State(lesson=lesson.name, step=k), "lessons", "Teach this lesson")


def predicted(step: Step, key: str, sent) -> bool:
    """The step's prediction asked first: a number or a choice, marked as the quiz marks. True once right
    or once the answer is shown."""
    p = step.predict
    tries, shown, right = (Kept.exercise(k, key) for k in (Kept.TRIES, Kept.SHOWN, Kept.RIGHT))
    if st.session_state.get(right) or st.session_state.get(shown):
        return True
    with st.form(f"predict {key}"):
        if p.choices:
            guess = st.radio(p.ask, p.choices, index=None, key=f"guess {key}")
        else:
            guess = st.number_input(p.ask, value=None, step=0.1, format="%g", key=f"guess {key}")
        checked = st.form_submit_button("Check")
    if checked and guess is None:
        st.caption("Give an answer first, then check.")
    elif checked and step.right(guess):
        st.session_state[right] = True
        sent(guess, True)
        return True
    elif checked:
        Kept.add(tries)
        sent(guess, False)
    if Kept.count(tries):
        k = Kept.count(tries)
        hint = step.hints[min(k, len(step.hints)) - 1] if step.hints else "Look at the text again."
        st.error(f"Not yet ({k} {'try' if k == 1 else 'tries'}). Hint: {hint}")
    st.button("Show the answer", key=f"show {key}", on_click=lambda: st.session_state.update({shown: True}))
    return False


def answer_text(step: Step) -> str:
    """The prediction's right answer, as the page writes numbers."""
    v, _ = step.answer()
    return v if isinstance(v, str) else fmt(float(v))


def hints(step: Step, key: str) -> None:
    """The step's hints, one at a time, on request."""
    counter = Kept.exercise(Kept.HINTS, key)
    asked = Kept.count(counter)
    for h in step.hints[:asked]:
        st.info(f"Hint: {h}")
    if asked < len(step.hints):
        label = "A hint" if not asked else "Another hint"
        st.button(label, key=f"hint {key}", on_click=Kept.add, args=(counter,))


def neuron_charts(s: state.State) -> None:
    """The step's neuron: its sentence, the diagram and curve, and the views its start switched on."""
    f = forward(s.x, s.w, s.b, s.act, s.act_alpha)
    other = ACTIVATIONS.get(s.compare)
    st.markdown(f"**{explain.explain(f)}**" + (f" {explain.compared(f, other)}" if other else ""))
    if s.train:  # the steps taken first: what the step's goal is about
        training_view(f, s, moves=False)
    g = gradients(f) if s.grad else None
    if g is not None:
        gradient_view(f, g)
    pages.charts(f, s.present, g, other, s=s, stacked=True)


def lesson_page() -> None:
    """A lesson's step: its text, its controls, the charts and its check; or the list of lessons."""
    reading = pages.started()
    here = reading.state
    if here.lesson == "none":
        listing()
        return
    lesson = LESSONS[here.lesson]
    k = min(here.step, len(lesson.steps))
    said = list(reading.notices)
    if here.step > len(lesson.steps):
        said.append(f"Ignored step from the link: the lesson has {k} steps; showing the last.")
    step = lesson.steps[k - 1]
    view = step.view
    read = state.from_query({q: st.query_params.get_all(q) for q in st.query_params}, view)
    said += [n for n in read.notices if n not in said]
    st.session_state[Kept.LINK] = state.Reading(read.state, said)
    st.session_state[Kept.ON] = view
    key = f"{lesson.name} {k}"
    entered = st.session_state.get(Kept.STEP) != key
    if entered:  # a step entered starts at its link's values
        st.session_state.update(state.widget_values(read.state, view))
        st.session_state[Kept.STEP] = key
    before = done = marks(here.done, len(lesson.steps))  # the steps done as the link has them, then as now
    pages.scroll("top", k, "lesson top")  # a new step from its top
    st.title(step.title)
    bar = st.empty()  # the progress, written once this run has marked the step
    pages.notices()
    room = pages.joined(here)  # a live class (class=CODE): the step reached and done, each prediction

    def sent(guess, right: bool) -> None:
        if room is not None:
            room.predict(lesson.name, k, guess if isinstance(guess, str) else fmt(float(guess)), right)

    if room is not None:
        room.once(("reached", lesson.name, k), lambda: room.step(lesson.name, k))
    st.markdown(step.text)
    # The prediction in one container, asked or answered: what follows keeps its place (and so the
    # browser keeps its sliders and charts) once the answer is in.
    with st.container():
        answered = done[k - 1] in "01"  # answered before (0, or done: 1), as the link says after a reload
        if step.predict is not None and not answered and not predicted(step, key, sent):
            progress(bar, lesson, k, done)
            heard(lesson, k, entered)
            return  # the prediction first: its controls and its charts would give the answer away
        if step.predict is not None:
            st.success(f"{step.predict.ask} **{answer_text(step)}**.")
            if not answered:
                done = mark(done, k, "0")
    # The step beside its charts: on a projector both on the first screen; on a phone one after the other.
    told, shown = st.columns([2, 3], gap="medium")
    with told:
        s, done = step_view(lesson, step, k, read.state, done)
    with shown:
        if step.page == "data":
            # by hand: no ▶ Play to train it; no weight sliders to move
            data_view(s, stacked=True, play="epochs" in step.controls, moves=False)
        else:
            neuron_charts(s)
    progress(bar, lesson, k, done)
    if room is not None and done[k - 1] == "1":
        room.once(("done", lesson.name, k), lambda: room.step(lesson.name, k, done=True))
    heard(lesson, k, entered, newly=done[k - 1] == "1" != before[k - 1])


def heard(lesson: Lesson, k: int, entered: bool, newly: bool = False) -> None:
    """What a screen reader hears: the step as it opens, its why once it is done (the curve says each
    move), through the page's one live region."""
    step = lesson.steps[k - 1]
    said = f"Done. {step.why}" if newly else f"Step {k} of {len(lesson.steps)}: {step.title}. {step.text}"
    say = re.sub(r"[$\\]", "", said) if newly or entered else ""  # the maths' $ and \ are not read out
    pages.chart_element(key="lesson said", data=element.payload(None, element.page(say=say)))


def progress(bar, lesson: Lesson, k: int, done: str) -> None:
    """The lesson's progress bar and, in the sidebar, its steps, as this run leaves them."""
    n, finished = len(lesson.steps), done.count("1")
    bar.progress(finished / n, text=f"{lesson.title} · step {k} of {n} · {finished} done")
    with st.sidebar:
        step_list(lesson, k, done)


def mark(done: str, k: int, m: str) -> str:
    """Step k marked in the link: 0 its prediction answered, 1 done."""
    done = done[: k - 1] + m + done[k:]
    st.query_params["done"] = done
    return done


def step_view(lesson: Lesson, step: Step, k: int, start: state.State, done: str) -> tuple[state.State, str]:
    """The step's controls and its check; returns the state its charts show, and the steps done."""
    done_before = done[k - 1] == "1"
    values = start.flat() | {"controls": step.controls}
    if list(state.shown("body", values, step.view)):
        with st.container(key="chosen"):  # the room's stylesheet: larger controls
            values = controls("body", values)
    if step.page == "neuron" and "steps" in step.controls and values.get("train"):
        values = counted("training", values, "step", only=step.controls)
    if step.page == "data" and "epochs" in step.controls:
        values = counted("batch", values, "epoch", only=step.controls)
    s = state.State(**values)
    if done_before or step.goal is None or step.met(s):
        if not done_before:
            done = mark(done, k, "1")
        st.success(f"**Done.** {step.why}")
        if k < len(lesson.steps):
            st.button("Next step →", type="primary", on_click=go, args=(lesson, k + 1, done), key="next")
        else:
            n = len(lesson.steps)
            st.success(f"That was the last step: the lesson is done, {done.count('1')} of {n} steps.")
            all_lessons("end")
    else:  # the goal is in the step's words above; its hints on request
        hints(step, f"{lesson.name} {k}")
    return s, done


lesson_page()
