"""Pipeliner CRM: the REST API v100 entity lists (Clients, Accounts, Contacts, Steps, Opportunities), JSON.

From Pipeliner's API documentation (https://developers.pipelinersales.com/api-docs/tutorials-and-articles,
create-contact and create-opportunity tutorials; core-api-concepts/fields), the entity schemas the API
publishes (Opportunity: https://raw.githubusercontent.com/api-evangelist/pipeliner/refs/heads/main/json-schema/pipeliner-opportunity-schema.json)
and the stream schemas of the API's connector (airbytehq/airbyte,
airbyte-integrations/connectors/source-pipeliner/manifest.yaml: accounts, contacts, clients, steps).
Every record has a UUID ``id``, ``created`` / ``modified`` times (``2019-01-01T00:00:00``) and, for a
relation, the related record's URI unless the request expands it (``owner`` beside ``owner_id``; a
contact's ``primary_account`` and an opportunity's ``primary_account`` / ``primary_contact`` are URIs
only). Accounts and contacts carry ``email1``..``email5`` and ``phone1``..``phone5`` slots, one
``address`` line beside ``city`` / ``state_province`` / ``zip_code`` / ``country``, pick-list values as
ids of the space's Data entries (``industry_id``, ``customer_type_id``). A contact has a salutation
``title`` beside its job ``position``. An opportunity's ``value`` is ``{base_value, currency_id,
value_foreign}``, its step a ``step_id`` into the pipeline's Steps (name, percent, sort_order);
reaching the last step wins it, archiving (``is_archived``) loses it, and ``status`` is read-only
1 Open / 2 Lost / 3 Won. ``ranking`` is the user's 1-10 score.
"""

from __future__ import annotations

import random
import uuid
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

CASE = "pipeliner"
HOST = "https://us-east.api.pipelinersales.com/api/v100/rest/spaces/{space}/entities"
USERS = [("Marcus", "Hale", "marcus.hale@vantora.com", "Sales Manager"),
         ("Priya", "Anand", "priya.anand@vantora.com", "Account Executive"),
         ("Dana", "Whitfield", "dana.whitfield@vantora.com", "Account Executive"),
         ("Theo", "Brandt", "theo.brandt@vantora.com", "Sales Development Rep")]  # fmt: skip
STEPS = [("First Contact", 10), ("Qualify", 25), ("Solution Demo", 40), ("Proposal", 60), ("Negotiate", 80),
         ("Closed/Won", 100)]  # fmt: skip
POSITIONS = ["IT Manager", "CFO", "Office Manager", "Owner", "IT Manager", "Operations Director", "CTO"]
SALUTATIONS = ["Mr.", "Ms.", "Dr.", "Mrs."]
WORK = ["Network refresh", "Microsoft 365 migration", "Managed backup", "Firewall upgrade", "VoIP rollout",
        "Laptop fleet renewal", "Helpdesk contract"]  # fmt: skip
LOST_WHY = ["Went with a cheaper quote", "Budget frozen until next year", "No decision maker reached"]
ACCOUNT_NOTES = ["Renewal every March.", "Prefers quotes by e-mail.", "Multi-site, three offices.", ""]


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _time(rng: random.Random, year: int) -> str:
    return f"{_day(rng, year)}T{rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}:00"


def _day(rng: random.Random, year: int) -> str:
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _uri(space: str, entity: str, ident: str) -> str:
    """A relation as the API returns it unless the request expands it: the related record's URI."""
    return f"{HOST.format(space=space)}/{entity}/{ident}"


def _base(rng: random.Random, year: int) -> dict[str, Any]:
    return {"id": _uuid(rng), "is_deleted": False, "created": _time(rng, year), "modified": _time(rng, 2025)}


def _clients(rng: random.Random) -> list[dict[str, Any]]:
    return [
        {**_base(rng, 2022), "first_name": first, "last_name": last, "name": f"{first} {last}",
         "email": email, "position": position, "phone": us_phone(rng), "timezone": "America/Chicago"}
        for first, last, email, position in USERS
    ]  # fmt: skip


def _accounts(rng: random.Random, space: str, owners: list[str], unit: str) -> list[dict[str, Any]]:
    industries = [_uuid(rng) for _ in range(5)]
    kinds = [_uuid(rng) for _ in range(3)]
    rows = []
    for name in companies(rng, 24):
        city, state, zip_code = rng.choice(US_PLACES)
        domain = name.split()[0].lower() + name.split()[1].lower() + ".com"
        owner = rng.choice(owners)
        rows.append(
            {**_base(rng, 2023), "name": name, "owner_id": owner, "owner": _uri(space, "Clients", owner),
             "email1": maybe(rng, 0.8, f"info@{domain}") or None, "phone1": us_phone(rng),
             "phone2": maybe(rng, 0.3, us_phone(rng)) or None,
             "home_page": maybe(rng, 0.7, f"https://www.{domain}") or None,
             "address": street(rng), "city": city, "state_province": state, "zip_code": zip_code,
             "country": "United States", "industry_id": rng.choice(industries),
             "customer_type_id": rng.choice(kinds), "comments": rng.choice(ACCOUNT_NOTES) or None,
             "is_archived": rng.random() < 0.08, "unit_id": unit}
        )  # fmt: skip
    return rows


def _contacts(rng: random.Random, space: str, accounts: list[dict[str, Any]], owners: list[str], unit: str
              ) -> list[dict[str, Any]]:  # fmt: skip
    rows = []
    for p in people(rng, 46):
        account = rng.choice(accounts) if rng.random() < 0.85 else None
        domain = account["email1"].split("@")[1] if account and account["email1"] else "gmail.com"
        city, state, zip_code = rng.choice(US_PLACES)
        owner = account["owner_id"] if account and rng.random() < 0.8 else rng.choice(owners)
        rows.append(
            {**_base(rng, 2023), "title": maybe(rng, 0.6, rng.choice(SALUTATIONS)) or None,
             "first_name": p.first,
             "middle_name": maybe(rng, 0.1, rng.choice("ABDJMR") + ".") or None, "last_name": p.last,
             "position": maybe(rng, 0.8, rng.choice(POSITIONS)) or None, "email1": p.email(domain),
             "email2": maybe(rng, 0.25, f"{p.first.lower()}{rng.randint(10, 99)}@outlook.com") or None,
             "phone1": us_phone(rng), "phone2": maybe(rng, 0.4, us_phone(rng)) or None,
             "address": maybe(rng, 0.6, street(rng)) or None, "city": city, "state_province": state,
             "zip_code": zip_code, "country": "United States",
             "primary_account": _uri(space, "Accounts", account["id"]) if account else None,
             "owner_id": owner, "owner": _uri(space, "Clients", owner),
             "is_unsubscribed": rng.random() < 0.15,
             "comments": maybe(rng, 0.3, "Met at the regional IT expo.") or None, "unit_id": unit}
        )  # fmt: skip
    return rows


def _steps(rng: random.Random, pipeline: str) -> list[dict[str, Any]]:
    return [
        {**_base(rng, 2022), "name": name, "percent": percent, "pipeline_id": pipeline, "sort_order": i,
         "description": None}
        for i, (name, percent) in enumerate(STEPS)
    ]  # fmt: skip


def _opportunities(rng: random.Random, space: str, steps: list[dict[str, Any]],
                   accounts: list[dict[str, Any]], contacts: list[dict[str, Any]], unit: str
                   ) -> list[dict[str, Any]]:  # fmt: skip
    currency = _uuid(rng)
    linked = [c for c in contacts if c["primary_account"]]
    rows = []
    for i in range(42):
        contact = rng.choice(linked)
        status = rng.choice([1, 1, 1, 1, 3, 2])
        step = steps[-1] if status == 3 else steps[i % (len(steps) - 1)]
        value = rng.randint(12, 600) * 50
        closed = _time(rng, 2025)
        owner = contact["owner_id"]
        account_name = next(a for a in accounts if contact["primary_account"].endswith(a["id"]))["name"]
        rows.append(
            {**_base(rng, 2024), "name": f"{account_name} - {rng.choice(WORK)}", "owner_id": owner,
             "owner": _uri(space, "Clients", owner), "step_id": step["id"],
             "step": _uri(space, "Steps", step["id"]), "closing_date": _day(rng, 2025),
             "value": {"base_value": value, "currency_id": currency, "value_foreign": value},
             "status": status, "is_archived": status == 2,
             "ranking": rng.randint(1, 10) if rng.random() < 0.7 else None,
             "description": maybe(rng, 0.4, "Quote includes installation and first-year support.") or None,
             "reason_of_close_description": rng.choice(LOST_WHY) if status == 2 else None,
             "won_date": closed if status == 3 else None, "lost_date": closed if status == 2 else None,
             "primary_account": contact["primary_account"],
             "primary_contact": _uri(space, "Contacts", contact["id"]), "unit_id": unit}
        )  # fmt: skip
    return rows


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    space = str(rng.randint(100, 999))
    unit = _uuid(rng)
    clients = _clients(rng)
    owners = [c["id"] for c in clients]
    accounts = _accounts(rng, space, owners, unit)
    contacts = _contacts(rng, space, accounts, owners, unit)
    steps = _steps(rng, _uuid(rng))
    opportunities = _opportunities(rng, space, steps, accounts, contacts, unit)
    write_json(root / "clients.json", clients)
    write_json(root / "accounts.json", accounts)
    write_json(root / "contacts.json", contacts)
    write_json(root / "steps.json", steps)
    write_json(root / "opportunities.json", opportunities)
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {"Sales": ["New contact", "Qualified", "Demo booked", "Proposal sent", "Negotiation", "Won"]},
            [(first, last, email) for first, last, email, _ in USERS[:3]],
        ),
    )
