"""The workflow rebuild reference: source automations, workflows and integrations that do not migrate.

Every source object the confirmed map sends to ``no_equivalent`` (or marks ``rebuild_reference``)
is written out row by row, so the admin can rebuild it in HighLevel's Workflow Builder with the
original definition at hand: its trigger, conditions, steps and delays as the source recorded them.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from assistant.mapping.items import MappingDocument, ObjectMap
from assistant.mapping.models import Status, TargetObject
from assistant.transforms.sqltext import ident

GUIDANCE = (
    "HighLevel does not import workflows, automations, sequences, accounting connections or access rules. "
    "Rebuild each one natively in HighLevel's Workflow Builder (Automation → Workflows): recreate the "
    "trigger, then its conditions, actions and time delays in order; reconnect payment and accounting "
    "integrations in HighLevel's own settings; recreate user roles and restrictions under Settings → Team. "
    "Tags migrated with the records keep the names these definitions refer to."
)
MAX_ROWS = 500


def rebuild_objects(doc: MappingDocument) -> list[ObjectMap]:
    return [
        om
        for om in doc.objects
        if om.status != Status.REJECTED
        and any(t.object == TargetObject.NO_EQUIVALENT or t.role == "rebuild_reference" for t in om.targets)
    ]


def write_rebuild_reference(con: duckdb.DuckDBPyConnection, doc: MappingDocument, folder: Path) -> Path:
    lines = ["# Workflow rebuild reference", "", GUIDANCE, ""]
    objects = rebuild_objects(doc)
    if not objects:
        lines.append(
            "The confirmed map sends no source object to `no_equivalent`: nothing to rebuild by hand."
        )
    for om in objects:
        lines += [f"## {om.source_object}", "", om.rationale or "No HighLevel equivalent.", ""]
        exists = con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'raw' AND table_name = ?",
            [om.source_object],
        ).fetchone()
        if not exists or not exists[0]:
            lines += ["(not in the ingested export)", ""]
            continue
        cursor = con.execute(f'SELECT * FROM raw.{ident(om.source_object)} ORDER BY "_row" LIMIT {MAX_ROWS}')
        names = [d[0] for d in cursor.description or [] if not d[0].startswith("_")]
        for row in cursor.fetchall():
            record = dict(zip([d[0] for d in cursor.description or []], row, strict=True))
            title = next((str(record[n]) for n in names if record.get(n)), f"record {record.get('_row')}")
            lines.append(f"### {title}")
            lines += [f"- **{n}**: {str(record[n]).replace(chr(10), ' ')}" for n in names if record.get(n)]
            lines.append("")
    path = folder / "workflow-rebuild-reference.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
