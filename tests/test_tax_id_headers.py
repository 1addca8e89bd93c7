"""A business registration number (ABN, GST number) is a tax id even when its digits look like a phone."""

from __future__ import annotations

from assistant.mapping.models import DataType, TargetObject
from assistant.profile.models import SemanticType
from assistant.propose.candidates import retrieve_candidates
from assistant.propose.customfields import data_type_for
from assistant.propose.normalize import concepts
from tests.propose_factory import col

S = SemanticType


def test_business_numbers_read_as_tax_ids() -> None:
    assert concepts("abn_number") == ("tax_id",)
    assert concepts("GST Number") == ("tax_id",)
    assert concepts("Business Phone Number")[0] == "phone"  # a phone stays a phone


def test_phone_shaped_digits_under_a_tax_id_header_do_not_fill_the_phone() -> None:
    column = col("company", "abn_number", S.PHONE, share=1.0)
    found = {c.field: c.score for c in retrieve_candidates(column, [TargetObject.COMPANY], None, None)}
    assert found.get("phone", 0.0) <= 0.5


def test_a_tax_id_custom_field_is_text_whatever_its_digits_look_like() -> None:
    assert data_type_for(col("company", "abn_number", S.PHONE, share=1.0)) == DataType.TEXT
    assert data_type_for(col("company", "phone", S.PHONE, share=1.0)) == DataType.PHONE
