"""The executor stands alone: importing it loads no LLM client and no UI toolkit."""

from __future__ import annotations

import subprocess
import sys

EXECUTOR_MODULES = [
    "assistant.execute.commands",
    "assistant.execute.apply",
    "assistant.execute.plan",
    "assistant.execute.rollback",
    "assistant.execute.reconcile",
    "assistant.execute.diff",
    "assistant.execute.delta",
    "assistant.execute.rebuild_reference",
]
FORBIDDEN = ("openai", "instructor", "textual")


def test_executor_imports_no_llm_client_and_no_ui() -> None:
    # A fresh interpreter: other tests in this process may already have imported those packages.
    code = (
        "import importlib, sys\n"
        f"for name in {EXECUTOR_MODULES!r}: importlib.import_module(name)\n"
        f"print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r})))\n"
        "print(sum(1 for m in sys.modules if m.startswith('assistant.execute.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    forbidden_line, executor_count = result.stdout.splitlines()
    assert int(executor_count) >= len(EXECUTOR_MODULES)  # the executor really was imported
    loaded = [m for m in forbidden_line.split(",") if m]
    assert loaded == [], f"executor pulled in {loaded}"
