"""Highrise: the API's people, companies, deals and users, XML records converted element for element
to JSON.

Source: Highrise's API documentation, github.com/basecamp/highrise-api (sections/data_reference.md,
people.md, companies.md, deals.md, users.md). Highrise speaks XML only; ``hlmap ingest`` reads JSON, so
the records keep the XML's element names (dashes included), typed integers become numbers and
``nil="true"`` elements null. People and companies are both "parties" (one id space): a person has
``first-name`` / ``last-name``, ``title``, ``background`` (free text), ``company-id``; both carry
``contact-data`` with lists of ``email-addresses`` (location Work / Home / Other), ``phone-numbers``
(Work / Mobile / Fax / Home / ...), ``addresses`` (street, city, state, zip, country, location) and
``web-addresses``, and ``tags`` as ``{id, name}``. ``visible-to`` is Everyone / Owner / NamedGroup, and
``owner-id`` / ``group-id`` are filled only for the last two (who may see the record, not a sales
owner); ``author-id`` is the user who created it. A deal names its party by ``party-id`` (a person or a
company), its user by ``responsible-party-id``; ``price`` is a whole number read with ``price-type``
(fixed / hour / month / year) and ``duration``; ``status`` is pending / won / lost with
``status-changed-on``; deals have no stages, only an account-defined ``category``. Times are ISO 8601
in UTC.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from evals.casegen.common import (
    CASES_DIR,
    US_PLACES,
    companies,
    destination,
    maybe,
    people,
    rng_for,
    street,
    us_phone,
    write_json,
)

CASE = "highrise"
USERS = [(318842, "Helen Marsh"), (318867, "Omar Reyes"), (320114, "Jules Whitaker")]  # Jules: no user
TITLES = ["Owner", "Marketing Director", "Office Manager", "owner", "Founder", "Head of Sales"]
TAGS = [(41001, "Customer"), (41002, "Referral"), (41003, "Newsletter"), (41004, "Vendor")]
CATEGORIES = [(5101, "Website"), (5102, "Branding"), (5103, "Retainer"), (5104, "Photography")]
BACKGROUNDS = ["Met at the chamber mixer.", "Prefers phone calls.", "Referred by a past client.", ""]


def _time(rng: random.Random, year: int) -> str:
    day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return f"{day}T{rng.randint(13, 23):02d}:{rng.randint(0, 59):02d}:00Z"


def _day(rng: random.Random) -> str:
    return f"2025-{rng.randint(1, 9):02d}-{rng.randint(1, 28):02d}"


def _visibility(rng: random.Random) -> dict[str, Any]:
    seen = rng.choice(["Everyone", "Everyone", "Everyone", "Owner", "NamedGroup"])
    return {
        "visible-to": seen,
        "owner-id": rng.choice(USERS)[0] if seen == "Owner" else None,
        "group-id": 9001 if seen == "NamedGroup" else None,
        "author-id": rng.choice(USERS)[0],
    }


def _address(rng: random.Random, next_id: int, location: str) -> dict[str, Any]:
    city, state, zip_code = rng.choice(US_PLACES)
    country = rng.choice(["United States", "United States", "USA"])
    return {"id": next_id, "city": city, "country": country, "state": state, "street": street(rng),
            "zip": zip_code, "location": location}  # fmt: skip


def _tags(rng: random.Random, share: float) -> list[dict[str, Any]]:
    if rng.random() > share:
        return []
    return [{"id": tid, "name": name} for tid, name in rng.sample(TAGS, rng.randint(1, 2))]


def _company(rng: random.Random, i: int, name: str) -> dict[str, Any]:
    domain = name.replace(" ", "").lower() + ".com"
    emails = (
        [{"id": 70000 + i, "address": f"hello@{domain}", "location": "Work"}] if rng.random() < 0.7 else []
    )
    return {
        "id": 6900100 + i,
        "name": name,
        "background": maybe(rng, 0.4, rng.choice(BACKGROUNDS)) or None,
        "created-at": _time(rng, 2022),
        "updated-at": _time(rng, 2024),
        **_visibility(rng),
        "contact-data": {
            "email-addresses": emails,
            "phone-numbers": [{"id": 71000 + i, "number": us_phone(rng), "location": "Work"}],
            "addresses": [_address(rng, 72000 + i, "Work")],
            "web-addresses": [{"id": 73000 + i, "url": f"http://www.{domain}", "location": "Work"}],
        },
        "tags": _tags(rng, 0.3),
    }


def _person(rng: random.Random, i: int, first: str, last: str, firms: list[dict[str, Any]]) -> dict[str, Any]:
    firm = rng.choice(firms) if rng.random() < 0.7 else None
    work_domain = firm["name"].replace(" ", "").lower() + ".com" if firm else "gmail.com"
    emails = [
        {"id": 80000 + i, "address": f"{first.lower()}.{last.lower()}@{work_domain}", "location": "Work"}
    ]
    if rng.random() < 0.3:
        emails.append(
            {"id": 80500 + i, "address": f"{first.lower()}{last[0].lower()}@yahoo.com", "location": "Home"}
        )
    phones = [{"id": 81000 + i, "number": us_phone(rng), "location": rng.choice(["Work", "Work", "Mobile"])}]
    if rng.random() < 0.4:
        phones.append({"id": 81500 + i, "number": us_phone(rng), "location": rng.choice(["Mobile", "Home"])})
    return {
        "id": 6910200 + i,
        "first-name": first,
        "last-name": last,
        "title": maybe(rng, 0.6, rng.choice(TITLES)) or None,
        "background": maybe(rng, 0.4, rng.choice(BACKGROUNDS)) or None,
        "company-id": firm["id"] if firm else None,
        "created-at": _time(rng, 2023),
        "updated-at": _time(rng, 2024),
        **_visibility(rng),
        "contact-data": {
            "email-addresses": emails,
            "phone-numbers": phones,
            "addresses": [_address(rng, 82000 + i, rng.choice(["Work", "Home"]))]
            if rng.random() < 0.6
            else [],
        },
        "tags": _tags(rng, 0.5),
    }


def _deal(rng: random.Random, i: int, parties: list[dict[str, Any]]) -> dict[str, Any]:
    party = rng.choice(parties)
    label = party.get("name") or f"{party['first-name']} {party['last-name']}"
    cat_id, cat_name = rng.choice(CATEGORIES)
    status = rng.choice(["pending", "pending", "pending", "won", "lost"])
    price_type = rng.choice(["fixed", "fixed", "fixed", "hour", "month"])
    price = rng.randint(20, 150) if price_type == "hour" else rng.randint(5, 120) * 100
    return {
        "account-id": 880011,
        "author-id": rng.choice(USERS)[0],
        "background": maybe(rng, 0.3, rng.choice(BACKGROUNDS)) or None,
        "category-id": cat_id,
        "created-at": _time(rng, 2024),
        "currency": "USD",
        "duration": None if price_type == "fixed" else rng.randint(3, 40),
        "group-id": None,
        "id": 400700 + i,
        "name": f"{label} - {cat_name}",
        "owner-id": None,
        "party-id": party["id"],
        "price": price,
        "price-type": price_type,
        "responsible-party-id": rng.choice(USERS)[0],
        "status": status,
        "status-changed-on": None if status == "pending" else _day(rng),
        "updated-at": _time(rng, 2025),
        "visible-to": "Everyone",
        "category": {"id": cat_id, "name": cat_name},
    }


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    firms = [_company(rng, i, name) for i, name in enumerate(companies(rng, 14), start=1)]
    persons = [_person(rng, i, p.first, p.last, firms) for i, p in enumerate(people(rng, 40), start=1)]
    # most deals are with a person, some with a company (a party of either kind)
    deals = [_deal(rng, i, persons if rng.random() < 0.8 else firms) for i in range(1, 39)]
    users = [
        {"id": uid, "name": name, "email-address": f"{name.split()[0].lower()}@brightsidestudio.com",
         "created-at": _time(rng, 2021), "updated-at": _time(rng, 2024)}
        for uid, name in USERS
    ]  # fmt: skip
    write_json(root / "companies.json", firms)
    write_json(root / "people.json", persons)
    write_json(root / "deals.json", deals)
    write_json(root / "users.json", users)
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {"Sales": ["New inquiry", "Proposal sent", "Negotiation", "Won", "Lost"]},
            [
                ("Helen", "Marsh", "helen@brightsidestudio.com"),
                ("Omar", "Reyes", "omar@brightsidestudio.com"),
            ],
        ),
    )
