"""Eval cases: a folder with the source export, the destination state and the gold map.

``evals/cases/<case>/`` holds ``source/``, ``destination.json`` and ``gold.yaml``; an optional
``case.toml`` points ``source`` / ``destination`` elsewhere (paths relative to the case folder),
so a case built on a fixture references it instead of copying it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import HlmapError
from assistant.evals.gold import load_gold
from assistant.evals.gold_models import Gold
from assistant.propose.calibration_agreement import HOLD_FEATURES

CASE_FILE = "case.toml"
GOLD_FILE = "gold.yaml"
DEFAULT_CASES_DIR = Path("evals/cases")
GROUP_NEW = "new"
GROUPS = ("seed", GROUP_NEW, "example")
CASE_KEYS = ("source", "destination", "gold", "group", "family", "written_from_errors")


@dataclass(frozen=True)
class Case:
    name: str
    root: Path
    source: Path
    destination: Path
    gold_path: Path
    group: str = GROUP_NEW  # seed | new | example: reported side by side
    family: str = ""  # platform family: held out together when calibration is measured (default: name)
    # hold rules written from this case's own errors: switched off when the case is held out
    written_from_errors: frozenset[str] = frozenset()

    def gold(self) -> Gold:
        return load_gold(self.gold_path, self.name)


def load_case(root: Path) -> Case:
    root = root.resolve()
    if not root.is_dir():
        raise HlmapError(f"{root}: no such case folder")
    settings: dict[str, object] = {}
    case_file = root / CASE_FILE
    if case_file.exists():
        try:
            settings = tomllib.loads(case_file.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise HlmapError(f"{case_file}: not valid TOML: {exc}") from exc
        unknown = set(settings) - set(CASE_KEYS)
        if unknown:
            raise HlmapError(
                f"{case_file}: unknown key(s) {sorted(unknown)}; allowed: {', '.join(CASE_KEYS)}"
            )
    group = settings.get("group", GROUP_NEW)
    if group not in GROUPS:
        raise HlmapError(f"{case_file}: group {group!r}: choose one of {', '.join(GROUPS)}")

    def path(key: str, default: str) -> Path:
        value = settings.get(key, default)
        if not isinstance(value, str):
            raise HlmapError(f"{case_file}: {key} must be a path string")
        resolved = (root / value).resolve()
        if not resolved.exists():
            raise HlmapError(f"case {root.name}: {key} {resolved} does not exist")
        return resolved

    return Case(
        root.name,
        root,
        path("source", "source"),
        path("destination", "destination.json"),
        path("gold", GOLD_FILE),
        str(group),
        _text(settings, "family", case_file) or root.name,
        _hold_rules(settings, case_file),
    )


def _text(settings: dict[str, object], key: str, case_file: Path) -> str:
    value = settings.get(key, "")
    if not isinstance(value, str):
        raise HlmapError(f"{case_file}: {key} must be a string")
    return value


def _hold_rules(settings: dict[str, object], case_file: Path) -> frozenset[str]:
    """The hold rules named by ``written_from_errors``: each must be one the proposer has."""
    value = settings.get("written_from_errors", [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise HlmapError(f"{case_file}: written_from_errors must be a list of hold rule names")
    unknown = sorted(set(value) - set(HOLD_FEATURES))
    if unknown:
        raise HlmapError(
            f"{case_file}: written_from_errors: no hold rule named {', '.join(unknown)}; "
            f"known: {', '.join(HOLD_FEATURES)}"
        )
    return frozenset(value)


def discover_cases(cases_dir: Path, names: list[str] | None = None) -> list[Case]:
    """Every case folder (one holding gold.yaml or case.toml), or just the named ones, sorted."""
    if not cases_dir.is_dir():
        raise HlmapError(f"{cases_dir}: no cases folder")
    found = {
        p.name: p
        for p in sorted(cases_dir.iterdir())
        if p.is_dir() and ((p / GOLD_FILE).exists() or (p / CASE_FILE).exists())
    }
    if names:
        missing = [n for n in names if n not in found]
        if missing:
            raise HlmapError(
                f"--cases: no case named {', '.join(missing)} in {cases_dir}; known: "
                f"{', '.join(found) or 'none'}"
            )
        return [load_case(found[n]) for n in names]
    return [load_case(p) for p in found.values()]
