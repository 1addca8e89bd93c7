"""Perfect Books fixture: a loosely typed CRM export (CSV for records, JSON for definitions and notes)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant.fixturegen import history_mess as hm
from assistant.fixturegen import pb_activity as act
from assistant.fixturegen import pb_history as hist
from assistant.fixturegen import pb_people as pp
from assistant.fixturegen import pb_static as st
from assistant.fixturegen.destination import DestinationBuilder
from assistant.fixturegen.mess import manifest_mess, plan_mess
from assistant.fixturegen.sinks import CsvSink, JsonArraySink, write_json

DEFAULT_ROWS = 300


def generate(seed: int, rows: int, out: Path) -> dict[str, Any]:
    plan = plan_mess(seed, "perfect_books", rows)
    src = out / "source"
    companies, deals = max(rows // 3, 1), max(rows * 2 // 3, 1)
    blank, ragged = [], []
    with CsvSink(src / "contacts.csv", pp.CONTACT_HEADER) as contacts:
        for i in range(rows):
            contacts.row(pp.contact_row(seed, i, plan, companies))
            if i in plan.blank_after:
                blank.append(contacts.raw("," * (len(pp.CONTACT_HEADER) - 1) + "\n"))
            if i in plan.ragged_after:  # an export cut off mid-row
                ragged.append(contacts.raw(f"{90000 + i},Sam,Taylor,sam.taylor@example.ca\n"))
    with CsvSink(src / "companies.csv", pp.COMPANY_HEADER) as company_sink:
        for i in range(companies):
            company_sink.row(pp.company_row(seed, i, plan, companies))
    sinks: list[CsvSink] = [contacts, company_sink]
    tables: list[tuple[str, list[str], int, Callable[[int], list[str]]]] = [
        ("deals.csv", act.DEAL_HEADER, deals, lambda k: act.deal_row(seed, k, rows, companies, plan)),
        ("tasks.csv", act.TASK_HEADER, rows, lambda k: act.task_row(seed, k, rows, deals)),
        ("appointments.csv", act.APPOINTMENT_HEADER, rows // 3, lambda k: act.appointment_row(seed, k, rows)),
        ("attachments.csv", act.ATTACHMENT_HEADER, rows // 4, lambda k: act.attachment_row(seed, k, rows)),
        ("users.csv", ["id", "name", "email", "role", "active"], len(pp.USERS), lambda k: list(pp.USERS[k])),
        ("tags.csv", ["id", "name", "color"], len(st.tag_rows()), lambda k: st.tag_rows()[k]),
    ]
    for name, header, count, make in tables:
        with CsvSink(src / name, header) as sink:
            for k in range(count):
                sink.row(make(k))
        sinks.append(sink)
    tally = hm.Tally()
    with CsvSink(src / "activities.csv", hist.HEADER) as log:
        for k in range(rows):
            values = hist.activity_row(seed, k, rows, deals)
            log.row(values)
            tally.add(values[hist.HEADER.index("body")], hm.unresolved(k))
    sinks.append(log)
    with JsonArraySink(src / "notes.json") as notes:
        for k in range(rows * 2 // 3):
            notes.add(act.note_record(seed, k, rows, plan))
    write_json(src / "pipelines.json", st.pipelines_export())
    write_json(src / "custom_fields.json", list(st.CUSTOM_FIELDS))
    write_json(src / "workflows.json", list(st.WORKFLOWS))
    write_json(out / "destination.json", destination(seed))
    counts = {s.path.name: s.records for s in sinks}
    counts["contacts.csv"] -= len(blank) + len(ragged)
    counts |= {
        "notes.json": notes.records,
        "pipelines.json": len(st.PIPELINES),
        "custom_fields.json": len(st.CUSTOM_FIELDS),
        "workflows.json": len(st.WORKFLOWS),
    }
    return {
        "platform": "perfect_books",
        "seed": seed,
        "rows": rows,
        "record_counts": counts,
        "bad_lines": {"contacts.csv": {"blank_lines": blank, "ragged_lines": ragged}},
        "mess": {
            **manifest_mess(
                plan, [pp.company_name(seed, i, plan) for i in sorted(plan.quoted) if i < companies]
            ),
            "duplicate_pairs": [
                {"id": str(10000 + j), "repeats_id": str(10000 + i)}
                for j, i in sorted(plan.duplicates.items())
            ],
            "tag_clusters": {c.canonical: list(c.variants) for c in pp.TAG_CLUSTERS},
            "sparse_column": "contacts.cf_contact_linkedin",
            "second_date_format": "contacts.created_at, companies.created_at, deals.close_date: ISO beside "
            "DD/MM/YYYY, MM/DD/YYYY, DD-Mon-YYYY, epoch milliseconds",
            "instruction_like_columns": ["contacts.description", "notes.json body_html"],
            "attachments_over_25mb": act.large_attachments(rows // 4),
            "recurring_appointments": len(range(3, rows // 3, 10)),
            "dangling_parent_company": "co_" + f"{companies + 500:05d}" if companies > 11 else None,
            "tasks_on_deleted_contacts": len(range(9, rows, 61)),
            "pipeline_without_destination": "Partnerships",
            "history": tally.manifest("activities.csv", hist.TIMESTAMPS),
        },
        "owners": {
            "match_by_email": [u[2] for u in pp.USERS[:4]],
            "match_by_name_only": [pp.USERS[4][2]],
            "no_match": [pp.USERS[5][2]],
        },
    }


def destination(seed: int) -> dict[str, Any]:
    """A Canadian sub-account: pipelines named close to (not the same as) the source's."""
    b = DestinationBuilder(
        seed, "perfect_books", name="Northgate Advisory", country="CA", timezone="America/Toronto"
    )
    b.business_contact("office@northgateadvisory.ca", "+16135550100")
    b.pipeline(
        "Sales Pipeline",
        ["Qualification", "Discovery", "Proposal", "Negotiation", "Closed Won", "Closed Lost"],
    )
    b.pipeline("Renewals", ["Upcoming Renewal", "In Discussion", "Renewed", "Churned"])
    for _, name, email, role, _ in pp.USERS[:4]:
        first, last = name.split(" ", 1)
        b.user(first, last, email.lower(), "admin" if role == "admin" else "user")
    b.user("Rebecca", "Lam", f"rebecca.lam@{pp.DOMAIN}")
    b.user("Nadia", "Haddad", f"nadia.haddad@{pp.DOMAIN}")
    b.field("Preferred Language", "SINGLE_OPTIONS", options=("English", "French"))  # reuse for the cf_ column
    b.field("Birthday", "DATE")
    b.field("Client Number", "TEXT")
    b.field(
        "Deal Source",
        "SINGLE_OPTIONS",
        model="opportunity",
        options=("Referral", "Website", "Cold call", "Other"),
    )
    b.field("Annual Revenue", "MONETORY", model="company")
    b.tags("vip", "newsletter", "referral", "partner")
    b.calendar("Client Meetings")
    return b.build()
