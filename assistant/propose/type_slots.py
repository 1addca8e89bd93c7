"""Slots retrieval leaves empty are offered to the fields the column's values fit.

A header in words the vocabulary does not know ('Milestone', 'OPPORTUNITY', 'text') leaves few or
no candidates above the score floor, and the LLM backend can only choose among what it is offered.
Every export names some of its columns in words nobody listed, so the remaining slots go to the
target objects' fields whose kind the values fit best (a decimal to the amount, a pick-list to the
stage, sentences to a note's body). Their score stays below the floor: offered, never preferred,
so no rule takes one of them on type alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.propose.candidates import Candidate

MIN_FIT = 0.4  # a field the values would lose meaning in is no offer
SLOT_SCORE = 0.1  # ranked below every candidate a name or value evidence found
# what retrieval writes when a header rules a field out ('parent_name', 'owner.name'): never offered
NAMES_A_PARENT = "names a parent record"
NAMES_SOMETHING_ELSE = "names something else"
_RULED_OUT = frozenset({NAMES_A_PARENT, NAMES_SOMETHING_ELSE})
# a parent is another record: none of this record's own fields, but its link fields may hold it
_PARENT_HOLDERS = frozenset({"lookup"})


def _ruled_out(cand: Candidate) -> bool:
    said = set(cand.evidence)
    parent_link = NAMES_A_PARENT in said and cand.value_kind in _PARENT_HOLDERS
    return bool(_RULED_OUT & said) and not parent_link


def fill_open_slots(kept: list[Candidate], below_floor: list[Candidate], k: int) -> list[Candidate]:
    """``kept`` (already ranked) then, while fewer than ``k``, the best-fitting of ``below_floor``.

    ``below_floor`` is in catalog order, so among equal fits a record's main fields come first.
    Candidates the header ruled out (another record's name, a parent's) are never offered, but for
    a parent's link fields: a task's 'parentId' is the contact or deal it hangs on.
    """
    open_slots = k - len(kept)
    if open_slots <= 0:
        return kept
    fitting = [c for c in below_floor if c.type_fit >= MIN_FIT and not _ruled_out(c)]
    fitting.sort(key=lambda c: -c.type_fit)  # stable: catalog order among equal fits
    extra = []
    for cand in fitting[:open_slots]:
        reason = f"offered for its value kind only (type fit {cand.type_fit:.2f}): no name evidence"
        extra.append(
            cand.model_copy(update={"score": round(SLOT_SCORE * cand.type_fit, 4), "evidence": [reason]})
        )
    return kept + extra
