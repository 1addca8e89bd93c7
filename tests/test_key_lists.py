"""A list of keys beside the JSON object naming each of them is skipped: the names carry it."""

from __future__ import annotations

from assistant.mapping.models import FieldKind
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table

EAST, WEST = ("666608d8294c66168", "East Region"), ("6c47818c3fb8e1b0a", "West Region")


def _teams_ids(names: list[str]) -> FieldKind:
    """The target kind of 'teamsIds' when each row's names object is ``names[i]``."""
    ids = [f'["{EAST[0]}"]', f'["{WEST[0]}"]', f'["{EAST[0]}", "{WEST[0]}"]'] * 2
    columns = [
        ("id", S.IDENTIFIER, {"unique_share": 1.0}),
        ("name", S.FREE_TEXT, {}),
        ("teamsIds", S.MULTI_VALUE, {"values": {v: ids.count(v) for v in set(ids)}}),
        ("teamsNames", S.PICKLIST, {"values": {v: names.count(v) for v in set(names)}}),
    ]
    deals = table("deals", columns, rows=len(ids), key="id")
    rows = [
        {"id": str(i), "name": f"Deal {i}", "teamsIds": k, "teamsNames": n}
        for i, (k, n) in enumerate(zip(ids, names, strict=True))
    ]
    doc = propose_offline(ProposeInputs([deals], destination(), MemoryValues({"deals": rows})))
    return next(f for f in doc.fields if f.source_columns == ["teamsIds"]).target.kind


def test_a_key_list_whose_keys_the_names_object_holds_is_skipped() -> None:
    east, west = f'{{"{EAST[0]}": "{EAST[1]}"}}', f'{{"{WEST[0]}": "{WEST[1]}"}}'
    both = f'{{"{EAST[0]}": "{EAST[1]}", "{WEST[0]}": "{WEST[1]}"}}'
    assert _teams_ids([east, west, both] * 2) == FieldKind.SKIP


def test_a_key_list_the_names_do_not_cover_is_kept() -> None:
    east, west = f'{{"{EAST[0]}": "{EAST[1]}"}}', f'{{"{WEST[0]}": "{WEST[1]}"}}'
    assert _teams_ids([east, west, east] * 2) != FieldKind.SKIP  # the third row lists a team it does not name
