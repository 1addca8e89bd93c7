"""Standard fields a column's values can never fill: a consent flag is no e-mail, the 'type' tag of a
{type, id} reference names no company, and a link to the old system's own page of the record (its path
holds the row's id) is no website."""

from __future__ import annotations

from assistant.mapping.items import FieldMap, MappingDocument
from assistant.mapping.models import FieldKind, TargetObject
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, people_table, table

ROWS = 20


def _map(doc: MappingDocument, obj: str, column: str) -> FieldMap:
    return next(f for f in doc.fields if f.source_object == obj and f.source_columns == [column])


def test_a_consent_flag_named_after_mails_takes_no_email_field() -> None:
    contacts = table(
        "contacts",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("first_name", S.PERSON_NAME, {}),
         ("last_name", S.PERSON_NAME, {}),
         ("marketing_mails_consent", S.BOOLEAN, {"values": {"true": 12, "false": 8}, "share": 1.0})],
        key="id",
    )  # fmt: skip
    consent = _map(
        propose_offline(ProposeInputs([contacts], destination())), "contacts", "marketing_mails_consent"
    )
    assert consent.target.field != "email"
    assert consent.target.kind == FieldKind.CUSTOM_NEW


def test_the_type_tag_of_a_reference_names_no_company() -> None:
    companies = table(
        "companies", [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("name", S.COMPANY_NAME, {})]
    )
    contacts = table(
        "contacts",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("first_name", S.PERSON_NAME, {}),
         ("last_name", S.PERSON_NAME, {}), ("company.type", S.PICKLIST, {"values": {"company": ROWS}}),
         ("company.id", S.FOREIGN_KEY, {"fk": ("companies", "id")})],
        key="id",
    )  # fmt: skip
    doc = propose_offline(ProposeInputs([companies, contacts], destination()))
    tag = _map(doc, "contacts", "company.type")
    assert (tag.target.object, tag.target.field) != (TargetObject.CONTACT, "companyName")
    assert tag.target.kind == FieldKind.SKIP


def _linked_rows() -> dict[str, list[dict[str, str | None]]]:
    host = "https://api.example-fsm.com/api"
    companies: list[dict[str, str | None]] = [
        {"id": str(3100 + i), "uri": f"{host}/company/{3100 + i}", "name": f"Firm {i}",
         "site": f"https://www.firm{i}.com"}
        for i in range(ROWS)
    ]  # fmt: skip
    jobs: list[dict[str, str | None]] = [
        {
            "id": str(880 + i),
            "location.id": str(54 + i % 12),
            "location.uri": f"{host}/location/{54 + i % 12}",
        }
        for i in range(ROWS)
    ]
    return {"companies": companies, "jobs": jobs}


def test_links_holding_the_rows_own_id_are_no_website_and_are_skipped() -> None:
    companies = table(
        "companies",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("uri", S.URL, {"unique_share": 1.0, "share": 1.0}),
         ("name", S.COMPANY_NAME, {}), ("site", S.URL, {"unique_share": 1.0, "share": 1.0})],
        key="id",
    )  # fmt: skip
    jobs = table(
        "jobs",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("location.id", S.IDENTIFIER, {"unique_share": 0.6}),
         ("location.uri", S.URL, {"unique_share": 0.6, "share": 1.0})],
        key="id",
    )  # fmt: skip
    people = people_table("contacts")
    doc = propose_offline(
        ProposeInputs([companies, jobs, people], destination(), values=MemoryValues(_linked_rows()))
    )
    own = _map(doc, "companies", "uri")
    assert own.target.kind == FieldKind.SKIP
    assert "own page" in own.rationale or "own pages" in own.rationale
    assert _map(doc, "companies", "site").target.field == "website"  # a real website, one host per firm
    located = _map(doc, "jobs", "location.uri")
    assert located.target.kind == FieldKind.SKIP
    assert "'location.id' is in every link" in located.rationale
