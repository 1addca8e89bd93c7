"""HubSpot: the CRM index-page exports of Companies, Contacts and Deals, CSV.

From HubSpot's knowledge base (exporting records, "Set up your import files", the default contact,
company and deal properties) and its CRM exports API: each file starts with ``Record ID``; headers
are the property labels (``First Name``, ``Phone Number``, ``State/Region``, ``Country/Region``,
``Company Domain Name``); owners are exported by the owner's name (``Contact owner``, ``Deal
owner``); associations are exported as record ids (``Associated Company IDs``, ``Associated Contact
IDs``: several separated by ";"); date-times as YYYY-MM-DD HH:MM. ``Lifecycle Stage`` holds the
default labels Subscriber / Lead / Marketing Qualified Lead / Sales Qualified Lead / Opportunity /
Customer / Evangelist / Other, ``Lead Status`` New / Open / In Progress / Open Deal / Unqualified /
Attempted to Contact / Connected / Bad Timing, ``Deal Type`` New Business / Existing Business,
``Industry`` the upper-case enumeration (COMPUTER_SOFTWARE, CONSTRUCTION...). ``Amount`` is a plain
number. The default "Sales Pipeline" has the stages Appointment Scheduled / Qualified To Buy /
Presentation Scheduled / Decision Maker Bought-In / Contract Sent / Closed Won / Closed Lost.
"""

from __future__ import annotations

import random
from pathlib import Path

from evals.casegen.common import (
    CASES_DIR,
    US_PLACES,
    companies,
    date,
    destination,
    maybe,
    people,
    rng_for,
    street,
    us_phone,
    write_csv,
    write_json,
)

CASE = "hubspot"
OWNERS = ["Greta Holm", "Marcus Webb", "Yuki Sato"]  # Yuki has no destination user
STAGES = [
    "Appointment Scheduled",
    "Qualified To Buy",
    "Presentation Scheduled",
    "Decision Maker Bought-In",
    "Contract Sent",
    "Closed Won",
    "Closed Lost",
]
LIFECYCLE = [
    "Subscriber",
    "Lead",
    "Marketing Qualified Lead",
    "Sales Qualified Lead",
    "Opportunity",
    "Customer",
]
COMPANY_STAGES = ["Lead", "Opportunity", "Customer"]
HEADCOUNTS = [3, 8, 12, 25, 60]
WORK = ["Renewal", "New site", "Upgrade"]
DEAL_TYPES = ["New Business", "Existing Business"]
LEAD_STATUS = ["New", "Open", "In Progress", "Open Deal", "Unqualified", "Attempted to Contact", "Connected"]
INDUSTRY = ["CONSTRUCTION", "HOSPITAL_HEALTH_CARE", "RETAIL", "FOOD_BEVERAGES", "REAL_ESTATE"]
TITLES = ["Owner", "Office Manager", "Marketing Lead", "owner", "General Manager", "Founder"]
COMPANY_HEADER = [
    "Record ID", "Company name", "Company Domain Name", "Phone Number", "Street Address", "City",
    "State/Region", "Postal Code", "Country/Region", "Industry", "Company owner", "Lifecycle Stage",
    "Number of Employees", "Annual Revenue", "Create Date",
]  # fmt: skip
CONTACT_HEADER = [
    "Record ID", "First Name", "Last Name", "Email", "Phone Number", "Mobile Phone Number", "Job Title",
    "Company Name", "Associated Company IDs", "Lifecycle Stage", "Lead Status", "Contact owner",
    "Create Date", "Last Activity Date",
]  # fmt: skip
DEAL_HEADER = [
    "Record ID", "Deal Name", "Pipeline", "Deal Stage", "Amount", "Close Date", "Deal owner", "Deal Type",
    "Associated Contact IDs", "Associated Company IDs", "Create Date",
]  # fmt: skip


def _time(rng: random.Random, year: int) -> str:
    return f"{date(rng, year)} {rng.randint(7, 19):02d}:{rng.randint(0, 59):02d}"


def _company_rows(rng: random.Random, firms: list[str]) -> list[list[str]]:
    rows = []
    for i, name in enumerate(firms):
        city, state, zip_code = rng.choice(US_PLACES)
        rows.append(
            [str(5_400_000 + i * 7), name, name.split()[0].lower() + ".com", us_phone(rng), street(rng), city,
             state, zip_code, "United States", rng.choice(INDUSTRY), rng.choice(OWNERS),
             rng.choice(COMPANY_STAGES), maybe(rng, 0.6, str(rng.choice(HEADCOUNTS))),
             maybe(rng, 0.5, str(rng.randint(2, 90) * 25_000)), _time(rng, 2023)]
        )  # fmt: skip
    return rows


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    company_rows = _company_rows(rng, companies(rng, 14))
    contact_rows = []
    for i, p in enumerate(people(rng, 44)):
        firm = rng.choice(company_rows) if rng.random() < 0.7 else None
        domain = firm[2] if firm else "gmail.com"
        contact_rows.append(
            [str(901 + i * 3), p.first, p.last, p.email(domain), maybe(rng, 0.7, us_phone(rng)),
             maybe(rng, 0.35, us_phone(rng)), maybe(rng, 0.6, rng.choice(TITLES)), firm[1] if firm else "",
             firm[0] if firm else "", rng.choice(LIFECYCLE), maybe(rng, 0.7, rng.choice(LEAD_STATUS)),
             maybe(rng, 0.9, rng.choice(OWNERS)), _time(rng, 2023), maybe(rng, 0.5, _time(rng, 2024))]
        )  # fmt: skip
    deal_rows = []
    for i in range(42):
        contact = rng.choice(contact_rows)
        also = rng.choice(contact_rows)[0] if rng.random() < 0.15 else ""
        deal_rows.append(
            [str(77_000 + i * 11), f"{contact[7] or contact[2]} - {rng.choice(WORK)}",
             "Sales Pipeline", STAGES[i % len(STAGES)], maybe(rng, 0.85, str(rng.randint(10, 600) * 25)),
             date(rng, 2025), rng.choice(OWNERS), maybe(rng, 0.8, rng.choice(DEAL_TYPES)),
             f"{contact[0]};{also}" if also else contact[0], contact[8], _time(rng, 2024)]
        )  # fmt: skip
    write_csv(root / "companies.csv", COMPANY_HEADER, company_rows)
    write_csv(root / "contacts.csv", CONTACT_HEADER, contact_rows)
    write_csv(root / "deals.csv", DEAL_HEADER, deal_rows)
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {
                "Sales Pipeline": [
                    "Appointment booked",
                    "Qualified",
                    "Presentation",
                    "Decision maker on board",
                    "Contract sent",
                    "Won",
                    "Lost",
                ]
            },
            [
                ("Greta", "Holm", "greta@northstarfit.com"),
                ("Marcus", "Webb", "marcus@northstarfit.com"),
            ],
        ),
    )
