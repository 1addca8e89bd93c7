"""One phone or e-mail under two headers ('phone-number' and 'phone'): the second is skipped as a copy."""

from __future__ import annotations

from assistant.mapping.items import FieldMap, MappingDocument
from assistant.mapping.models import FieldKind, TargetObject
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table

PHONES = ["+34 600 111 222", "+34 600 333 444", "+34 611 555 666", "+34 622 777 888", "+34 633 999 000"]


def _propose(alias: list[str | None]) -> MappingDocument:
    customers = table(
        "customers",
        [
            ("id", S.IDENTIFIER, {"unique_share": 1.0}),
            ("first-name", S.PERSON_NAME, {}),
            ("last-name", S.PERSON_NAME, {}),
            ("phone-number", S.PHONE, {}),
            ("phone", S.PHONE, {}),
        ],
        rows=len(PHONES),
        key="id",
    )
    rows: list[dict[str, str | None]] = [
        {"id": str(i), "first-name": f"Ana{i}", "last-name": "Vidal", "phone-number": p, "phone": a}
        for i, (p, a) in enumerate(zip(PHONES, alias, strict=True))
    ]
    values = MemoryValues({"customers": rows})
    return propose_offline(ProposeInputs([customers], destination(), values=values))


def _map(doc: MappingDocument, column: str) -> FieldMap:
    return next(f for f in doc.fields if f.source_columns == [column])


def test_a_phone_repeating_another_on_every_row_is_skipped_and_the_first_is_the_contacts() -> None:
    doc = _propose([p.replace(" ", "") for p in PHONES])  # the same numbers, spaced otherwise
    kept = _map(doc, "phone-number")
    assert (kept.target.object, kept.target.field) == (TargetObject.CONTACT, "phone")
    copy = _map(doc, "phone")
    assert copy.target.kind == FieldKind.SKIP
    assert "value of 'phone-number'" in copy.rationale


def test_a_second_phone_that_differs_on_a_row_is_kept() -> None:
    doc = _propose([*PHONES[:4], "+34 699 000 000"])
    assert _map(doc, "phone").target.kind != FieldKind.SKIP
