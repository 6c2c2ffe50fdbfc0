"""Run every benchmark, then write their figures into the README's table.

Run from the project's root: `python -m bench.all`. Each benchmark also runs alone:
`python -m bench.server_cost`, `python -m bench.browser`, `python -m bench.core`, `python -m bench.load`,
`python -m bench.drag`.
"""

from __future__ import annotations

import json
import re
import sys

from bench import browser, core, drag, load, server_cost
from bench.stats import RESULTS
from tests.e2e.serve import ROOT

README = ROOT / "README.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def table(r: dict) -> str:
    """The README's table of the latest figures in bench/results.json."""
    s, b, c = r["server_cost"], r["browser"], r["core"]
    sa, sm, sf = s["app"], s["minimum"], s["floor"]
    ba, bm, bf = b["app"], b["minimum"], b["floor"]

    def p50_95(f: dict) -> str:
        return f"{f['p50_ms']} / {f['p95_ms']} ms"

    def ratios(d: dict, tag: str = "") -> str:
        return f"{d[tag + 'ratio_p50']} / {d[tag + 'ratio_p95']}"

    rows = [
        (
            "Server: one slider move, p50 / p95",
            p50_95(sa),
            p50_95(sm),
            p50_95(sf),
            ratios(s),
            ratios(s, "minimum_"),
            "p50 ≤ 1.10",
        ),
        (
            "… with every view on (gradients, landscape, sweep, training)",
            p50_95(s["views"]),
            "",
            p50_95(sf),
            ratios(s, "views_"),
            "",
            "p50 ≤ 1.10",
        ),
        (
            "Server: CPU per slider move",
            f"{sa['cpu_ms_per_move']} ms",
            f"{sm['cpu_ms_per_move']} ms",
            f"{sf['cpu_ms_per_move']} ms",
            f"{s['ratio_cpu']}",
            f"{s['minimum_ratio_cpu']}",
            "≤ 3",
        ),
        (
            "… with every view on",
            f"{s['views']['cpu_ms_per_move']} ms",
            "",
            f"{sf['cpu_ms_per_move']} ms",
            f"{s['views_ratio_cpu']}",
            "",
            "≤ 5",
        ),
        (
            "Server: element messages per slider move",
            *(str(f.get("elements_per_move", "")) for f in (sa, sm, sf)),
            "",
            "",
            "the README's count",
        ),
        (
            "Server: bytes sent per slider move",
            f"{sa['bytes_per_move']} B",
            f"{sm['bytes_per_move']} B",
            f"{sf['bytes_per_move']} B",
            "",
            "",
            "≤ 6 000 B",
        ),
        (
            "… with every view on",
            f"{s['views']['bytes_per_move']} B",
            "",
            f"{sf['bytes_per_move']} B",
            "",
            "",
            "≤ 10 000 B",
        ),
        (
            "Browser: key press on b to the frame showing the new point, p50",
            f"{ba['keypress_p50_ms']} ms",
            f"{bm['keypress_p50_ms']} ms",
            f"{bf['keypress_p50_ms']} ms",
            f"{b['ratio_keypress']}",
            f"{b['minimum_ratio_keypress']}",
            "≤ 2",
        ),
        (
            "… with every view on",
            f"{b['views']['keypress_p50_ms']} ms",
            "",
            f"{bf['keypress_p50_ms']} ms",
            f"{b['views_ratio_keypress']}",
            "",
            "—",
        ),
        (
            "Browser: chart divs removed / blank frames per move",
            *(f"{f['removed_per_move']} / {f['blank_frames_per_move']}" for f in (ba, bm)),
            "",
            "",
            "",
            "0 / 0",
        ),
        (
            "… with every view on",
            f"{b['views']['removed_per_move']} / {b['views']['blank_frames_per_move']}",
            "",
            "",
            "",
            "",
            "0 / 0",
        ),
        (
            "Browser: first load in a fresh browser to full first render, p50",
            f"{ba['cold_start_p50_ms']} ms",
            f"{bm['cold_start_p50_ms']} ms",
            f"{bf['cold_start_p50_ms']} ms",
            f"{b['ratio_cold_start']}",
            f"{b['minimum_ratio_cold_start']}",
            "—",
        ),
        (
            "Browser: bytes fetched by the first load (HTTP)",
            *(f"{f['cold_start_bytes'] / 1e6:.2f} MB" for f in (ba, bm, bf)),
            "",
            "",
            "—",
        ),
        (
            f"Core: forward pass over {c['rows']:,} rows",
            f"{c['core_ms']} ms",
            "",
            f"{c['bare_numpy_ms']} ms (bare numpy)",
            f"{c['ratio']}",
            "",
            "≤ 1.2",
        ),
    ]
    if "data" in s:
        rows += [
            (
                "Data page (/data: OR, sigmoid): bytes sent per move of b, w1 or w2",
                f"{s['data']['bytes_per_move']} B",
                "",
                f"{sf['bytes_per_move']} B",
                "",
                "",
                "",
            ),
            (
                "… more than the playground with the sigmoid",
                f"{s['data_added_bytes']} B",
                "",
                "",
                "",
                "",
                "≤ 10 000 B",
            ),
            (
                "Data page: server CPU per move (more than the playground's); a move p50 / p95",
                f"{s['data']['cpu_ms_per_move']} ms (+{s['data_added_cpu_ms']} ms); {p50_95(s['data'])}",
                "",
                f"{sf['cpu_ms_per_move']} ms; {p50_95(sf)}",
                f"{s['data_ratio_cpu']}",
                "",
                "≤ 4",
            ),
        ]
    if "fit_gradient_ms" in c:
        rows += [
            (
                "Core: 1,000 epochs on 200 points, gradient descent / perceptron rule",
                f"{c['fit_gradient_ms']} / {c['fit_perceptron_ms']} ms",
                "",
                "",
                "",
                "",
                "≤ 50 ms",
            ),
        ]
    if "load" in r:
        ld, la, lm, lf = r["load"], r["load"]["app"], r["load"]["minimum"], r["load"]["floor"]
        waves = ld["waves_rss_after_mb"]

        def memory(f: dict) -> str:
            return f"{f['rss_before_mb']} → {f['rss_during_max_mb']} → {f['rss_after_mb']} MB"

        rows += [
            (
                f"Load: {ld['sessions']} sessions × {ld['seconds']:g} s, errors",
                *(f"{f['errors']} of {f['moves']}" for f in (la, lm, lf)),
                "",
                "",
                "0",
            ),
            (
                "Load: one slider move, p50 / p95",
                p50_95(la),
                p50_95(lm),
                p50_95(lf),
                ratios(ld),
                ratios(ld, "minimum_"),
                "p95 ≤ 1.25",
            ),
            (
                "Load: server memory before → max during → after",
                memory(la),
                memory(lm),
                memory(lf),
                "",
                "",
                "—",
            ),
            (
                f"Load: memory after wave 1 and wave {len(waves)} of {ld['sessions']}",
                f"{waves[0]} → {waves[-1]} MB ({ld['waves_growth_mb']:+} MB)",
                "",
                "",
                "",
                "",
                "within 20 MB",
            ),
        ]
        if "pinned" in ld:
            pa, pf = ld["pinned"]["app"], ld["pinned"]["floor"]
            rows += [
                (
                    f"One core (taskset): {ld['sessions']} sessions × 1 move/s, errors; p50 / p95",
                    f"{pa['errors']} of {pa['moves']}; {p50_95(pa)}",
                    "",
                    f"{pf['errors']} of {pf['moves']}; {p50_95(pf)}",
                    f"p95 {ld['pinned']['ratio_p95']}",
                    "",
                    "0; p95 ≤ 3",
                ),
            ]
        if "replicas" in ld:
            rp = ld["replicas"]
            (one_k, one), (two_k, two) = [(k, v) for k, v in rp.items() if isinstance(v, dict)]
            n1, n2 = one_k.split("x")[1], two_k.split("x")[1]
            errors = f"{one['errors']} + {two['errors']} errors"
            rows += [
                (
                    f"HAProxy, sticky: 1 replica × {n1} sessions; 2 replicas × {n2}",
                    f"{errors}; p95 {one['p95_ms']} → {two['p95_ms']} ms",
                    "",
                    "",
                    f"2 ÷ 1: p95 {rp['ratio_p95']}",
                    "",
                    "2 ÷ 1 ≤ 1.2",
                ),
            ]
    if "split" in r:
        sp = r["split"]
        for page in ("default view", "every view on", "data page (OR, sigmoid)"):
            if page not in sp:
                continue
            f = sp[page]
            parts = sorted(f["split_ms"].items(), key=lambda kv: -kv[1])[:4]
            top = ", ".join(f"{what} {ms}" for what, ms in parts)
            rows += [
                (
                    f"One core: server CPU per move, {page} (largest parts, ms)",
                    f"{f['cpu_ms_per_move']} ms: {top}",
                    "",
                    f"{sp['floor']['cpu_ms_per_move']} ms",
                    f"{round(f['cpu_ms_per_move'] / sp['floor']['cpu_ms_per_move'], 2)}",
                    "",
                    {"default view": "≤ 3", "every view on": "≤ 5"}.get(page, "≤ 4"),
                )
            ]
    if "drag" in r:
        dr = r["drag"]
        p50, p95, rel = dr["frame_ms_p50"], dr["frame_ms_p95"], dr["release_ms_p50"]
        vs = dr["ratio_release_vs_slider"]
        when = dr["machine"]["date"]
        rows += [
            (
                f"Browser: frame time while dragging the point / an edge / the line, p50 / p95 ({when})",
                " · ".join(f"{p50[k]} / {p95[k]} ms" for k in ("curve", "diagram", "line")),
                "",
                f"idle page: {p50['idle']} / {p95['idle']} ms",
                " · ".join(str(dr["ratio_frame_vs_idle"][k]) for k in ("curve", "diagram", "line")),
                "",
                "p50 ≤ 1.1 × idle",
            ),
            (
                "Browser: release to the page's own z, p50: the point / an edge; the b slider's thumb",
                f"{rel['curve']} / {rel['diagram']} ms ({vs['curve']} / {vs['diagram']} × the slider's); "
                f"slider {rel['slider']} ms",
                "",
                f"slider {rel['floor']} ms",
                " / ".join(str(dr["ratio_release_vs_floor"][k]) for k in ("curve", "diagram", "slider")),
                "",
                "≤ 1.2 × the app's slider",
            ),
        ]
    m = s["machine"]
    lines = [
        f"Measured {m['date']} on {m['cpus']} CPUs ({m['processor']}), Python {m['python']}.",
        "",
        "| measure | app | minimum | floor | app ÷ floor | minimum ÷ floor | target (app ÷ floor) |",
        "|---|---|---|---|---|---|---|",
        *(f"| {' | '.join(row)} |" for row in rows),
    ]
    return "\n".join(lines)


def write_readme() -> None:
    text = README.read_text()
    new = table(json.loads(RESULTS.read_text()))
    text = re.sub(f"{re.escape(START)}.*?{re.escape(END)}", f"{START}\n{new}\n{END}", text, flags=re.S)
    README.write_text(text)


def main() -> None:
    for bench in (server_cost, browser, core, load, drag):
        sys.argv = [bench.__name__]
        bench.main()
    write_readme()
    print(f"wrote {RESULTS.relative_to(ROOT)} and the table in README.md")


if __name__ == "__main__":
    main()
