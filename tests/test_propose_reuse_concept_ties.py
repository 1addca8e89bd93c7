"""Two destination fields of one concept: the column reuses the one whose name is nearer its header."""

from __future__ import annotations

from assistant.highlevel.state import CustomField, DestinationState, Location
from assistant.mapping.models import TargetObject
from assistant.propose.customfields import find_reusable, new_field
from tests.propose_factory import S, col


def _destination() -> DestinationState:
    fields = [
        CustomField(id="cf0", name="SIRET", fieldKey="company.siret", dataType="TEXT", model="company"),
        CustomField(
            id="cf1",
            name="N° TVA intracommunautaire",
            fieldKey="company.tva_intra",
            dataType="TEXT",
            model="company",
        ),
    ]
    return DestinationState(location=Location(id="loc1", name="Lyon", country="FR"), customFields=fields)


def test_a_vat_number_reuses_the_vat_field_not_the_first_tax_id_field() -> None:
    column = col("tiers", "Numéro TVA", S.IDENTIFIER)
    spec = new_field(column, "Numéro TVA", TargetObject.COMPANY, "tiers", None)
    found = find_reusable(spec, column, _destination(), "tiers")
    assert found is not None
    assert found[0].field_key == "company.tva_intra"


def test_a_registration_number_of_the_same_concept_still_finds_its_own_field() -> None:
    column = col("tiers", "SIRET", S.IDENTIFIER)
    spec = new_field(column, "SIRET", TargetObject.COMPANY, "tiers", None)
    found = find_reusable(spec, column, _destination(), "tiers")
    assert found is not None and found[0].field_key == "company.siret"
