"""Workiz: the job list from the API (each job embeds its client and its assigned team).

From Workiz's API documentation: ``UUID``, ``SerialId``, ``JobDateTime``, ``JobTotalPrice``,
``JobAmountDue``, ``Status`` (Submitted / Pending / In progress / Done pending approval / Done /
Canceled), ``JobType``, ``JobSource``, ``JobNotes``, client fields (``ClientId``, ``FirstName``,
``LastName``, ``Company``, ``Phone``, ``Email``, address parts), ``Team`` (assigned technicians)
and ``Tags``.
"""

from __future__ import annotations

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

CASE = "workiz"
TECHS = [(101, "Rick Alvarez"), (102, "Jen Park"), (103, "Omar Haddad")]  # Omar has no destination user
STATUSES = ["Submitted", "Pending", "In progress", "Done pending approval", "Done", "Canceled"]
TAGS = [["Warranty", "warranty"], ["Repeat", "repeat "], ["Priority", "PRIORITY"]]


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    clients = people(rng, 30)
    jobs: list[dict[str, Any]] = []
    for i in range(54):
        c = clients[i % len(clients)]
        city, state, zip_code = rng.choice(US_PLACES)
        total = rng.randint(90, 2400)
        team = [{"id": t[0], "Name": t[1]} for t in rng.sample(TECHS, rng.choice([1, 1, 2]))]
        jobs.append(
            {
                "UUID": f"{rng.getrandbits(24):06X}",
                "SerialId": 2000 + i,
                "JobDateTime": f"{date(rng, 2025)} 09:00:00",
                "CreatedDate": f"{date(rng, 2024)} 15:12:00",
                "JobTotalPrice": f"{total}.00",
                "JobAmountDue": f"{rng.choice([0, total])}.00",
                "Status": STATUSES[i % len(STATUSES)],
                "JobType": rng.choice(
                    ["Garage Door Repair", "Spring Replacement", "Opener Install", "Tune-up"]
                ),
                "JobSource": rng.choice(["Google", "Yelp", "Referral", "Angi"]),
                "JobNotes": maybe(
                    rng, 0.5, rng.choice(["Gate code 4411#", "Dog in the yard", "Call on arrival"])
                ),
                "ClientId": 7000 + (i % len(clients)),
                "FirstName": c.first,
                "LastName": c.last,
                "Company": maybe(rng, 0.2, rng.choice(["Oak Property Mgmt", "Sunset HOA"])),
                "Phone": us_phone(rng),
                "Email": c.email("example.com"),
                "Address": street(rng),
                "City": city,
                "State": state,
                "PostalCode": zip_code,
                "Country": "US",
                "Team": team,
                "Tags": [spelled(rng, t) for t in rng.sample(TAGS, rng.randint(0, 2))],
            }
        )
    write_json(cases_dir / CASE / "source" / "jobs.json", jobs)
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {"Jobs": ["Submitted", "Scheduled", "In Progress", "Awaiting Approval", "Completed"]},
            [("Rick", "Alvarez", "rick@doorprogarage.com"), ("Jen", "Park", "jen@doorprogarage.com")],
        ),
    )
