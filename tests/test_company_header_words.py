"""Organisation headers written as one word or with "name" ("orgname", "Organization Name") fill the
contact's company name, not the contact's own name."""

from __future__ import annotations

import pytest

from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.normalize import concepts
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table

FIRMS = ["Cedar Labs", "Harbor Dental", "Maple Realty", "Summit Bakery"]


@pytest.mark.parametrize("header", ["orgname", "Organization Name", "Organisation name", "org", "Accounts"])
def test_an_organisation_header_on_people_is_their_company_name(header: str) -> None:
    people = table(
        "contacts",
        [("id", S.IDENTIFIER, {}), ("firstName", S.PERSON_NAME, {}), ("lastName", S.PERSON_NAME, {}),
         ("email", S.EMAIL, {}), (header, S.PERSON_NAME, {"distinct_count": 4})],
        rows=8, key="id",
    )  # fmt: skip
    rows = [
        {"id": str(i), "firstName": f"P{i}", "lastName": "Lee", "email": f"p{i}@x.test", header: FIRMS[i % 4]}
        for i in range(8)
    ]
    doc = propose_offline(ProposeInputs([people], destination(), MemoryValues({"contacts": rows})))
    targets = {(f.target.object.value, f.target.field) for f in doc.fields if f.source_columns == [header]}
    assert ("contact", "companyName") in targets
    assert ("contact", "name") not in targets


@pytest.mark.parametrize(
    ("header", "read_as"),
    [("Accounts", ("company",)), ("account-id", ("identifier",)), ("bank-account.iban", ()),
     ("Account Manager", ("owner",))],
)  # fmt: skip
def test_account_names_the_organisation_only_as_the_whole_header(
    header: str, read_as: tuple[str, ...]
) -> None:
    """A document's 'account-id' is its customer's key: read as a company name it made every document
    table look like a company, and the documents' own object maps fell under the threshold."""
    assert concepts(header) == read_as
