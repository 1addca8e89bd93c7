"""A column scoring as high on the table's own record as on an embedded one's goes to its own record."""

from __future__ import annotations

from assistant.mapping.models import FieldKind, TargetObject
from assistant.propose.engine import ProposeInputs, propose_offline
from tests.propose_factory import S, destination, table

T = TargetObject


def test_a_deal_rows_name_names_the_deal_not_the_person_it_embeds() -> None:
    deals = table(
        "deals",
        [("Name", S.FREE_TEXT, {"distinct_count": 28, "unique_share": 1.0}),
         ("Stage", S.PICKLIST, {"values": {"Lead": 10, "Negotiating": 10, "Closed Won": 8}}),
         ("Contacts", S.EMAIL, {}), ("Phone", S.PHONE, {}), ("Organizations", S.COMPANY_NAME, {}),
         ("Deal Size", S.MONEY, {})],
        rows=28,
    )  # fmt: skip
    doc = propose_offline(ProposeInputs([deals], destination()))
    kinds = [t.object for t in doc.objects[0].targets]
    assert kinds[0] == T.OPPORTUNITY and T.CONTACT in kinds
    name = next(f for f in doc.fields if f.source_columns == ["Name"])
    assert (name.target.kind, name.target.object) == (FieldKind.STANDARD, T.OPPORTUNITY)
    assert name.target.field == "name"
