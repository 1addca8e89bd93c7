"""Next steps that repeat in a small export are instructions, never the options of a pick-list."""

from __future__ import annotations

from assistant.propose.picklist_evidence import written_not_chosen
from tests.propose_factory import S, col


def test_repeated_next_steps_stay_free_text() -> None:
    steps = {"Send revised proposal": 4, "Call back Tuesday": 3, "Book demo": 3}
    column = col("deals", "NextStep", S.PICKLIST, values=steps, rows=36, null_share=0.72, distinct_count=3)
    assert written_not_chosen(column)


def test_states_that_share_a_word_with_an_action_stay_options() -> None:
    kinds = {"Call": 12, "Email": 12, "Task": 12}  # a task's kind: one word each, no instruction
    column = col("tasks", "TaskSubtype", S.PICKLIST, values=kinds, rows=36, distinct_count=3)
    assert not written_not_chosen(column)
