"""What a student takes home: the exported script, the JSON, the command line's help."""

import contextlib
import io
import json
import math
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from neuron_core import forward
from neuron_core.cli import DATA_EXAMPLE, EXAMPLE, main
from neuron_core.export import as_dict, script, state_json
from neuron_core.link.params import ALPHA_HI, ALPHA_LO
from neuron_core.model.activations import ACTIVATIONS
from neuron_core.words.calculation import trace_lines
from tests.paths import ROOT
from tests.strategies import inputs_and_weights, slider

SEED_SCRIPT = Path(__file__).with_name("seed_script.py")


def run_script(source: str, tmp_path: Path) -> list[str]:
    path = tmp_path / "neuron.py"
    path.write_text(source, encoding="utf-8")
    r = subprocess.run(
        [sys.executable, str(path)], capture_output=True, text=True, encoding="utf-8", timeout=60
    )
    assert r.returncode == 0 and r.stderr == ""
    return r.stdout.splitlines()


def unused(source: str) -> str:
    """What ruff finds unused or undefined in a script: imports, names, arguments (empty when none)."""
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "--no-cache",
            "--isolated",
            "--select",
            "F,ARG",
            "--stdin-filename",
            "neuron.py",
            "-",
        ],
        input=source,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
    )
    return "" if r.returncode == 0 else r.stdout


@pytest.mark.parametrize("act", list(ACTIVATIONS))
def test_each_exported_script_prints_the_pages_lines_and_holds_nothing_unused(act, tmp_path):
    f = forward([1.5, -2, 0.3, 4], [0.2, 0.7, -1.1, 0.05], -0.4, act)
    source = script(f)
    assert run_script(source, tmp_path) == trace_lines(f)
    assert "if False" not in source and "if True" not in source
    assert unused(source) == ""
    # One function for the activation, named for it; the printed line names it as the page does.
    assert f"def {act}(z" in source and f"a = {act}(z)" in source
    assert sum(line.startswith("def ") for line in source.splitlines()) == 3  # activation, fmt, neuron
    assert ("alpha" in source) == (ACTIVATIONS[act].alpha is not None)
    assert trace_lines(f)[1].startswith("ReLU: " if act == "relu" else f"{ACTIVATIONS[act].label}: ")


def test_the_relu_script_is_the_seed_script_line_for_line(tmp_path):
    """tests/seed_script.py is the seed script (../shared/seed/) as its blog post walks through it.

    numpy; a relu function; single_neuron_network(weights, bias, inputs) that adds the weighted inputs
    and the bias, applies ReLU and prints each step; the example's inputs, weights and bias; one call.
    """
    seed = SEED_SCRIPT.read_text().splitlines()
    worked = forward([2, 1, 3], [1, -1, 1], -5)
    assert script(worked).splitlines() == seed
    # Another ReLU neuron: the same script but for the three lines that hold its numbers.
    other = script(forward([1.5, -2, 0.3, 4], [0.2, 0.7, -1.1, 0.05], -0.4)).splitlines()
    assert [(a, b) for a, b in zip(other, seed, strict=True) if a != b] == [
        ("inputs = np.array([1.5, -2, 0.3, 4])", "inputs = np.array([2, 1, 3])"),
        ("weights = np.array([0.2, 0.7, -1.1, 0.05])", "weights = np.array([1, -1, 1])"),
        ("bias = -0.4", "bias = -5"),
    ]
    assert run_script(script(worked), tmp_path) == [
        "w*x + b = (1)*(2) + (-1)*(1) + (1)*(3) + (-5) = -1",
        "ReLU: -1 → 0 because -1 is negative.",
    ]


def test_an_activations_alpha_is_the_functions_default(tmp_path):
    f = forward([1, -2], [0.5, 1], 0, "leaky_relu", 0.2)
    source = script(f)
    assert "def leaky_relu(z, alpha=0.2):" in source
    assert (
        run_script(source, tmp_path)
        == trace_lines(f)
        == ["w*x + b = (0.5)*(1) + (1)*(-2) + (0) = -1.5", "Leaky ReLU: -1.5 → -0.3"]
    )


signed = st.one_of(slider, st.sampled_from([0.0, -0.0]))  # the sliders' values, -0.0 among them


@settings(max_examples=200, deadline=None)
@given(
    inputs_and_weights(signed),
    signed,
    st.sampled_from(list(ACTIVATIONS)),
    st.floats(ALPHA_LO, ALPHA_HI),
)
def test_no_json_the_project_writes_holds_a_negative_zero(xw, b, act, alpha):
    x, w = xw
    f = forward(x, w, b, act, alpha)
    texts = [state_json(f), json.dumps(as_dict(f))]
    for text in texts:
        assert re.search(r"-0\.0(?!\d)", text) is None  # -0.0 itself, not -0.05 or 1e-05

        def walk(v):
            if isinstance(v, float):
                assert not (v == 0 and math.copysign(1, v) < 0)
            elif isinstance(v, list | dict):
                for item in v.values() if isinstance(v, dict) else v:
                    walk(item)

        walk(json.loads(text))


def test_the_worked_example_in_json_had_negative_zeros_and_has_none_now():
    data = as_dict(forward([2, 1, 3], [1, -1, 1], -5))
    assert data["da_dx"] == [0.0, 0.0, 0.0] and "-0.0" not in json.dumps(data)


def test_the_page_and_the_command_line_write_the_same_keys(capsys):
    assert main(["--json"]) == 0
    cli = json.loads(capsys.readouterr().out)
    page = json.loads(state_json(forward([2, 1, 3], [1, -1, 1], -5)))
    assert cli == page
    readme = (ROOT / "README.md").read_text()
    assert all(f"`{key}`" in readme for key in page)  # every field is named in the README


def test_help_says_what_each_option_means_its_default_and_an_example(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    flat = " ".join(text.split())  # argparse wraps the help to the terminal's width
    for default in (
        "(default: 2 1 3)",
        "(default: 1 -1 1)",
        "(default: -5)",
        "(default: relu)",
        "(default: 0.01)",
        "(default: 1)",
        "two (default: 1 -1)",
        "(default: 0.5)",
        "(default: gradient)",
        "(default: 0)",
    ):
        assert default in flat
    assert f"example:\n  {EXAMPLE}\n" in text and f"\n  {DATA_EXAMPLE}\n" in text
    assert main(DATA_EXAMPLE.split()[3:]) == 0  # and the data example
    assert capsys.readouterr().out.splitlines()[20] == "epoch 20: 4 of 4 right (100%), cross-entropy 0.2202"
    assert main(EXAMPLE.split()[3:]) == 0  # the example works as printed
    assert capsys.readouterr().out.splitlines()[1].startswith("sigmoid: 1.5 → 0.8176")


def test_streamlit_sends_no_usage_statistics():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["browser"]["gatherUsageStats"] is False


def test_the_scripts_tanh_is_the_pages_to_the_last_bit():
    # np.tanh(18.76) is 1 - 1.1e-16 where the page's expm1 form gives 1: the script printed ≈ 1 - 1.1·10⁻¹⁶
    f = forward([0.0, 3.6, 0.0, 0.0], [0.0, -5.9, 0.0, 0.0], 40.0, "tanh")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(script(f), "neuron.py", "exec"), {"__name__": "__main__"})
    assert out.getvalue().splitlines()[1] == "tanh: 18.76 → ≈ 1"
