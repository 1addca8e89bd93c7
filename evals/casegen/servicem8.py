"""ServiceM8: the REST API's client, client contact, job, job activity, note and staff lists (JSON).

From ServiceM8's developer reference (developer.servicem8.com: the Clients, Company Contacts, Jobs,
Job Activities, Notes and Staff endpoints). A client is a ``company`` record (``uuid``, ``name``,
``is_individual``, ``abn_number``, ``address`` plus its parts ``address_street`` / ``address_city`` /
``address_state`` / ``address_postcode`` / ``address_country``, ``billing_address``, ``website``,
``active``, ``edit_date``); its people are ``companycontact`` records (``company_uuid``, ``first``,
``last``, ``phone``, ``mobile``, ``email``, ``type``, ``is_primary_contact``). A job has
``generated_job_id``, ``company_uuid``, ``status`` (one of Quote, Work Order, Unsuccessful,
Completed), ``date``, ``job_address``, ``billing_address``, ``job_description``,
``work_done_description``, ``total_invoice_amount`` (the invoice total, a decimal string),
``purchase_order_number``, ``created_by_staff_uuid``, ``quote_date`` / ``work_order_date`` /
``completion_date``, ``invoice_sent`` and ``payment_received`` flags. A job activity is a booking of
one staff member on a job (``job_uuid``, ``staff_uuid``, ``start_date``, ``end_date``,
``activity_was_scheduled``); a note is attached to a job or a client (``related_object`` +
``related_object_uuid``, ``note``, ``create_date``, ``action_required``). Every reference is a
uuid; date-times are ``YYYY-MM-DD HH:MM:SS`` in the account's time zone and an unset one is
``0000-00-00 00:00:00``; flags are 0 / 1.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from evals.casegen.common import CASES_DIR, destination, maybe, people, rng_for, write_json

CASE = "servicem8"
# (uuid, first, last, exported e-mail, job title); Kyle has no destination user and Megan exports a
# private address although she is the destination's megan@ user.
STAFF = [
    ("5a1c0e2e-4b7a-4d1e-9d2b-1f3c5e7a9b01", "Brett", "Collins", "brett@coastlinesparky.com.au", "Owner"),
    ("7d2e4f60-1c3b-4e5a-8f7d-2b4c6d8e0f12", "Megan", "Doyle", "megs.doyle@bigpond.com", "Electrician"),
    ("9f3a5b71-2d4c-4f6b-a08e-3c5d7e9f1a23", "Kyle", "Nash", "kyle@coastlinesparky.com.au", "Apprentice"),
]
AU_PLACES = [
    ("Newcastle", "NSW", "2300"),
    ("Wollongong", "NSW", "2500"),
    ("Geelong", "VIC", "3220"),
    ("Toowoomba", "QLD", "4350"),
    ("Gold Coast", "QLD", "4217"),
]
STREETS = ["Hunter St", "Crown St", "Moorabool St", "Ruthven St", "Marine Pde", "King St"]
STATUSES = ["Quote", "Work Order", "Completed", "Unsuccessful", "Work Order", "Completed", "Quote"]
WORK = [
    "Switchboard upgrade",
    "Install 4 LED downlights",
    "Smoke alarm compliance",
    "Fault find - RCD tripping",
]
UNSET = "0000-00-00 00:00:00"


def _uuid(rng: random.Random) -> str:
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def _when(rng: random.Random, year: int, hour: int = 0) -> str:
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {hour:02d}:{rng.choice([0, 30]):02d}:00"


def _phone(rng: random.Random, mobile: bool) -> str:
    if mobile:
        return rng.choice(
            [
                f"04{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}",
                f"+61 4{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}",
            ]
        )
    return f"(02) {rng.randint(4000, 4999)} {rng.randint(1000, 9999)}"


def _clients(rng: random.Random) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    clients, contacts = [], []
    for p in people(rng, 30):
        business = rng.random() < 0.35
        name = f"{p.last} {rng.choice(['Property Group', 'Cafe', 'Strata'])}" if business else p.full
        city, state, postcode = rng.choice(AU_PLACES)
        street = f"{rng.randint(1, 240)} {rng.choice(STREETS)}"
        uuid = _uuid(rng)
        clients.append(
            {
                "uuid": uuid,
                "name": name,
                "is_individual": 0 if business else 1,
                "abn_number": f"{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)} "
                f"{rng.randint(100, 999)}"
                if business
                else "",
                "address": f"{street}\n{city} {state} {postcode}",
                "address_street": street,
                "address_city": city,
                "address_state": state,
                "address_postcode": postcode,
                "address_country": rng.choice(["Australia", "Australia", ""]),
                "billing_address": maybe(
                    rng, 0.2, f"PO Box {rng.randint(10, 900)}, {city} {state} {postcode}"
                ),
                "website": f"www.{p.last.lower()}{rng.choice(['group', 'cafe'])}.com.au" if business else "",
                "active": 1,
                "edit_date": _when(rng, 2024, rng.randint(7, 17)),
            }
        )
        for primary in [1, 0] if business and rng.random() < 0.5 else [1]:
            person = p if primary else people(rng, 1)[0]
            contacts.append(
                {
                    "uuid": _uuid(rng),
                    "company_uuid": uuid,
                    "first": person.first,
                    "last": person.last,
                    "phone": maybe(rng, 0.4, _phone(rng, False)),
                    "mobile": _phone(rng, True),
                    "email": maybe(
                        rng, 0.85, person.email(rng.choice(["gmail.com", "outlook.com", "bigpond.com"]))
                    ),
                    "type": "BILLING" if primary else rng.choice(["JOB", "Property Manager"]),
                    "is_primary_contact": primary,
                    "active": 1,
                    "edit_date": _when(rng, 2024, rng.randint(7, 17)),
                }
            )
    return clients, contacts


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    staff = [
        {
            "uuid": u,
            "first": f,
            "last": last,
            "email": e,
            "mobile": _phone(rng, True),
            "job_title": t,
            "active": 1,
        }
        for u, f, last, e, t in STAFF
    ]
    clients, contacts = _clients(rng)
    jobs, activities, notes = [], [], []
    for i in range(44):
        client = rng.choice(clients)
        status = STATUSES[i % len(STATUSES)]
        booked = status in ("Work Order", "Completed")
        job_uuid = _uuid(rng)
        total = rng.randint(12, 640) * 25 + rng.choice([0, 0.5, 0.45])
        jobs.append(
            {
                "uuid": job_uuid,
                "generated_job_id": str(1200 + i),
                "company_uuid": client["uuid"],
                "status": status,
                "date": _when(rng, 2024),
                "job_address": client["address"],
                "billing_address": client["billing_address"],
                "job_description": rng.choice(WORK),
                "work_done_description": maybe(rng, 0.8, "Tested and tagged, all circuits OK")
                if status == "Completed"
                else "",
                "total_invoice_amount": f"{total:.2f}" if status != "Unsuccessful" else "0.00",
                "purchase_order_number": maybe(rng, 0.2, f"PO-{rng.randint(1000, 9999)}"),
                "created_by_staff_uuid": rng.choice(STAFF)[0],
                "quote_date": _when(rng, 2024, 9),
                "work_order_date": _when(rng, 2024, 10) if booked else UNSET,
                "completion_date": _when(rng, 2025, 15) if status == "Completed" else UNSET,
                "invoice_sent": 1 if status == "Completed" else 0,
                "payment_received": 1 if status == "Completed" and rng.random() < 0.7 else 0,
                "active": 1,
            }
        )
        for _ in range(rng.randint(1, 2) if booked else 0):
            start = _when(rng, 2025, rng.randint(7, 14))
            activities.append(
                {
                    "uuid": _uuid(rng),
                    "job_uuid": job_uuid,
                    "staff_uuid": rng.choice(STAFF)[0],
                    "start_date": start,
                    "end_date": start[:11] + f"{int(start[11:13]) + 2:02d}" + start[13:],
                    "activity_was_scheduled": 1,
                    "activity_was_recorded": 1 if status == "Completed" else 0,
                    "active": 1,
                }
            )
    for _ in range(30):
        on_job = rng.random() < 0.7
        related = rng.choice(jobs)["uuid"] if on_job else rng.choice(clients)["uuid"]
        notes.append(
            {
                "uuid": _uuid(rng),
                "related_object": "job" if on_job else "company",
                "related_object_uuid": related,
                "note": rng.choice(
                    [
                        "Dog in backyard, use side gate",
                        "Customer asked for quote on solar",
                        "Key in lockbox 4471",
                        "Called, left voicemail",
                        "Tenant to be home from 8am",
                    ]
                ),
                "create_date": _when(rng, 2024, rng.randint(8, 17)),
                "action_required": maybe(rng, 0.2, "Follow up next week"),
                "active": 1,
            }
        )
    write_json(root / "company.json", clients)
    write_json(root / "companycontact.json", contacts)
    write_json(root / "job.json", jobs)
    write_json(root / "jobactivity.json", activities)
    write_json(root / "note.json", notes)
    write_json(root / "staff.json", staff)
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "AU",
            {"Service Jobs": ["New Enquiry", "Quoted", "Booked In", "Job Done", "Not Won"]},
            [
                ("Brett", "Collins", "brett@coastlinesparky.com.au"),
                ("Megan", "Doyle", "megan@coastlinesparky.com.au"),
            ],
        ),
    )
