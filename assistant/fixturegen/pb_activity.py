"""Perfect Books activity: deals, tasks, notes (HTML), appointments (with recurring series), attachments."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from assistant.fixturegen.lists import columns
from assistant.fixturegen.mess import MessPlan
from assistant.fixturegen.pb_people import USERS, mixed_date
from assistant.fixturegen.pb_static import PIPELINES
from assistant.fixturegen.rng import EPOCH, day_between, money, record_rng

DEAL_HEADER = columns(
    "id, name, contact_id, company_id, pipeline, stage, amount, currency, probability, "
    "close_date, status, owner_email, created_at, custom_fields"
)
TASK_HEADER = columns(
    "id, subject, due_date, status, priority, owner_id, related_type, related_id, completed_at"
)
APPOINTMENT_HEADER = columns(
    "id, title, start, end, timezone, all_day, location, owner_id, contact_id, company_id, "
    "recurrence, series_id"
)
ATTACHMENT_HEADER = columns(
    "id, file_name, mime_type, size_bytes, related_type, related_id, uploaded_by, uploaded_at, storage_path"
)
LARGE_FILE_EVERY = 40  # one attachment in forty is over HighLevel's 25 MB upload limit
LARGE_FILE_OFFSET = 13


def deal_row(seed: int, k: int, contacts: int, companies: int, plan: MessPlan) -> list[str]:
    rng = record_rng(seed, "pb-deals", k)
    pipeline = rng.choice((PIPELINES[0], PIPELINES[0], PIPELINES[0], PIPELINES[1], PIPELINES[2]))
    stage = rng.choice(pipeline["stages"])
    status = {"Won": "won", "Renewed": "won", "Lost": "lost", "Cancelled": "lost"}.get(stage["name"], "open")
    amount = money(rng, 500, 60000)
    custom = {
        "deal_source": rng.choice(("Referral", "Website", "Cold call", "referral ", "")),
        "contract_length_months": rng.choice(("12", "24", 6, "12 months", None)),
        "renewal": rng.choice(("yes", "no", True, "Y")),
    }
    return [
        f"deal-{k + 1:05d}",
        f"{rng.choice(('Bookkeeping', 'Payroll setup', 'Year-end', 'Advisory'))} "
        f"- {rng.randrange(2023, 2026)}",
        str(10000 + rng.randrange(contacts)),
        f"co_{rng.randrange(companies) + 1:05d}" if rng.random() < 0.7 else "",
        pipeline["name"],
        stage["name"],
        rng.choice((f"{amount:.2f}", f"${amount:,.2f}", f"{amount / 1000:.1f}k", str(int(amount)))),
        rng.choice(("CAD", "CAD", "cad", "")),
        rng.choice((f"{stage['probability']}%", str(stage["probability"] / 100))),
        mixed_date(rng, day_between(rng, EPOCH, 1200), k in plan.alt_dates)[:10],
        status,
        rng.choice([u[2] for u in USERS]),
        mixed_date(rng, day_between(rng, EPOCH, 900), False),
        json.dumps(custom, ensure_ascii=False),
    ]


def task_row(seed: int, k: int, contacts: int, deals: int) -> list[str]:
    rng = record_rng(seed, "pb-tasks", k)
    due = day_between(rng, EPOCH, 1200)
    done = rng.random() < 0.6
    related = rng.choice(("contact", "contact", "deal", "company"))
    related_id = {
        "contact": str(10000 + rng.randrange(contacts)),
        "deal": f"deal-{rng.randrange(deals) + 1:05d}",
        "company": f"co_{rng.randrange(max(contacts // 3, 1)) + 1:05d}",
    }[related]
    if k % 61 == 9:  # its contact was deleted: the task must be flagged, not lost
        related, related_id = "contact", str(10000 + contacts + 77)
    return [
        f"t{k + 1}",
        rng.choice(
            (
                "Follow up call",
                "Send engagement letter",
                "Collect T4 slips",
                "Review Q3 books",
                "Book year-end meeting",
            )
        ),
        mixed_date(rng, due, k % 9 == 4)[:10],
        rng.choice(("completed", "Done", "done")) if done else rng.choice(("pending", "open", "")),
        rng.choice(("high", "normal", "low", "3", "")),
        rng.choice([u[0] for u in USERS]),
        related,
        related_id,
        mixed_date(rng, due + timedelta(days=1), False) if done else "",
    ]


def note_record(seed: int, k: int, contacts: int, plan: MessPlan) -> dict[str, Any]:
    rng = record_rng(seed, "pb-notes", k)
    who = rng.choice(("Jane", "the owner", "their accountant"))
    body = rng.choice(
        (
            f"<p>Called <b>{who}</b>, left voicemail.</p>",
            "<div>Meeting recap:<ul><li>Payroll for 6 staff</li><li>Wants monthly reports</li></ul></div>",
            '<p>Quote sent &mdash; said "looks good, but let me check with my partner".</p>',
            f'<p>Screenshot: <img src="https://files.perfectbooks.app/inline/{k:05d}.png" width="400"></p>',
            "<p>Plain note, no formatting</p>",
        )
    )
    if k in plan.instructions:
        body = f"<p>{plan.instructions[k]}</p>"
    related = rng.choice(("contact", "contact", "deal", "company"))
    return {
        "id": f"note_{k + 1}",
        "related_type": related,
        "related_id": str(10000 + rng.randrange(contacts))
        if related == "contact"
        else (
            f"deal-{rng.randrange(max(contacts * 2 // 3, 1)) + 1:05d}"
            if related == "deal"
            else f"co_{rng.randrange(max(contacts // 3, 1)) + 1:05d}"
        ),
        "author": rng.choice([u[2] for u in USERS]),
        "created_at": mixed_date(rng, day_between(rng, EPOCH, 1100), False),
        "body_html": body,
        "pinned": rng.choice((True, False, "0")),
    }


def appointment_row(seed: int, k: int, contacts: int) -> list[str]:
    rng = record_rng(seed, "pb-appointments", k)
    start = day_between(rng, EPOCH, 1100).replace(hour=rng.randrange(8, 17), minute=rng.choice((0, 15, 30)))
    recurring = k % 10 == 3
    rule = (
        rng.choice(
            (
                "RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=8",
                "FREQ=MONTHLY;BYMONTHDAY=15;UNTIL=20251231T000000Z",
                "RRULE:FREQ=DAILY;INTERVAL=2;COUNT=5",
            )
        )
        if recurring
        else ""
    )
    return [
        f"appt-{k + 1}",
        rng.choice(("Monthly review", "Intro call", "Year-end planning", "Payroll check-in")),
        start.strftime("%Y-%m-%dT%H:%M:%S"),
        (start + timedelta(minutes=rng.choice((30, 45, 60)))).strftime("%Y-%m-%dT%H:%M:%S"),
        rng.choice(("America/Toronto", "EST", "")),
        rng.choice(("false", "0", "no")),
        rng.choice(("Office", "Zoom", "Client site, 2nd floor", "")),
        rng.choice([u[0] for u in USERS]),
        str(10000 + rng.randrange(contacts)),
        "",
        rule,
        f"series-{k + 1}" if recurring else "",
    ]


def attachment_row(seed: int, k: int, contacts: int) -> list[str]:
    rng = record_rng(seed, "pb-attachments", k)
    ext, mime = rng.choice(
        (
            ("pdf", "application/pdf"),
            ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            ("jpg", "image/jpeg"),
            ("docx", "application/msword"),
        )
    )
    size = (
        rng.randint(26_500_000, 80_000_000)
        if k % LARGE_FILE_EVERY == LARGE_FILE_OFFSET
        else rng.randint(8_000, 9_000_000)
    )
    stem = rng.choice(("engagement_letter", "T4_summary", "bank_statement", "receipt", "scan"))
    name = f"{stem}_{k + 1}.{ext}"
    return [
        f"att_{k + 1}",
        name,
        mime,
        str(size) if k % 5 else f"{size / 1_048_576:.1f} MB",
        "contact",
        str(10000 + rng.randrange(contacts)),
        rng.choice([u[2] for u in USERS]),
        mixed_date(rng, day_between(rng, EPOCH, 1100), False),
        f"attachments/{k + 1:06d}/{name}",
    ]


def large_attachments(count: int) -> int:
    return len(range(LARGE_FILE_OFFSET, count, LARGE_FILE_EVERY))
