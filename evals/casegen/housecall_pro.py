"""Housecall Pro: the Public API's customer, employee and job lists (JSON).

From Housecall Pro's Public API (its customer and job schemas): a customer has ``id``, ``first_name``,
``last_name``, ``email``, ``mobile_number``, ``home_number``, ``work_number``, ``company``,
``notifications_enabled``, ``lead_source``, ``tags`` (a list of labels) and ``addresses`` (a list,
each ``type`` billing or service, ``street``, ``street_line_2``, ``city``, ``state``, ``zip``,
``country``); a job has ``id``, ``invoice_number``, ``description``, ``notes``, ``work_status``
(unscheduled / scheduled / in_progress / complete / completed_unrated / user_canceled /
pro_canceled), ``schedule`` (``scheduled_start``, ``scheduled_end``, ``arrival_window`` in seconds),
``work_timestamps`` (``on_my_way_at``, ``started_at``, ``completed_at``), ``total_amount`` and
``outstanding_balance`` in cents, ``customer_id``, ``assigned_employee_ids`` (a list), ``tags`` and
ISO date-times. Employees (``/employees``): ``id``, ``first_name``, ``last_name``, ``email``,
``mobile_number``, ``role``. Its help centre's customer profile says the same of a customer's
display name, phones, company, lead source ("Referral info") and tags.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from evals.casegen.common import (
    CASES_DIR,
    US_PLACES,
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

CASE = "housecall_pro"
# (first, last, exported e-mail); Marco has no destination user.
EMPLOYEES = [
    ("pro_4f1a", "Derek", "Lund", "derek@brightflowplumbing.com", "admin"),
    ("pro_7c2e", "Alicia", "Gomez", "alicia@brightflowplumbing.com", "field tech"),
    ("pro_9b3d", "Marco", "Reyes", "marco.r@brightflowplumbing.com", "field tech"),
]
STATUSES = [
    "unscheduled", "scheduled", "in_progress", "complete", "completed_unrated", "user_canceled",
    "pro_canceled", "scheduled", "complete",
]  # fmt: skip
TAGS = [["Residential", "residential"], ["Commercial", "commercial "], ["Member", "MEMBER", "member"]]
JOB_TAGS = [["Warranty", "warranty"], ["Emergency", "emergency "]]
SOURCES = ["Google", "Facebook", "Referral", "Yelp", "Nextdoor", "Repeat customer"]


def _iso(rng: random.Random, year: int, hour: int) -> str:
    return f"{date(rng, year)}T{hour:02d}:00:00Z"


def _addresses(rng: random.Random) -> list[dict[str, Any]]:
    kinds = ["service"] if rng.random() < 0.6 else ["billing", "service"]
    rows = []
    for kind in kinds:
        city, state, zip_code = rng.choice(US_PLACES)
        rows.append(
            {
                "id": f"adr_{rng.getrandbits(32):08x}",
                "type": kind,
                "street": street(rng),
                "street_line_2": maybe(rng, 0.2, f"Unit {rng.randint(1, 40)}"),
                "city": city,
                "state": state,
                "zip": zip_code,
                "country": "US",
            }
        )
    return rows


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    employees = [
        {"id": i, "first_name": f, "last_name": last, "email": e, "mobile_number": us_phone(rng), "role": r}
        for i, f, last, e, r in EMPLOYEES
    ]
    customers: list[dict[str, Any]] = []
    for p in people(rng, 34):
        customers.append(
            {
                "id": f"cus_{rng.getrandbits(40):010x}",
                "first_name": p.first,
                "last_name": p.last,
                "email": maybe(rng, 0.9, p.email(rng.choice(["gmail.com", "yahoo.com", "outlook.com"]))),
                "mobile_number": us_phone(rng),
                "home_number": maybe(rng, 0.3, us_phone(rng)),
                "work_number": maybe(rng, 0.15, us_phone(rng)),
                "company": maybe(
                    rng, 0.2, rng.choice(["Oakview HOA", "Hillcrest Apartments", "Sunrise Cafe"])
                ),
                "notifications_enabled": rng.random() < 0.8,
                "lead_source": rng.choice(SOURCES),
                "tags": [spelled(rng, t) for t in rng.sample(TAGS, rng.randint(0, 2))],
                "addresses": _addresses(rng),
                "created_at": _iso(rng, 2023, rng.randint(8, 18)),
            }
        )
    jobs: list[dict[str, Any]] = []
    for i in range(48):
        status = STATUSES[i % len(STATUSES)]
        total = rng.randint(90, 4800) * 100 + rng.choice([0, 50, 99])
        start = date(rng, 2025)
        done = status in ("complete", "completed_unrated")
        jobs.append(
            {
                "id": f"job_{rng.getrandbits(40):010x}",
                "invoice_number": str(1000 + i),
                "description": rng.choice(
                    ["Water heater install", "Drain cleaning", "Leak repair", "Sump pump replacement"]
                ),
                "notes": maybe(
                    rng, 0.4, rng.choice(["Side gate code 2211", "Customer works nights", "Bring ladder"])
                ),
                "work_status": status,
                "schedule": {
                    "scheduled_start": "" if status == "unscheduled" else f"{start}T15:00:00Z",
                    "scheduled_end": "" if status == "unscheduled" else f"{start}T17:00:00Z",
                    "arrival_window": rng.choice([0, 3600, 7200]),
                },
                "work_timestamps": {
                    "on_my_way_at": f"{start}T14:40:00Z" if done else "",
                    "started_at": f"{start}T15:05:00Z" if done else "",
                    "completed_at": f"{start}T16:50:00Z" if done else "",
                },
                "total_amount": total,
                "outstanding_balance": 0 if done and rng.random() < 0.7 else total,
                "customer_id": customers[rng.randrange(len(customers))]["id"],
                "assigned_employee_ids": [e[0] for e in rng.sample(EMPLOYEES, rng.choice([1, 1, 2]))],
                "tags": [spelled(rng, t) for t in rng.sample(JOB_TAGS, rng.randint(0, 1))],
                "created_at": _iso(rng, 2024, rng.randint(8, 18)),
            }
        )
    write_json(root / "customers.json", customers)
    write_json(root / "employees.json", employees)
    write_json(root / "jobs.json", jobs)
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {"Service Jobs": ["Needs Scheduling", "Scheduled", "Work Started", "Job Complete"]},
            [
                ("Derek", "Lund", "derek@brightflowplumbing.com"),
                ("Alicia", "Gomez", "alicia@brightflowplumbing.com"),
            ],
        ),
    )
