"""Perfect Books activity log: calls, e-mails, texts and meeting logs per contact (activities.csv).

Loosely typed like the rest of the export: type and direction words spelled several ways, times
with an offset, in UTC or with none at all (Toronto wall-clock), bodies plain, HTML or empty.
"""

from __future__ import annotations

import random
from datetime import datetime

from assistant.fixturegen import history_mess as hm
from assistant.fixturegen import people as p
from assistant.fixturegen.lists import columns
from assistant.fixturegen.pb_people import DOMAIN, USERS
from assistant.fixturegen.rng import record_rng

HEADER = columns(
    "id, type, direction, occurred_at, duration_seconds, subject, body, contact_id, deal_id, "
    "owner_id, outcome, from, to"
)
TORONTO = hm.Zone(-5, -4)
_TYPES = {  # kind -> how the export spells it (several tools wrote into one log over the years)
    "call": ("call", "Call", "Phone call"),
    "email": ("email", "Email", "E-mail"),
    "sms": ("sms", "SMS", "Text message"),
    "meeting": ("meeting", "Meeting"),
}
_KINDS = ("call", "call", "call", "email", "email", "email", "sms", "meeting")
_DIRECTIONS = {"inbound": ("inbound", "Inbound", "in"), "outbound": ("outbound", "Outbound", "OUT")}
_OUTCOMES = ("answered", "answered", "no answer", "Left voicemail", "busy", "")
_SUBJECTS = ("Year-end documents", "Payroll question", "Engagement letter", "T4 slips", "Invoice #{n}")
_REPLIES = (
    "Thanks, I have attached the bank statements for October and November.",
    "Could you confirm the payroll figures before Friday? Two new hires start on the 15th.",
    "We reviewed the draft; the HST line still looks off compared with last year.",
    "Following up on my voicemail: we need the signed engagement letter to start.",
)


def activity_row(seed: int, k: int, contacts: int, deals: int) -> list[str]:
    rng = record_rng(seed, "pb-history", k)
    kind = rng.choice(_KINDS)
    local = hm.when(rng)
    direction = rng.choice(("inbound", "outbound")) if kind != "meeting" else ""
    owner = rng.choice(USERS)
    contact = 10000 + (contacts + 300 + k if hm.unresolved(k) else rng.randrange(contacts))
    phone = p.us_phone(rng, rng.choice(("613", "819", "343")))
    office = f"(613) 555-01{rng.randrange(100):02d}"
    ends: tuple[str, str] = ("", "")
    if kind in ("call", "sms"):
        ends = (phone, office) if direction == "inbound" else (office, phone)
    elif kind == "email":
        client = f"client{rng.randrange(1000)}@example.ca"
        ends = (client, owner[2]) if direction == "inbound" else (owner[2], client)
    return [
        f"act_{k + 1:05d}",
        rng.choice(_TYPES[kind]),
        rng.choice(_DIRECTIONS[direction]) if direction else "",
        _timestamp(rng, local),
        str(rng.randrange(20, 1900)) if kind in ("call", "meeting") else "",
        rng.choice(_SUBJECTS).format(n=rng.randrange(1000, 9999)) if kind in ("email", "meeting") else "",
        _body(rng, kind, k),
        str(contact),
        f"deal-{rng.randrange(deals) + 1:05d}" if rng.random() < 0.25 else "",
        owner[0],
        rng.choice(_OUTCOMES) if kind == "call" else "",
        *ends,
    ]


def _timestamp(rng: random.Random, local: datetime) -> str:
    form = rng.choice(("offset", "offset", "utc", "none"))
    if form == "offset":
        return hm.with_offset(local, TORONTO, colon=True)
    if form == "utc":
        return hm.as_utc(local, TORONTO)
    return local.strftime("%Y-%m-%d %H:%M:%S")  # the old desktop tool wrote local time, no zone


def _body(rng: random.Random, kind: str, k: int) -> str:
    if kind == "email" and hm.long_thread(k):
        quote = "On {n} Mar, Claire Tremblay <claire@" + DOMAIN + "> wrote:"
        return hm.thread(rng, _REPLIES, quote, "--\nNorthgate Advisory")
    if kind == "email":
        text = rng.choice(_REPLIES)
        return rng.choice((text, hm.html([text, "Best regards,", "Claire"]), ""))
    if kind == "call":
        return rng.choice(("", "", "Discussed Q3 books; sending summary.", "Wants a call back after 3 pm."))
    if kind == "sms":
        return rng.choice(("Running 10 min late", "Docs dropped off at reception", "OK thanks!", ""))
    return rng.choice(("Reviewed the year-end checklist together.", "Intro meeting & fee discussion", ""))


TIMESTAMPS = "occurred_at with an offset (-05:00/-04:00), in UTC (Z), or with none (Toronto wall-clock)"
