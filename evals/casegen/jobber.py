"""Jobber: the CSV exports of the Clients, Quotes and Jobs lists.

From Jobber's help centre (client and job import/export pages, "List Pages and Key Metrics", the
glossary) and its GraphQL schema: a client has a ``J-ID``, a ``Display Name`` (the person, or the
company when it is a business), ``Company Name``, ``Title`` (the salutation), first and last name,
phone columns by kind (``Main Phone #s``, ``Mobile Phone #s``: several numbers in one cell), ``E-mails``
(several in one cell), ``Tags`` (comma separated), billing address parts, ``Lead Source`` and
``Created Date``. Quotes and jobs name their client by display name (``Client name``) with its e-mail
and phone beside it; a quote's ``Status`` is Draft / Awaiting response / Changes requested /
Approved / Converted / Archived, a job's ``Status`` Unscheduled / Upcoming / Today / Active / Late /
Action Required / Requires Invoicing / On Hold / Archived. ``Salesperson`` is a team member's full
name; ``Visits assigned to`` lists the team on the job's visits by name, comma separated. Money
columns carry the currency in the header (``Total ($)``), dates are written ``Jan 05, 2024``.
"""

from __future__ import annotations

import random
from pathlib import Path

from evals.casegen.common import (
    CASES_DIR,
    US_PLACES,
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

CASE = "jobber"
TEAM = ["Grant Howell", "Priya Shah", "Tom Becker"]  # Tom has no destination user
QUOTE_STATUS = ["Draft", "Awaiting response", "Changes requested", "Approved", "Converted", "Archived"]
JOB_STATUS = [
    "Unscheduled", "Upcoming", "Today", "Active", "Late", "Action Required", "Requires Invoicing",
    "On Hold", "Archived",
]  # fmt: skip
TAGS = [["Residential", "residential"], ["Commercial", "COMMERCIAL"], ["Snow Removal", "snow removal "]]
SOURCES = ["Google", "Facebook", "Word of mouth", "Yard sign", "Website"]
SERVICES = ["Spring Cleanup", "Weekly Mowing", "Hedge Trimming", "Aeration", "Mulch Install"]
DATE = "{m} {d:02d}, {y}"
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
CLIENT_HEADER = [
    "J-ID", "Display Name", "Company Name", "Title", "First Name", "Last Name", "Main Phone #s",
    "Mobile Phone #s", "E-mails", "Tags", "Billing Street 1", "Billing Street 2", "Billing City",
    "Billing State", "Billing Zip code", "Billing Country", "Lead Source", "Created Date", "Archived",
]  # fmt: skip
QUOTE_HEADER = [
    "Quote #", "Client name", "Client email", "Client phone", "Title", "Status", "Salesperson",
    "Created date", "Sent date", "Approved date", "Subtotal ($)", "Total ($)", "Line items",
]  # fmt: skip
JOB_HEADER = [
    "Job #", "Client name", "Client email", "Client phone", "Service street", "Service city",
    "Service province", "Service ZIP", "Title", "Status", "Job type", "Created date",
    "Scheduled start date", "Closed date", "Salesperson", "Visits assigned to", "Quote #",
    "Invoice #s", "Total revenue ($)",
]  # fmt: skip


def _date(rng: random.Random, year: int) -> str:
    return DATE.format(m=rng.choice(MONTHS), d=rng.randint(1, 28), y=year)


def _money(amount: float) -> str:
    return f"{amount:,.2f}"


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    client_rows = []
    for i, p in enumerate(people(rng, 36)):
        business = rng.random() < 0.2
        firm = f"{p.last} {rng.choice(['Properties', 'Dental', 'Cafe'])}" if business else ""
        city, state, zip_code = rng.choice(US_PLACES)
        emails = p.email(rng.choice(["gmail.com", "icloud.com"]))
        if rng.random() < 0.15:
            emails += f", {p.first.lower()}@work.example.com"
        client_rows.append(
            [
                str(100 + i),
                firm or p.full,
                firm,
                rng.choice(["Mr.", "Ms.", "Mrs.", "", ""]),
                p.first,
                p.last,
                us_phone(rng),
                maybe(rng, 0.4, us_phone(rng)),
                emails,
                ", ".join(spelled(rng, t) for t in rng.sample(TAGS, rng.randint(0, 2))),
                street(rng),
                maybe(rng, 0.15, f"Apt {rng.randint(1, 30)}"),
                city,
                state,
                zip_code,
                "United States",
                maybe(rng, 0.8, rng.choice(SOURCES)),
                _date(rng, 2023),
                rng.choice(["false", "false", "true"]),
            ]
        )
    quote_rows = []
    for i in range(36):
        client = rng.choice(client_rows)
        subtotal = rng.randint(6, 180) * 25.0
        status = QUOTE_STATUS[i % len(QUOTE_STATUS)]
        quote_rows.append(
            [
                str(300 + i),
                client[1],
                client[8].split(",")[0],
                client[6],
                rng.choice(SERVICES),
                status,
                rng.choice(TEAM),
                _date(rng, 2024),
                "" if status == "Draft" else _date(rng, 2024),
                _date(rng, 2024) if status in ("Approved", "Converted") else "",
                _money(subtotal),
                _money(subtotal * 1.0825),
                f"{rng.choice(SERVICES)} x{rng.randint(1, 4)}",
            ]
        )
    job_rows = []
    converted = [q[0] for q in quote_rows if q[5] == "Converted"]
    for i in range(45):
        client = rng.choice(client_rows)
        city, state, zip_code = rng.choice(US_PLACES)
        status = JOB_STATUS[i % len(JOB_STATUS)]
        crew = rng.sample(TEAM, rng.choice([1, 1, 2]))
        closed = status == "Archived"
        job_rows.append(
            [
                str(500 + i),
                client[1],
                client[8].split(",")[0],
                client[6],
                street(rng),
                city,
                state,
                zip_code,
                rng.choice(SERVICES),
                status,
                rng.choice(["One-off", "One-off", "Recurring"]),
                _date(rng, 2024),
                "" if status == "Unscheduled" else _date(rng, 2025),
                _date(rng, 2025) if closed else "",
                rng.choice(TEAM),
                ", ".join(crew),
                maybe(rng, 0.3, rng.choice(converted)),
                f"{700 + i}" if closed or status == "Requires Invoicing" else "",
                _money(rng.randint(4, 220) * 25.0),
            ]
        )
    write_csv(root / "clients.csv", CLIENT_HEADER, client_rows)
    write_csv(root / "quotes.csv", QUOTE_HEADER, quote_rows)
    write_csv(root / "jobs.csv", JOB_HEADER, job_rows)
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {
                "Estimates": ["Draft", "Estimate Sent", "Revision Requested", "Accepted"],
                "Jobs": ["To Schedule", "Scheduled", "In Progress", "Needs Invoicing", "Completed"],
            },
            [("Grant", "Howell", "grant@greenleaflawn.com"), ("Priya", "Shah", "priya@greenleaflawn.com")],
        ),
    )
