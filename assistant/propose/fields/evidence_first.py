"""Put one standard field first among a column's candidates, on evidence the header did not give.

Several steps read from the values what a header leaves unsaid (an unnamed number beside a currency
is the amount; an amount equal to balance plus paid is the total). Each ends the same way: the field
it found replaces whatever candidate already offered it, at the step's score, with the step's reason.
"""

from __future__ import annotations

from assistant.mapping.models import FieldKind
from assistant.propose.candidates import Candidate
from assistant.propose.targets import TargetField


def put_first(cands: list[Candidate], target: TargetField, score: float, concept: str, why: str) -> None:
    cands[:] = [c for c in cands if (c.object, c.field) != (target.object, target.name)]
    cands.insert(
        0,
        Candidate(
            kind=FieldKind.STANDARD,
            object=target.object,
            field=target.name,
            label=target.label,
            score=score,
            name_score=0.0,
            concept=concept,
            value_kind=target.value_kind,
            evidence=[why],
        ),
    )
