"""A company table's 'TITLE' that tells every company apart is the company's name; 'COMPANY_TYPE' is not."""

from __future__ import annotations

from assistant.mapping.models import FieldKind
from assistant.profile.models import SemanticType
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import table

S = SemanticType


def _fields(title_unique: float) -> dict[str, tuple[FieldKind, str | None]]:
    companies = table(
        "companies",
        [
            ("ID", S.IDENTIFIER, {"unique_share": 1.0}),
            ("TITLE", S.PERSON_NAME, {"unique_share": title_unique}),
            ("COMPANY_TYPE", S.PICKLIST, {"values": {"CUSTOMER": 8, "PARTNER": 3, "SUPPLIER": 1}}),
            ("INDUSTRY", S.PICKLIST, {"values": {"IT": 6, "FINANCE": 6}}),
            ("WEB", S.URL, {}),
        ],
        key="ID",
    )
    doc = propose_offline(ProposeInputs([companies], None, MemoryValues({"companies": []})))
    return {f.source_columns[0]: (f.target.kind, f.target.field) for f in doc.fields}


def test_a_unique_title_is_the_company_name() -> None:
    found = _fields(title_unique=1.0)
    assert found["TITLE"] == (FieldKind.STANDARD, "name")
    assert found["COMPANY_TYPE"][1] != "name"


def test_a_repeated_title_is_no_name() -> None:
    assert _fields(title_unique=0.4)["TITLE"][1] != "name"
