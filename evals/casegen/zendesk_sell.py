"""Zendesk Sell: the flat deals export (each row embeds its primary contact and organisation) and
the leads export, CSV.

From Sell's documentation: deal stages Incoming / Qualified / Quote / Closure / Won / Unqualified,
owner by full name, a lead's organisation name, title and status (New / Working / Unqualified).
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
    us_phone,
    write_csv,
    write_json,
)

CASE = "zendesk_sell"
OWNERS = ["Nora Blake", "Sam Ortiz", "Dana Whitfield"]  # Dana has no destination user
STAGES = ["Incoming", "Qualified", "Quote", "Closure", "Won", "Unqualified"]
TITLES = [
    "VP Sales",
    "Office Manager",
    "Owner",
    "IT Director",
    "Buyer",
    "CFO",
    "owner",
    "Facilities Manager",
    "Head of Operations",
    "Procurement Specialist",
]
TAGS = [["Inbound", "inbound"], ["Enterprise", "enterprise ", "ENTERPRISE"], ["Renewal"]]
LOSS = ["Price", "Timing", "Competitor", "No response"]


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE
    persons = people(rng, 60)
    orgs = companies(rng, 25)
    deals = []
    for i, p in enumerate(persons[:42]):
        org = rng.choice(orgs)
        stage = STAGES[i % len(STAGES)]
        deals.append(
            [
                f"{org} - {rng.choice(['Annual plan', 'Pilot', 'Expansion'])}",
                stage,
                str(rng.randint(8, 200) * 100),
                "USD",
                rng.choice(OWNERS),
                p.full,
                p.email(org.split()[0].lower() + ".com"),
                us_phone(rng),
                org,
                rng.choice(["Website", "Cold call", "Partner"]),
                spelled(rng, rng.choice(TAGS)),
                date(rng, 2025),
                date(rng, 2024),
                rng.choice(LOSS) if stage == "Unqualified" else "",
            ]
        )
    write_csv(
        root / "source" / "deals.csv",
        [
            "Deal Name",
            "Stage",
            "Value",
            "Currency",
            "Owner",
            "Primary Contact",
            "Primary Contact Email",
            "Primary Contact Phone",
            "Organization",
            "Source",
            "Tags",
            "Estimated Close Date",
            "Added On",
            "Loss Reason",
        ],
        deals,
    )
    leads = []
    for p in persons[42:]:
        leads.append(
            [
                p.first,
                p.last,
                maybe(rng, 0.85, rng.choice(TITLES)),
                maybe(rng, 0.7, rng.choice(orgs)),
                p.email("example.org"),
                us_phone(rng),
                rng.choice(["New", "Working", "Unqualified"]),
                rng.choice(["Website", "Cold call", "Partner"]),
                rng.choice(OWNERS),
                maybe(rng, 0.5, spelled(rng, rng.choice(TAGS))),
                maybe(
                    rng,
                    0.4,
                    rng.choice(["Asked for pricing sheet.", "Call back next week.", "Met at SaaStr."]),
                ),
            ]
        )
    write_csv(
        root / "source" / "leads.csv",
        [
            "First Name",
            "Last Name",
            "Title",
            "Organization Name",
            "Email",
            "Mobile",
            "Status",
            "Source",
            "Owner",
            "Tags",
            "Description",
        ],
        leads,
    )
    write_json(
        root / "destination.json",
        destination(
            CASE,
            "US",
            {"Sales Pipeline": ["Incoming", "Qualified", "Quote Sent", "Closing", "Won", "Lost"]},
            [("Nora", "Blake", "nora.blake@cloudledger.io"), ("Sam", "Ortiz", "sam.ortiz@cloudledger.io")],
        ),
    )
