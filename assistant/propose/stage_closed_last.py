"""A bare 'Closed' beside an agreement that fits the same two stages: the close comes after.

'Accepted' and 'Closed' both read as won, and both fit 'Client Approved' and 'Invoiced' alike. Their
meanings still give an order: a quote is accepted, then closed once it became an invoice or a job;
a close says only that the record's course ended, so it takes the later of the two stages and the
agreement the earlier (as a sign-off follows the work it checks).
"""

from __future__ import annotations

from assistant.propose.normalize import normalise
from assistant.propose.stage_groups import bare

CLOSED = frozenset({
    "closed", "cerrado", "cerrada", "ferme", "fermee", "cloture", "cloturee", "geschlossen", "fechado",
    "fechada", "chiuso", "chiusa",
})  # fmt: skip


def closes_last(value: str) -> bool:
    """The value says only that the record's course ended ('Closed', 'Cerrado')."""
    return normalise(bare(value)) in CLOSED
