"""Synchroteam: a fire-safety maintenance firm's customers and jobs from the REST API v3, JSON.

From Synchroteam's API v3 (api.synchroteam.com: /customer/list, /job/list; JSON by default) as
its public clients and connectors describe it:
- zapier.com/apps/hubspot/integrations/synchroteam (customer fields myId, Name, Address, Address
  Street, Address Complement, Address ZIP, Address City, Address Province, Address Country) and the
  Synchroteam connector on glama.ai (customer/send: ``name``, ``myId``, ``address`` as the full
  address on one line, ``addressComplement``, contact first / last name, phone, fax, e-mail, VAT
  number; customer/list returns name, address, contact, custom fields, tags; job/start, job/schedule,
  job/complete identify a job by ``id``, ``num`` or ``myId``, times written ``yyyy-mm-dd hh:mm:ss``,
  the technician by ``id`` or ``login``; users have a login, a name and a profile technician /
  manager / administrator);
- github.com/michelmzc/synchroteam-py (job ``status``: created, scheduled, synchronized, started,
  paused, completed, validated or cancelled; ``dateModified`` in ISO 8601 with a Z);
- github.com/alsacegaragemaintenance-arch/axonaut-synchroteam (customer/send with ``myId``,
  ``name``, ``address``, ``addressZIP``, ``addressCity``, ``contactPhone``, ``contactMobile``,
  ``contactEmail``);
- support.synchroteam.com "Bulk Job, Activity and Recurring Import" (priority Low / Normal / High, the
  job type, a job number, the description) and "Import/Export Data" (customers, then sites, then
  equipment linked to them).

A customer is the business (or the home owner) with one contact person in ``contact*`` fields;
``myId`` is the account's own reference (filled on most rows). Jobs name their customer and site as
``{id, myId, name}``, their type as ``{id, name}``, the technician as ``{id, login, name}``. A
synchronized job has been downloaded to the technician's phone; a validated one was checked by a
manager after completion.
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

CASE = "synchroteam"
Row = dict[str, Any]
DOMAIN = "beaconfiresafety.com"
TECHS = [  # first, last, login; Wes has no destination user
    ("Hannah", "Cole", "hcole"),
    ("Diego", "Patel", "dpatel"),
    ("Wes", "Murphy", "wmurphy"),
]
STATUSES = [
    "created",
    "scheduled",
    "synchronized",
    "started",
    "paused",
    "completed",
    "validated",
    "cancelled",
]
TYPES = ["Annual Inspection", "Extinguisher Service", "Alarm Repair", "Sprinkler Test"]
TAGS = ["Key Account", "Contract", "Residential"]
DESCRIPTIONS = [
    "Annual fire alarm panel inspection, 3 floors.",
    "Replace two expired extinguishers in kitchen.",
    "Trouble signal on zone 4, customer reports beeping.",
    "Five-year sprinkler flow test.",
    "Check emergency lighting after power cut.",
]
STAGES = ["To Plan", "Planned", "Dispatched", "On Site", "On Hold", "Work Finished", "Approved"]


def _stamp(rng: random.Random, year: int) -> str:
    day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return f"{day}T{rng.randint(7, 18):02d}:{rng.randint(0, 59):02d}:00Z"


def _customers(rng: random.Random) -> list[Row]:
    firms = iter(companies(rng, 40))
    rows = []
    for i, p in enumerate(people(rng, 40)):
        business = rng.random() < 0.7
        name = next(firms) if business else p.full
        city, state, zip_code = rng.choice(US_PLACES)
        line = street(rng)
        complement = maybe(rng, 0.15, f"Suite {rng.randint(100, 450)}")
        domain = f"{name.split()[0].lower()}.com" if business else rng.choice(["gmail.com", "yahoo.com"])
        rows.append(
            {
                "id": 5001 + i,
                "myId": maybe(rng, 0.75, f"C{1200 + i}"),
                "name": name,
                "address": ", ".join(
                    x for x in (line, complement, city, f"{state} {zip_code}", "United States") if x
                ),
                "addressStreet": line,
                "addressComplement": complement,
                "addressZIP": zip_code,
                "addressCity": city,
                "addressProvince": state,
                "addressCountry": "United States",
                "contactFirstName": p.first,
                "contactLastName": p.last,
                "contactPhone": us_phone(rng),
                "contactMobile": maybe(rng, 0.5, us_phone(rng)),
                "contactFax": maybe(rng, 0.1, us_phone(rng)),
                "contactEmail": p.email(domain),
                "vatNumber": "",
                "tags": rng.sample(TAGS[:2], rng.randint(0, 2)) if business else ["Residential"],
                "active": rng.random() < 0.9,
                "dateModified": _stamp(rng, 2025),
            }
        )
    return rows


def _jobs(rng: random.Random, customers: list[Row]) -> list[Row]:
    type_ids = {t: 300 + i for i, t in enumerate(TYPES)}
    tech_ids = {login: 70 + i for i, (_, _, login) in enumerate(TECHS)}
    rows = []
    for i in range(56):
        customer = rng.choice(customers)
        status = STATUSES[i % len(STATUSES)]
        planned = status not in ("created", "cancelled") or rng.random() < 0.3
        day, hour = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", rng.randint(7, 15)
        done = status in ("completed", "validated")
        first, last, login = rng.choice(TECHS)
        job_type = rng.choice(TYPES)
        rows.append(
            {
                "id": 880100 + i,
                "num": 2300 + i,
                "myId": maybe(rng, 0.2, f"PO-{rng.randint(10000, 99999)}"),
                "description": rng.choice(DESCRIPTIONS),
                "priority": rng.choice(["low", "normal", "normal", "high"]),
                "type": {"id": type_ids[job_type], "name": job_type},
                "customer": {"id": customer["id"], "myId": customer["myId"], "name": customer["name"]},
                "site": {
                    "id": customer["id"] * 10,
                    "myId": "",
                    "name": f"{customer['name']} - {customer['addressCity']}",
                },
                "technician": {"id": tech_ids[login], "login": login, "name": f"{first} {last}"}
                if planned
                else None,
                "status": status,
                "scheduledStart": f"{day} {hour:02d}:00:00" if planned else "",
                "scheduledEnd": f"{day} {hour + 2:02d}:00:00" if planned else "",
                "actualStart": f"{day} {hour:02d}:{rng.randint(0, 40):02d}:00" if done else "",
                "actualEnd": f"{day} {hour + 1:02d}:{rng.randint(10, 59):02d}:00" if done else "",
                "dateModified": _stamp(rng, 2025),
            }
        )
    return rows


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    customers = _customers(rng)
    write_json(root / "customers.json", customers)
    write_json(root / "jobs.json", _jobs(rng, customers))
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {"Service Visits": STAGES},
            [(first, last, f"{login[0]}{last.lower()}@{DOMAIN}") for first, last, login in TECHS[:2]]
            + [("Rosa", "Ortiz", f"rortiz@{DOMAIN}")],
        ),
    )
