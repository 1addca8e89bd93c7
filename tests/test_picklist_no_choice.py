"""A pick-list needs a choice: one repeated value, or organisations' names, stay text fields."""

from __future__ import annotations

from assistant.mapping.models import DataType
from assistant.propose.customfields import data_type_for
from tests.propose_factory import S, col


def test_a_column_with_one_value_on_some_rows_is_text_not_a_one_option_list() -> None:
    one = {"Kick-off call": 9}
    subitems = col("deals", "Subitems", S.PICKLIST, values=one, distinct_count=1, null_share=0.78, rows=40)
    assert data_type_for(subitems) == DataType.TEXT


def test_organisations_names_that_repeat_are_names_not_options() -> None:
    firms = {f"{w} Dental": 3 for w in ("Summit", "Harbor", "Cedar", "Maple", "Granite", "Oakridge")}
    for header in ("Accounts", "Company", "Organization"):
        accounts = col("deals", header, S.PICKLIST, values=firms, distinct_count=6, rows=18)
        assert data_type_for(accounts) == DataType.TEXT, header


def test_a_repeated_choice_between_labels_stays_a_pick_list() -> None:
    levels = {"High": 9, "Medium": 17, "Low": 14}
    priority = col("deals", "Priority", S.PICKLIST, values=levels, distinct_count=3, rows=40)
    assert data_type_for(priority) == DataType.SINGLE_OPTIONS
