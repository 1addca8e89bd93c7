"""Name normalisation and the bilingual vocabulary."""

from __future__ import annotations

import pytest

from assistant.propose.normalize import concepts, object_words, readable, snake, tokens


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("main-address.city-town", ("main", "address", "city", "town")),
        ("firstName", ("first", "name")),
        ("First Name", ("first", "name")),
        ("first_name", ("first", "name")),
        ("Código Postal", ("codigo", "postal")),
        ("phone2", ("phone", "2")),
        ("Job #", ("job", "number")),
        ("salesEstimates__lines", ("sales", "estimates", "lines")),
    ],
)
def test_tokens_split_every_naming_style(name: str, expected: tuple[str, ...]) -> None:
    assert tokens(name) == expected


@pytest.mark.parametrize(
    ("name", "concept"),
    [
        ("correo", "email"),
        ("E-mail", "email"),
        ("Correo electrónico", "email"),
        ("teléfono", "phone"),
        ("Móvil", "phone"),
        ("mobile", "phone"),
        ("apellidos", "last_name"),
        ("Surname", "last_name"),
        ("dirección", "address"),
        ("calle", "address"),
        ("población", "city"),
        ("main-address.city-town", "city"),
        ("provincia", "region"),
        ("código postal", "postal_code"),
        ("CP", "postal_code"),
        ("Zip Code", "postal_code"),
        ("país", "country"),
        ("NIF", "tax_id"),
        ("tax-identification-number", "tax_id"),
        ("VAT", "tax_id"),
        ("razón social", "company"),
        ("legal-name", "company"),
        ("Company Name", "company"),
        ("web", "website"),
        ("importe", "amount"),
        ("Estimated Value", "amount"),
        ("estado", "status"),
        ("document-state-id", "status"),
        ("Job Status", "status"),
        ("comercial", "owner"),
        ("agent-id", "owner"),
        ("Assigned Technician", "owner"),
        ("etiquetas", "tags"),
        ("observaciones", "notes"),
        ("referencia", "reference"),
        ("Fecha de creación", "created_at"),
        ("Due Date", "due_date"),
        ("start-date", "start"),
    ],
)
def test_vocabulary_maps_spanish_and_english_to_one_concept(name: str, concept: str) -> None:
    assert concepts(name)[0] == concept


def test_identifier_suffix_never_hides_the_meaning() -> None:
    assert concepts("document-state-id") == ("status", "identifier")
    assert concepts("id") == ("identifier",)


@pytest.mark.parametrize(
    ("table", "word"),
    [
        ("clients", "contact"),
        ("Clientes", "contact"),
        ("salesEstimates", "opportunity"),
        ("employees", "user"),
        ("documentStates", "pipeline"),
        ("workflows", "no_equivalent"),
        ("ordinaryInvoices", "invoice"),
        ("work_orders", "task"),
        ("appointments", "appointment"),
        ("attachments", "file"),
    ],
)
def test_table_names_read_as_objects(table: str, word: str) -> None:
    assert object_words(table)[0] == word


def test_labels_and_keys_for_new_fields() -> None:
    assert readable("tax-identification-number") == "Tax Identification Number"
    assert readable("Fecha de creación") == "Fecha de Creación"
    assert snake("Tax ID") == "tax_id"
    assert snake("Código Postal") == "codigo_postal"
