"""A quote's course read from its status words: answers to something sent, and a close that ends it.

Some status columns hold only outcomes: 'pending' / 'won' / 'lost' says of an open deal only that it
is not decided yet, so it starts at the first stage. A quote's or estimate's status says more: when
its closed values are answers to something sent ('Accepted', 'Rejected', 'Declined', 'Signed'),
the open one between them is the document sent and awaiting that answer, and it goes to the stage
of a sent proposal, not the first one.

A bare 'Closed' beside such an agreement may fit the same two stages ('Accepted' and 'Closed' both
read as won, and both fit 'Client Approved' and 'Invoiced' alike). Their meanings still give an
order: a quote is accepted, then closed once it became an invoice or a job; a close says only that
the record's course ended, so it takes the later of the two stages and the agreement the earlier.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.propose.normalize import normalise
from assistant.propose.stage_groups import bare

ANSWERS = frozenset({
    "accepted", "approved", "rejected", "declined", "refused", "signed",
    "aceptado", "aceptada", "aprobado", "aprobada", "rechazado", "rechazada", "firmado", "firmada",
    "accepte", "acceptee", "refuse", "refusee", "rejete", "rejetee", "signe", "signee",
    "angenommen", "akzeptiert", "abgelehnt", "unterschrieben",
    "aceito", "aprovado", "recusado", "rejeitado", "assinado",
    "accettato", "approvato", "rifiutato", "respinto", "firmato",
})  # fmt: skip
CLOSED = frozenset({
    "closed", "cerrado", "cerrada", "ferme", "fermee", "cloture", "cloturee", "geschlossen", "fechado",
    "fechada", "chiuso", "chiusa",
})  # fmt: skip


def holds_answers(values: Sequence[str]) -> bool:
    """Some value is a customer's answer to something sent ('Accepted', 'Rejected')."""
    return any(normalise(bare(v)) in ANSWERS for v in values)


def closes_last(value: str) -> bool:
    """The value says only that the record's course ended ('Closed', 'Cerrado')."""
    return normalise(bare(value)) in CLOSED
