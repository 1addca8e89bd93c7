"""A value no stage name matched, placed between the stages its neighbours in the source's order
went to.

'Value Proposition' sits between 'Needs Analysis' and 'Proposal/Price Quote' in the source; those
two matched 'Needs Assessment' and 'Proposal Sent', so it belongs from the first to the second:
the one stage strictly between them when there is exactly one, else the stage already reached
(the lower neighbour's), with the other as runner-up. Only confident open matches anchor the order;
an order any two of them contradict places nothing, and neither does a value the source lists
after a won one (what follows a win, invoicing say, is no open stage).
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.highlevel.state import Pipeline, Stage
from assistant.mapping.items import StageValueMap
from assistant.mapping.models import OpportunityStatus
from assistant.propose.stage_meaning import open_stages
from assistant.propose.stage_order import Ranks
from assistant.propose.stage_order_evidence import STEP_BY_STEP, step_for_step
from assistant.propose.stage_placement import Placement, placed_map

ANCHOR = 0.7  # a match this sure fixes where its value sits
ONE_BETWEEN = 0.66  # exactly one stage between the neighbours' stages
NEIGHBOUR = 0.56  # no stage between them: the one already reached, the next as runner-up
ONE_OF_SEVERAL = 0.5
WON = OpportunityStatus.WON  # several stages between: the order does not say which


def _ordered(pipeline: Pipeline) -> list[Stage]:
    return sorted(pipeline.stages, key=lambda s: s.position if s.position is not None else 10**6)


Anchor = tuple[float, int, str]  # (rank in the source's order, destination stage index, source value)


def _side(anchor: Anchor | None, stages: list[Stage], word: str) -> list[str]:
    return [f"{word} '{anchor[2]}' (at '{stages[anchor[1]].name}')"] if anchor is not None else []


def _placement(
    value: str, rank: float, anchors: list[Anchor], stages: list[Stage], how: str, loose: Sequence[float] = ()
) -> Placement | None:
    low = max((a for a in anchors if a[0] < rank), default=None)  # ties: the furthest stage reached
    high = min((a for a in anchors if a[0] > rank), default=None)
    if (low is None and high is None) or (low is not None and high is not None and low[1] > high[1]):
        return None  # no neighbour, or neighbours whose stages contradict the order
    open_ = {s.id for s in open_stages(stages)}
    between = [
        s
        for s in stages[
            (low[1] + 1 if low is not None else 0) : (high[1] if high is not None else len(stages))
        ]
        if s.id in open_
    ]
    lower = stages[low[1]] if low is not None else None
    upper = stages[high[1]] if high is not None else None
    sides = " and ".join(_side(low, stages, "after") + _side(high, stages, "before"))
    why = f"'{value}' comes {sides} in {how}"
    if len(between) == 1:
        pick, confidence, why = between[0], ONE_BETWEEN, f"{why}: the one stage between"
        runner_up = lower or upper
    elif (paired := step_for_step(rank, _rank(low), _rank(high), loose, between)) is not None:
        pick, confidence, runner_up = paired, STEP_BY_STEP, None
        why = f"{why}: as many values as the {len(between)} stages between, paired in order"
    elif between:  # next to the neighbour the order knows
        pick, confidence, runner_up = (between[0] if lower else between[-1]), ONE_OF_SEVERAL, None
        why = f"{why}: one of {len(between)} stages between"
    else:
        reached = lower or upper
        assert reached is not None  # one neighbour at least, checked above
        pick, why = reached, f"{why}: no stage between, the one already reached"
        later = [s for s in stages[stages.index(pick) + 1 :] if s.id in open_]
        confidence, runner_up = NEIGHBOUR, upper if upper not in (None, lower) else next(iter(later), None)
    return Placement(pick, OpportunityStatus.OPEN, confidence, why, runner_up, "order")


def _rank(anchor: Anchor | None) -> float | None:
    return anchor[0] if anchor is not None else None


def _loose(m: StageValueMap, pipeline: Pipeline) -> bool:
    """A value still to place in this pipeline: flagged, open."""
    return m.flagged and m.pipeline_id == pipeline.id and m.opportunity_status == OpportunityStatus.OPEN


def _anchors(maps: Sequence[StageValueMap], ranks: Ranks, stages: list[Stage]) -> list[Anchor]:
    """The confident open matches with a rank; none when any two of them contradict the order (a
    states table listed alphabetically orders nothing)."""
    index = {s.id: i for i, s in enumerate(stages)}
    anchors = [
        (ranks[a.source_value.strip()], index[a.stage_id], a.source_value)
        for a in maps
        if not a.flagged
        and a.stage_id in index
        and a.opportunity_status == OpportunityStatus.OPEN
        and a.confidence >= ANCHOR
        and a.source_value.strip() in ranks
    ]
    crossed = any(x[0] < y[0] and x[1] > y[1] for x in anchors for y in anchors)
    return [] if crossed else anchors


def place_by_order(
    maps: Sequence[StageValueMap], ranks: Ranks, how: str, pipelines: Sequence[Pipeline]
) -> list[StageValueMap]:
    """The column's proposals, each flagged open value with a rank placed between its neighbours."""
    out: list[StageValueMap] = []
    for m in maps:
        pipeline = next((p for p in pipelines if p.id == m.pipeline_id), None)
        rank = ranks.get(m.source_value.strip())
        if (
            not m.flagged
            or pipeline is None
            or rank is None
            or m.opportunity_status != OpportunityStatus.OPEN
        ):
            out.append(m)
            continue
        if any(ranks.get(w.source_value.strip(), rank) < rank for w in maps if w.opportunity_status == WON):
            out.append(m)  # listed after a win (invoicing, say): no open stage of this pipeline holds it
            continue
        stages = _ordered(pipeline)
        anchors = _anchors([a for a in maps if a.pipeline_id == pipeline.id], ranks, stages)
        loose = [
            ranks[w.source_value.strip()]
            for w in maps
            if _loose(w, pipeline) and w.source_value.strip() in ranks
        ]
        placed = _placement(m.source_value, rank, anchors, stages, how, loose)
        out.append(m if placed is None else placed_map(m, placed, pipeline))
    return out
