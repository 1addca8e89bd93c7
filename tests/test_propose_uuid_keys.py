"""Keys written as UUIDs beside the name they key ('status_uid' beside 'status_name'), and a nested
tags list's 'name' that is never a person's name."""

from __future__ import annotations

from assistant.mapping.models import TargetObject
from assistant.profile.models import ColumnProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.fields import label_keys, stage_keys
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table

STATUSES = {
    "New": "1f0c6e2a-8a4b-4c1e-9d2a-0a1b2c3d4e5f",
    "Scheduled": "2e1d7f3b-9b5c-4d2f-8e3b-1b2c3d4e5f60",
    "Completed": "3f2e8a4c-0c6d-4e3a-9f4c-2c3d4e5f6071",
}
CATEGORIES = {
    "Repair": "4a3f9b5d-1d7e-4f4b-8a5d-3d4e5f607182",
    "Install": "5b4a0c6e-2e8f-4a5c-9b6e-4e5f60718293",
}


def _jobs() -> tuple[list[ColumnProfile], MemoryValues]:
    columns = [
        ("job_title", S.FREE_TEXT, {}),
        ("current_job_status.status_uid", S.PICKLIST, {"values": dict.fromkeys(STATUSES.values(), 2)}),
        ("current_job_status.status_name", S.PICKLIST, {"values": dict.fromkeys(STATUSES, 2)}),
        ("job_category.category_uid", S.PICKLIST, {"values": dict.fromkeys(CATEGORIES.values(), 3)}),
        ("job_category.category_name", S.PICKLIST, {"values": dict.fromkeys(CATEGORIES, 3)}),
    ]
    jobs = table("jobs", columns, rows=6)
    rows: list[dict[str, str | None]] = [
        {"job_title": f"Job {i}", "current_job_status.status_uid": STATUSES[s],
         "current_job_status.status_name": s, "job_category.category_uid": CATEGORIES[c],
         "job_category.category_name": c}
        for i, (s, c) in enumerate(zip(list(STATUSES) * 2, list(CATEGORIES) * 3, strict=True))
    ]  # fmt: skip
    return jobs.columns, MemoryValues({"jobs": rows})


def test_a_uuid_stage_key_beside_the_stage_name_yields_the_stage_to_the_name() -> None:
    columns, values = _jobs()
    assert stage_keys(TargetObject.OPPORTUNITY, "jobs", columns, values) == {
        "current_job_status.status_uid": "current_job_status.status_name"
    }


def test_a_uuid_key_of_a_nested_label_beside_its_name_is_found() -> None:
    columns, values = _jobs()
    found = label_keys("jobs", columns, values)
    assert found["job_category.category_uid"] == "job_category.category_name"


def test_a_nested_tags_lists_name_is_no_persons_name() -> None:
    people = table(
        "contacts", [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("email", S.EMAIL, {})], key="id"
    )
    tags = table(
        "contacts__tags",
        [("id", S.IDENTIFIER, {}), ("name", S.PICKLIST, {"values": {"Customer": 5, "VIP": 3}})],
        parent="contacts",
    )
    doc = propose_offline(ProposeInputs([people, tags], destination()))
    name = [f for f in doc.fields if f.source_object == "contacts__tags" and f.source_columns == ["name"]]
    assert name and all(f.target.field not in ("firstName", "lastName") for f in name)
