"""Column and table vocabulary beyond Spanish and English: German, French, Portuguese, Italian."""

from __future__ import annotations

import pytest

from assistant.mapping.models import FieldKind, TargetObject
from assistant.profile.models import SemanticType
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.normalize import concepts, object_words, tokens
from tests.propose_factory import table

S = SemanticType


@pytest.mark.parametrize(
    ("header", "concept"),
    [
        ("Vorname", "first_name"),
        ("Nachname", "last_name"),
        ("E-Mail-Adresse", "email"),
        ("Telefonnummer", "phone"),
        ("Straße", "address"),
        ("PLZ", "postal_code"),
        ("Ort", "city"),
        ("Firma", "company"),
        ("Prénom", "first_name"),
        ("Nom de famille", "last_name"),
        ("Courriel", "email"),
        ("Téléphone", "phone"),
        ("Code postal", "postal_code"),
        ("Ville", "city"),
        ("Société", "company"),
        ("Sobrenome", "last_name"),
        ("Telefone", "phone"),
        ("Cidade", "city"),
        ("CEP", "postal_code"),
        ("Cognome", "last_name"),
        ("Città", "city"),
        ("Azienda", "company"),
        ("Data di nascita", "birthday"),
        ("Date de création", "created_at"),
    ],
)
def test_headers_in_other_languages_name_their_concepts(header: str, concept: str) -> None:
    assert concepts(header)[:1] == (concept,)


def test_letters_without_a_base_letter_are_spelled_out() -> None:
    assert tokens("Straße") == ("strasse",)
    assert tokens("Œuvre") == ("oeuvre",)


def test_table_names_in_other_languages_name_their_objects() -> None:
    assert object_words("Kunden")[:1] == ("contact",)
    assert object_words("factures")[:1] == ("invoice",)
    assert object_words("orcamentos")[:1] == ("opportunity",)
    assert object_words("appuntamenti")[:1] == ("appointment",)


def _targets(name: str, headers: list[tuple[str, SemanticType]]) -> dict[str, set[str]]:
    profiles = [table(name, [(h, s, {}) for h, s in headers], rows=40)]
    doc = propose_offline(ProposeInputs(profiles, None))
    out: dict[str, set[str]] = {}
    for f in doc.fields:
        standard = f.target.kind == FieldKind.STANDARD and f.target.object is not None
        label = f"{f.target.object.value}.{f.target.field}" if standard and f.target.object else "other"
        for column in f.source_columns:
            out.setdefault(column, set()).add(label)
    return out


def test_a_german_contact_export_lands_on_standard_fields() -> None:
    found = _targets(
        "kunden",
        [
            ("Vorname", S.PERSON_NAME),
            ("Nachname", S.PERSON_NAME),
            ("E-Mail-Adresse", S.EMAIL),
            ("Telefonnummer", S.PHONE),
            ("Straße", S.ADDRESS),
            ("PLZ", S.POSTAL_CODE),
            ("Ort", S.CITY),
        ],
    )
    assert found == {
        "Vorname": {"contact.firstName"},
        "Nachname": {"contact.lastName"},
        "E-Mail-Adresse": {"contact.email"},
        "Telefonnummer": {"contact.phone"},
        "Straße": {"contact.address1"},
        "PLZ": {"contact.postalCode"},
        "Ort": {"contact.city"},
    }


def test_a_bare_name_beside_one_name_part_is_the_other_part() -> None:
    french = _targets("clients", [("Prénom", S.PERSON_NAME), ("Nom", S.PERSON_NAME), ("Courriel", S.EMAIL)])
    assert french["Nom"] == {"contact.lastName"} and french["Prénom"] == {"contact.firstName"}
    italian = _targets("contatti", [("Nome", S.PERSON_NAME), ("Cognome", S.PERSON_NAME)])
    assert italian["Nome"] == {"contact.firstName"} and italian["Cognome"] == {"contact.lastName"}
    # A full name alone is still split in two.
    alone = _targets("clients", [("Nom complet", S.PERSON_NAME)])
    assert alone["Nom complet"] == {"contact.firstName", "contact.lastName"}


def test_other_languages_leave_the_object_model_alone() -> None:
    profiles = [table("angebote", [("Titel", S.FREE_TEXT, {}), ("Betrag", S.MONEY, {})], rows=20)]
    doc = propose_offline(ProposeInputs(profiles, None))
    assert doc.objects[0].targets[0].object == TargetObject.OPPORTUNITY
    fields = {f.source_columns[0]: f for f in doc.fields}
    assert fields["Betrag"].target.field == "monetaryValue"
