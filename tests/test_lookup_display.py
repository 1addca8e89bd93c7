"""A lookup kept as text shows the referenced record's name, never another of its columns."""

from __future__ import annotations

from assistant.propose.fields import display_column
from tests.propose_factory import S, table


def test_an_account_is_shown_by_its_name_not_by_a_code_column() -> None:
    accounts = table(
        "Accounts",
        [("Record Id", S.IDENTIFIER, {"unique_share": 1.0}), ("Billing Code", S.POSTAL_CODE, {}),
         ("Account Name", S.COMPANY_NAME, {"unique_share": 1.0})],
    )  # fmt: skip
    assert display_column(accounts) == "Account Name"


def test_a_header_of_one_name_concept_comes_before_a_mixed_one() -> None:
    companies = table(
        "companies",
        [("Record ID", S.IDENTIFIER, {"unique_share": 1.0}), ("Company Domain Name", S.URL, {}),
         ("Company name", S.COMPANY_NAME, {"unique_share": 1.0})],
    )  # fmt: skip
    assert display_column(companies) == "Company name"


def test_an_employer_column_that_repeats_does_not_name_people() -> None:
    people = table(
        "people",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("Company", S.COMPANY_NAME, {"unique_share": 0.3}),
         ("Email", S.EMAIL, {"unique_share": 1.0})],
    )  # fmt: skip
    assert display_column(people) == "Email"
