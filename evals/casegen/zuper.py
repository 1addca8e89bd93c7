"""Zuper: a garage-door and HVAC service company's customers, jobs and users from the REST API, JSON.

From Zuper's API material and help centre:
- apis.io/examples/zuper/zuper-create-customer-example (POST /api/customers: ``customer_first_name``,
  ``customer_last_name``, ``customer_email``, ``customer_company_name``, ``customer_contact_no``
  ``{mobile, home, work}``, ``customer_address`` and ``customer_billing_address`` ``{street, city,
  state, country, zip_code, geo_coordinates}``, ``customer_tags`` as a list of strings,
  ``custom_fields`` as ``[{label, value, type, module_name}]``);
- schemas.apis.io/schemas/zuper/zuper-job (``job_uid``, ``job_title``, ``job_category``,
  ``job_priority``, ``job_type``, ``job_description``, ``scheduled_start_time`` /
  ``scheduled_end_time`` / ``due_date`` in ISO 8601 UTC, ``assigned_to``, ``work_order_number``,
  ``created_at``) and a public Zuper API client's typed GET responses (``job_category`` as
  ``{category_uid, category_name}``, ``job_priority`` LOW / MEDIUM / HIGH / URGENT, ``assigned_to`` as
  ``[{user: {user_uid, first_name, last_name}}]``, the status in ``current_job_status {status_uid,
  status_name, status_color}``, users with ``designation`` and ``role {role_uid, role_name}``);
- care.zuper.co "Zuper Product Glossary" (job type: a new job or a revisit; priority low / medium /
  high / urgent), care.zuper.co "How to Create and Edit a Job Status" (status names are the
  account's own, each mapped to a Zuper status type), docs.zuper.co "Job detail page" (a job is moved
  to Closed once its service tasks are resolved).

The status names below are one account's (New ... Closed, Canceled); the destination's stages are
worded differently. Tags are typed per customer, so the same label comes in case variants.
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
    spelled,
    street,
    us_phone,
    write_json,
)

CASE = "zuper"
DOMAIN = "liftlinedoors.com"
USERS = [  # first, last, designation, role; Marco has no destination user
    ("Dana", "Whitfield", "Office Manager", "Admin"),
    ("Kyle", "Ramos", "Lead Technician", "Field Executive"),
    ("Janelle", "Ortiz", "Dispatcher", "Team Leader"),
    ("Marco", "Bell", "Technician", "Field Executive"),
]
STATUSES = ["New", "Scheduled", "On My Way", "Started", "On Hold", "Completed", "Closed", "Canceled"]
COLORS = dict(
    zip(
        STATUSES,
        ["#9E9E9E", "#2196F3", "#FF9800", "#3F51B5", "#795548", "#4CAF50", "#1B5E20", "#F44336"],
        strict=True,
    )
)
STAGES = [
    "New Request",
    "Booked",
    "Tech En Route",
    "Work In Progress",
    "Waiting on Parts",
    "Work Done",
    "Closed Out",
]
CATEGORIES = ["Installation", "Repair", "Maintenance", "Estimate Visit"]
TITLES = [
    "Spring replacement", "Opener install", "Annual tune-up", "Door off track", "New door quote",
    "Furnace not heating", "AC maintenance", "Weather seal replacement",
]  # fmt: skip
TAGS = [["Commercial", "commercial"], ["VIP", "vip "], ["Maintenance Plan", "maintenance plan"]]
SOURCES = ["Google", "Yelp", "Referral", "Door hanger", "Facebook"]
NOTES = [
    "Customer reports loud grinding noise.", "Side door sticks, check rollers.",
    "Quote two options for insulated door.", "Unit short cycling.",
]  # fmt: skip
Row = dict[str, Any]


def _uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _iso(rng: random.Random, year: int) -> str:
    day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return f"{day}T{rng.randint(13, 23):02d}:{rng.choice(['00', '30'])}:00.000Z"


def _address(rng: random.Random) -> Row:
    city, state, zip_code = rng.choice(US_PLACES)
    return {
        "street": street(rng),
        "city": city,
        "state": state,
        "country": "United States",
        "zip_code": zip_code,
        "geo_coordinates": {
            "latitude": round(rng.uniform(27.0, 45.0), 6),
            "longitude": round(rng.uniform(-122.0, -78.0), 6),
        },
    }


def _custom_field(label: str, value: str, kind: str) -> Row:
    return {"label": label, "value": value, "type": kind, "module_name": "CUSTOMER"}


def _users(rng: random.Random) -> list[Row]:
    return [
        {
            "user_uid": _uid(rng),
            "first_name": first,
            "last_name": last,
            "email": f"{first.lower()}@{DOMAIN}" if first != "Marco" else "marco.bell.hvac@gmail.com",
            "designation": designation,
            "role": {"role_uid": _uid(rng), "role_name": role},
            "work_phone_number": us_phone(rng),
            "mobile_phone_number": us_phone(rng),
            "is_active": True,
            "created_at": _iso(rng, 2022),
        }
        for first, last, designation, role in USERS
    ]


def _customers(rng: random.Random) -> list[Row]:
    firms = iter(companies(rng, 40))
    rows = []
    for p in people(rng, 40):
        service = _address(rng)
        billing = {k: v for k, v in service.items() if k != "geo_coordinates"}
        if rng.random() < 0.2:
            billing = {k: v for k, v in _address(rng).items() if k != "geo_coordinates"}
        custom = [_custom_field("Referral Source", rng.choice(SOURCES), "DROPDOWN")]
        if rng.random() < 0.3:
            custom.append(_custom_field("Gate Code", f"#{rng.randint(1000, 9999)}", "TEXT"))
        rows.append(
            {
                "customer_uid": _uid(rng),
                "customer_first_name": p.first,
                "customer_last_name": p.last,
                "customer_email": p.email(rng.choice(["gmail.com", "yahoo.com", "outlook.com"])),
                "customer_company_name": maybe(rng, 0.3, next(firms)),
                "customer_contact_no": {
                    "mobile": maybe(rng, 0.85, us_phone(rng)),
                    "home": maybe(rng, 0.15, us_phone(rng)),
                    "work": maybe(rng, 0.35, us_phone(rng)),
                },
                "customer_address": service,
                "customer_billing_address": billing,
                "customer_tags": [spelled(rng, t) for t in rng.sample(TAGS, rng.randint(0, 2))],
                "custom_fields": custom,
                "created_at": _iso(rng, 2023),
            }
        )
    return rows


def _jobs(rng: random.Random, customers: list[Row], users: list[Row]) -> list[Row]:
    status_uids = {s: _uid(rng) for s in STATUSES}
    category_uids = {c: _uid(rng) for c in CATEGORIES}
    rows = []
    for i in range(52):
        customer = rng.choice(customers)
        status = STATUSES[i % len(STATUSES)]
        scheduled = status != "New" or rng.random() < 0.3
        day, hour = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", rng.randint(13, 21)
        start = f"{day}T{hour:02d}:00:00.000Z" if scheduled else ""
        category = rng.choice(CATEGORIES)
        crew = rng.sample(users[1:], rng.choice([1, 1, 2])) if status != "New" else []
        rows.append(
            {
                "job_uid": _uid(rng),
                "work_order_number": 1040 + i,
                "job_title": rng.choice(TITLES),
                "job_category": {"category_uid": category_uids[category], "category_name": category},
                "job_priority": rng.choice(["LOW", "MEDIUM", "MEDIUM", "HIGH", "URGENT"]),
                "job_type": rng.choice(["New", "New", "New", "Revisit"]),
                "job_description": maybe(rng, 0.7, rng.choice(NOTES)),
                "scheduled_start_time": start,
                "scheduled_end_time": f"{day}T{hour + 2:02d}:00:00.000Z" if scheduled else "",
                "due_date": "" if scheduled else _iso(rng, 2025),
                "customer": {
                    "customer_uid": customer["customer_uid"],
                    "customer_first_name": customer["customer_first_name"],
                    "customer_last_name": customer["customer_last_name"],
                },
                "customer_address": {
                    k: v for k, v in customer["customer_address"].items() if k != "geo_coordinates"
                },
                "assigned_to": [
                    {
                        "user": {
                            "user_uid": u["user_uid"],
                            "first_name": u["first_name"],
                            "last_name": u["last_name"],
                        }
                    }
                    for u in crew
                ],
                "current_job_status": {
                    "status_uid": status_uids[status],
                    "status_name": status,
                    "status_color": COLORS[status],
                },
                "created_at": _iso(rng, 2024),
            }
        )
    return rows


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    users = _users(rng)
    customers = _customers(rng)
    write_json(root / "customers.json", customers)
    write_json(root / "jobs.json", _jobs(rng, customers, users))
    write_json(root / "users.json", users)
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {
                "Service Jobs": STAGES,
            },
            [(first, last, f"{first.lower()}@{DOMAIN}") for first, last, _, _ in USERS[:3]],
        ),
    )
