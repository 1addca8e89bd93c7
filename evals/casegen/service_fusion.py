"""Service Fusion: a REST API v1 dump (customers, jobs, estimates, invoices), JSON.

From Service Fusion's API reference (https://docs.servicefusion.com, base https://api.servicefusion.com/v1:
the Customer, Job, Estimate and Invoice types, ``fields=`` selection and ``expand=``) and its help centre
("Job Status Logic and Customization Overview", "Estimates and Job Statuses Logic Explained",
"Automatic Estimate Status Behavior Overview", "How to Create an Estimate or Job Status" on
servicefusion.zendesk.com). A customer is an account (``customer_name``: "Last, First" for a home owner,
the business name otherwise) whose people come expanded as ``contacts`` (``fname``, ``lname``,
``prefix``, ``job_title``, ``dob``, ``is_primary``, each with ``phones`` and ``emails`` lists) and whose
addresses come as ``locations`` (``street_1``, ``city``, ``state_prov``, ``postal_code``, ``nickname``,
``gate_instructions``, ``is_bill_to``, ``customer_contact`` by name). References between records are
display-name strings (``status``, ``category``, ``source``, ``payment_type``, ``agent``,
``opportunity_owner``) beside a numeric ``customer_id``; dates are ISO 8601 with offset, promised time
frames "HH:MM", durations in seconds. Default job statuses: Unscheduled, Scheduled, Dispatched, Delayed,
On The Way, Started, Paused, Completed, then closed statuses such as Invoiced and Paid In Full;
estimates start in Estimate Requested and move to Estimate Provided when e-mailed; companies add their
own statuses (the help centre's examples: Estimate Cancelled, Pending). Jobs list ``techs_assigned``
(id, first and last name). Invoices are read-only, name their ``customer`` and ``customer_contact`` by
display name, with ``number``, ``date``, ``total``, ``is_paid``, ``terms`` and ``currency``.
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

CASE = "service_fusion"
AGENTS = ["Rick Alvarez", "Tina Moss", "Cody Frey"]  # Cody has no destination user
TECHS = [(41, "Luis", "Ramirez"), (42, "Dwayne", "Carter"), (43, "Amy", "Cho")]
JOB_STATUS = [
    "Unscheduled", "Scheduled", "Dispatched", "Delayed", "On The Way", "Started", "Paused", "Completed",
    "Invoiced", "Paid In Full", "Cancelled",
]  # fmt: skip
ESTIMATE_STATUS = ["Estimate Requested", "Estimate Provided", "Pending", "Estimate Cancelled"]
SUB_STATUS = ["Confirmed", "Left Message", "Waiting For Parts", "", "", ""]
CATEGORIES = ["Service Call", "Maintenance", "Install", "Warranty"]
SOURCES = ["Google", "Website", "Nextdoor", "Yelp", "Referral"]
PROBLEMS = ["AC not cooling", "Furnace tune-up", "Water heater leaking", "Thermostat install", "No heat"]
TERMS = ["Due Upon Receipt", "Net 15", "Net 30"]


def _iso(rng: random.Random, year: int, hour: int | None = None) -> str:
    h = rng.randint(7, 17) if hour is None else hour
    return (
        f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{h:02d}:{rng.choice([0, 30]):02d}:00+00:00"
    )


def _contact(rng: random.Random, first: str, last: str, primary: bool, title: str) -> dict[str, Any]:
    stamp = _iso(rng, 2022)
    phones = [
        {
            "phone": us_phone(rng),
            "ext": None,
            "type": "Mobile",
            "created_at": stamp,
            "updated_at": stamp,
            "is_mobile": True,
        }
    ]
    if rng.random() < 0.3:
        phones.append(
            {"phone": us_phone(rng), "ext": rng.choice([None, 12]), "type": rng.choice(["Home", "Work"]),
             "created_at": stamp, "updated_at": stamp, "is_mobile": False}
        )  # fmt: skip
    emails = [
        {"email": f"{first.lower()}.{last.lower()}@{rng.choice(['gmail.com', 'yahoo.com'])}",
         "class": "Personal" if not title else "Business", "created_at": stamp, "updated_at": stamp}
    ]  # fmt: skip
    return {
        "prefix": rng.choice(["Mr.", "Ms.", "Mrs.", "", ""]),
        "fname": first,
        "lname": last,
        "suffix": "",
        "contact_type": rng.choice(["Owner", "Tenant", "Billing"]) if not title else "Property Manager",
        "dob": maybe(
            rng, 0.2, f"{rng.randint(1950, 1995)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        ),
        "job_title": title,
        "created_at": stamp,
        "updated_at": stamp,
        "is_primary": primary,
        "phones": phones,
        "emails": emails,
    }


def _location(rng: random.Random, contact_name: str, commercial: bool) -> dict[str, Any]:
    city, state, zip_code = rng.choice(US_PLACES)
    gated = rng.random() < 0.2
    stamp = _iso(rng, 2022)
    return {
        "street_1": street(rng),
        "street_2": maybe(
            rng, 0.15, f"Suite {rng.randint(100, 400)}" if commercial else f"Unit {rng.randint(1, 20)}"
        ),
        "city": city,
        "state_prov": state,
        "postal_code": zip_code,
        "country": "USA",
        "nickname": "Main Office" if commercial else rng.choice(["Home", "Home", "Rental"]),
        "gate_instructions": f"Gate code {rng.randint(1000, 9999)}" if gated else "",
        "latitude": round(rng.uniform(28.0, 45.0), 6),
        "longitude": round(rng.uniform(-122.0, -80.0), 6),
        "location_type": "Commercial" if commercial else "Residential",
        "created_at": stamp,
        "updated_at": stamp,
        "is_primary": True,
        "is_gated": gated,
        "is_bill_to": True,
        "customer_contact": contact_name,
    }


def _customers(rng: random.Random) -> list[dict[str, Any]]:
    rows = []
    persons = people(rng, 52)
    firms = iter(companies(rng, 14))
    for i in range(40):
        commercial = i % 4 == 0
        p = persons[i]
        if commercial:
            name = next(firms)
            contacts = [_contact(rng, p.first, p.last, True, rng.choice(["Facilities Manager", "Owner"]))]
            if rng.random() < 0.4:
                extra = persons[40 + i // 4]
                contacts.append(_contact(rng, extra.first, extra.last, False, "Accounts Payable"))
        else:
            name = f"{p.last}, {p.first}"
            name = name.upper() if rng.random() < 0.2 else name  # typed in capitals at the counter
            contacts = [_contact(rng, p.first, p.last, True, "")]
        created = _iso(rng, 2022)
        rows.append(
            {
                "id": 980300100 + i * 37,
                "customer_name": name,
                "parent_customer": None,
                "account_number": maybe(rng, 0.5, f"{10400 + i}"),
                "account_balance": rng.choice([0.0, 0.0, round(rng.uniform(50, 1800), 2)]),
                "private_notes": maybe(
                    rng, 0.35, rng.choice(["Dog in backyard", "Call before arriving", "Prefers Tina"])
                ),
                "public_notes": maybe(rng, 0.2, "Thank you for choosing us!"),
                "last_serviced_date": maybe(rng, 0.7, _iso(rng, 2024)) or None,
                "is_vip": rng.random() < 0.15,
                "referral_source": maybe(rng, 0.85, rng.choice(SOURCES)),
                "agent": maybe(rng, 0.8, rng.choice(AGENTS)),
                "payment_type": rng.choice(["Check", "Cash", "Credit Card", "Bill"]),
                "payment_terms": rng.choice(TERMS) if commercial else "Due Upon Receipt",
                "industry": rng.choice(["Commercial", "Property Management"])
                if commercial
                else "Residential",
                "is_taxable": True,
                "created_at": created,
                "updated_at": created,
                "contacts": contacts,
                "locations": [_location(rng, f"{p.first} {p.last}", commercial)],
            }
        )
    return rows


def _work(rng: random.Random, customer: dict[str, Any], number: int) -> dict[str, Any]:
    """The columns jobs and estimates share: the customer by id and by name, contact and address copies."""
    contact, location = customer["contacts"][0], customer["locations"][0]
    return {
        "id": 1096589000 + number,
        "number": str(number),
        "description": rng.choice(PROBLEMS),
        "customer_id": customer["id"],
        "customer_name": customer["customer_name"],
        "contact_first_name": contact["fname"],
        "contact_last_name": contact["lname"],
        "street_1": location["street_1"],
        "city": location["city"],
        "state_prov": location["state_prov"],
        "postal_code": location["postal_code"],
        "category": rng.choice(CATEGORIES),
        "source": maybe(rng, 0.8, rng.choice(SOURCES)),
    }


def _jobs(rng: random.Random, customers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for i in range(66):
        status = JOB_STATUS[i % len(JOB_STATUS)]
        start = "" if status == "Unscheduled" else _iso(rng, 2024, rng.choice([8, 10, 13]))
        total = round(rng.randint(3, 160) * 25.0, 2)
        crew = [] if status in ("Unscheduled", "Scheduled") else rng.sample(TECHS, rng.choice([1, 1, 2]))
        rows.append(
            {
                **_work(rng, rng.choice(customers), 1020259000 + i),
                "status": status,
                "sub_status": rng.choice(SUB_STATUS),
                "po_number": maybe(rng, 0.2, f"PO-{rng.randint(1000, 9999)}"),
                "start_date": start or None,
                "end_date": start.replace("T08", "T12").replace("T10", "T14").replace("T13", "T17") or None,
                "time_frame_promised_start": "08:00" if start else "",
                "time_frame_promised_end": "12:00" if start else "",
                "duration": rng.choice([3600, 7200, 14400]),
                "total": total,
                "due_total": 0.0 if status == "Paid In Full" else total,
                "payment_status": "Paid" if status == "Paid In Full" else "Unpaid",
                "tech_notes": maybe(
                    rng, 0.4, rng.choice(["Replaced capacitor", "Needs 2nd visit", "Filter 16x25x1"])
                ),
                "completion_notes": maybe(rng, 0.3, "Customer signed off")
                if status in JOB_STATUS[7:10]
                else "",
                "created_at": _iso(rng, 2024),
                "updated_at": _iso(rng, 2024),
                "techs_assigned": [{"id": t, "first_name": f, "last_name": last} for t, f, last in crew],
            }
        )
    return rows


def _estimates(rng: random.Random, customers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for i in range(32):
        rows.append(
            {
                **_work(rng, rng.choice(customers), 1020258000 + i),
                "status": ESTIMATE_STATUS[i % len(ESTIMATE_STATUS)],
                "opportunity_rating": rng.randint(1, 5),
                "opportunity_owner": rng.choice(AGENTS),
                "total": round(rng.randint(20, 600) * 25.0, 2),
                "start_date": _iso(rng, 2024),
                "note_to_customer": maybe(rng, 0.3, "Price valid for 30 days"),
                "tech_notes": maybe(rng, 0.3, "Unit is 18 years old"),
                "created_at": _iso(rng, 2024),
                "updated_at": _iso(rng, 2024),
            }
        )
    return rows


def _invoices(
    rng: random.Random, jobs: list[dict[str, Any]], customers: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    by_id = {c["id"]: c for c in customers}
    rows = []
    billed = [j for j in jobs if j["status"] in ("Completed", "Invoiced", "Paid In Full")]
    # a longer job is billed in two parts: a progress invoice, then the final one
    for i, job in enumerate(billed + [j for j in billed if rng.random() < 0.4]):
        customer = by_id[job["customer_id"]]
        contact = customer["contacts"][0]
        date = _iso(rng, 2024)
        rows.append(
            {
                "id": 1177000100 + i,
                "number": str(5000 + i),
                "currency": "USD",
                "po_number": job["po_number"],
                "terms": customer["payment_terms"],
                "customer_message": maybe(rng, 0.4, "Thank you for your business!"),
                "notes": maybe(rng, 0.3, f"Job #{job['number']}"),
                "pay_online_url": f"https://app.servicefusion.com/pay/{rng.getrandbits(40):x}",
                "total": job["total"],
                "is_paid": job["status"] == "Paid In Full",
                "date": date,
                "mail_send_date": maybe(rng, 0.7, date) or None,
                "created_at": date,
                "updated_at": date,
                "customer": customer["customer_name"],
                "customer_contact": f"{contact['fname']} {contact['lname']}",
            }
        )
    return rows


def _invoice_object(dest: dict[str, Any]) -> None:
    """The sub-account already holds an Invoice custom object (as a field-service agency sets up)."""
    dest["customObjects"] = [
        {"id": "co_invoice", "key": "custom_objects.invoice", "standard": False,
         "labels": {"singular": "Invoice", "plural": "Invoices"},
         "primaryDisplayProperty": "custom_objects.invoice.name"}
    ]  # fmt: skip
    fields = [
        ("Invoice Number", "invoice_number", "TEXT", []),
        ("Invoice Date", "invoice_date", "DATE", []),
        ("Total Amount", "total_amount", "MONETORY", []),
        ("Status", "status", "SINGLE_OPTIONS", ["Paid", "Unpaid"]),
    ]
    start = len(dest["customFields"])
    dest["customFields"] += [
        {
            "id": f"cf_{start + i}",
            "name": name,
            "fieldKey": f"custom_objects.invoice.{key}",
            "dataType": dtype,
            "model": "custom_object",
            "picklistOptions": options,
            "objectKey": "custom_objects.invoice",
        }
        for i, (name, key, dtype, options) in enumerate(fields)
    ]


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    customers = _customers(rng)
    jobs = _jobs(rng, customers)
    write_json(root / "customers.json", customers)
    write_json(root / "jobs.json", jobs)
    write_json(root / "estimates.json", _estimates(rng, customers))
    write_json(root / "invoices.json", _invoices(rng, jobs, customers))
    dest = destination(
        CASE,
        "US",
        {
            "Estimates": ["New Request", "Estimate Sent", "Awaiting Decision", "Approved", "Declined"],
            "Service Jobs": [
                "To Schedule",
                "Booked",
                "Tech Assigned",
                "En Route",
                "In Progress",
                "On Hold",
                "Work Complete",
                "Invoiced",
                "Paid",
            ],
        },
        [("Rick", "Alvarez", "rick@comfortpro-hvac.com"), ("Tina", "Moss", "tina@comfortpro-hvac.com")],
    )
    _invoice_object(dest)
    write_json(cases_dir / CASE / "destination.json", dest)
