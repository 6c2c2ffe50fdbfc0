"""A room's answers as a chart: one bar per answer given, how many gave it, the right one marked (on the
teacher's screen) or not (on the students', in the Peer Instruction way), each wrong one's likely cause
written beside it."""

from __future__ import annotations

from neuron_core.figures.style import INK, MUTED, POSITIVE, ZERO, Chart, _axis, _figure

# An answer as written, how many gave it, right or not (None: not said), its likely cause where wrong.
Row = tuple[str, int, bool | None, str | None]


ROWS = 6  # answers drawn at the most: the rest as one bar, so that a chart keeps its height as answers come


def answers_figure(what: str, rows: list[Row], big: bool = False, scale: int = 0) -> Chart:
    """How many gave each answer for `what` (z, a, a prediction), the most given at the top, on an axis of
    `scale` students (the room's: z's and a's charts side by side on one scale, which holds as answers
    change)."""
    rows = rows or [("none yet", 0, None, None)]
    if len(rows) > ROWS:
        rest = sum(n for _, n, _, _ in rows[ROWS - 1 :])
        rows = [*rows[: ROWS - 1], (f"{len(rows) - ROWS + 1} others", rest, None, None)]
    said = [
        f"{text}: {n}" + (" ✓ right" if right else "") + (f" · {cause}" if cause else "")
        for text, n, right, cause in rows
    ]
    bars = {
        "name": what,
        "type": "bar",
        "orientation": "h",
        "y": [f"{what} = {text}" for text, _, _, _ in rows],
        "x": [n for _, n, _, _ in rows],
        "text": [f"{n}{' ✓' if right else ''}{f'  {cause}' if cause else ''}" for _, n, right, cause in rows],
        "textposition": "outside",
        "cliponaxis": False,
        "marker": {
            "color": [POSITIVE if right else ZERO if right is False else MUTED for _, _, right, _ in rows],
            # right and wrong told apart without colour too: a wrong answer's bar is hatched
            "pattern": {
                "shape": ["/" if right is False else "" for _, _, right, _ in rows],
                "fgcolor": "#FFF",
            },
        },
    }
    most = max(1, scale, *(n for _, n, _, _ in rows))
    layout = {
        "hovermode": False,
        "height": 70 + (44 if big else 32) * ROWS,
        "margin": {"l": 110 if big else 90, "r": 16, "t": 10, "b": 40},
        # room on the right for the count and the cause written beside the longest bar
        "xaxis": _axis("students", big, range=[0, most * 2.2], dtick=max(1, most // 5)),
        # ROWS places, the most given at the top, whatever the number of answers: bars keep their size
        "yaxis": {"type": "category", "range": [ROWS - 0.5, -0.5], "fixedrange": True, "color": INK},
        "bargap": 0.3,
    }
    label = f"The room's answers for {what}: " + "; ".join(said) + "."
    return _figure([bars], layout, label, f"answers-{what}", big)
