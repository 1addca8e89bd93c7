"""JobNimbus: the API's contact, job and task lists (JSON), a roofing contractor's account.

Sources: JobNimbus's help centre (https://support.jobnimbus.com/adding-contacts,
https://support.jobnimbus.com/jobs, https://support.jobnimbus.com/how-do-i-navigate-jobs,
https://support.jobnimbus.com/what-are-best-practices-for-workflows,
https://support.jobnimbus.com/what-are-stages, https://support.jobnimbus.com/how-do-i-add-or-edit-a-workflow),
its API field names as the connectors list them (https://docs.airbyte.com/integrations/sources/jobnimbus,
https://fivetran.com/docs/connectors/applications/jobnimbus/connector-schema.md, Zapier's JobNimbus
contact fields, https://glama.ai/mcp/connectors/io.usefulapi/jobnimbus/tools/jobnimbus_update_job and
.../jobnimbus_create_task). Every record has a ``jnid``; times are unix seconds (0 when a job has no
start or end yet). A contact has ``display_name`` (the person, or the business for a commercial
contact), ``first_name``, ``last_name``, ``company``, ``email``, ``home_phone`` / ``mobile_phone`` /
``work_phone``, ``address_line1``, ``address_line2``, ``city``, ``state_text``, ``zip``,
``country_name``, its workflow ``record_type_name`` and ``status_name`` (with jobs in use a contact
workflow holds only Active / Inactive), ``source_name`` (lead source), ``sales_rep_name``, ``tags``,
``description``, ``created_by_name``, ``is_active`` / ``is_archived``. A job has ``number``, ``name``,
its workflow ``record_type_name`` (Retail, Insurance) and ``status_name`` (statuses the account
defines inside the fixed stages Lead, Estimating, Sold, In Production, Accounts Receivable,
Completed, Lost), ``primary`` (its contact: ``id``, ``name``, ``number``, ``type``), the job site
address, ``date_start`` / ``date_end``, ``approved_estimate_total`` / ``approved_invoice_total``
(numbers), ``description`` and custom job fields under their own labels (``Claim Number``,
``Insurance Company``, ``Date of Loss``: only insurance jobs carry them). A task has ``title``, its
type ``record_type_name`` (Task, Appointment, Phone Call), ``date_start`` / ``date_end``,
``is_completed``, ``priority`` (0 none, 1 high, 2 medium, 3 low) and ``primary`` (the contact or job
it belongs to).
"""

from __future__ import annotations

import calendar
import random
import string
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

CASE = "jobnimbus"
REPS = ["Jake Morrison", "Dana Whitfield", "Luis Herrera"]  # Luis has no destination user
RETAIL = [
    "Lead", "Appointment Scheduled", "Estimate Sent", "Signed Contract", "Materials Ordered",
    "In Production", "Job Completed", "Invoiced", "Paid & Closed", "Lost",
]  # fmt: skip
INSURANCE = [
    "Lead", "Inspection Scheduled", "Claim Filed", "Adjuster Meeting", "Claim Approved",
    "Build Scheduled", "Job Completed", "Paid & Closed", "Lost",
]  # fmt: skip
CLOSED = {"Paid & Closed", "Lost"}
SOLD = {"Signed Contract", "Claim Approved", "Materials Ordered", "Build Scheduled", "In Production",
        "Job Completed", "Invoiced", "Paid & Closed"}  # fmt: skip
SOURCES = ["Door Knocking", "Google", "Referral", "Yard Sign", "Storm Canvass", "Facebook"]
TAGS = [["Storm 2024", "storm 2024"], ["Warranty", "warranty "], ["VIP", "vip"], ["Repeat Customer"]]
JOB_TAGS = [["Hail", "hail"], ["Wind Damage"], ["Gutters", "gutters "]]
CARRIERS = ["State Farm", "Allstate", "USAA", "Farmers", "Liberty Mutual"]
NOTES = ["Gate code 4471", "Dog in backyard", "Prefers text messages", "Call after 5pm", "Gate code 4471"]
JOB_NOTES = [
    "Full tear-off, 28 squares, GAF Timberline HDZ Charcoal", "Replace pipe boots and ridge vent",
    "Hail damage on north slope, soft metals dented", "Re-deck two sheets, drip edge all around",
]  # fmt: skip
TASKS = ["Roof inspection", "Call adjuster", "Order materials", "Collect deposit", "Final walkthrough",
         "Send warranty packet", "Schedule crew"]  # fmt: skip
TASK_TYPES = ["Task", "Task", "Appointment", "Phone Call"]


def _jnid(rng: random.Random) -> str:
    return "".join(rng.choice(string.ascii_lowercase + string.digits) for _ in range(24))


def _epoch(rng: random.Random, year: int) -> int:
    month, day, hour = rng.randint(1, 12), rng.randint(1, 28), rng.randint(14, 23)
    return calendar.timegm((year, month, day, hour, rng.choice([0, 15, 30, 45]), 0))


def _contacts(rng: random.Random) -> list[dict[str, Any]]:
    rows = []
    firms = iter(companies(rng, 12))
    for i, p in enumerate(people(rng, 40)):
        kind = rng.choice(["Customer"] * 8 + ["Adjuster", "Subcontractor"])
        firm = ""
        if kind == "Adjuster":
            firm = rng.choice(CARRIERS)
        elif kind == "Subcontractor" or rng.random() < 0.12:
            firm = next(firms)
        commercial = kind == "Customer" and bool(firm)
        city, state, zip_code = rng.choice(US_PLACES)
        inactive = rng.random() < 0.15
        rows.append(
            {
                "jnid": _jnid(rng), "number": str(1001 + i),
                "display_name": firm if commercial else p.full,
                "first_name": p.first, "last_name": p.last, "company": firm,
                "email": maybe(rng, 0.88, p.email(rng.choice(["gmail.com", "yahoo.com", "outlook.com"]))),
                "home_phone": maybe(rng, 0.3, us_phone(rng)), "mobile_phone": maybe(rng, 0.75, us_phone(rng)),
                "work_phone": us_phone(rng) if firm else "",
                "address_line1": street(rng), "address_line2": maybe(rng, 0.1, f"Unit {rng.randint(1, 20)}"),
                "city": city, "state_text": state, "zip": zip_code, "country_name": "United States",
                "record_type_name": kind, "status_name": "Inactive" if inactive else "Active",
                "source_name": maybe(rng, 0.8, rng.choice(SOURCES)) if kind == "Customer" else "",
                "sales_rep_name": maybe(rng, 0.85, rng.choice(REPS)),
                "tags": [spelled(rng, t) for t in rng.sample(TAGS, rng.choice([0, 0, 1, 1, 2]))],
                "description": maybe(rng, 0.3, rng.choice(NOTES)),
                "created_by_name": rng.choice([*REPS, "Office Admin"]),
                "date_created": _epoch(rng, 2023), "is_active": not inactive, "is_archived": inactive,
            }
        )  # fmt: skip
    return rows


def _jobs(rng: random.Random, contacts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    customers = [c for c in contacts if c["record_type_name"] == "Customer"]
    rows = []
    for i in range(45):
        who = rng.choice(customers)
        insurance = rng.random() < 0.4
        flow = INSURANCE if insurance else RETAIL
        status = flow[i % len(flow)]
        same_site = rng.random() < 0.8
        home = (who["city"], who["state_text"], who["zip"])
        city, state, zip_code = home if same_site else rng.choice(US_PLACES)
        site = who["address_line1"] if same_site else street(rng)
        estimate = rng.randint(60, 480) * 50.0 if status in SOLD else 0.0
        billed = status in {"Invoiced", "Paid & Closed"}
        invoiced = billed or (status == "Job Completed" and rng.random() < 0.5)
        start = _epoch(rng, 2024) if status in SOLD - {"Signed Contract"} else 0
        contact = {"id": who["jnid"], "name": who["display_name"], "number": who["number"], "type": "contact"}
        job: dict[str, Any] = {
            "jnid": _jnid(rng), "number": str(2001 + i),
            "name": site if rng.random() < 0.6 else f"{who['last_name']} Roof Replacement",
            "record_type_name": "Insurance" if insurance else "Retail", "status_name": status,
            "primary": contact,
            "sales_rep_name": maybe(rng, 0.9, who["sales_rep_name"] or rng.choice(REPS)),
            "address_line1": site, "city": city, "state_text": state, "zip": zip_code,
            "source_name": who["source_name"],
            "date_start": start,
            "date_end": start + 86400 * rng.randint(1, 3) if start and rng.random() < 0.6 else 0,
            "approved_estimate_total": estimate,
            "approved_invoice_total": round(estimate * rng.choice([1.0, 1.0, 1.08]), 2) if invoiced else 0.0,
            "description": maybe(rng, 0.5, rng.choice(JOB_NOTES)),
            "tags": [spelled(rng, t) for t in rng.sample(JOB_TAGS, rng.choice([0, 1, 1, 2]))],
            "date_created": _epoch(rng, 2024), "date_status_change": _epoch(rng, 2024),
            "is_archived": status in CLOSED,
        }  # fmt: skip
        if insurance:
            claim = f"{rng.choice(['CLM', 'H', '0'])}{rng.randint(1000000, 9999999)}"
            job["Claim Number"] = maybe(rng, 0.85, claim)
            job["Insurance Company"] = rng.choice(CARRIERS)
            job["Date of Loss"] = _epoch(rng, 2024) if rng.random() < 0.9 else 0
        rows.append(job)
    return rows


Rows = list[dict[str, Any]]


def _tasks(rng: random.Random, contacts: Rows, jobs: Rows) -> Rows:
    rows = []
    for _ in range(40):
        on_job = rng.random() < 0.6
        record = rng.choice(jobs if on_job else contacts)
        name = record["name"] if on_job else record["display_name"]
        kind_of = "job" if on_job else "contact"
        primary = {"id": record["jnid"], "name": name, "number": record["number"], "type": kind_of}
        start = _epoch(rng, 2025)
        kind = rng.choice(TASK_TYPES)
        rows.append(
            {
                "jnid": _jnid(rng), "title": rng.choice(TASKS), "record_type_name": kind,
                "description": maybe(rng, 0.4, rng.choice(NOTES + JOB_NOTES)),
                "date_start": start, "date_end": start + 3600 if kind == "Appointment" else 0,
                "is_completed": rng.random() < 0.45, "priority": rng.choice([0, 0, 1, 2, 3]),
                "primary": primary, "created_by_name": rng.choice(REPS),
                "date_created": _epoch(rng, 2024),
            }
        )  # fmt: skip
    return rows


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    contacts = _contacts(rng)
    jobs = _jobs(rng, contacts)
    write_json(root / "contacts.json", contacts)
    write_json(root / "jobs.json", jobs)
    write_json(root / "tasks.json", _tasks(rng, contacts, jobs))
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {
                "Roofing Jobs": [
                    "New Lead",
                    "Inspection Booked",
                    "Estimate Sent",
                    "Contract Signed",
                    "Insurance Claim",
                    "Materials Ordered",
                    "In Production",
                    "Work Complete",
                    "Invoiced",
                    "Paid",
                ],
            },
            [
                ("Jake", "Morrison", "jake@summitpeakroofing.com"),
                ("Dana", "Whitfield", "dana@summitpeakroofing.com"),
            ],
        ),
    )
