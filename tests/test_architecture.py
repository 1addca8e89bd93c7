"""The rooms' import rules: the executor imports no LLM client and no UI, the proposer no UI,
and the review UI never the executor. Checked in a fresh interpreter through sys.modules."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

RULES = [
    (
        "assistant.execute.commands",
        ("openai", "instructor", "textual", "assistant.review", "assistant.propose"),
    ),
    ("assistant.propose.service", ("textual", "assistant.review", "assistant.execute")),
    ("assistant.propose.llm", ("textual", "assistant.review", "assistant.execute")),
    ("assistant.review.commands", ("assistant.execute", "openai", "instructor")),
    ("assistant.ingest.commands", ("textual", "openai", "assistant.execute")),
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
