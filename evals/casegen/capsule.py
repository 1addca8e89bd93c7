"""Capsule CRM: the People & Organisations export and the Opportunities export, CSV (UK business).

From Capsule's documentation: one party list holding both people and organisations (a ``Type``
column says which), a person's organisation by name, tags, owner by full name, opportunities
attached to a party by its display name, milestones New / Prospect / Proposal / Negotiation /
Won / Lost, and a lost reason.
"""

from __future__ import annotations

from pathlib import Path

from evals.casegen.common import (
    CASES_DIR,
    companies,
    date,
    destination,
    maybe,
    people,
    rng_for,
    spelled,
    write_csv,
    write_json,
)

CASE = "capsule"
OWNERS = ["Hannah Price", "George Ellis", "Amira Khan"]  # Amira has no destination user
UK_PLACES = [
    ("Leeds", "West Yorkshire", "LS1 4AP"),
    ("Bristol", "Bristol", "BS1 5TR"),
    ("Norwich", "Norfolk", "NR2 1NH"),
    ("Exeter", "Devon", "EX1 1LL"),
    ("York", "North Yorkshire", "YO1 7HH"),
]
TITLES = [
    "Director",
    "Managing Director",
    "Office Manager",
    "Procurement Lead",
    "Partner",
    "director",
    "Head of Facilities",
    "Finance Manager",
    "Practice Manager",
    "Owner",
]
TAGS = [["Supplier", "supplier"], ["Key Account", "key account", "Key account "], ["Event 2024"]]
MILESTONES = ["New", "Prospect", "Proposal", "Negotiation", "Won", "Lost"]
LOST = ["Chose a competitor", "No budget", "No decision", "Went quiet"]


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE
    persons = people(rng, 36)
    orgs = companies(rng, 12)
    rows = []
    for i, org in enumerate(orgs, start=1):
        city, county, post = rng.choice(UK_PLACES)
        rows.append(
            [
                str(9000 + i),
                "Organisation",
                "",
                "",
                org,
                "",
                f"info@{org.split()[0].lower()}.co.uk",
                f"0113 496 {rng.randint(1000, 9999)}",
                f"{rng.randint(1, 200)} High Street",
                city,
                county,
                post,
                "United Kingdom",
                spelled(rng, rng.choice(TAGS)),
                rng.choice(OWNERS),
                "",
            ]
        )
    for i, p in enumerate(persons, start=1):
        city, county, post = rng.choice(UK_PLACES)
        org = maybe(rng, 0.75, rng.choice(orgs))
        rows.append(
            [
                str(9100 + i),
                "Person",
                p.first,
                p.last,
                org,
                maybe(rng, 0.8, rng.choice(TITLES)),
                p.email("example.co.uk"),
                f"07700 9{rng.randint(10000, 99999)}",
                f"{rng.randint(1, 90)} {rng.choice(['Mill Lane', 'Station Road', 'Church St'])}",
                city,
                county,
                post,
                rng.choice(["United Kingdom", "United Kingdom", "UK"]),
                maybe(rng, 0.5, spelled(rng, rng.choice(TAGS))),
                rng.choice(OWNERS),
                maybe(rng, 0.4, f"Met {p.first} at a {rng.choice(['trade fair', 'webinar', 'site visit'])}."),
            ]
        )
    write_csv(
        root / "source" / "people_and_organisations.csv",
        [
            "ID",
            "Type",
            "First Name",
            "Last Name",
            "Organisation",
            "Job Title",
            "Email Address",
            "Phone Number",
            "Address Street",
            "City",
            "State",
            "Postcode",
            "Country",
            "Tags",
            "Owner",
            "About",
        ],
        rows,
    )
    opps = []
    for i in range(30):
        party = rng.choice([*orgs, *(p.full for p in persons)])
        milestone = MILESTONES[i % len(MILESTONES)]
        opps.append(
            [
                str(300 + i),
                f"{rng.choice(['Office fit-out', 'Annual service', 'Training days'])} {i}",
                maybe(rng, 0.5, "Scope agreed on the call, quote to follow."),
                party,
                milestone,
                str(rng.randint(2, 90) * 250),
                "GBP",
                str(rng.choice([10, 25, 50, 75, 90])),
                date(rng, 2025, "{d:02d}/{m:02d}/{y}"),
                rng.choice(OWNERS[:2]),
                rng.choice(LOST) if milestone == "Lost" else "",
            ]
        )
    write_csv(
        root / "source" / "opportunities.csv",
        [
            "ID",
            "Name",
            "Description",
            "Party",
            "Milestone",
            "Value",
            "Currency",
            "Probability",
            "Expected Close Date",
            "Owner",
            "Lost Reason",
        ],
        opps,
    )
    write_json(
        root / "destination.json",
        destination(
            CASE,
            "GB",
            {"Sales": ["Lead", "Prospect", "Proposal", "Negotiation", "Won", "Lost"]},
            [
                ("Hannah", "Price", "hannah@fitoutpartners.co.uk"),
                ("George", "Ellis", "george@fitoutpartners.co.uk"),
            ],
        ),
    )
