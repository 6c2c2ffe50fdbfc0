"""`python -m neuron_core`: the seed lines exactly, JSON, and exit 2 with one line for bad input."""

import contextlib
import io
import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from neuron_core.cli import main
from tests.paths import ROOT

SEED = "w*x + b = (1)*(2) + (-1)*(1) + (1)*(3) + (-5) = -1\nReLU: -1 → 0 because -1 is negative.\n"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "neuron_core", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def test_no_arguments_prints_the_two_seed_lines_exactly():
    r = run()
    assert (r.returncode, r.stdout, r.stderr) == (0, SEED, "")


def test_options_set_the_neuron(capsys):
    assert main(["--inputs", "2", "1", "3", "--weights", "1", "-1", "1", "--bias", "-3"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "ReLU: 1 → 1 because 1 is non-negative."
    assert main(["-x", "1", "-w", "-2", "-b", "0", "--activation", "leaky_relu", "--alpha", "0.1"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "Leaky ReLU: -2 → -0.2"


def test_json_has_z_a_terms_and_act(capsys):
    assert main(["-x", "1", "2", "-w", "3", "-1", "-b", "0.5", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["z"], out["a"], out["terms"], out["act"]) == (1.5, 1.5, [3.0, -2.0], "relu")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--inputs", "1", "2", "--weights", "1"], "2 inputs but 1 weights"),
        (["--inputs", "one"], "'one' is not a number"),
        (["--bias", "nan"], "'nan' is not a finite number"),
        (["--weights", "1", "inf", "1"], "'inf' is not a finite number"),
        (["--bias", "1e999"], "'1e999' is not a finite number"),
        (["--activation", "swish"], "invalid choice: 'swish'"),
        (["--alpha", "0.5"], "--alpha applies to leaky_relu and elu only, not to relu"),
        (
            ["--act", "sigmoid", "--alpha", "0.5"],
            "--alpha applies to leaky_relu and elu only, not to sigmoid",
        ),
        (["--act", "leaky_relu", "--alpha", "-0.5"], "--alpha for leaky_relu must be from 0 to 1, not -0.5"),
        (["--act", "leaky_relu", "--alpha", "2"], "--alpha for leaky_relu must be from 0 to 1, not 2"),
        (["--act", "elu", "--alpha", "0"], "--alpha for elu must be above 0, up to 10, not 0"),
        (["--inputs"], "expected at least one argument"),
        (["--inputs", "1"] * 1 + ["--weights"], "expected at least one argument"),
        (["--inputs", *["1"] * 9, "--weights", *["1"] * 9], "1 to 8 weights"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_no_traceback(args, message):
    r = run(*args)
    assert r.returncode == 2 and r.stdout == ""
    assert message in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


options = st.sampled_from(
    [
        "--inputs",
        "-x",
        "--weights",
        "-w",
        "--bias",
        "-b",
        "--activation",
        "--alpha",
        "--json",
        "--data",
        "--train",
        "--rule",
        "--lr",
    ]
)
words = st.one_of(
    options,
    st.text(max_size=12),
    st.floats().map(repr),
    st.sampled_from(["nan", "inf", "1e999", "-", "xor", "perceptron", "3", "-1"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(words, max_size=12))
def test_any_command_line_exits_0_or_2_and_never_raises(argv):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as e:
            code = e.code
    assert code in (0, 2)
    assert "Traceback" not in err.getvalue()
    if code == 2:
        assert err.getvalue().count("\n") == 1 and err.getvalue().startswith("python -m neuron_core: error:")


def test_data_prints_each_epoch_as_the_seed_prints_its_lines_and_says_why_xor_cannot_be_learnt():
    r = run("--data", "xor", "--train", "100", "--rule", "perceptron", "--lr", "0.1")
    lines = r.stdout.splitlines()
    assert r.returncode == 0 and r.stderr == ""
    assert lines[0] == "epoch 0: 2 of 4 right (50%), squared error 0.5" and len(lines) == 101 + 2
    assert all(line.startswith(f"epoch {k}: ") for k, line in enumerate(lines[:101]))
    assert lines[-1].startswith("No straight line can split these points: the best any line does is 3 of 4")


def test_data_as_json_gives_weights_bias_loss_and_accuracy_per_epoch(capsys):
    assert main(["--data", "and", "--train", "20", "--rule", "perceptron", "--act", "step", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (
        out["epochs"] == 20
        and len(out["w"]) == len(out["b"]) == len(out["loss"]) == len(out["accuracy"]) == 21
    )
    assert out["w"][0] == [1.0, -1.0] and out["b"][0] == -5.0 and out["accuracy"][0] == 0.75
    assert out["accuracy"][-1] == 1.0 and out["loss"][-1] == 0.0 and out["loss_name"] == "squared error"


def test_a_csv_file_is_data(tmp_path):
    f = tmp_path / "points.csv"
    f.write_text("x1,x2,label\n-1,-1,0\n1,1,1\n2,0.5,1\n")
    r = run("--data", str(f), "--train", "10", "--act", "sigmoid")
    assert (
        r.returncode == 0
        and r.stdout.splitlines()[-1] == "Every one of the 3 points is on its own side of the line."
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x1,x2\n1,2\n", "points.csv: the file has no column label"),
        ("x1,x2,label\n1,a,0\n", "points.csv: point 1: x2 = 'a' is not a number"),
        ("x1,x2,label\nnan,1,0\n", "points.csv: point 1: x1 = nan is not a finite number"),
        ("x1,x2,label\n1,inf,0\n", "points.csv: point 1: x2 = inf is not a finite number"),
        ("x1,x2,label\n1,1,2\n", "points.csv: point 1: its label y = 2 is neither 0 nor 1"),
        ("x1,x2,label\n" + "1,1,1\n" * 201, "points.csv: the file has 201 points; at most 200"),
        ("", "points.csv: the file is empty"),
    ],
)
def test_bad_data_exits_2_with_one_line(tmp_path, text, message):
    f = tmp_path / "points.csv"
    f.write_text(text)
    r = run("--data", str(f), "--train", "3")
    assert r.returncode == 2 and r.stdout == "" and message in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--data", "swirl"],
            "'swirl' is neither a data set (and, or, nand, xor, clouds, overlap) nor a file",
        ),
        (["--train", "5"], "--train, --rule and --lr train on points: give them with --data"),
        (["--data", "or", "-w", "1", "2", "3"], "give two weights, not 3"),
        (["--data", "or", "-x", "1", "2"], "--inputs does not apply with --data"),
        (["--data", "or", "--train", "1001"], "--train must be from 0 to 1000 epochs, not 1001"),
        (["--data", "or", "--lr", "0"], "--lr must be above 0 and at most 1, not 0"),
        (["--data", "or", "--rule", "hebb"], "invalid choice: 'hebb'"),
    ],
)
def test_bad_data_options_exit_2_with_one_line(args, message):
    r = run(*args)
    assert r.returncode == 2 and message in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_a_spreadsheets_csv_reads_as_it_was_written(tmp_path):
    f = tmp_path / "excel.csv"  # Excel's "CSV UTF-8": a byte-order mark and CRLF line ends
    f.write_bytes(b"\xef\xbb\xbfx1,x2,label\r\n-1,-1,0\r\n1,1,1\r\n2,0.5,1\r\n")
    r = run("--data", str(f), "--train", "10", "--act", "sigmoid")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[-1] == "Every one of the 3 points is on its own side of the line."


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"x1,x2,label\n1," + b"9" * 200_000 + b",1\n", "excel.csv: the file is not a CSV file of points"),
        (b"x1,x2,label\n\x00\x01\xff\xfe\n", "excel.csv: the file is not text (UTF-8)"),
        (b"x1,x2,label\n" + b"1,1,1\n" * 12_000_000, "excel.csv: the file is over 1,000 KB"),
    ],
    ids=["a field of 200,000 characters", "binary junk", "a 72 MB file"],
)
def test_a_file_that_is_no_points_exits_2_with_one_line_and_little_memory(tmp_path, content, message):
    f = tmp_path / "excel.csv"
    f.write_bytes(content)
    # The peak over what importing the app's code takes (numpy's BLAS alone may take 500 MB on some CPUs)
    script = (
        "import resource, sys\nfrom neuron_core.cli import main\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "try:\n    main(sys.argv[1:])\nfinally:\n"
        "    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before, file=sys.stderr)\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", script, "--data", str(f)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    said, peak_kb = r.stderr.strip().rsplit("\n", 1)
    assert r.returncode == 2 and message in said and len(said.splitlines()) == 1 and "Traceback" not in said
    assert int(peak_kb) < 50_000  # KB: the 72 MB file is never read whole (about 1.98 GB before)
