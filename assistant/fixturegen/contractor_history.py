"""Contractor+ communication log (communications.csv): calls, e-mails and texts per client.

Display-label headers and US wall-clock times with no zone (`03/05/2024 02:45 PM`), except the
rows the phone system synced, which carry an offset; bodies plain, HTML or empty.
"""

from __future__ import annotations

import random
from datetime import datetime

from assistant.fixturegen import history_mess as hm
from assistant.fixturegen import people as p
from assistant.fixturegen.contractor_clients import USERS
from assistant.fixturegen.lists import columns
from assistant.fixturegen.rng import record_rng

HEADER = columns(
    "Log ID, Client ID, Type, Direction, Date, Subject, Message, From, To, Call Result, Duration, Logged By"
)
CENTRAL = hm.Zone(-6, -5)
TIMESTAMPS = (
    "Date as MM/DD/YYYY hh:mm AM/PM (Austin wall-clock, no zone); phone-system rows ISO with -06:00/-05:00"
)
_TYPES = {"call": "Phone Call", "email": "Email", "sms": "Text Message", "meeting": "Site Visit"}
_KINDS = ("call", "call", "call", "email", "email", "sms", "sms", "meeting")
_RESULTS = ("Completed", "Completed", "No Answer", "Voicemail", "Busy")
_REPLIES = (
    "Hi, just confirming the technician window for tomorrow between 8 and 10.",
    "Attached is the revised estimate with the second condenser removed.",
    "The unit is making the same noise again, can someone come back out?",
    "Thanks for the quick fix! Please send the invoice to our AP inbox.",
)
_TEXTS = ("On my way, ETA 15 min", "Gate code is 4411#", "Can we move to Thursday?", "Payment sent", "")


def communication_row(seed: int, k: int, clients: int) -> list[str]:
    rng = record_rng(seed, "contractor-history", k)
    kind = rng.choice(_KINDS)
    local = hm.when(rng)
    incoming = rng.random() < 0.45
    user = rng.choice(USERS)
    client = clients + 500 + k if hm.unresolved(k) else rng.randrange(clients)
    phone = p.us_phone(rng, rng.choice(("512", "737")))
    office = "(512) 555-0100"
    ends = ("", "")
    if kind in ("call", "sms"):
        ends = (phone, office) if incoming else (office, phone)
    elif kind == "email":
        mail = f"customer{rng.randrange(900)}@gmail.com"
        ends = (mail, user[1]) if incoming else (user[1], mail)
    return [
        f"LOG-{20001 + k}",
        f"CL-{1001 + client}",
        _TYPES[kind],
        ("Incoming" if incoming else "Outgoing") if kind != "meeting" else "",
        _stamp(rng, local, synced=kind == "call" and rng.random() < 0.3),
        rng.choice(("Estimate follow-up", "Service reminder", "Re: Invoice", "Warranty claim"))
        if kind == "email"
        else "",
        _message(rng, kind, k),
        *ends,
        rng.choice(_RESULTS) if kind == "call" else "",
        f"{rng.randrange(0, 25)}:{rng.randrange(60):02d}" if kind == "call" else "",
        user[0],
    ]


def _stamp(rng: random.Random, local: datetime, synced: bool) -> str:
    if synced:
        return hm.with_offset(local, CENTRAL, colon=True)
    return local.strftime("%m/%d/%Y %I:%M %p")


def _message(rng: random.Random, kind: str, k: int) -> str:
    if kind == "email" and hm.long_thread(k):
        return hm.thread(rng, _REPLIES, "-----Original Message-----\nFrom: Lone Star Home Services", "Dan")
    if kind == "email":
        text = rng.choice(_REPLIES)
        return rng.choice((text, hm.html([text, "Thanks,", "Lone Star Home Services"])))
    if kind == "sms":
        return rng.choice(_TEXTS)
    if kind == "call":
        return rng.choice(("", "", "Customer asked about financing options.", "Left message re: filters"))
    return rng.choice(("Walked the attic with the homeowner; ducts need sealing.", ""))
