"""A task HighLevel would refuse for want of a due date takes the documented fallback column instead."""

from __future__ import annotations

import duckdb

from assistant.execute.specs import RecordSpec
from assistant.execute.transforms.build import outputs_for
from assistant.mapping.items import FieldMap, FieldTarget, ObjectMap, ObjectTarget, Transform
from assistant.mapping.models import FieldKind, TargetObject, TransformKind
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.field_fallbacks import add_date_fallbacks


def column(name: str, position: int, null_share: float) -> ColumnProfile:
    return ColumnProfile(
        table="incidents", column=name, position=position, semantic_type=SemanticType.DATETIME,
        type_share=1.0, null_share=null_share, format="%Y-%m-%d",
    )  # fmt: skip


def due_map() -> FieldMap:
    return FieldMap(
        id="field:incidents.closing-date",
        source_object="incidents",
        source_columns=["closing-date"],
        target=FieldTarget(kind=FieldKind.STANDARD, object=TargetObject.TASK, field="dueDate"),
        transform=Transform(kind=TransformKind.DATE, params={"format": "%Y-%m-%d"}),
        rationale="closing date is the due date",
    )


def test_gaps_in_the_due_date_name_other_date_columns_creation_date_last() -> None:
    cols = [column("creation-date", 0, 0.0), column("closing-date", 1, 0.5), column("visit-date", 2, 0.2)]
    fm = due_map()
    add_date_fallbacks(TargetObject.TASK, [fm], cols)
    assert fm.transform.params["fallback_columns"] == ["visit-date", "creation-date"]
    assert "'visit-date' then 'creation-date'" in fm.rationale


def test_a_full_due_date_column_needs_no_fallback() -> None:
    fm = due_map()
    add_date_fallbacks(
        TargetObject.TASK, [fm], [column("closing-date", 0, 0.0), column("creation-date", 1, 0.0)]
    )
    assert "fallback_columns" not in fm.transform.params


def test_compiled_due_date_takes_the_fallback_only_where_the_column_is_blank() -> None:
    fm = due_map()
    fm.transform.params["fallback_columns"] = ["creation-date"]
    om = ObjectMap(
        id="object:incidents", source_object="incidents", targets=[ObjectTarget(object=TargetObject.TASK)]
    )
    spec = RecordSpec("task", "incidents", om, om.targets[0], fields=[fm])
    (out,) = outputs_for(fm, spec, {}, None, {}, "dueDate")
    con = duckdb.connect()
    con.execute(
        """CREATE TABLE src AS SELECT * FROM (VALUES ('2024-05-01', '2024-04-01'), (NULL, '2024-03-02'))
        AS t("closing-date", "creation-date")"""
    )
    got = [r[0] for r in con.execute(f"SELECT {out.value} FROM src").fetchall()]
    assert got == ["2024-05-01T00:00:00Z", "2024-03-02T00:00:00Z"]
