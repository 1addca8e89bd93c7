"""An id named after a record the row also makes (a job's embedded client) is kept on that record."""

from __future__ import annotations

from assistant.mapping.models import FieldKind, FieldModel, TargetObject
from assistant.propose.engine import ProposeInputs, propose_offline
from tests.propose_factory import S, destination, table

T = TargetObject


def test_a_job_rows_client_id_becomes_a_custom_field_of_the_client_contact() -> None:
    jobs = table(
        "jobs",
        [("JobNumber", S.IDENTIFIER, {"unique_share": 1.0}), ("JobTotalPrice", S.MONEY, {}),
         ("ClientId", S.INTEGER, {"distinct_count": 12}), ("FirstName", S.PERSON_NAME, {}),
         ("LastName", S.PERSON_NAME, {}), ("Email", S.EMAIL, {}), ("Phone", S.PHONE, {})],
        rows=20, key="JobNumber",
    )  # fmt: skip
    doc = propose_offline(ProposeInputs([jobs], destination()))
    kinds = [t.object for t in doc.objects[0].targets]
    assert kinds[0] == T.OPPORTUNITY and T.CONTACT in kinds
    client = next(f for f in doc.fields if f.source_columns == ["ClientId"])
    assert client.target.kind == FieldKind.CUSTOM_NEW and client.target.custom_field is not None
    assert client.target.custom_field.model == FieldModel.CONTACT
    number = next(
        f for f in doc.fields if f.source_columns == ["JobNumber"] and f.target.kind == FieldKind.CUSTOM_NEW
    )
    assert (
        number.target.custom_field is not None and number.target.custom_field.model == FieldModel.OPPORTUNITY
    )
