"""Two columns that both read as the state: the one filled on most rows is the contact's state."""

from __future__ import annotations

from assistant.profile.models import SemanticType
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import table

S = SemanticType


def test_a_mostly_empty_region_beside_a_full_province_leaves_the_state_to_the_province() -> None:
    people = table(
        "contacts",
        [
            ("ID", S.IDENTIFIER, {"unique_share": 1.0}),
            ("FIRST_NAME", S.FREE_TEXT, {}),
            ("LAST_NAME", S.FREE_TEXT, {}),
            ("EMAIL", S.EMAIL, {}),
            ("ADDRESS_REGION", S.REGION, {"null_share": 0.8}),
            ("ADDRESS_PROVINCE", S.REGION, {"null_share": 0.0}),
        ],
        key="ID",
    )
    doc = propose_offline(ProposeInputs([people], None, MemoryValues({"contacts": []})))
    fields = {f.source_columns[0]: f.target for f in doc.fields}
    assert fields["ADDRESS_PROVINCE"].field == "state"
    assert fields["ADDRESS_REGION"].field != "state"
