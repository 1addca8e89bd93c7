"""Columns that hold nothing of the record are skipped before any field claims them: a placeholder
for "no value" on every row ('NotSet' is no status), an API's version counter ('SyncToken' counts
saves), and a category label beside its values ('TrackingName1' = 'Department' where
'TrackingOption1' holds the department). Lists of a person's further e-mails or phones are text,
never a pick-list with one option per address."""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.mapping.models import DataType, FieldKind, TransformKind
from assistant.profile.models import ColumnProfile, TableProfile
from assistant.propose.customfields import data_type_for
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from assistant.propose.transforms import transform_for
from tests.propose_factory import S, col, destination, table

ROWS = 20


def _fields(tables: list[TableProfile], values: MemoryValues | None = None) -> dict[str, FieldMap]:
    inputs = ProposeInputs(tables, destination(), values=values or MemoryValues({}))
    doc = propose_offline(inputs)
    return {f"{f.source_object}.{f.source_columns[0]}": f for f in doc.fields}


def _estimates(extra: list[tuple[str, S, dict[str, object]]]) -> TableProfile:
    base: list[tuple[str, S, dict[str, object]]] = [
        ("Id", S.IDENTIFIER, {"unique_share": 1.0}),
        ("DocNumber", S.IDENTIFIER, {"unique_share": 1.0}),
        ("TotalAmt", S.MONEY, {"locale": "en"}),
        ("TxnStatus", S.PICKLIST, {"values": {"Pending": 8, "Accepted": 6, "Closed": 4, "Rejected": 2}}),
    ]
    return table("estimates", [*base, *extra], rows=ROWS, key="Id")


def test_a_placeholder_on_every_row_is_no_status_and_a_save_counter_is_no_number() -> None:
    estimates = _estimates(
        [
            ("PrintStatus", S.PICKLIST, {"values": {"NotSet": ROWS}, "distinct_count": 1}),
            ("SyncToken", S.INTEGER, {"values": {"0": 6, "1": 5, "2": 5, "3": 4}, "distinct_count": 4}),
        ]
    )
    fields = _fields([estimates])
    for column in ("PrintStatus", "SyncToken"):
        field = fields[f"estimates.{column}"]
        assert field.target.kind == FieldKind.SKIP, (column, field.target, field.rationale)
    assert "placeholder" in fields["estimates.PrintStatus"].rationale
    assert "version counter" in fields["estimates.SyncToken"].rationale


def test_the_same_words_holding_data_are_kept() -> None:
    estimates = _estimates(
        [
            ("PrintStatus", S.PICKLIST, {"values": {"Printed": 8, "NotSet": 12}, "distinct_count": 2}),
            ("Quantity", S.INTEGER, {"values": {"0": 6, "1": 5, "2": 5, "3": 4}, "distinct_count": 4}),
        ]
    )
    fields = _fields([estimates])
    for column in ("PrintStatus", "Quantity"):
        assert fields[f"estimates.{column}"].target.kind != FieldKind.SKIP, column


def _invoice_lines(label_rows: list[bool]) -> tuple[TableProfile, MemoryValues]:
    options = ["Signage", "Print", "Install"]
    rows: list[dict[str, str | None]] = [
        {
            "TrackingName1": "Department" if filled else None,
            "TrackingOption1": options[i % 3] if filled else None,
        }
        for i, filled in enumerate(label_rows)
    ]
    filled = sum(label_rows)
    lines = table(
        "invoice_lines",
        [
            ("InvoiceNumber", S.IDENTIFIER, {}),
            ("Description", S.FREE_TEXT, {}),
            ("LineAmount", S.MONEY, {"locale": "en"}),
            ("TrackingName1", S.PICKLIST, {"values": {"Department": filled}, "distinct_count": 1,
                                           "null_count": ROWS - filled}),
            ("TrackingOption1", S.PICKLIST, {"values": {o: filled // 3 for o in options}, "distinct_count": 3,
                                             "null_count": ROWS - filled}),
        ],
        rows=ROWS,
    )  # fmt: skip
    return lines, MemoryValues({"invoice_lines": rows})


def test_a_label_filled_exactly_where_its_values_are_names_their_category() -> None:
    lines, values = _invoice_lines([i % 4 != 0 for i in range(ROWS)])
    fields = _fields([lines], values)
    label = fields["invoice_lines.TrackingName1"]
    assert label.target.kind == FieldKind.SKIP and "category" in label.rationale
    assert fields["invoice_lines.TrackingOption1"].target.kind != FieldKind.SKIP


def test_a_constant_filled_apart_from_its_neighbour_is_not_read_as_its_label() -> None:
    lines, values = _invoice_lines([i % 4 != 0 for i in range(ROWS)])
    rows = values.rows("invoice_lines", ["TrackingName1", "TrackingOption1"])
    moved = [{**r, "TrackingName1": "Department" if i % 4 != 1 else None} for i, r in enumerate(rows)]
    shifted = MemoryValues({"invoice_lines": moved})
    label = _fields([lines], shifted)["invoice_lines.TrackingName1"]
    assert "category" not in label.rationale


def _list(name: str, values: dict[str, int]) -> ColumnProfile:
    return col("people", name, S.MULTI_VALUE, values=values, separator="json", rows=ROWS)


def test_lists_of_further_emails_or_phones_are_text_and_tag_lists_stay_options() -> None:
    emails = _list("Additional Emails", {"[]": 16, '["ana.ruiz@gmail.com"]': 1, '["tom@x.io", "t@y.io"]': 1})
    phones = _list("Additional Phones", {"[]": 16, '[{"number": "5918136291", "callingCode": "+1"}]': 1})
    tags = _list("Interests", {'["Solar", "Roofing"]': 6, '["Solar"]': 5, '["Gutters"]': 3})
    assert data_type_for(emails) == DataType.TEXT
    assert data_type_for(phones) == DataType.TEXT
    assert data_type_for(tags) == DataType.MULTIPLE_OPTIONS
    written = transform_for(emails, "text")  # the items go into the text field, not the raw JSON
    assert (written.kind, written.params.get("joined")) == (TransformKind.MULTI_VALUE, True)


def test_how_the_old_system_got_the_row_is_no_lead_source() -> None:
    def people(header: str, values: dict[str, int]) -> TableProfile:
        return table(
            "people",
            [("Id", S.IDENTIFIER, {"unique_share": 1.0}), ("First Name", S.PERSON_NAME, {}),
             ("Last Name", S.PERSON_NAME, {}), ("Email", S.EMAIL, {}),
             (header, S.PICKLIST, {"values": values, "distinct_count": len(values)})],
            rows=ROWS, key="Id",
        )  # fmt: skip

    header = "Created by / Source"
    entered = _fields([people(header, {"MANUAL": 12, "IMPORT": 8})])[f"people.{header}"]
    assert entered.target.kind == FieldKind.SKIP and "data entry" in entered.rationale
    assert entered.confidence >= 0.7
    leads = _fields([people("Source", {"Referral": 9, "Website": 7, "Import": 4})])["people.Source"]
    assert leads.target.kind != FieldKind.SKIP  # a real lead source with one 'Import' among its values


def test_a_currency_filled_exactly_where_its_amount_is_names_its_unit() -> None:
    amounts = [str(1000 * (i + 1)) if i % 3 else None for i in range(ROWS)]
    rows: list[dict[str, str | None]] = [
        {"ARR / Amount": a, "ARR / Currency": "USD" if a else None} for a in amounts
    ]
    filled = sum(a is not None for a in amounts)
    companies = table(
        "companies",
        [("Id", S.IDENTIFIER, {"unique_share": 1.0}), ("Name", S.COMPANY_NAME, {}),
         ("ARR / Amount", S.MONEY, {"locale": "en", "null_count": ROWS - filled, "distinct_count": filled}),
         ("ARR / Currency", S.PICKLIST, {"values": {"USD": filled}, "distinct_count": 1,
                                         "null_count": ROWS - filled})],
        rows=ROWS, key="Id",
    )  # fmt: skip
    fields = _fields([companies], MemoryValues({"companies": rows}))
    currency = fields["companies.ARR / Currency"]
    assert currency.target.kind == FieldKind.SKIP and "unit" in currency.rationale
