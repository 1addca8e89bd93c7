"""Insightly: the API v3.1 record lists, JSON (an Australian fit-out business).

Follows Insightly's API v3.1 documentation (field names as its connectors list them):
``Organisations`` (``ORGANISATION_ID``, ``ORGANISATION_NAME``, ``PHONE``, ``WEBSITE``,
``ADDRESS_BILLING_STREET/CITY/STATE/POSTCODE/COUNTRY``, ``BACKGROUND``, ``OWNER_USER_ID``,
``DATE_CREATED_UTC``, ``TAGS`` as a list of ``{"TAG_NAME": ...}``), ``Contacts`` (``SALUTATION``,
``FIRST_NAME``, ``LAST_NAME``, ``TITLE``, ``ORGANISATION_ID``, ``EMAIL_ADDRESS``, ``PHONE``,
``PHONE_MOBILE``, ``ADDRESS_MAIL_*``, ``DATE_OF_BIRTH``, ``BACKGROUND``), ``Opportunities``
(``OPPORTUNITY_NAME``, ``OPPORTUNITY_DETAILS``, ``OPPORTUNITY_STATE`` OPEN / WON / LOST / SUSPENDED /
ABANDONED, ``PROBABILITY``, ``BID_CURRENCY``, ``BID_AMOUNT``, ``BID_TYPE`` Fixed Bid / Per Month,
``BID_DURATION``, ``FORECAST_CLOSE_DATE``, ``ACTUAL_CLOSE_DATE``, ``PIPELINE_ID``, ``STAGE_ID``,
``ORGANISATION_ID``, ``OWNER_USER_ID``, ``RESPONSIBLE_USER_ID``), ``Users`` and ``PipelineStages``
(``STAGE_ID``, ``PIPELINE_ID``, ``STAGE_NAME``, ``STAGE_ORDER``). Every reference is a numeric id;
dates are UTC "yyyy-MM-dd HH:mm:ss".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from evals.casegen.common import CASES_DIR, companies, date, destination, maybe, people, rng_for, write_json

CASE = "insightly"
# (id, first, last, e-mail in the export): Tomas exports a private address; Wendy has no destination user
USERS = [
    (1720011, "Priya", "Raman", "priya@harbourfitouts.com.au"),
    (1720012, "Tomas", "Ruiz", "tomas.ruiz.home@gmail.com"),
    (1720013, "Wendy", "Cho", "wendy@harbourfitouts.com.au"),
]
AU_PLACES = [
    ("Sydney", "NSW", "2000"),
    ("Parramatta", "New South Wales", "2150"),
    ("Melbourne", "VIC", "3000"),
    ("Brisbane", "QLD", "4000"),
    ("Geelong", "Victoria", "3220"),
]
STAGES = ["Initial Contact", "Needs Analysis", "Proposal/Price Quote", "Negotiation/Review"]
STATES = ["OPEN", "OPEN", "OPEN", "WON", "LOST", "SUSPENDED", "ABANDONED"]
TAGS = [["Builder", "builder"], ["Repeat Client", "repeat client", "Repeat client "], ["Tender"]]
ORG_NOTES = ["Head office refit 2022.", "Prefers tenders by e-mail."]
CITY_STREETS = ["George St", "Pitt St", "Queen St"]
HOME_STREETS = ["Beach Rd", "Albert St", "King St"]
WORKS = ["fit-out", "refurb", "joinery"]
TITLES = ["Director", "Project Manager", "Site Manager", "Office Manager", "director", "Estimator", "Owner"]


def _tags(rng: Any, share: float) -> list[dict[str, str]]:
    if rng.random() >= share:
        return []
    return [{"TAG_NAME": rng.choice(variants)} for variants in rng.sample(TAGS, rng.randint(1, 2))]


def _birthday(rng: Any) -> str | None:
    return f"{date(rng, rng.randint(1965, 1995))} 00:00:00" if rng.random() < 0.3 else None


def _stamp(rng: Any, year: int) -> str:
    return f"{date(rng, year)} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00"


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    user_ids = [u[0] for u in USERS]
    orgs = []
    for i, name in enumerate(companies(rng, 12)):
        city, state, post = rng.choice(AU_PLACES)
        orgs.append(
            {
                "ORGANISATION_ID": 88100 + i,
                "ORGANISATION_NAME": name,
                "BACKGROUND": maybe(rng, 0.4, rng.choice(ORG_NOTES)),
                "PHONE": f"+61 2 9{rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                "WEBSITE": f"www.{name.split()[0].lower()}{name.split()[1].lower()}.com.au",
                "ADDRESS_BILLING_STREET": f"{rng.randint(1, 300)} {rng.choice(CITY_STREETS)}",
                "ADDRESS_BILLING_CITY": city,
                "ADDRESS_BILLING_STATE": state,
                "ADDRESS_BILLING_POSTCODE": post,
                "ADDRESS_BILLING_COUNTRY": "Australia",
                "OWNER_USER_ID": rng.choice(user_ids),
                "DATE_CREATED_UTC": _stamp(rng, 2022),
                "TAGS": _tags(rng, 0.6),
            }
        )
    contacts = []
    for i, p in enumerate(people(rng, 30)):
        city, state, post = rng.choice(AU_PLACES)
        org = rng.choice(orgs) if rng.random() < 0.8 else None
        contacts.append(
            {
                "CONTACT_ID": 341000 + i,
                "SALUTATION": rng.choice(["Mr.", "Ms.", "Dr.", "", "Mrs."]),
                "FIRST_NAME": p.first,
                "LAST_NAME": p.last,
                "TITLE": maybe(rng, 0.8, rng.choice(TITLES)),
                "ORGANISATION_ID": org["ORGANISATION_ID"] if org else None,
                "EMAIL_ADDRESS": p.email("example.com.au"),
                "PHONE": maybe(rng, 0.6, f"+61 2 9{rng.randint(100, 999)} {rng.randint(1000, 9999)}"),
                "PHONE_MOBILE": f"04{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}",
                "ADDRESS_MAIL_STREET": f"{rng.randint(1, 90)} {rng.choice(HOME_STREETS)}",
                "ADDRESS_MAIL_CITY": city,
                "ADDRESS_MAIL_STATE": state,
                "ADDRESS_MAIL_POSTCODE": post,
                "ADDRESS_MAIL_COUNTRY": rng.choice(["Australia", "Australia", "AU"]),
                "DATE_OF_BIRTH": _birthday(rng),
                "BACKGROUND": maybe(rng, 0.3, f"Met {p.first} on a site walk-through."),
                "OWNER_USER_ID": rng.choice(user_ids),
                "DATE_CREATED_UTC": _stamp(rng, 2023),
                "TAGS": _tags(rng, 0.4),
            }
        )
    stages = [
        {"STAGE_ID": 5501 + j, "PIPELINE_ID": 4401, "STAGE_NAME": name, "STAGE_ORDER": j + 1}
        for j, name in enumerate(STAGES)
    ]
    opps = []
    for i in range(36):
        org = orgs[(i * 5) % len(orgs)]
        state = STATES[i % len(STATES)]
        opps.append(
            {
                "OPPORTUNITY_ID": 9120000 + i,
                "OPPORTUNITY_NAME": f"{org['ORGANISATION_NAME']} {rng.choice(WORKS)}",
                "OPPORTUNITY_DETAILS": maybe(rng, 0.5, "Scope from the site visit; drawings to follow."),
                "OPPORTUNITY_STATE": state,
                "PROBABILITY": rng.choice([10, 20, 40, 60, 80]),
                "BID_CURRENCY": "AUD",
                "BID_AMOUNT": rng.randint(8, 300) * 500,
                "BID_TYPE": rng.choice(["Fixed Bid", "Fixed Bid", "Per Month"]),
                "BID_DURATION": None,
                "FORECAST_CLOSE_DATE": f"{date(rng, 2025)} 00:00:00",
                "ACTUAL_CLOSE_DATE": f"{date(rng, 2025)} 00:00:00" if state in ("WON", "LOST") else None,
                "PIPELINE_ID": 4401,
                "STAGE_ID": stages[i % len(stages)]["STAGE_ID"],
                "ORGANISATION_ID": org["ORGANISATION_ID"],
                "OWNER_USER_ID": rng.choice(user_ids[:2]),
                "RESPONSIBLE_USER_ID": rng.choice(user_ids),
                "DATE_CREATED_UTC": _stamp(rng, 2024),
            }
        )
    users = [
        {"USER_ID": uid, "FIRST_NAME": first, "LAST_NAME": last, "EMAIL_ADDRESS": email, "ACTIVE": True}
        for uid, first, last, email in USERS
    ]
    write_json(root / "organisations.json", orgs)
    write_json(root / "contacts.json", contacts)
    write_json(root / "opportunities.json", opps)
    write_json(root / "users.json", users)
    write_json(root / "pipeline_stages.json", stages)
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "AU",
            {"Projects": ["New Enquiry", "Needs Assessment", "Quote Sent", "Negotiation", "Won", "Lost"]},
            [
                ("Priya", "Raman", "priya@harbourfitouts.com.au"),
                ("Tomas", "Ruiz", "tomas@harbourfitouts.com.au"),
            ],
        ),
    )
