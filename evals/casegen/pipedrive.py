"""Pipedrive: the spreadsheet exports of Organizations, People and Deals, CSV.

From Pipedrive's knowledge base ("How is Pipedrive data organized?", "Import fields", exporting
list views) and its API v1 (Persons, Organizations, Deals, Stages): every exported header carries
its entity as a prefix (``Deal - Title``, ``Person - Email - Work``); a deal names its organisation
and its contact person by display name (``Deal - Organization``, ``Deal - Contact person``) and its
owner by the user's name; ``Deal - Value`` is a plain number beside ``Deal - Currency`` (a 3-letter
code); ``Deal - Status`` is Open / Won / Lost; dates are YYYY-MM-DD and creation times
YYYY-MM-DD HH:MM:SS. A person has labelled e-mails and phones (Work / Home / Mobile), a job title,
a ``Label`` (the defaults Customer / Hot lead / Warm lead / Cold lead) and a marketing status
(Subscribed / Unsubscribed / No consent / Archived). An organisation's address is exported whole and
split into components (``Address - City/town/village/locality``, ``Address - State/county``,
``Address - ZIP/Postal code``, ``Address - Country``), with the counts ``People`` and ``Open
deals``. The default pipeline's stages are Qualified / Contact Made / Demo Scheduled / Proposal Made
/ Negotiations Started.
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
    spelled,
    street,
    us_phone,
    write_csv,
    write_json,
)

CASE = "pipedrive"
OWNERS = ["Nadia Brandt", "Tomas Keller", "Ines Duarte"]  # Ines has no destination user
STAGES = ["Qualified", "Contact Made", "Demo Scheduled", "Proposal Made", "Negotiations Started"]
LABELS = [["Hot lead", "hot lead", "Hot Lead "], ["Warm lead", "warm lead"], ["Cold lead", "COLD LEAD"]]
TITLES = ["Owner", "Office Manager", "owner", "Head of Operations", "Purchasing", "Founder", "CEO"]
MARKETING = ["Subscribed", "No consent", "Unsubscribed", "Archived"]
ORG_LABELS = [["Customer"], *LABELS]
LOST = ["Price too high", "Chose a competitor", "No response", "Timing"]
ORG_HEADER = [
    "Organization - ID", "Organization - Name", "Organization - Owner", "Organization - Label",
    "Organization - Address", "Organization - Address - City/town/village/locality",
    "Organization - Address - State/county", "Organization - Address - ZIP/Postal code",
    "Organization - Address - Country", "Organization - People", "Organization - Open deals",
    "Organization - Add time",
]  # fmt: skip
PERSON_HEADER = [
    "Person - ID", "Person - Name", "Person - Organization", "Person - Email - Work",
    "Person - Email - Home", "Person - Phone - Work", "Person - Phone - Mobile", "Person - Job title",
    "Person - Label", "Person - Owner", "Person - Marketing status", "Person - Add time",
]  # fmt: skip
DEAL_HEADER = [
    "Deal - ID", "Deal - Title", "Deal - Value", "Deal - Currency", "Deal - Organization",
    "Deal - Contact person", "Deal - Owner", "Deal - Pipeline", "Deal - Stage", "Deal - Status",
    "Deal - Expected close date", "Deal - Lost reason", "Deal - Deal created",
]  # fmt: skip


def _time(rng: random.Random, year: int) -> str:
    return f"{date(rng, year)} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"


def _org_rows(rng: random.Random, firms: list[str]) -> list[list[str]]:
    rows = []
    for i, name in enumerate(firms, start=1):
        city, state, zip_code = rng.choice(US_PLACES)
        road = street(rng)
        rows.append(
            [str(i), name, rng.choice(OWNERS), maybe(rng, 0.5, spelled(rng, rng.choice(ORG_LABELS))),
             f"{road}, {city}, {state} {zip_code}, USA", city, state, zip_code, "United States",
             str(rng.randint(0, 4)), str(rng.randint(0, 3)), _time(rng, 2023)]
        )  # fmt: skip
    return rows


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    firms = companies(rng, 15)
    persons = people(rng, 42)
    person_rows = []
    for i, p in enumerate(persons, start=1):
        firm = maybe(rng, 0.75, rng.choice(firms))
        work = p.email(firm.split()[0].lower() + ".com") if firm else ""
        person_rows.append(
            [str(100 + i), p.full, firm, work, maybe(rng, 0.4 if work else 0.9, p.email("gmail.com")),
             maybe(rng, 0.8, us_phone(rng)), maybe(rng, 0.4, us_phone(rng)),
             maybe(rng, 0.6, rng.choice(TITLES)), maybe(rng, 0.6, spelled(rng, rng.choice(LABELS))),
             rng.choice(OWNERS), rng.choice(MARKETING), _time(rng, 2023)]
        )  # fmt: skip
    deal_rows = []
    for i in range(40):
        person = rng.choice(person_rows)
        status = rng.choice(["Open", "Open", "Open", "Won", "Lost"])
        value = maybe(rng, 0.9, str(rng.randint(4, 400) * 50))
        deal_rows.append(
            [str(1 + i), f"{person[2] or person[1]} deal", value, "USD", person[2], person[1],
             rng.choice(OWNERS), "Pipeline", STAGES[i % len(STAGES)], status,
             maybe(rng, 0.7, date(rng, 2025)),
             rng.choice(LOST) if status == "Lost" else "", _time(rng, 2024)]
        )  # fmt: skip
    write_csv(root / "organizations.csv", ORG_HEADER, _org_rows(rng, firms))
    write_csv(root / "people.csv", PERSON_HEADER, person_rows)
    write_csv(root / "deals.csv", DEAL_HEADER, deal_rows)
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {"Sales": ["Qualified", "Contacted", "Demo booked", "Proposal sent", "Negotiation"]},
            [
                ("Nadia", "Brandt", "nadia@harborlabs.io"),
                ("Tomas", "Keller", "tomas@harborlabs.io"),
            ],
        ),
    )
