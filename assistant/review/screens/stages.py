"""Stage maps: each source status value with its count → a real pipeline stage and status."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from assistant.mapping.items import StageValueMap
from assistant.mapping.models import Proposal
from assistant.review.costs import cost_line
from assistant.review.screens.items import ItemsScreen
from assistant.review.style import confidence_text, status_text


class StagesScreen(ItemsScreen):
    SCOPE_NAME = "stage maps"
    SCREEN_TITLE = "Stage maps · e picks a pipeline stage and opportunity status"
    COLUMNS = ("Source value", "Count", "Pipeline", "Stage", "Opp. status", "Conf.", "Status")

    def all_items(self) -> list[Proposal]:
        return list(self.review.session.document.stages)

    def cells(self, item: Proposal) -> tuple[RenderableType, ...]:
        assert isinstance(item, StageValueMap)
        missing = Text("⚑ pick a stage", "bold red")
        return (
            Text(
                item.source_label if item.whole_table else f"{item.source_column} = {item.source_value}",
                "bold",
            ),
            Text(str(item.count), justify="right"),
            Text(item.pipeline_name or "", "cyan") if item.pipeline_id else missing,
            Text(item.stage_name or "", "cyan") if item.stage_id else Text(""),
            item.opportunity_status.value,
            confidence_text(item.confidence, self.review.threshold),
            status_text(item.status),
        )

    def searchable(self, item: Proposal) -> str:
        assert isinstance(item, StageValueMap)
        return f"{item.source_label} {item.pipeline_name or ''} {item.stage_name or ''}"

    def detail(self, item: Proposal) -> RenderableType:
        assert isinstance(item, StageValueMap)
        flag = Text("flagged: no stage fits well, decide by hand", "bold red") if item.flagged else Text("")
        cost = cost_line(self.review.costs, item.id)
        return Group(
            Text(
                f"{item.source_label}: no column names a stage"
                if item.whole_table
                else f"{item.source_object}.{item.source_column} = {item.source_value!r}",
                "bold",
            ),
            Text(item.rationale or "", "italic"),
            *(Text(f"  {e.detail}") for e in item.evidence[:1] if item.whole_table),
            flag,
            Text(f"  ▸ {cost}", "yellow") if cost else Text(""),
        )

    def action_edit(self) -> None:
        if item_id := self.current_id():
            self.review.stage_flow(item_id)
