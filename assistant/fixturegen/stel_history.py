"""STEL Order client history (history.json): calls, e-mails, messages, visits and incident entries.

The client sheet's timeline as the API dump holds it: kebab-case keys, the account's own Spanish
type names (like its document states), `account-id` + `account-path`, and an `event-id` or
`incident-id` on the entries that came from a calendar event or a service ticket. Dates carry
`+0100`/`+0200`, `.000+01:00` (mobile app) or no zone at all (imported from e-mail).
"""

from __future__ import annotations

import random
from datetime import datetime
from typing import Any

from assistant.fixturegen import history_mess as hm
from assistant.fixturegen.rng import record_rng
from assistant.fixturegen.stel_accounts import AGENT_WEIGHTS, CLIENT_BASE_ID, EMPLOYEES

MADRID = hm.Zone(1, 2)
TIMESTAMPS = "date with +0100/+0200, .000+01:00 (mobile app) or no zone (Madrid wall-clock)"
_TYPES = {
    "call": ("Llamada", "Llamada telefónica"),
    "email": ("Email", "Correo electrónico"),
    "sms": ("SMS", "WhatsApp"),
    "meeting": ("Reunión", "Visita"),
    "incident": ("Incidencia",),
}
_KINDS = ("call", "call", "call", "email", "email", "sms", "meeting", "incident")
_REPLIES = (
    "Buenos días, le adjunto el presupuesto revisado con el cambio de la caldera.",
    "¿Podrían pasar el jueves por la mañana? El portero estará hasta las 14:00.",
    "Confirmamos la aceptación del presupuesto; quedamos a la espera de fecha.",
    "Les recuerdo que la factura de marzo sigue pendiente de pago.",
)


def history_record(seed: int, k: int, clients: int, events: int, incidents: int) -> dict[str, Any]:
    rng = record_rng(seed, "stel-history", k)
    kind = rng.choice(_KINDS)
    local = hm.when(rng)
    account = CLIENT_BASE_ID + (clients + 700 + k if hm.unresolved(k) else rng.randrange(clients))
    employee = rng.choice(AGENT_WEIGHTS)
    incoming = rng.random() < 0.5
    return {
        "id": 700001 + k,
        "account-id": account,
        "account-path": f"/clients/{account}",
        "history-type": rng.choice(_TYPES[kind]),
        "direction": None if kind in ("meeting", "incident") else ("INCOMING" if incoming else "OUTGOING"),
        "date": _date(rng, local, k),
        "subject": _subject(rng, kind),
        "description": _description(rng, kind, k, employee),
        "employee-id": employee,
        "event-id": 500001 + rng.randrange(events) if kind == "meeting" and events else None,
        "incident-id": 400001 + rng.randrange(incidents) if kind == "incident" and incidents else None,
    }


def _date(rng: random.Random, local: datetime, k: int) -> str:
    if k % 7 == 3:  # the mobile app writes its own local offset
        return local.strftime("%Y-%m-%dT%H:%M:%S.000+01:00")
    if rng.random() < 0.15:  # imported from the mail account: wall-clock time, no zone
        return local.strftime("%Y-%m-%dT%H:%M:%S")
    return hm.with_offset(local, MADRID, colon=False)


def _subject(rng: random.Random, kind: str) -> str:
    return {
        "call": rng.choice(("Llamada cliente", "Confirmar cita", "")),
        "email": rng.choice(("Presupuesto PRE00123", "RE: Factura pendiente", "Consulta mantenimiento")),
        "sms": "",
        "meeting": rng.choice(("Visita técnica", "Medición", "Reunión de obra")),
        "incident": rng.choice(("Incidencia abierta", "Incidencia resuelta", "Cambio de estado")),
    }[kind]


def _description(rng: random.Random, kind: str, k: int, employee: int | None) -> str:
    signer = next((f"{e[1]} {e[2]}" for e in EMPLOYEES if e[0] == employee), "Reformas Levante")
    if kind == "email" and hm.long_thread(k):
        quote = "El {n} de marzo, Reformas Levante escribió:"
        return hm.thread(rng, _REPLIES, quote, f"Un saludo,\n{signer}")
    if kind == "email":
        text = rng.choice(_REPLIES)
        return rng.choice((text, hm.html([text, "Un saludo,", signer]), ""))
    if kind == "call":
        return rng.choice(("", "No contesta, volver a llamar", "Pide cita para revisar la caldera"))
    if kind == "sms":
        return rng.choice(("Llegamos en 10 minutos", "Ok, gracias", ""))
    if kind == "incident":
        return rng.choice(("Cliente avisa: gotea el split", "Incidencia cerrada tras la visita", ""))
    return rng.choice(("Medición del baño, 6 m²", "Revisión con el cliente del avance de obra", ""))
