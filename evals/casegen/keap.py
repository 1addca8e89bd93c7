"""Keap (Infusionsoft): the contact list export and the opportunity export, CSV.

From Keap's documentation: contact types Lead / Client / Other, "Lead Source", comma-separated
tags, an owner shown by the user's first name, and opportunities whose contact is the person's
display name (no id in the UI export).
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

CASE = "keap"
OWNERS = ["Megan", "Carlos", "Priya", "Tom"]  # Tom left the business: no destination user
TITLES = [
    "Owner",
    "Office Manager",
    "Owner ",
    "Marketing Director",
    "CEO",
    "Bookkeeper",
    "Practice Manager",
    "Founder & CEO",
    "Operations Lead",
    "Head of Sales",
    "Receptionist",
]
TAGS = [
    ["Newsletter", "newsletter ", "NEWSLETTER"],
    ["VIP", "vip"],
    ["Webinar 2024", "webinar 2024"],
    ["Referral Partner", "referral partner"],
]
STAGES = ["New Opportunity", "Contacted", "Proposal Sent", "Won - Signed", "Lost - Went Elsewhere"]
NOTES = [
    "Met at the spring expo.",
    "Wants a callback after the holidays.",
    "Asked about annual billing.",
    "Prefers email over phone.",
    "Existing client of the Denver office.",
    "",
]
OBJECTIONS = [
    "Price higher than the competitor's quote",
    "Needs sign-off from the board",
    "Timing - revisit in Q3",
    "Already under contract until March",
    "Unsure about onboarding effort",
    "Budget frozen this year",
    "Wants a reference customer in the same trade",
]


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE
    persons = people(rng, 48)
    firms = companies(rng, 30)
    rows = []
    for i, p in enumerate(persons, start=1):
        city, state, zip_code = rng.choice(US_PLACES)
        tags = rng.sample(TAGS, rng.randint(0, 2))
        rows.append(
            [
                str(1000 + i),
                p.first,
                p.last,
                p.email(rng.choice(["gmail.com", "outlook.com", "example.net"])),
                us_phone(rng),
                maybe(rng, 0.7, rng.choice(firms)),
                maybe(rng, 0.8, rng.choice(TITLES)),
                street(rng),
                city,
                state,
                zip_code,
                "United States",
                rng.choice(["Lead", "Client", "Client", "Other"]),
                rng.choice(["Website", "Referral", "Facebook Ad", "Trade Show"]),
                ",".join(spelled(rng, t) for t in tags),
                rng.choice(OWNERS),
                date(rng, 2023, "{m:02d}/{d:02d}/{y}"),
                rng.choice(NOTES),
            ]
        )
    write_csv(
        root / "source" / "contacts.csv",
        [
            "Id",
            "First Name",
            "Last Name",
            "Email",
            "Phone 1",
            "Company",
            "Job Title",
            "Street Address 1",
            "City",
            "State",
            "Postal Code",
            "Country",
            "Contact Type",
            "Lead Source",
            "Tags",
            "Owner",
            "Date Created",
            "Person Notes",
        ],
        rows,
    )
    opps = []
    for i in range(36):
        p = rng.choice(persons)
        low = rng.randint(5, 60) * 100
        stage = STAGES[i % len(STAGES)]
        opps.append(
            [
                str(500 + i),
                f"{p.last} - {rng.choice(['Website rebuild', 'Retainer', 'SEO package'])}",
                p.full,
                stage,
                f"{low:.2f}",
                f"{low * 1.5:.2f}",
                date(rng, 2025),
                rng.choice(OWNERS[:3]),
                maybe(rng, 0.6, rng.choice(OBJECTIONS)),
            ]
        )
    write_csv(
        root / "source" / "opportunities.csv",
        [
            "Id",
            "Opportunity Title",
            "Contact",
            "Stage",
            "Projected Revenue Low",
            "Projected Revenue High",
            "Estimated Close Date",
            "Owner",
            "Objection",
        ],
        opps,
    )
    write_json(
        root / "destination.json",
        destination(
            CASE,
            "US",
            {"Sales": ["New", "Contacted", "Proposal", "Won", "Lost"]},
            [
                ("Megan", "Hart", "megan@brightpathagency.com"),
                ("Carlos", "Ruiz", "carlos@brightpathagency.com"),
                ("Priya", "Shah", "priya@brightpathagency.com"),
            ],
            tags=["vip"],
        ),
    )
