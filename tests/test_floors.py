"""The core's floors and the rule between them: each floor imports only the floors below it.

numbers.py (the display rule) is the ground; model/ stands on it, words/ and link/ on the model,
figures/ on words; quiz, export, cli, element and pace are on top and may use any floor.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[1] / "neuron_core"
# What each floor may import from the core, besides itself.
BELOW = {
    "numbers": set(),
    "model": {"numbers"},
    "words": {"model", "numbers"},
    "link": {"model", "numbers"},
    "figures": {"model", "words", "numbers"},
}
LINES_MAX = 400


def floor(module: str) -> str:
    """A core module's floor: 'numbers', 'model', 'words', 'link', 'figures', or 'top'."""
    part = module.split(".")[1] if module.count(".") else "top"
    return part if part in BELOW else "top"


def core_imports(path: Path) -> set[str]:
    """The core modules a file imports (`from neuron_core.x import y`, `import neuron_core.x`)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("neuron_core"):
            found |= (
                {f"{node.module}.{a.name}" for a in node.names}
                if node.module == "neuron_core"
                else {node.module}
            )
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("neuron_core")}
    return found


def breaks(module: str, imported: str) -> bool:
    """Whether `module` importing `imported` climbs: a floor importing one at or above it (not itself)."""
    mine, theirs = floor(module), floor(imported)
    return mine != "top" and theirs != mine and theirs not in BELOW[mine]


def modules() -> list[tuple[str, Path]]:
    return [
        (".".join(("neuron_core", *p.relative_to(CORE).with_suffix("").parts)), p)
        for p in sorted(CORE.rglob("*.py"))
    ]


def test_the_rule_names_a_climb_as_a_climb():
    assert breaks("neuron_core.model.batch", "neuron_core.words.on_data")
    assert breaks("neuron_core.numbers", "neuron_core.model.neuron")
    assert breaks("neuron_core.link.state", "neuron_core.figures.style")
    assert not breaks("neuron_core.figures.neuron", "neuron_core.words.calculation")
    assert not breaks("neuron_core.quiz", "neuron_core.link.state")  # the top uses any floor


@pytest.mark.parametrize("module, path", modules(), ids=[m for m, _ in modules()])
def test_each_floor_imports_only_the_floors_below_it(module, path):
    climbs = sorted(i for i in core_imports(path) if breaks(module, i))
    assert not climbs, f"{module} ({floor(module)}) imports {climbs}"


def test_every_floor_is_there_and_no_file_is_over_400_lines():
    found = {floor(m) for m, _ in modules()}
    assert set(BELOW) <= found
    long = {m: n for m, p in modules() if (n := len(p.read_text(encoding="utf-8").splitlines())) > LINES_MAX}
    assert not long


def test_the_core_never_imports_streamlit():
    for module, path in modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        names |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        assert not any(n.split(".")[0] == "streamlit" for n in names), module


def picks_by_name(source: str) -> list[tuple[int, str]]:
    """Each place in `source` that picks an activation by its name: compared with one (act.name ==
    "relu", in ("relu", …)), matched (case "relu"), looked up (get("relu"), ACTIVATIONS["relu"]) or used
    as a key of a table by name ({"relu": …})."""
    from neuron_core.model.activations import ACTIVATIONS

    def names(node: ast.AST) -> list[ast.Constant]:
        return [
            c
            for c in ast.walk(node)
            if isinstance(c, ast.Constant) and isinstance(c.value, str) and c.value in ACTIVATIONS
        ]

    found: list[ast.Constant] = []
    for n in ast.walk(ast.parse(source)):
        if isinstance(n, ast.Compare):
            found += names(n)
        elif isinstance(n, ast.MatchValue | ast.Subscript):
            found += names(n.value if isinstance(n, ast.MatchValue) else n.slice)
        elif isinstance(n, ast.Dict):
            found += [c for k in n.keys if k is not None for c in names(k)]
        elif isinstance(n, ast.Call) and getattr(n.func, "id", getattr(n.func, "attr", "")) == "get":
            found += [c for a in n.args for c in names(a)]
    return sorted({(c.lineno, c.value) for c in found})


def test_no_module_picks_an_activation_by_name():
    """Every fact about an activation is a field of its entry: outside its table no module compares,
    matches, looks up or keys a table by an activation's name (the defaults a user would otherwise type,
    the worked example's relu, are not tests)."""
    sources = {m: p.read_text(encoding="utf-8") for m, p in modules() if m != "neuron_core.model.activations"}
    sources["playground"] = (CORE.parent / "playground.py").read_text(encoding="utf-8")
    assert {m: hits for m, src in sources.items() if (hits := picks_by_name(src))} == {}
    # and the check finds each kind of test where there is one
    picked = 'if act.name == "sigmoid" or a in ("tanh",):\n    get("elu"); ACTIVATIONS["step"]; {"relu": 1}'
    assert {name for _, name in picks_by_name(picked)} == {"sigmoid", "tanh", "elu", "step", "relu"}
    assert picks_by_name('match act.name:\n    case "gelu":\n        pass') == [(2, "gelu")]
