"""One request per source object: its profiled columns, each with its own retrieved options.

Source values only ever travel inside the JSON of the DATA block; with ``send_values`` off, no
raw value leaves the machine at all — only names, types, formats and statistics.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from string import Template
from typing import Any

from assistant.highlevel.state import DestinationState
from assistant.mapping.items import FieldMap, ObjectMap
from assistant.profile.models import ColumnProfile, TableProfile
from assistant.propose.llm.masking import escape_block, readable_header, reads_like_a_value, shown_names
from assistant.propose.llm.options import Option, column_options

PROMPTS_DIR = Path(__file__).resolve().parents[3] / "prompts"
FIELD_MAP_TEMPLATE = "field_map.md"
_NO_CUSTOM_FIELD_MODEL = {"contact": "contact", "company": "company", "opportunity": "opportunity"}


@dataclass
class ObjectRequest:
    source_object: str
    system: str  # the rendered template: instructions only, no source value
    data: str  # the DATA block: profiled columns and their options as JSON
    prompt_hash: str
    options: dict[str, list[Option]]  # shown column name -> its options
    columns: dict[str, ColumnProfile]  # shown column name -> the real column's profile

    def messages(self) -> list[dict[str, str]]:
        return [{"role": "system", "content": self.system}, {"role": "user", "content": self.data}]

    def allowed(self) -> dict[str, list[str]]:
        return {column: [o.id for o in opts] for column, opts in self.options.items()}


def load_template(name: str = FIELD_MAP_TEMPLATE) -> Template:
    return Template((PROMPTS_DIR / name).read_text(encoding="utf-8"))


def column_facts(column: ColumnProfile, send_values: bool, shown: str | None = None) -> dict[str, Any]:
    facts: dict[str, Any] = {
        "column": shown or column.column,
        "type": column.semantic_type.value,
        "type_share": round(column.type_share, 2),
        "empty_share": round(column.null_share, 2),
        "distinct": column.distinct_count,
    }
    header = readable_header(column.column) if shown and shown != column.column else None
    if header:  # under --no-values the column answers by its placeholder; an ordinary name stays readable
        facts["header"] = header
    for key in ("format", "locale", "currency", "country", "separator"):
        value = getattr(column, key)
        if value:
            facts[key] = value
    if column.foreign_key is not None:
        parts = (column.foreign_key.target_table, column.foreign_key.target_column)
        if send_values or not any(reads_like_a_value(p) for p in parts):
            facts["references"] = ".".join(parts)
    if send_values:
        facts["samples"] = [sample[:80] for sample in column.samples[:3]]
    return facts


def build_request(
    object_map: ObjectMap,
    table: TableProfile,
    field_maps: list[FieldMap],
    destination: DestinationState | None,
    *,
    send_values: bool,
    k: int,
) -> ObjectRequest | None:
    """The request for one object, or None when it has no single-column field maps to ask about."""
    by_column: dict[str, list[FieldMap]] = {}
    for item in field_maps:
        if len(item.source_columns) == 1:
            by_column.setdefault(item.source_columns[0], []).append(item)
    real = {c.column: c for c in table.columns if c.column in by_column}
    if not real:
        return None
    shown = shown_names(list(real), send_values)
    profiles = {shown[name]: col for name, col in real.items()}
    objects = [t.object for t in object_map.targets]
    options = {
        name: column_options(
            col,
            by_column[col.column],
            objects,
            destination,
            k,
            name if reads_like_a_value(col.column) else None,
        )
        for name, col in profiles.items()
    }
    rows = [
        {
            **column_facts(col, send_values, name),
            "options": [{"id": o.id, "target": o.label} for o in options[name]],
        }
        for name, col in profiles.items()
    ]
    targets = ", ".join(t.object.value for t in object_map.targets)
    model = next(
        (
            _NO_CUSTOM_FIELD_MODEL[t.object.value]
            for t in object_map.targets
            if t.object.value in _NO_CUSTOM_FIELD_MODEL
        ),
        objects[0].value,
    )
    table_name = object_map.source_object
    if not send_values and reads_like_a_value(table_name):
        table_name = "source table"
    # The instructions hold no source text at all: the object's name travels in the DATA block.
    prompt = load_template().substitute(targets=targets, custom_field_model=model)
    head = {"source_object": table_name, "records": table.row_count}
    lines = [
        escape_block(json.dumps(row, ensure_ascii=False, separators=(",", ":"))) for row in [head, *rows]
    ]
    data = "<DATA>\n" + "\n".join(lines) + "\n</DATA>"
    digest = hashlib.sha256(f"{prompt}\n{data}".encode()).hexdigest()
    return ObjectRequest(object_map.source_object, prompt, data, digest, options, profiles)


def _masked(shown: str, column: ColumnProfile) -> str | None:
    """The placeholder that names a new field in the options, when the real name carries data."""
    return shown if shown != column.column and reads_like_a_value(column.column) else None
