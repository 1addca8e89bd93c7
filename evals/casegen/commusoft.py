"""Commusoft: a Surrey heating engineer's customers, estimates and jobs reports, CSV.

From Commusoft's knowledge base:
- kb.commusoft.co.uk/hc/en-gb/articles/220677168-Importing-customers-Cleaning-your-data (the customer
  columns: ``Type`` (Private customer, company, estate agent), ``Title``, ``Name``, ``Surname``, the
  company name, ``Address line 1`` to ``3``, ``Town``, ``County``, ``Postcode``, ``Landline``,
  ``Mobile``, ``Email``, ``Advertising type``, ``Building type``; a customer needs a surname or a
  company name) and .../360004737538-How-customer-types-are-determined-in-a-Xero-import (a company's
  primary person as ``Contact first name`` / ``Contact surname``, UK counties);
- help.commusoft.com/en/articles/324265-understanding-the-job-record (a job's ``Job number``, ``Job
  contact`` (the customer), ``Job assigned to`` (the engineer), ``Job description``, ``Service type``,
  ``Address``, ``Created by``, ``Created on``, ``Last modified``, ``Skills`` (tags such as gas),
  ``Priority``) and .../360017905737-Job-description-templates (a job's quoted amount);
- kb.commusoft.co.uk/hc/en-gb/articles/360024819593-What-is-the-estimate-reporting-status (an estimate's
  status: ongoing, waiting for the customer, accepted, rejected) and .../360026441894-Reject-reasons
  (the account's reasons for a rejected estimate).

The reports name the customer by display name (the company, or the person's name); dates are written
dd/mm/yyyy, money "£1,234.50". The jobs report has no status column of its own. The knowledge base
documents no estimate export layout beyond its statuses and reject reasons: the estimates report's
other headers follow the job record's labels (number, customer, description, created on) and a total.
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
    write_csv,
    write_json,
)

CASE = "commusoft"
DOMAIN = "hearthheating.co.uk"
PLACES = [
    ("Guildford", "Surrey", "GU1"),
    ("Woking", "Surrey", "GU21"),
    ("Dorking", "Surrey", "RH4"),
    ("Crawley", "West Sussex", "RH10"),
    ("Farnham", "Surrey", "GU9"),
    ("Sevenoaks", "Kent", "TN13"),
]
STREETS = ["High Street", "Station Road", "Church Lane", "London Road", "Mill Lane", "The Green"]
TYPES = ["Private customer", "Private customer", "Private customer", "Company", "Estate agent"]
ADVERTISING = ["Google", "Checkatrade", "Recommendation", "Van signage", "Facebook"]
BUILDINGS = ["Detached house", "Semi-detached house", "Terraced house", "Flat", "Bungalow"]
ENGINEERS = ["Dave Collins", "Priya Shah", "Tom Harris"]  # Tom has no destination user
OFFICE = ["Sarah Mills", "Dave Collins"]
ESTIMATE_STATUS = ["ongoing", "waiting for the customer", "accepted", "rejected"]
REJECT_REASONS = ["Price too high", "Went with another company", "No longer required"]
WORK = [
    "Boiler replacement",
    "Powerflush",
    "Radiator upgrade",
    "Unvented cylinder install",
    "Smart thermostat",
]
SERVICE_TYPES = ["Annual service", "Breakdown", "Installation", "Landlord gas safety"]
LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # the letters a UK inward postcode uses
SKILLS = ["Gas", "Oil", "Unvented", "Electrical"]
CUSTOMER_HEADER = [
    "Type", "Title", "Name", "Surname", "Company name", "Contact first name", "Contact surname",
    "Address line 1", "Address line 2", "Address line 3", "Town", "County", "Postcode", "Landline",
    "Mobile", "Email", "Advertising type", "Building type",
]  # fmt: skip
ESTIMATE_HEADER = [
    "Estimate number", "Customer", "Estimate description", "Status", "Reject reason", "Created on", "Total",
]  # fmt: skip
JOB_HEADER = [
    "Job number", "Job contact", "Job assigned to", "Job description", "Service type", "Address",
    "Created by", "Created on", "Last modified", "Skills", "Priority", "Quoted amount",
]  # fmt: skip


def _date(rng: random.Random, year: int) -> str:
    return f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{year}"


def _money(amount: float) -> str:
    return f"£{amount:,.2f}"


def _landline(rng: random.Random) -> str:
    return f"01{rng.randint(200, 999)} {rng.randint(100000, 999999)}"


def _mobile(rng: random.Random) -> str:
    return f"07{rng.randint(100, 999)} {rng.randint(100000, 999999)}"


def _customers(rng: random.Random) -> list[list[str]]:
    rows = []
    firms = iter(companies(rng, 20))
    for i, p in enumerate(people(rng, 42)):
        kind = TYPES[i % len(TYPES)]
        firm = "" if kind == "Private customer" else next(firms).replace("Realty", "Lettings")
        town, county, district = rng.choice(PLACES)
        domain = f"{firm.split()[0].lower()}{firm.split()[1].lower()}.co.uk" if firm else ""
        rows.append(
            [
                kind,
                rng.choice(["Mr", "Mrs", "Ms", "Miss", "Dr"]) if not firm else "",
                "" if firm else p.first,
                "" if firm else p.last,
                firm,
                p.first if firm else "",
                p.last if firm else "",
                f"{rng.randint(1, 120)} {rng.choice(STREETS)}",
                maybe(rng, 0.2, rng.choice(["Flat 2", "The Old Rectory", "Unit 4"])),
                maybe(rng, 0.15, rng.choice(["Merrow", "Shalford", "Burpham"])),
                town,
                county,
                f"{district} {rng.randint(1, 9)}{rng.choice(LETTERS)}{rng.choice(LETTERS)}",
                _landline(rng) if firm else maybe(rng, 0.45, _landline(rng)),
                maybe(rng, 0.9, _mobile(rng)),
                p.email(domain or rng.choice(["gmail.com", "btinternet.com", "outlook.com"])),
                maybe(rng, 0.8, rng.choice(ADVERTISING)),
                "" if firm else maybe(rng, 0.85, rng.choice(BUILDINGS)),
            ]
        )
    return rows


def _display(row: list[str]) -> str:
    return row[4] or f"{row[2]} {row[3]}"


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    customers = _customers(rng)
    estimates = []
    for i in range(40):
        status = ESTIMATE_STATUS[i % len(ESTIMATE_STATUS)]
        estimates.append(
            [
                str(2041 + i),
                _display(rng.choice(customers)),
                rng.choice(WORK),
                status,
                rng.choice(REJECT_REASONS) if status == "rejected" else "",
                _date(rng, 2025),
                _money(rng.randint(6, 260) * 25.0),
            ]
        )
    jobs = []
    for i in range(48):
        customer = rng.choice(customers)
        service = rng.choice(SERVICE_TYPES)
        jobs.append(
            [
                str(5310 + i),
                _display(customer),
                rng.choice(ENGINEERS),
                rng.choice(WORK)
                if service == "Installation"
                else f"{service} - {rng.choice(['boiler', 'cylinder'])}",
                service,
                f"{customer[7]}, {customer[10]}, {customer[12]}",
                rng.choice(OFFICE),
                _date(rng, 2025),
                _date(rng, 2025),
                ", ".join(rng.sample(SKILLS, rng.choice([1, 1, 2]))),
                rng.choice(["Normal", "Normal", "High", "Emergency"]),
                _money(rng.randint(3, 200) * 20.0)
                if service == "Installation"
                else maybe(rng, 0.5, "£85.00"),
            ]
        )
    write_csv(root / "customers.csv", CUSTOMER_HEADER, customers)
    write_csv(root / "estimates.csv", ESTIMATE_HEADER, estimates)
    write_csv(root / "jobs.csv", JOB_HEADER, jobs)
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "GB",
            {
                "Estimates": ["Drafting", "Sent - Awaiting Reply", "Won", "Lost"],
                "Jobs": ["Booked", "Scheduled", "Completed", "Invoiced"],
            },
            [
                ("Dave", "Collins", f"dave@{DOMAIN}"),
                ("Priya", "Shah", f"priya@{DOMAIN}"),
                ("Sarah", "Mills", f"sarah@{DOMAIN}"),
            ],
        ),
    )
