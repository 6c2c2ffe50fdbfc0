"""The quiz page: an exercise from the seed alone, a hint for a wrong answer, the solution once right or on
request; a set of them ends with a score the link keeps."""

import streamlit as st

import pages
from neuron_core import quiz
from neuron_core.figures.room import answers_figure
from neuron_core.link import state
from neuron_core.link.params import MARKS
from neuron_core.words import calculation, explain
from pages import Kept

PAGE = "quiz"


def next_exercise(s: state.State) -> None:
    """The next exercise of the set, or of the seeds when there is no set."""
    # after the last seed comes the first, 0: a seed the link can hold
    nxt = s.replace(q=s.q + 1) if s.count > 1 else s.replace(seed=(s.seed + 1) % quiz.SEED_MAX)
    st.query_params.from_dict(state.to_query(nxt, PAGE))


def quiz_page(s: state.State) -> None:
    """An exercise from the seed alone: a hint for a wrong answer, the solution once right or on request.

    A set ends with a score that the link keeps (got), so a reload or another server counts every answer.
    """
    q = min(s.q, s.count)
    seed = s.seed + q - 1
    f = quiz.solve(quiz.exercise(seed))
    pages.scroll("top", seed, "quiz top")  # Next: the new exercise from its top
    st.title(f"Quiz: exercise {seed}" if s.count == 1 else f"Quiz: exercise {q} of {s.count}")
    pages.notices()
    room = pages.joined(s)  # a live class (class=CODE): each Check goes to the teacher's dashboard
    st.markdown(
        f"Work out $z = w \\cdot x + b$ and then $a = \\text{{{f.act.label}}}(z)$ (its rule is below), on "
        "paper if you like, then enter both and check. Everyone who opens this link gets the same numbers."
    )
    st.latex(calculation.by_hand(f, reveal=False))
    st.latex(calculation.formula(f))
    if table := quiz.table(f):
        st.caption(
            f"{f.act.label}(z) at whole numbers, to read off: " + ",  ".join(f"{k} → {v}" for k, v in table)
        )
    got = (s.got + "-" * q)[: max(len(s.got), q)] if s.count > 1 else ""
    # This exercise's own counters, each kept apart: the next exercise starts afresh.
    tries_z, tries_a, shown, checks = (
        Kept.exercise(k, seed) for k in (Kept.TRIES_Z, Kept.TRIES_A, Kept.SHOWN, Kept.CHECKS)
    )
    with st.form(f"guess {seed}"):
        gz = st.number_input("your z", value=None, step=1.0, format="%g", key=f"z {seed}")
        ga = st.number_input("your a", value=None, step=0.1, format="%g", key=f"a {seed}")
        checked = st.form_submit_button("Check") and gz is not None and ga is not None
        if not checked and (gz is None or ga is None):
            st.caption("Enter both z and a, then check.")
    m = quiz.mark(f, gz, ga) if gz is not None and ga is not None else None
    if checked:
        Kept.add(checks)
        counter = tries_a if m.z else tries_z
        Kept.add(counter, not m.both)
        if room is not None:  # the hint shows with a wrong answer until the solution is on the page
            room.check(seed, gz, ga, m.both, not m.both and not st.session_state.get(shown))
    if m is not None and st.session_state.get(checks):
        # One box, right under Check, so that a phone shows it where the student is looking.
        tries = Kept.count(tries_z), Kept.count(tries_a)
        hinted = not st.session_state.get(shown)  # once the solution is on the page, no more hints
        (st.success if m.both else st.error)(quiz.feedback(f, m, gz, ga, *tries, hinted=hinted))
    answered = (m is not None and m.both and bool(st.session_state.get(checks))) or st.session_state.get(
        shown
    )
    if s.count > 1 and answered and got[q - 1] == "-":  # the first outcome counts, kept in the link
        got = got[: q - 1] + ("0" if st.session_state.get(shown) else "1") + got[q:]
        st.query_params[MARKS.key] = got
    if s.count > 1 and got[q - 1] != "-" and not answered:
        answered = True  # answered before a reload: the link remembers
        st.info(f"Exercise {q} was answered before: {'right' if got[q - 1] == '1' else 'solution shown'}.")
    if answered and s.count > 1 and q == s.count:
        st.success(quiz.score(got, s.count))
    pages.scroll("here", Kept.count(checks), f"quiz feedback {seed}")
    if not answered:
        st.button("Show the solution", on_click=lambda: st.session_state.update({shown: True}))
    else:
        if q < s.count or s.count == 1:
            nxt = s.replace(q=q, got=got)
            st.button("Next exercise →", on_click=next_exercise, args=(nxt,), type="primary")
        st.subheader("The worked solution")
        st.markdown(f"**{explain.explain(f)}**")
        pages.worked(f)
        pages.charts(f)
    if s.count > 1 and room is None:  # for the teacher: the set on paper (never in a class: its key)
        sheet = quiz.worksheet(s.seed, s.count)
        st.download_button(
            "Download this set as a worksheet, with its answer key", sheet, "worksheet.txt", on_click="ignore"
        )
    if room is not None:
        class_answers(room, seed)
    pages.teach_link(st, s, PAGE, "Teach this quiz: its links, QR code and worksheet")


@st.fragment(run_every=5.0)
def class_answers(room: pages.Joined, seed: int) -> None:
    """The class's answers for this exercise, when the teacher shows them: how many gave each, never who,
    and not which is right (the class talks it over first)."""
    shown = room.shown()
    if shown is None:
        st.info(f"Class {room.code} has ended: nothing more is sent.")
    if not shown:
        return
    e = room.answers(seed)
    st.subheader(f"The class's answers: {e.students} so far")
    left, right = st.columns(2)
    with left:
        pages.draw(answers_figure("z", [(w.text, w.count, None, None) for w in e.z]), "class z")
    with right:
        pages.draw(answers_figure("a", [(w.text, w.count, None, None) for w in e.a]), "class a")


quiz_page(pages.started().state)
