"""Salesflare: the REST API's lists of users, accounts, contacts and opportunities, JSON.

From Salesflare's API (https://api.salesflare.com/docs) as its responses were recorded in the Airbyte
connector's schemas (github.com/airbytehq/airbyte, airbyte-integrations/connectors/source-salesflare/
manifest.yaml), with the field names its integrations document (https://www.apideck.com/integrations/
salesflare/opportunities, https://pipedream.com/apps/salesflare/actions/create-opportunity): an
account has a ``name``, ``domain``, ``website``, ``size`` (employees), a ``hotness`` score (1-3),
``addresses`` (``street``, ``city``, ``zip``, ``state_region``, ``country``), ``phone_numbers`` and
``email_addresses`` lists, ``tags`` as ``[{id, name}]`` and its ``owner`` as a nested user
``{id, name, email}``. A contact has ``prefix`` / ``firstname`` / ``middle`` / ``lastname`` beside the
joined ``name``, one ``email``, ``phone_number`` beside the typed ``phone_numbers`` list, its job as
``positions`` (``organisation``, ``role``), its ``account`` nested (``{id, name, domain}``), an
``opt-out`` flag, tags and owner. An opportunity nests its ``account``, ``owner``, ``assignee``,
``pipeline`` and ``stage`` (``{id, name, order, probability, fixed_stage}``), with ``value``, a
``calculated_value`` (value times probability), ``currency`` ``{id, iso, html}``, ``start_date`` /
``close_date``, a ``closed`` flag and the creator's user id. Times are ISO 8601 in UTC. The stages
are the account's own; the two closing stages are fixed (``fixed_stage`` 1 = won, 2 = lost).
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

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
    write_json,
)

CASE = "salesflare"
USERS = [(5012, "Lotte Maes", "lotte@flowbridge.io"), (5013, "Jonas Verbeke", "jonas@flowbridge.io"),
         (5019, "Sam Okafor", "sam.okafor@gmail.com")]  # fmt: skip  # Sam has no destination user
STAGES = [(1, "Lead", 10, None), (2, "Contacted", 20, None), (3, "Meeting planned", 40, None),
          (4, "Proposal sent", 60, None), (5, "Negotiation", 80, None), (6, "Won", 100, 1),
          (7, "Lost", 0, 2)]  # fmt: skip
ROLES = ["CEO", "Head of Sales", "ceo", "Operations Manager", "Founder", "CTO", "Office Manager"]
TAGS = [["partner", "Partner"], ["enterprise", "Enterprise", "ENTERPRISE"], ["referral"],
        ["trade show 2024", "Trade Show 2024"]]  # fmt: skip
PHONE_TYPES = ["work", "mobile", "home"]
PLANS = ["annual plan", "pilot", "upgrade"]
DEST_STAGES = [
    "New Lead",
    "Reached Out",
    "Meeting Booked",
    "Quote Sent",
    "Negotiating",
    "Closed Won",
    "Closed Lost",
]


def _iso(rng: random.Random, year: int) -> str:
    t = f"{rng.randint(7, 18):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    return f"{date(rng, year)}T{t}.000Z"


def _user(user: tuple[int, str, str]) -> dict[str, Any]:
    return {"id": user[0], "name": user[1], "email": user[2]}


def _tags(rng: random.Random, ids: dict[str, int]) -> list[dict[str, Any]]:
    picked = [spelled(rng, t) for t in rng.sample(TAGS, rng.randint(0, 2))]
    return [{"id": ids.setdefault(name, 900 + len(ids)), "name": name} for name in picked]


def _accounts(rng: random.Random, names: list[str], tag_ids: dict[str, int]) -> list[dict[str, Any]]:
    out = []
    for i, name in enumerate(names, start=1):
        city, state, zip_code = rng.choice(US_PLACES)
        domain = name.split()[0].lower() + name.split()[1].lower() + ".com"
        out.append(
            {"id": 3100 + i, "name": name, "domain": domain, "website": f"https://{domain}",
             "description": maybe(rng, 0.4, rng.choice(["Family-owned, two locations.",
                                                        "Met at the Denver expo; wants a yearly plan.",
                                                        "Renewal due in Q3."])),
             "size": rng.choice([5, 12, 25, 60, 150]), "hotness": rng.randint(1, 3),
             "creation_date": _iso(rng, 2023), "modification_date": _iso(rng, 2025),
             "owner": _user(rng.choice(USERS)),
             "addresses": [{"id": 7000 + i, "street": street(rng), "city": city, "zip": zip_code,
                            "state_region": state, "country": "United States"}],
             "phone_numbers": [{"id": 7500 + i, "type": "work", "number": us_phone(rng)}],
             "tags": _tags(rng, tag_ids)}
        )  # fmt: skip
    return out


def _contacts(
    rng: random.Random, accounts: list[dict[str, Any]], tag_ids: dict[str, int]
) -> list[dict[str, Any]]:
    out = []
    for i, p in enumerate(people(rng, 42), start=1):
        account = rng.choice(accounts)
        phones = [{"id": 8000 + 3 * i + k, "type": kind, "number": us_phone(rng)}
                  for k, kind in enumerate(rng.sample(PHONE_TYPES, rng.randint(0, 2)))]  # fmt: skip
        prefix = maybe(rng, 0.2, rng.choice(["Mr.", "Ms.", "Dr."]))
        middle = maybe(rng, 0.15, rng.choice(["J.", "Anne", "R."]))
        out.append(
            {"id": 41000 + i, "prefix": prefix, "firstname": p.first, "middle": middle,
             "lastname": p.last, "name": " ".join(x for x in (prefix, p.first, middle, p.last) if x),
             "email": p.email(account["domain"]),
             "phone_number": phones[0]["number"] if phones else None, "phone_numbers": phones,
             "positions": [{"id": 9000 + i, "organisation": account["name"],
                            "role": maybe(rng, 0.7, rng.choice(ROLES))}],
             "account": {"id": account["id"], "name": account["name"], "domain": account["domain"]},
             "owner": _user(rng.choice(USERS)), "opt-out": rng.random() < 0.1,
             "creation_date": _iso(rng, 2024), "tags": _tags(rng, tag_ids)}
        )  # fmt: skip
    return out


def _opportunities(rng: random.Random, accounts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for i in range(1, 39):
        account = rng.choice(accounts)
        sid, sname, prob, fixed = STAGES[i % len(STAGES)]
        value = rng.randint(2, 80) * 500
        owner = rng.choice(USERS)
        out.append(
            {"id": 61000 + i, "name": f"{account['name']} - {rng.choice(PLANS)}",
             "account": {"id": account["id"], "name": account["name"], "hotness": account["hotness"]},
             "owner": _user(owner), "assignee": _user(rng.choice([owner, owner, rng.choice(USERS)])),
             "creator": rng.choice(USERS)[0], "value": value, "calculated_value": value * prob / 100,
             "probability": prob, "currency": {"id": 1, "iso": "USD", "html": "$"},
             "pipeline": {"id": 11, "name": "Sales"},
             "stage": {"id": 200 + sid, "name": sname, "order": sid, "probability": prob,
                       "fixed_stage": fixed},
             "start_date": _iso(rng, 2024),
             "close_date": _iso(rng, 2025) if fixed or rng.random() < 0.6 else None,
             "closed": fixed is not None, "creation_date": _iso(rng, 2024),
             "tags": [{"id": 950, "name": "upsell"}] if rng.random() < 0.2 else []}
        )  # fmt: skip
    return out


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    tag_ids: dict[str, int] = {}
    accounts = _accounts(rng, companies(rng, 14), tag_ids)
    users = [{**_user(u), "type": "admin" if u[0] == 5012 else "user", "disabled": u[0] == 5019,
              "team": {"id": 77, "name": "Flowbridge"}, "creation_date": _iso(rng, 2022)}
             for u in USERS]  # fmt: skip
    write_json(root / "users.json", users)
    write_json(root / "accounts.json", accounts)
    write_json(root / "contacts.json", _contacts(rng, accounts, tag_ids))
    write_json(root / "opportunities.json", _opportunities(rng, accounts))
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {"Sales": DEST_STAGES},
            [("Lotte", "Maes", "lotte@flowbridge.io"), ("Jonas", "Verbeke", "jonas@flowbridge.io")],
        ),
    )
