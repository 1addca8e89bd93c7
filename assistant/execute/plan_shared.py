"""The plan names what this client added to a map shared with another client on the same platform."""

from __future__ import annotations

from assistant.cli_common import console
from assistant.mapping.items import MappingDocument
from assistant.mapping.shared import addition_lines


def shared_map_lines(doc: MappingDocument) -> list[str]:
    """The shared map this plan runs and each addition made for this client (empty: its own map)."""
    record = doc.shared_map
    if record is None:
        return []
    lines = addition_lines(doc)
    head = f"Shared map: {record.path}, with {len(lines)} addition(s) for the values only this export holds"
    return [head + (":" if lines else ""), *(f"  {line}" for line in lines)]


def print_shared_map(doc: MappingDocument) -> None:
    for line in shared_map_lines(doc):
        console.print(line, highlight=False, markup=False)
