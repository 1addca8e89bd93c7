"""How well a source status value fits a destination stage, and what a status says about a deal.

Status words are read through the vocabulary's stage concepts (won, lost, sent, pending...):
two names of one concept match even when they share no letters ('Up for Renewal' and
'Upcoming Renewal'), two concepts that contradict each other never do ('Caducado' is not
'Aceptado'), and a few neighbouring concepts half-match ('Cancelled' may close as 'Churned').
"""

from __future__ import annotations

from rapidfuzz import fuzz

from assistant.highlevel.state import Stage
from assistant.mapping.models import OpportunityStatus
from assistant.propose.normalize import normalise, phrase_matcher
from assistant.propose.stage_negation import negation_fit
from assistant.propose.vocabulary_records import STAGE_CONCEPTS

stage_concepts = phrase_matcher(STAGE_CONCEPTS)
OUTCOME = {
    "won": OpportunityStatus.WON,
    "lost": OpportunityStatus.LOST,
    "abandoned": OpportunityStatus.ABANDONED,
}
GOOD_STAGE = 0.6
SAME_CONCEPT = 0.9
RELATED_CONCEPT = 0.7
WORD_FAMILY = 0.8  # the same word in another form: a match, a little below a same-concept one
MIN_STEM = 5
# Concepts close enough that one may stand for the other when nothing closer exists: a lost and an
# abandoned deal both end closed; a pending quote is one sent and awaiting an answer.
RELATED_CONCEPTS: frozenset[frozenset[str]] = frozenset(
    {
        frozenset({"lost", "abandoned"}),
        frozenset({"pending", "sent"}),
        frozenset({"pending", "negotiation"}),
        frozenset({"closing", "negotiation"}),
        frozenset({"demo", "scheduled"}),  # 'Demo Scheduled' is a scheduled step too
    }
)
# (value, stage) concepts where the value is a narrower case of the stage, never the other way: a
# quote pending approval waits on the customer, but a bare 'pending' need not await an approval; work
# in progress on a quote pipeline (no stage of that name) is the quote being prepared.
NARROWER: frozenset[tuple[str, str]] = frozenset({("review", "pending"), ("in_progress", "quoting")})


def _singular(text: str) -> str:
    """Plural words in singular form ('Negotiations' -> 'negotiation'), 'progress' left whole."""
    words = normalise(text).split()
    return " ".join(w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w for w in words)


def lead_stage_concept(text: str) -> str | None:
    """The first stage concept the text names, plural words read as their singular too: without it
    'Negotiations Started' would be read by 'started' alone."""
    found = stage_concepts(text)
    singular = stage_concepts(_singular(text))
    if set(found) <= set(singular):
        found = singular  # singular forms only add concepts, never lose one the text named
    return found[0] if found else None


def stage_score(value: str, stage: Stage) -> float:
    """0..1: name similarity, raised when both name one concept, cut when their concepts disagree."""
    fuzzy = fuzz.token_set_ratio(normalise(value), normalise(stage.name)) / 100
    negation = negation_fit(value, stage.name)
    if negation is not None:  # 'Unscheduled' is no 'Scheduled' stage, it is the 'To Schedule' one
        return SAME_CONCEPT if negation else fuzzy * 0.5
    mine, theirs = lead_stage_concept(value), lead_stage_concept(stage.name)
    if mine and theirs and mine != theirs:
        if frozenset({mine, theirs}) in RELATED_CONCEPTS or (mine, theirs) in NARROWER:
            return max(RELATED_CONCEPT, fuzzy * 0.5)
        return fuzzy * 0.5  # 'Caducado' looks like 'Aceptado' but means the opposite
    concept = SAME_CONCEPT if mine and mine == theirs else 0.0
    family = WORD_FAMILY if same_word_family(value, stage.name) else 0.0
    return max(fuzzy if fuzzy >= 0.8 else fuzzy * 0.7, concept, family)


_SUFFIXES = ("ation", "ing", "ion", "ed", "e", "s")


def _stem(word: str) -> str:
    """The word without one common ending: 'preparation', 'preparing' and 'prepare' -> 'prepar'."""
    return next(
        (word[: -len(x)] for x in _SUFFIXES if word.endswith(x) and len(word) - len(x) >= MIN_STEM), word
    )


def last_open_end(stages: list[Stage]) -> Stage:
    """The last stage that is no loss: a won deal never lands on a trailing 'Cancelled' stage."""
    kept = [s for s in stages if lead_stage_concept(s.name) not in ("lost", "abandoned")]
    return (kept or stages)[-1]


def kin_words(a: str, b: str) -> bool:
    """One word in two forms ('Qualify' / 'Qualified', 'Proposition' / 'Proposal', 'Preparation' /
    'Preparing'): a shared stem of five letters or more that covers most of the shorter word, or the
    same stem once a common ending is taken off."""
    shared = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return a == b or (shared >= MIN_STEM and shared >= 0.7 * min(len(a), len(b))) or _stem(a) == _stem(b)


def same_word_family(value: str, name: str) -> bool:
    """Every word of the shorter name has a kin word in the longer one ('Negotiate' / 'Negotiation')."""
    mine, theirs = normalise(value).split(), normalise(name).split()
    short, long_ = sorted((mine, theirs), key=len)
    return bool(short) and all(any(kin_words(w, o) for o in long_) for w in short)


_APPOINTMENT_STATUS = {
    "won": "showed",
    "lost": "cancelled",
    "abandoned": "cancelled",
    "new": "new",
    "pending": "new",
    "scheduled": "confirmed",
    "demo": "confirmed",
    "assigned": "confirmed",
    "en_route": "confirmed",
    "sent": "confirmed",
    "in_progress": "confirmed",
    "on_hold": "new",
    "qualified": "confirmed",
    "negotiation": "confirmed",
}


def appointment_status(value: str) -> str | None:
    """HighLevel appointmentStatus for a source event state ('COMPLETED' -> showed), None when unknown."""
    concept = lead_stage_concept(value)
    return _APPOINTMENT_STATUS.get(concept) if concept else None


_OPEN_WORDS = frozenset(
    {
        "open", "abierto", "abierta", "active", "activo", "activa", "in progress", "pending", "pendiente",
        "offen", "aktiv", "ouvert", "ouverte", "en cours", "aberto", "aberta", "em aberto", "ativo",
        "aperto", "aperta", "attivo", "in corso",
        # past its expected date, still not won or lost: an open deal running late
        "late", "overdue", "past due", "en retard", "retrasado", "retrasada", "atrasado", "atrasada",
        "verspatet", "uberfallig", "in ritardo",
    }
)  # fmt: skip


def outcome_of(value: str) -> str | None:
    """'Won' -> won, 'Open' -> open; None when the value is a stage name rather than an outcome.
    A pause ('On Hold', 'Suspended') is still open: HighLevel's abandoned means the deal went cold."""
    concept = lead_stage_concept(value)
    if concept in OUTCOME:
        return concept
    if concept == "on_hold":
        return "open"
    return "open" if normalise(value) in _OPEN_WORDS else None
