"""ActiveCampaign: the API v3 dump of contacts, deals, deal stages and users, JSON.

From ActiveCampaign's API v3 reference (list contacts, list deals, list stages, list users) and the
Fivetran / Qlik connector schemas built on it: a contact has ``id``, ``email``, ``phone``,
``firstName``, ``lastName``, ``orgname`` (the organisation's name), ``cdate`` / ``udate``
(ISO 8601 with the account's offset) and ``deleted`` ("0"/"1"); a deal has ``title``, ``value`` in
cents as a string ("$456.78 => 45678"), ``currency`` (3-letter ISO, lower case), ``status``
("0" open, "1" won, "2" lost), ``stage`` and ``group`` (the stage's and pipeline's ids), ``owner``
(a user id), ``contact`` (the primary contact's id), ``percent``, ``description``, ``cdate`` and
``nextdate``; a stage has ``id``, ``title``, ``group``; a user ``id``, ``username``, ``firstName``,
``lastName``, ``email``. The default pipeline's stages are To Contact / In Contact / Follow Up.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from evals.casegen.common import (
    CASES_DIR,
    companies,
    date,
    destination,
    maybe,
    people,
    rng_for,
    us_phone,
    write_json,
)

CASE = "activecampaign"
# (id, username, first, last, email): Bea exports with a private address; Hugo has no destination user
USERS = [
    ("1", "admin", "Dana", "Cruz", "dana@brightpathstudio.com"),
    ("2", "bea.m", "Bea", "Molina", "bea.molina@gmail.com"),
    ("3", "hugo", "Hugo", "Lindqvist", "hugo@brightpathstudio.com"),
]
STAGES = [
    ("1", "To Contact"),
    ("2", "In Contact"),
    ("3", "Follow Up"),
    ("4", "Proposal"),
    ("5", "Negotiation"),
]
WORK = ["Retainer", "Website", "Audit"]
DESCRIPTIONS = [
    "",
    "",
    "Asked for the case studies.",
    "Budget approved in Q2.",
    "Wants a second call with IT.",
]


def _offset_time(rng: Any, year: int) -> str:
    return f"{date(rng, year)}T{rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}:00-05:00"


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    persons = people(rng, 40)
    orgs = companies(rng, 14)
    contacts = []
    for i, p in enumerate(persons, start=1):
        org = maybe(rng, 0.6, rng.choice(orgs))
        domain = org.split()[0].lower() + ".com" if org else rng.choice(["gmail.com", "outlook.com"])
        contacts.append(
            {
                "id": str(100 + i),
                "email": p.email(domain),
                "phone": maybe(rng, 0.8, us_phone(rng)),
                "firstName": p.first,
                "lastName": p.last,
                "orgname": org,
                "cdate": _offset_time(rng, 2023),
                "udate": _offset_time(rng, 2024),
                "deleted": "0",
            }
        )
    deals = []
    for i in range(36):
        contact = rng.choice(contacts)
        status = rng.choice(["0", "0", "0", "1", "2"])
        stage_id, _ = STAGES[i % len(STAGES)]
        dollars = rng.randint(6, 180) * 50
        deals.append(
            {
                "id": str(500 + i),
                "title": f"{contact['orgname'] or contact['lastName']} - {rng.choice(WORK)}",
                "value": str(dollars * 100),
                "currency": "usd",
                "status": status,
                "stage": stage_id,
                "group": "1",
                "owner": rng.choice(USERS)[0],
                "contact": contact["id"],
                "percent": rng.choice(["10", "25", "50", "75"]),
                "description": rng.choice(DESCRIPTIONS),
                "cdate": _offset_time(rng, 2024),
                "nextdate": maybe(rng, 0.6, _offset_time(rng, 2025)),
            }
        )
    write_json(root / "contacts.json", contacts)
    write_json(root / "deals.json", deals)
    write_json(root / "dealStages.json", [{"id": s, "title": t, "group": "1"} for s, t in STAGES])
    write_json(
        root / "users.json",
        [{"id": u, "username": n, "firstName": f, "lastName": la, "email": e} for u, n, f, la, e in USERS],
    )
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {"Sales Pipeline": ["New Lead", "Contacted", "Follow-up", "Proposal Sent", "Negotiating"]},
            [("Dana", "Cruz", "dana@brightpathstudio.com"), ("Bea", "Molina", "bea@brightpathstudio.com")],
        ),
    )
