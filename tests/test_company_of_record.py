"""A company column on a people table makes a company record only when something says rows are businesses."""

from __future__ import annotations

from assistant.mapping.models import TargetObject
from assistant.propose.objects import classify_tables
from tests.propose_factory import S, table

T = TargetObject
FIRMS = {"Harbor Dental": 3, "Blue Oak Realty": 2, "Mesa Plumbing": 2}


def _customers(company: S, empty: float) -> set[TargetObject]:
    customers = table(
        "customers",
        [
            ("id", S.IDENTIFIER, {"unique_share": 1.0}),
            ("first_name", S.PERSON_NAME, {}),
            ("last_name", S.PERSON_NAME, {}),
            ("email", S.EMAIL, {}),
            ("company", company, {"values": FIRMS, "null_share": empty}),
        ],
        key="id",
    )
    return {t.object for t in classify_tables([customers])["customers"].object_map.targets}


def test_a_company_column_empty_on_most_rows_is_the_contacts_company_name_only() -> None:
    # homeowners beside a few firms: nothing says each row is a person at a business
    assert _customers(S.PICKLIST, empty=0.7) == {T.CONTACT}


def test_a_company_column_filled_on_most_rows_makes_a_company_beside_the_contact() -> None:
    assert _customers(S.PICKLIST, empty=0.2) == {T.CONTACT, T.COMPANY}


def test_values_that_read_as_business_names_make_a_company_however_sparse() -> None:
    assert _customers(S.COMPANY_NAME, empty=0.7) == {T.CONTACT, T.COMPANY}
