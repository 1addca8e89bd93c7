"""Status words that say how a record stands rather than which step it reached, as data.

'Today', 'Late' or 'Active' name no stage of any pipeline, yet each says the work is under way;
'Archived' says a record was put away. Normalised like every vocabulary (lower case, no accents),
in the languages the stage concepts hold. General CRM and field-service language, never one
platform's list.
"""

from __future__ import annotations

# fmt: off
STATUS_WORDS: dict[str, tuple[str, ...]] = {
    # Being worked now, due now or overdue: still open, past scheduling, not yet done.
    "underway": (
        "active", "activo", "activa", "ongoing", "today", "due today", "hoy", "para hoy", "late", "overdue",
        "delayed", "behind schedule", "retrasado", "retrasada", "atrasado", "atrasada", "en marcha",
        "aktiv", "laufend", "heute", "verspatet", "uberfallig", "actif", "aujourd hui",
        "en retard", "ativo", "ativa", "hoje", "em curso", "attivo", "attiva", "oggi", "in ritardo",
        "dispatched", "en route", "on site", "on the way",
    ),
    # Put away: on a pipeline of work that ends in a completion, a finished job.
    "archived": (
        "archived", "archivado", "archivada", "archiviert", "archive", "archivee", "arquivado",
        "arquivada", "archiviato", "archiviata",
    ),
    # Accepted and waiting for a date: past the quote, before the scheduled visit.
    "to_schedule": (
        "work order", "job order", "ready to schedule", "ready for scheduling", "to be scheduled",
        "orden de trabajo", "arbeitsauftrag", "bon de travail", "ordem de servico", "ordine di lavoro",
    ),
}

# Header words of a column that gives each stage its place in the source's own order.
ORDER_HEADER_WORDS: frozenset[str] = frozenset({
    "order", "position", "sort", "sequence", "seq", "rank", "step", "orden", "posicion", "secuencia",
    "reihenfolge", "ordre", "ordem", "posicao", "ordine", "posizione",
})

# Header words of a deal's win probability: stages further along carry a higher one.
PROBABILITY_HEADER_WORDS: frozenset[str] = frozenset({
    "probability", "likelihood", "probabilidad", "wahrscheinlichkeit", "probabilite", "probabilidade",
    "probabilita",
})

# The usual order of the open steps a record goes through (stage concepts of
# ``vocabulary_records.STAGE_CONCEPTS``): a sale, then the work it became.
LIFECYCLE: tuple[str, ...] = (
    "new", "qualified", "discovery", "demo", "sent", "opened", "pending", "revision", "negotiation",
    "closing", "scheduled", "assigned", "en_route", "in_progress", "review", "to_invoice",
)
# fmt: on
