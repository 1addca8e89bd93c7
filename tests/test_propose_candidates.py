"""Candidate retrieval: the public entry point the LLM backend reuses."""

from __future__ import annotations

from assistant.mapping.models import FieldKind, TargetObject
from assistant.profile.models import SemanticType
from assistant.propose.candidates import retrieve_candidates
from tests.propose_factory import col, destination

S = SemanticType
T = TargetObject


def test_spanish_column_finds_the_standard_field_first() -> None:
    found = retrieve_candidates(col("clientes", "Teléfono móvil", S.PHONE), [T.CONTACT], None, None, k=5)
    assert found[0].field == "phone"
    assert found[0].concept == "phone"
    assert any("name similarity" in e for e in found[0].evidence)
    assert len(found) <= 5
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)


def test_values_rescue_an_unhelpful_name() -> None:
    found = retrieve_candidates(col("registros", "dato3", S.EMAIL, share=0.98), [T.CONTACT], None, None, k=3)
    assert found[0].field == "email"
    assert any("are email" in e for e in found[0].evidence)


def test_type_mismatch_lowers_the_score() -> None:
    as_date = retrieve_candidates(col("deals", "close date", S.DATE), [T.OPPORTUNITY], None, None, k=5)
    assert all(c.field != "monetaryValue" or c.score < 0.5 for c in as_date)
    money = retrieve_candidates(col("deals", "importe", S.MONEY), [T.OPPORTUNITY], None, None, k=1)
    assert money[0].field == "monetaryValue"
    text_amount = retrieve_candidates(col("deals", "importe", S.EMAIL), [T.OPPORTUNITY], None, None, k=1)
    assert text_amount[0].score < money[0].score


def test_existing_custom_fields_only_on_their_own_model() -> None:
    tax = col("clients", "NIF", S.IDENTIFIER)
    on_contact = retrieve_candidates(tax, [T.CONTACT], None, destination(), k=5)
    assert on_contact[0].kind == FieldKind.CUSTOM_EXISTING
    assert on_contact[0].field == "contact.vat_number"
    on_opportunity = retrieve_candidates(tax, [T.OPPORTUNITY], None, destination(), k=5)
    assert all(c.kind != FieldKind.CUSTOM_EXISTING for c in on_opportunity)


def test_candidates_respect_the_target_objects() -> None:
    found = retrieve_candidates(col("x", "email", S.EMAIL), [T.COMPANY], None, None, k=5)
    assert found and {c.object for c in found} == {T.COMPANY}


def test_a_column_naming_the_parent_record_never_claims_the_records_own_name() -> None:
    """'parent_company_name' holds another company's name: the company's own name field is not its place,
    however company-like its values read ('name' may read so only for a quarter of its values)."""
    parent = retrieve_candidates(
        col("companies", "parent_company_name", S.COMPANY_NAME, share=0.95), [T.COMPANY], None, None, k=5
    )
    assert all(c.field != "name" for c in parent)
    name = col("companies", "name", S.COMPANY_NAME, share=0.23)
    own = retrieve_candidates(name, [T.COMPANY], None, None, k=1)
    assert own[0].field == "name"
    spanish = retrieve_candidates(col("empresas", "empresa matriz", S.COMPANY_NAME), [T.COMPANY], None, None)
    assert all(c.field != "name" for c in spanish)


def test_a_bare_code_header_over_postal_codes_is_the_postal_code() -> None:
    # 'Billing Code' says only "some code"; every value being a postal code says which
    code = col("accounts", "Billing Code", S.POSTAL_CODE, share=1.0)
    found = retrieve_candidates(code, [T.COMPANY], None, None, k=3)
    assert found[0].field == "postalCode"
    assert found[0].score >= 0.8


def test_a_code_header_over_mixed_values_keeps_its_name_reading() -> None:
    code = col("accounts", "Billing Code", S.POSTAL_CODE, share=0.7)
    found = retrieve_candidates(code, [T.COMPANY], None, None, k=3)
    assert all(c.field != "postalCode" or c.score <= 0.5 for c in found)
