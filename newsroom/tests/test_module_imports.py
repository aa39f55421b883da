"""No module of ours imports itself in a circle, even through an import inside a function:
a circle makes the order modules load in matter, and hides which one depends on which."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = [*sorted(path.parent.name for path in ROOT.glob("*/apps.py")), "newsroom"]


def _modules():
    """Each module of our apps (tests and migrations left out) by dotted name."""
    found = {}
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if {"tests", "migrations"} & set(parts):
                continue
            name = ".".join(parts).removesuffix(".__init__")
            found[name] = path
    return found


def _imported(name, path, modules):
    """The modules of ours that module `name` imports."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name in modules)
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            source = ".".join(filter(None, [base, node.module]))
            for alias in node.names:
                if f"{source}.{alias.name}" in modules:  # a module, not a name in one
                    yield f"{source}.{alias.name}"
                elif source in modules:
                    yield source


def _circles(graph):
    """Each import circle found, as the modules along it."""
    circles, done, path = [], set(), []

    def visit(module):
        if module in path:
            circles.append([*path[path.index(module) :], module])
            return
        if module in done:
            return
        path.append(module)
        for other in sorted(graph[module]):
            visit(other)
        path.pop()
        done.add(module)

    for module in sorted(graph):
        visit(module)
    return circles


def test_no_module_of_ours_imports_itself_in_a_circle():
    modules = _modules()
    graph = {name: set(_imported(name, path, modules)) - {name} for name, path in modules.items()}

    assert _circles(graph) == []
