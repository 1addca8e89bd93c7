"""A nested object's name beside its own key ('site.name' by 'site.id') names that object, not the row."""

from __future__ import annotations

from typing import Any

from assistant.highlevel.state import DestinationState, Location, Pipeline, Stage
from assistant.mapping.items import MappingDocument
from assistant.mapping.models import FieldKind
from assistant.profile.models import SemanticType
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import table

S = SemanticType
SITES = ["Summit Fitness - Columbus", "Ironwood Dental - Austin", "Maple Plumbing - Denver"]


def _jobs(key: str, description: str = "description") -> MappingDocument:
    rows: list[dict[str, str | None]] = [
        {"id": str(880 + i), "num": str(2300 + i), description: f"Check the alarm panel, visit {i}.",
         key: str(50160 + i % 3), f"{key.rpartition('.')[0]}.name": SITES[i % 3], "status": "scheduled"}
        for i in range(12)
    ]  # fmt: skip
    prefix = key.rpartition(".")[0]
    columns: list[tuple[str, SemanticType, dict[str, Any]]] = [
        ("id", S.IDENTIFIER, {"unique_share": 1.0}),
        ("num", S.INTEGER, {"unique_share": 1.0}),
        (description, S.FREE_TEXT, {"max_length": 40}),
        (key, S.IDENTIFIER, {}),
        (f"{prefix}.name", S.FREE_TEXT, {}),
        ("status", S.PICKLIST, {"values": {"scheduled": 12}}),
    ]
    dest = DestinationState(
        location=Location(id="loc"),
        pipelines=[Pipeline(id="p", name="Visits", stages=[Stage(id="s0", name="Scheduled", position=0)])],
    )
    profiles = [table("jobs", columns, rows=len(rows), key="id")]
    return propose_offline(ProposeInputs(profiles, dest, MemoryValues({"jobs": rows})))


def _named_by(doc: MappingDocument) -> list[str]:
    return next(f.source_columns for f in doc.fields if f.target.field == "name" and f.target.object)


def test_a_nested_sites_name_is_not_composed_into_the_jobs_title() -> None:
    doc = _jobs("site.id")
    assert "site.name" not in _named_by(doc)
    site = next(f for f in doc.fields if f.source_columns == ["site.name"])
    assert site.target.kind in (FieldKind.SKIP, FieldKind.CUSTOM_NEW)


def test_the_rows_own_nested_object_still_names_it() -> None:
    doc = _jobs("job.id")
    assert "job.name" in _named_by(doc)
