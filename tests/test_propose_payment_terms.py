"""The terms a customer pays on reuse the destination's 'Payment Terms', however the header spells them."""

from __future__ import annotations

from assistant.highlevel.state import CustomField, DestinationState, Location
from assistant.mapping.models import TargetObject
from assistant.propose.customfields import find_reusable, new_field
from assistant.propose.normalize import concepts
from tests.propose_factory import S, col

TERMS = {"COD": 8, "14 Days": 6, "30 Days EOM": 6}


def _destination() -> DestinationState:
    fields = [
        CustomField(
            id="cf1", name="Payment Terms", fieldKey="contact.payment_terms", dataType="SINGLE_OPTIONS",
            model="contact",
        ),
        CustomField(id="cf2", name="Invoice Number", fieldKey="contact.invoice_number", dataType="TEXT",
                    model="contact"),
    ]  # fmt: skip
    return DestinationState(location=Location(id="loc1", name="Melbourne", country="AU"), customFields=fields)


def _reused(table: str, header: str, kind: S, **extra: object) -> str | None:
    column = col(table, header, kind, **extra)
    spec = new_field(column, header, TargetObject.CONTACT, table, None)
    found = find_reusable(spec, column, _destination(), table)
    return found[0].field_key if found else None


def test_terms_headers_name_the_payment_terms_concept() -> None:
    for header in ("Payment Terms", "PaymentTerms", "Credit Terms", "transactionterms.transactionterm"):
        assert concepts(header) == ("payment_terms",), header
    assert concepts("termsnote") == ()  # a note about the terms is no setting


def test_a_run_together_terms_header_reuses_the_payment_terms_field() -> None:
    found = _reused("clients", "transactionterms.transactionterm", S.PICKLIST, values=TERMS)
    assert found == "contact.payment_terms"


def test_a_number_named_for_another_record_kind_is_not_offered_to_a_contacts_key() -> None:
    # 'Invoice Number' and 'Client Number' share the concept of a number, not the setting of one record
    assert _reused("clients", "Client Number", S.IDENTIFIER) is None
