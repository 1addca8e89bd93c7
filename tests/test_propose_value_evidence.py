"""Custom-field dataTypes from value evidence, constant columns, and JSON-object columns split by key."""

from __future__ import annotations

import json
from typing import Any

from assistant.highlevel.state import CustomField, DestinationState, Location
from assistant.mapping.items import FieldMap
from assistant.mapping.models import DataType, FieldKind, FieldModel, TransformKind
from assistant.profile.models import SemanticType
from assistant.propose.customfields import data_type_for
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from assistant.propose.value_shapes import constant_value, shape_of
from tests.propose_factory import col, table

S = SemanticType


def _picklist(name: str, values: dict[str, int]) -> DataType:
    return data_type_for(col("records", name, S.PICKLIST, values=values))


def test_cell_shapes() -> None:
    assert [shape_of(v) for v in ("7", "2.0", "1,250.50", "25%", "$40", "EUR 12")] == [
        "number",
        "number",
        "number",
        "number",
        "money",
        "money",
    ]
    assert [shape_of(v) for v in ("03/31", "March", "Dec 31", "2024-12-31")] == ["date"] * 4
    assert [shape_of(v) for v in ("11-50", "Gold", "approx 38", "Net 30")] == ["text"] * 4


def test_few_distinct_numbers_are_numbers_not_options() -> None:
    assert _picklist("loyalty_rating", {"n/a": 40, "1": 9, "2.0": 8, "7": 5, "10": 3}) == DataType.NUMERICAL
    assert _picklist("win_chance", {"0%": 10, "0.5": 8, "25%": 4, "1.0": 3}) == DataType.NUMERICAL
    assert _picklist("deposit", {"$100": 5, "$250": 4, "$50": 2}) == DataType.MONETORY


def test_numbers_that_label_categories_stay_options() -> None:
    assert _picklist("zone", {"01": 5, "02": 4, "10": 2}) == DataType.SINGLE_OPTIONS  # zero-padded codes
    assert _picklist("status", {"1": 5, "2": 4, "3": 2}) == DataType.SINGLE_OPTIONS  # named a status
    assert _picklist("tier", {"Gold": 5, "Silver": 4}) == DataType.SINGLE_OPTIONS


def test_dates_in_a_pick_list_are_text_unless_complete_and_uniform() -> None:
    assert _picklist("year_end", {"03/31": 5, "March": 4, "Dec 31": 3}) == DataType.TEXT
    assert _picklist("renewal_on", {"2024-12-31": 5, "2025-06-30": 4}) == DataType.DATE


def test_constant_value_needs_a_well_filled_column_with_one_spelling() -> None:
    def constant(values: dict[str, int], rows: int, nulls: int = 0) -> str | None:
        column = col(
            "t", "c", S.PICKLIST, values=values, rows=rows, null_count=nulls, distinct_count=len(values)
        )
        return constant_value(column)

    assert constant({"EUR": 50}, 50) == "EUR"
    assert constant({"USD": 30, "usd": 10}, 45, nulls=5) == "USD"
    assert constant({"Yes": 12}, 50, nulls=38) is None  # a sparse flag: blanks carry meaning
    assert constant({"EUR": 4}, 4) is None  # too few records to call it constant
    assert constant({"EUR": 40, "GBP": 1}, 41) is None
    assert constant({"EUR": 5}, 50) is None  # one value counted on 5 of 50 filled records: not all of them


def test_a_new_field_for_one_value_on_a_few_records_is_a_question_not_a_given() -> None:
    labels = table("companies__emails", [("address", S.EMAIL, {}), ("location", S.PICKLIST, {})], rows=6)
    labels.columns[1] = col("companies__emails", "location", S.PICKLIST, 1, values={"Work": 6}, rows=6)
    labels.columns[1].distinct_count = 1
    assert constant_value(labels.columns[1]) is None  # too few records to call it a constant
    rows: list[dict[str, str | None]] = [{"address": f"a{i}@firm.test", "location": "Work"} for i in range(6)]
    doc = propose_offline(ProposeInputs([labels], None, MemoryValues({"companies__emails": rows})))
    kept = next(f for f in doc.fields if f.source_columns == ["location"])
    assert kept.target.kind == FieldKind.CUSTOM_NEW
    assert kept.confidence < 0.7 and "every filled record holds 'Work'" in kept.rationale


def test_one_flag_state_in_several_spellings_is_a_constant() -> None:
    def constant(values: dict[str, int]) -> str | None:
        rows = sum(values.values())
        column = col("t", "c", S.PICKLIST, values=values, rows=rows, distinct_count=len(values))
        return constant_value(column)

    assert constant({"0": 38, "no": 38, "false": 24}) == "false (spelled 0, false, no)"
    assert constant({"Yes": 20, "1": 15}) == "true (spelled 1, yes)"
    assert constant({"yes": 20, "no": 15}) is None  # both states: a real flag
    assert constant({"s": 20, "x": 15}) is None  # bare letters may be codes of something else
    assert constant({"0": 20, "1": 15}) is None


def _doc(
    columns: list[tuple[str, SemanticType, dict[str, object]]], rows: list[dict[str, str | None]]
) -> dict[str, FieldMap]:
    dest = DestinationState(
        location=Location(id="loc"),
        customFields=[
            CustomField(
                id="cf9",
                name="Lead Origin",
                fieldKey="opportunity.lead_origin",
                dataType="SINGLE_OPTIONS",
                model="opportunity",
                picklistOptions=["Web", "Referral"],
            )
        ],
    )
    profiles = [
        table("deals", [("ref", S.IDENTIFIER, {"unique_share": 1.0}), *columns], rows=len(rows), key="ref")
    ]
    doc = propose_offline(ProposeInputs(profiles, dest, MemoryValues({"deals": rows})))
    return {f.id: f for f in doc.fields}


def test_a_constant_column_with_no_standard_home_is_skipped() -> None:
    rows: list[dict[str, str | None]] = [{"ref": str(i), "money_unit": "eur"} for i in range(30)]
    fields = _doc([("money_unit", S.PICKLIST, {"values": {"EUR": 20, "eur": 10}, "distinct_count": 2})], rows)
    skipped = fields["field:deals.money_unit"]
    assert skipped.target.kind == FieldKind.SKIP and "EUR" in skipped.rationale
    assert skipped.confidence < 0.7  # a human confirms it


def test_the_same_notes_text_on_every_record_is_boilerplate_not_a_note() -> None:
    fee = "There is a 1.5% monthly fee for past due invoices."
    rows: list[dict[str, str | None]] = [{"ref": str(i), "invoice notes": fee} for i in range(30)]
    fields = _doc([("invoice notes", S.FREE_TEXT, {"values": {fee: 30}, "distinct_count": 1})], rows)
    skipped = fields["field:deals.invoice notes"]
    assert skipped.target.kind == FieldKind.SKIP and "monthly fee" in skipped.rationale
    assert skipped.confidence < 0.7
    # a notes column whose text differs per record is still each record's note
    varied = [{"ref": str(i), "invoice notes": f"call before visit {i}"} for i in range(30)]
    kept = _doc([("invoice notes", S.FREE_TEXT, {"distinct_count": 30})], varied)
    assert kept["field:deals.invoice notes"].target.field == "body"


def test_json_object_column_becomes_one_typed_custom_field_per_key() -> None:
    cells = [
        {"lead_origin": "Web", "term_months": "12 months", "auto_renew": True},
        {"lead_origin": "referral ", "term_months": 6, "auto_renew": "no"},
        {"lead_origin": "Referral", "term_months": None, "auto_renew": "Y"},
        {"lead_origin": "Web", "term_months": "24", "auto_renew": False},
    ] * 3
    rows: list[dict[str, str | None]] = [{"ref": str(i), "extra": json.dumps(c)} for i, c in enumerate(cells)]
    top = [json.dumps(c) for c in cells[:4]]
    fields = _doc([("extra", S.FREE_TEXT, {"values": dict.fromkeys(top, 3)})], rows)
    by_key = {f.transform.params.get("json_key"): f for f in fields.values() if f.source_columns == ["extra"]}
    assert set(by_key) == {"lead_origin", "term_months", "auto_renew"}
    origin, term, renew = by_key["lead_origin"], by_key["term_months"], by_key["auto_renew"]
    assert origin.id == "field:deals.extra@lead_origin"
    assert origin.target.kind == FieldKind.CUSTOM_EXISTING  # reuses the destination's field
    assert (
        origin.target.custom_field is not None
        and origin.target.custom_field.field_key == "opportunity.lead_origin"
    )
    assert term.target.custom_field is not None and term.target.custom_field.data_type == DataType.NUMERICAL
    assert renew.target.custom_field is not None and renew.target.custom_field.data_type == DataType.CHECKBOX
    assert renew.transform.kind == TransformKind.BOOLEAN
    assert set(renew.transform.params["true_values"]) == {"true", "Y"}
    assert all(
        f.target.custom_field and f.target.custom_field.model == FieldModel.OPPORTUNITY
        for f in by_key.values()
    )


def test_text_that_merely_starts_with_a_brace_is_not_split() -> None:
    memos = [f"{{draft}} call back on day {i}" for i in range(10)]
    rows: list[dict[str, str | None]] = [{"ref": str(i), "memo": m} for i, m in enumerate(memos)]
    fields = _doc([("memo", S.FREE_TEXT, {"values": dict.fromkeys(memos, 1)})], rows)
    memo = [f for f in fields.values() if f.source_columns == ["memo"]]
    assert len(memo) == 1 and "json_key" not in memo[0].transform.params


def _fields_of(name: str, columns: list[tuple[str, SemanticType, dict[str, Any]]]) -> dict[str, FieldMap]:
    parents = table("customers", [("cust_id", S.IDENTIFIER, {"unique_share": 1.0})], key="cust_id")
    profiles = [parents, table(name, columns, rows=40)]
    doc = propose_offline(ProposeInputs(profiles, None))
    return {f.source_columns[0]: f for f in doc.fields if f.source_object == name}


def test_a_name_or_kind_beside_a_linked_id_only_repeats_the_link() -> None:
    fields = _fields_of(
        "deals",
        [
            ("title", S.FREE_TEXT, {}),
            ("customer_id", S.FOREIGN_KEY, {"fk": ("customers", "cust_id")}),
            ("customer_name", S.PERSON_NAME, {}),
            ("warranty_name", S.FREE_TEXT, {}),
        ],
    )
    assert fields["customer_id"].target.field == "contactId"
    echo = fields["customer_name"]
    assert echo.target.kind == FieldKind.SKIP and "customer_id" in echo.rationale
    # No linked 'warranty' id beside it: a name of its own, kept.
    assert fields["warranty_name"].target.kind == FieldKind.CUSTOM_NEW


def test_job_titles_are_not_highlevel_roles_but_permission_levels_are() -> None:
    titles = _fields_of(
        "staff",
        [("email", S.EMAIL, {}), ("role", S.PICKLIST, {"values": {"Technician": 4, "Admin": 1}})],
    )
    assert titles["role"].target.kind == FieldKind.SKIP
    levels = _fields_of(
        "staff", [("email", S.EMAIL, {}), ("role", S.PICKLIST, {"values": {"Admin": 2, "User": 5}})]
    )
    assert levels["role"].target.field == "roles"


def test_record_keeping_columns_stay_out_of_a_text_body() -> None:
    fields = _fields_of(
        "meetings",
        [
            ("title", S.FREE_TEXT, {}),
            ("starts", S.DATETIME, {}),
            ("series_id", S.IDENTIFIER, {"unique_share": 0.4}),
            ("time_zone", S.PICKLIST, {"values": {"Europe/Paris": 30, "Europe/Berlin": 10}}),
            ("sort_order", S.INTEGER, {}),
            ("agenda", S.FREE_TEXT, {"avg_length": 80.0}),
        ],
    )
    for column in ("series_id", "time_zone", "sort_order"):
        assert fields[column].target.kind == FieldKind.SKIP, column
    assert fields["agenda"].target.field == "description"  # what people read stays
