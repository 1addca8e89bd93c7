"""A table that people's records point to as their organisation is a company, whatever its name."""

from __future__ import annotations

from typing import Any

from assistant.mapping.models import DataType, TargetObject
from assistant.profile.models import TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.objects import classify_tables
from tests.propose_factory import S, people_table, table

T = TargetObject
_TRADES = {"Boulangerie Morel": 1, "Garage du Centre": 1, "Pharmacie des Halles": 1, "Camille Mercier": 1}


def _accounts(name: str = "tiers", **extra: Any) -> TableProfile:
    """One name column (read as people's names, as two capitalised words are), an e-mail, a phone."""
    columns = [
        ("Id", S.IDENTIFIER, {"unique_share": 1.0}),
        ("Nom", S.PERSON_NAME, {"values": extra.get("names", _TRADES), "share": 0.82}),
        ("Email", S.EMAIL, {}),
        ("Téléphone", S.PHONE, {}),
        ("Ville", S.CITY, {}),
        *extra.get("more", []),
    ]
    return table(name, columns, key="Id")


def _people(target: str, link: str = "Identifiant société", beside: str = "Notes") -> TableProfile:
    return table(
        "contacts",
        [("Identifiant contact", S.IDENTIFIER, {"unique_share": 1.0}), ("Prénom", S.PERSON_NAME, {}),
         ("Nom", S.PERSON_NAME, {}), ("Email", S.EMAIL, {}),
         (link, S.FOREIGN_KEY, {"fk": (target, "Id"), "distinct_count": 12}),
         (beside, S.PERSON_NAME, {"distinct_count": 12})],
        key="Identifiant contact",
    )  # fmt: skip


def test_a_table_whose_key_people_hold_beside_their_company_name_is_a_company() -> None:
    decided = classify_tables([_accounts(), _people("tiers", beside="Raison sociale")])
    assert decided["tiers"].primary == T.COMPANY
    details = [e.detail for e in decided["tiers"].object_map.evidence]
    assert any("people in 'contacts' hold its key" in d for d in details)
    assert any("carry a trade or legal-form word" in d for d in details)
    # the people link to that company: no second company made from the name beside the link
    assert [t.object for t in decided["contacts"].object_map.targets] == [T.CONTACT]


def test_a_vat_number_beside_the_link_is_enough_even_with_a_plain_link_header() -> None:
    names = {"Morel": 1, "Faure": 1, "Blanc": 1, "Roux": 1}
    accounts = _accounts("parties", names=names, more=[("Numéro TVA", S.IDENTIFIER, {"null_share": 0.4})])
    decided = classify_tables([accounts, _people("parties", link="Party key")])
    assert decided["parties"].primary == T.COMPANY


def test_a_table_people_point_to_with_nothing_a_business_has_stays_as_its_columns_say() -> None:
    names = {"Morel": 1, "Faure": 1, "Blanc": 1, "Roux": 1}
    households = _accounts("households", names=names)
    decided = classify_tables([households, _people("households", link="Household key")])
    assert decided["households"].primary == T.CONTACT


def test_people_pointed_at_by_people_stay_people() -> None:
    referrers = people_table("customers")
    referred = table(
        "leads",
        [("id", S.IDENTIFIER, {}), ("first name", S.PERSON_NAME, {}), ("last name", S.PERSON_NAME, {}),
         ("email", S.EMAIL, {}), ("company", S.COMPANY_NAME, {}),
         ("referred by", S.FOREIGN_KEY, {"fk": ("customers", "id")})],
    )  # fmt: skip
    referrers.columns.append(table("customers", [("VAT", S.IDENTIFIER, {})]).columns[0])
    decided = classify_tables([referrers, referred])
    assert decided["customers"].primary == T.CONTACT


def test_an_owner_link_from_people_makes_no_company() -> None:
    staff = _accounts("staff", names={"Ana López": 1, "Pedro Ruiz": 1, "Bakery Team": 1})
    decided = classify_tables([staff, _people("staff", link="Owner", beside="Company")])
    assert decided["staff"].primary != T.COMPANY


def test_an_unnamed_code_of_the_organisation_waits_for_a_reviewer() -> None:
    code = ("Identifiant professionnel 2", S.INTEGER, {"unique_share": 1.0})
    doc = propose_offline(
        ProposeInputs([_accounts(more=[code]), _people("tiers", beside="Raison sociale")], None)
    )
    kept = next(f for f in doc.fields if f.source_columns == ["Identifiant professionnel 2"])
    assert kept.target.custom_field is not None and kept.target.custom_field.data_type == DataType.TEXT
    assert kept.confidence < 0.7
    assert "which one it fills is for a reviewer" in kept.rationale
