"""The old system's bookkeeping (map coordinates, links into its own pages, flags of a nested list's
entries) is skipped with a doubtful confidence instead of becoming confident custom fields."""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.mapping.models import FieldKind
from assistant.profile.models import TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from tests.propose_factory import S, destination, table

THRESHOLD = 0.7


def _fields(tables: list[TableProfile]) -> dict[str, FieldMap]:
    doc = propose_offline(ProposeInputs(tables, destination()))
    return {f"{f.source_object}.{f.source_columns[0]}": f for f in doc.fields}


def _customers() -> list[TableProfile]:
    customers = table(
        "customers",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("first_name", S.PERSON_NAME, {}),
         ("last_name", S.PERSON_NAME, {}), ("email", S.EMAIL, {})],
        key="id",
    )  # fmt: skip
    locations = table(
        "customers__locations",
        [("street", S.ADDRESS, {}), ("city", S.CITY, {}),
         ("latitude", S.IDENTIFIER, {"values": {"43.357545": 1, "39.7392": 1}, "unique_share": 1.0}),
         ("longitude", S.FREE_TEXT, {"values": {"-90.730578": 1, "-104.9903": 1}, "unique_share": 1.0}),
         ("is_gated", S.BOOLEAN, {"values": {"true": 5, "false": 15}})],
        parent="customers",
    )  # fmt: skip
    return [customers, locations]


def test_coordinates_and_entry_flags_of_a_nested_list_are_skipped_in_doubt() -> None:
    fields = _fields(_customers())
    for column in ("latitude", "longitude", "is_gated"):
        field = fields[f"customers__locations.{column}"]
        assert field.target.kind == FieldKind.SKIP, column
        assert field.confidence < THRESHOLD, column
    assert fields["customers__locations.street"].target.kind == FieldKind.STANDARD


def test_the_same_flag_on_the_record_itself_is_kept() -> None:
    customers = table(
        "customers",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("first_name", S.PERSON_NAME, {}),
         ("last_name", S.PERSON_NAME, {}), ("email", S.EMAIL, {}),
         ("is_gated", S.BOOLEAN, {"values": {"true": 5, "false": 15}})],
        key="id",
    )  # fmt: skip
    assert _fields([customers])["customers.is_gated"].target.kind == FieldKind.CUSTOM_NEW


def _invoices(links: dict[str, int]) -> list[TableProfile]:
    invoices = table(
        "invoices",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("number", S.IDENTIFIER, {"unique_share": 1.0}),
         ("total", S.MONEY, {}), ("pay_online_url", S.URL, {"values": links, "unique_share": 1.0})],
        rows=len(links), key="id",
    )  # fmt: skip
    return [invoices]


def test_a_link_per_record_into_one_host_is_the_old_systems_page() -> None:
    links = {f"https://app.oldcrm.example/pay/{i:04x}": 1 for i in range(8)}
    field = _fields(_invoices(links))["invoices.pay_online_url"]
    assert field.target.kind == FieldKind.SKIP
    assert field.confidence < THRESHOLD


def test_links_to_many_hosts_are_kept() -> None:
    links = {f"https://shop{i}.example.org/": 1 for i in range(8)}
    field = _fields(_invoices(links))["invoices.pay_online_url"]
    assert field.target.kind != FieldKind.SKIP


def test_a_labels_display_colour_is_skipped_but_short_codes_are_not() -> None:
    people = table(
        "people",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("first_name", S.PERSON_NAME, {}),
         ("last_name", S.PERSON_NAME, {}), ("email", S.EMAIL, {}),
         ("lead_status.hex_color", S.PICKLIST, {"values": {"#1f77b4": 8, "#ff7f0e": 7, "#2ca02c": 5}}),
         ("grade", S.PICKLIST, {"values": {"abc": 8, "add": 7, "bad": 5}})],
        key="id",
    )  # fmt: skip
    fields = _fields([people])
    colour = fields["people.lead_status.hex_color"]
    assert colour.target.kind == FieldKind.SKIP
    assert colour.confidence < THRESHOLD
    assert fields["people.grade"].target.kind != FieldKind.SKIP  # hex-looking words, no '#', no colour


def test_read_receipts_and_sync_flags_of_the_old_system_are_skipped_in_doubt() -> None:
    flags = {"true": 12, "false": 8}
    tasks = table(
        "jobs",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("title", S.FREE_TEXT, {"unique_share": 1.0}),
         ("amount", S.MONEY, {}), ("status", S.PICKLIST, {"values": {"Won": 10, "Lost": 10}}),
         ("readjob", S.BOOLEAN, {"values": flags}), ("xero_synced", S.BOOLEAN, {"values": flags}),
         ("quote_viewed", S.BOOLEAN, {"values": flags})],
        key="id",
    )  # fmt: skip
    fields = _fields([tasks])
    for column in ("readjob", "xero_synced"):
        assert fields[f"jobs.{column}"].target.kind == FieldKind.SKIP, column
        assert fields[f"jobs.{column}"].confidence < THRESHOLD, column
    # the customer's own act on a sent quote is business data
    assert fields["jobs.quote_viewed"].target.kind == FieldKind.CUSTOM_NEW
