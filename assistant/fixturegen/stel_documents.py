"""STEL Order documents: estimates, work orders and
invoices (all documents share one header and carry ``lines``), incidents and calendar events."""

from __future__ import annotations

from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from assistant.fixturegen.lists import pool
from assistant.fixturegen.mess import MessPlan
from assistant.fixturegen.rng import EPOCH, day_between, record_rng
from assistant.fixturegen.stel_accounts import AGENT_WEIGHTS, CLIENT_BASE_ID, POTENTIAL_BASE_ID
from assistant.fixturegen.stel_catalog import PRODUCTS, SERVICES, STATE_IDS, STATE_WEIGHTS

ENDPOINT_SERIES = {"salesEstimates": "PRE", "workOrders": "OT", "ordinaryInvoices": "F"}
DOCUMENTS_PER_10_CLIENTS = {"salesEstimates": 12, "workOrders": 8, "ordinaryInvoices": 9}


def document_count(endpoint: str, clients: int) -> int:
    return clients * DOCUMENTS_PER_10_CLIENTS[endpoint] // 10


TITLES = pool(
    "Reforma baño completo, Cambio de caldera, Instalación aire acondicionado, Reparación fuga, "
    "Revisión instalación eléctrica, Reforma cocina, Mantenimiento comunidad, Sustitución termo"
)


def _lines(rng: Any) -> list[dict[str, Any]]:
    lines: list[dict[str, Any]] = []
    if rng.random() < 0.15:
        lines.append(
            {"line-type": "SECTION", "item-name": rng.choice(("Materiales", "Mano de obra")), "order": 1}
        )
    for _ in range(rng.randint(1, 5)):
        kind = rng.choice(("products", "products", "services"))
        items = PRODUCTS if kind == "products" else SERVICES
        n = rng.randrange(len(items))
        base, prefix = (2001, "PRD") if kind == "products" else (3001, "SRV")
        units = float(rng.choice((1, 1, 1, 2, 3, 4, 8, 12.5)))
        discount = rng.choice((0.0, 0.0, 0.0, 10.0))
        tax = rng.choice((21.0, 21.0, 21.0, 10.0))
        total = round(units * items[n][1] * (1 - discount / 100), 2)
        lines.append(
            {
                "line-type": "ITEM",
                "item-id": base + n,
                "item-path": f"/{kind}/{base + n}",
                "item-reference": f"{prefix}-{n + 1:04d}",
                "item-name": items[n][0],
                "units": units,
                "item-base-price": items[n][1],
                "discount-percentage": discount,
                "primary-tax-percentage": tax,
                "total-amount": total,
                "order": len(lines) + 1,
            }
        )
    return lines


def _document_tax(lines: list[dict[str, Any]]) -> float:
    """The invoicing software's tax: in decimal, the half cent rounded up (binary floats rounded some
    half cents down and others up, a rounding no real invoicing program has)."""
    exact = sum(
        (Decimal(str(line.get("total-amount", 0.0))) * Decimal(str(line.get("primary-tax-percentage", 0.0)))
         for line in lines),
        Decimal(0),
    )  # fmt: skip
    return float((exact / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def document_record(seed: int, endpoint: str, index: int, clients: int, plan: MessPlan) -> dict[str, Any]:
    """Document ``index`` of ``endpoint``; work orders and invoices often point at a parent document."""
    rng = record_rng(seed, f"stel-{endpoint}", index)
    series = ENDPOINT_SERIES[endpoint]
    doc_id = {"salesEstimates": 100001, "workOrders": 200001, "ordinaryInvoices": 300001}[endpoint] + index
    lines = _lines(rng)
    subtotal = round(sum(line.get("total-amount", 0.0) for line in lines), 2)
    tax = _document_tax(lines)
    total = round(subtotal + tax, 2)
    doc_type, weights = STATE_WEIGHTS[endpoint]
    state = rng.choice(weights)
    paid = total if state in ("Cobrada", "Cerrada") else (round(total / 2, 2) if rng.random() < 0.1 else 0.0)
    date = day_between(rng, EPOCH, 1050)
    prospect = endpoint == "salesEstimates" and rng.random() < 0.1
    account_id = (
        POTENTIAL_BASE_ID + rng.randrange(max(clients // 4, 1))
        if prospect
        else CLIENT_BASE_ID + rng.randrange(clients)
    )
    record: dict[str, Any] = {
        "id": doc_id,
        "reference": str(index + 1),
        "full-reference": f"{series}{date.year if series == 'F' else ''}{index + 1:05d}",
        "title": rng.choice(TITLES),
        "date": date.strftime("%Y-%m-%dT%H:%M:%S+0000"),
        "creation-date": (date - timedelta(days=rng.randrange(3))).strftime("%Y-%m-%dT%H:%M:%S+0000"),
        "account-id": account_id,
        "account-path": f"/{'potentialClients' if prospect else 'clients'}/{account_id}",
        "agent-id": rng.choice(AGENT_WEIGHTS),
        "document-state-id": STATE_IDS[(doc_type, state)],
        "document-state-path": f"/documentStates/{STATE_IDS[(doc_type, state)]}",
        "currency-code": "EUR",
        "subtotal-amount": subtotal,
        "tax-total-amount": tax,
        "total-amount": total,
        "paid-total-amount": paid,
        "remaining-total-amount": round(total - paid, 2),
        "discount-percentage": 0.0,
        "settled": paid == total,
        "signed": rng.random() < 0.4,
        "pdf-path": f"/{endpoint}/{doc_id}/pdf" if rng.random() < 0.92 else None,
        "parent-document-id": None,
        "parent-document-path": None,
    }
    parent_endpoint = {"workOrders": "salesEstimates", "ordinaryInvoices": "workOrders"}.get(endpoint)
    if parent_endpoint and rng.random() < 0.6:
        parent_count = document_count(parent_endpoint, clients)
        parent_id = {"salesEstimates": 100001, "workOrders": 200001}[parent_endpoint] + rng.randrange(
            max(parent_count, 1)
        )
        record["parent-document-id"] = parent_id
        record["parent-document-path"] = f"/{parent_endpoint}/{parent_id}"
    if endpoint == "workOrders":
        record["description"] = plan.instructions.get(index) or rng.choice(
            ("Revisar presión del circuito.", "Acceso por garaje, pedir llave al conserje.", "", "")
        )
    if endpoint == "ordinaryInvoices":
        record["due-date"] = (date + timedelta(days=30)).strftime("%Y-%m-%dT%H:%M:%S+0000")
    record["lines"] = lines
    return record


def incident_record(seed: int, index: int, clients: int) -> dict[str, Any]:
    rng = record_rng(seed, "stel-incidents", index)
    opened = day_between(rng, EPOCH, 1050)
    state = rng.choice((1, 2, 3, 3))
    account_id = CLIENT_BASE_ID + rng.randrange(clients)
    return {
        "id": 400001 + index,
        "reference": f"INC{index + 1:05d}",
        "account-id": account_id,
        "account-path": f"/clients/{account_id}",
        "assignee-id": rng.choice((3, 4, 6, 7, None)),
        "incident-state-id": state,
        "priority": rng.choice(("LOW", "NORMAL", "NORMAL", "HIGH", "URGENT")),
        "description": rng.choice(
            (
                "No sale agua caliente",
                "Salta el diferencial",
                "Gotea el split",
                "Ruido en la caldera",
                "Humedad en el techo del baño",
            )
        ),
        "resolution": "Resuelto en visita" if state == 3 else "",
        "creation-date": opened.strftime("%Y-%m-%dT%H:%M:%S+0000"),
        "closing-date": (opened + timedelta(days=rng.randint(1, 9))).strftime("%Y-%m-%dT%H:%M:%S+0000")
        if state == 3
        else None,
    }


def event_record(seed: int, index: int, clients: int) -> dict[str, Any]:
    rng = record_rng(seed, "stel-events", index)
    start = day_between(rng, EPOCH, 1100).replace(hour=rng.randrange(8, 18), minute=rng.choice((0, 30)))
    end = start + timedelta(minutes=rng.choice((30, 60, 90, 120)))
    all_day = rng.random() < 0.1
    fmt = (
        "%Y-%m-%dT%H:%M:%S.000+01:00" if index % 7 == 3 else "%Y-%m-%dT%H:%M:%S+0000"
    )  # mobile app writes local time
    account_id = CLIENT_BASE_ID + rng.randrange(clients)
    return {
        "id": 500001 + index,
        "subject": rng.choice(("Visita técnica", "Medición", "Instalación", "Revisión")),
        "description": "",
        "location": rng.choice(("En casa del cliente", "Oficina", "")),
        "start-date": start.strftime(fmt),
        "end-date": end.strftime(fmt),
        "all-day": all_day,
        "event-state": rng.choice(("PENDING", "COMPLETED", "COMPLETED", "REFUSED")),
        "account-id": account_id,
        "account-path": f"/clients/{account_id}",
        "calendar-id": rng.choice((1, 2)),
        "agent-id": rng.choice(AGENT_WEIGHTS),
    }
