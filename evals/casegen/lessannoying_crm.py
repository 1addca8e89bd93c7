"""Less Annoying CRM: its contacts (people and companies in one list), pipeline items, tasks and
events, exported as CSV.

From Less Annoying CRM's API v2 reference (account.lessannoyingcrm.com/api_docs/v2: Contacts,
Pipeline Items, Pipelines, Tasks, Events, "Other tips") and its help centre. One contact list holds
people and companies (``IsCompany``); a person is linked to its company by the company's name
("Contacts are linked to companies via the company name field"; company names are unique). A record
has a name (first / last for a person), ``Job Title``, e-mails, phones and addresses each with a
type (Work, Personal, Mobile, Home), ``Website``, ``Birthday``, ``Background Info``, ``Assigned
To`` (the user who owns it), groups (labels) and its creation date. A pipeline item is attached to
a contact or company and sits in one status of one pipeline (statuses are named by each account),
with the account's pipeline fields (here a deal value and an expected close date). A task has a
name, due date, description, completion flag, its contact and assigned user; an event a name,
start and end, all-day flag, location, description and attendees (contacts and users). The export
writes each reference by display name, dates as MM/DD/YYYY and money as "$1,250.00".
"""

from __future__ import annotations

import random
from pathlib import Path

from evals.casegen.common import (
    CASES_DIR,
    US_PLACES,
    companies,
    destination,
    maybe,
    people,
    rng_for,
    spelled,
    street,
    us_phone,
    write_csv,
    write_json,
)

CASE = "lessannoying_crm"
USERS = ["Rachel Kim", "Tom Alvarez", "Jen Park"]  # Jen has no destination user
GROUPS = [["Newsletter", "newsletter"], ["Referral Partner", "referral partner "], ["VIP", "vip"]]
PIPELINES = {
    "Sales": ["Lead", "Contacted", "Proposal Sent", "Negotiating", "Won", "Lost"],
    "Onboarding": ["Kickoff Scheduled", "In Setup", "Live"],
}
TITLES = ["Owner", "Office Manager", "Owner", "Bookkeeper", "Operations Lead", "Owner", "Partner"]
CONTACT_HEADER = [
    "Contact Id", "Is Company", "Name", "First Name", "Last Name", "Company Name", "Job Title", "Email",
    "Email Type", "Phone", "Phone Type", "Street", "City", "State", "Zip", "Country", "Website",
    "Birthday", "Background Info", "Groups", "Assigned To", "Date Created",
]  # fmt: skip
ITEM_HEADER = [
    "Pipeline Item Id", "Contact Name", "Pipeline", "Status", "Deal Value", "Expected Close Date",
    "Assigned To", "Last Note", "Date Created",
]  # fmt: skip
TASK_HEADER = ["Task Id", "Name", "Due Date", "Description", "Is Complete", "Contact Name", "Assigned To"]
EVENT_HEADER = [
    "Event Id", "Name", "Start Date", "End Date", "Is All Day", "Location", "Description", "Attendees",
    "Users",
]  # fmt: skip


def _day(rng: random.Random, year: int) -> str:
    return f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/{year}"


def _id(rng: random.Random) -> str:
    return str(rng.randint(10**30, 10**31 - 1))  # API v2 Uids are 31-digit numbers


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    firms = companies(rng, 9)
    rows = []
    for firm in firms:
        city, state, zip_code = rng.choice(US_PLACES)
        rows.append(
            [
                _id(rng),
                "Yes",
                firm,
                "",
                "",
                firm,
                "",
                f"info@{firm.split()[0].lower()}.com",
                "Work",
                us_phone(rng),
                "Work",
                street(rng),
                city,
                state,
                zip_code,
                "United States",
                f"https://{firm.replace(' ', '').lower()}.com",
                "",
                maybe(rng, 0.4, "Met at the chamber mixer"),
                "",
                rng.choice(USERS),
                _day(rng, 2023),
            ]
        )
    for p in people(rng, 30):
        firm = maybe(rng, 0.6, rng.choice(firms))
        city, state, zip_code = rng.choice(US_PLACES)
        kind = rng.choice(["Work", "Personal"])
        rows.append(
            [
                _id(rng),
                "No",
                p.full,
                p.first,
                p.last,
                firm,
                rng.choice(TITLES) if firm else "",
                p.email("example.com" if kind == "Work" else rng.choice(["gmail.com", "yahoo.com"])),
                kind,
                us_phone(rng),
                rng.choice(["Work", "Mobile", "Home"]),
                maybe(rng, 0.7, street(rng)),
                city,
                state,
                zip_code,
                rng.choice(["United States", "USA", ""]),
                "",
                maybe(
                    rng, 0.3, f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/{rng.randint(1960, 1995)}"
                ),
                maybe(
                    rng,
                    0.3,
                    rng.choice(["Prefers calls after 3pm", "Spouse also a client", "Found us on Google"]),
                ),
                ", ".join(spelled(rng, g) for g in rng.sample(GROUPS, rng.randint(0, 2))),
                rng.choice(USERS),
                _day(rng, 2023),
            ]
        )
    rng.shuffle(rows)
    names = [r[2] for r in rows]
    items = []
    for i in range(40):
        pipeline = "Sales" if i % 4 else "Onboarding"
        statuses = PIPELINES[pipeline]
        items.append(
            [
                _id(rng),
                rng.choice(names),
                pipeline,
                statuses[i % len(statuses)],
                f"${rng.randint(5, 240) * 100:,.2f}" if pipeline == "Sales" else maybe(rng, 0.3, "$1,500.00"),
                maybe(rng, 0.8, _day(rng, 2025)),
                rng.choice(USERS),
                maybe(
                    rng,
                    0.5,
                    rng.choice(["Sent revised quote", "Waiting on their board", "Kickoff call booked"]),
                ),
                _day(rng, 2024),
            ]
        )
    tasks = []
    for _ in range(36):
        tasks.append(
            [
                _id(rng),
                rng.choice(["Follow up call", "Send proposal", "Check in about renewal", "Email invoice"]),
                _day(rng, 2025),
                maybe(rng, 0.4, "Ask about the second location"),
                rng.choice(["Yes", "No", "No"]),
                maybe(rng, 0.9, rng.choice(names)),
                rng.choice(USERS),
            ]
        )
    events = []
    for _ in range(24):
        start_day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        hour = rng.randint(8, 16)
        all_day = rng.random() < 0.15
        events.append(
            [
                _id(rng),
                rng.choice(["Intro meeting", "Site visit", "Quarterly review", "Demo"]),
                start_day if all_day else f"{start_day} {hour:02d}:00",
                start_day if all_day else f"{start_day} {hour + 1:02d}:00",
                "Yes" if all_day else "No",
                maybe(rng, 0.5, rng.choice(["Zoom", "Their office", "Our office"])),
                maybe(rng, 0.4, "Bring the pricing sheet"),
                "; ".join(rng.sample(names, rng.choice([1, 1, 2]))),
                ", ".join(rng.sample(USERS, rng.choice([1, 2]))),
            ]
        )
    write_csv(root / "contacts.csv", CONTACT_HEADER, rows)
    write_csv(root / "pipeline_items.csv", ITEM_HEADER, items)
    write_csv(root / "tasks.csv", TASK_HEADER, tasks)
    write_csv(root / "events.csv", EVENT_HEADER, events)
    state = destination(
        CASE,
        "US",
        {
            "Sales Pipeline": [
                "New Lead",
                "Reached Out",
                "Proposal",
                "Negotiation",
                "Closed Won",
                "Closed Lost",
            ],
            "Client Onboarding": ["Kickoff", "Setup", "Go-Live"],
        },
        [
            ("Rachel", "Kim", "rachel@brightsidebookkeeping.com"),
            ("Tom", "Alvarez", "tom@brightsidebookkeeping.com"),
        ],
    )
    # A sub-account that books meetings has a calendar: events have somewhere to land.
    state["calendars"] = [{"id": "cal_meetings", "name": "Client Meetings", "locationId": f"loc_{CASE}"}]
    write_json(cases_dir / CASE / "destination.json", state)
