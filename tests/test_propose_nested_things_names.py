"""A nested list of things (a customer's locations) folds into its parent without renaming it."""

from __future__ import annotations

from typing import Any

from assistant.mapping.models import FieldKind
from assistant.propose.engine import ProposeInputs, propose_offline
from tests.propose_factory import S, destination, table


def _customer_with(nested: str) -> Any:
    customers = table(
        "customers",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("first_name", S.PERSON_NAME, {}),
         ("last_name", S.PERSON_NAME, {}), ("email", S.EMAIL, {})],
        key="id",
    )  # fmt: skip
    child = table(
        f"customers__{nested}",
        [("street_1", S.ADDRESS, {}), ("city", S.CITY, {}), ("customer_contact", S.PERSON_NAME, {})],
        parent="customers",
    )
    doc = propose_offline(ProposeInputs([customers, child], destination()))
    role = next(o for o in doc.objects if o.source_object == child.table).targets[0].role
    return role, next(f for f in doc.fields if f.source_columns == ["customer_contact"])


def test_a_locations_contact_person_does_not_rename_the_customer() -> None:
    role, contact = _customer_with("locations")
    assert role == "merge_into_parent"
    assert contact.target.kind != FieldKind.STANDARD or contact.target.field not in (
        "name",
        "firstName",
        "lastName",
    )
