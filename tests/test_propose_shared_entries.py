"""An organisation every entry of a nested list repeats is the account's own, no contact's company."""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.mapping.models import FieldKind, TargetObject
from assistant.profile.models import TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, people_table, table

T = TargetObject


def _orgs(names: dict[str, int]) -> TableProfile:
    columns = [
        (
            "orgid",
            S.PICKLIST,
            {"values": {f"id-{n}": c for n, c in names.items()}, "distinct_count": len(names)},
        ),
        ("orgname", S.PICKLIST, {"values": names, "distinct_count": len(names)}),
    ]
    return table("clients__orgs", columns, rows=20, parent="clients")


def _fields(orgs: TableProfile) -> dict[str, FieldMap]:
    values = MemoryValues({"clients": [], "clients__orgs": []})
    doc = propose_offline(ProposeInputs([people_table("clients"), orgs], None, values))
    return {f.source_columns[0]: f for f in doc.fields if f.source_object == "clients__orgs"}


def test_one_organisation_under_every_client_is_not_their_company() -> None:
    orgname = _fields(_orgs({"Southside Plumbing & Gas": 20}))["orgname"]
    assert orgname.target.kind is FieldKind.SKIP
    assert "Southside Plumbing & Gas" in orgname.rationale


def test_organisations_that_differ_per_client_are_their_company() -> None:
    orgname = _fields(_orgs({"Redwood Dental": 7, "Bayside Strata": 7, "Kingston Council": 6}))["orgname"]
    assert (orgname.target.object, orgname.target.field) == (T.CONTACT, "companyName")
