"""Close: the activity log beside the lead export (``GET /activity/``, one list of every kind).

From Close's API documentation: every activity has ``id``, ``_type`` (Call, Email, SMS, Meeting,
Note), ``lead_id``, ``contact_id``, ``user_name`` and ``date_created``. Calls add ``direction``
(outbound / inbound), ``disposition`` (answered, no-answer, vm-answer, vm-left, busy, blocked,
error, abandoned), ``duration`` (seconds), ``local_phone``, ``remote_phone`` and ``note``; e-mails
``direction`` (outgoing / incoming), ``subject``, ``body_text``, ``body_html`` and ``sender``; SMS
``direction``, ``text`` and the two phones; meetings ``title``, ``starts_at``, ``ends_at`` and
``note``. Keys a kind lacks are absent from its records.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from evals.casegen.common import write_json

DISPOSITIONS = ["answered", "answered", "no-answer", "vm-left", "vm-answer", "busy", "abandoned"]
KINDS = ["Call", "Call", "Call", "Email", "Email", "SMS", "Meeting", "Note"]
EMAILS = [
    "Following up on the proposal we sent last week.",
    "Attached is the signed order form.",
    "Can we move our call to Thursday?",
]


def activities(
    rng: random.Random, leads: list[dict[str, Any]], users: list[str], count: int
) -> list[dict[str, Any]]:
    """``count`` activities on the given leads' contacts, drawn from ``rng`` alone."""
    out: list[dict[str, Any]] = []
    for n in range(count):
        lead = rng.choice(leads)
        contact = rng.choice(lead["contacts"])
        kind = KINDS[n % len(KINDS)] if n < len(KINDS) else rng.choice(KINDS)
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        when = f"{day}T{rng.randint(13, 23):02d}:{rng.randint(0, 59):02d}"
        record: dict[str, Any] = {
            "id": f"acti_{rng.getrandbits(40):x}",
            "_type": kind,
            "lead_id": lead["id"],
            "contact_id": contact["id"],
            "user_name": rng.choice(users),
            "date_created": f"{when}:00.{rng.randint(0, 999999):06d}+00:00",
        }
        inbound = rng.random() < 0.4
        if kind == "Call":
            record |= {
                "direction": "inbound" if inbound else "outbound",
                "disposition": rng.choice(DISPOSITIONS),
                "duration": rng.randint(0, 1500),
                "local_phone": "+15125550100",
                "remote_phone": contact["phone"],
                "note": rng.choice(["", "Asked for pricing on the annual plan.", "Gatekeeper; call back"]),
            }
        elif kind == "Email":
            text = rng.choice(EMAILS)
            record |= {
                "direction": "incoming" if inbound else "outgoing",
                "subject": rng.choice(["Re: Proposal", "Order form", "Quick question"]),
                "body_text": text,
                "body_html": f"<div>{text}</div>",
                "sender": contact["email"]
                if inbound
                else f"{record['user_name'].split()[0].lower()}@example.com",
            }
        elif kind == "SMS":
            record |= {
                "direction": "inbound" if inbound else "outbound",
                "text": rng.choice(["Running late, 10 min", "Yes, Thursday works", "Thanks!"]),
                "local_phone": "+15125550100",
                "remote_phone": contact["phone"],
            }
        elif kind == "Meeting":
            record |= {
                "title": rng.choice(["Demo", "Onboarding kickoff", "Quarterly review"]),
                "starts_at": f"{when}:00+00:00",
                "ends_at": f"{when[:-2]}59:00+00:00",
                "note": rng.choice(["", "Went through the reporting module."]),
            }
        else:
            record["note"] = rng.choice(["Prefers e-mail", "Budget approved for Q3"])
        out.append(record)
    return out


def write(
    cases_dir: Path, case: str, rng: random.Random, leads: list[dict[str, Any]], users: list[str]
) -> None:
    write_json(cases_dir / case / "source" / "activities.json", activities(rng, leads, users, 120))
