"""Contractor+ billing and field records: invoices (some with their job link lost), work orders,
attachments — each derived from job ``k`` so the CSVs stream."""

from __future__ import annotations

from datetime import timedelta

from assistant.fixturegen.contractor_clients import USERS, us_date, usd
from assistant.fixturegen.contractor_jobs import job
from assistant.fixturegen.lists import columns
from assistant.fixturegen.mess import MessPlan
from assistant.fixturegen.rng import EPOCH, day_between, record_rng

INVOICE_HEADER = columns(
    "Invoice #, Job #, Client Name, Invoice Date, Due Date, Amount, Amount Paid, Balance Due, "
    "Status, Paid Date"
)
WORK_ORDER_HEADER = columns(
    "Work Order #, Job #, Client Name, Assigned Technician, Scheduled Date, Scheduled Time, "
    "Work Type, Status, Instructions"
)
ATTACHMENT_HEADER = columns(
    "File Name, Attached To, Record #, File Type, File Size, Uploaded By, Uploaded Date, Download URL"
)


def invoice_row(seed: int, k: int, clients: int, plan: MessPlan) -> tuple[list[str], bool] | None:
    """The invoice for job ``k`` if it was billed; the flag says its job link was lost in the export."""
    j = job(seed, k, clients, plan)
    if j.completed is None:
        return None
    rng = record_rng(seed, "cp-invoices", k)
    status = rng.choice(("Paid", "Paid", "Paid", "Unpaid", "Overdue"))
    paid = j.total if status == "Paid" else 0.0
    unlinked = rng.random() < 0.08  # rebuildable: same amount as the job, dated its completion day
    return [
        f"INV-{30001 + k}",
        "" if unlinked else j.number,
        j.client_name,
        us_date(j.completed, False),
        us_date(j.completed + timedelta(days=30), False),
        usd(j.total),
        usd(paid),
        usd(j.total - paid),
        status,
        us_date(j.completed + timedelta(days=rng.randint(0, 25)), False) if paid else "",
    ], unlinked


def work_order_row(seed: int, k: int, clients: int, plan: MessPlan) -> list[str] | None:
    j = job(seed, k, clients, plan)
    rng = record_rng(seed, "cp-work-orders", k)
    if j.status in ("New", "Cancelled") or rng.random() < 0.3:
        return None
    status = {"Completed": "Complete", "In Progress": "In Progress", "On Hold": "On Hold"}.get(
        j.status, "Dispatched"
    )
    technician = rng.choice([u[0] for u in USERS if u[2] == "Technician"])
    return [
        f"WO-{40001 + k}",
        j.number,
        j.client_name,
        technician,
        us_date(j.scheduled, False),
        rng.choice(("8:00 AM", "10:30 AM", "1:00 PM", "3:30 PM")),
        j.job_type,
        status,
        rng.choice(("", "Shut off water at street", "Check attic unit first", "Park on street, HOA rules")),
    ]


def attachment_row(seed: int, k: int, jobs: int, clients: int, estimates: int) -> list[str]:
    """A file on a job, estimate or client the export holds (estimates are fewer than jobs: a job may
    have none, so an estimate's file names one of the estimates written, never a number past them)."""
    rng = record_rng(seed, "cp-attachments", k)
    kind = rng.choice(("Job", "Job", "Job", "Estimate", "Client"))
    record = {
        "Job": f"J-{10001 + rng.randrange(jobs)}",
        "Estimate": f"E-{20001 + rng.randrange(estimates)}",
        "Client": f"CL-{1001 + rng.randrange(clients)}",
    }[kind]
    ext, mime = rng.choice(
        (("jpg", "image/jpeg"), ("jpg", "image/jpeg"), ("pdf", "application/pdf"), ("png", "image/png"))
    )
    size = rng.randint(40_000, 6_000_000) if k % 97 != 5 else rng.randint(26_000_000, 60_000_000)
    label = f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{size // 1000} KB"
    name = f"{rng.choice(('before', 'after', 'IMG', 'signed_estimate', 'permit'))}_{k + 1:05d}.{ext}"
    return [
        name,
        kind,
        record,
        mime,
        label,
        rng.choice([u[0] for u in USERS]),
        us_date(day_between(rng, EPOCH, 1100), False),
        f"https://files.contractorplus.app/att/{k + 1:06d}/{name}",
    ]
