"""STEL Order's catalogue and per-account settings: products, services, document states."""

from __future__ import annotations

from typing import Any

from assistant.fixturegen.lists import pool

PRODUCTS = (
    ("Grifo monomando cocina", 48.90),
    ("Termo eléctrico 80 L", 189.00),
    ("Split inverter 3.000 frigorías", 629.00),
    ("Radiador aluminio 8 elementos", 96.50),
    ("Plato de ducha 120x80", 214.00),
    ("Mampara frontal 2 hojas", 289.00),
    ("Cable 2,5 mm² (rollo 100 m)", 52.30),
    ("Diferencial 40A 30mA", 38.75),
    ("Caldera de condensación 24 kW", 1290.00),
    ("Inodoro compacto", 165.00),
    ("Tubo multicapa 16 mm (m)", 2.10),
    ("Silicona sanitaria", 6.40),
    ("Azulejo 30x60 (m²)", 18.90),
    ("Mortero cola (saco 25 kg)", 9.80),
    ("Foco LED empotrable", 12.60),
)
SERVICES = (
    ("Mano de obra oficial (hora)", 32.00),
    ("Mano de obra ayudante (hora)", 24.00),
    ("Desplazamiento", 25.00),
    ("Revisión anual caldera", 89.00),
    ("Desatasco", 75.00),
    ("Boletín eléctrico", 150.00),
    ("Retirada de escombros", 60.00),
    ("Urgencia fuera de horario", 90.00),
)
# (type, names in the account's own words) — states are per account; there is no global enum.
DOCUMENT_STATES = (
    ("SALES_ESTIMATE", ("Borrador", "Pendiente", "Enviado", "Aceptado", "Rechazado", "Caducado")),
    ("WORK_ORDER", ("Pendiente", "Programada", "En curso", "Finalizada", "Cancelada")),
    ("ORDINARY_INVOICE", ("Pendiente", "Cobrada", "Vencida", "Cerrada")),
)
COLORS = ("#9E9E9E", "#FFC107", "#2196F3", "#4CAF50", "#F44336", "#795548")


def product_records(kind: str) -> list[dict[str, Any]]:
    items = PRODUCTS if kind == "products" else SERVICES
    base, prefix = (2001, "PRD") if kind == "products" else (3001, "SRV")
    return [
        {
            "id": base + n,
            "name": name,
            "reference": f"{prefix}-{n + 1:04d}",
            "description": f"{name}. Precio sin IVA.",
            "barcode": f"84{base + n:011d}" if kind == "products" else "",
            "sales-price": price,
            "primary-tax-percentage": 21.0,
            "inactive": n == len(items) - 1,
            "path": f"/{kind}/{base + n}",
        }
        for n, (name, price) in enumerate(items)
    ]


def state_records() -> list[dict[str, Any]]:
    out, next_id = [], 1
    for doc_type, names in DOCUMENT_STATES:
        for order, name in enumerate(names):
            out.append(
                {
                    "id": next_id,
                    "name": name,
                    "type": doc_type,
                    "order": order + 1,
                    "color": COLORS[order % len(COLORS)],
                    "path": f"/documentStates/{next_id}",
                }
            )
            next_id += 1
    return out


def _state_id(doc_type: str, name: str) -> int:
    ids = [s["id"] for s in state_records() if s["type"] == doc_type and s["name"] == name]
    return int(ids[0])


STATE_IDS = {(t, n): _state_id(t, n) for t, names in DOCUMENT_STATES for n in names}
STATE_WEIGHTS = {
    "salesEstimates": (
        "SALES_ESTIMATE",
        pool("Borrador, Pendiente, Enviado, Enviado, Aceptado, Aceptado, Aceptado, Rechazado, Caducado"),
    ),
    "workOrders": (
        "WORK_ORDER",
        pool("Pendiente, Programada, Programada, En curso, Finalizada, Finalizada, Finalizada, Cancelada"),
    ),
    "ordinaryInvoices": (
        "ORDINARY_INVOICE",
        ("Pendiente", "Cobrada", "Cobrada", "Cobrada", "Vencida", "Cerrada"),
    ),
}
