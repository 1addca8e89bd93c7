"""Of two phone (or e-mail) columns, the one filled on most rows is the contact's main one."""

from __future__ import annotations

from assistant.mapping.models import FieldKind
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table


def _phone(i: int) -> str:
    return f"+1 303 555 {1000 + i}"


def _propose(work_empty: float, mobile_empty: float) -> dict[str, tuple[FieldKind, str | None]]:
    people = table(
        "contacts",
        [("First name", S.PERSON_NAME, {}), ("Last name", S.PERSON_NAME, {}), ("Emails", S.EMAIL, {}),
         ("Work", S.PHONE, {"null_share": work_empty}), ("Mobile", S.PHONE, {"null_share": mobile_empty})],
        rows=20,
    )  # fmt: skip
    rows = [
        {"First name": f"P{i}", "Last name": "Lee", "Emails": f"p{i}@x.test",
         "Work": None if i < 20 * work_empty else _phone(i),
         "Mobile": None if i < 20 * mobile_empty else _phone(50 + i)}
        for i in range(20)
    ]  # fmt: skip
    doc = propose_offline(ProposeInputs([people], destination(), MemoryValues({"contacts": rows})))
    return {f.source_columns[0]: (f.target.kind, f.target.field) for f in doc.fields}


def test_the_phone_filled_on_every_row_is_the_main_phone_beside_a_mostly_empty_mobile() -> None:
    got = _propose(work_empty=0.0, mobile_empty=0.65)
    assert got["Work"] == (FieldKind.STANDARD, "phone")
    assert got["Mobile"][0] != FieldKind.STANDARD or got["Mobile"][1] != "phone"


def test_a_mobile_filled_on_every_row_stays_the_main_phone_beside_a_mostly_empty_work_number() -> None:
    got = _propose(work_empty=0.65, mobile_empty=0.0)
    assert got["Mobile"] == (FieldKind.STANDARD, "phone")
