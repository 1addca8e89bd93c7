"""A profile on a social network is no website; a country's subdivision is its state."""

from __future__ import annotations

from typing import Any

from assistant.highlevel.state import CustomField
from assistant.profile.models import SemanticType
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.normalize import concepts
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import destination, table

S = SemanticType


def _targets(extra: list[tuple[str, SemanticType, dict[str, Any]]], linkedin_field: bool) -> dict[str, str]:
    people = table(
        "people",
        [
            ("Id", S.IDENTIFIER, {"unique_share": 1.0}),
            ("First Name", S.PERSON_NAME, {}),
            ("Last Name", S.PERSON_NAME, {}),
            ("Email", S.EMAIL, {}),
            *extra,
        ],
        key="Id",
    )
    state = destination()
    if linkedin_field:
        field = CustomField(
            id="cf9", name="LinkedIn", fieldKey="contact.linkedin", dataType="TEXT", model="contact"
        )
        state.customFields.append(field)
    doc = propose_offline(ProposeInputs([people], state, MemoryValues({"people": []})))
    out: dict[str, str] = {}
    for f in doc.fields:
        custom = f.target.custom_field
        out[f.source_columns[0]] = custom.field_key if custom is not None else str(f.target.field)
    return out


def test_a_linkedin_link_fills_the_destinations_linkedin_field_not_the_website() -> None:
    found = _targets([("Linkedin / Link URL", S.URL, {"null_share": 0.5})], linkedin_field=True)
    assert found["Linkedin / Link URL"] == "contact.linkedin"


def test_without_a_field_of_its_own_a_social_profile_still_is_no_website() -> None:
    found = _targets([("Facebook URL", S.URL, {})], linkedin_field=False)
    assert found["Facebook URL"] != "website"


def test_a_plain_web_address_is_still_the_website() -> None:
    assert _targets([("Website", S.URL, {})], linkedin_field=True)["Website"] == "website"


def test_the_destinations_linked_in_field_reads_as_a_social_network() -> None:
    assert "social" in concepts("LinkedIn")


def test_a_country_subdivision_is_the_state() -> None:
    assert "region" in concepts("BillAddr.CountrySubDivisionCode")
    assert "region" not in concepts("Subdivision")  # a housing estate as often as a state
    found = _targets([("BillAddr.CountrySubDivisionCode", S.REGION, {"values": {"OR": 12, "WA": 8}})], False)
    assert found["BillAddr.CountrySubDivisionCode"] == "state"
