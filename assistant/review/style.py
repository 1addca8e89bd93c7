"""Colours shared by the screens: status and confidence at a glance."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from assistant.mapping.models import Status

STATUS_STYLE = {
    Status.PROPOSED: ("● pending", "bold yellow"),
    Status.ACCEPTED: ("✔ accepted", "bold green"),
    Status.EDITED: ("✎ edited", "bold cyan"),
    Status.REJECTED: ("✘ rejected", "red"),
}

# A status changes after its row was sized: the column is as wide as the longest label, always.
STATUS_WIDTH = max(cell_len(label) for label, _ in STATUS_STYLE.values())


def clip(text: str, width: int, style: str = "") -> Text:
    """``text`` cut to ``width`` cells with an ellipsis, so tables keep their columns."""
    out = Text(text, style=style, no_wrap=True)
    out.truncate(width, overflow="ellipsis")
    return out


def status_text(status: Status) -> Text:
    label, style = STATUS_STYLE[status]
    return Text(label, style=style)


def confidence_text(confidence: float, threshold: float = 0.7) -> Text:
    style = "green" if confidence >= threshold else "yellow" if confidence >= 0.5 else "bold red"
    filled = round(confidence * 3)
    bar = "█" * filled + "░" * (3 - filled)
    return Text(f"{confidence:4.2f} {bar}", style=style)


def counts_text(
    counts: dict[Status, int], project: str, who: str, saving: bool = False, stale: bool = False
) -> Text:
    text = Text.assemble(("hlmap review", "bold"), "  ", (project, "bold magenta"), f"  ·  {who}  ·  ")
    for status in (Status.PROPOSED, Status.ACCEPTED, Status.EDITED, Status.REJECTED):
        label, style = STATUS_STYLE[status]
        text.append(f"{label} {counts[status]}", style=style)
        text.append("   ")
    text.append("saving…" if saving else "saved", style="italic yellow" if saving else "dim")
    if stale:
        text.append("   confirmed map is out of date (c)", style="bold red")
    return text
