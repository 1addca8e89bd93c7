"""What the migration wrote: the ledger's last successful create or update of every operation.

Every row names the HighLevel record it went to and the body sent; several writes can land on one
record (a contact created from a client, then updated with an invoice's fields), in ledger order.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import duckdb

from assistant.execute import ledger
from assistant.execute.deal_tags_spec import DEAL_TAGS
from assistant.execute.document_readback import DOCUMENT_OBJECTS, document_view
from assistant.execute.verify.messages import sent_view

# HighLevel objects the read-back can list; anything else written is reported as unverifiable.
READABLE = (
    "contact", "company", "opportunity", "task", "note", "product", "custom_object", "appointment",
    "message", *DOCUMENT_OBJECTS,
)  # fmt: skip


@dataclass(frozen=True)
class Written:
    op_id: str
    object: str
    source_object: str
    source_key: str
    hl_id: str
    parent_id: str | None
    sent: dict[str, Any]
    outcome: str = "created"  # "existing": HighLevel matched a record already there; nothing was written
    adds: bool = False  # tags added beside the record's own (a deal row's tags on its contact)


def written(con: duckdb.DuckDBPyConnection, location_id: str) -> list[Written]:
    """Records written into ``location_id`` and not rolled back, oldest write first."""
    ledger.ensure(con)
    rows = con.execute(
        """SELECT op_id, object, source_object, source_key, hl_id, parent_id, sent, outcome FROM (
            SELECT l.* FROM exec.ledger l JOIN exec.runs r USING (run_id) WHERE r.location_id = ?
            QUALIFY row_number() OVER (PARTITION BY l.op_id ORDER BY l.updated_at DESC) = 1)
        WHERE status = 'done' AND action IN ('create', 'update', 'link') AND hl_id IS NOT NULL
        AND sent IS NOT NULL ORDER BY updated_at, op_id""",
        [location_id],
    ).fetchall()
    out: list[Written] = []
    for op_id, obj, source_object, key, hl_id, parent_id, sent, outcome in rows:
        body = json.loads(sent)
        if obj == "company_link":  # one bulk request set businessId on each contact it names
            link = {"businessId": body.get("businessId")}
            out += [
                Written(op_id, "contact", "company_link", key, str(c), None, link)
                for c in body.get("ids") or []
            ]
        elif obj == DEAL_TAGS:  # read back as tags the contact holds among its others
            tags = {"tags": body.get("rowTags") or []}
            out.append(Written(op_id, "contact", source_object, key, hl_id, parent_id, tags, "created", True))
        else:
            body = document_view(body) if obj in DOCUMENT_OBJECTS else body  # compared as documents
            body = sent_view(body) if obj == "message" else body  # compared as messages
            out.append(Written(op_id, obj, source_object, key, hl_id, parent_id, body, outcome or "created"))
    return out


def write_requests(con: duckdb.DuckDBPyConnection, location_id: str) -> int:
    """Write requests the migration sent into ``location_id`` (every attempt of every operation)."""
    ledger.ensure(con)
    row = con.execute(
        """SELECT coalesce(sum(coalesce(l.attempts, 1)), 0) FROM exec.ledger l JOIN exec.runs r USING (run_id)
        WHERE r.location_id = ?""",
        [location_id],
    ).fetchone()
    return int(row[0]) if row else 0
