"""Renders the settings reference (README) from the Settings model's field docstrings."""

from __future__ import annotations

import ast
import inspect
import itertools
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from assistant import settings as settings_module
from assistant.settings import Settings


def field_docs(model: type[BaseModel]) -> dict[str, str]:
    """Docstrings written under each field (pydantic keeps none of them at runtime)."""
    tree = ast.parse(inspect.getsource(model))
    body = tree.body[0].body if isinstance(tree.body[0], ast.ClassDef) else []
    docs: dict[str, str] = {}
    for previous, node in itertools.pairwise(body):
        is_doc = isinstance(node, ast.Expr) and isinstance(getattr(node, "value", None), ast.Constant)
        if isinstance(previous, ast.AnnAssign) and isinstance(previous.target, ast.Name) and is_doc:
            docs[previous.target.id] = str(node.value.value).strip()  # type: ignore[attr-defined]
    return docs


def reference_rows() -> list[tuple[str, str, str]]:
    """(toml key, default, description) for every leaf setting."""
    rows: list[tuple[str, str, str]] = []
    top_docs = field_docs(Settings)
    for name, info in Settings.model_fields.items():
        annotation: Any = info.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            group_docs = field_docs(getattr(settings_module, annotation.__name__))
            for sub, sub_info in annotation.model_fields.items():
                rows.append((f"{name}.{sub}", repr(sub_info.default), group_docs.get(sub, "")))
        else:
            rows.append((name, repr(info.default), top_docs.get(name, "")))
    return rows


def markdown_table() -> str:
    lines = ["| key (`hlmap.toml`) | default | meaning |", "|---|---|---|"]
    for key, default, doc in reference_rows():
        lines.append(f"| `{key}` | `{default}` | {doc} |")
    return "\n".join(lines)


def write_readme(readme: Path) -> None:
    """Replace the block between the README's settings markers with the current table."""
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- settings:begin -->\n", "\n<!-- settings:end -->"
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    readme.write_text(f"{head}{start}{markdown_table()}{end}{tail}", encoding="utf-8")


if __name__ == "__main__":
    if "--write-readme" in sys.argv:
        write_readme(Path(__file__).resolve().parent.parent / "README.md")
    else:
        print(markdown_table())
