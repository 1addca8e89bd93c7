"""Memory of confirmed maps, without the commands: shapes, alignment, decisions on top, the measure."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from openai import OpenAIError

from assistant.errors import HlmapError
from assistant.highlevel.state import save_state
from assistant.mapping.items import FieldMap, FieldTarget, MappingDocument
from assistant.mapping.models import FieldKind, Status, TargetObject
from assistant.memory.agreement import edits_needed
from assistant.memory.apply import apply_memory
from assistant.memory.match import align
from assistant.memory.models import MemoryFile, RememberedDecision
from assistant.memory.record import remember, remembered_tables
from assistant.memory.shapes import column_shape, header_signature
from assistant.memory.store import load_memory, save_memory
from assistant.profile.models import TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.merge import merge_documents
from tests.propose_factory import S, destination, table

WHEN = datetime(2026, 3, 4, 9, 30, tzinfo=UTC)
LEVELS = {"Gold": 9, "Silver": 7, "Bronze": 4}


def _clients(
    email: str = "Email", city: str = "City", extra: list[str] | None = None, level: str = "Level"
) -> TableProfile:
    columns: list[tuple[str, Any, dict[str, Any]]] = [
        ("Name", S.PERSON_NAME, {"unique_share": 1.0}),
        (email, S.EMAIL, {"unique_share": 1.0, "samples": ["ana@example.es"]}),
        (city, S.CITY, {"unique_share": 0.3}),
        (level, S.PICKLIST, {"values": LEVELS, "unique_share": 0.15}),
    ]
    columns += [(name, S.FREE_TEXT, {"unique_share": 0.9}) for name in extra or []]
    return table("clients", columns)


def _confirmed(profile: TableProfile) -> MappingDocument:
    """The first migration: Level edited to contact.source, City rejected, the rest accepted by ana."""
    doc = propose_offline(ProposeInputs([profile], destination()))
    for item in doc.items():
        item.decide(Status.ACCEPTED, "ana")
    level = doc.find("field:clients.Level")
    assert isinstance(level, FieldMap)
    level.target = FieldTarget(kind=FieldKind.STANDARD, object=TargetObject.CONTACT, field="source")
    level.decide(Status.EDITED, "ana")
    doc.find("field:clients.City").decide(Status.REJECTED, "ana")
    doc.confirmed_by, doc.confirmed_at = "ana", WHEN
    return doc


def _memory(profile: TableProfile) -> MemoryFile:
    memory = MemoryFile()
    remember(memory, remembered_tables(_confirmed(profile), [profile], "acme"), "acme")
    return memory


def _propose_with_memory(profile: TableProfile, memory: MemoryFile) -> MappingDocument:
    doc = propose_offline(ProposeInputs([profile], destination()))
    apply_memory(doc, [profile], memory, destination())
    return doc


def test_a_shape_holds_no_value_and_a_signature_ignores_order_and_spelling() -> None:
    profile = _clients()
    shapes = [column_shape(c) for c in profile.columns]
    assert shapes[1] == "email; -; unique; full"
    assert not any(value in shape for shape in shapes for value in ("ana@example.es", *LEVELS))
    assert header_signature(["E-mail", "Name"]) == header_signature(["name", "e mail"])
    assert header_signature(["Email", "Name"]) != header_signature(["Email", "Phone"])


def test_columns_align_by_name_by_close_name_and_renamed_by_shape_and_place() -> None:
    memory = _memory(_clients(extra=["Notes"]))
    old = memory.tables[0].columns
    found = align(old, _clients(email="E-mail address", city="Town", extra=["Note"]))
    assert found["Name"] == ("Name", 1.0)
    assert found["Notes"] == ("Note", 0.9)  # a close spelling of the same type
    assert found["Email"] == ("E-mail address", 0.7)  # renamed: same shape at the same place
    assert found["City"] == ("Town", 0.7)
    moved = table("clients", [("Phone", S.PHONE, {}), ("Name", S.PERSON_NAME, {"unique_share": 1.0})])
    assert "Email" not in align(old, moved)  # another type is never a rename


def test_remembered_edit_is_the_top_candidate_with_its_provenance() -> None:
    memory = _memory(_clients())
    exact = _propose_with_memory(_clients(), memory)
    level = exact.find("field:clients.Level")
    assert isinstance(level, FieldMap) and level.target.field == "source"
    assert level.evidence[0].source == "memory"
    assert level.evidence[0].detail.startswith("edited in migration acme by ana on 2026-03-04")
    assert level.rationale.startswith("Confirmed in migration acme by ana on 2026-03-04")
    assert level.origin.backend == "memory" and level.alternatives[0].value.get("field") != "source"
    assert level.confidence >= 0.95  # same headers, decided by a person
    fuzzy = _propose_with_memory(_clients(email="Mail", city="Town", extra=["Fax", "Web"]), memory)
    loose = fuzzy.find("field:clients.Level")
    assert loose.confidence < 0.7 < level.confidence  # headers only partly alike: a human looks again


def test_a_remembered_rejection_stays_rejected_and_only_flags_on_a_loose_match() -> None:
    memory = _memory(_clients())
    city = _propose_with_memory(_clients(), memory).find("field:clients.City")
    assert city.status == Status.REJECTED and city.decided_by == "memory: ana in acme"
    assert city.decided_at == city.decided_at and city.evidence[0].detail.startswith(
        "rejected in migration acme"
    )
    loose = _propose_with_memory(_clients(email="Mail", city="Town", extra=["Fax", "Web"]), memory)
    town = loose.find("field:clients.Town")
    assert town.status == Status.PROPOSED and town.confidence < 0.7
    assert town.evidence[0].detail.startswith("rejected in migration acme")


def test_memory_never_overrides_a_decision_made_in_this_workspace() -> None:
    memory = _memory(_clients())
    previous = propose_offline(ProposeInputs([_clients()], destination()))
    mine = previous.find("field:clients.Level")
    mine.decide(Status.ACCEPTED, "luis")
    fresh = _propose_with_memory(_clients(), memory)
    merged, kept = merge_documents(previous, fresh)
    level = merged.find("field:clients.Level")
    assert kept == 1 and isinstance(level, FieldMap) and level.decided_by == "luis"
    assert level.target.field != "source" and all(e.source != "memory" for e in level.evidence)


def test_no_matching_headers_leave_the_proposal_as_it_was() -> None:
    memory = _memory(_clients())
    other = table("jobs", [("Job #", S.IDENTIFIER, {}), ("Total", S.MONEY, {}), ("Due", S.DATE, {})])
    doc = propose_offline(ProposeInputs([other], destination()))
    before = doc.model_dump()
    use = apply_memory(doc, [other], memory, destination())
    assert not use.tables and doc.model_dump() == before


def test_the_measure_counts_what_still_differs_from_the_confirmed_map() -> None:
    first = _clients()
    confirmed = _confirmed(first)
    renamed = {("clients", "Email"): "E-mail address"}
    second = _clients(email="E-mail address")
    without = edits_needed(confirmed, propose_offline(ProposeInputs([second], destination())), renamed)
    assert without.edits == 2 and without.by_kind == {"field": 2}  # Level edited, City rejected
    with_memory = edits_needed(confirmed, _propose_with_memory(second, _memory(first)), renamed)
    assert with_memory.edits == 0 and with_memory.compared == without.compared


def test_the_memory_file_round_trips_and_says_what_is_wrong_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "memory.yaml"
    memory = _memory(_clients())
    save_memory(path, memory)
    assert load_memory(path) == memory
    assert load_memory(tmp_path / "none.yaml") == MemoryFile()  # no file yet: nothing remembered
    assert memory.forget("acme", "clients") == 1 and memory.tables == [] and memory.tags == []
    path.write_text("tables: [{table: x}]\n", encoding="utf-8")
    with pytest.raises(HlmapError, match=r"memory file .*memory\.yaml: tables\.0\.signature: Field required"):
        load_memory(path)
    path.write_text("tables: [\n", encoding="utf-8")
    with pytest.raises(HlmapError, match="not readable YAML"):
        load_memory(path)


def test_value_maps_keep_their_source_values_apart_from_the_decision() -> None:
    memory = _memory(_clients())
    for decision in memory.tables[0].decisions:
        assert not any(value in str(decision.decision) for value in ("Gold", "Silver", "Bronze"))
    owners = [d for d in memory.tables[0].decisions if d.kind in ("owner", "stage")]
    assert all(d.values for d in owners)


def test_no_values_sends_nothing_remembered_to_the_llm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Memory holds stage values, owner keys and tag spellings: under --no-values none of them, nor
    any other remembered text, is in what the LLM backend sends."""
    from assistant.propose.llm.client import StructuredClient
    from assistant.propose.service import propose
    from tests.llm_support import small_workspace

    path = tmp_path / "memory.yaml"
    monkeypatch.setenv("HLMAP_MEMORY__ENABLED", "true")
    monkeypatch.setenv("HLMAP_MEMORY__PATH", str(path))
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-dummy")
    workspace = small_workspace(tmp_path)
    secrets = _remember_secrets(workspace, path)
    sent: list[str] = []

    def ask(self: StructuredClient, messages: list[dict[str, str]], *args: Any, **kwargs: Any) -> Any:
        sent.extend(m["content"] for m in messages)
        raise OpenAIError("no network in this test")

    monkeypatch.setattr(StructuredClient, "ask", ask)
    try:
        state = tmp_path / "destination.json"
        save_state(destination(), state)
        document, _, _ = propose(workspace, backend="llm", send_values=False, destination_file=state)
    finally:
        workspace.close()
    assert sent  # the backend did ask
    assert any(e.source == "memory" for item in document.items() for e in item.evidence)  # memory was used
    for text in sent:
        for secret in secrets:
            assert secret not in text, secret


def _remember_secrets(workspace: Any, path: Path) -> list[str]:
    """A memory of this workspace's tables whose values and names occur nowhere in its source."""
    from assistant.profile.store import load_profiles

    profiles = load_profiles(workspace)
    doc = propose_offline(ProposeInputs(profiles, None))
    for item in doc.items():
        item.decide(Status.ACCEPTED, "zz-reviewer")
    secrets = [
        "ZZ stage value",
        "ZZ owner key",
        "ZZ tag spelling",
        "ZZ field name",
        "zz-reviewer",
        "zz-migration",
    ]
    notes = next(f for f in doc.fields if f.source_object == "customers" and f.source_columns == ["Notes"])
    notes.target = FieldTarget.model_validate(
        {
            "kind": "custom_new",
            "object": "contact",
            "custom_field": {
                "name": "ZZ field name",
                "field_key": "contact.zz",
                "data_type": "TEXT",
                "model": "contact",
            },
        }
    )
    doc.confirmed_by, doc.confirmed_at = "zz-reviewer", WHEN
    memory = MemoryFile()
    remember(memory, remembered_tables(doc, profiles, "zz-migration"), "zz-migration")
    deals = next(t for t in memory.tables if t.table == "deals")
    value_maps = [
        ("stage", ["Stage"], {"source_value": "ZZ stage value"}),
        ("owner", [], {"source_key": "ZZ owner key"}),
    ]
    deals.decisions += [
        RememberedDecision(kind=kind, item=kind, columns=columns, status="accepted", values=values)  # type: ignore[arg-type]
        for kind, columns, values in value_maps
    ]
    tag = RememberedDecision(
        kind="tag", item="tag", status="accepted", values={"members": ["ZZ tag spelling"]}
    )
    memory.tags.append(deals.model_copy(update={"table": "*tags*", "columns": [], "decisions": [tag]}))
    save_memory(path, memory)
    assert all(s in path.read_text(encoding="utf-8") for s in secrets)
    return secrets
