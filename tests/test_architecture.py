"""The rooms' import rules: the executor imports no LLM client and no UI, the proposer no UI,
the review UI never the executor, and the value transforms both of them use none of the stages
above them. Checked in a fresh interpreter through sys.modules."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

RULES = [
    (
        "assistant.execute.commands",
        ("openai", "instructor", "textual", "assistant.review", "assistant.propose"),
    ),
    ("assistant.propose.service", ("textual", "assistant.review", "assistant.execute")),
    ("assistant.propose.llm", ("textual", "assistant.review", "assistant.execute")),
    ("assistant.review.commands", ("assistant.execute", "openai", "instructor")),
    # deciding without the UI must not need a terminal library, the executor or an LLM client
    ("assistant.decide.commands", ("textual", "assistant.execute", "openai", "instructor")),
    ("assistant.status.commands", ("textual", "assistant.execute", "openai", "instructor")),
    ("assistant.ingest.commands", ("textual", "openai", "assistant.execute")),
    # the memory of confirmed maps holds source values: it never loads an LLM client
    (
        "assistant.memory.commands",
        ("openai", "instructor", "assistant.propose.llm", "textual", "assistant.execute"),
    ),
    # value transforms sit below the executor and the review: no ledger, no HTTP, no UI, no LLM
    (
        "assistant.transforms.failures",
        ("assistant.execute", "assistant.review", "assistant.propose", "textual", "httpx", "openai"),
    ),
    ("assistant.review.value_checks", ("assistant.execute", "openai", "instructor")),
]


def _loaded_after_import(module: str) -> set[str]:
    code = f"import json, sys, {module}; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(result.stdout))


@pytest.mark.parametrize(("module", "forbidden"), RULES)
def test_import_rules(module: str, forbidden: tuple[str, ...]) -> None:
    loaded = _loaded_after_import(module)
    assert module in loaded
    leaks = sorted(name for name in loaded if any(name == f or name.startswith(f + ".") for f in forbidden))
    assert not leaks, f"{module} pulls in {leaks}"


def _runtime_imports(path: Path, modules: set[str]) -> set[str]:
    """Modules of the package that ``path`` imports at run time (``if TYPE_CHECKING:`` blocks left out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for stmt in node.body
        for inner in ast.walk(stmt)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            found.update(n for n in names if n in modules)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in modules)
    return found


def _module_graph() -> dict[str, set[str]]:
    root = Path(__file__).resolve().parents[1] / "assistant"
    paths = {}
    for path in root.rglob("*.py"):
        parts = path.relative_to(root.parent).with_suffix("").parts
        paths[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    names = set(paths)
    return {
        name: {d for d in _runtime_imports(path, names) if d != name and not name.startswith(d + ".")}
        for name, path in paths.items()
    }


def _cycle_through(graph: dict[str, set[str]], start: str) -> list[str] | None:
    """One import path from ``start`` back to itself, if there is one."""
    stack: list[tuple[str, list[str]]] = [(d, [start, d]) for d in sorted(graph[start])]
    seen: set[str] = set()
    while stack:
        node, path = stack.pop()
        if node == start:
            return path
        if node in seen or node not in graph:
            continue
        seen.add(node)
        stack.extend((d, [*path, d]) for d in sorted(graph[node]))
    return None


def test_no_import_cycles() -> None:
    """Each room depends one way: no module reaches itself again through run-time imports."""
    graph = _module_graph()
    assert "assistant.execute.runner" in graph and "assistant.profile.scan" in graph
    cycles = [c for name in sorted(graph) if (c := _cycle_through(graph, name))]
    assert not cycles, " ; ".join(" → ".join(c) for c in cycles[:5])


def test_the_field_proposer_is_entered_through_its_room_only() -> None:
    """Outside ``assistant/propose/fields`` only the room's entry point is imported, never its modules."""
    root = Path(__file__).resolve().parents[1]
    room = root / "assistant" / "propose" / "fields"
    offenders = []
    for path in [*(root / "assistant").rglob("*.py"), *(root / "tests").rglob("*.py")]:
        if room in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [a.name for a in node.names] if isinstance(node, ast.Import) else []
            offenders += [
                f"{path.relative_to(root)}: {n}" for n in names if n.startswith("assistant.propose.fields.")
            ]
    assert offenders == []
