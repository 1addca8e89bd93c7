"""What ``--yes`` rejected and what that costs: nothing below the threshold disappears unsaid."""

from __future__ import annotations

from rich.console import Console

from assistant.mapping import store
from assistant.mapping.loss import Loss, decision_losses
from assistant.workspace import Workspace

SHOWN = 15


def rejection_costs(ws: Workspace, rejected: list[str]) -> list[Loss]:
    """The losses of the rejected items, largest first."""
    wanted = set(rejected)
    doc = store.load_confirmed(ws)
    found = [loss for loss in decision_losses(ws.connect(), doc) if loss.item_id in wanted]
    return sorted(found, key=lambda loss: (-loss.records, -loss.values, loss.item_id))


def print_rejection_costs(ws: Workspace, rejected: list[str], console: Console) -> None:
    costs = rejection_costs(ws, rejected)
    records, values = sum(c.records for c in costs), sum(c.values for c in costs)
    console.print(
        f"Rejected below the threshold: {len(rejected)} proposals; they leave {records} source records "
        f"and {values} filled values behind",
        markup=False,
        style="yellow",
    )
    for cost in costs[:SHOWN]:
        sizes = [f"{cost.records} records"] if cost.records else []
        sizes += [f"{cost.values} values"] if cost.values else []
        console.print(f"  rejected {cost.item_id} ({', '.join(sizes)}): {cost.why}", markup=False)
    free = len(rejected) - len(costs)
    more = len(costs) - SHOWN
    if more > 0:
        console.print(f"  … and {more} more (every one in the plan's reports/plan-losses.md)", markup=False)
    if free:
        console.print(f"  {free} rejected proposals carry no source value (nothing lost)", markup=False)
