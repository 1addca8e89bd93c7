"""A nested object's key glued to its name ('substatus.substatusid') over base64 ids is skipped."""

from __future__ import annotations

from assistant.mapping.models import FieldKind
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.fields.compound_keys import compound_key
from tests.propose_factory import S, col, destination, table

IDS = {"MR4ipfapBQegeA==": 1, "j4zFqW1LBwSGxg==": 1, "7tTlqjDE4T0mMQ==": 1}


def test_the_objects_name_and_id_in_one_leaf_over_ids_is_a_key() -> None:
    assert compound_key(col("jobs", "substatus.substatusid", S.FREE_TEXT, values=IDS))
    assert compound_key(col("clients", "terms.termid", S.PICKLIST, values={"12": 3, "14": 2}))
    # another object's id, a leaf without the object, or order numbers are not
    assert not compound_key(col("jobs", "substatus.statusid", S.FREE_TEXT, values=IDS))
    assert not compound_key(col("jobs", "substatusid", S.FREE_TEXT, values=IDS))
    assert not compound_key(col("jobs", "order.orderid", S.FREE_TEXT, values={"W01 02/2": 1, "A 7": 1}))


def test_a_nested_status_key_is_skipped_and_its_label_kept() -> None:
    jobs = table(
        "jobs",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("title", S.FREE_TEXT, {"unique_share": 1.0}),
         ("amount", S.MONEY, {}), ("status", S.PICKLIST, {"values": {"Won": 10, "Lost": 10}}),
         ("substatus.substatusid", S.FREE_TEXT, {"values": IDS, "unique_share": 1.0, "null_share": 0.8}),
         ("substatus.substatus", S.PICKLIST, {"values": {"Waiting for Parts": 3}, "null_share": 0.8})],
        key="id",
    )  # fmt: skip
    doc = propose_offline(ProposeInputs([jobs], destination()))
    fields = {f.source_columns[0]: f for f in doc.fields}
    assert fields["substatus.substatusid"].target.kind == FieldKind.SKIP
    assert fields["substatus.substatus"].target.kind != FieldKind.SKIP
