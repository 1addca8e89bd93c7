"""Reading cells that hold more than one value, or a value in a second format of their column."""

from __future__ import annotations

from assistant.execute.transforms.sqltext import lit_list


def first_of_several(cell: str) -> tuple[str, str]:
    """SQL of a cell's first value when it holds several ('a@x.com; b@y.com', '(512) 1, (512) 2') and of the
    message naming the others, which the standard field cannot hold (NULL when there is one value)."""
    split = f"list_transform(regexp_split_to_array({cell}, '[,;|\\n]'), lambda x: trim(x))"
    parts = f"list_filter({split}, lambda x: x <> '')"
    first = f"nullif(trim(({parts})[1]), '')"
    rest = f"array_to_string(list_slice({parts}, 2, len({parts})), ', ')"
    message = (
        f"CASE WHEN len({parts}) > 1 THEN 'first value kept; the others are not carried: ' || {rest} END"
    )
    return first, message


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
    unambiguous = lit_list(["%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%d-%b-%Y", "%Y/%m/%d", "%d.%m.%Y"])
    return f"coalesce(try_strptime({raw}, {unambiguous}), {epoch}, {one_reading})"
