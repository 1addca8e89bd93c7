"""Arborgold: the Customer, Addresses and Jobs list exports of a tree-care company (Excel export of
each list grid, saved as CSV).

From Arborgold's help centre: https://help.arborgold.com/en/articles/customer-tabs (a customer's
Information tab: name and billing address, e-mail, tax level and account terms; an account is a
"Lead" until it accepts a proposal; the Addresses tab lists name, address, zip, city, state, district,
type (Billing, Job Site, or Job Site and Billing), contact, email and phone),
https://help.arborgold.com/en/articles/4397496-add-a-new-job-site-or-billing-address (a job site's
name, district, App Type such as Commercial / Residential / School, and a site contact for HOAs,
renters or property managers), http://help.arborgold.com/en/articles/4511387-creating-a-proposal (a
job's name is generated from the customer's "sort on" (last name or company) and the bid date; the
customer, job site, job tags for hazard alerts, salesperson, discount as a whole-number percentage),
https://help.arborgold.com/en/articles/job-statuses-in-arborgold (the seven job statuses Generated,
Proposal, Declined, Work Order, Completed, Cancelled, Hold) and
https://help.arborgold.com/en/articles/4511419-utilizing-the-job-details-page (accepted, start,
completed dates; declined, cancelled and hold reasons). Jobs and sites name their customer by display
name (the company, or the person's name). Money is written "$1,234.50", dates MM/DD/YYYY.
"""

from __future__ import annotations

import random
from pathlib import Path

from evals.casegen.common import (
    CASES_DIR,
    Person,
    destination,
    maybe,
    people,
    rng_for,
    spelled,
    street,
    us_phone,
    write_csv,
    write_json,
)

CASE = "arborgold"
SALES = ["Dana Whitfield", "Marcus Lee", "Kyle Brandt"]  # Kyle has no destination user
STATUS = ["Generated", "Proposal", "Declined", "Work Order", "Completed", "Cancelled", "Hold"]
NC_PLACES = [
    ("Raleigh", "27603", "Wake County 7.25%"), ("Cary", "27511", "Wake County 7.25%"),
    ("Apex", "27502", "Wake County 7.25%"), ("Durham", "27701", "Durham County 7.5%"),
    ("Chapel Hill", "27514", "Orange County 7.5%"),
]  # fmt: skip
DISTRICTS = ["North", "South", "West", "Downtown"]
TERMS = ["Due Upon Receipt", "Due Upon Receipt", "Net 15", "Net 30"]
TAGS = [
    ["Power Lines", "power lines", "Power lines"], ["Dog On Site", "dog on site "],
    ["Crane Needed", "CRANE NEEDED"], ["Call Before Arrival", "call before arrival"],
]  # fmt: skip
SITE_NAMES = ["Clubhouse", "North Entrance", "Pool Area", "Lot 12", "Main Office", "Back Field"]
BUSINESSES = [
    "Oak Hollow HOA", "Briarcliff Apartments", "St. Mark's School", "Crabtree Commons",
    "Lakeview Church", "Hillside Dental", "Parkside Townhomes", "Triangle Realty",
]  # fmt: skip
DECLINED = ["Price too high", "Went with competitor", "No longer needed"]
CUSTOMER_HEADER = [
    "Customer", "Sort On", "First Name", "Last Name", "Company", "Address", "City", "State", "Zip",
    "Phone", "Email", "Status", "Tax Level", "Terms",
]  # fmt: skip
SITE_HEADER = [
    "Customer", "Name", "Address", "Zip", "City", "State", "District", "Type", "App Type", "Contact",
    "Email", "Phone",
]  # fmt: skip
JOB_HEADER = [
    "Job Name", "Customer", "Job Site", "Job Status", "Bid Date", "Accepted Date", "Start Date",
    "Completed Date", "Salesperson", "Job Tags", "Discount", "Prepaid", "Total", "Declined Reason",
]  # fmt: skip


def _date(rng: random.Random, year: int, months: tuple[int, int] = (1, 12)) -> str:
    return f"{rng.randint(*months):02d}/{rng.randint(1, 28):02d}/{year}"


def _money(amount: float) -> str:
    return f"${amount:,.2f}"


def _customers(rng: random.Random, persons: list[Person]) -> list[list[str]]:
    rows = []
    firms = iter(BUSINESSES)
    for i, p in enumerate(persons):
        firm = next(firms, "") if i % 5 == 2 else ""
        first, last = (p.first, p.last) if not firm or rng.random() < 0.6 else ("", "")
        city, zip_code, tax = rng.choice(NC_PLACES)
        rows.append(
            [
                firm or p.full,
                firm or p.last,
                first,
                last,
                firm,
                street(rng),
                city,
                "NC",
                zip_code,
                us_phone(rng),
                maybe(rng, 0.85, p.email(rng.choice(["gmail.com", "yahoo.com", "outlook.com"]))),
                "Lead",  # until a proposal is accepted (set from the jobs in build)
                "Tax Exempt" if firm.endswith(("School", "Church")) else tax,
                rng.choice(TERMS),
            ]
        )
    return rows


def _sites(rng: random.Random, customers: list[list[str]], managers: list[Person]) -> list[list[str]]:
    rows = []
    pool = iter(managers)
    for c in customers:
        firm = c[4]
        billing_type = "Billing" if firm else "Job Site and Billing"
        app_type = "Residential" if not firm else ("School" if "School" in firm else "Commercial")
        rows.append(
            [c[0], "", c[5], c[8], c[6], "NC", rng.choice(DISTRICTS), billing_type, app_type, "", "", ""]
        )
        extra = rng.randint(1, 3) if firm else (1 if rng.random() < 0.15 else 0)
        for _ in range(extra):
            city, zip_code, _tax = rng.choice(NC_PLACES)
            manager = next(pool)
            rows.append(
                [
                    c[0],
                    rng.choice(SITE_NAMES) if firm else "Rental",
                    street(rng),
                    zip_code,
                    city,
                    "NC",
                    rng.choice(DISTRICTS),
                    "Job Site",
                    app_type,
                    manager.full,
                    maybe(rng, 0.7, manager.email("pmgroup.com")),
                    us_phone(rng),
                ]
            )
    return rows


def _jobs(rng: random.Random, customers: list[list[str]], sites: list[list[str]]) -> list[list[str]]:
    rows = []
    for i in range(48):
        c = rng.choice(customers)
        status = STATUS[i % len(STATUS)]
        own_sites = [s for s in sites if s[0] == c[0]]
        site = rng.choice(own_sites)
        bid = _date(rng, 2024)
        accepted = status in ("Work Order", "Completed", "Cancelled", "Hold")
        total = rng.randint(6, 140) * 45.0
        rows.append(
            [
                f"{c[1]} {bid.replace('/', '-')}",
                c[0],
                site[1] or site[2],
                status,
                bid,
                _date(rng, 2025, (1, 2)) if accepted else "",  # bids are from 2024: accepted after
                _date(rng, 2025, (3, 6)) if status in ("Work Order", "Completed") else "",
                _date(rng, 2025, (7, 11)) if status == "Completed" else "",
                maybe(rng, 0.92, rng.choice(SALES)),
                ", ".join(spelled(rng, t) for t in rng.sample(TAGS, rng.choice([0, 0, 1, 2]))),
                rng.choice(["0", "0", "0", "5", "10"]),
                "Yes" if rng.random() < 0.1 else "No",
                _money(total),
                rng.choice(DECLINED) if status == "Declined" else "",
            ]
        )
    return rows


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    persons = people(rng, 80)  # distinct names: customers first, then the sites' contacts
    customers = _customers(rng, persons[:40])
    sites = _sites(rng, customers, persons[40:])
    jobs = _jobs(rng, customers, sites)
    accepted = {j[1] for j in jobs if j[5]}
    for c in customers:
        c[11] = "Customer" if c[0] in accepted else "Lead"
    write_csv(root / "customers.csv", CUSTOMER_HEADER, customers)
    write_csv(root / "job_sites.csv", SITE_HEADER, sites)
    write_csv(root / "jobs.csv", JOB_HEADER, jobs)
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {
                "Tree Care": [
                    "Renewal Queued",
                    "Estimate Sent",
                    "Approved - To Schedule",
                    "Scheduled",
                    "Work Done",
                ]
            },
            [("Dana", "Whitfield", "dana@cityoaktree.com"), ("Marcus", "Lee", "marcus@cityoaktree.com")],
            custom_fields=[("Payment Terms", "contact.payment_terms", "SINGLE_OPTIONS", "contact")],
        ),
    )
