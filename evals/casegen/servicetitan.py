"""ServiceTitan: customers, jobs and technicians from the API (JSON, one file per endpoint).

From ServiceTitan's API documentation: customers with ``type`` (Residential / Commercial),
``address`` object, ``balance``, ``doNotMail``; jobs with ``jobNumber``, ``customerId``,
``jobStatus`` (Scheduled / Dispatched / InProgress / Hold / Completed / Canceled), ``priority``
(Urgent / High / Normal / Low), ``summary``, ``completedOn``, ``recallForId`` (the original job
this recall is for: a reference into the same table); technicians with ``name`` and ``email``.
"""

from __future__ import annotations

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
    street,
    us_phone,
    write_json,
)

CASE = "servicetitan"
TECHS = [
    (51, "Victor Lane", "victor.lane@comfortairhvac.com"),
    (52, "Kelly Moss", "kmoss@gmail.com"),
    (53, "Andre Silva", "andre.silva@comfortairhvac.com"),
]  # Andre has no destination user
STATUSES = ["Scheduled", "Dispatched", "InProgress", "Hold", "Completed", "Canceled"]
SUMMARIES = [
    "AC not cooling, check refrigerant",
    "Annual furnace tune-up",
    "Thermostat replacement",
    "Noisy blower motor",
    "Duct cleaning quote",
    "Water heater leaking at the base",
]


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    homes = people(rng, 30)
    firms = companies(rng, 10)
    customers: list[dict[str, Any]] = []
    for i, name in enumerate([p.full for p in homes] + firms):
        city, state, zip_code = rng.choice(US_PLACES)
        commercial = i >= len(homes)
        customers.append(
            {
                "id": 40000 + i,
                "name": name,
                "type": "Commercial" if commercial else "Residential",
                "address": {
                    "street": street(rng),
                    "city": city,
                    "state": state,
                    "zip": zip_code,
                    "country": "USA",
                },
                "phone": us_phone(rng),
                "email": f"{name.split()[0].lower()}{i}@example.com",
                "balance": f"{rng.choice([0, 0, 0, rng.randint(50, 900)])}.00",
                "doNotMail": rng.random() < 0.2,
                "createdOn": f"{date(rng, 2022)}T08:00:00Z",
            }
        )
    jobs: list[dict[str, Any]] = []
    for i in range(60):
        recall = rng.choice(jobs)["id"] if jobs and rng.random() < 0.25 else None
        jobs.append(
            {
                "id": 880000 + i,
                "jobNumber": str(31000 + i),
                "customerId": rng.choice(customers)["id"],
                "jobStatus": STATUSES[i % len(STATUSES)],
                "priority": rng.choice(["Urgent", "High", "Normal", "Normal", "Low"]),
                "jobType": rng.choice(["Service Call", "Maintenance", "Install", "Estimate"]),
                "businessUnit": rng.choice(["HVAC Service", "HVAC Install", "Plumbing"]),
                "summary": rng.choice(SUMMARIES),
                "technicianId": rng.choice(TECHS)[0],
                "completedOn": f"{date(rng, 2025)}T16:30:00Z" if i % 6 == 4 else None,
                "total": f"{rng.randint(89, 9800)}.{rng.randint(0, 99):02d}",
                "recallForId": recall,
                "campaign": maybe(rng, 0.6, rng.choice(["Spring Tune-up Mailer", "Google LSA", "Radio"])),
            }
        )
    techs = [
        {"id": t, "name": n, "email": e, "team": rng.choice(["Install", "Service"]), "active": True}
        for t, n, e in TECHS
    ]
    source = cases_dir / CASE / "source"
    write_json(source / "customers.json", customers)
    write_json(source / "jobs.json", jobs)
    write_json(source / "technicians.json", techs)
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {"Service Jobs": ["Scheduled", "Dispatched", "Working", "Completed"]},
            [
                ("Victor", "Lane", "victor.lane@comfortairhvac.com"),
                ("Kelly", "Moss", "kelly.moss@comfortairhvac.com"),
            ],
        ),
    )
