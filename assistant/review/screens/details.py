"""The detail pane under a field's row: why it was proposed, its runners-up, its custom field."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from assistant.mapping.items import FieldMap, ObjectMap
from assistant.mapping.models import FieldKind
from assistant.profile.models import ColumnProfile
from assistant.review.targets import label_for


def samples(column: ColumnProfile | None) -> str:
    if column is None:
        return "—"
    values = column.samples or [v.value for v in column.top_values]
    return ", ".join(values[:3]) or "—"


def profile_facts(column: ColumnProfile | None) -> str:
    if column is None:
        return "no profile"
    facts = [column.semantic_type.value]
    if column.type_share:
        facts.append(f"{column.type_share:.0%} fit")
    facts.append(f"{column.null_share:.0%} empty")
    if column.distinct_count:
        facts.append(f"{column.distinct_count} distinct")
    return " · ".join(facts)


def field_detail(item: FieldMap, column: ColumnProfile | None, facts: Sequence[str] = ()) -> RenderableType:
    parts: list[RenderableType] = [
        Text.assemble((item.id, "bold"), "  →  ", (label_for(item.target), "bold cyan")),
        Text(item.rationale or "no rationale given", "italic"),
    ]
    parts += [Text(f"  ▸ {fact}", "yellow") for fact in facts]
    for evidence in item.evidence[:3]:
        parts.append(Text(f"  • {evidence.source}: {evidence.detail}", "dim"))
    if column is not None and column.evidence:
        parts.append(Text("  • profile: " + "; ".join(column.evidence[:2]), "dim"))
    if item.alternatives:
        alternatives = Text("alternatives  ")
        for n, alt in enumerate(item.alternatives[:3], start=1):
            alternatives.append(f"[{n}] ", "bold magenta")
            alternatives.append(f"{alt.target} ({alt.score:.2f})   ")
        parts.append(alternatives)
    else:
        parts.append(Text("no alternatives", "dim"))
    spec = item.target.custom_field
    if spec is not None and item.target.kind is FieldKind.CUSTOM_NEW:
        body = Text.assemble(
            "new custom field ",
            (spec.name, "bold"),
            f" · {spec.data_type.value} · key {spec.field_key}",
            (f" · options {', '.join(spec.options)}" if spec.options else ""),
            "\nmodel ",
            (f" {spec.model.value.upper()} ", "bold reverse yellow"),
            " cannot change once created · ",
            (spec.model_reason or "no reason given", "italic"),
            "\n(d) edit dataType/options/model   (a) accept asks you to confirm the model",
        )
        parts.append(
            Panel(body, title="⚠ IRREVERSIBLE MODEL", border_style="bold yellow", title_align="left")
        )
    return Group(*parts)


def object_detail(item: ObjectMap, cost: str | None = None) -> RenderableType:
    targets = Text.assemble((item.id, "bold"), f"  {item.cardinality.value}  →  ")
    for n, target in enumerate(item.targets):
        targets.append(" + " if n else "")
        targets.append(target.custom_object_key or target.object.value, "bold cyan")
        extra = ", ".join(filter(None, [target.role, target.condition]))
        targets.append(f" ({extra})" if extra else "", "dim")
    facts = [f"{item.row_count:,} rows"]
    facts += [f"key {item.key_column}"] if item.key_column else []
    facts += [f"child of {item.parent_object}"] if item.parent_object else []
    parts: list[RenderableType] = [targets, Text(" · ".join(facts), "dim"), Text(item.rationale, "italic")]
    parts += [Text(f"  ▸ {cost}", "yellow")] if cost else []
    parts += [Text(f"  • {e.source}: {e.detail}", "dim") for e in item.evidence[:3]]
    if item.alternatives:  # 1-3 switch to one; its field maps are proposed again
        alternatives = Text("alternatives  ")
        for n, alt in enumerate(item.alternatives[:3], start=1):
            alternatives.append(f"[{n}] ", "bold magenta")
            alternatives.append(f"{alt.target} ({alt.score:.2f})   ")
        parts.append(alternatives)
    return Group(*parts)
