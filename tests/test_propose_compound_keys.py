"""A nested object's key glued to its name ('substatus.substatusid') over base64 ids is skipped."""

from __future__ import annotations

from assistant.mapping.models import FieldKind
from assistant.propose.engine import ProposeInputs, propose_offline
from tests.propose_factory import S, destination, table

IDS = {"MR4ipfapBQegeA==": 1, "j4zFqW1LBwSGxg==": 1, "7tTlqjDE4T0mMQ==": 1}


def _kinds(key: str, values: dict[str, int]) -> dict[str, FieldKind]:
    jobs = table(
        "jobs",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("title", S.FREE_TEXT, {"unique_share": 1.0}),
         ("amount", S.MONEY, {}), ("status", S.PICKLIST, {"values": {"Won": 10, "Lost": 10}}),
         (key, S.FREE_TEXT, {"values": values, "unique_share": 1.0, "null_share": 0.8}),
         ("substatus.substatus", S.PICKLIST, {"values": {"Waiting for Parts": 3}, "null_share": 0.8})],
        key="id",
    )  # fmt: skip
    doc = propose_offline(ProposeInputs([jobs], destination()))
    return {f.source_columns[0]: f.target.kind for f in doc.fields}


def test_a_nested_status_key_is_skipped_and_its_label_kept() -> None:
    kinds = _kinds("substatus.substatusid", IDS)
    assert kinds["substatus.substatusid"] == FieldKind.SKIP
    assert kinds["substatus.substatus"] != FieldKind.SKIP


def test_another_objects_id_or_order_numbers_under_such_a_leaf_are_kept() -> None:
    assert _kinds("substatus.statusid", IDS)["substatus.statusid"] != FieldKind.SKIP
    orders = {"W01 02/2": 1, "A 7 B": 1, "W9 03/1": 1}
    assert _kinds("substatus.substatusid", orders)["substatus.substatusid"] != FieldKind.SKIP
