"""FreshBooks: the Accounting API's client, estimate and invoice lists (JSON), a Canadian studio.

Sources: FreshBooks's API reference (https://www.freshbooks.com/api/clients,
https://www.freshbooks.com/api/invoices, https://www.freshbooks.com/api/estimates, its example
client in https://staging.freshenv.com/api/clients and
https://developers.qodex.ai/freshbooks-s-public/freshbooks-api/clients-89/new-client-1) and its help
centre (https://support.freshbooks.com/hc/en-us/articles/217181797, clients and secondary contacts;
https://support.freshbooks.com/hc/en-us/articles/360003248452, client import headers). A client has
an integer ``id`` (and the same ``userid``), ``fname``, ``lname``, ``organization`` (filled with the
first and last name when a client has no business name), ``email``, ``bus_phone`` / ``home_phone``
(often null) / ``mob_phone`` / ``fax``, a billing address ``p_street``, ``p_street2``, ``p_city``,
``p_province``, ``p_code``, ``p_country`` (sometimes blank) and a shipping one ``s_*`` (mostly blank),
``currency_code``, ``language``, ``note``, ``vat_name`` / ``vat_number`` (a GST/HST business number),
``signup_date`` / ``updated`` (``YYYY-MM-DD HH:MM:SS``), ``vis_state`` (0 active, 2 archived) and
flags. Invoices and estimates name their client by ``customerid`` and copy its ``fname``, ``lname``,
``organization``; money is an object ``{"amount": "1130.00", "code": "CAD"}`` (``amount``, ``paid``,
``outstanding``); numbers are zero-padded text (``0000042``); dates ``YYYY-MM-DD``. An invoice's
``v3_status`` is draft / sent / viewed / paid / autopaid / partial / disputed beside the numeric
``status`` code and ``payment_status`` (unpaid / partial / paid); an invoice made from an estimate
names it by ``estimateid`` (0 otherwise). An estimate's ``ui_status`` is draft / sent / viewed /
replied / accepted / invoiced beside its numeric ``status`` and the ``accepted`` / ``invoiced`` flags.
"""

from __future__ import annotations

import datetime
import random
from pathlib import Path
from typing import Any

from evals.casegen.common import CASES_DIR, companies, date, destination, maybe, people, rng_for, write_json

CASE = "freshbooks"
# (city, province, postal code); Montréal's clients write French.
PLACES = [
    ("Toronto", "Ontario", "M6P 3T1"), ("Toronto", "Ontario", "M4C 1B5"), ("Ottawa", "Ontario", "K1P 5G4"),
    ("Mississauga", "Ontario", "L5B 3C2"), ("Vancouver", "British Columbia", "V6B 1A1"),
    ("Calgary", "Alberta", "T2P 2M5"), ("Montréal", "Quebec", "H2X 1Y4"),
]  # fmt: skip
AREA = {"Ontario": [416, 647, 613, 905], "British Columbia": [604], "Alberta": [403], "Quebec": [514]}
STREETS = {
    "Ontario": ["Dupont St. W.", "Queen St. E.", "Bank St."], "British Columbia": ["Granville St."],
    "Alberta": ["8 Ave SW"], "Quebec": ["rue Saint-Denis"],
}  # fmt: skip
NOTES = ["Send invoices to accounts payable", "Prefers e-transfer", "Net 15 agreed by phone", ""]
TERMS = {"Net 30": 30, "Due upon receipt": 0, "Net 15": 15}
INVOICE_STATUS = {"disputed": 0, "draft": 1, "sent": 2, "viewed": 3, "paid": 4, "autopaid": 5, "partial": 8}
INVOICE_MIX = ["draft", "sent", "viewed", "paid", "paid", "paid", "autopaid", "partial", "sent", "disputed"]
ESTIMATE_STATUS = {"draft": 1, "sent": 2, "viewed": 3, "replied": 4, "accepted": 5, "invoiced": 6}
# (first, last, e-mail, role, job title): Theo signed up with a private address; Priya has no user.
TEAM = [
    ("Nadia", "Okafor", "nadia@mapleandbirch.ca", "owner", "Principal Designer"),
    ("Theo", "Lambert", "theo.lambert@gmail.com", "business_admin", "Studio Manager"),
    ("Priya", "Desai", "priya.desai@mapleandbirch.ca", "business_employee", "Junior Designer"),
]
ESTIMATE_MIX = ["draft", "sent", "viewed", "accepted", "invoiced", "sent", "viewed", "invoiced", "replied"]


def _phone(rng: random.Random, province: str) -> str:
    area, mid, end = rng.choice(AREA[province]), rng.randint(200, 999), rng.randint(1000, 9999)
    return rng.choice([f"({area}) {mid}-{end}", f"{area}-{mid}-{end}", f"+1 {area} {mid} {end}"])


def _stamp(rng: random.Random, year: int) -> str:
    return f"{date(rng, year)} {rng.randint(8, 20):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"


def _iso(rng: random.Random, year: int) -> str:
    return f"{date(rng, year)}T{rng.randint(10, 20)}:{rng.randint(10, 59)}:00Z"


def _money(amount: float, code: str) -> dict[str, str]:
    return {"amount": f"{amount:.2f}", "code": code}


def _po(rng: random.Random) -> str:
    return f"PO-{rng.randint(1000, 9999)}"


def _clients(rng: random.Random) -> list[dict[str, Any]]:
    rows = []
    firms = iter(companies(rng, 24))
    for i, p in enumerate(people(rng, 36)):
        firm = next(firms) if rng.random() < 0.55 else ""
        city, province, code = rng.choice(PLACES)
        shipping = rng.random() < 0.15
        s_city, s_province, s_code = rng.choice(PLACES)
        client_id = 238951 + i * 7
        rows.append(
            {
                "id": client_id, "userid": client_id, "fname": p.first, "lname": p.last,
                "organization": firm or p.full,
                "email": p.email(firm.split()[0].lower() + ".ca" if firm else "gmail.com"),
                "bus_phone": maybe(rng, 0.9, _phone(rng, province)) if firm else "",
                "home_phone": _phone(rng, province) if not firm and rng.random() < 0.2 else None,
                "mob_phone": maybe(rng, 0.4 if firm else 0.85, _phone(rng, province)),
                "fax": maybe(rng, 0.08, _phone(rng, province)),
                "p_street": f"{rng.randint(10, 2999)} {rng.choice(STREETS[province])}",
                "p_street2": maybe(rng, 0.2, f"Suite {rng.randint(100, 900)}"),
                "p_city": city, "p_province": province, "p_code": code,
                "p_country": maybe(rng, 0.8, "Canada"),
                "s_street": f"{rng.randint(10, 2999)} {rng.choice(STREETS[s_province])}" if shipping else "",
                "s_city": s_city if shipping else "", "s_province": s_province if shipping else "",
                "s_code": s_code if shipping else "", "s_country": "Canada" if shipping else "",
                "currency_code": "USD" if rng.random() < 0.1 else "CAD",
                "language": "fr" if province == "Quebec" else "en",
                "note": rng.choice(NOTES) if rng.random() < 0.35 else None,
                "vat_name": (rng.choice(["HST", "GST"]) if firm and rng.random() < 0.5 else None),
                "vat_number": "",
                "signup_date": _stamp(rng, 2022), "updated": _stamp(rng, 2024),
                "vis_state": 2 if rng.random() < 0.12 else 0,
                "allow_late_fees": rng.random() < 0.3, "pref_email": True,
            }
        )  # fmt: skip
        if rows[-1]["vat_name"]:
            rows[-1]["vat_number"] = f"{rng.randint(100000000, 999999999)} RT0001"
    return rows


def _party(client: dict[str, Any]) -> dict[str, Any]:
    return {"fname": client["fname"], "lname": client["lname"], "organization": client["organization"]}


def _estimates(rng: random.Random, clients: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for i in range(36):
        client = rng.choice(clients)
        status = ESTIMATE_MIX[i % len(ESTIMATE_MIX)]
        rows.append(
            {
                "id": 51200 + i, "estimateid": 51200 + i, "estimate_number": f"{21 + i:07d}",
                "customerid": client["id"], "create_date": date(rng, 2024), **_party(client),
                "amount": _money(rng.randint(8, 240) * 62.5, client["currency_code"]), "ui_status": status,
                "status": ESTIMATE_STATUS[status], "accepted": status in ("accepted", "invoiced"),
                "invoiced": status == "invoiced", "po_number": maybe(rng, 0.2, _po(rng)),
                "notes": maybe(rng, 0.4, rng.choice(["Valid for 30 days.", "Includes two revision rounds."])),
                "terms": maybe(rng, 0.5, "50% deposit on acceptance"), "vis_state": 0, "ownerid": 1,
            }
        )  # fmt: skip
    return rows


def _invoices(
    rng: random.Random, clients: list[dict[str, Any]], estimates: list[dict[str, Any]]
) -> list[Any]:
    by_id = {c["id"]: c for c in clients}
    converted = [e for e in estimates if e["ui_status"] == "invoiced"]
    rows = []
    for i in range(50):
        estimate = converted[i] if i < len(converted) else None
        client = by_id[estimate["customerid"]] if estimate else rng.choice(clients)
        status = INVOICE_MIX[i % len(INVOICE_MIX)]
        total = float(estimate["amount"]["amount"]) if estimate else rng.randint(4, 160) * 56.5
        paid = (
            total if status in ("paid", "autopaid") else round(total * 0.4, 2) if status == "partial" else 0.0
        )
        created = datetime.date(2024, rng.randint(1, 12), rng.randint(1, 28))
        terms = rng.choice(list(TERMS))
        settled = created + datetime.timedelta(days=rng.randint(1, 40))
        code = client["currency_code"]
        payment = "paid" if paid == total else "partial" if paid else "unpaid"
        rows.append(
            {
                "id": 700300 + i, "invoiceid": 700300 + i, "invoice_number": f"{101 + i:07d}",
                "customerid": client["id"], "create_date": created.isoformat(),
                "due_date": (created + datetime.timedelta(days=TERMS[terms])).isoformat(),
                "date_paid": settled.isoformat() if payment == "paid" else None, **_party(client),
                "amount": _money(total, code), "paid": _money(paid, code),
                "outstanding": _money(total - paid, code),
                "v3_status": status, "payment_status": payment, "status": INVOICE_STATUS[status],
                "currency_code": code, "po_number": maybe(rng, 0.15, _po(rng)),
                "notes": rng.choice(["Thank you for your business.", "Thank you for your business.", ""]),
                "terms": terms, "vis_state": 0,
                "estimateid": estimate["estimateid"] if estimate else 0,
            }
        )  # fmt: skip
    return rows


def _team(rng: random.Random) -> list[dict[str, Any]]:
    rows = []
    for i, (first, last, email, role, title) in enumerate(TEAM):
        rows.append(
            {
                "uuid": f"{rng.getrandbits(32):08x}-{rng.getrandbits(16):04x}-4{rng.getrandbits(12):03x}-"
                f"9{rng.getrandbits(12):03x}-{rng.getrandbits(48):012x}",
                "first_name": first, "middle_name": None, "last_name": last, "email": email,
                "job_title": title, "phone_number": maybe(rng, 0.5, _phone(rng, "Ontario")) or None,
                "business_id": 6806492, "business_role_name": role, "active": True,
                "identity_id": 4410020 + i * 13,
                "invitation_date_accepted": _iso(rng, 2022), "created_at": _iso(rng, 2021),
            }
        )  # fmt: skip
    return rows


def build(cases_dir: Path = CASES_DIR) -> None:
    rng = rng_for(CASE)
    root = cases_dir / CASE / "source"
    clients = _clients(rng)
    estimates = _estimates(rng, clients)
    write_json(root / "clients.json", clients)
    write_json(root / "estimates.json", estimates)
    write_json(root / "invoices.json", _invoices(rng, clients, estimates))
    write_json(root / "team_members.json", _team(rng))
    state = destination(
        CASE,
        "CA",
        {"Quotes": ["Preparing Quote", "Quote Sent", "Quote Opened", "Approved", "Converted to Invoice"]},
        [("Nadia", "Okafor", "nadia@mapleandbirch.ca"), ("Theo", "Lambert", "theo@mapleandbirch.ca")],
        custom_fields=[("GST/HST Number", "contact.gsthst_number", "TEXT", "contact")],
    )
    state["nativeDocuments"] = ["invoice", "estimate"]  # the sub-account takes HighLevel's own documents
    write_json(cases_dir / CASE / "destination.json", state)
