"""Contractor+ fixture: one CSV per module export (US formats) and a destination with custom objects."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.fixturegen import contractor_billing as cb
from assistant.fixturegen import contractor_clients as cc
from assistant.fixturegen import contractor_history as ch
from assistant.fixturegen import contractor_jobs as cj
from assistant.fixturegen import history_mess as hm
from assistant.fixturegen.destination import DestinationBuilder
from assistant.fixturegen.mess import manifest_mess, plan_mess
from assistant.fixturegen.sinks import CsvSink, write_json

DEFAULT_ROWS = 250
LISTED_UNLINKED = 200  # the manifest lists this many unlinked invoices; scaled runs only count the rest


def generate(seed: int, rows: int, out: Path) -> dict[str, Any]:
    plan = plan_mess(seed, "contractor_plus", rows)
    src = out / "source"
    jobs = rows * 6 // 5
    bad_lines: dict[str, dict[str, list[int]]] = {}
    with CsvSink(src / "clients.csv", cc.CLIENT_HEADER, bom=True, line_end="\r\n") as clients:
        blank, ragged = [], []
        for i in range(rows):
            clients.row(cc.client_row(seed, i, plan))
            if i in plan.blank_after:
                blank.append(clients.raw("," * (len(cc.CLIENT_HEADER) - 1) + "\r\n"))
            if i in plan.ragged_after:  # a company name with an unquoted comma shifts every column after it
                ragged.append(
                    clients.raw(
                        f"CL-9{i:04d},Pat Lee,Lee, Sons & Co,pat@leesons.com,(512) 555-0100,,Austin,TX\r\n"
                    )
                )
        bad_lines["clients.csv"] = {"blank_lines": blank, "ragged_lines": ragged}
    with CsvSink(src / "leads.csv", cc.LEAD_HEADER) as leads:
        for i in range(rows * 2 // 5):
            leads.row(cc.lead_row(seed, i, plan))
    with CsvSink(src / "jobs.csv", cj.JOB_HEADER) as job_sink:
        blank = []
        for k in range(jobs):
            job_sink.row(cj.job_row(seed, k, rows, plan))
            if k in plan.blank_after:
                blank.append(job_sink.raw("\n"))  # a truly empty line, as Excel leaves after deleting a row
        bad_lines["jobs.csv"] = {"blank_lines": blank, "ragged_lines": []}
    with (
        CsvSink(src / "estimates.csv", cj.ESTIMATE_HEADER) as est,
        CsvSink(src / "estimate_line_items.csv", cj.LINE_HEADER) as line_sink,
    ):
        for k in range(rows):
            header, lines = cj.estimate_rows(seed, k, rows, plan)
            est.row(header)
            for line in lines:
                line_sink.row(line)
    unlinked: list[dict[str, str]] = []
    unlinked_count = 0
    with CsvSink(src / "invoices.csv", cb.INVOICE_HEADER) as inv:
        for k in range(jobs):
            made = cb.invoice_row(seed, k, rows, plan)
            if made is None:
                continue
            inv.row(made[0])
            if made[1]:
                unlinked_count += 1
                if len(unlinked) < LISTED_UNLINKED:
                    unlinked.append({"invoice": made[0][0], "job": f"J-{10001 + k}"})
    with CsvSink(src / "work_orders.csv", cb.WORK_ORDER_HEADER) as wo:
        for k in range(jobs):
            row = cb.work_order_row(seed, k, rows, plan)
            if row is not None:
                wo.row(row)
    with CsvSink(src / "users.csv", ["Name", "Email", "Role", "Phone", "Status"]) as users:
        for n, (name, email, role, status) in enumerate(cc.USERS):
            users.row([name, email, role, f"(512) 555-01{n:02d}", status])
    with CsvSink(src / "attachments.csv", cb.ATTACHMENT_HEADER) as att:
        for k in range(rows // 2):
            att.row(cb.attachment_row(seed, k, jobs, rows, estimates=rows))
    tally = hm.Tally()
    with CsvSink(src / "communications.csv", ch.HEADER) as log:
        for k in range(rows):
            values = ch.communication_row(seed, k, rows)
            log.row(values)
            tally.add(values[ch.HEADER.index("Message")], hm.unresolved(k))
    sinks = (clients, leads, job_sink, est, line_sink, inv, wo, users, att, log)
    counts = {s.path.name: s.records for s in sinks}
    for name, bad in bad_lines.items():  # rows a reader must reject are not records
        counts[name] -= len(bad["blank_lines"]) + len(bad["ragged_lines"])
    write_json(out / "destination.json", destination(seed))
    return {
        "platform": "contractor_plus",
        "seed": seed,
        "rows": rows,
        "record_counts": counts,
        "bad_lines": bad_lines,
        "mess": {
            **manifest_mess(plan, list(cc.QUOTED_COMPANIES[: len(plan.quoted)])),
            "duplicate_pairs": [
                {"id": f"CL-{1001 + j}", "repeats_id": f"CL-{1001 + i}"}
                for j, i in sorted(plan.duplicates.items())
            ],
            "tag_clusters": {c.canonical: list(c.variants) for c in cc.TAG_CLUSTERS},
            "sparse_column": "clients.Fax",
            "second_date_format": "clients.Created Date, leads.Created Date, jobs.Scheduled Date: "
            "YYYY-MM-DD or 'Mon D, YYYY' beside MM/DD/YYYY",
            "instruction_like_columns": ["clients.Notes", "jobs.Description"],
            "unlinked_invoices": unlinked_count,
            "unlinked_invoice_jobs": unlinked,
            "multi_value_cells": ["clients.Email (; separated)", "clients.Phone Numbers (, separated)"],
            "utf8_bom": ["clients.csv"],
            "history": tally.manifest("communications.csv", ch.TIMESTAMPS),
        },
        "owners": {
            "match_by_email": [u[1] for u in cc.USERS[:4]],
            "match_by_name_only": [cc.USERS[4][1]],
            "no_match": [cc.USERS[5][1]],
            "blank_owner_allowed": True,
        },
    }


def destination(seed: int) -> dict[str, Any]:
    """A US sub-account with a jobs pipeline, Invoice and Work Order custom objects already created."""
    b = DestinationBuilder(
        seed, "contractor_plus", name="Lone Star Home Services", country="US", timezone="America/Chicago"
    )
    b.business_contact("office@lonestarhomeservices.com", "+15125550100")
    b.pipeline("Jobs", ["New Job", "Scheduled", "In Progress", "Completed"])
    b.pipeline("Sales", ["New Lead", "Contacted", "Estimate Sent", "Won", "Lost"])
    for name, email, role, _ in cc.USERS[:4]:
        first, last = name.split(" ", 1)
        b.user(first, last, email.lower(), "admin" if role == "Admin" else "user")
    b.user("Brandon", "Cole", f"brandon.cole@{cc.DOMAIN}")  # same person as the source's yahoo address
    b.user("Ashley", "Reed", f"ashley.reed@{cc.DOMAIN}")
    b.field("Gate Code", "TEXT")  # the source's "Gate Code" column belongs here
    b.field("Source System ID", "TEXT")
    b.field(
        "Lead Source", "SINGLE_OPTIONS", options=("Website", "Google Ads", "Facebook", "Referral", "Other")
    )
    b.field("Estimate Number", "TEXT", model="opportunity")
    b.field("Job Type", "SINGLE_OPTIONS", model="opportunity", options=cj.JOB_TYPES)
    invoice = b.custom_object("Invoice", "Invoices")
    for name, kind in (
        ("Invoice Number", "TEXT"),
        ("Invoice Date", "DATE"),
        ("Due Date", "DATE"),
        ("Total Amount", "MONETORY"),
        ("Status", "SINGLE_OPTIONS"),
        ("Paid Date", "DATE"),
    ):
        b.field(
            name,
            kind,
            model="custom_object",
            object_key=invoice,
            options=("Paid", "Unpaid", "Overdue") if kind == "SINGLE_OPTIONS" else (),
        )
    work_order = b.custom_object("Work Order", "Work Orders")
    for name, kind in (
        ("Work Order Number", "TEXT"),
        ("Technician", "TEXT"),
        ("Scheduled Date", "DATE"),
        ("Work Type", "TEXT"),
        ("Status", "TEXT"),
    ):
        b.field(name, kind, model="custom_object", object_key=work_order)
    b.tags("vip", "repeat customer", "maintenance plan", "commercial")
    b.calendar("Service Calls")
    return b.build()
