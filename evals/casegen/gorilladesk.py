"""GorillaDesk: the CSV exports of the Customers list and the Jobs report of a pest-control firm.

From GorillaDesk's help centre: https://intercom.help/gorilladesk/en/articles/8392743-adding-jobs-to-your-calendar-desktop
(a job has a Customer, a Location (the service address), a Service from the service templates, date and
time, a Length, ``Assign to`` (the schedule of the technician doing it), ``Sold by`` (the user who sold
it and earns the commission), a Repeat frequency and a job note; the default job statuses are
Unconfirmed, Confirmed, Reschedule, Complete and Canceled),
https://intercom.help/gorilladesk/en/articles/2861535-technician-checklist-optional (an invoice is
Draft, then Sent, then paid), https://intercom.help/gorilladesk/en/articles/5624261-bill-to-and-service-to
(a customer's locations each with a bill-to and an address-to contact) and
https://intercom.help/gorilladesk/en/articles/9399362-dashboard (invoice value per job status). A job
names its customer by display name (the company, or the person), its location by the location's
name; schedules are named after the technician's first name, ``Sold by`` is the user's e-mail. The
exact export header spellings are not published: they are written as the job screen labels them.
Money is written "$125.00", dates "MM/DD/YYYY", times "9:30 AM".
"""

from __future__ import annotations

import random
from pathlib import Path

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
    write_csv,
    write_json,
)

CASE = "gorilladesk"
SCHEDULES = ["Carlos", "Dana", "Jake"]
SELLERS = ["dana@bugoutpest.com", "mike@bugoutpest.com", "sara@bugoutpest.com"]  # Sara has no user
STATUS = ["Unconfirmed", "Confirmed", "Reschedule", "Complete", "Canceled"]
SERVICES = ["General Pest Control", "Termite Inspection", "Mosquito Treatment", "Rodent Exclusion"]
REPEAT = ["Does not repeat", "Monthly", "Quarterly", "Quarterly"]
TAGS = [
    ["Quarterly", "quarterly"], ["HOA", "hoa "], ["Termite Warranty", "termite warranty"], ["Pets", "PETS"],
]  # fmt: skip
SOURCES = ["Google", "Referral", "Door Hanger", "Online Booking", "Yelp"]
LOCATIONS = ["Home", "Rental", "Office", "Warehouse"]
CUSTOMER_HEADER = [
    "Account #", "First Name", "Last Name", "Company", "Email", "Mobile Phone", "Home Phone",
    "Billing Address", "Billing City", "Billing State", "Billing Zip", "Source", "Tags", "Balance",
    "Created Date",
]  # fmt: skip
JOB_HEADER = [
    "Customer", "Location", "Service", "Date", "Time", "Length", "Assign To", "Sold By", "Status",
    "Repeat", "Invoice #", "Invoice Status", "Total", "Job Note",
]  # fmt: skip


def _date(rng: random.Random, year: int) -> str:
    return f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/{year}"


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    firms = companies(rng, 10)
    customer_rows = []
    for i, p in enumerate(people(rng, 38)):
        firm = firms.pop() if rng.random() < 0.2 and firms else ""
        city, state, zip_code = rng.choice(US_PLACES)
        owed = rng.choice([0, 0, 0, rng.randint(1, 40) * 12.5])
        customer_rows.append(
            [
                str(1200 + i),
                p.first,
                p.last,
                firm,
                p.email(rng.choice(["gmail.com", "yahoo.com"])),
                us_phone(rng),
                maybe(rng, 0.3, us_phone(rng)),
                street(rng),
                city,
                state,
                zip_code,
                maybe(rng, 0.7, rng.choice(SOURCES)),
                ", ".join(spelled(rng, t) for t in rng.sample(TAGS, rng.randint(0, 2))),
                f"${owed:,.2f}",
                _date(rng, 2023),
            ]
        )
    job_rows = []
    for i in range(55):
        customer = rng.choice(customer_rows)
        status = STATUS[i % len(STATUS)]
        total = rng.choice([65, 95, 125, 149, 275, 450]) * 1.0
        invoiced = status == "Complete" or (status == "Confirmed" and rng.random() < 0.3)
        job_rows.append(
            [
                customer[3] or f"{customer[1]} {customer[2]}",
                rng.choice(LOCATIONS[2:] if customer[3] else LOCATIONS[:2]),
                rng.choice(SERVICES),
                _date(rng, 2025),
                f"{rng.randint(8, 11)}:{rng.choice(['00', '30'])} AM",
                rng.choice(["30 min", "45 min", "1 hr", "1 hr 30 min"]),
                rng.choice(SCHEDULES),
                rng.choice(SELLERS),
                status,
                rng.choice(REPEAT),
                str(5000 + i) if invoiced else "",
                rng.choice(["Paid", "Sent"]) if status == "Complete" else ("Draft" if invoiced else ""),
                f"${total:,.2f}",
                maybe(rng, 0.3, rng.choice(["Dog in backyard", "Gate code 4411", "Call before arrival"])),
            ]
        )
    write_csv(root / "customers.csv", CUSTOMER_HEADER, customer_rows)
    write_csv(root / "jobs.csv", JOB_HEADER, job_rows)
    write_json(
        cases_dir / CASE / "destination.json",
        destination(
            CASE,
            "US",
            {"Service Jobs": ["Awaiting Confirmation", "Booked", "Needs New Date", "Serviced"]},
            [
                ("Dana", "Morris", "dana@bugoutpest.com"),
                ("Mike", "Alvarez", "mike@bugoutpest.com"),
                ("Carlos", "Ruiz", "carlos@bugoutpest.com"),
                ("Jake", "Lind", "jake@bugoutpest.com"),
            ],
        ),
    )
