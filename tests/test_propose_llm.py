"""The LLM backend against a real OpenAI-compatible server, replayed from recorded cassettes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from assistant.highlevel.state import DestinationState, save_state
from assistant.mapping.models import FieldKind, FieldModel, Status
from assistant.propose.llm.request import ObjectRequest, build_request
from assistant.propose.llm.schema import answer_model
from assistant.propose.service import propose
from assistant.workspace import Workspace
from tests.llm_support import CASSETTES, INJECTION, cassette_recorder, small_workspace

recorder = cassette_recorder("test_propose_llm")
Prepared = tuple[Workspace, Path]


def _destination(path: Path) -> Path:
    state = DestinationState.model_validate(
        {
            "location": {"id": "LOC123456789012345678", "name": "Demo"},
            "pipelines": [
                {
                    "id": "PIPE1234567890123456",
                    "name": "Sales",
                    "stages": [
                        {"id": "STG01234567890123456", "name": "Open"},
                        {"id": "STG11234567890123456", "name": "Won"},
                        {"id": "STG21234567890123456", "name": "Lost"},
                    ],
                }
            ],
            "users": [{"id": "USR01234567890123456", "name": "Ana Admin", "email": "admin@example.es"}],
            "customFields": [
                {
                    "id": "CF001234567890123456",
                    "name": "Customer Since",
                    "fieldKey": "contact.customer_since",
                    "dataType": "DATE",
                    "model": "contact",
                }
            ],
        }
    )
    save_state(state, path)
    return path


@pytest.fixture
def workspace_and_destination(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Prepared]:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-dummy-key-that-must-never-be-recorded")
    workspace = small_workspace(tmp_path)
    yield workspace, _destination(tmp_path / "destination.json")
    workspace.close()


def test_llm_proposals_are_grounded_logged_and_cached(workspace_and_destination: Prepared) -> None:
    workspace, destination = workspace_and_destination
    with recorder.use_cassette("grounded_and_cached.yaml"):
        document, _, stats = propose(workspace, backend="llm", destination_file=destination)
        again, _, second = propose(workspace, backend="llm", destination_file=destination)
    assert stats.calls == 2 and stats.tokens_in > 0  # one call per source object
    assert second.calls == 0 and second.cached == 2  # the re-run is answered from the cache
    llm_items = [f for f in document.fields if f.origin.backend == "llm"]
    assert llm_items and all(f.origin.prompt_hash and f.origin.model == "smollm2-135m" for f in llm_items)
    for item in document.fields:
        spec = item.target.custom_field
        if spec is not None and item.target.kind == FieldKind.CUSTOM_NEW:
            expected = FieldModel.OPPORTUNITY if item.source_object == "deals" else FieldModel.CONTACT
            assert spec.model == expected, item.id
    emails = [f for f in document.fields if f.target.field == "email"]
    assert len(emails) <= 2  # the instruction inside a note did not send every column to email
    rows = (
        workspace.connect()
        .execute("SELECT count(*), sum(tokens_in), count(*) FILTER (WHERE cached) FROM llm.calls")
        .fetchone()
    )
    assert rows is not None and rows[0] == 4 and rows[1] > 0 and rows[2] == 2
    outcomes = {
        r[0]: r[1]
        for r in workspace.connect()
        .execute("SELECT source_object, outcome FROM llm.calls WHERE NOT cached")
        .fetchall()
    }
    for item in llm_items:
        assert item.origin.fallback == (outcomes[item.source_object] != "ok")
    assert [f.id for f in again.fields] == [f.id for f in document.fields]


def test_no_values_keeps_every_raw_value_on_this_machine(workspace_and_destination: Prepared) -> None:
    workspace, destination = workspace_and_destination
    with recorder.use_cassette("no_values.yaml") as cassette:
        propose(workspace, backend="llm", destination_file=destination, send_values=False)
    bodies = [
        request.body.decode() if isinstance(request.body, bytes) else str(request.body)
        for request in cassette.requests
    ]
    assert bodies
    raw_values = [
        "ana@example.es",
        "Valencia",
        "612 345 678",
        "Kitchen remodel",
        "Prefers mornings",
        INJECTION,
        "García",
    ]
    for body in bodies:
        for value in raw_values:
            assert value not in body, value
        request = json.loads(body)
        instructions = [m["content"] for m in request["messages"] if m["role"] == "system"]
        schema = json.dumps({k: v for k, v in request.items() if k != "messages"})
        for name in ("customers", "deals", "Full Name", "Deal Title"):  # source names: in the data only
            assert all(name not in text for text in [*instructions, schema]), name


def test_instruction_like_values_never_reach_the_instructions(tmp_path: Path) -> None:
    from assistant.propose.engine import propose_offline
    from assistant.propose.service import build_inputs

    def request_for(root: Path, notes: str | None) -> ObjectRequest | None:
        ws = small_workspace(root, notes=notes)
        destination = _destination(root / "destination.json")
        document = propose_offline(build_inputs(ws, destination, None))
        tables = {t.table: t for t in build_inputs(ws, destination, None).profiles}
        obj = next(o for o in document.objects if o.source_object == "customers")
        maps = [m for m in document.fields if m.source_object == "customers"]
        req = build_request(obj, tables["customers"], maps, None, send_values=True, k=5)
        ws.close()
        return req

    injected = request_for(tmp_path / "a", None)
    benign = request_for(tmp_path / "b", "Likes the blue tiles")
    assert injected is not None and benign is not None
    assert injected.system == benign.system  # the task text never contains source values
    assert INJECTION not in injected.system and INJECTION in injected.data
    assert injected.allowed() == benign.allowed()  # same columns, same options offered
    data_rows = [json.loads(line) for line in injected.data.splitlines()[1:-1]]
    assert any(INJECTION in row.get("samples", []) for row in data_rows)  # carried as a value, quoted


def test_validation_tells_the_model_how_to_fix_its_answer() -> None:
    answer = answer_model({"E-mail": ["o1", "c1", "skip"], "City": ["o1", "new_custom", "skip"]})
    good = {
        "E-mail": {"option": "c1", "confidence": 0.9, "rationale": "an email"},
        "City": {"option": "o1", "confidence": 0.8, "rationale": "a city"},
    }
    assert answer.model_validate(good, context={}).by_column()["E-mail"].option == "c1"
    with pytest.raises(ValidationError) as missing:
        answer.model_validate({"E-mail": good["E-mail"]})
    assert "City" in str(missing.value) and "Field required" in str(missing.value)
    with pytest.raises(ValidationError) as wrong:
        answer.model_validate({**good, "City": {**good["City"], "option": "c1"}})
    assert "'o1', 'new_custom' or 'skip'" in str(wrong.value)
    with pytest.raises(ValidationError) as grounded:
        answer.model_validate(good, context={"options": {"E-mail": ["o1"], "City": ["o1"]}})
    assert "option 'c1' is not offered for column 'E-mail'; choose one of: o1" in str(grounded.value)


def test_cassettes_hold_no_credentials() -> None:
    files = sorted(CASSETTES.rglob("*.yaml"))
    assert files, "no cassettes recorded"
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert "sk-test-dummy" not in text and "Bearer" not in text, path
        for interaction in yaml.safe_load(text)["interactions"]:
            headers = {name.lower() for name in interaction["request"]["headers"]}
            assert not headers & {"authorization", "api-key", "cookie"}, path


def test_human_decisions_survive_a_re_proposal(workspace_and_destination: Prepared) -> None:
    workspace, destination = workspace_and_destination
    with recorder.use_cassette("grounded_and_cached.yaml"):
        document, _, _ = propose(workspace, backend="llm", destination_file=destination)
    first = next(f for f in document.fields if f.source_object == "customers")
    first.decide(Status.REJECTED, "ana")
    from assistant.mapping import store

    store.save(workspace, document, by="ana")
    with recorder.use_cassette("grounded_and_cached.yaml"):
        again, kept, _ = propose(workspace, backend="llm", destination_file=destination)
    assert kept >= 1 and again.find(first.id).status == Status.REJECTED
