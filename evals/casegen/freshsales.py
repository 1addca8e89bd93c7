"""Freshsales (Freshworks CRM): the CSV exports of Contacts and Deals.

From Freshsales' help centre and API reference: a contact has ``First name``, ``Last name``, ``Job
title``, ``Emails``, ``Work`` and ``Mobile`` numbers, ``Address`` / ``City`` / ``State`` /
``Zipcode`` / ``Country``, ``Lifecycle stage`` (Lead / Sales Qualified Lead / Customer), ``Status``
(the lifecycle's sub-status: New / Contacted / Interested / Qualified Lead / Prospect / Customer /
Lost), ``Sales owner``, ``Account name`` (the sales account, by name), ``Lead source``, ``Tags`` and
``Created at``; a deal has ``Name``, ``Deal value``, ``Deal pipeline``, ``Deal stage`` (the default
pipeline's New / Contacted / Interested / Under review / Demo / Won / Lost), ``Expected close
date``, ``Sales owner``, ``Account name``, ``Contacts`` (the related contacts' display names),
``Probability (%)``, ``Lost reason`` and ``Created at``. Owners are exported by the user's e-mail.
"""

from __future__ import annotations

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

CASE = "freshsales"
# Omar exports with an address the destination does not hold: no user
OWNERS = ["lena.fox@tidewaterhvac.com", "raj.menon@tidewaterhvac.com", "omar.haddad@tidewaterhvac.com"]
STAGES = ["New", "Contacted", "Interested", "Under review", "Demo", "Won", "Lost"]
LIFECYCLE = [
    ("Lead", ["New", "Contacted", "Interested"]),
    ("Sales Qualified Lead", ["Qualified Lead", "Prospect"]),
    ("Customer", ["Customer", "Lost"]),
]
TITLES = [
    "Facilities Manager",
    "Owner",
    "Property Manager",
    "owner",
    "Office Administrator",
    "Maintenance Lead",
    "General Manager",
    "Purchasing Agent",
    "Site Supervisor",
]
TAGS = [
    ["Maintenance plan", "maintenance plan"],
    ["Commercial", "commercial ", "COMMERCIAL"],
    ["Warm", "warm"],
]
FRESH_TIME = "{d:02d}/{m:02d}/{y} 10:30"  # the account's date format (dd/mm/yyyy)


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    persons = people(rng, 46)
    accounts = companies(rng, 18)
    rows = []
    for p in persons:
        account = maybe(rng, 0.75, rng.choice(accounts))
        city, state, zip_code = rng.choice(US_PLACES)
        stage, statuses = rng.choice(LIFECYCLE)
        tags = [spelled(rng, t) for t in rng.sample(TAGS, rng.randint(0, 2))]
        rows.append(
            [
                p.first,
                p.last,
                maybe(rng, 0.8, rng.choice(TITLES)),
                p.email(account.split()[0].lower() + ".com" if account else "yahoo.com"),
                us_phone(rng),
                maybe(rng, 0.5, us_phone(rng)),
                street(rng),
                city,
                state,
                zip_code,
                "United States",
                stage,
                rng.choice(statuses),
                rng.choice(OWNERS),
                account,
                rng.choice(["Web", "Phone", "Referral", "Email", "Chat"]),
                ",".join(tags),
                date(rng, 2023, FRESH_TIME),
            ]
        )
    deals = []
    with_account = [r for r in rows if r[14]]
    for i in range(40):
        contact = rng.choice(with_account)
        stage = STAGES[i % len(STAGES)]
        deals.append(
            [
                f"{contact[14]} - {rng.choice(['Rooftop units', 'Service contract', 'Boiler upgrade'])}",
                f"{rng.randint(15, 600) * 50}.0",
                "Default Pipeline",
                stage,
                date(rng, 2025, "{d:02d}/{m:02d}/{y}"),
                rng.choice(OWNERS),
                contact[14],
                f"{contact[0]} {contact[1]}",
                str({"Won": 100, "Lost": 0}.get(stage, rng.choice([20, 40, 60]))),
                rng.choice(["Budget", "Chose competitor", "No decision"]) if stage == "Lost" else "",
                date(rng, 2024, FRESH_TIME),
            ]
        )
    write_csv(
        root / "contacts.csv",
        [
            "First name",
            "Last name",
            "Job title",
            "Emails",
            "Work",
            "Mobile",
            "Address",
            "City",
            "State",
            "Zipcode",
            "Country",
            "Lifecycle stage",
            "Status",
            "Sales owner",
            "Account name",
            "Lead source",
            "Tags",
            "Created at",
        ],
        rows,
    )
    write_csv(
        root / "deals.csv",
        [
            "Name",
            "Deal value",
            "Deal pipeline",
            "Deal stage",
            "Expected close date",
            "Sales owner",
            "Account name",
            "Contacts",
            "Probability (%)",
            "Lost reason",
            "Created at",
        ],
        deals,
    )
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {
                "Sales": [
                    "New",
                    "Contacted",
                    "Interested",
                    "In review",
                    "Demo booked",
                    "Closed won",
                    "Closed lost",
                ]
            },
            [("Lena", "Fox", "lena.fox@tidewaterhvac.com"), ("Raj", "Menon", "raj.menon@tidewaterhvac.com")],
        ),
    )
