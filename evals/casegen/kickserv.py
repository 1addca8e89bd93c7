"""Kickserv: the REST API's customers and jobs, their XML records converted element for element to JSON.

Kickserv's API speaks XML only (``GET /{account}/customers.xml``, ``/jobs.xml``, 30 records a page);
``hlmap ingest`` reads JSON, so the records keep the XML's element names (dashes included), typed
integers and decimals become numbers, booleans true/false and ``nil="true"`` elements null.
Sources: the API responses recorded in github.com/customerlobby/kickserv (spec/fixtures/customers.xml,
jobs.xml) and Kickserv's help centre (help.kickserv.com/article/32-jobs, /article/31-estimates,
/article/33-invoices). A customer has ``id`` and ``customer-number``, a display ``name`` (the person or
the business), ``first-name`` / ``last-name``, ``company-name`` with the ``company`` flag, ``contact``
(the person to ask for), ``phone-number`` and ``email-address`` beside the QuickBooks copies ``phone``
and ``email``, ``mobile``, ``alt-phone-number``, a service address (``service-address`` may start with
the customer's name on its own line) and a billing address with ``which-billing-address`` saying
which one bills, ``special-instructions``, QuickBooks' ``customer-type-ref-full-name`` and
``sales-rep-ref-full-name`` (a rep's initials), ``balance``, ``is-active``, ``parent-id`` and the
unlabelled ``custom-text1`` / ``custom-text2``. A job is one record from opportunity to invoice:
``job-number``, ``customer-id`` (the customer's ``id``), ``name`` (the service), ``description``,
``status``, ``scheduled-on``, ``completed-on``, ``won-date``, ``lost-date``, ``estimate-sent-on``,
``subtotal`` / ``tax`` / ``total`` / ``balance-remaining`` as decimals, ``invoice-status`` unpaid /
paid, ``invoice-date``, ``po-number``, ``job-type-id``. ``status`` follows the Opportunities page
(New, Estimate Scheduled, Estimate Sent, Lost) and then the Jobs page (Unscheduled, Scheduled,
In Progress, On Hold, Completed; canceled jobs carry ``canceled-on``), written lower case with
underscores as the recorded ``scheduled`` is. Times are ISO 8601 with the account's offset.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from evals.casegen.common import CASES_DIR, destination, maybe, people, rng_for, street, us_phone, write_json

CASE = "kickserv"
PLACES = [("Jonesboro", "GA", "30236"), ("Stockbridge", "GA", "30281"), ("McDonough", "GA", "30253"),
          ("Atlanta", "GA", "30312"), ("Marietta", "GA", "30060")]  # fmt: skip
SERVICES = [
    "Dryer Vent Cleaning",
    "Chimney Sweep",
    "Dryer Vent Cleaning",
    "Duct Cleaning",
    "Chimney Inspection",
]
STATUSES = ["new", "estimate_scheduled", "estimate_sent", "lost", "unscheduled", "scheduled", "in_progress",
            "on_hold", "completed", "completed", "canceled"]  # fmt: skip
TYPES = ["Residential", "Residential", "Commercial", "Property Manager"]
HEARD = ["Better Business Bureau", "Google", "Yard Sign", "Angi", "Referral"]
REPS = ["JT", "MB", "JT", "KW"]
NOTES = ["Gate code 4417", "Dog in back yard", "Call before arriving", "Use side door"]
BUSINESSES = ["Oakridge Apartments", "Summit Property Group", "Pinecrest Laundromat", "Harbor Dental"]


def _stamp(rng: random.Random, year: int, hour: int | None = None) -> str:
    hh = rng.randint(8, 17) if hour is None else hour
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{hh:02d}:00:00-05:00"


def _customer(rng: random.Random, i: int, p: Any) -> dict[str, Any]:
    business = BUSINESSES[i // 9] if i % 9 == 4 and i // 9 < len(BUSINESSES) else ""
    city, state, zip_code = rng.choice(PLACES)
    road = street(rng)
    billing_same = rng.random() < 0.8
    bill = (city, state, zip_code) if billing_same else rng.choice(PLACES)
    name = business or p.full
    phone, mail = (
        us_phone(rng),
        maybe(rng, 0.85, p.email(rng.choice(["gmail.com", "yahoo.com", "bellsouth.net"]))),
    )
    return {
        "id": 2157100 + i * 7,
        "customer-number": 1 + i,
        "name": name,
        "first-name": p.first,
        "last-name": p.last,
        "company-name": business or None,
        "company": bool(business),
        "contact": maybe(rng, 0.5, p.full) or None,
        "phone-number": phone,
        "phone": phone,
        "mobile": maybe(rng, 0.35, us_phone(rng)) or None,
        "alt-phone-number": maybe(rng, 0.15, us_phone(rng)) or None,
        "fax": None,
        "email-address": mail or None,
        "email": mail or None,
        "service-address": f"{name}\n{road}" if rng.random() < 0.3 else road,
        "service-address-2": maybe(rng, 0.1, f"Unit {rng.randint(1, 40)}") or None,
        "service-city": city,
        "service-state": state,
        "service-zip-code": zip_code,
        "service-country": "",
        "billing-address": road if billing_same else f"PO Box {rng.randint(100, 9999)}",
        "billing-city": bill[0],
        "billing-state": bill[1],
        "billing-zip-code": bill[2],
        "billing-country": "",
        "which-billing-address": "service" if billing_same else "billing",
        "special-instructions": maybe(rng, 0.3, rng.choice(NOTES)) or None,
        "customer-type-ref-full-name": "Commercial" if business else rng.choice(TYPES),
        "sales-rep-ref-full-name": maybe(rng, 0.7, rng.choice(REPS)) or None,
        "balance": float(rng.choice([0, 0, 0, rng.randint(5, 60) * 5])),
        "is-active": rng.random() < 0.9,
        "parent-id": None,
        "custom-text1": maybe(rng, 0.6, rng.choice(HEARD)) or None,
        "custom-text2": rng.choice(["Existing Customer", "New Customer", ""]),
        "notify-via-sms": rng.random() < 0.4,
        "created-at": _stamp(rng, 2022),
        "updated-at": _stamp(rng, 2024),
    }


def _job(rng: random.Random, i: int, customer: dict[str, Any]) -> dict[str, Any]:
    status = STATUSES[i % len(STATUSES)]
    sold = status not in ("new", "estimate_scheduled", "estimate_sent", "lost")
    subtotal = rng.randint(6, 90) * 25
    tax = round(subtotal * 0.07, 2) if rng.random() < 0.5 else 0
    done = status == "completed"
    paid = done and rng.random() < 0.6
    scheduled = status not in ("new", "estimate_sent", "lost", "unscheduled")
    return {
        "id": 16168000 + i * 3,
        "customer-id": customer["id"],
        "job-number": 11300 + i,
        "created-at": _stamp(rng, 2024),
        "name": rng.choice(SERVICES),
        "description": maybe(
            rng, 0.5, f"${subtotal},{customer['service-city']},{rng.choice(['DVC', 'CS', 'DC'])}."
        )
        or None,
        "scheduled-on": _stamp(rng, 2025, 12) if scheduled else None,
        "completed-on": _stamp(rng, 2025) if done else None,
        "subtotal": float(subtotal),
        "tax": float(tax),
        "total": float(subtotal + tax),
        "balance-remaining": 0.0 if paid else float(subtotal + tax),
        "status": status,
        "invoice-status": "paid" if paid else "unpaid",
        "invoice-date": _stamp(rng, 2025) if done else None,
        "won-date": _stamp(rng, 2024, 0) if sold else None,
        "lost-date": _stamp(rng, 2024, 0) if status == "lost" else None,
        "estimate-sent-on": _stamp(rng, 2024) if status != "new" and status != "estimate_scheduled" else None,
        "canceled-on": _stamp(rng, 2025) if status == "canceled" else None,
        "po-number": maybe(rng, 0.15, f"PO-{rng.randint(1000, 9999)}") or None,
        "job-type-id": rng.choice([14759, 14760, 14761]),
        "estimate-terms": "Bid price good for 7 days.",
        "invoice-notes": "There is a 1.5% monthly fee for past due invoices. Thank you for your business.",
    }


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    customers = [_customer(rng, i, p) for i, p in enumerate(people(rng, 40))]
    for child, parent in ((customers[7], customers[6]), (customers[22], customers[4])):
        child["parent-id"] = parent["id"]  # QuickBooks sub-customers of another customer
    jobs = [_job(rng, i, rng.choice(customers)) for i in range(55)]
    write_json(root / "customers.json", customers)
    write_json(root / "jobs.json", jobs)
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {
                "Estimates": ["New Request", "Site Visit Booked", "Estimate Sent"],
                "Jobs": ["Awaiting Scheduling", "Booked", "Work Underway", "Done"],
            },
            [("Jamie", "Torres", "jamie@peachtreevents.com"), ("Kara", "Wells", "kara@peachtreevents.com")],
        ),
    )
