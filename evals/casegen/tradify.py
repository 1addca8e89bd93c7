"""Tradify: the CSV exports of the Customers and Jobs lists of a New Zealand plumbing firm.

From Tradify's help centre: https://help.tradifyhq.com/hc/en-us/articles/360015471513-Tradify-Job-Statuses
(the eight default job statuses: Unassigned, Assigned, Scheduled, In Progress set by the system; To
Invoice, On Hold, Complete, Cancelled set by hand),
https://support.tradifyhq.com/hc/en-us/articles/219234527-Job-Settings and
https://help.tradifyhq.com/hc/en-us/articles/360015401014-Understanding-Job-Settings-in-Tradify (a job
number is a prefix plus a sequence, ``J1045``; two job categories, Priority and Job Type by default; four
``Job Custom #1`` ... ``#4`` fields the account labels itself, here ``Gate Code`` and ``Insurer``),
https://support.tradifyhq.com/hc/en-us/articles/218960698-How-do-I-transfer-my-data-over-to-Tradify-
(jobs carry a ``Reference``; customers come from the accounting system, Xero) and
https://help.tradifyhq.com/hc/en-us/articles/55892799426969-Using-the-Job-Address-with-Customers-and-Sites
(a job's address is filled from its customer or its site). A job names its customer and its site by
display name and the staff member it is assigned to by name; a customer is a business or a person.
Money is written "$1,234.50", dates "dd/mm/yyyy" (New Zealand).
"""

from __future__ import annotations

import random
from pathlib import Path

from evals.casegen.common import (
    CASES_DIR,
    companies,
    destination,
    maybe,
    people,
    rng_for,
    street,
    write_csv,
    write_json,
)

CASE = "tradify"
STAFF = ["Aroha Ngata", "Ben Walker", "Hemi Tane"]  # Hemi has no destination user
STATUS = [
    "Unassigned", "Assigned", "Scheduled", "In Progress", "To Invoice", "On Hold", "Complete", "Cancelled",
]  # fmt: skip
PRIORITY = ["Low", "Normal", "Normal", "High", "Urgent"]  # a fixed pick-list: one spelling each
JOB_TYPE = ["Maintenance", "Installation", "Emergency Callout", "Quote Visit"]
JOBS = [
    "Blocked drain", "Hot water cylinder replacement", "Leaking tap", "Bathroom renovation", "Gas fitting",
]  # fmt: skip
NZ_PLACES = [
    ("Ponsonby", "Auckland", "1011"), ("Te Aro", "Wellington", "6011"), ("Riccarton", "Christchurch", "8011"),
    ("Frankton", "Hamilton", "3204"), ("Mount Maunganui", "Tauranga", "3116"),
]  # fmt: skip
INSURERS = ["AMI", "Tower", "State", "AA Insurance"]
CUSTOMER_HEADER = [
    "Customer Name", "Contact First Name", "Contact Last Name", "Email", "Phone", "Mobile",
    "Physical Address", "Suburb", "City", "Postcode", "Account Status", "Created Date",
]  # fmt: skip
JOB_HEADER = [
    "Job Number", "Customer", "Site", "Reference", "Description", "Status", "Priority", "Job Type",
    "Assigned To", "Job Address", "Due Date", "Created Date", "Quoted Total", "Invoiced Total",
    "Gate Code", "Insurer",
]  # fmt: skip


def _date(rng: random.Random, year: int) -> str:
    return f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{year}"


def _money(amount: float) -> str:
    return f"${amount:,.2f}"


def _nz_phone(rng: random.Random, mobile: bool) -> str:
    if mobile:
        return f"02{rng.choice([1, 2, 7])} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
    return f"0{rng.choice([3, 4, 7, 9])} {rng.randint(200, 999)} {rng.randint(1000, 9999)}"


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    firms = companies(rng, 12)
    customer_rows = []
    for p in people(rng, 40):
        business = rng.random() < 0.25
        suburb, city, postcode = rng.choice(NZ_PLACES)
        customer_rows.append(
            [
                firms.pop() if business and firms else p.full,
                p.first,
                p.last,
                p.email(rng.choice(["xtra.co.nz", "gmail.com"])),
                maybe(rng, 0.6, _nz_phone(rng, False)),
                _nz_phone(rng, True),
                street(rng),
                suburb,
                city,
                postcode,
                rng.choice(["Active", "Active", "Active", "Archived"]),
                _date(rng, 2023),
            ]
        )
    job_rows = []
    for i in range(50):
        customer = rng.choice(customer_rows)
        status = STATUS[i % len(STATUS)]
        quoted = rng.randint(4, 160) * 25.0
        invoiced = status in ("To Invoice", "Complete")
        # A site is a property the customer has work done at (a landlord's rental, a managed unit).
        site = maybe(rng, 0.3, f"Unit {rng.randint(1, 12)}, {street(rng)}")
        job_rows.append(
            [
                f"J{1001 + i}",
                customer[0],
                site,
                maybe(rng, 0.4, f"PO-{rng.randint(2000, 9999)}"),
                rng.choice(JOBS),
                status,
                rng.choice(PRIORITY),
                rng.choice(JOB_TYPE),
                "" if status == "Unassigned" else rng.choice(STAFF),
                # The job address is the site's when a site is chosen, else the customer's.
                f"{site or customer[6]}, {customer[7]}, {customer[8]} {customer[9]}",
                _date(rng, 2025),
                _date(rng, 2024),
                _money(quoted),
                _money(quoted * 1.15) if invoiced else "",
                maybe(rng, 0.2, str(rng.randint(1000, 9999))),
                maybe(rng, 0.15, rng.choice(INSURERS)),
            ]
        )
    write_csv(root / "customers.csv", CUSTOMER_HEADER, customer_rows)
    write_csv(root / "jobs.csv", JOB_HEADER, job_rows)
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "NZ",
            {"Jobs": ["New Enquiry", "Allocated", "Booked", "Work Underway", "Ready to Invoice", "Done"]},
            [("Aroha", "Ngata", "aroha@kiwiflow.co.nz"), ("Ben", "Walker", "ben@kiwiflow.co.nz")],
        ),
    )
