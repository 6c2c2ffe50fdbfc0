"""The same link says the same words on every server, whatever its CPU and its numpy build.

Each configuration runs tests/page_words.py in a process of its own: OpenBLAS forced to three kernels (the
core uses no BLAS, so nothing may change, and SkylakeX's AVX-512 kernels must not even be reached on a
CPU without them), and numpy without its AVX-512 paths, and without its AVX2 ones (X86_V3): numpy's own
tanh differs in the last bit there, which is why the core's tanh is built on expm1.
"""

import json
import os
import subprocess
import sys

import pytest

from tests.paths import ROOT

CONFIGS = {
    "Haswell": {"OPENBLAS_CORETYPE": "Haswell"},
    "SkylakeX": {"OPENBLAS_CORETYPE": "SkylakeX"},
    "Prescott": {"OPENBLAS_CORETYPE": "Prescott"},
    "no AVX-512": {"NPY_DISABLE_CPU_FEATURES": "X86_V4"},
    "no AVX2 or AVX-512": {"NPY_DISABLE_CPU_FEATURES": "X86_V3 X86_V4"},
}


def words(env: dict[str, str]) -> dict:
    """What tests/page_words.py finds, in a fresh process with these variables."""
    clean = {
        k: v for k, v in os.environ.items() if k not in ("OPENBLAS_CORETYPE", "NPY_DISABLE_CPU_FEATURES")
    }
    r = subprocess.run(
        [sys.executable, "-m", "tests.page_words"],
        cwd=ROOT,
        env=clean | env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    return json.loads(r.stdout)


@pytest.fixture(scope="module")
def here() -> dict:
    return words({})


def test_the_words_cover_what_they_should(here):
    pages = here["pages"]
    assert "loss = 1890625." in " ".join(pages["act=identity&train=true&y=10&lr=0.2&steps=3"])
    assert all(len(said) > 5 for said in pages.values()) and len(here["commands"]) >= 4


@pytest.mark.parametrize("name", CONFIGS)
def test_every_configuration_says_the_same_words(here, name):
    there = words(CONFIGS[name])
    assert there["commands"] == here["commands"]
    for link, said in here["pages"].items():
        assert there["pages"][link] == said, f"{name}: ?{link}"
