"""A nested list of places under a customer that holds its own address: notes, not the contact's address."""

from __future__ import annotations

from typing import Any

from assistant.mapping.items import FieldMap
from assistant.mapping.models import FieldKind, TargetObject
from assistant.profile.models import SemanticType, TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import table

S = SemanticType
T = TargetObject
Columns = list[tuple[str, SemanticType, dict[str, Any]]]

OWN_ADDRESS: Columns = [
    ("address.addressline1", S.ADDRESS, {}),
    ("address.postcode", S.POSTAL_CODE, {}),
    ("address.state", S.REGION, {}),
]


def _customers(extra: Columns) -> TableProfile:
    columns: Columns = [
        ("clientid", S.IDENTIFIER, {"unique_share": 1.0}),
        ("firstname", S.PERSON_NAME, {}),
        ("surname", S.PERSON_NAME, {}),
        ("email", S.EMAIL, {}),
        ("mobile", S.PHONE, {}),
        *extra,
    ]
    return table("clients", columns, key="clientid")


def _sites() -> TableProfile:
    columns: Columns = [
        ("locationid", S.IDENTIFIER, {"unique_share": 1.0}),
        ("address", S.ADDRESS, {}),
        ("postcode", S.POSTAL_CODE, {}),
        ("state", S.REGION, {"values": {"VIC": 6, "NSW": 6}}),
        ("SitePhone", S.PHONE, {}),
    ]
    return table("clients__locations", columns, rows=12, key="locationid", parent="clients")


def _propose(parent_extra: Columns) -> tuple[list[T], str | None, dict[str, FieldMap]]:
    values = MemoryValues({"clients": [], "clients__locations": []})
    doc = propose_offline(ProposeInputs([_customers(parent_extra), _sites()], None, values))
    sites = next(o for o in doc.objects if o.source_object == "clients__locations")
    fields = {f.source_columns[0]: f for f in doc.fields if f.source_object == "clients__locations"}
    return [t.object for t in sites.targets], sites.parent_object, fields


def test_sites_beside_the_customers_own_address_are_notes_on_the_contact() -> None:
    objects, parent, fields = _propose(OWN_ADDRESS)
    assert (objects, parent) == ([T.NOTE], "clients")
    for column in ("address", "postcode", "SitePhone"):  # never the contact's own address or phone
        assert (fields[column].target.object, fields[column].target.field) == (T.NOTE, "body")
    assert fields["locationid"].target.kind is FieldKind.SKIP


def test_a_customer_without_an_address_of_its_own_takes_it_from_its_nested_list() -> None:
    objects, _parent, fields = _propose([])
    assert objects == [T.CONTACT]  # the list is where the contact's one address comes from
    assert (fields["address"].target.object, fields["address"].target.field) == (T.CONTACT, "address1")


def test_blank_address_columns_on_the_customer_are_no_address_of_its_own() -> None:
    blank = [(name, kind, {"null_share": 1.0}) for name, kind, _extra in OWN_ADDRESS]
    objects, _parent, _fields = _propose(blank)
    assert objects == [T.CONTACT]


def test_a_jobs_reference_to_a_site_kept_as_a_note_is_no_field_of_the_job() -> None:
    jobs = table(
        "jobs",
        [("jobid", S.IDENTIFIER, {"unique_share": 1.0}), ("status", S.PICKLIST, {"values": {"Open": 12}}),
         ("total", S.MONEY, {}), ("client.clientid", S.FOREIGN_KEY, {"fk": ("clients", "clientid")}),
         ("site.locationid", S.FOREIGN_KEY, {"fk": ("clients__locations", "locationid")})],
        rows=12, key="jobid",
    )  # fmt: skip
    values = MemoryValues({"clients": [], "clients__locations": [], "jobs": []})
    doc = propose_offline(ProposeInputs([_customers(OWN_ADDRESS), _sites(), jobs], None, values))
    site = next(
        f for f in doc.fields if f.source_object == "jobs" and f.source_columns == ["site.locationid"]
    )
    assert site.target.kind is FieldKind.SKIP
    assert "kept as notes on the contact of 'clients'" in site.rationale
