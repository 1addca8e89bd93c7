"""Contractor+ work: jobs and the estimates (with line items) that quote them.

Every document derives from job ``k`` (rebuilt on demand from its seed), so each CSV streams.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from assistant.fixturegen import people as p
from assistant.fixturegen.contractor_clients import OWNERS, client_name, us_date, usd
from assistant.fixturegen.lists import columns, pool
from assistant.fixturegen.mess import MessPlan
from assistant.fixturegen.rng import EPOCH, day_between, money, record_rng

JOB_STATUSES = pool(
    "New, Scheduled, Scheduled, In Progress, On Hold, Completed, Completed, Completed, Completed, Cancelled"
)
JOB_TYPES = pool("HVAC Repair, AC Install, Water Heater, Plumbing, Electrical, Remodel, Fence, Roofing")
ITEMS = (
    ("Service Call", 89.0),
    ("Labor (per hour)", 95.0),
    ("Capacitor 45/5 MFD", 42.5),
    ("R-410A Refrigerant (lb)", 78.0),
    ("40 Gal Water Heater", 899.0),
    ('PEX Pipe 1/2" (ft)', 1.85),
    ("GFCI Outlet", 24.0),
    ("Cedar Picket 6'", 4.25),
    ("Permit Fee", 150.0),
    ("Disposal Fee", 75.0),
)
JOB_HEADER = columns(
    "Job #, Job Name, Client ID, Client Name, Job Status, Job Type, Scheduled Date, "
    "Completed Date, Job Total, Assigned To, Job Address, Permit Number, Description"
)
ESTIMATE_HEADER = columns(
    "Estimate #, Job #, Client Name, Estimate Date, Status, Subtotal, Tax, Total, Valid Until"
)
LINE_HEADER = columns("Estimate #, Line #, Item Name, Description, Quantity, Unit Price, Line Total, Taxable")


@dataclass(frozen=True)
class Job:
    number: str
    client: int
    client_name: str
    status: str
    scheduled: datetime
    completed: datetime | None
    total: float
    owner: str
    job_type: str


def job(seed: int, k: int, clients: int, plan: MessPlan) -> Job:
    rng = record_rng(seed, "cp-jobs", k)
    client = rng.randrange(clients)
    person, company = client_name(seed, client, plan)
    status = rng.choice(JOB_STATUSES)
    scheduled = day_between(rng, EPOCH, 1100)
    completed = scheduled + timedelta(days=rng.randrange(0, 6)) if status == "Completed" else None
    return Job(
        f"J-{10001 + k}",
        client,
        company or person,
        status,
        scheduled,
        completed,
        money(rng, 120, 9500),
        rng.choice(OWNERS),
        rng.choice(JOB_TYPES),
    )


def job_row(seed: int, k: int, clients: int, plan: MessPlan) -> list[str]:
    j = job(seed, k, clients, plan)
    rng = record_rng(seed, "cp-jobs-extra", k)
    street, city, state, zip_code, _ = p.us_address(rng)
    return [
        j.number,
        f"{j.job_type} - {j.client_name}",
        f"CL-{1001 + j.client}",
        j.client_name,
        j.status,
        j.job_type,
        us_date(j.scheduled, k in plan.alt_dates),
        us_date(j.completed, False) if j.completed else "",
        usd(j.total),
        j.owner,
        f"{street}, {city}, {state} {zip_code}",
        f"BP-{rng.randrange(2023, 2026)}-{rng.randrange(10**5):05d}"
        if j.job_type in ("Remodel", "AC Install")
        else "",
        plan.instructions.get(k)
        or rng.choice(("", "", "Customer will be home after 3pm", "Bring ladder, 2-story")),
    ]


def estimate_rows(seed: int, k: int, clients: int, plan: MessPlan) -> tuple[list[str], list[list[str]]]:
    """Estimate ``k`` quotes job ``k``: (header row, line rows). Totals usually equal the job total."""
    j = job(seed, k, clients, plan)
    rng = record_rng(seed, "cp-estimates", k)
    number = f"E-{20001 + k}"
    lines = []
    for n in range(rng.randint(1, 4)):
        name, price = rng.choice(ITEMS)
        qty = rng.choice((1, 1, 2, 3, 10))
        lines.append(
            [
                number,
                str(n + 1),
                name,
                "" if rng.random() < 0.5 else f"{name}, installed",
                str(qty),
                usd(price),
                usd(qty * price),
                rng.choice(("Yes", "No")),
            ]
        )
    subtotal = j.total if rng.random() < 0.85 else money(rng, 100, 9000)
    tax = round(subtotal * 0.0825, 2)
    status = {"Completed": "Approved", "Cancelled": "Declined", "New": "Draft"}.get(
        j.status, rng.choice(("Sent", "Approved"))
    )
    header = [
        number,
        j.number,
        j.client_name,
        us_date(j.scheduled - timedelta(days=rng.randint(3, 20)), False),
        status,
        usd(subtotal),
        usd(tax),
        usd(subtotal + tax),
        us_date(j.scheduled + timedelta(days=30), False),
    ]
    return header, lines
