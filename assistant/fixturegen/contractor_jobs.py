"""Contractor+ work: jobs and the estimates (with line items) that quote them.

An estimate's Subtotal is the sum of its lines, its Tax 8.25 % of the lines marked Taxable (a flag,
not a rate: the export has no rate column) and its Total the two added; a job's Job Total is its own
figure (a job may be re-quoted). A few estimate totals are typed over by hand (``hand_edited``).

Every document derives from job ``k`` (rebuilt on demand from its seed), so each CSV streams.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

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
TAX_RATE = Decimal("8.25")  # Texas sales tax, on the lines marked Taxable
CENT = Decimal("0.01")
HAND_EDITED_SHARE = 0.02
KEPT_STREAM = 0.85
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
    """Estimate ``k`` quotes job ``k``: (header row, line rows). The header's Subtotal is the sum of its
    Line Totals, its Tax is TAX_RATE of the taxable lines (a half cent up) and its Total their sum; only
    a few totals are typed over by hand (``hand_edited``), the realistic mess a totals check reports."""
    j = job(seed, k, clients, plan)
    rng = record_rng(seed, "cp-estimates", k)
    number = f"E-{20001 + k}"
    lines = []
    subtotal = taxable = Decimal(0)
    for n in range(rng.randint(1, 4)):
        name, price = rng.choice(ITEMS)
        qty = rng.choice((1, 1, 2, 3, 10))
        line_total = Decimal(str(price)) * qty
        description = "" if rng.random() < 0.5 else f"{name}, installed"
        flag = rng.choice(("Yes", "No"))
        subtotal += line_total
        taxable += line_total if flag == "Yes" else Decimal(0)
        row = [number, str(n + 1), name, description, str(qty), usd(price), usd(float(line_total)), flag]
        lines.append(row)
    tax = (taxable * TAX_RATE / 100).quantize(CENT, rounding=ROUND_HALF_UP)
    total = subtotal + tax
    draw = rng.random()
    if draw >= KEPT_STREAM:
        rng.random()  # earlier fixtures drew a free subtotal here: later columns keep their values
    if hand_edited(draw):
        total = total.quantize(Decimal(1), rounding=ROUND_DOWN)  # a courtesy discount typed over the total
    status = {"Completed": "Approved", "Cancelled": "Declined", "New": "Draft"}.get(
        j.status, rng.choice(("Sent", "Approved"))
    )
    header = [
        number,
        j.number,
        j.client_name,
        us_date(j.scheduled - timedelta(days=rng.randint(3, 20)), False),
        status,
        usd(float(subtotal)),
        usd(float(tax)),
        usd(float(total)),
        us_date(j.scheduled + timedelta(days=30), False),
    ]
    return header, lines


def hand_edited(draw: float) -> bool:
    """About one estimate in fifty has its Total typed over by hand (rounded down to the dollar), so
    its stated total no longer agrees with its lines; every other estimate adds up."""
    return draw >= 1 - HAND_EDITED_SHARE
