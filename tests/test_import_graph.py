"""The floor plan: which package may import which, and no import cycles.

Every import counts, including those inside functions (an import moved into a function to
dodge a cycle still makes one). Floors, lowest first: the base modules, ``store``, the
domain packages, ``publish``, ``formats`` (its export formats build on publish's engine),
then the window, the command line and the benchmarks. A module imports its own floor or
lower floors, never a higher one.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO_ROOT

PACKAGE = REPO_ROOT / "newsdesk"
FLOORS = {
    "newsdesk": 0, "newsdesk.errors": 0, "newsdesk.assets": 0, "newsdesk.json_positions": 0,
    "newsdesk.texts": 0, "newsdesk.user_folders": 0,
    "newsdesk.store": 1,
    "newsdesk.stories": 2, "newsdesk.people": 2, "newsdesk.search": 2,
    "newsdesk.moderation": 2, "newsdesk.stats": 2, "newsdesk.spelling": 2,
    "newsdesk.publish": 3, "newsdesk.sync": 3,
    "newsdesk.formats": 4,
    "newsdesk.sample": 5, "newsdesk.ui": 5, "newsdesk.commands": 5, "newsdesk.cli": 5,
    "newsdesk.__main__": 5, "newsdesk.bench": 5,
}
QT_ALLOWED = ("newsdesk.ui",)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO_ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def all_modules() -> dict[str, Path]:
    return {module_name(path): path for path in PACKAGE.rglob("*.py")}


def imported_names(name: str, path: Path) -> set[str]:
    """Every module name an import statement anywhere in the file names."""
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".")
                anchor = anchor[:len(anchor) - node.level + (1 if is_package else 0)]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = all_modules()
    return {name: {target for target in imported_names(name, path)
                   if target in modules and target != name}
            for name, path in modules.items()}


def floor_of(module: str) -> int:
    while module not in FLOORS:
        module = module.rpartition(".")[0]
    return FLOORS[module]


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
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

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_there_are_no_import_cycles():
    assert cycles(import_graph()) == []


def test_no_module_imports_from_a_higher_floor():
    upward = [f"{source} -> {target}" for source, targets in import_graph().items()
              for target in targets if floor_of(target) > floor_of(source)]
    assert upward == []


def test_qt_is_imported_only_by_the_window():
    offenders = [name for name, path in all_modules().items()
                 if not name.startswith(QT_ALLOWED)
                 and any(target.split(".")[0] in {"PySide6", "shiboken6", "qtawesome"}
                         for target in imported_names(name, path))]
    assert offenders == []


def test_every_module_has_a_floor():
    assert all(floor_of(name) >= 0 for name in all_modules())


def test_the_checker_sees_cycles_and_upward_imports():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert floor_of("newsdesk.store.models") < floor_of("newsdesk.ui.app")
    inside_function = imported_names(
        "newsdesk.stories.articles", PACKAGE / "stories" / "articles.py")
    assert "newsdesk.store.models" in inside_function
