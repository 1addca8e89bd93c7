"""A person's 'Company' that names a row of the export's companies table links to that company."""

from __future__ import annotations

from assistant.mapping.models import TargetObject, TransformKind
from assistant.profile.models import TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table

FIRMS = ["Cedar Labs", "Harbor Dental", "Maple Realty", "Summit Bakery", "Granite Roofing"]
PEOPLE = [
    {"First Name": f"P{i}", "Last Name": "Lee", "Company": FIRMS[i % 5] if i % 4 else None,
     "Work Email": f"p{i}@x.test"}
    for i in range(16)
]  # fmt: skip


def _people() -> TableProfile:
    return table(
        "people",
        [("First Name", S.PERSON_NAME, {}), ("Last Name", S.PERSON_NAME, {}),
         ("Company", S.PERSON_NAME, {"distinct_count": 5, "null_share": 0.25}), ("Work Email", S.EMAIL, {})],
        rows=16,
    )  # fmt: skip


def _companies() -> TableProfile:
    return table(
        "companies",
        [("Name", S.COMPANY_NAME, {"distinct_count": 5}), ("City", S.CITY, {}),
         ("Phone Number", S.PHONE, {})],
        rows=5, key="Name",
    )  # fmt: skip


def test_a_company_column_naming_the_exports_companies_links_the_person_to_that_company() -> None:
    rows = [
        {"Name": f, "City": "Austin", "Phone Number": f"+1 512 555 {1000 + i}"} for i, f in enumerate(FIRMS)
    ]
    values = MemoryValues({"people": PEOPLE, "companies": rows})
    doc = propose_offline(ProposeInputs([_companies(), _people()], destination(), values))
    company = [f for f in doc.fields if f.source_object == "people" and f.source_columns == ["Company"]]
    assert [(f.target.object, f.target.field) for f in company] == [(TargetObject.CONTACT, "companyId")]
    assert company[0].transform.kind == TransformKind.LOOKUP
    assert company[0].transform.params["table"] == "companies"
    people = next(o for o in doc.objects if o.source_object == "people")
    assert [t.object for t in people.targets] == [TargetObject.CONTACT]  # no second company per person


def test_without_a_companies_table_the_company_is_the_persons_company_name() -> None:
    doc = propose_offline(ProposeInputs([_people()], destination(), MemoryValues({"people": PEOPLE})))
    company = [f for f in doc.fields if f.source_object == "people" and f.source_columns == ["Company"]]
    assert (TargetObject.CONTACT, "companyName") in [(f.target.object, f.target.field) for f in company]
