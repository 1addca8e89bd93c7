"""ServiceTrade: a fire-protection contractor's companies, contacts and jobs from the REST API, JSON.

From ServiceTrade's API reference (api.servicetrade.com/api/docs: the Company, Contact and Job
resources; the job ``type`` and ``status`` enumerations as the API lists them), its help centre
(support.servicetrade.com: "Managing Jobs" -- a job's name defaults to "{Job Type} Job #{Job
Number}", its Bill To company, Job Owner and Job Salesperson; "Job Status Definitions"; "Creating
and Managing Companies and Locations" -- a company is the bill-to, a location the job site, company
status Active / Pending; "Bulk Importing Locations" -- a contact's phone, mobile and alternate
phone, e-mail and a free contact type) and the flattened columns of the Fivetran ServiceTrade
connector schema (fivetran.com/docs/connectors/applications/servicetrade: embedded objects as
``customer_id`` / ``customer_name`` / ``customer_status`` / ``customer_uri``, ``vendor_*``).

Every record has an ``id`` and its API ``uri``; embedded references are objects ``{id, uri, name,
status}`` (a job's ``customer``, ``vendor`` and ``location``, a contact's ``company``), users
``{id, uri, name, email}`` (``owner``, ``salesperson``). Times are unix seconds (``dueBy``,
``completedOn``, ``created``, ``updated``), null when unset. A job's ``vendor`` is the account's own
company on every row; its ``status`` is one of new, bidding, scheduled, completed, pending_invoice,
sending_invoice, invoiced (deprecated, kept on old jobs), closed, canceled; ``type`` one of the
snake_case job types (inspection, repair, service_call, ...). ``estimatedPrice`` is a decimal.
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
    people,
    rng_for,
    street,
    us_phone,
    write_json,
)

CASE = "servicetrade"
API = "https://api.servicetrade.com/api"
OWNERS = [
    (501, "Rachel Moore", "rachel@ironcladfire.com"),
    (502, "Victor Hale", "victor@ironcladfire.com"),
    (503, "Tanya Brooks", "tanya.brooks@ironcladfire.com"),  # no destination user
]
VENDOR = {"id": 9001, "uri": f"{API}/company/9001", "name": "Ironclad Fire Protection", "status": "active"}
STATUSES = [
    "new", "bidding", "scheduled", "completed", "pending_invoice", "sending_invoice", "invoiced",
    "closed", "canceled",
]  # fmt: skip
TYPES = [
    "inspection", "repair", "service_call", "preventative_maintenance", "installation",
    "emergency_service_call",
]  # fmt: skip
TYPE_LABEL = {
    "inspection": "Inspection", "repair": "Repair", "service_call": "Service Call",
    "preventative_maintenance": "Preventative Maintenance", "installation": "Installation",
    "emergency_service_call": "Emergency Service Call",
}  # fmt: skip
CONTACT_TYPES = [
    "Facilities Manager", "Accounts Payable", "Property Manager", "Store Manager", "Site Contact",
]  # fmt: skip
DESCRIPTIONS = [
    "Annual fire sprinkler inspection per NFPA 25",
    "Replace corroded sprinkler heads in stockroom",
    "Quarterly fire alarm test",
    "Extinguisher annual service and tagging",
    "Backflow preventer test and certification",
]
CUSTOM_NAMES = ["Sprinkler retrofit - east wing", "Alarm panel replacement", "Hydrant flow test"]
SITES = ["Main Office", "Warehouse", "Store #12", "North Campus", "Plant 2"]
# The destination's stages, worded apart from ServiceTrade's statuses.
PIPELINE = ["New Request", "Quoting", "Booked", "Work Done", "Ready to Invoice", "Invoiced", "Closed Out"]
BASE = 1_704_067_200  # 2024-01-01 00:00 UTC


def _time(rng: random.Random, days: int = 365) -> int:
    return BASE + rng.randint(0, days) * 86400 + rng.randint(7, 17) * 3600


def _ref(kind: str, rid: int, name: str, status: str | None = None) -> dict[str, Any]:
    ref: dict[str, Any] = {"id": rid, "uri": f"{API}/{kind}/{rid}", "name": name}
    if status is not None:
        ref["status"] = status
    return ref


def _user(owner: tuple[int, str, str]) -> dict[str, Any]:
    uid, name, email = owner
    return {"id": uid, "uri": f"{API}/user/{uid}", "name": name, "email": email}


def _address(rng: random.Random) -> dict[str, str]:
    city, state, zip_code = rng.choice(US_PLACES)
    return {"street": street(rng), "city": city, "state": state, "postalCode": zip_code}


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    company_rows = []
    for i, name in enumerate(companies(rng, 26)):
        status = rng.choice(["active", "active", "active", "pending", "inactive"])
        company_rows.append(
            {
                "id": 3100 + i,
                "uri": f"{API}/company/{3100 + i}",
                "name": name,
                "status": status,
                "isCustomer": True,
                "isVendor": i % 9 == 4,  # a subcontractor that is also a customer
                "phoneNumber": us_phone(rng) if rng.random() < 0.85 else None,
                "address": _address(rng),
                "created": _time(rng),
            }
        )
    contact_rows = []
    for i, person in enumerate(people(rng, 40)):
        company = company_rows[i % len(company_rows)]
        domain = company["name"].lower().replace(" ", "") + ".com"
        contact_rows.append(
            {
                "id": 7200 + i,
                "uri": f"{API}/contact/{7200 + i}",
                "firstName": person.first,
                "lastName": person.last,
                "phone": us_phone(rng),
                "mobile": us_phone(rng) if rng.random() < 0.45 else None,
                "alternatePhone": us_phone(rng) if rng.random() < 0.12 else None,
                "email": person.email(domain) if rng.random() < 0.9 else None,
                "type": rng.choice(CONTACT_TYPES),
                "company": _ref("company", company["id"], company["name"], company["status"]),
                "created": _time(rng),
                "updated": _time(rng),
            }
        )
    linked = sorted({c["company"]["id"] for c in contact_rows})
    by_id = {c["id"]: c for c in company_rows}
    sites: dict[tuple[int, str], dict[str, Any]] = {}
    job_rows = []
    for i in range(48):
        number = 1040 + i
        status = STATUSES[i % len(STATUSES)]
        kind = rng.choice(TYPES)
        customer = by_id[rng.choice(linked)]
        site = rng.choice(SITES)
        if (customer["id"], site) not in sites:
            location = _ref("location", 5400 + len(sites), f"{customer['name']} - {site}")
            sites[customer["id"], site] = {**location, "address": _address(rng)}
        location = sites[customer["id"], site]
        created = _time(rng, 300)
        done = status in ("completed", "pending_invoice", "sending_invoice", "invoiced", "closed")
        job_rows.append(
            {
                "id": 880000 + i,
                "uri": f"{API}/job/{880000 + i}",
                "number": number,
                # the name ServiceTrade gives a job nobody named, else the one the office typed
                "name": f"{TYPE_LABEL[kind]} Job #{number}"
                if rng.random() < 0.7
                else rng.choice(CUSTOM_NAMES),
                "type": kind,
                "status": status,
                "refNumber": f"WO-{rng.randint(10000, 99999)}" if rng.random() < 0.3 else None,
                "customerPo": f"PO-{rng.randint(1000, 9999)}" if rng.random() < 0.35 else None,
                "description": rng.choice(DESCRIPTIONS),
                "dueBy": None if status == "new" else created + rng.randint(5, 40) * 86400,
                "completedOn": created + rng.randint(10, 60) * 86400 if done else None,
                "estimatedPrice": round(rng.randint(8, 240) * 25.0 + rng.choice([0, 0.5, 0.99]), 2)
                if rng.random() < 0.9
                else None,
                "vendor": VENDOR,
                "customer": _ref("company", customer["id"], customer["name"], customer["status"]),
                "location": location,
                "owner": _user(OWNERS[i % 3]),
                "salesperson": _user(rng.choice(OWNERS[:2])) if rng.random() < 0.4 else None,
                "created": created,
                "updated": created + rng.randint(1, 90) * 86400,
            }
        )
    write_json(root / "companies.json", company_rows)
    write_json(root / "contacts.json", contact_rows)
    write_json(root / "jobs.json", job_rows)
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {"Service Jobs": PIPELINE},
            [("Rachel", "Moore", "rachel@ironcladfire.com"), ("Victor", "Hale", "victor@ironcladfire.com")],
        ),
    )
