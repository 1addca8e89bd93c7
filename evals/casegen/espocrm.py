"""EspoCRM: the list-view exports of Accounts, Contacts, Opportunities and Tasks, CSV (a US facility
services firm).

From EspoCRM's user guide (https://github.com/espocrm/documentation/blob/master/docs/user-guide/export.md:
list view, Select All Results, Actions > Export, pick the fields, CSV or XLSX) and its source
(https://github.com/espocrm/espocrm application/Espo/Tools/Export/Export.php and
Format/Csv/Processor.php; entityDefs Account.json, Contact.json, Opportunity.json, Task.json;
fields/phone.json). The CSV header is the attribute list of the chosen fields, not their labels: a
link gives ``accountId`` and ``accountName``, the person name ``salutationName``, ``firstName``,
``lastName`` beside the joined ``name``, an address ``addressStreet`` ... ``addressPostalCode``, an
e-mail or phone field its opt-out flag, the primary value and the ``...Data`` list of every address or
number (JSON text in the cell, each number typed Mobile / Office / Home / Fax / Other), ``teams`` its
``teamsIds`` / ``teamsNames`` JSON, a currency ``amountCurrency`` beside ``amount``, the task's
due date (``datetimeOptional``) ``dateEnd`` on timed tasks and ``dateEndDate`` on all-day ones, its
parent ``parentType`` / ``parentId`` / ``parentName``. Booleans are written 1 or empty, dates
YYYY-MM-DD and times YYYY-MM-DD HH:MM:SS (UTC); a cell starting with + - @ = gets a leading
apostrophe (the processor's formula guard), so E.164 phone numbers read ``'+15125550143``. Ids are
17 hexadecimal characters. The enumerations are the defaults: account type Customer / Investor /
Partner / Reseller, the industry list, salutation Mr. / Ms. / Mrs. / Dr., opportunity stage
Prospecting / Qualification / Proposal / Negotiation / Closed Won / Closed Lost with its probability
map (10 / 20 / 50 / 80 / 100 / 0) and ``lastStage`` (the stage a lost deal had reached), lead source
Call / Email / Existing Customer / Partner / Public Relations / Web Site / Campaign / Other, task
status Not Started / Started / Completed / Canceled / Deferred and priority Low / Normal / High /
Urgent. The url field strips the protocol (``www.summitdental.com``).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from evals.casegen.common import (
    CASES_DIR,
    US_PLACES,
    Person,
    companies,
    destination,
    maybe,
    people,
    rng_for,
    street,
    write_csv,
    write_json,
)

CASE = "espocrm"
# (first, last): Dana Ortiz has no destination user
USERS = [("Rachel", "Stone"), ("Victor", "Hale"), ("Dana", "Ortiz")]
TEAMS = ["East Region", "West Region"]
TYPES = ["Customer", "Customer", "Customer", "Partner", "Reseller", "Investor", ""]
INDUSTRIES = ["Healthcare", "Real Estate", "Education", "Retail", "Hospitality", "Finance", "Manufacturing",
              ""]  # fmt: skip
SALUTATIONS = ["Mr.", "Ms.", "Mrs.", "Dr.", "", ""]
TITLES = ["Facilities Manager", "Office Manager", "Property Manager", "facilities manager",
          "Director of Operations", "Owner", "Purchasing"]  # fmt: skip
# (stage, probability) from Opportunity.json's probabilityMap
STAGES = [("Prospecting", 10), ("Qualification", 20), ("Proposal", 50), ("Negotiation", 80),
          ("Closed Won", 100), ("Closed Lost", 0)]  # fmt: skip
SOURCES = ["Call", "Email", "Existing Customer", "Partner", "Public Relations", "Web Site", "Campaign",
           "Other", ""]  # fmt: skip
SERVICES = ["Janitorial contract", "Window cleaning", "Carpet care", "Post-construction cleanup",
            "Day porter service", "Floor stripping and waxing"]  # fmt: skip
TASKS = ["Call back about renewal", "Send proposal", "Schedule site walkthrough", "Follow up on quote",
         "Confirm start date", "Send certificate of insurance"]  # fmt: skip
TASK_STATUS = ["Not Started", "Not Started", "Started", "Completed", "Completed", "Canceled", "Deferred"]
PRIORITIES = ["Normal", "Normal", "Low", "High", "Urgent"]
NOTES = ["Prefers calls after 2pm.", "Night crew access via loading dock.", "Budget approved in Q1.", ""]
ACCOUNT_HEADER = [
    "id", "name", "website", "phoneNumberIsOptedOut", "phoneNumber", "phoneNumberData", "type", "industry",
    "billingAddressStreet", "billingAddressCity", "billingAddressState", "billingAddressCountry",
    "billingAddressPostalCode", "assignedUserId", "assignedUserName", "createdAt",
]  # fmt: skip
CONTACT_HEADER = [
    "id", "salutationName", "firstName", "lastName", "name", "accountId", "accountName", "title",
    "emailAddressIsOptedOut", "emailAddress", "emailAddressData", "phoneNumberIsOptedOut", "phoneNumber",
    "phoneNumberData", "doNotCall", "addressStreet", "addressCity", "addressState", "addressCountry",
    "addressPostalCode", "description", "assignedUserId", "assignedUserName", "createdAt",
]  # fmt: skip
OPPORTUNITY_HEADER = [
    "id", "name", "accountId", "accountName", "contactId", "contactName", "stage", "lastStage", "probability",
    "amountCurrency", "amount", "closeDate", "leadSource", "description", "assignedUserId",
    "assignedUserName", "teamsIds", "teamsNames", "createdAt",
]  # fmt: skip
TASK_HEADER = [
    "id", "name", "status", "priority", "dateEnd", "dateEndDate", "dateCompleted", "parentType", "parentId",
    "parentName", "description", "assignedUserId", "assignedUserName", "createdAt",
]  # fmt: skip


def _id(rng: random.Random) -> str:
    return "6" + "".join(rng.choice("0123456789abcdef") for _ in range(16))


def _time(rng: random.Random, year: int) -> str:
    day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return f"{day} {rng.randint(8, 22):02d}:{rng.randint(0, 59):02d}:00"


def _e164(rng: random.Random) -> str:
    return f"+1{rng.randint(201, 989)}{rng.randint(200, 999)}{rng.randint(1000, 9999)}"


def _guarded(value: str) -> str:
    """The CSV processor's formula guard: a leading + - @ = gets an apostrophe."""
    return "'" + value if value[:1] in "+-@=" else value


def _json(value: object) -> str:
    """As Espo's Json::encode writes it: no spaces."""
    return json.dumps(value, separators=(",", ":"))


def _phones(numbers: list[tuple[str, str]]) -> str:
    data = [{"phoneNumber": n, "primary": i == 0, "type": t, "optOut": False, "invalid": False}
            for i, (n, t) in enumerate(numbers)]  # fmt: skip
    return _json(data)


def _emails(addresses: list[str]) -> str:
    data = [{"emailAddress": a, "lower": a.lower(), "primary": i == 0, "optOut": False, "invalid": False}
            for i, a in enumerate(addresses)]  # fmt: skip
    return _json(data)


def _account_rows(rng: random.Random, firms: list[str], users: list[tuple[str, str]]) -> list[list[str]]:
    rows = []
    for firm in firms:
        city, state, zip_code = rng.choice(US_PLACES)
        numbers = [(_e164(rng), "Office")] if rng.random() < 0.85 else []
        if numbers and rng.random() < 0.3:
            numbers.append((_e164(rng), "Fax"))
        user_id, user_name = rng.choice(users)
        rows.append(
            [_id(rng), firm, maybe(rng, 0.7, f"www.{firm.replace(' ', '').lower()}.com"), "",
             _guarded(numbers[0][0]) if numbers else "", _phones(numbers), rng.choice(TYPES),
             rng.choice(INDUSTRIES), street(rng), city, state,
             "United States" if rng.random() < 0.8 else "USA", zip_code, user_id, user_name, _time(rng, 2023)]
        )  # fmt: skip
    return rows


def _contact_rows(
    rng: random.Random, persons: list[Person], accounts: list[list[str]], users: list[tuple[str, str]]
) -> list[list[str]]:
    rows = []
    for p in persons:
        account = rng.choice(accounts) if rng.random() < 0.8 else None
        domain = account[1].split()[0].lower() + ".com" if account else "gmail.com"
        emails = [p.email(domain)] if rng.random() < 0.9 else []
        if emails and account and rng.random() < 0.25:
            emails.append(p.email("gmail.com"))
        numbers = [(_e164(rng), "Mobile")] if rng.random() < 0.85 else []
        if numbers and rng.random() < 0.35:
            numbers.append((_e164(rng), "Office"))
        has_address = rng.random() < 0.5
        city, state, zip_code = rng.choice(US_PLACES)
        user_id, user_name = rng.choice(users)
        rows.append(
            [_id(rng), rng.choice(SALUTATIONS), p.first, p.last, p.full, account[0] if account else "",
             account[1] if account else "", maybe(rng, 0.65, rng.choice(TITLES)),
             "1" if emails and rng.random() < 0.1 else "", emails[0] if emails else "", _emails(emails),
             "", _guarded(numbers[0][0]) if numbers else "", _phones(numbers),
             "1" if rng.random() < 0.12 else "", street(rng) if has_address else "",
             city if has_address else "", state if has_address else "",
             "United States" if has_address else "", zip_code if has_address else "",
             rng.choice(NOTES) if rng.random() < 0.3 else "", user_id, user_name, _time(rng, 2023)]
        )  # fmt: skip
    return rows


def _opportunity_rows(
    rng: random.Random, contacts: list[list[str]], users: list[tuple[str, str]], teams: list[tuple[str, str]]
) -> list[list[str]]:
    rows = []
    with_account = [c for c in contacts if c[5]]
    for i in range(40):
        contact = rng.choice(with_account)
        stage, probability = STAGES[i % len(STAGES)]
        last_stage = rng.choice(STAGES[:4])[0] if stage == "Closed Lost" else stage
        user_id, user_name = rng.choice(users)
        team_id, team_name = rng.choice(teams)
        rows.append(
            [_id(rng), f"{contact[6]} - {rng.choice(SERVICES)}", contact[5], contact[6],
             contact[0] if rng.random() < 0.85 else "", "", stage, last_stage, str(probability), "USD",
             str(rng.randint(12, 480) * 100), f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
             rng.choice(SOURCES), maybe(rng, 0.25, rng.choice(NOTES)), user_id, user_name,
             _json([team_id]), _json({team_id: team_name}), _time(rng, 2024)]
        )  # fmt: skip
        if rows[-1][4]:
            rows[-1][5] = contact[4]
    return rows


def _task_rows(
    rng: random.Random, accounts: list[list[str]], contacts: list[list[str]], deals: list[list[str]],
    users: list[tuple[str, str]],
) -> list[list[str]]:  # fmt: skip
    rows = []
    for _ in range(36):
        kind = rng.choice(["Contact", "Contact", "Opportunity", "Account"])
        parent = rng.choice({"Contact": contacts, "Opportunity": deals, "Account": accounts}[kind])
        parent_name = parent[4] if kind == "Contact" else parent[1]
        status = rng.choice(TASK_STATUS)
        day = f"2025-{rng.randint(1, 6):02d}-{rng.randint(1, 28):02d}"
        all_day = rng.random() < 0.35
        user_id, user_name = rng.choice(users)
        rows.append(
            [_id(rng), rng.choice(TASKS), status, rng.choice(PRIORITIES),
             "" if all_day else f"{day} {rng.randint(13, 22):02d}:00:00", day if all_day else "",
             f"{day} {rng.randint(13, 22):02d}:{rng.randint(0, 59):02d}:00" if status == "Completed" else "",
             kind, parent[0], parent_name, maybe(rng, 0.3, rng.choice(NOTES)), user_id, user_name,
             _time(rng, 2024)]
        )  # fmt: skip
    return rows


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    users = [(_id(rng), f"{first} {last}") for first, last in USERS]
    teams = [(_id(rng), name) for name in TEAMS]
    accounts = _account_rows(rng, companies(rng, 18), users)
    contacts = _contact_rows(rng, people(rng, 45), accounts, users)
    deals = _opportunity_rows(rng, contacts, users, teams)
    write_csv(root / "Export_Account.csv", ACCOUNT_HEADER, accounts)
    write_csv(root / "Export_Contact.csv", CONTACT_HEADER, contacts)
    write_csv(root / "Export_Opportunity.csv", OPPORTUNITY_HEADER, deals)
    write_csv(root / "Export_Task.csv", TASK_HEADER, _task_rows(rng, accounts, contacts, deals, users))
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {"Sales Pipeline": ["Discovery", "Qualified", "Proposal Sent", "Negotiating", "Won", "Lost"]},
            [
                ("Rachel", "Stone", "rachel@brightlinefacility.com"),
                ("Victor", "Hale", "victor@brightlinefacility.com"),
                ("Megan", "Cho", "megan@brightlinefacility.com"),
            ],
            [("Lead Source", "opportunity.lead_source", "SINGLE_OPTIONS", "opportunity")],
        ),
    )
