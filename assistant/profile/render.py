"""Profiles on the terminal: one rich table per source table."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from assistant.profile.models import ColumnProfile, TableProfile


def _detail(column: ColumnProfile) -> str:
    parts = [p for p in (column.format, column.currency, column.country) if p and p != column.locale]
    if column.locale:
        parts.insert(0, f"locale {column.locale}")
    if column.separator:
        parts.append(f"separator '{column.separator}'")
    if column.true_values:
        parts.append("true=" + "/".join(column.true_values))
    if column.foreign_key:
        fk = column.foreign_key
        parts.append(f"→ {fk.target_table}.{fk.target_column} ({fk.resolved_share:.0%})")
    parts.extend(column.evidence[:2])
    return "; ".join(parts)


def _top(column: ColumnProfile, limit: int = 3) -> str:
    return ", ".join(f"{v.value[:24]} ({v.count})" for v in column.top_values[:limit])


def render_table(console: Console, profile: TableProfile) -> None:
    title = f"{profile.table}: {profile.row_count} rows, {profile.column_count} columns"
    if profile.primary_key:
        title += f", key {profile.primary_key}"
    if profile.parent_table:
        title += f", child of {profile.parent_table}"
    table = Table(title=title, title_justify="left", show_lines=False)
    for header in ("column", "type", "evidence / format", "null%", "distinct", "top values"):
        table.add_column(header, overflow="fold")
    for column in profile.columns:
        table.add_row(
            column.column,
            column.semantic_type.value,
            _detail(column),
            f"{column.null_share:.0%}",
            str(column.distinct_count),
            _top(column),
        )
    console.print(table)
    for group in profile.duplicates[:10]:
        rows = ", ".join(str(r) for r in group.row_numbers[:8])
        console.print(f"  duplicate {group.column} [bold]{group.value}[/]: rows {rows}", highlight=False)
    if len(profile.duplicates) > 10:
        console.print(f"  … {len(profile.duplicates) - 10} more duplicate groups")
