"""The old system's keys of nested objects, copies of the row's key and API links to the record itself
are skipped; a nested key that links another table still links, and a document's link is kept."""

from __future__ import annotations

from typing import Any

from assistant.mapping.items import FieldMap
from assistant.mapping.models import FieldKind
from assistant.profile.models import TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table

Rows = list[dict[str, str | None]]
N = 8


def _fields(tables: list[TableProfile], rows: dict[str, Rows] | None = None) -> dict[str, FieldMap]:
    doc = propose_offline(ProposeInputs(tables, destination(), MemoryValues(rows or {})))
    return {f"{f.source_object}.{f.source_columns[0]}": f for f in doc.fields}


def _ids(start: int) -> dict[str, Any]:
    return {"values": {str(start + i): 1 for i in range(N)}, "unique_share": 1.0}


def _customers(*extra: tuple[str, Any, dict[str, Any]]) -> TableProfile:
    return table(
        "customers",
        [("id", S.IDENTIFIER, _ids(9700)), ("first_name", S.PERSON_NAME, {}),
         ("last_name", S.PERSON_NAME, {}), ("email", S.EMAIL, {}), *extra],
        rows=N, key="id",
    )  # fmt: skip


def test_keys_of_nested_objects_are_skipped_and_never_read_as_a_country() -> None:
    customers = _customers(
        ("mainContact.id", S.IDENTIFIER, _ids(3100)),
        ("physicalAddress.id", S.IDENTIFIER, _ids(4100)),
        ("physicalAddress.address1", S.ADDRESS, {}),
        ("address.country.id", S.BOOLEAN, {"values": {"1": 6, "2": 2}}),
        ("address.country.abbreviation", S.COUNTRY, {"values": {"US": 6, "CA": 2}}),
        ("leadSource.id", S.IDENTIFIER, {"values": {f"{i:08x}-4a2b-9c1d-0e3f5a6b7c8d": 1 for i in range(N)}}),
        ("leadSource.name", S.PICKLIST, {"values": {"Referral": 5, "Website": 3}}),
    )
    fields = _fields([customers])
    for column in ("mainContact.id", "physicalAddress.id", "address.country.id", "leadSource.id"):
        field = fields[f"customers.{column}"]
        assert field.target.kind == FieldKind.SKIP, column
        assert "key of the nested" in field.rationale, column
    assert fields["customers.address.country.abbreviation"].target.field == "country"
    assert fields["customers.physicalAddress.address1"].target.field == "address1"


def test_a_nested_key_that_names_a_row_of_another_table_still_links() -> None:
    jobs = table(
        "jobs",
        [("id", S.IDENTIFIER, _ids(500)), ("title", S.FREE_TEXT, {}),
         ("customer.id", S.FOREIGN_KEY, {"fk": ("customers", "id")})],
        rows=N, key="id",
    )  # fmt: skip
    field = _fields([_customers(), jobs])["jobs.customer.id"]
    assert (field.target.kind, field.target.field) == (FieldKind.STANDARD, "contactId")


def test_a_nested_key_repeating_the_rows_own_key_is_a_copy_even_read_as_a_self_link() -> None:
    jobs = table(
        "jobs",
        [("id", S.IDENTIFIER, _ids(500)), ("title", S.FREE_TEXT, {}),
         ("financials.jobId", S.FOREIGN_KEY, {**_ids(500), "fk": ("jobs", "id")}),
         ("financials.total", S.MONEY, {})],
        rows=N, key="id",
    )  # fmt: skip
    rows: Rows = [{"id": str(500 + i), "financials.jobId": str(500 + i)} for i in range(N)]
    field = _fields([jobs], {"jobs": rows})["jobs.financials.jobId"]
    assert field.target.kind == FieldKind.SKIP
    assert "copy of the record's id" in field.rationale


def test_the_constant_kind_and_the_copied_key_of_a_nested_reference_are_skipped() -> None:
    jobs = table(
        "jobs",
        [("id", S.IDENTIFIER, _ids(500)), ("title", S.FREE_TEXT, {}),
         ("manager.ID", S.IDENTIFIER, {"values": {"11": 5, "12": 3}}),
         ("manager.Name", S.PERSON_NAME, {"values": {"Ann Lee": 5, "Bo Kim": 3}}),
         ("manager.Type", S.PICKLIST, {"values": {"employee": 8}, "distinct_count": 1}),
         ("manager.TypeId", S.INTEGER, {"values": {"11": 5, "12": 3}})],
        rows=N, key="id",
    )  # fmt: skip
    fields = _fields([jobs])
    assert fields["jobs.manager.Type"].target.kind == FieldKind.SKIP
    assert "which kind of record" in fields["jobs.manager.Type"].rationale
    assert fields["jobs.manager.TypeId"].target.kind == FieldKind.SKIP


def test_the_key_of_a_nested_lists_entry_beside_its_name_is_skipped() -> None:
    tags = table(
        "customers__tags",
        [("tagId", S.IDENTIFIER, {"values": {"2": 5, "3": 3}}),
         ("Name", S.PICKLIST, {"values": {"VIP": 5, "Solar": 3}})],
        rows=N, parent="customers",
    )  # fmt: skip
    field = _fields([_customers(), tags])["customers__tags.tagId"]
    assert field.target.kind == FieldKind.SKIP
    assert "key of the nested 'customers__tags'" in field.rationale


def _links(href: str) -> tuple[TableProfile, Rows]:
    links = table(
        "customers__links",
        [("href", S.IDENTIFIER, {}), ("rel", S.PICKLIST, {"values": {"self": N, "edit": N}}),
         ("type", S.PICKLIST, {"values": {"GET": N, "PUT": N}})],
        rows=2 * N, parent="customers",
    )  # fmt: skip
    rows: Rows = [
        {"href": href.format(key=key, n=2 * i + k), "rel": rel, "type": verb, "_parent_key": str(key)}
        for i, key in enumerate(range(9700, 9700 + N))
        for k, (rel, verb) in enumerate((("self", "GET"), ("edit", "PUT")))
    ]
    return links, rows


def test_an_api_link_list_pointing_at_the_record_itself_is_skipped() -> None:
    links, rows = _links("/customers/{key}")
    fields = _fields([_customers(), links], {"customers__links": rows})
    for column in ("href", "rel", "type"):
        field = fields[f"customers__links.{column}"]
        assert field.target.kind == FieldKind.SKIP, column
        assert "link to the record itself" in field.rationale, column


def test_links_that_hold_no_key_of_the_record_are_not_read_as_its_api_links() -> None:
    links, rows = _links("https://files.example.org/doc-{n}.pdf")
    fields = _fields([_customers(), links], {"customers__links": rows})
    assert "link to the record itself" not in fields["customers__links.href"].rationale


def _field_lists() -> tuple[list[TableProfile], dict[str, Rows]]:
    groups = {"email": "Contact Info", "phone": "Contact Info", "revenue": "Company Info"}
    tables, rows = [], {}
    for name, group in groups.items():
        count = 3 if name == "revenue" else N
        columns: list[tuple[str, Any, dict[str, Any]]] = [
            ("value", S.FREE_TEXT, {}),
            ("modifier", S.PICKLIST, {"values": {"work": count}}),
            ("group", S.PICKLIST, {"values": {group: count}, "distinct_count": 1}),
        ]
        tables.append(table(f"people__fields.{name}", columns, rows=count, parent="people"))
        rows[f"people__fields.{name}"] = [{"value": f"{name}{i}", "group": group} for i in range(count)]
    people = table("people", [("id", S.IDENTIFIER, _ids(100)), ("name", S.PERSON_NAME, {})], rows=N, key="id")
    return [people, *tables], rows


def test_a_column_naming_its_list_among_sibling_lists_is_skipped_however_few_rows() -> None:
    tables, rows = _field_lists()
    field = _fields(tables, rows)["people__fields.revenue.group"]
    assert field.target.kind == FieldKind.SKIP
    assert "names which list" in field.rationale
