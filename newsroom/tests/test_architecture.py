"""The project's shape: apps depend one way, and migrations carry their own data."""

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parents[2]


def contract_layers():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    (contract,) = config["contracts"]
    return contract["layers"]


def test_apps_import_only_the_apps_below_them():
    # import-linter's layers contract (pyproject.toml): newsroom → demo → desk | staff →
    # public → articles → authors → pagecache | imaging | links, tests included.
    lint_imports = "from importlinter.cli import lint_imports_command; lint_imports_command()"
    result = subprocess.run(
        [sys.executable, "-c", lint_imports, "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_app_of_ours_is_in_the_dependency_contract():
    ours = {
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == ROOT
    }
    layered = {app for layer in contract_layers() for app in layer.split(" | ")}
    assert ours <= layered
    assert contract_layers()[0] == "newsroom"  # wiring only: no app may import it


def test_migrations_that_run_code_import_none_of_ours():
    """A data migration freezes its data: live code changes, a migration must not."""
    ours = {path.name for path in ROOT.iterdir() if (path / "apps.py").exists()} | {"newsroom"}
    offenders = []
    for path in ROOT.glob("*/migrations/0*.py"):
        tree = ast.parse(path.read_text())
        if "RunPython" not in ast.unparse(tree):
            continue  # schema only: Django writes the imports (validators, say) itself
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.relative_to(ROOT)}: {n}" for n in names if n.split(".")[0] in ours
            ]
    assert offenders == []
