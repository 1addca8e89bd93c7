"""Two statuses on one stage, one named by its words, the other only by the step they share.

'Inspection Scheduled' names the 'Inspection Booked' stage by a word of its own; 'Build Scheduled'
reaches it only because both are scheduled, and its own word ('Build') names another thing being
scheduled. The second match is a guess between stages, so it is proposed below the review
threshold for a person to confirm, never as sure as the first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from assistant.highlevel.state import Stage
from assistant.mapping.items import StageValueMap
from assistant.mapping.models import Evidence
from assistant.propose.normalize import normalise
from assistant.propose.stage_match import GOOD_STAGE, kin_words, stage_score

ONLY_THE_STEP = 0.6


def _shares_a_word(value: str, stage: str) -> bool:
    theirs = normalise(stage).split()
    return any(kin_words(w, o) for w in normalise(value).split() for o in theirs)


def _matched_by_name(m: StageValueMap) -> bool:
    stage = Stage(id=str(m.stage_id), name=str(m.stage_name))
    return stage_score(m.source_value, stage) >= GOOD_STAGE


def crowded(maps: Sequence[StageValueMap]) -> list[StageValueMap]:
    """The column's proposals, a several-word value that reaches a stage only by the step it names
    held below the threshold when another value of the column names that stage by its words."""
    by_stage: dict[str, list[StageValueMap]] = defaultdict(list)
    for m in maps:
        if not m.flagged and m.stage_id and m.stage_name:
            by_stage[m.stage_id].append(m)
    held: dict[str, StageValueMap] = {}
    for group in by_stage.values():
        named = [m for m in group if _shares_a_word(m.source_value, str(m.stage_name))]
        for m in group:
            words = normalise(m.source_value).split()
            if not named or m in named or len(words) < 2 or m.confidence <= ONLY_THE_STEP:
                continue
            if not _matched_by_name(m):  # placed by meaning (a pause, an outcome): not a name match
                continue
            why = (
                f"'{m.source_value}' shares only the step with '{m.stage_name}', which "
                f"'{named[0].source_value}' names by its words: a reviewer confirms"
            )
            held[m.id] = m.model_copy(
                update={
                    "confidence": ONLY_THE_STEP,
                    "rationale": f"{m.rationale}; {why}",
                    "evidence": [*m.evidence, Evidence(source="destination", detail=why)],
                }
            )
    return [held.get(m.id, m) for m in maps]
