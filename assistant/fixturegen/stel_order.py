"""STEL Order fixture: a JSON API dump (one file per endpoint), a Spanish UI export, a destination."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant.fixturegen import history_mess as hm
from assistant.fixturegen import stel_accounts as acc
from assistant.fixturegen import stel_catalog as catalog
from assistant.fixturegen import stel_documents as docs
from assistant.fixturegen import stel_history as hist
from assistant.fixturegen.destination import DestinationBuilder
from assistant.fixturegen.mess import MessPlan, manifest_mess, plan_mess
from assistant.fixturegen.sinks import JsonArraySink, write_json
from assistant.fixturegen.stel_ui_export import write_ui_export

DEFAULT_ROWS = 300


def generate(seed: int, rows: int, out: Path) -> dict[str, Any]:
    """Write ``out/source``, ``out/ui_export`` and ``out/destination.json``; return the manifest."""
    plan = plan_mess(seed, "stel_order", rows)
    source = out / "source"
    clean = MessPlan(rows)  # prospects carry no planted mess of their own
    counts = {
        "clients.json": _stream(source / "clients.json", rows, lambda i: acc.client_record(seed, i, plan)),
        "potentialClients.json": _stream(
            source / "potentialClients.json",
            rows // 4,
            lambda i: acc.client_record(seed, i, clean, potential=True),
        ),
        "contacts.json": _stream(
            source / "contacts.json", rows // 2, lambda i: acc.contact_record(seed, i, rows)
        ),
        "addresses.json": _stream(
            source / "addresses.json", rows // 3, lambda i: acc.address_record(seed, i, rows)
        ),
        "salesEstimates.json": _documents(seed, source, "salesEstimates", rows, plan),
        "workOrders.json": _documents(seed, source, "workOrders", rows, plan),
        "ordinaryInvoices.json": _documents(seed, source, "ordinaryInvoices", rows, plan),
        "incidents.json": _stream(
            source / "incidents.json", rows // 5, lambda i: docs.incident_record(seed, i, rows)
        ),
        "events.json": _stream(source / "events.json", rows // 2, lambda i: docs.event_record(seed, i, rows)),
    }
    tally = hm.Tally()
    with JsonArraySink(source / "history.json") as log:
        for k in range(rows):
            record = hist.history_record(seed, k, rows, rows // 2, rows // 5)
            log.add(record)
            tally.add(record["description"], hm.unresolved(k))
    counts["history.json"] = log.records
    small = {
        "employees.json": acc.employee_records(),
        "documentStates.json": catalog.state_records(),
        "products.json": catalog.product_records("products"),
        "services.json": catalog.product_records("services"),
        "incidentStates.json": [
            {"id": n, "name": name, "path": f"/incidentStates/{n}"}
            for n, name in ((1, "Abierta"), (2, "En proceso"), (3, "Resuelta"))
        ],
        "calendars.json": [
            {"id": 1, "name": "Agenda técnicos", "path": "/calendars/1"},
            {"id": 2, "name": "Oficina", "path": "/calendars/2"},
        ],
    }
    for name, records in small.items():
        write_json(source / name, records)
        counts[name] = len(records)
    ui = write_ui_export(seed, rows, plan, out / "ui_export" / "clientes.csv")
    write_json(out / "destination.json", destination(seed))
    return {
        "platform": "stel_order",
        "seed": seed,
        "rows": rows,
        "record_counts": counts,
        "ui_export": ui,
        "mess": {
            **manifest_mess(plan, list(acc.QUOTED_NAMES[: len(plan.quoted)])),
            "duplicate_pairs": [
                {"id": acc.CLIENT_BASE_ID + j, "repeats_id": acc.CLIENT_BASE_ID + i}
                for j, i in sorted(plan.duplicates.items())
            ],
            "tag_clusters": {c.canonical: list(c.variants) for c in acc.TAG_CLUSTERS},
            "sparse_column": "clients.fax",
            "second_date_format": "clients.creation-date as YYYY-MM-DD; events dates with .000+01:00",
            "instruction_like_columns": ["clients.comments", "workOrders.description"],
            "history": tally.manifest("history.json", hist.TIMESTAMPS),
        },
        "owners": _owner_inventory(),
    }


def _stream(path: Path, count: int, make: Callable[[int], dict[str, Any]]) -> int:
    with JsonArraySink(path) as sink:
        for i in range(count):
            sink.add(make(i))
    return sink.records


def _documents(seed: int, source: Path, endpoint: str, rows: int, plan: MessPlan) -> int:
    count = docs.document_count(endpoint, rows)
    return _stream(
        source / f"{endpoint}.json", count, lambda i: docs.document_record(seed, endpoint, i, rows, plan)
    )


def _owner_inventory() -> dict[str, list[str]]:
    return {
        "match_by_email": [e[3] for e in acc.EMPLOYEES[:5]],
        "match_by_name_only": [acc.EMPLOYEES[5][3]],
        "no_match": [acc.EMPLOYEES[6][3]],
    }


def destination(seed: int) -> dict[str, Any]:
    """A Spanish sub-account prepared by the client's admin before the migration."""
    b = DestinationBuilder(
        seed, "stel_order", name="Reformas Levante", country="ES", timezone="Europe/Madrid"
    )
    b.business_contact("oficina@reformaslevante.es", "+34963000100")
    b.pipeline("Presupuestos", ["Nuevo", "Presupuesto enviado", "En negociación", "Aceptado", "Perdido"])
    b.pipeline("Mantenimiento anual", ["Pendiente de renovar", "Renovado", "Baja"])
    for _, given, surnames, email, _, position in acc.EMPLOYEES[:5]:
        b.user(given, surnames, email.lower(), "admin" if position == "Gerente" else "user")
    b.user("Javier", "Ruiz Soto", "javier.ruiz@reformaslevante.es")  # same person, work address
    b.user("Marta", "Climent Vidal", "marta.climent@reformaslevante.es")  # new hire: no source records
    b.field("NIF / CIF", "TEXT")  # the client's tax id belongs here, not in a new field
    b.field("Número de factura", "TEXT")
    b.field("Importe factura", "MONETORY")
    b.field("Estado factura", "SINGLE_OPTIONS", options=("Pagada", "Pendiente", "Vencida"))
    b.field("Fecha vencimiento factura", "DATE")
    b.field(
        "Cómo nos conoció", "SINGLE_OPTIONS", options=("Google", "Recomendación", "Redes sociales", "Otro")
    )
    b.field("Número de presupuesto", "TEXT", model="opportunity")
    b.field("Técnico asignado", "TEXT", model="opportunity")
    b.tags("vip", "comunidad de vecinos", "mantenimiento anual", "newsletter")
    b.calendar("Visitas técnicas")
    return b.build()
