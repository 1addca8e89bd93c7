"""A tied status that names a free stage by its own words goes there, not to the stage left over.

A tie is read by meaning: 'Invoiced' reads as won, like 'Contract Signed' and 'Paid & Closed', so
its words fit those stages alike and the column's other values may leave only 'Contract Signed'.
Yet the pipeline also has 'Invoice Sent', a step its meaning did not rank as won: the same word in
another form. When none of the stages the value is tied between shares a word with it and exactly
one stage no other value of the column takes does, the value means that stage ('Invoiced' is the
invoice sent), whatever the stage's own words read as. Two stages sharing its words stay a tie.
"""

from __future__ import annotations

from collections.abc import Collection

from assistant.highlevel.state import Stage
from assistant.propose.stage_ends import closeness
from assistant.propose.stage_groups import bare


def _shares_a_word(value: str, stage: Stage) -> bool:
    return closeness(bare(value), stage)[1] > 0


def stage_by_own_words(
    value: str, tied: list[Stage], stages: list[Stage], taken: Collection[str | None]
) -> Stage | None:
    """The one untaken stage whose name holds a word of ``value`` when none of ``tied`` does."""
    if any(_shares_a_word(value, s) for s in tied):
        return None
    free = [s for s in stages if s.id not in taken and s not in tied and _shares_a_word(value, s)]
    return free[0] if len(free) == 1 else None


def own_words_reason(value: str, stage: Stage) -> str:
    return (
        f"'{value}' fits stages none of whose names holds its words; '{stage.name}' does, "
        "and no other value of the column takes it"
    )
