"""The state of an act done with a document ('EmailStatus' = EmailSent / NeedToSend, 'Print Status')
never places the deal in a pipeline: the document's own status column does, even when the act's
header reads closer to the stage field."""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.profile.models import TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from tests.propose_factory import S, destination, table

ROWS = 20


def _fields(tables: list[TableProfile]) -> dict[str, FieldMap]:
    doc = propose_offline(ProposeInputs(tables, destination()))
    return {f"{f.source_object}.{f.source_columns[0]}": f for f in doc.fields}


def _quotes(act_header: str) -> TableProfile:
    return table(
        "quotes",
        [
            ("Id", S.IDENTIFIER, {"unique_share": 1.0}),
            ("Title", S.FREE_TEXT, {"unique_share": 1.0}),
            ("Total", S.MONEY, {"locale": "en"}),
            (act_header, S.PICKLIST, {"values": {"EmailSent": 14, "NeedToSend": 6}, "distinct_count": 2}),
            ("TxnStatus", S.PICKLIST, {"values": {"Pending": 8, "Accepted": 6, "Closed": 4, "Rejected": 2}}),
        ],
        rows=ROWS,
        key="Id",
    )


def _stage_column(fields: dict[str, FieldMap]) -> list[str]:
    return [key for key, f in fields.items() if f.target.field == "pipelineStageId"]


def test_an_email_status_is_no_stage_and_the_documents_own_status_is() -> None:
    for header in ("EmailStatus", "Print Status", "sync_state"):
        fields = _fields([_quotes(header)])
        assert _stage_column(fields) == ["quotes.TxnStatus"], header
        assert fields[f"quotes.{header}"].target.field not in ("pipelineStageId", "status"), header
