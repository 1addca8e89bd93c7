"""Required dates: a documented fallback column where the due date is blank, and source times without an
offset read in the source's time zone and sent as UTC."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from pydantic import ValidationError

from assistant.execute.specs import RecordSpec
from assistant.execute.transforms.build import outputs_for
from assistant.mapping.items import FieldMap, FieldTarget, ObjectMap, ObjectTarget, Transform
from assistant.mapping.models import FieldKind, TargetObject, TransformKind
from assistant.profile import profile_workspace
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.fields import add_date_fallbacks
from assistant.settings import Settings
from assistant.transforms.kinds import ZONE_VARIABLE
from assistant.workspace import Workspace
from tests.test_profile_data import _varchar_table


def column(name: str, position: int, null_share: float) -> ColumnProfile:
    return ColumnProfile(
        table="incidents", column=name, position=position, semantic_type=SemanticType.DATETIME,
        type_share=1.0, null_share=null_share, format="%Y-%m-%d",
    )  # fmt: skip


def task_spec(fm: FieldMap) -> RecordSpec:
    om = ObjectMap(
        id="object:incidents", source_object="incidents", targets=[ObjectTarget(object=TargetObject.TASK)]
    )
    return RecordSpec("task", "incidents", om, om.targets[0], fields=[fm])


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


def blank(name: str, position: int) -> ColumnProfile:
    return ColumnProfile(
        table="incidents", column=name, position=position, semantic_type=SemanticType.EMPTY,
        type_share=0.0, null_share=1.0, row_count=2, null_count=2,
    )  # fmt: skip


def skipped(name: str) -> FieldMap:
    return FieldMap(
        id=f"field:incidents.{name}",
        source_object="incidents",
        source_columns=[name],
        target=FieldTarget(kind=FieldKind.SKIP),
        rationale="skipped: every value is blank",
    )


def test_a_due_date_column_blank_on_every_row_still_feeds_the_due_date_through_its_fallback() -> None:
    """Two open tickets: nothing closed yet, so 'closing-date' is blank on every row; a task without
    a due date is refused, so the blank column keeps the due date and its rows take the creation date."""
    cols = [column("creation-date", 0, 0.0), blank("closing-date", 1), blank("resolution", 2)]
    closing, resolution = skipped("closing-date"), skipped("resolution")
    add_date_fallbacks(TargetObject.TASK, [resolution, closing], cols)
    assert (closing.target.object, closing.target.field) == (TargetObject.TASK, "dueDate")
    assert closing.transform.kind == TransformKind.DATE
    assert closing.transform.params["fallback_columns"] == ["creation-date"]
    assert "blank on every row" in closing.rationale and "take 'creation-date' instead" in closing.rationale
    assert resolution.target.kind == FieldKind.SKIP  # names no date
    (out,) = outputs_for(closing, task_spec(closing), {}, None, {}, "dueDate")
    con = duckdb.connect()
    con.execute(
        """CREATE TABLE src AS SELECT * FROM (VALUES (NULL, '2024-03-02 09:30:00'))
        AS t("closing-date", "creation-date")"""
    )
    assert con.execute(f"SELECT {out.value} FROM src").fetchall() == [("2024-03-02T09:30:00Z",)]


def test_a_blank_date_column_stays_skipped_without_a_filled_date_to_fall_back_on() -> None:
    closing = skipped("closing-date")
    add_date_fallbacks(TargetObject.TASK, [closing], [blank("closing-date", 0), blank("creation-date", 1)])
    assert closing.target.kind == FieldKind.SKIP and not closing.transform.params


def test_a_blank_creation_date_is_never_the_due_date() -> None:
    created = skipped("creation-date")
    cols = [blank("creation-date", 0), column("visit-date", 1, 0.0)]
    add_date_fallbacks(TargetObject.TASK, [created], cols)
    assert created.target.kind == FieldKind.SKIP


def test_compiled_due_date_takes_the_fallback_only_where_the_column_is_blank() -> None:
    fm = due_map()
    fm.transform.params["fallback_columns"] = ["creation-date"]
    spec = task_spec(fm)
    (out,) = outputs_for(fm, spec, {}, None, {}, "dueDate")
    con = duckdb.connect()
    con.execute(
        """CREATE TABLE src AS SELECT * FROM (VALUES ('2024-05-01', '2024-04-01'), (NULL, '2024-03-02'))
        AS t("closing-date", "creation-date")"""
    )
    got = [r[0] for r in con.execute(f"SELECT {out.value} FROM src").fetchall()]
    assert got == ["2024-05-01T00:00:00Z", "2024-03-02T00:00:00Z"]


def test_times_without_an_offset_are_read_in_the_source_zone_and_sent_as_utc() -> None:
    fm = due_map()
    fm.transform.params["format"] = "%Y-%m-%d %H:%M:%S"
    spec = task_spec(fm)
    (out,) = outputs_for(fm, spec, {}, None, {}, "dueDate")
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    con.execute(
        """CREATE TABLE src AS SELECT * FROM (VALUES ('2024-07-01 10:00:00'), ('2024-07-01T10:00:00+0000'))
        AS t("closing-date")"""
    )
    assert [r[0] for r in con.execute(f"SELECT {out.value} FROM src").fetchall()] == [
        "2024-07-01T10:00:00Z",  # no zone known: the wall clock is taken as UTC
        "2024-07-01T10:00:00Z",
    ]
    con.execute(f"SET VARIABLE {ZONE_VARIABLE} = 'Europe/Madrid'")
    assert [r[0] for r in con.execute(f"SELECT {out.value} FROM src").fetchall()] == [
        "2024-07-01T08:00:00Z",  # 10:00 in Madrid (summer, UTC+2)
        "2024-07-01T10:00:00Z",  # an explicit offset wins over the zone
    ]


def test_an_unknown_source_zone_is_refused_naming_the_setting() -> None:
    with pytest.raises(ValidationError) as raised:
        Settings(execute={"source_timezone": "Mars/Olympus"})  # type: ignore[arg-type]
    assert "source_timezone" in str(raised.value) and "Mars/Olympus" in str(raised.value)


def test_a_hand_typed_date_reading_both_ways_is_counted_and_its_row_takes_the_fallback(
    tmp_path: Path,
) -> None:
    """Twelve tasks, one due date typed '05/12/2022' among ISO dates: May 12 or 5 December, which the
    column cannot settle, so the executor leaves it unread; the map names the completion date for it."""
    ws = Workspace(tmp_path / "ws").ensure()
    due = [f"2023-0{m}-1{m}" for m in range(1, 10)] + ["05/12/2022", "25/12/2022", "2024-01-02"]
    rows: list[dict[str, str | None]] = [
        {"due_date": d, "completed_at": f"2024-02-{n + 1:02d} 00:00:00" if n % 2 else None}
        for n, d in enumerate(due)
    ]
    _varchar_table(ws.connect(), "tasks", rows)
    try:
        cols = next(p for p in profile_workspace(ws) if p.table == "tasks").columns
    finally:
        ws.close()
    source = next(c for c in cols if c.column == "due_date")
    assert source.type_share == 1.0 and source.extra["ambiguous_dates"] == round(1 / 12, 4)
    assert any("1 value(s) read as day/month and as month/day" in e for e in source.evidence)
    fm = FieldMap(
        id="field:tasks.due_date",
        source_object="tasks",
        source_columns=["due_date"],
        target=FieldTarget(kind=FieldKind.STANDARD, object=TargetObject.TASK, field="dueDate"),
        transform=Transform(kind=TransformKind.DATE, params={"format": "%Y-%m-%d"}),
        rationale="'due_date' is the due date",
    )
    add_date_fallbacks(TargetObject.TASK, [fm], cols)
    assert fm.transform.params["fallback_columns"] == ["completed_at"]
    assert "read both day/month and month/day" in fm.rationale
