"""A nested list merged into its parent (a customer's addresses) keeps no field for its rows' own ids."""

from __future__ import annotations

from assistant.mapping.models import FieldKind
from assistant.propose.engine import ProposeInputs, propose_offline
from tests.propose_factory import S, destination, table


def _doc() -> dict[str, FieldKind]:
    customers = table(
        "customers",
        [("id", S.IDENTIFIER, {}), ("first_name", S.PERSON_NAME, {}), ("last_name", S.PERSON_NAME, {}),
         ("email", S.EMAIL, {})],
        key="id",
    )  # fmt: skip
    addresses = table(
        "customers__addresses",
        [("id", S.IDENTIFIER, {}), ("street", S.ADDRESS, {}), ("city", S.CITY, {}),
         ("zip", S.POSTAL_CODE, {})],
        key="id",
        parent="customers",
    )  # fmt: skip
    doc = propose_offline(ProposeInputs([customers, addresses], destination()))
    return {f"{f.source_object}.{f.source_columns[0]}": f.target.kind for f in doc.fields}


def test_the_merged_rows_own_id_is_skipped_while_the_parents_is_kept() -> None:
    kinds = _doc()
    assert kinds["customers__addresses.id"] == FieldKind.SKIP
    assert kinds["customers__addresses.street"] == FieldKind.STANDARD
    assert kinds["customers.id"] != FieldKind.SKIP  # the parent's key still identifies its record
