"""Person-name headers read by meaning: an API's bare 'first' / 'last', a middle name beside a bare
'NAME' and a last name, and an 'edit date' stamp."""

from __future__ import annotations

from assistant.mapping.models import FieldKind
from assistant.profile.models import SemanticType
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.normalize import concepts
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import table

S = SemanticType


def test_first_and_last_name_a_person_only_as_the_whole_header() -> None:
    assert concepts("first") == ("first_name",)
    assert concepts("last") == ("last_name",)
    assert "first_name" not in concepts("first visit")
    assert "last_name" not in concepts("last contacted")
    assert concepts("edit_date")[0] == "updated_at"
    assert concepts("SECOND_NAME")[0] == "middle_name"


def test_a_bare_name_beside_a_middle_and_a_last_name_is_the_given_name() -> None:
    people = table(
        "contacts",
        [
            ("ID", S.IDENTIFIER, {"unique_share": 1.0}),
            ("NAME", S.FREE_TEXT, {}),
            ("SECOND_NAME", S.FREE_TEXT, {}),
            ("LAST_NAME", S.FREE_TEXT, {}),
            ("EMAIL", S.EMAIL, {}),
        ],
        key="ID",
    )
    doc = propose_offline(ProposeInputs([people], None, MemoryValues({"contacts": []})))
    fields = {f.source_columns[0]: f.target for f in doc.fields}
    assert (fields["NAME"].kind, fields["NAME"].field) == (FieldKind.STANDARD, "firstName")
    assert fields["SECOND_NAME"].field != "name"  # a middle name never fills the whole name


def test_a_job_post_is_free_text_even_when_few_titles_repeat() -> None:
    assert concepts("POST") == ("position",)
    assert "position" not in concepts("post date")
    people = table(
        "contacts",
        [
            ("ID", S.IDENTIFIER, {"unique_share": 1.0}),
            ("NAME", S.FREE_TEXT, {}),
            ("LAST_NAME", S.FREE_TEXT, {}),
            ("POST", S.PICKLIST, {"values": {"Owner": 9, "Office Manager": 5, "Facilities Manager": 4}}),
        ],
        key="ID",
    )
    doc = propose_offline(ProposeInputs([people], None, MemoryValues({"contacts": []})))
    post = next(f for f in doc.fields if f.source_columns == ["POST"])
    assert post.target.custom_field is not None and post.target.custom_field.data_type.value == "TEXT"
