"""FieldPulse: an HVAC contractor's customer export and its job and invoice reports, CSV.

From FieldPulse's help centre (help.fieldpulse.com and its mirror fieldpulse.mintlify.app):
"Customer Record: Character Limits and Validation Rules" gives the customer record's fields as the
import and export name them (Account Type 'Individual' / 'Company', Account Status 'Lead' /
'Opportunity' / 'Current Customer' / 'Lost' / 'Other', Alternate Email and Alternate Phone Number,
service and billing address lines, 'Use Separate Billing Address?' Yes / No, Lead Source, the
assignee as 'Assigned To [First Name]' and 'Assigned To [Last Name]', Price Tier, Tags); the
Customers FAQ ("Export Customers" e-mails a CSV, every report has a 'Customer #' column); "Job
Reports" lists the job report's default columns (#ID, Customer, Contact Name / Email / Phone, Title,
Subtitle, Status, Start and End Date/Time, Clock In and Clock Out Date/Time, Created At, Created By,
Location) and "Payment Reports" a job's Assigned Team Members and Assigned Teams; "Custom Status
Workflows" the default job statuses New, On the Way, In Progress, Pending (paused), Completed,
Canceled; "Invoice Reports" the invoice report's columns (#ID, Status, Customer, Invoice Title,
Parent Job, Related Estimates, Pre-Tax Subtotal, Invoice Total, Cost Basis, Profit Margin, Profit
Margin Percentage, Amount Paid, Amount Due, Invoiced Date, Due Date) and "Invoices" their statuses
Draft, Invoiced, Partially Paid, Paid, Overdue, Void.

A report names the customer by display name (the company name of a Company account, else the
person's name) and repeats its contact's name, e-mail and phone; money is written "$1,234.50",
times "01/15/2024 09:30 AM" (US).
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
    spelled,
    street,
    us_phone,
    write_csv,
    write_json,
)

CASE = "fieldpulse"
TEAM = [("Marcus", "Reyes"), ("Jenna", "Price"), ("Luis", "Ortega")]  # Luis has no destination user
ACCOUNT_STATUS = [
    "Current Customer",
    "Current Customer",
    "Current Customer",
    "Lead",
    "Opportunity",
    "Lost",
    "Other",
]
JOB_STATUS = ["New", "On the Way", "In Progress", "Pending", "Completed", "Canceled"]
INVOICE_STATUS = ["Draft", "Invoiced", "Partially Paid", "Paid", "Overdue", "Void"]
TAGS = [["Maintenance Plan", "maintenance plan"], ["VIP", "vip "], ["Commercial", "commercial"]]
SOURCES = ["Google", "Yelp", "Referral", "Facebook", "Home Show"]
TITLES = ["AC Tune-Up", "Furnace Repair", "Heat Pump Install", "Duct Cleaning", "Thermostat Replacement"]
SUBTITLES = ["Upstairs unit", "Second visit", "Warranty", "Follow-up from estimate"]
NOTES = ["Gate code 4411", "Dog in backyard", "Prefers text before arrival", "Call office manager first"]
TEAMS = ["HVAC Service", "Installations"]
CUSTOMER_HEADER = [
    "Customer #", "Account Type", "Account Status", "First Name", "Last Name", "Company Name", "Email",
    "Alternate Email", "Phone Number", "Alternate Phone Number", "Notes", "Address Line 1",
    "Address Line 2", "City", "State", "Zip Code", "Use Separate Billing Address?",
    "Billing Address Line 1", "Billing Address Line 2", "Billing City", "Billing State",
    "Billing Zip Code", "Lead Source", "Assigned To [First Name]", "Assigned To [Last Name]",
    "Price Tier", "Tags",
]  # fmt: skip
JOB_HEADER = [
    "#ID", "Customer", "Contact Name", "Contact Email", "Contact Phone", "Title", "Subtitle", "Status",
    "Start Date/Time", "End Date/Time", "Clock In Date/Time", "Clock Out Date/Time", "Created At",
    "Created By", "Location", "Assigned Team Members", "Assigned Teams",
]  # fmt: skip
INVOICE_HEADER = [
    "#ID", "Status", "Customer", "Invoice Title", "Parent Job", "Related Estimates", "Pre-Tax Subtotal",
    "Invoice Total", "Cost Basis", "Profit Margin", "Profit Margin Percentage", "Amount Paid",
    "Amount Due", "Invoiced Date", "Due Date",
]  # fmt: skip


def _day(rng: random.Random) -> str:
    return f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/2024"


def _at(day: str, hour: int, minute: str = "00") -> str:
    return f"{day} {hour % 12 or 12:02d}:{minute} {'AM' if hour < 12 else 'PM'}"


def _money(amount: float) -> str:
    return f"${amount:,.2f}"


def _customers(rng: random.Random) -> list[list[str]]:
    rows = []
    firms = iter(companies(rng, 12))
    for i, p in enumerate(people(rng, 40)):
        firm = next(firms) if i % 4 == 1 else ""
        city, state, zip_code = rng.choice(US_PLACES)
        billing = firm != "" and rng.random() < 0.6
        b_city, b_state, b_zip = rng.choice(US_PLACES)
        owner = rng.choice([*TEAM, ("", "")])
        rows.append(
            [
                str(1001 + i),
                "Company" if firm else "Individual",
                rng.choice(ACCOUNT_STATUS),
                p.first,
                p.last,
                firm,
                p.email(rng.choice(["gmail.com", "yahoo.com", "outlook.com"])),
                maybe(rng, 0.15, f"{p.first.lower()}{rng.randint(1, 99)}@gmail.com"),
                us_phone(rng),
                maybe(rng, 0.3, us_phone(rng)),
                maybe(rng, 0.4, rng.choice(NOTES)),
                street(rng),
                maybe(rng, 0.15, f"Unit {rng.randint(1, 40)}"),
                city,
                state,
                zip_code,
                "Yes" if billing else "No",
                street(rng) if billing else "",
                maybe(rng, 0.3, f"Suite {rng.randint(100, 400)}") if billing else "",
                b_city if billing else "",
                b_state if billing else "",
                b_zip if billing else "",
                maybe(rng, 0.75, rng.choice(SOURCES)),
                owner[0],
                owner[1],
                rng.choice(["Standard", "Standard", "Maintenance Member", ""]),
                ", ".join(spelled(rng, t) for t in rng.sample(TAGS, rng.randint(0, 2))),
            ]
        )
    return rows


def _jobs(rng: random.Random, customers: list[list[str]]) -> list[list[str]]:
    rows = []
    for i in range(45):
        c = rng.choice(customers)
        status = JOB_STATUS[i % len(JOB_STATUS)]
        started = status in ("In Progress", "Pending", "Completed")
        hour = rng.randint(7, 14)
        day = _day(rng)
        crew = rng.sample(TEAM, rng.choice([1, 1, 2]))
        rows.append(
            [
                str(2001 + i),
                c[5] or f"{c[3]} {c[4]}",
                f"{c[3]} {c[4]}",
                c[6],
                c[8],
                rng.choice(TITLES),
                maybe(rng, 0.3, rng.choice(SUBTITLES)),
                status,
                _at(day, hour),
                _at(day, hour + 2),
                _at(day, hour, rng.choice(["05", "12", "24"])) if started else "",
                _at(day, hour + 2, rng.choice(["15", "40"])) if status == "Completed" else "",
                _at(_day(rng), rng.randint(8, 17), rng.choice(["00", "30"])),
                rng.choice(["Jenna Price", "Jenna Price", "Marcus Reyes"]),
                f"{c[11]}, {c[13]}, {c[14]} {c[15]}",
                ", ".join(f"{f} {last}" for f, last in crew),
                maybe(rng, 0.6, rng.choice(TEAMS)),
            ]
        )
    return rows


def _invoices(rng: random.Random, jobs: list[list[str]]) -> list[list[str]]:
    rows = []
    billed = [j for j in jobs if j[7] in ("Completed", "In Progress", "Pending")] + rng.sample(jobs, 18)
    for i, job in enumerate(billed[:32]):
        status = INVOICE_STATUS[i % len(INVOICE_STATUS)]
        subtotal = rng.randint(6, 160) * 25.0
        total = round(subtotal * 1.0825, 2)
        cost = round(subtotal * rng.uniform(0.45, 0.7), 2)
        month, day = rng.randint(1, 11), rng.randint(1, 28)
        paid = {"Paid": total, "Partially Paid": round(total / 2, 2)}.get(status, 0.0)
        rows.append(
            [
                str(3001 + i),
                status,
                job[1],
                job[5],
                job[0],
                maybe(rng, 0.25, str(rng.randint(1101, 1140))),
                _money(subtotal),
                _money(total),
                _money(cost),
                _money(subtotal - cost),
                f"{(subtotal - cost) / subtotal * 100:.1f}%",
                _money(paid),
                _money(total - paid),
                "" if status == "Draft" else f"{month:02d}/{day:02d}/2024",
                "" if status == "Draft" else f"{month + 1:02d}/{day:02d}/2024",  # net 30
            ]
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
        ("Due Date", "due_date", "DATE", []),
        ("Total Amount", "total_amount", "MONETORY", []),
        ("Balance Due", "balance_due", "MONETORY", []),
        ("Status", "status", "SINGLE_OPTIONS", ["Draft", "Sent", "Part Paid", "Paid", "Past Due", "Voided"]),
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
    write_csv(root / "customers.csv", CUSTOMER_HEADER, customers)
    write_csv(root / "jobs.csv", JOB_HEADER, jobs)
    write_csv(root / "invoices.csv", INVOICE_HEADER, _invoices(rng, jobs))
    dest = destination(
        CASE,
        "US",
        {"Service Jobs": ["New Job", "Tech En Route", "Work Underway", "On Hold", "Job Complete"]},
        [("Marcus", "Reyes", "marcus@coolbreezehvac.com"), ("Jenna", "Price", "jenna@coolbreezehvac.com")],
    )
    _invoice_object(dest)
    write_json(cases_dir / CASE / "destination.json", dest)
