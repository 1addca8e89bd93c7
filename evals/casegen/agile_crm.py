"""Agile CRM: a REST API dump (contacts, companies, deals, tasks and the deal tracks), JSON.

From Agile CRM's REST API reference (https://github.com/agilecrm/rest-api, README: "Contacts &
Companies API", "Deals", "Tasks API", "Track / Milestones API"): a contact or company is a record of
``type`` PERSON or COMPANY whose data sit in ``properties``, a list of ``{type, name, subtype, value}``
(SYSTEM names first_name, last_name, company, title, email with subtype work / personal, phone with
work / mobile / home, address whose value is itself JSON text ``{"address","city","state","zip",
"country"}``, website with subtype URL / LINKEDIN; CUSTOM properties by their label). ``tags`` is a
list of labels (letters, digits, underscore and space), ``lead_score`` and ``star_value`` (0 to 5)
are numbers, ``contact_company_id`` links a person to a company by id, ``domainUser`` is the owner
(``id``, ``domain``, ``email``, ``name`` as the user typed it, admin flags). Times are epoch seconds.
A deal (``/dev/api/opportunity``) has ``name``, ``description``, ``expected_value``, ``probability``,
``close_date`` (0 when unset), ``milestone`` (a milestone name of its track, case sensitive: deals
written through the API keep a lower-case spelling the UI does not show), ``pipeline_id`` (the
track), ``contact_ids`` (a list of contact ids), ``owner``, ``custom_data``, ``notes``, ``track``,
``entity_type``; the list also embeds the full ``contacts``, which repeat ``contact_ids`` and are
left out here. A track (``/dev/api/milestone/pipelines``) lists its milestones comma separated; the
Default track's are ``Open,New,Prospect,Proposal,Won,Lost``. A task (``/dev/api/tasks/all``) has
``type`` (CALL, EMAIL, FOLLOW_UP, MEETING, MILESTONE, SEND, TWEET, OTHER), ``priority_type`` (HIGH,
NORMAL, LOW), ``due``, ``is_complete``, ``status`` (YET_TO_START, IN_PROGRESS, COMPLETED),
``progress``, ``subject``, the related ``contacts`` (contact records) and ``taskOwner``.
"""

from __future__ import annotations

import json
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
    spelled,
    street,
    us_phone,
    write_json,
)

CASE = "agile_crm"
DOMAIN = "northwindsolar"
# Agile users as the account holds them: a name as each user typed it. Lena has no destination user.
USERS = [
    {"id": 5345980119515136, "email": "dana@northwindsolar.com", "name": "Dana Whitfield", "is_admin": True},
    {"id": 5609297576722432, "email": "marco@northwindsolar.com", "name": "marco", "is_admin": False},
    {"id": 5727517264576512, "email": "lena@northwindsolar.com", "name": "Lena Ortiz", "is_admin": False},
]
TRACKS = [
    {"id": 5146448186310656, "milestones": "Open,New,Prospect,Proposal,Won,Lost", "name": "Default"},
    {"id": 6270302348869632, "milestones": "Renewal Due,Quote Sent,Renewed,Churned", "name": "Renewals"},
]
# Deals created through the API keep the case they were sent in (the UI hides them, the dump does not).
SALES_MILESTONES = ["Open", "New", "Prospect", "Proposal", "Won", "Lost", "proposal"]
TAGS = [["Customer", "customer"], ["Newsletter", "newsletter"], ["Hot Lead", "hot lead", "Hot_Lead"]]
TITLES = ["Owner", "Office Manager", "Facilities Manager", "CFO", "Owner", "Operations Lead"]
SOURCES = ["Website", "Referral", "Trade Show", "Google Ads"]
DEALS = ["Rooftop array", "Battery backup", "Panel upgrade", "Carport solar", "Service plan"]
TASK_TYPES = ["CALL", "EMAIL", "FOLLOW_UP", "MEETING", "MILESTONE", "SEND", "OTHER"]
TASK_SUBJECTS = ["Call back about quote", "Send site survey", "Follow up on proposal", "Book install date"]
EPOCH_2023 = 1672531200
YEAR = 365 * 86400


def _user(rng: random.Random) -> dict[str, Any]:
    u = rng.choice(USERS)
    return {
        "id": u["id"],
        "domain": DOMAIN,
        "email": u["email"],
        "is_admin": u["is_admin"],
        "is_account_owner": u["id"] == USERS[0]["id"],
        "is_disabled": False,
        "name": u["name"],
    }


def _prop(name: str, value: str, subtype: str | None = None, kind: str = "SYSTEM") -> dict[str, str]:
    prop = {"type": kind, "name": name, "value": value}
    if subtype is not None:
        prop["subtype"] = subtype
    return prop


def _address(rng: random.Random) -> str:
    city, state, zip_code = rng.choice(US_PLACES)
    parts = {"address": street(rng), "city": city, "state": state, "zip": zip_code, "country": "US"}
    return json.dumps(parts)


def _companies(rng: random.Random, names: list[str]) -> list[dict[str, Any]]:
    rows = []
    for i, name in enumerate(names):
        created = EPOCH_2023 + rng.randint(0, YEAR)
        props = [_prop("name", name), _prop("url", f"https://www.{name.lower().replace(' ', '')}.com")]
        props += [_prop("phone", us_phone(rng), "work"), _prop("address", _address(rng))]
        if rng.random() < 0.5:
            props.append(_prop("email", f"info@{name.lower().replace(' ', '')}.com", "work"))
        rows.append(
            {
                "id": 6600000000000000 + i * 1013,
                "type": "COMPANY",
                "created_time": created,
                "updated_time": created + rng.randint(0, YEAR),
                "star_value": rng.randint(0, 5),
                "properties": props,
                "domainUser": _user(rng),
            }
        )
    return rows


def _contacts(rng: random.Random, firms: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for i, p in enumerate(people(rng, 42)):
        firm = rng.choice(firms) if rng.random() < 0.6 else None
        firm_name = firm["properties"][0]["value"] if firm else ""
        props = [_prop("first_name", p.first), _prop("last_name", p.last)]
        if firm:
            props.append(_prop("company", firm_name))
        if rng.random() < 0.7:
            props.append(_prop("title", rng.choice(TITLES)))
        props.append(_prop("email", p.email(rng.choice(["gmail.com", "outlook.com"])), "work"))
        if rng.random() < 0.25:
            props.append(_prop("email", p.email("icloud.com"), "personal"))
        props.append(_prop("phone", us_phone(rng), rng.choice(["work", "mobile", "mobile"])))
        if rng.random() < 0.6:
            props.append(_prop("address", _address(rng)))
        if rng.random() < 0.3:
            props.append(
                _prop("website", f"https://www.linkedin.com/in/{p.first.lower()}{p.last.lower()}", "LINKEDIN")
            )
        if rng.random() < 0.8:
            props.append(_prop("Lead Source", rng.choice(SOURCES), kind="CUSTOM"))
        created = EPOCH_2023 + rng.randint(0, YEAR)
        record: dict[str, Any] = {
            "id": 5700000000000000 + i * 977,
            "type": "PERSON",
            "created_time": created,
            "updated_time": created + rng.randint(0, YEAR),
            "star_value": rng.randint(0, 5),
            "lead_score": rng.choice([0, 0, rng.randint(1, 120)]),
            "tags": [spelled(rng, t) for t in rng.sample(TAGS, rng.randint(0, 2))],
            "properties": props,
            "domainUser": _user(rng),
        }
        if firm:
            record["contact_company_id"] = firm["id"]
        rows.append(record)
    return rows


def _deals(rng: random.Random, contacts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    renewals = TRACKS[1]["milestones"].split(",")
    for i in range(38):
        renewal = i % 4 == 3
        sales = SALES_MILESTONES[i % len(SALES_MILESTONES)]
        milestone = renewals[(i // 4) % len(renewals)] if renewal else sales
        linked = rng.sample(contacts, rng.choice([1, 1, 1, 2]))
        created = EPOCH_2023 + rng.randint(0, YEAR)
        rows.append(
            {
                "id": 5086100271923200 + i * 4099,
                "name": f"{rng.choice(DEALS)} - {linked[0]['properties'][1]['value']}",
                "contact_ids": [str(c["id"]) for c in linked],
                "custom_data": [],
                "description": maybe(
                    rng,
                    0.5,
                    rng.choice(["Wants quote by Friday", "Roof needs inspection", "Budget approved"]),
                ),
                "expected_value": float(rng.randint(20, 900) * 50),
                "pipeline_id": str(TRACKS[1 if renewal else 0]["id"]),
                "milestone": milestone,
                "probability": rng.choice([10, 25, 50, 75, 90]),
                "close_date": rng.choice([0, created + rng.randint(10, 200) * 86400]),
                "owner_id": "",
                "created_time": created,
                "track": "",
                "entity_type": "deal",
                "notes": [],
                "owner": _user(rng),
            }
        )
    return rows


def _tasks(rng: random.Random, contacts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for i in range(34):
        status = rng.choice(["YET_TO_START", "YET_TO_START", "IN_PROGRESS", "COMPLETED"])
        related = [
            {"id": c["id"], "type": "PERSON", "properties": c["properties"][:2]}
            for c in rng.sample(contacts, rng.choice([0, 1, 1, 1]))
        ]
        created = EPOCH_2023 + rng.randint(0, YEAR)
        rows.append(
            {
                "id": 5149503652888576 + i * 7919,
                "type": TASK_TYPES[i % len(TASK_TYPES)],
                "priority_type": rng.choice(["HIGH", "NORMAL", "NORMAL", "LOW"]),
                "due": created + rng.randint(1, 60) * 86400,
                "created_time": created,
                "is_complete": status == "COMPLETED",
                "contacts": related,
                "subject": rng.choice(TASK_SUBJECTS),
                "entity_type": "task",
                "notes": [],
                "progress": {"YET_TO_START": 0, "IN_PROGRESS": rng.choice([25, 50]), "COMPLETED": 100}[
                    status
                ],
                "status": status,
                "taskOwner": _user(rng),
            }
        )
    return rows


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    firms = _companies(rng, companies(rng, 12))
    contacts = _contacts(rng, firms)
    write_json(root / "companies.json", firms)
    write_json(root / "contacts.json", contacts)
    write_json(root / "deals.json", _deals(rng, contacts))
    write_json(root / "tasks.json", _tasks(rng, contacts))
    write_json(root / "tracks.json", TRACKS)
    dest = destination(
        CASE,
        "US",
        {
            "Sales Pipeline": [
                "Inbox",
                "New Lead",
                "Qualified",
                "Proposal Sent",
                "Closed Won",
                "Closed Lost",
            ],
            "Renewals": ["Upcoming Renewal", "Renewal Quote Sent", "Renewed", "Cancelled"],
        },
        [("Dana", "Whitfield", "dana@northwindsolar.com"), ("Marco", "Bianchi", "marco@northwindsolar.com")],
        [("Lead Score", "contact.lead_score", "NUMERICAL", "contact")],
    )
    write_json(cases_dir / CASE / "destination.json", dest)
