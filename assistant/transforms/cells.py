"""Reading cells that hold more than one value, or a value in a second format of their column."""

from __future__ import annotations

from assistant.transforms.sqltext import lit, lit_list

OTHERS_NOT_CARRIED = "first value kept; the others are not carried: "


def _parts(cell: str) -> str:
    split = f"list_transform(regexp_split_to_array({cell}, '[,;|\\n]'), lambda x: trim(x))"
    return f"list_filter({split}, lambda x: x <> '')"


def others_of_several(cell: str) -> str:
    """SQL of the values after a cell's first, joined by ', ' (NULL when it holds one)."""
    parts = _parts(cell)
    return f"CASE WHEN len({parts}) > 1 THEN array_to_string(list_slice({parts}, 2, len({parts})), ', ') END"


def first_of_several(cell: str) -> tuple[str, str]:
    """SQL of a cell's first value when it holds several ('a@x.com; b@y.com', '(512) 1, (512) 2') and of the
    message naming the others, which the standard field cannot hold (NULL when there is one value)."""
    first = f"nullif(trim(({_parts(cell)})[1]), '')"
    return first, f"{lit(OTHERS_NOT_CARRIED)} || {others_of_several(cell)}"


def other_date_formats(raw: str) -> str:
    """SQL reading a date written in a second format of the column: only spellings that cannot be misread
    (ISO, '29-Apr-2024', epoch seconds or milliseconds, a day/month order that only one reading allows)."""
    dmy, mdy = f"try_strptime({raw}, '%d/%m/%Y')", f"try_strptime({raw}, '%m/%d/%Y')"
    micros = f"make_timestamp(CAST({raw} AS BIGINT) * "
    epoch = (
        f"CASE WHEN regexp_full_match({raw}, '[0-9]{{10}}') THEN {micros}1000000) "
        f"WHEN regexp_full_match({raw}, '[0-9]{{13}}') THEN {micros}1000) END"
    )
    one_reading = f"CASE WHEN {dmy} IS NULL OR {mdy} IS NULL OR {dmy} = {mdy} THEN coalesce({dmy}, {mdy}) END"
    unambiguous = lit_list(
        [
            "%Y-%m-%d",
            "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%d %H:%M",
            "%d-%b-%Y",
            "%Y/%m/%d",
            "%d.%m.%Y",
        ]
    )
    return f"coalesce(try_strptime({raw}, {unambiguous}), {epoch}, {one_reading})"
