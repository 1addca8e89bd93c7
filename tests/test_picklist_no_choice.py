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


def test_next_steps_written_as_short_instructions_are_text_not_options() -> None:
    steps = {"Send quote": 6, "Call back Monday": 5, "Site visit": 5}
    next_step = col("deals", "Next Step", S.PICKLIST, values=steps, distinct_count=3, null_share=0.6, rows=40)
    assert data_type_for(next_step) == DataType.TEXT


def test_one_label_that_starts_with_a_verb_leaves_a_pick_list_alone() -> None:
    stages = {"Call back": 9, "Won": 17, "Lost": 14}
    outcome = col("deals", "Outcome", S.PICKLIST, values=stages, distinct_count=3, rows=40)
    assert data_type_for(outcome) == DataType.SINGLE_OPTIONS
