"""A status that negates a word ('Unscheduled', 'Not started') against the stages that use that word.

Spelling says 'Unscheduled' is nearly 'Scheduled'; meaning says the opposite. The same negated word
names the stage still waiting for that step ('To Schedule', 'Needs Scheduling', 'Awaiting Approval').
"""

from __future__ import annotations

import itertools

from assistant.propose.normalize import normalise

NEGATING_PREFIXES = ("un", "non")  # not "in": invoiced, installed and inspected are no negations
NEGATING_WORDS = frozenset({"not", "no", "non", "sin", "nicht", "kein", "pas"})
# Words that say a stage waits for the step the next word names.
WAITING_WORDS = frozenset({"to", "needs", "need", "awaiting", "pending", "requires", "por", "pendiente"})
MIN_ROOT = 4


def _kin(a: str, b: str) -> bool:
    """One word in two forms ('scheduled' / 'scheduling'): a shared stem covering most of both."""
    shared = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return shared >= MIN_ROOT and shared >= 0.7 * max(len(a), len(b)) - 1


def _stem_kin(done: str, step: str) -> bool:
    """'confirmed' / 'confirmation', 'scheduled' / 'schedule': one verb, done and awaited."""
    shared = next(
        (i for i, (x, y) in enumerate(zip(done, step, strict=False)) if x != y), min(len(done), len(step))
    )
    return shared >= MIN_ROOT + 1 and shared >= 0.75 * min(len(done), len(step)) - 1


def negated_roots(text: str) -> list[str]:
    """The words a status negates: 'unscheduled' -> scheduled, 'not started' -> started."""
    words = normalise(text).split()
    roots = [w for a, w in itertools.pairwise(words) if a in NEGATING_WORDS]
    for w in words:
        for prefix in NEGATING_PREFIXES:
            rest = w[len(prefix) :]
            if w.startswith(prefix) and len(rest) >= MIN_ROOT and rest.endswith(("ed", "d")):
                roots.append(rest)  # a past participle behind the prefix: 'un-scheduled', 'un-paid'
    return roots


def awaited_roots(name: str, waiting: frozenset[str] = WAITING_WORDS) -> list[str]:
    """The step a waiting stage names: 'To Schedule' -> schedule, 'Needs Scheduling' -> scheduling."""
    words = normalise(name).split()
    return [w for a, w in itertools.pairwise(words) if a in waiting]


def negation_fit(value: str, stage_name: str) -> bool | None:
    """True: the value waits for the step the stage waits for; False: it negates a word of the stage,
    or it has taken the step the stage waits for; None: negation says nothing about the pair."""
    roots = negated_roots(value)
    if not roots:  # 'Confirmed' has taken the step 'Awaiting Confirmation' still waits for
        done = [w for w in normalise(value).split() if w.endswith(("ed", "d"))]
        awaited = awaited_roots(
            stage_name, WAITING_WORDS - {"to"}
        )  # 'Converted to Invoice' waits for nothing
        return False if any(_stem_kin(d, a) for d in done for a in awaited) else None
    # 'unconfirmed' waits for what 'Awaiting Confirmation' awaits: the done form beside the awaited one
    if any(_kin(r, a) or _stem_kin(r, a) for r in roots for a in awaited_roots(stage_name)):
        return True
    if any(_kin(r, w) for r in roots for w in normalise(stage_name).split()):
        return False
    return None
