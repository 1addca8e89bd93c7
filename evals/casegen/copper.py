"""Copper: the CSV exports of People, Companies and Opportunities.

From Copper's help centre ("Default fields for all records") and its developer API: a person has a
name (first / last), ``Company`` (the Company record it belongs to, by name), ``Title``, ``Contact
Type`` (Potential Customer / Current Customer / Uncategorized / Other), ``Owner`` (a user's full
name), work e-mail and phones, an address, ``Tags`` and ``Details``; a company has a name, address,
``Email Domain``, phone, ``Contact Type``, ``Owner`` and ``Tags``; an opportunity has ``Name``,
``Company`` and ``Primary Contact`` (display names), ``Pipeline``, ``Stage``, ``Status`` (Open /
Won / Lost / Abandoned), ``Owner``, ``Value`` (shown as currency text), ``Close Date`` (the
account's MM/DD/YYYY), ``Win Percentage``, ``Priority`` (None / Low / Medium / High), ``Loss
Reason``, ``Source`` and ``Tags``. The default Sales pipeline's stages are Qualified / Follow-up /
Presentation / Contract Sent / Negotiation.
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

CASE = "copper"
OWNERS = ["Paula Grant", "Mateo Silva", "Irene Novak"]  # Irene has no destination user
STAGES = ["Qualified", "Follow-up", "Presentation", "Contract Sent", "Negotiation"]
TYPES = ["Potential Customer", "Current Customer", "Uncategorized", "Other"]
TITLES = [
    "Owner",
    "Office Manager",
    "Operations Director",
    "owner",
    "CFO",
    "Store Manager",
    "Buyer",
    "Founder",
]
TAGS = [
    ["Referral", "referral"],
    ["Trade Show 2024", "trade show 2024 "],
    ["Priority", "PRIORITY", "priority"],
]
MDY = "{m:02d}/{d:02d}/{y}"
COMPANIES_HEADER = [
    "Name", "Street", "City", "State", "Postal Code", "Country", "Email Domain", "Phone Number",
    "Contact Type", "Owner", "Tags", "Details",
]  # fmt: skip
PEOPLE_HEADER = [
    "First Name", "Last Name", "Company", "Title", "Contact Type", "Owner", "Work Email", "Work Phone",
    "Mobile Phone", "Street", "City", "State", "Postal Code", "Country", "Tags", "Date Added",
]  # fmt: skip
OPPORTUNITIES_HEADER = [
    "Name", "Company", "Primary Contact", "Pipeline", "Stage", "Status", "Owner", "Value", "Close Date",
    "Win Percentage", "Priority", "Loss Reason", "Source", "Tags",
]  # fmt: skip


def _tags(rng: random.Random, k: int) -> str:
    return ", ".join(spelled(rng, t) for t in rng.sample(TAGS, k))


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    firms = companies(rng, 16)
    company_rows = []
    for name in firms:
        city, state, zip_code = rng.choice(US_PLACES)
        company_rows.append(
            [
                name,
                street(rng),
                city,
                state,
                zip_code,
                "United States",
                name.split()[0].lower() + ".com",
                us_phone(rng),
                rng.choice(TYPES[:2]),
                rng.choice(OWNERS),
                _tags(rng, rng.randint(0, 1)),
                maybe(rng, 0.3, rng.choice(["Two sites.", "Family business since 1987.", "Seasonal."])),
            ]
        )
    persons = people(rng, 44)
    person_rows = []
    for p in persons:
        firm = maybe(rng, 0.8, rng.choice(firms))
        city, state, zip_code = rng.choice(US_PLACES)
        person_rows.append(
            [
                p.first,
                p.last,
                firm,
                maybe(rng, 0.8, rng.choice(TITLES)),
                rng.choice(TYPES),
                rng.choice(OWNERS),
                p.email(firm.split()[0].lower() + ".com" if firm else "gmail.com"),
                us_phone(rng),
                maybe(rng, 0.4, us_phone(rng)),
                street(rng),
                city,
                state,
                zip_code,
                "United States",
                _tags(rng, rng.randint(0, 2)),
                date(rng, 2023, MDY),
            ]
        )
    opp_rows = []
    named = [r for r in person_rows if r[2]]
    for i in range(38):
        person = rng.choice(named)
        status = rng.choice(["Open", "Open", "Open", "Won", "Lost", "Abandoned"])
        value = rng.randint(12, 900) * 25
        opp_rows.append(
            [
                f"{person[2]} - {rng.choice(['Annual service', 'Equipment', 'Renovation'])}",
                person[2],
                f"{person[0]} {person[1]}",
                "Sales",
                STAGES[i % len(STAGES)],
                status,
                rng.choice(OWNERS),
                f"${value:,.2f}",
                date(rng, 2025, MDY),
                str(rng.choice([10, 25, 50, 75, 90])),
                rng.choice(["None", "Low", "Medium", "High"]),
                rng.choice(["Price", "Went with competitor", "No budget"]) if status == "Lost" else "",
                rng.choice(["Advertising", "Cold Call", "Email", "No Source"]),
                _tags(rng, rng.randint(0, 1)),
            ]
        )
    write_csv(
        root / "companies.csv",
        COMPANIES_HEADER,
        company_rows,
    )
    write_csv(
        root / "people.csv",
        PEOPLE_HEADER,
        person_rows,
    )
    write_csv(
        root / "opportunities.csv",
        OPPORTUNITIES_HEADER,
        opp_rows,
    )
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {"Sales": ["Qualified", "Followed up", "Presentation", "Contract sent", "Negotiating"]},
            [
                ("Paula", "Grant", "paula@granitefacilities.com"),
                ("Mateo", "Silva", "mateo@granitefacilities.com"),
            ],
        ),
    )
