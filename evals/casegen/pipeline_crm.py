"""Pipeline CRM (formerly PipelineDeals): the API v3 record lists, JSON (a US building-supply firm).

Sources: the API's own recorded responses (github.com/PipelineDeals/pipeline_api, spec/cassettes:
``/api/v3/people.json``, ``deals.json``, ``companies/{id}.json``, ``calendar_entries.json``,
``admin/deal_stages.json``) and the help centre (help.pipelinecrm.com/article/171-deal-stages,
/article/60-lost-deals-by-loss-reason, /article/205-deal-status, /article/159-prepare-your-csv-or-
excel-file-people, /article/198-contact-or-lead). A person has ``first_name``, ``last_name``,
``type`` Lead / Contact, ``email``, ``home_email``, ``phone`` (work), ``mobile``, ``position``,
``work_*`` address parts, ``company_id`` + ``company_name``, its owner as ``user_id``, ``lead_source``
and ``lead_status`` as ``{id, name}`` objects and ``predefined_contacts_tags`` (the admin's fixed tag
list) as ``[{id, name}]``. A company has ``phone1`` .. ``phone2`` each with a ``phoneN_desc`` label,
``web``, ``address_1`` .. ``country`` and the roll-ups ``total_pipeline`` / ``won_deals_total`` (cents).
A deal has ``value_in_cents``, ``deal_stage`` ``{id, name, percent}`` (or null), ``probability``,
``expected_close_date``, ``closed_time``, ``is_archived``, ``source``, ``primary_contact`` and
``company`` objects and ``person_ids``. The stage at 100 % is Won and the one at 0 % is Lost.
A calendar entry of type ``CalendarTask`` is a to-do: ``name``, ``description``, ``due_date``,
``complete``, ``category`` ``{id, name}``, ``owner_id`` and an ``association_type`` (Person / Deal)
with ``association_id``. Times are written "2024/06/03 11:52:08 -0400", dates "2024/05/29".
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

CASE = "pipeline_crm"
# (id, first, last, e-mail in the export): Marcus exports a private address; Keisha has no destination user
USERS = [
    (301, "Dana", "Whitlock", "dana@northfieldsupply.com"),
    (302, "Marcus", "Bell", "marcus.bell@outlook.com"),
    (303, "Keisha", "Odom", "keisha@northfieldsupply.com"),
]
STAGES = [(11, "Qualified Lead", 10), (12, "Request for Info", 20), (13, "Presentation", 40),
          (14, "Proposal", 60), (15, "Negotiation", 80), (16, "Won", 100), (17, "Lost", 0)]  # fmt: skip
SOURCES = [{"id": 1, "name": "Website"}, {"id": 2, "name": "Cold Call"}, {"id": 3, "name": "Referral"},
           {"id": 4, "name": "Trade Show"}]  # fmt: skip
STATUSES = [{"id": 1, "name": "Hot", "hex_color": "C73408"}, {"id": 2, "name": "Warm", "hex_color": "F0A30A"},
            {"id": 3, "name": "Cold", "hex_color": "1BA1E2"}]  # fmt: skip
TAGS = [{"id": 41, "name": "Contractor"}, {"id": 42, "name": "Architect"}, {"id": 43, "name": "Newsletter"}]
POSITIONS = ["Owner", "Project Manager", "Purchasing Manager", "Estimator", "Owner", "Site Superintendent"]
CATEGORIES = [{"id": 5, "name": "Call"}, {"id": 6, "name": "Email"}, {"id": 7, "name": "Follow-up"},
              {"id": 8, "name": "Meeting"}]  # fmt: skip
TODO = ["Call back about lumber quote", "Send price sheet", "Confirm delivery window", "Site visit",
        "Follow up on samples", "Send revised proposal"]  # fmt: skip
PRODUCTS = ["decking package", "framing lumber", "window order", "roofing supply", "cabinet order"]


def _time(rng: random.Random, year: int) -> str:
    stamp = f"{year}/{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}"
    return f"{stamp} {rng.randint(7, 18):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} -0500"


def _day(rng: random.Random, year: int) -> str:
    return f"{year}/{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}"


def _user(uid: int) -> dict[str, Any]:
    first, last = next((f, la) for i, f, la, _ in USERS if i == uid)
    return {"id": uid, "first_name": first, "last_name": last}


def _companies(rng: random.Random, names: list[str]) -> list[dict[str, Any]]:
    rows = []
    for i, name in enumerate(names):
        city, state, zip_code = rng.choice(US_PLACES)
        domain = name.split()[0].lower() + ".com"
        rows.append(
            {
                "id": 7001 + i,
                "name": name,
                "description": maybe(rng, 0.3, "Buys through our yard in spring.") or None,
                "phone1": us_phone(rng),
                "phone1_desc": "Work",
                "phone2": maybe(rng, 0.3, us_phone(rng)) or None,
                "phone2_desc": rng.choice(["Mobile", "Fax"]) if rng.random() < 0.3 else None,
                "email": maybe(rng, 0.6, f"info@{domain}") or None,
                "web": maybe(rng, 0.7, f"www.{domain}") or None,
                "address_1": street(rng),
                "address_2": maybe(rng, 0.2, f"Suite {rng.randint(100, 400)}") or None,
                "city": city,
                "state": state,
                "postal_code": zip_code,
                "country": rng.choice(["United States", "US", "United States", "USA"]),
                "total_pipeline": rng.randint(0, 90) * 50000,
                "won_deals_total": rng.randint(0, 40) * 25000,
                "created_at": _time(rng, 2023),
            }
        )
    return rows


def _person(rng: random.Random, i: int, p: Any, firm: dict[str, Any] | None) -> dict[str, Any]:
    uid = rng.choice(USERS)[0]
    work = (
        p.email(firm["name"].split()[0].lower() + ".com")
        if firm
        else p.email(rng.choice(["gmail.com", "yahoo.com"]))
    )
    tags = rng.sample(TAGS, rng.randint(1, 2)) if rng.random() < 0.45 else []
    lead = rng.random() < 0.35
    place = rng.choice(US_PLACES)
    return {
        "id": 9001 + i,
        "first_name": p.first,
        "last_name": p.last,
        "full_name": p.full,
        "type": "Lead" if lead else "Contact",
        "email": work,
        "home_email": maybe(rng, 0.25, p.email("icloud.com")) or None,
        "phone": maybe(rng, 0.8, us_phone(rng)) or None,
        "mobile": maybe(rng, 0.4, us_phone(rng)) or None,
        "position": maybe(rng, 0.7, rng.choice(POSITIONS)) or None,
        "work_address_1": None if firm else street(rng),
        "work_city": None if firm else place[0],
        "work_state": None if firm else place[1],
        "work_postal_code": None if firm else place[2],
        "company_id": firm["id"] if firm else None,
        "company_name": firm["name"] if firm else None,
        "user_id": uid,
        "user": _user(uid),
        "lead_source": rng.choice(SOURCES) if rng.random() < 0.7 else None,
        "lead_status": rng.choice(STATUSES) if lead or rng.random() < 0.2 else None,
        "predefined_contacts_tags": tags,
        "created_at": _time(rng, 2023),
    }


def _deal(
    rng: random.Random, i: int, person: dict[str, Any], firms: dict[int, dict[str, Any]]
) -> dict[str, Any]:
    sid, stage, percent = STAGES[i % len(STAGES)]
    staged = i % 9 != 8  # a few deals were never given a stage
    firm = firms.get(person["company_id"]) if person["company_id"] else None
    uid = rng.choice(USERS)[0]
    closed = staged and percent in (0, 100)
    no_contact = firm is not None and rng.random() < 0.2  # the deal names its company only
    source = rng.choice(SOURCES) if rng.random() < 0.5 else None
    return {
        "id": 501 + i,
        "name": f"{(firm or person)['name' if firm else 'full_name']} - {rng.choice(PRODUCTS)}",
        "value_in_cents": rng.randint(8, 400) * 2500,
        "summary": maybe(rng, 0.3, "Quoted at contractor pricing.") or None,
        "deal_stage_id": sid if staged else None,
        "deal_stage": {"name": stage, "percent": percent, "id": sid} if staged else None,
        "probability": percent if staged else rng.choice([10, 25, 50]),
        "expected_close_date": _day(rng, 2025),
        "closed_time": _time(rng, 2025) if closed else None,
        "is_archived": closed and rng.random() < 0.3,
        "source_id": source["id"] if source else None,
        "source": source,
        "primary_contact_id": None if no_contact else person["id"],
        "primary_contact": None
        if no_contact
        else {"last_name": person["last_name"], "id": person["id"], "first_name": person["first_name"]},
        "person_ids": [] if no_contact else [person["id"]],
        "company_id": firm["id"] if firm else None,
        "company": {"id": firm["id"], "name": firm["name"]} if firm else None,
        "user_id": uid,
        "user": _user(uid),
        "created_at": _time(rng, 2024),
    }


def _task(rng: random.Random, i: int, person: dict[str, Any], deal: dict[str, Any]) -> dict[str, Any]:
    on_deal = rng.random() < 0.4
    owner = rng.choice(USERS)[0]
    done = rng.random() < 0.45
    return {
        "id": 88001 + i,
        "type": "CalendarTask",
        "name": rng.choice(TODO),
        "description": maybe(rng, 0.4, "Ask for the jobsite address.") or None,
        "due_date": _day(rng, 2025),
        "all_day": True,
        "complete": done,
        "completed_at": _time(rng, 2025) if done else None,
        "category_id": None,
        "category": rng.choice(CATEGORIES),
        "owner_id": owner,
        "owner": _user(owner),
        "association_type": "Deal" if on_deal else "Person",
        "association_id": deal["id"] if on_deal else person["id"],
        "association": {"id": deal["id"], "name": deal["name"]}
        if on_deal
        else {"id": person["id"], "name": person["full_name"]},
        "created_at": _time(rng, 2024),
    }


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    firm_rows = _companies(rng, companies(rng, 16))
    firms = {f["id"]: f for f in firm_rows}
    person_rows = [_person(rng, i, p, rng.choice(firm_rows) if rng.random() < 0.7 else None)
                   for i, p in enumerate(people(rng, 45))]  # fmt: skip
    deal_rows = [_deal(rng, i, rng.choice(person_rows), firms) for i in range(42)]
    task_rows = [_task(rng, i, rng.choice(person_rows), rng.choice(deal_rows)) for i in range(36)]
    users = [
        {"id": uid, "first_name": f, "last_name": la, "email": e, "is_active": True}
        for uid, f, la, e in USERS
    ]
    write_json(root / "users.json", users)
    write_json(root / "companies.json", firm_rows)
    write_json(root / "people.json", person_rows)
    write_json(root / "deals.json", deal_rows)
    write_json(root / "calendar_entries.json", task_rows)
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {
                "Sales": [
                    "Qualified",
                    "Info Gathering",
                    "Demo",
                    "Quote Sent",
                    "Negotiating",
                    "Closed Won",
                    "Closed Lost",
                ]
            },
            [
                ("Dana", "Whitlock", "dana@northfieldsupply.com"),
                ("Marcus", "Bell", "marcus@northfieldsupply.com"),
            ],
            custom_fields=[("Lead Status", "contact.lead_status", "SINGLE_OPTIONS", "contact")],
        ),
    )
