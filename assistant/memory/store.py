"""Reading and writing the memory file: plain YAML, diffable, written atomically."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from assistant.errors import HlmapError
from assistant.mapping.store import write_atomic
from assistant.memory.models import MemoryFile
from assistant.settings import MemorySettings

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def memory_path(settings: MemorySettings, workspace_root: Path) -> Path:
    """``memory.path`` with ``~`` expanded; a relative path is read from the workspace folder."""
    path = Path(settings.path).expanduser()
    return path if path.is_absolute() else (workspace_root / path).resolve()


def load_memory(path: Path) -> MemoryFile:
    """The memory file, or an empty memory when there is none yet."""
    if not path.exists():
        return MemoryFile()
    try:
        data: Any = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, yaml.YAMLError) as exc:
        raise HlmapError(f"memory file {path}: not readable YAML ({exc}); fix it or set memory.path") from exc
    try:
        return MemoryFile.model_validate(data or {})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise HlmapError(f"memory file {path}: {where}: {first['msg']}") from exc


def save_memory(path: Path, memory: MemoryFile) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = memory.model_dump(mode="json", exclude_defaults=False)
    header = "# hlmap memory: decisions of confirmed maps, reused by `hlmap propose` (review it like code)\n"
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    write_atomic(path, header + text)
