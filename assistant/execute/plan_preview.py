"""The dry-run preview of the plan: the first record requests exactly as they will be sent."""

from __future__ import annotations

import json
from typing import Any

import duckdb

from assistant.execute.calls import Call, Ids, build_call
from assistant.execute.deal_tags import preview_call as deal_tags_call
from assistant.execute.deal_tags_spec import DEAL_TAGS
from assistant.execute.document_records import document_call
from assistant.execute.history_setup import preview_call as message_preview
from assistant.execute.prepare import Prepared
from assistant.execute.products import price_body
from assistant.execute.runner import records
from assistant.execute.specs import DOCUMENT_KINDS


class _Placeholders(dict[str, str]):
    """Ids of records that do not exist yet, shown as readable placeholders in a preview."""

    def get(self, key: str, default: Any = None) -> str:
        return f"<id of {key}>"


def preview(con: duckdb.DuckDBPyConnection, prepared: Prepared, location_id: str, count: int) -> list[Call]:
    """The first ``count`` record requests, exactly as they will be sent (ids not yet known shown as <…>)."""
    ids = Ids(records=_Placeholders(), calendar_id="<default calendar>")
    keys = {f.field_key for f in prepared.doc.custom_fields()}
    ids.fields = {k: f"<id of custom field {k}>" for k in keys}
    calls: list[Call] = []
    per = max(1, count // max(1, len(prepared.specs)))
    for spec in prepared.specs:
        for key, values, _ in records(con, spec, None):
            if spec.target in DOCUMENT_KINDS:
                calls.append(document_call(spec, key, values, "USD"))
            elif spec.target == DEAL_TAGS:
                calls.append(deal_tags_call(spec, values, ids))
            elif spec.target == "message":
                calls.append(message_preview(spec, values, None))
            else:
                calls.append(build_call(spec, values, ids, location_id))
            if sum(1 for c in calls if c.target == spec.target) >= per:
                break
    return calls[:count]


def call_text(call: Call) -> str:
    head = f"{call.method} {call.path}\nAuthorization: Bearer ****\n"
    text = head + json.dumps(call.body, indent=2, ensure_ascii=False)
    price = price_body(call, "<location currency>") if call.target == "product" else None
    if price is not None:  # the product's price follows its create
        text += "\nPOST /products/<id of this product>/price\n" + json.dumps(
            price, indent=2, ensure_ascii=False
        )
    return text
