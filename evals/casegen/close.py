"""Close: the JSON lead export (a lead is a company holding its contacts and opportunities), and its
activity log (``close_activities``).

From Close's API documentation: ``display_name``, ``status_label`` (Potential / Bad Fit /
Qualified / Customer), ``url``, ``description``, ``addresses``, ``custom.<field>``; contacts with
``name`` and ``title``; opportunities with ``status_label`` / ``status_type`` (active / won /
lost), ``value`` in cents, ``value_period``, ``confidence`` and ``user_name``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from evals.casegen import close_activities
from evals.casegen.common import (
    CASES_DIR,
    US_PLACES,
    companies,
    date,
    destination,
    people,
    rng_for,
    street,
    us_phone,
    write_json,
)

CASE = "close"
USERS = ["Ava Chen", "Marcus Reed", "Julia Hoffmann"]  # Julia has no destination user
OPP_STATUS = [
    ("Active", "active"),
    ("Demo Scheduled", "active"),
    ("Proposal", "active"),
    ("Won", "won"),
    ("Lost", "lost"),
]
TITLES = ["CEO", "Head of Ops", "Office Manager", "CTO", "Founder", "Marketing Lead", "ceo", "Controller"]


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    persons = iter(people(rng, 90))
    leads: list[dict[str, Any]] = []
    for i, name in enumerate(companies(rng, 32)):
        city, state, zip_code = rng.choice(US_PLACES)
        contacts = []
        for _ in range(rng.randint(1, 3)):
            p = next(persons)
            contacts.append(
                {
                    "id": f"cont_{rng.getrandbits(40):x}",
                    "name": p.full,
                    "title": rng.choice(TITLES),
                    "email": p.email(name.split()[0].lower() + ".com"),
                    "phone": us_phone(rng),
                }
            )
        opps = []
        for j in range(rng.randint(0, 2)):
            label, kind = OPP_STATUS[(i + j) % len(OPP_STATUS)]
            opps.append(
                {
                    "id": f"oppo_{rng.getrandbits(40):x}",
                    "status_label": label,
                    "status_type": kind,
                    "value": rng.randint(5, 400) * 10000,
                    "value_currency": "USD",
                    "value_period": rng.choice(["one_time", "monthly", "annual"]),
                    "confidence": rng.choice([10, 25, 50, 75, 100]),
                    "user_name": rng.choice(USERS),
                    "note": rng.choice(["", "Needs security review", "Champion is the CTO"]),
                    "date_won": date(rng, 2025) if kind == "won" else None,
                }
            )
        lead: dict[str, Any] = {
            "id": f"lead_{rng.getrandbits(40):x}",
            "display_name": name,
            "status_label": rng.choice(["Potential", "Potential", "Qualified", "Customer", "Bad Fit"]),
            "url": f"https://www.{name.split()[0].lower()}{i}.com",
            "description": rng.choice(["", "Family-owned since 1998.", "Three locations in the metro area."]),
            "address": {
                "address_1": street(rng),
                "city": city,
                "state": state,
                "zipcode": zip_code,
                "country": "US",
            },
            "custom.Industry": rng.choice(["Healthcare", "Construction", "Retail", "Hospitality"]),
            "date_created": f"{date(rng, 2023)}T10:00:00+00:00",
            "contacts": contacts,
        }
        if opps:
            lead["opportunities"] = opps
        leads.append(lead)
    write_json(cases_dir / CASE / "source" / "leads.json", leads)
    # The activity log draws from its own stream: the lead export stays byte for byte as it was.
    close_activities.write(cases_dir, CASE, rng_for(f"{CASE}-activities"), leads, USERS)
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {"Sales": ["Open", "Demo booked", "Proposal sent", "Closed won", "Closed lost"]},
            [
                ("Ava", "Chen", "ava@northstarsoftware.com"),
                ("Marcus", "Reed", "marcus@northstarsoftware.com"),
            ],
        ),
    )
