"""List-view CSV exports: the old system's user ids and audit columns, a joined address line, a billing
address beside a mostly empty shipping twin, an amount given twice, an owner's split name, a login as
owner, written subtitles and a 'bidding' status."""

from __future__ import annotations

from assistant.highlevel.state import Stage, User
from assistant.mapping.items import FieldMap
from assistant.mapping.models import FieldKind
from assistant.profile.models import TableProfile
from assistant.propose.customfields import data_type_for
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.owner_match import match_owner
from assistant.propose.owners import SourceUser
from assistant.propose.sourcedata import MemoryValues
from assistant.propose.stage_match import lead_stage_concept, stage_score
from tests.propose_factory import S, col, destination, table

THRESHOLD = 0.7
ROWS = 8
UUID = "53556069-3a43-47a1-941a-6788c2a52a87"


def _fields(tables: list[TableProfile], rows: dict[str, list[dict[str, str | None]]]) -> dict[str, FieldMap]:
    doc = propose_offline(ProposeInputs(tables, destination(), MemoryValues(rows)))
    return {f"{f.source_object}.{f.source_columns[-1]}": f for f in doc.fields}


def _accounts() -> tuple[list[TableProfile], dict[str, list[dict[str, str | None]]]]:
    streets = [f"{10 + i} Station Road" for i in range(ROWS)]
    countries = ["UK", "United Kingdom", "England", "UK", "UK", "England", "United Kingdom", "UK"]
    shipping = [countries[i] if i < 2 else "" for i in range(ROWS)]
    users = {"1": 4, UUID: 4}
    joined = ["" if i < 3 else f"{streets[i]}, Leeds, {countries[i]}" for i in range(ROWS)]  # geocoded rows
    accounts = table(
        "accounts",
        [("ID", S.IDENTIFIER, {"unique_share": 1.0}), ("Name", S.COMPANY_NAME, {"unique_share": 1.0}),
         ("Billing Street", S.ADDRESS, {"values": dict.fromkeys(streets, 1), "distinct_count": ROWS}),
         ("Billing City", S.CITY, {"values": {"Leeds": ROWS}}),
         ("Billing Country", S.PICKLIST, {"values": {"UK": 4, "United Kingdom": 2, "England": 2}}),
         ("Shipping Street", S.ADDRESS, {"values": dict.fromkeys(streets[:2], 1), "null_share": 0.75}),
         ("Shipping Country", S.FREE_TEXT, {"values": {"UK": 1, "United Kingdom": 1}, "null_share": 0.75}),
         ("Address", S.ADDRESS, {"values": dict.fromkeys(joined[3:], 1), "null_share": 0.375}),
         ("Created By", S.PICKLIST, {"values": users}), ("Modified By ID", S.IDENTIFIER, {"values": users}),
         ("Geocode Status", S.REGION, {"values": {"OK": 6, "ZERO_RESULTS": 2}})],
        rows=ROWS, key="ID",
    )  # fmt: skip
    rows: list[dict[str, str | None]] = [
        {"ID": f"a{i}", "Name": f"Firm {i} Ltd", "Billing Street": streets[i], "Billing City": "Leeds",
         "Billing Country": countries[i], "Shipping Street": streets[i] if i < 2 else "",
         "Shipping Country": shipping[i], "Address": joined[i],
         "Created By": "1" if i % 2 else UUID, "Modified By ID": UUID, "Geocode Status": "OK"}
        for i in range(ROWS)
    ]  # fmt: skip
    return [accounts], {"accounts": rows}


def test_the_filled_billing_address_takes_the_company_address_over_its_shipping_twin() -> None:
    fields = _fields(*_accounts())
    assert fields["accounts.Billing Street"].target.field == "address"
    assert fields["accounts.Billing Country"].target.field == "country"
    assert fields["accounts.Shipping Country"].target.kind != FieldKind.STANDARD


def test_a_line_joining_the_rows_own_address_columns_is_skipped() -> None:
    fields = _fields(*_accounts())
    assert fields["accounts.Address"].target.kind == FieldKind.SKIP
    assert fields["accounts.Address"].confidence < THRESHOLD


def test_user_ids_of_the_old_system_and_its_geocoder_status_are_skipped_in_doubt() -> None:
    fields = _fields(*_accounts())
    for column in ("Created By", "Modified By ID", "Geocode Status"):
        assert fields[f"accounts.{column}"].target.kind == FieldKind.SKIP, column
        assert fields[f"accounts.{column}"].confidence < THRESHOLD, column


def test_a_creator_named_by_name_is_no_user_id() -> None:
    tables, rows = _accounts()
    names = {"Jenna Price": 4, "Marcus Reyes": 4}
    tables[0].columns[8] = col("accounts", "Created By", S.PICKLIST, 8, rows=ROWS, values=names)
    for i, row in enumerate(rows["accounts"]):
        row["Created By"] = "Jenna Price" if i % 2 else "Marcus Reyes"
    assert _fields(tables, rows)["accounts.Created By"].target.kind == FieldKind.CUSTOM_NEW


def _deals(bare: list[str]) -> tuple[list[TableProfile], dict[str, list[dict[str, str | None]]]]:
    amounts = [f"{1000 * (i + 1)}.00" for i in range(ROWS)]
    deals = table(
        "opportunities",
        [("ID", S.IDENTIFIER, {"unique_share": 1.0}),
         ("Opportunity Name", S.FREE_TEXT, {"unique_share": 1.0}),
         ("Opportunity Amount", S.MONEY, {"values": dict.fromkeys(amounts, 1)}),
         ("Amount", S.MONEY, {"values": dict.fromkeys(bare, 1)})],
        rows=ROWS, key="ID",
    )  # fmt: skip
    rows: list[dict[str, str | None]] = [
        {"ID": f"o{i}", "Opportunity Name": f"Deal {i}", "Opportunity Amount": amounts[i], "Amount": bare[i]}
        for i in range(ROWS)
    ]
    return [deals], {"opportunities": rows}


def test_of_two_equal_amounts_the_one_named_for_the_record_is_its_value() -> None:
    fields = _fields(*_deals([f"{1000 * (i + 1)}.00" for i in range(ROWS)]))
    assert fields["opportunities.Opportunity Amount"].target.field == "monetaryValue"
    assert fields["opportunities.Amount"].target.kind == FieldKind.SKIP


def test_two_amounts_that_differ_are_both_kept() -> None:
    fields = _fields(*_deals([f"{7 * (i + 1)}.00" for i in range(ROWS)]))
    assert fields["opportunities.Amount"].target.kind != FieldKind.SKIP


def _people(first: str, last: str) -> dict[str, FieldMap]:
    people = table(
        "customers",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("First Name", S.PERSON_NAME, {}),
         ("Last Name", S.PERSON_NAME, {}), ("Email", S.EMAIL, {}),
         ("Assigned To", S.PERSON_NAME, {"values": {"Laura Gómez": 10, "Pedro Ruiz": 10}}),
         (first, S.PERSON_NAME, {"values": {"Laura": 10, "Pedro": 10}}),
         (last, S.PERSON_NAME, {"values": {"Gómez": 10, "Ruiz": 10}})],
        key="id",
    )  # fmt: skip
    return _fields([people], {"customers": []})


def test_the_surname_half_of_an_owner_split_in_two_columns_is_skipped() -> None:
    fields = _people("Assigned To [First Name]", "Assigned To [Last Name]")
    assert fields["customers.Assigned To [Last Name]"].target.kind == FieldKind.SKIP


def test_the_surname_of_someone_who_is_no_owner_is_kept() -> None:
    fields = _people("Referrer First Name", "Referrer Last Name")
    assert fields["customers.Referrer Last Name"].target.kind == FieldKind.CUSTOM_NEW


def _jobs(team: dict[str, int]) -> dict[str, FieldMap]:
    jobs = table(
        "jobs",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("Title", S.FREE_TEXT, {"unique_share": 1.0}),
         ("Amount", S.MONEY, {}), ("Assigned Teams", S.PICKLIST, {"values": team, "null_share": 0.4})],
        key="id",
    )  # fmt: skip
    return _fields([jobs], {"jobs": []})


def test_a_team_whose_values_name_no_user_is_no_owner() -> None:
    field = _jobs({"Installations": 8, "HVAC Service": 4})["jobs.Assigned Teams"]
    assert field.target.kind == FieldKind.CUSTOM_NEW


USERS = [
    User(id="u_rachel", name="Rachel Moss", firstName="Rachel", lastName="Moss", email="rachel@demo.co.uk"),
    User(id="u_daniel", name="Daniel Okafor", email="daniel@demo.co.uk"),
]


def _owner(cell: str) -> str | None:
    return match_owner(SourceUser("contacts", cell, cell, None), USERS, None, None).user_id


def test_a_login_spelled_from_one_users_name_matches_that_user() -> None:
    assert _owner("rmoss") == "u_rachel"
    assert _owner("daniel.okafor") == "u_daniel"
    assert _owner("admin") is None
    assert _owner("Moss") is None  # a surname, not a login


def test_a_subtitle_is_written_not_picked() -> None:
    values = {"Upstairs unit": 5, "Warranty": 4, "Follow-up from estimate": 3, "Second visit": 1}
    subtitle = col("jobs", "Subtitle", S.PICKLIST, rows=45, values=values, null_share=0.71, distinct_count=4)
    assert data_type_for(subtitle).value in ("TEXT", "LARGE_TEXT")


def test_bidding_is_the_quoting_stage() -> None:
    assert lead_stage_concept("bidding") == "quoting"
    quoting, booked = Stage(id="q", name="Quoting", position=1), Stage(id="b", name="Booked", position=2)
    assert stage_score("bidding", quoting) > stage_score("bidding", booked)


def _report(contacts: list[str]) -> dict[str, FieldMap]:
    firsts, lasts = (
        ["Ruby", "Owen", "Emma", "Liam", "Noah", "Chloe"],
        ["Bennett", "Kim", "Walsh", "Ellis", "Reyes", "Hughes"],
    )
    firms = ["Cedar Fitness", "", "Bluebird Plumbing", "", "", "Oakridge Inn"]
    customers = table(
        "customers",
        [("Customer #", S.IDENTIFIER, {"unique_share": 1.0}), ("First Name", S.PERSON_NAME, {}),
         ("Last Name", S.PERSON_NAME, {}), ("Company Name", S.COMPANY_NAME, {"null_share": 0.5}),
         ("Email", S.EMAIL, {})],
        rows=6, key="Customer #",
    )  # fmt: skip
    people = [f"{f} {last}" for f, last in zip(firsts, lasts, strict=True)]
    shown = [firm or person for firm, person in zip(firms, people, strict=True)]
    jobs = table(
        "jobs",
        [("#ID", S.IDENTIFIER, {"unique_share": 1.0}), ("Title", S.FREE_TEXT, {"unique_share": 1.0}),
         ("Customer", S.FREE_TEXT, {"fk": ("customers", "Customer #")}),
         ("Contact Name", S.PERSON_NAME, {"fk": ("customers", "Customer #")})],
        rows=6, key="#ID",
    )  # fmt: skip
    for column, by in (("Customer", [["Company Name"], ["First Name", "Last Name"]]), ("Contact Name", None)):
        fk = next(c for c in jobs.columns if c.column == column).foreign_key
        assert fk is not None
        fk.by_names = by or [["First Name", "Last Name"]]
    rows = {
        "customers": [
            {"Customer #": str(i), "First Name": firsts[i], "Last Name": lasts[i], "Company Name": firms[i],
             "Email": f"c{i}@example.com"} for i in range(6)
        ],
        "jobs": [
            {"#ID": str(100 + i), "Title": f"Job {i}", "Customer": shown[i], "Contact Name": contacts[i]}
            for i in range(6)
        ],
    }  # fmt: skip
    doc = propose_offline(ProposeInputs([customers, jobs], destination(), MemoryValues(rows)))
    return {f"{f.source_object}.{f.source_columns[-1]}": f for f in doc.fields}


def test_a_contact_name_spelling_the_linked_customer_is_skipped() -> None:
    fields = _report(["Ruby Bennett", "Owen Kim", "Emma Walsh", "Liam Ellis", "Noah Reyes", "Chloe Hughes"])
    assert fields["jobs.Customer"].target.field == "contactId"
    assert fields["jobs.Contact Name"].target.kind == FieldKind.SKIP


def test_a_name_of_another_customer_keeps_a_field() -> None:
    fields = _report(["Owen Kim", "Emma Walsh", "Liam Ellis", "Noah Reyes", "Chloe Hughes", "Ruby Bennett"])
    assert fields["jobs.Contact Name"].target.kind != FieldKind.SKIP
