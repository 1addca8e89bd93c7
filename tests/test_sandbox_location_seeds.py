"""An agency's locations each seeded from their own destination state (``--location-seed``): a client's
sub-account is prepared from the snapshot of its trade, so clients on different platforms each find
their own pipelines and fields."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from assistant.sandbox.serve import ServeOptions, build_context

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
STEL = FIXTURES / "stel_order" / "destination.json"
CONTRACTOR = FIXTURES / "contractor_plus" / "destination.json"
BOOKS = FIXTURES / "perfect_books" / "destination.json"


def _pipeline_names(pipelines: dict[str, dict[str, Any]]) -> set[str]:
    return {str(p["name"]) for p in pipelines.values()}


def _seeded_names(path: Path) -> set[str]:
    return {str(p["name"]) for p in json.loads(path.read_text(encoding="utf-8"))["pipelines"]}


def test_further_locations_take_their_seeds_in_turn() -> None:
    options = ServeOptions(seed_path=STEL, locations=4, location_seeds=[CONTRACTOR, BOOKS])
    ctx = build_context(options)
    stores = ctx.agency.all_stores()
    assert len(stores) == 4 and len({s.location_id for s in stores}) == 4
    names = [_pipeline_names(s.table("pipelines")) for s in stores]
    stel, contractor, books = (_seeded_names(path) for path in (STEL, CONTRACTOR, BOOKS))
    assert names == [stel, contractor, books, contractor]  # cycling when there are more locations
    assert len({s.location.get("companyId") for s in stores}) == 1  # one agency
    assert stel != contractor != books


def test_without_location_seeds_every_location_is_a_clone_of_the_first() -> None:
    first, second = build_context(ServeOptions(seed_path=STEL, locations=2)).agency.all_stores()
    assert _pipeline_names(first.table("pipelines")) == _pipeline_names(second.table("pipelines"))
